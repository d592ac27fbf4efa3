// What runs of the built CLI leave in a code-cache folder (electron/cli/codeCache.ts): the
// half-written files of a run that was killed, and in the user's cache folder the caches of
// builds no longer installed, are removed when a cache is next written; nothing else is.
import { existsSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tidyCacheFolder } from '../../electron/cli/codeCache';

const folder = mkdtempSync(path.join(os.tmpdir(), 'badgefolio-cache-tidy-'));
afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

const now = Date.parse('2026-12-08T12:00:00Z');
const day = 24 * 60 * 60 * 1000;

function file(name: string, ageMs: number): void {
  writeFileSync(path.join(folder, name), 'x');
  const time = new Date(now - ageMs);
  utimesSync(path.join(folder, name), time, time);
}

describe('tidying a code-cache folder', () => {
  it('removes old half-written files and old builds’ caches, keeping its own, recent ones and files of other names', () => {
    file('commands-0badf00d.v8cache', 90 * day); // this build's own cache, however old
    file('commands-11111111.v8cache', 31 * day); // a build not run for a month
    file('commands-22222222.v8cache', 2 * day); // another build, still in use
    file('commands-33333333.v8cache.4242.partial', 2 * 60 * 60 * 1000); // a run killed mid-write
    file('commands-0badf00d.v8cache.4343.partial', 5 * 60 * 1000); // a run writing right now
    file('commands.v8cache.77.partial', 3 * 60 * 60 * 1000); // beside the bundle, killed
    file('notes.txt', 400 * day);
    file('commands-zzzzzzzz.v8cache', 400 * day);
    tidyCacheFolder(path.join(folder, 'commands-0badf00d.v8cache'), now);
    expect(readdirSync(folder).sort()).toEqual([
      'commands-0badf00d.v8cache',
      'commands-0badf00d.v8cache.4343.partial',
      'commands-22222222.v8cache',
      'commands-zzzzzzzz.v8cache',
      'notes.txt',
    ]);
  });

  it('beside the bundle, removes only half-written files, and never fails on a missing folder', () => {
    file('commands.v8cache', 90 * day);
    file('commands.v8cache.99.partial', 2 * 60 * 60 * 1000);
    tidyCacheFolder(path.join(folder, 'commands.v8cache'), now);
    expect(existsSync(path.join(folder, 'commands.v8cache'))).toBe(true);
    expect(existsSync(path.join(folder, 'commands-0badf00d.v8cache'))).toBe(true);
    expect(existsSync(path.join(folder, 'commands.v8cache.99.partial'))).toBe(false);
    expect(() => {
      tidyCacheFolder(path.join(folder, 'gone', 'commands.v8cache'), now);
    }).not.toThrow();
  });
});
