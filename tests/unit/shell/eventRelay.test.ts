import { describe, expect, it } from 'vitest';
import { createEventRelay, events, ipcEventId, shellEventNames } from '../../../shared/contract/events';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the event relay behind window.walletEvents', () => {
  it('calls every listener of an event with its validated payload, until it unsubscribes', () => {
    const relay = createEventRelay();
    const seen: string[] = [];
    const off = relay.on('menuCommand', (payload) => seen.push(`a:${payload.command}`));
    relay.on('menuCommand', (payload) => seen.push(`b:${payload.command}`));
    relay.deliver('menuCommand', { command: 'exportPdf' });
    off();
    off();
    relay.deliver('menuCommand', { command: 'preferences' });
    expect(seen).toEqual(['a:exportPdf', 'b:exportPdf', 'b:preferences']);
  });

  it('drops unknown events and payloads that do not match their schema', () => {
    const relay = createEventRelay();
    const seen: unknown[] = [];
    relay.on('filesWaiting', (payload) => seen.push(payload));
    relay.deliver('filesWaiting', { count: -1, names: [] });
    relay.deliver('filesWaiting', { count: 1, names: ['a'], extra: true });
    relay.deliver('filesWaiting', 'two files');
    relay.deliver('noSuchEvent', { count: 1, names: [] });
    relay.deliver('__proto__', {});
    relay.deliver('filesWaiting', { count: 2, names: ['a.png', 'b.jwt'] });
    expect(seen).toEqual([{ count: 2, names: ['a.png', 'b.jwt'] }]);
  });

  it('keeps the last events nobody listened to and replays them to the first listener', async () => {
    const relay = createEventRelay(2);
    for (const count of [1, 2, 3]) relay.deliver('filesWaiting', { count, names: [] });
    const seen: number[] = [];
    relay.on('filesWaiting', (payload) => seen.push(payload.count));
    expect(seen).toEqual([]); // replayed after on() returns, like a live event
    await flush();
    expect(seen).toEqual([2, 3]);
    const later: number[] = [];
    relay.on('filesWaiting', (payload) => later.push(payload.count));
    await flush();
    expect(later).toEqual([]); // replayed once, to the first listener only
  });

  it('keeps delivering when a listener throws, and refuses a bad subscription plainly', () => {
    const relay = createEventRelay();
    const seen: string[] = [];
    relay.on('backupOpened', () => {
      throw new Error('listener bug');
    });
    relay.on('backupOpened', (payload) => seen.push(payload.fileName));
    relay.deliver('backupOpened', { fileName: 'wallet.badgefolio-backup' });
    expect(seen).toEqual(['wallet.badgefolio-backup']);
    // @ts-expect-error: not an event name
    expect(() => relay.on('nope', () => undefined)).toThrow(/no event named "nope"/);
    // @ts-expect-error: not a function
    expect(() => relay.on('notices', 'listener')).toThrow(/must be a function/);
  });

  it('gives each event its own IPC namespace beside the requests', () => {
    expect(shellEventNames.sort()).toEqual(Object.keys(events).sort());
    expect(shellEventNames.map(ipcEventId)).toContain('badgefolio-event:menuCommand');
    expect(new Set(shellEventNames.map(ipcEventId)).size).toBe(shellEventNames.length);
  });
});
