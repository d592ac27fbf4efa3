import { createHash, createPrivateKey, sign } from 'node:crypto';
import { encode as base58 } from 'base58-universal';
import jsonld from 'jsonld';
import { describe, expect, it } from 'vitest';
import { createVerifier } from '../../../electron/verify/verifier';
import { generateEd25519Issuer, makeIssuerProfile, makeOb3Credential, seededBytes, type Ed25519Issuer } from '../../support/credentials';
import { offlineDocumentLoader as documentLoader } from '../../support/credentials/documentLoader';
import { normaliseOne } from './helpers';

/**
 * A credential carrying a term its contexts do not define, signed as libraries that run JSON-LD
 * in its default (non-safe) mode sign it: the term is dropped from what is signed. The 1EdTech
 * validator accepts such badges, DCC's verifier refuses them. Badgefolio checks what is signed,
 * names the term as not covered, and never treats the credential as damaged for it. Signed here
 * with jsonld's own canonicalisation and Node's Ed25519, not with our code.
 */
const now = new Date('2026-06-01T00:00:00Z');
const sha256 = (text: string) => createHash('sha256').update(text).digest();

async function signLeniently(credential: Record<string, unknown>, issuer: Ed25519Issuer): Promise<Record<string, unknown>> {
  const proofConfig = {
    '@context': credential['@context'],
    type: 'DataIntegrityProof',
    cryptosuite: 'eddsa-rdfc-2022',
    created: '2025-01-01T00:00:00Z',
    verificationMethod: issuer.verificationMethodId,
    proofPurpose: 'assertionMethod',
  };
  const options = { algorithm: 'RDFC-1.0', format: 'application/n-quads', documentLoader, safe: false } as const;
  const data = Buffer.concat([sha256(await jsonld.canonize(proofConfig, options)), sha256(await jsonld.canonize(credential, options))]);
  const key = createPrivateKey({ key: { ...issuer.privateJwk }, format: 'jwk' });
  const { '@context': _context, ...proof } = proofConfig;
  return { ...credential, proof: { ...proof, proofValue: `z${base58(sign(null, data, key))}` } };
}

describe('a term the contexts do not define', () => {
  it('is named as not covered by the signature, and the rest is verified', async () => {
    const issuer = await generateEd25519Issuer(seededBytes(32, 1301));
    const credential = makeOb3Credential({
      issuer: makeIssuerProfile({ id: issuer.did, name: 'Harbour Academy' }),
      validFrom: '2025-01-01T00:00:00Z',
      achievementName: 'Rigging',
    }) as unknown as Record<string, unknown>;
    const signed = await signLeniently({ ...credential, nickname: 'Ace rigger' }, issuer);
    const verifier = createVerifier({ network: 'offline', now });
    const report = await verifier.verify(await normaliseOne(signed));
    expect(report.status).toBe('verified');
    expect(report.checks.find((c) => c.id === 'contexts')).toMatchObject({
      outcome: 'skipped',
      sentence: 'The credential uses “nickname”, which its JSON-LD contexts do not define: that part is not covered by the signature, and Badgefolio does not vouch for it.',
    });
    expect(report.checks.find((c) => c.id === 'signature')?.outcome).toBe('passed');

    // Not covered, so changing it changes nothing; changing what is signed is caught.
    expect((await verifier.verify(await normaliseOne({ ...signed, nickname: 'Someone else' }))).status).toBe('verified');
    const tampered = await verifier.verify(await normaliseOne({ ...signed, name: 'Rigging (master)' }));
    expect(tampered.status).toBe('malformed');
    expect(tampered.checks.some((c) => c.id === 'signature' && c.outcome === 'passed')).toBe(false);
  });
});
