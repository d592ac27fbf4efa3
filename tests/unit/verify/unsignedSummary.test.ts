import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selfReportedCertificate } from '../../../electron/intake/certificateEntry';
import { createVerifier } from '../../../electron/verify/verifier';
import { renderOr, summaryIn } from '../../../shared/credential/verificationMessages';
import { withoutTechnicalAsides } from '../../../shared/credential/technicalText';
import { statusSentenceFor } from '../../../shared/portfolio/pdfLayout';
import type { VerificationReport } from '../../../shared/credential/verification';
import { generateEd25519Issuer, makeIssuerProfile, makeOb2Assertion, makeOb3Credential, seededBytes, signDataIntegrity, type Ed25519Issuer } from '../../support/credentials';
import { normaliseOne, startTestServer } from './helpers';

/**
 * An unsigned credential must say so first. A credential with no proof whose revocation list
 * cannot be reached used to lead with "Not fully checked: the issuer's revocation list could not
 * be checked…", and an employer reading the card or the PDF could miss that nothing is signed.
 * Its verdict word stays what it was; its sentence (CLI, card, details and PDF share it) now
 * begins with the missing signature, in English and German.
 */
const now = new Date('2026-06-01T00:00:00Z');
let unreachableList = '';
let issuer: Ed25519Issuer;

beforeAll(async () => {
  // A list address on a port nobody answers on: a server started and closed again.
  const server = await startTestServer();
  unreachableList = `${server.origin}/status/revocation-list`;
  await server.close();
  issuer = await generateEd25519Issuer(seededBytes(32, 7));
});

afterAll(() => {
  unreachableList = '';
});

const online = () => createVerifier({ network: 'allowed', now, allowPrivateNetworkForTests: true, fetchOptions: { timeoutMs: 2000 } });
const offline = () => createVerifier({ network: 'offline', now });

function unsignedWithStatus(options: { validUntil?: string } = {}) {
  return makeOb3Credential({
    issuer: makeIssuerProfile({ id: 'https://college.example/issuer', name: 'Example College' }),
    name: 'Welding Safety',
    validFrom: '2025-01-01T00:00:00Z',
    credentialStatus: { statusListCredential: unreachableList, statusListIndex: 3 },
    ...options,
  });
}

async function verified(credential: unknown, verifier = online()): Promise<VerificationReport> {
  return verifier.verify(await normaliseOne(credential));
}

describe('an unsigned credential says so first', () => {
  it('leads with the missing signature when its revocation list cannot be reached', async () => {
    const report = await verified(unsignedWithStatus());
    expect(report.status).toBe('unverifiable');
    expect(report.checks.find((c) => c.id === 'status')?.outcome).toBe('skipped');
    expect(report.summary).toMatch(/^Not signed: there is no signature to check, so Badgefolio cannot vouch for it\. Also not fully checked: /);
    expect(report.summary).toContain("The issuer's status list could not be checked");
    expect(summaryIn(report, 'de')).toMatch(/^Nicht signiert: Es gibt keine Signatur zu prüfen, daher kann Badgefolio nicht für ihn bürgen\. Außerdem nicht vollständig geprüft: /);
    // The card and the details show the sentence without addresses in brackets: it still begins with the signature.
    expect(withoutTechnicalAsides(summaryIn(report, 'en')) ?? '').toMatch(/^Not signed: /);
    expect(withoutTechnicalAsides(summaryIn(report, 'de')) ?? '').toMatch(/^Nicht signiert: /);
    // Who issued it: nothing confirms it, because nothing is signed (not because a check failed).
    expect(report.issuerIdentity?.sentence).toBe('Nothing confirms who issued it: it carries no signature to check.');
    expect(renderOr(report.issuerIdentity?.message, 'de', '')).toBe('Nichts bestätigt, wer ihn ausgestellt hat: Er trägt keine Signatur, die sich prüfen ließe.');
    // The portfolio PDF prints the same, never the address.
    expect(statusSentenceFor(report.status, summaryIn(report, 'en'), 'en')).toBe('Not signed: there is no signature to check, so Badgefolio cannot vouch for it.');
    expect(statusSentenceFor(report.status, summaryIn(report, 'de'), 'de')).toMatch(/^Nicht signiert: /);
  });

  it('says the same offline, where the list is needed but not fetched', async () => {
    const report = await verified(unsignedWithStatus(), offline());
    expect(report.status).toBe('unverifiable');
    expect(report.summary).toMatch(/^Not signed: .* Also not fully checked: .*offline/);
  });

  it('never calls an unsigned expired credential genuine', async () => {
    const report = await verified(unsignedWithStatus({ validUntil: '2025-06-01T00:00:00Z' }));
    expect(report.status).toBe('expired');
    expect(report.summary).toMatch(/^Not signed: .* Also expired: /);
    expect(report.summary).not.toMatch(/Genuine/);
    expect(summaryIn(report, 'de')).toMatch(/^Nicht signiert: .* Außerdem abgelaufen: /);
    expect(summaryIn(report, 'de')).not.toMatch(/Echt/);
  });

  it('calls an issuer\'s unsigned credential "not signed", never "self-reported": the holder did not make it up', async () => {
    const { credentialStatus: _status, ...plain } = unsignedWithStatus();
    const report = await verified(plain);
    expect(report.status).toBe('unsigned');
    expect(report.summary).toBe('Not signed: there is no signature to check, so Badgefolio cannot vouch for it.');
    expect(summaryIn(report, 'de')).toBe('Nicht signiert: Es gibt keine Signatur zu prüfen, daher kann Badgefolio nicht für ihn bürgen.');
    expect(report.summary).not.toMatch(/self-reported/i);
  });

  it('keeps "self-reported" for a certificate the holder added, with no signed credential in it', async () => {
    const certificate = selfReportedCertificate(
      { fileName: 'forklift-licence.pdf', container: 'pdf', fileBytes: seededBytes(64, 3), mediaType: 'application/pdf' },
      { title: 'Forklift licence', issuerName: 'Harbour Training', links: [], otherCodes: [] },
    );
    const report = await offline().verify(certificate);
    expect(report.status).toBe('unsigned');
    expect(report.summary).toBe('Self-reported: there is no signature to check, so Badgefolio cannot vouch for it.');
    expect(summaryIn(report, 'de')).toBe('Selbst angegeben: Es gibt keine Signatur zu prüfen, daher kann Badgefolio nicht für ihn bürgen.');
  });

  it('still says "Not fully checked" first for a signed credential whose list cannot be reached', async () => {
    const signed = await signDataIntegrity(
      makeOb3Credential({
        issuer: makeIssuerProfile({ id: issuer.did, name: 'Example College' }),
        validFrom: '2025-01-01T00:00:00Z',
        credentialStatus: { statusListCredential: unreachableList, statusListIndex: 3 },
      }),
      issuer,
    );
    const report = await verified(signed);
    expect(report.checks.find((c) => c.id === 'signature')?.outcome).toBe('passed');
    expect(report.status).toBe('unverifiable');
    expect(report.summary).toMatch(/^Not fully checked: /);
  });

  it('never calls an expired badge signed or genuine when its hosted copy could not be fetched', async () => {
    // As Credly's Acclaim published them: an OB 1.1 hosted badge, expired; offline, nothing vouches for it.
    const { assertion } = makeOb2Assertion({ badgeName: 'Forklift safety', issuerName: 'Northern Skills Academy', expires: '2025-03-01T00:00:00Z' });
    const report = await verified(assertion, offline());
    expect(report.status).toBe('expired');
    expect(report.checks.find((c) => c.id === 'hosted')?.outcome).toBe('skipped');
    expect(report.summary).toMatch(/^Expired, and not checked as genuine: /);
    expect(report.summary).not.toMatch(/Signed|Genuine/);
    expect(summaryIn(report, 'de')).toMatch(/^Abgelaufen und nicht als echt geprüft: /);
    expect(report.issuerIdentity?.sentence).toBe('Nothing confirms who issued it: it could not be checked against its issuer.');
  });
});
