import { describe, expect, it } from 'vitest';
import { createVerifier } from '../../../electron/verify/verifier';
import { generateEd25519Issuer, makeIssuerProfile, makeOb3Credential, seededBytes, signAsIs } from '../../support/credentials';
import { normaliseOne } from './helpers';

/**
 * A signature proves who signed, not that the credential says anything well-formed: an Open
 * Badge 3.0 without an issuer (which 1EdTech's validator rejects) is malformed even when its
 * signature holds, with the missing property named.
 */
const verifier = createVerifier({ network: 'offline', now: new Date('2025-06-01T00:00:00Z') });

describe('properties every credential must have', () => {
  it('a signed credential without an issuer, or with an issuer without an id, is malformed, and says which', async () => {
    const issuer = await generateEd25519Issuer(seededBytes(32, 71));
    const credential = makeOb3Credential({
      issuer: makeIssuerProfile({ id: issuer.did, name: 'Massachusetts Institute of Technology' }),
      validFrom: '2024-01-01T00:00:00Z',
    }) as unknown as Record<string, unknown>;
    const { issuer: _issuer, ...issuerless } = credential;
    const unnamed = { ...credential, issuer: { type: ['Profile'], name: 'Massachusetts Institute of Technology' } };
    for (const [document, words] of [
      [issuerless, 'names no issuer'],
      [unnamed, 'issuer has no identifier'],
    ] as const) {
      const signed = await signAsIs(document, issuer, { date: '2024-01-01T00:00:00Z' });
      const report = await verifier.verify(await normaliseOne(signed));
      expect(report.status).toBe('malformed');
      const structure = report.checks.find((c) => c.id === 'structure');
      expect(structure?.outcome).toBe('failed');
      expect(structure?.sentence).toContain(words);
      expect(report.checks.some((c) => c.id === 'signature' && c.outcome === 'passed')).toBe(false);
    }
  });
});
