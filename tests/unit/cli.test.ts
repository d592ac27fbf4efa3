import { describe, expect, it } from 'vitest';
import { defaultDataFolder } from '../../electron/core/dataFolder';
import { runBin } from '../support/cliRun';

describe('the badgefolio CLI, run as a user would', () => {
  it('prints the commands for --help and exits 0', () => {
    const result = runBin(['--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Usage: badgefolio <command> [options]');
    expect(result.stdout).toContain('Commands:');
    expect(result.stdout).toContain('--version');
  });

  it('prints the package version for --version', () => {
    const result = runBin(['--version']);
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('rejects an unknown command with exit 2 and a pointer to --help', () => {
    const result = runBin(['frobnicate']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Unknown command "frobnicate"');
    expect(result.stderr).toContain('--help');
  });
});

describe('the default data folder', () => {
  it('matches where Electron keeps the app data on each platform', () => {
    expect(defaultDataFolder('linux', {}, '/home/ana')).toBe('/home/ana/.config/Badgefolio');
    expect(defaultDataFolder('linux', { XDG_CONFIG_HOME: '/xdg' }, '/home/ana')).toBe('/xdg/Badgefolio');
    expect(defaultDataFolder('darwin', {}, '/Users/ana')).toBe('/Users/ana/Library/Application Support/Badgefolio');
    expect(defaultDataFolder('win32', { APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, 'C:\\Users\\ana')).toBe(
      'C:\\Users\\ana\\AppData\\Roaming\\Badgefolio',
    );
  });
});
