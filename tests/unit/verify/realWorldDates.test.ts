import { describe, expect, it } from 'vitest';
import { StaticDocuments } from '../../../electron/verify/documents';
import { createVerifier } from '../../../electron/verify/verifier';
import { generateEd25519Issuer, makeIssuerProfile, makeOb2Assertion, makeOb3Credential, seededBytes, signAsIs } from '../../support/credentials';
import { normaliseOne } from './helpers';

/**
 * Dates as real issuers write them: a plain date in a VC 2.0 validFrom, Open Badges' Unix
 * timestamps, a baked copy whose issuedOn is null. None of these is a damaged credential.
 */
async function verdict(document: unknown, now: string, documents?: Record<string, unknown>) {
  const verifier = createVerifier({ network: 'offline', now: new Date(now), ...(documents ? { documents: new StaticDocuments(documents) } : {}) });
  const report = await verifier.verify(await normaliseOne(document));
  return { status: report.status, dates: report.checks.find((c) => c.id === 'dates') };
}

describe('dates as issuers write them', () => {
  it('a plain-date validFrom counts from the start of that day, a plain-date validUntil to its end', async () => {
    const issuer = await generateEd25519Issuer(seededBytes(32, 91));
    const credential = makeOb3Credential({ issuer: makeIssuerProfile({ id: issuer.did, name: 'Harbour Academy' }), validFrom: '2024-01-01T00:00:00Z' });
    const signed = await signAsIs({ ...credential, validFrom: '2025-12-21', validUntil: '2026-01-31' }, issuer, { date: '2025-12-20T00:00:00Z' });
    expect((await verdict(signed, '2025-12-20T23:00:00Z')).status).toBe('not-yet-valid');
    const inDate = await verdict(signed, '2025-12-21T00:30:00Z');
    expect(inDate.status).toBe('verified');
    expect(inDate.dates?.outcome).toBe('passed');
    expect((await verdict(signed, '2026-01-31T22:00:00Z')).status).toBe('verified');
    expect((await verdict(signed, '2026-02-01T00:00:01Z')).status).toBe('expired');
  });

  it("reads Open Badges' Unix timestamps, and a baked copy's null issue date as not given", async () => {
    const hosted = makeOb2Assertion({});
    const id = hosted.assertion.id;
    const unix = { ...hosted.assertion, issuedOn: 1704067200, expires: '1893456000' };
    const withUnix = await verdict(unix, '2025-06-01T00:00:00Z', { ...hosted.documents, [id]: unix });
    expect(withUnix.status).toBe('verified');
    expect(withUnix.dates?.sentence).toContain('2024');
    expect((await verdict(unix, '2030-01-02T00:00:00Z', { ...hosted.documents, [id]: unix })).status).toBe('expired');

    // Offline, only the baked copy is at hand: its null issue date is no fault of the badge.
    const baked = { ...hosted.assertion, issuedOn: null };
    const offline = await verdict(baked, '2025-06-01T00:00:00Z');
    expect(offline.status).toBe('unverifiable');
    expect(offline.dates?.outcome).toBe('passed');
    // With the hosted copy, its date is the one that counts.
    const filled = await verdict(baked, '2025-06-01T00:00:00Z', hosted.documents);
    expect(filled.status).toBe('verified');
  });
});
