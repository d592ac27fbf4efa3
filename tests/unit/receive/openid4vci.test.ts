import { describe, expect, it } from 'vitest';
import { receiveCredentials, walletIdentifier } from '../../../electron/core/receiveCredentials';
import { startTestIssuer } from '../../support/openid4vciIssuer';
import { consenting, receiveTestBed } from '../../support/receiveTestBed';

// The whole pre-authorized flow against an issuer built with the issuer side of
// @openid4vc/openid4vci, over loopback HTTPS, into a real encrypted wallet.
const bed = receiveTestBed('badgefolio-receive-');
const options = bed.options;

describe('receiving an OpenID4VCI offer (pre-authorized code)', () => {
  it.each(['ldp_vc', 'jwt_vc_json'] as const)('stores a verified Open Badge issued as %s, bound to the wallet’s DID', async (format) => {
    const issuer = await startTestIssuer(bed.internet, { host: `${format.replace(/_/g, '-')}.issuer.example`, format });
    const { asked, ask } = consenting();
    const result = await receiveCredentials(issuer.offerLink, ask, options());
    expect(result).toMatchObject({ state: 'received', outcomes: [{ outcome: 'added', status: 'verified', name: 'Data Science Fundamentals' }] });
    const did = walletIdentifier(bed.vault);
    expect(issuer.proofHolders).toEqual([did]);
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatchObject({
      protocol: 'openid4vci',
      issuerHost: `${format.replace(/_/g, '-')}.issuer.example`,
      issuerName: 'Example University',
      sends: [
        { kind: 'holder-did', did },
        { kind: 'signed-proof', what: 'openid4vci-proof' },
      ],
      receives: [{ name: 'Data Science Fundamentals', format }],
    });
    expect(bed.vault.list()).toHaveLength(1);
    // The same offer again is spent: a clear sentence, and the wallet unchanged.
    const again = await receiveCredentials(issuer.offerLink, ask, options());
    expect(again.state === 'failed' && again.reason).toMatch(/expired or was already used/);
    expect(bed.vault.list()).toHaveLength(1);
  });

  it.each(['ldp_vc', 'jwt_vc_json'] as const)('falls back to an issuer that still serves draft 13 (%s)', async (format) => {
    const issuer = await startTestIssuer(bed.internet, { host: `draft13-${format.replace(/_/g, '-')}.issuer.example`, format, draft13: true });
    const { asked, ask } = consenting();
    const result = await receiveCredentials(issuer.offerLink, ask, options());
    expect(result).toMatchObject({ state: 'received', outcomes: [{ outcome: 'added', status: 'verified', name: 'Data Science Fundamentals' }] });
    expect(asked[0]?.receives).toEqual([expect.objectContaining({ name: 'Data Science Fundamentals', format })]);
    // The 1.0 location was tried first, then the draft one; no nonce endpoint exists to be asked.
    const metadataPaths = bed.internet.statsFor(`draft13-${format.replace(/_/g, '-')}.issuer.example`).paths.filter((p) => p.includes('openid-credential-issuer'));
    expect(metadataPaths).toEqual(['/.well-known/openid-credential-issuer/draft13', '/draft13/.well-known/openid-credential-issuer']);
    expect(issuer.requests).not.toContain('POST /nonce');
    expect(issuer.proofHolders).toEqual([walletIdentifier(bed.vault)]);
  });

  it('asks for the transaction code and sends it; a wrong one is refused with a sentence', async () => {
    const issuer = await startTestIssuer(bed.internet, { host: 'pin.issuer.example', txCode: '493536', byReference: true });
    const wrong = consenting({ consent: true, transactionCode: '000000' });
    const refused = await receiveCredentials(issuer.offerLink, wrong.ask, options());
    expect(wrong.asked[0]?.transactionCode).toEqual({ length: 6, inputMode: 'numeric', description: 'The PIN in the e-mail we sent you' });
    expect(wrong.asked[0]?.sends).toContainEqual({ kind: 'transaction-code' });
    expect(refused.state).toBe('failed');
    expect(refused.state === 'failed' && refused.reason).toMatch(/transaction code is wrong.*Nothing was stored/);
    expect(bed.vault.list()).toHaveLength(0);
    const right = await receiveCredentials(issuer.offerLink, consenting({ consent: true, transactionCode: '493536' }).ask, options());
    expect(right).toMatchObject({ state: 'received', outcomes: [{ outcome: 'added', status: 'verified' }] });
  });

  it('names the institution a known-issuer registry lists for the host, before asking', async () => {
    const issuer = await startTestIssuer(bed.internet, { host: 'credentials.tec.mx' });
    const { asked, ask } = consenting({ consent: false });
    await receiveCredentials(issuer.offerLink, ask, options());
    const first = asked[0]?.issuerIdentity;
    expect(first?.level).toBe('registry');
    expect(first?.name).toMatch(/^Instituto Tecnológico de Monterrey/);
    expect(first?.source).toMatch(/^DCC .* Registry$/);
    expect(first?.site).toBe('tec.mx');
    const other = consenting({ consent: false });
    await receiveCredentials((await startTestIssuer(bed.internet, { host: 'tec.mx.example.net' })).offerLink, other.ask, options());
    expect(other.asked[0]?.issuerIdentity).toBeUndefined();
  });

  it('sends nothing when the user says no', async () => {
    const issuer = await startTestIssuer(bed.internet, { host: 'declined.issuer.example' });
    const result = await receiveCredentials(issuer.offerLink, consenting({ consent: false }).ask, options());
    expect(result).toEqual({ state: 'declined', issuerHost: 'declined.issuer.example' });
    // Only the public metadata was read; no token, nonce or credential request was made.
    expect(issuer.requests.every((r) => r.startsWith('GET '))).toBe(true);
    expect(bed.vault.list()).toHaveLength(0);
  });

  it('says an expired offer has expired, and stores nothing', async () => {
    const issuer = await startTestIssuer(bed.internet, { host: 'expired.issuer.example', codeExpiresAt: new Date(Date.now() - 60_000) });
    const result = await receiveCredentials(issuer.offerLink, consenting().ask, options());
    expect(result.state === 'failed' && result.reason).toMatch(/expired or was already used/);
    expect(bed.vault.list()).toHaveLength(0);
  });

  it('refuses a credential made out to someone else, and an altered one', async () => {
    for (const misbehave of ['other-subject', 'tampered'] as const) {
      const issuer = await startTestIssuer(bed.internet, { host: `${misbehave}.issuer.example`, misbehave });
      const result = await receiveCredentials(issuer.offerLink, consenting().ask, options());
      expect(result.state).toBe('received');
      if (result.state !== 'received') continue;
      expect(result.outcomes).toHaveLength(1);
      expect(result.outcomes[0]?.outcome).toBe('malformed');
      expect(result.outcomes[0]?.reason).toMatch(misbehave === 'other-subject' ? /made out to someone else/ : /does not check/);
    }
    expect(bed.vault.list()).toHaveLength(0);
  });

  it('refuses an offer for a format Badgefolio cannot hold before sending anything', async () => {
    const offer = {
      credential_issuer: 'https://mdoc.issuer.example',
      credential_configuration_ids: ['mdl'],
      grants: { 'urn:ietf:params:oauth:grant-type:pre-authorized_code': { 'pre-authorized_code': 'abc' } },
    };
    bed.internet.serve('https://mdoc.issuer.example/.well-known/openid-credential-issuer', {
      body: {
        credential_issuer: 'https://mdoc.issuer.example',
        credential_endpoint: 'https://mdoc.issuer.example/credential',
        credential_configurations_supported: { mdl: { format: 'mso_mdoc', doctype: 'org.iso.18013.5.1.mDL' } },
      },
      contentType: 'application/json',
    });
    bed.internet.serve('https://mdoc.issuer.example/.well-known/oauth-authorization-server', {
      body: { issuer: 'https://mdoc.issuer.example', token_endpoint: 'https://mdoc.issuer.example/token' },
      contentType: 'application/json',
    });
    const { asked, ask } = consenting();
    const result = await receiveCredentials(`openid-credential-offer://?credential_offer=${encodeURIComponent(JSON.stringify(offer))}`, ask, options());
    expect(result.state === 'failed' && result.reason).toMatch(/“mso_mdoc” format.*Nothing was sent/);
    expect(asked).toHaveLength(0);
  });

  it('refuses an offer at a private address (no test network: production rules)', async () => {
    const offer = {
      credential_issuer: 'https://127.0.0.1:8443',
      credential_configuration_ids: ['x'],
      grants: { 'urn:ietf:params:oauth:grant-type:pre-authorized_code': { 'pre-authorized_code': 'abc' } },
    };
    const result = await receiveCredentials(`openid-credential-offer://?credential_offer=${encodeURIComponent(JSON.stringify(offer))}`, consenting().ask, {
      vault: bed.vault,
      verification: 'offline',
    });
    expect(result.state === 'failed' && result.reason).toMatch(/127\.0\.0\.1.*private or loopback/);
  });
});
