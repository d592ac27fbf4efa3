import { describe, expect, it } from 'vitest';
import { UpdateService, updatePlan, type Updater, type UpdateStatus } from '../../../electron/core/updates';
import type { ShellEventName } from '../../../shared/contract/events';

describe('the update plan', () => {
  const packaged = { packaged: true, builtInFeed: true };

  it('is off by default, and off in a development build', () => {
    expect(updatePlan({ enabled: false, feedUrl: 'https://updates.example.org/' }, packaged)).toEqual({ check: false, reason: 'off' });
    expect(updatePlan({ enabled: true }, { packaged: false, builtInFeed: true })).toEqual({ check: false, reason: 'not-packaged' });
  });

  it('uses the feed the user gave, https only, else the one built into the release', () => {
    expect(updatePlan({ enabled: true, feedUrl: ' https://mirror.example.org/badgefolio ' }, packaged)).toEqual({
      check: true,
      feedUrl: 'https://mirror.example.org/badgefolio',
    });
    expect(updatePlan({ enabled: true }, packaged)).toEqual({ check: true, feedUrl: null });
    expect(updatePlan({ enabled: true, feedUrl: '' }, packaged)).toEqual({ check: true, feedUrl: null });
    for (const unsafe of ['http://mirror.example.org/', 'file:///etc/passwd', 'https://user:pw@mirror.example.org/', 'not a url']) {
      expect(updatePlan({ enabled: true, feedUrl: unsafe }, packaged), unsafe).toEqual({ check: false, reason: 'unsafe-feed' });
    }
    expect(updatePlan({ enabled: true }, { packaged: true, builtInFeed: false })).toEqual({ check: false, reason: 'no-feed' });
  });
});

/** Stands in for electron-updater (which needs a packaged Electron app and a server). */
class RecordingUpdater implements Updater {
  feeds: string[] = [];
  checks = 0;
  failNext = false;
  private listener: ((status: UpdateStatus) => void) | null = null;
  setFeed(url: string): void {
    this.feeds.push(url);
  }
  check(): Promise<void> {
    this.checks++;
    if (this.failNext) {
      this.failNext = false;
      return Promise.reject(new Error('net::ERR_INTERNET_DISCONNECTED'));
    }
    this.listener?.({ state: 'checking' });
    this.listener?.({ state: 'available', version: '0.2.0' });
    return Promise.resolve();
  }
  onStatus(listener: (status: UpdateStatus) => void): void {
    this.listener = listener;
  }
}

describe('the update service', () => {
  function service(context = { packaged: true, builtInFeed: false }) {
    const updater = new RecordingUpdater();
    let loads = 0;
    const published: { name: ShellEventName; payload: unknown }[] = [];
    const timers: { fn: () => void; ms: number; cleared: boolean }[] = [];
    const updates = new UpdateService({
      ...context,
      loadUpdater: () => {
        loads++;
        return Promise.resolve(updater);
      },
      publish: (name, payload) => published.push({ name, payload }),
      timers: {
        set: (fn, ms) => {
          const timer = { fn, ms, cleared: false };
          timers.push(timer);
          return timer;
        },
        clear: (handle) => {
          (handle as { cleared: boolean }).cleared = true;
        },
      },
    });
    return { updates, updater, published, timers, loads: () => loads };
  }

  it('never loads the updater while checks are off', async () => {
    const { updates, loads, timers } = service();
    await expect(updates.apply({ enabled: false })).resolves.toEqual({ check: false, reason: 'off' });
    await updates.apply({ enabled: true }); // no feed anywhere
    expect(loads()).toBe(0);
    expect(timers).toEqual([]);
  });

  it('checks at once and every six hours on the chosen feed, reporting each step to the renderer', async () => {
    const { updates, updater, published, timers } = service();
    await updates.apply({ enabled: true, feedUrl: 'https://mirror.example.org/app' });
    expect(updater.feeds).toEqual(['https://mirror.example.org/app']);
    expect(updater.checks).toBe(1);
    expect(timers.map((t) => t.ms)).toEqual([6 * 60 * 60 * 1000]);
    timers[0]?.fn();
    expect(updater.checks).toBe(2);
    expect(published.slice(0, 2)).toEqual([
      { name: 'updateStatus', payload: { state: 'checking' } },
      { name: 'updateStatus', payload: { state: 'available', version: '0.2.0' } },
    ]);
  });

  it('stops when turned off, and reports a failed check without throwing', async () => {
    const { updates, updater, published, timers } = service();
    updater.failNext = true;
    await updates.apply({ enabled: true, feedUrl: 'https://mirror.example.org/app' });
    expect(published).toEqual([{ name: 'updateStatus', payload: { state: 'error', message: 'net::ERR_INTERNET_DISCONNECTED' } }]);
    await updates.apply({ enabled: false, feedUrl: 'https://mirror.example.org/app' });
    expect(timers[0]?.cleared).toBe(true);
  });
});
