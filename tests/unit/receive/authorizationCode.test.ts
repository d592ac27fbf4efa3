import { describe, expect, it } from 'vitest';
import { receiveCredentials, walletIdentifier } from '../../../electron/core/receiveCredentials';
import { safeRequest } from '../../../electron/verify/safeFetch';
import type { ConsentQuestion } from '../../../shared/credential/receiving';
import { startTestIssuer } from '../../support/openid4vciIssuer';
import { receiveTestBed } from '../../support/receiveTestBed';

// The authorization code flow: the issuer's sign-in page opens "in the browser" (here: the
// test, acting as the browser, follows the page's redirect), which brings a code back to the
// wallet's one-time loopback address; the code is exchanged with PKCE, checked by the issuer
// side of @openid4vc/oauth2.
const bed = receiveTestBed('badgefolio-receive-auth-');

/** A browser: opens the sign-in page and follows its redirect back to the wallet's loopback address. */
function browser(tamper?: (back: URL) => void) {
  const opened: string[] = [];
  const open = async (url: string): Promise<void> => {
    opened.push(url);
    const page = await safeRequest(url, { method: 'GET' }, { testNetwork: bed.internet.testNetwork });
    const back = new URL(page.location ?? '');
    tamper?.(back);
    await fetch(back);
  };
  return { opened, open };
}

describe('receiving an offer that needs a sign-in (authorization code flow)', () => {
  it('signs in through the browser with PKCE and a loopback redirect, then stores the credential', async () => {
    const issuer = await startTestIssuer(bed.internet, { host: 'signin.issuer.example', authorizationCode: true });
    const asked: ConsentQuestion[] = [];
    const { opened, open } = browser();
    const result = await receiveCredentials(issuer.offerLink, (q) => (asked.push(q), Promise.resolve({ consent: true })), {
      vault: bed.vault,
      verification: 'offline',
      fetchOptions: { testNetwork: bed.internet.testNetwork },
      openBrowser: open,
    });
    expect(result.state === 'failed' ? result.reason : '').toBe('');
    expect(result).toMatchObject({ state: 'received', outcomes: [{ outcome: 'added', status: 'verified' }] });
    expect(asked[0]?.sends[0]).toEqual({ kind: 'browser-sign-in', host: 'signin.issuer.example' });
    expect(opened).toHaveLength(1);
    const authorization = issuer.authorizations[0];
    expect(authorization?.get('code_challenge_method')).toBe('S256');
    expect(authorization?.get('issuer_state')).toBe('session-77');
    expect(authorization?.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/openid4vci\/[0-9a-f]{24}$/);
    expect(authorization?.get('state')).toMatch(/^[\w-]{20,}$/);
    expect(issuer.proofHolders).toEqual([walletIdentifier(bed.vault)]);
  });

  it('refuses a redirect whose state is not the one sent, exchanging no code', async () => {
    const issuer = await startTestIssuer(bed.internet, { host: 'forged.issuer.example', authorizationCode: true });
    const { open } = browser((back) => {
      back.searchParams.set('state', 'forged');
    });
    const result = await receiveCredentials(issuer.offerLink, () => Promise.resolve({ consent: true }), {
      vault: bed.vault,
      verification: 'offline',
      fetchOptions: { testNetwork: bed.internet.testNetwork },
      openBrowser: open,
    });
    expect(result.state === 'failed' && result.reason).toMatch(/state does not match/);
    expect(issuer.requests.filter((r) => r.startsWith('POST /token'))).toEqual([]);
  });

  it('refuses such an offer where no browser can be opened, before asking', async () => {
    const issuer = await startTestIssuer(bed.internet, { host: 'nobrowser.issuer.example', authorizationCode: true });
    const asked: ConsentQuestion[] = [];
    const result = await receiveCredentials(issuer.offerLink, (q) => (asked.push(q), Promise.resolve({ consent: true })), {
      vault: bed.vault,
      verification: 'offline',
      fetchOptions: { testNetwork: bed.internet.testNetwork },
    });
    expect(result.state === 'failed' && result.reason).toMatch(/sign in at the issuer in a browser, which cannot be opened here/);
    expect(asked).toHaveLength(0);
  });
});
