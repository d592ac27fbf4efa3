// The issuer identity finding in German says as much as in English (issue #16 §5): a Europass
// seal's sentence names the organisation its certificate names, and a registry copy bundled with
// Badgefolio is called a snapshot of its date, in the app's German as in the engine's message.
import { describe, expect, it } from 'vitest';
import { judgeIssuerIdentity } from '../../../electron/verify/issuerIdentity';
import type { IssuerRegistry } from '../../../electron/verify/issuerRegistries';
import { identitySentence, type Translate } from '../../../renderer/src/credentials/issuerIdentityWords';
import { de } from '../../../renderer/src/i18n/de';
import type { NormalizedCredential } from '../../../shared/credential/model';
import type { IssuerIdentity, VerificationCheck } from '../../../shared/credential/verification';
import { renderMessage } from '../../../shared/credential/verificationMessages';

const tDe: Translate = (key, values) => de[key].replace(/\{(\w+)\}/g, (whole, name: string) => String(values?.[name] ?? whole));
const credential = (name: string, id?: string): NormalizedCredential => ({ issuer: { name, ...(id ? { id } : {}) } }) as unknown as NormalizedCredential;

function german(identity: IssuerIdentity, status: Parameters<typeof identitySentence>[1]): string {
  if (!identity.message) throw new Error('the identity carries no message');
  // The catalogue renders the message with its values; the app shows exactly that.
  const rendered = renderMessage(identity.message, 'de');
  expect(identitySentence(identity, status, tDe, 'de')).toBe(rendered);
  return rendered;
}

describe('the issuer identity in German', () => {
  it('names the organisation of a Europass seal’s certificate, as the English does', () => {
    const sealed: VerificationCheck = {
      id: 'signature',
      label: 'Seal signature',
      outcome: 'passed',
      sentence: 'The seal matches.',
      evidence: { algorithm: 'JAdES RS256', keyId: 'C=DE, O=Acme, Inc., CN=Acme Seal 2025' },
    };
    const identity = judgeIssuerIdentity({ credential: credential('Acme Akademie'), status: 'unverifiable', checks: [sealed], registries: [] });
    expect(identity.sentence).toContain('names the organisation “Acme, Inc.” (“Acme Seal 2025”)');
    expect(german(identity, 'unverifiable')).toBe(
      'Das Zertifikat des Siegels nennt die Organisation „Acme, Inc.“ („Acme Seal 2025“); die EU-Vertrauensliste wurde nicht abgefragt, daher bestätigt nichts, dass dieses Zertifikat dem Aussteller gehört. Der Nachweis selbst nennt als Aussteller „Acme Akademie“.',
    );
  });

  it('calls a bundled registry copy a snapshot of its date, and one read anew "Stand"', () => {
    const did = 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK';
    const signed: VerificationCheck = { id: 'signature', label: 'Signature', outcome: 'passed', sentence: 'Signed.', evidence: { keyId: `${did}#key-1` } };
    const registry = (snapshot: boolean): IssuerRegistry => ({
      name: 'DCC Member Registry',
      asOf: '2025-05-09T00:00:00Z',
      test: false,
      snapshot,
      entries: new Map([[did, { name: 'Harbour University', location: 'Halifax, Canada' }]]),
    });
    const fromSnapshot = judgeIssuerIdentity({ credential: credential('Harbour University', did), status: 'verified', checks: [signed], registries: [registry(true)] });
    expect(fromSnapshot.sentence).toBe('The DCC Member Registry (snapshot of 9 May 2025) lists the signer as “Harbour University”, Halifax, Canada.');
    expect(german(fromSnapshot, 'verified')).toBe(
      'Im Verzeichnis „DCC Member Registry“ (Schnappschuss vom 9. Mai 2025) ist der Unterzeichner als „Harbour University“ (Halifax, Canada) eingetragen.',
    );
    const readAnew = judgeIssuerIdentity({ credential: credential('Harbour University', did), status: 'verified', checks: [signed], registries: [registry(false)] });
    expect(german(readAnew, 'verified')).toContain('(Stand 9. Mai 2025)');
  });
});
