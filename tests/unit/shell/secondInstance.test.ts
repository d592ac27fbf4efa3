import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { becomeReady, recorded } from '../../support/fakeElectron';

vi.mock('electron', () => import('../../support/fakeElectron'));
vi.mock('electron-store', () => import('../../support/fakeElectronStore'));

describe('a second launch of the built app, with a stand-in electron', () => {
  const argv = process.argv;
  afterAll(() => {
    process.argv = argv;
    vi.resetModules();
  });

  it('hands its files to the running instance and quits before setting anything up', async () => {
    recorded.singleInstance.granted = false; // another Badgefolio holds the lock
    process.argv = ['/opt/Badgefolio/badgefolio', 'relative.png', '--enable-logging'];
    // @ts-expect-error: the built bundle has no type declarations; importing it starts the app.
    await import('../../../out/main/index.js');
    becomeReady();
    await vi.waitFor(() => {
      expect(recorded.order).toContain('quit');
    });
    expect(recorded.singleInstance.data).toEqual([{ files: [path.resolve('relative.png')] }]);
    expect(recorded.order).toEqual(['requestSingleInstanceLock', 'quit']);
    expect(recorded.windows).toEqual([]);
    expect(recorded.ipcHandlers.size).toBe(0);
  });
});
