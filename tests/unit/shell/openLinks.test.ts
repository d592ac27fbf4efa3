import { describe, expect, it } from 'vitest';
import type { ShellEventName, ShellEventPayload } from '../../../shared/contract/events';
import type { WalletState } from '../../../shared/credential/walletViews';
import { linksFromCommandLine, OpenLinks, protocolRegistrations, secondInstanceLinks } from '../../../electron/core/openLinks';

const offer = 'openid-credential-offer://?credential_offer_uri=https%3A%2F%2Fissuer.example%2Fo%2F1';

describe('links on a command line', () => {
  it('takes the app’s schemes only: not the executable, the app folder, switches or files', () => {
    expect(linksFromCommandLine(['/usr/bin/electron', '.', '--inspect', offer, 'badge.png', 'https://example.org/', 'BADGEFOLIO://receive?link=x', offer])).toEqual([
      offer,
      'BADGEFOLIO://receive?link=x',
    ]);
  });

  it('a second launch’s own list wins over the argv the first instance sees; an older one’s argv is read', () => {
    expect(secondInstanceLinks({ files: [], links: [offer, 'https://example.org/'] }, ['/opt/app', 'badgefolio://receive?link=y'])).toEqual([offer]);
    expect(secondInstanceLinks({ files: [] }, ['/opt/app', 'badgefolio://receive?link=y'])).toEqual(['badgefolio://receive?link=y']);
  });
});

describe('claiming the schemes with the OS', () => {
  const base = { argv: ['/usr/lib/electron/electron', 'out/main/index.js'], execPath: '/usr/lib/electron/electron', resolvePath: (p: string) => `/work/${p}` };
  it('the installed app claims both', () => {
    expect(protocolRegistrations({ ...base, packaged: true, defaultApp: false, env: {} })).toEqual([{ scheme: 'badgefolio' }, { scheme: 'openid-credential-offer' }]);
  });
  it('a development run claims nothing unless asked, and then starts Electron with the app’s folder', () => {
    expect(protocolRegistrations({ ...base, packaged: false, defaultApp: true, env: {} })).toEqual([]);
    expect(protocolRegistrations({ ...base, packaged: false, defaultApp: true, env: { BADGEFOLIO_REGISTER_PROTOCOLS: '1' } })).toEqual([
      { scheme: 'badgefolio', path: '/usr/lib/electron/electron', args: ['/work/out/main/index.js'] },
      { scheme: 'openid-credential-offer', path: '/usr/lib/electron/electron', args: ['/work/out/main/index.js'] },
    ]);
  });
});

describe('OpenLinks', () => {
  function setup(initial: WalletState['state']) {
    let state = initial;
    const events: { name: ShellEventName; payload: unknown }[] = [];
    const links = new OpenLinks({
      wallet: { state: () => Promise.resolve({ state, canRemember: false, remembered: false, damaged: [] }) },
      publish: <K extends ShellEventName>(name: K, payload: ShellEventPayload<K>) => {
        events.push({ name, payload });
      },
    });
    return { links, events, unlock: () => (state = 'unlocked') };
  }

  it('queues until started and unlocked, says how many wait, then hands each on once', async () => {
    const { links, events, unlock } = setup('locked');
    await links.open([offer, offer, 'https://example.org/']);
    expect(events).toEqual([]);
    await links.start();
    expect(events).toEqual([{ name: 'linksWaiting', payload: { count: 1 } }]);
    links.announce();
    expect(events).toHaveLength(2);
    unlock();
    await links.flush();
    expect(events.slice(2)).toEqual([
      { name: 'linksWaiting', payload: { count: 0 } },
      { name: 'linkOpened', payload: { link: offer } },
    ]);
    expect(links.waiting()).toEqual([]);
    await links.flush();
    expect(events).toHaveLength(4);
  });

  it('with the wallet open, a link goes on at once', async () => {
    const { links, events } = setup('unlocked');
    await links.start();
    await links.open([offer]);
    expect(events.filter((e) => e.name === 'linkOpened')).toEqual([{ name: 'linkOpened', payload: { link: offer } }]);
  });
});
