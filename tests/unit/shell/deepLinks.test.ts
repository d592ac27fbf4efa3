import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ipcChannelId } from '../../../shared/contract/channels';
import { ipcEventId, type ShellEventName } from '../../../shared/contract/events';
import { app as fakeApp, becomeReady, recorded } from '../../support/fakeElectron';

vi.mock('electron', () => import('../../support/fakeElectron'));
vi.mock('electron-store', () => import('../../support/fakeElectronStore'));

type IpcListener = (event: unknown, request: unknown) => Promise<unknown>;

function invoke(channel: string, request: unknown): Promise<unknown> {
  const listener = recorded.ipcHandlers.get(ipcChannelId(channel as never)) as IpcListener | undefined;
  if (!listener) throw new Error(`no handler for ${channel}`);
  return listener({ senderFrame: { url: 'app://badgefolio/index.html', parent: null } }, request);
}

function sent(name: ShellEventName): unknown[] {
  return (recorded.windows[0]?.webContents.sent ?? []).filter((message) => message.channel === ipcEventId(name)).map((message) => message.payload);
}

// Offers that end before any request: the flow's answer comes without touching the network.
const offer = (n: number): string => `openid-credential-offer://?credential_offer=${encodeURIComponent(JSON.stringify({ offer: n }))}`;
const launchLink = `badgefolio://receive?link=${encodeURIComponent(offer(1))}`;

describe('deep links reaching the built app (issue #20), with a stand-in electron', () => {
  const argv = process.argv;
  beforeAll(async () => {
    // A link clicked in a browser starts the packaged app with it (Windows, Linux).
    process.argv = ['/opt/Badgefolio/badgefolio', '--no-sandbox', launchLink];
    // @ts-expect-error: the built bundle has no type declarations; importing it starts the app.
    await import('../../../out/main/index.js');
    becomeReady();
    await vi.waitFor(() => {
      expect(recorded.windows).toHaveLength(1);
    });
  });
  afterAll(() => {
    process.argv = argv;
    vi.resetModules();
  });

  it('claims both schemes, and offers a running instance the link it was started with', () => {
    expect(recorded.protocolClients).toEqual([{ scheme: 'badgefolio' }, { scheme: 'openid-credential-offer' }]);
    expect(recorded.singleInstance.data).toEqual([{ files: [], links: [launchLink] }]);
  });

  it('keeps the link while there is no open wallet, then hands it to the window’s receive flow', async () => {
    await vi.waitFor(() => {
      expect(sent('linksWaiting').at(-1)).toEqual({ count: 1 });
    });
    expect(sent('linkOpened')).toEqual([]);
    await expect(invoke('createWallet', { passphrase: 'deep link test passphrase', remember: false })).resolves.toMatchObject({ ok: true });
    await vi.waitFor(() => {
      expect(sent('linkOpened')).toEqual([{ link: launchLink }]);
    });
    expect(sent('linksWaiting').at(-1)).toEqual({ count: 0 });
    // The window sends it on as a pasted link: the flow answers (here: this offer is unreadable).
    const answered = await invoke('receiveFromLink', { link: launchLink });
    expect(answered).toMatchObject({ ok: true, value: { step: 'done', result: { state: 'failed' }, rows: [] } });
  });

  it('a second launch with a link brings the window forward and hands the link over at once', async () => {
    const [window] = recorded.windows;
    const focused = window?.focused ?? 0;
    fakeApp.emit('second-instance', {}, ['/opt/Badgefolio/badgefolio', '--flag', offer(2)], '/home/someone', { files: [], links: [offer(3)] });
    expect(window?.focused).toBe(focused + 1);
    await vi.waitFor(() => {
      expect(sent('linkOpened').at(-1)).toEqual({ link: offer(3) });
    });
    // An older second launch (no links in its data): read from its command line.
    fakeApp.emit('second-instance', {}, ['/opt/Badgefolio/badgefolio', '--flag', offer(2)], '/home/someone', undefined);
    await vi.waitFor(() => {
      expect(sent('linkOpened').at(-1)).toEqual({ link: offer(2) });
    });
  });

  it('macOS open-url: the OS does not handle it, the window gets it', async () => {
    const preventDefault = vi.fn();
    fakeApp.emit('open-url', { preventDefault }, offer(4));
    expect(preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => {
      expect(sent('linkOpened').at(-1)).toEqual({ link: offer(4) });
    });
    // Something that is not a Badgefolio link is not passed on.
    fakeApp.emit('open-url', { preventDefault }, 'https://example.org/');
    fakeApp.emit('open-url', { preventDefault }, offer(5));
    await vi.waitFor(() => {
      expect(sent('linkOpened').at(-1)).toEqual({ link: offer(5) });
    });
    expect(sent('linkOpened')).not.toContainEqual({ link: 'https://example.org/' });
  });
});
