import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyPdfCommand } from '../../../electron/cli/commands/portfolioPdf';
import { loadFontSet } from '../../../electron/portfolio/fontFiles';
import { StaticDocuments } from '../../../electron/verify/documents';
import { bundledRegistries, readRegistry } from '../../../electron/verify/issuerRegistries';
import { didWebDocumentUrl } from '../../../electron/verify/keys';
import { createVerifier } from '../../../electron/verify/verifier';
import type { NormalizedCredential } from '../../../shared/credential/model';
import { buildCertificatePdf } from '../../../shared/portfolio/certificatePdf';
import { buildPortfolioPdf } from '../../../shared/portfolio/portfolioPdf';
import type { PortfolioEntry } from '../../../shared/portfolio/types';
import { generateDidWebIssuer, generateEd25519Issuer, makeIssuerProfile, makeOb3Credential, seededBytes, signDataIntegrity } from '../../support/credentials';
import { normaliseOne } from '../verify/helpers';
import { run, tempDir, writePdf } from './fixtures';

/**
 * Who stands behind each credential, in the portfolio PDF and in verify-pdf: a did:key that
 * calls itself a famous university is "not confirmed", a DID on a known-issuer registry is
 * "listed", a did:web key is "published at" its domain; the cover counts the verified ones.
 * Every credential is signed by Digital Bazaar's libraries and judged by the real engine.
 */
const now = new Date('2025-06-01T00:00:00Z');
const generatedAt = new Date('2025-06-01T10:00:00Z');
const mit = 'Massachusetts Institute of Technology';
const webDid = 'did:web:badges.example.org:issuers:harbour';
const registryJson = (did: string) => ({ meta: { updated: '2026-05-01T00:00:00Z' }, registry: { [did]: { name: 'Harbour University', location: 'Bristol, UK' } } });

let dir: string;
let pdfPath: string;
let entries: PortfolioEntry[];
let famousDid: string;

async function signed(issuer: Awaited<ReturnType<typeof generateEd25519Issuer>>, issuerId: string, issuerName: string, achievementName: string, id: string) {
  return signDataIntegrity(
    makeOb3Credential({ issuer: makeIssuerProfile({ id: issuerId, name: issuerName }), id, validFrom: '2025-01-01T00:00:00Z', achievementName }),
    issuer,
    'eddsa-rdfc-2022',
    { date: '2025-01-01T00:00:00Z' },
  );
}

beforeAll(async () => {
  dir = tempDir();
  const famous = await generateEd25519Issuer(seededBytes(32, 301));
  const listed = await generateEd25519Issuer(seededBytes(32, 302));
  const web = await generateDidWebIssuer(webDid, seededBytes(32, 303));
  famousDid = famous.did;
  const documentUrl = didWebDocumentUrl(webDid) ?? '';
  const mitBadge = await signed(famous, famous.did, mit, 'Machine Learning', 'urn:uuid:2b0c1d7e-1111-4a2b-9c3d-000000000001');
  const harbourBadge = await signed(listed, listed.did, 'Harbour Uni', 'Marine Biology', 'urn:uuid:2b0c1d7e-1111-4a2b-9c3d-000000000002');
  const webBadge = await signed(web, webDid, 'Harbour Academy', 'Sailing Instructor', 'urn:uuid:2b0c1d7e-1111-4a2b-9c3d-000000000003');
  const tampered = { ...mitBadge, id: 'urn:uuid:2b0c1d7e-1111-4a2b-9c3d-000000000004', name: 'Machine Learning (edited)' };
  const credentials: NormalizedCredential[] = [];
  for (const [index, json] of [mitBadge, harbourBadge, webBadge, tampered].entries()) {
    const name = `badge-${String(index + 1)}.json`;
    writeFileSync(path.join(dir, name), JSON.stringify(json));
    credentials.push(await normaliseOne(json, name));
  }
  // The employer's files for verify-pdf: their own registry and the did:web document, pre-fetched.
  writeFileSync(path.join(dir, 'acme-registry.json'), JSON.stringify(registryJson(listed.did)));
  writeFileSync(path.join(dir, 'did.json'), JSON.stringify(web.didDocument));
  writeFileSync(path.join(dir, 'documents.json'), JSON.stringify({ [documentUrl]: 'did.json' }));

  const verifier = createVerifier({
    network: 'offline',
    now,
    documents: new StaticDocuments({ [documentUrl]: web.didDocument }),
    registries: [readRegistry(registryJson(listed.did), 'Acme hiring registry'), ...bundledRegistries],
  });
  entries = [];
  for (const credential of credentials) {
    const report = await verifier.verify(credential);
    entries.push({
      credential,
      status: report.status,
      statusSentence: report.summary,
      checkedAt: report.checkedAt,
      ...(report.issuerIdentity ? { issuerIdentity: report.issuerIdentity } : {}),
    });
  }
  expect(entries.map((e) => [e.status, e.issuerIdentity?.level])).toEqual([
    ['verified', 'unconfirmed'],
    ['verified', 'registry'],
    ['verified', 'domain'],
    ['invalid', 'unconfirmed'],
  ]);
  const pdf = await buildPortfolioPdf({ owner: { name: 'Jo Example' }, credentials: entries, options: { paper: 'a4', generatedAt, fonts: loadFontSet() } });
  pdfPath = writePdf(dir, 'portfolio.pdf', pdf);
}, 60_000);

const pdfText = (file: string): string => run('pdftotext', ['-enc', 'UTF-8', file, '-']).replace(/\s+/g, ' ');

describe('issuer identity in the portfolio PDF', () => {
  it('says under each status who stands behind it, in plain words without DIDs', () => {
    const text = pdfText(pdfPath);
    expect(text).toContain("Issuer: not confirmed — the name is the issuer's own claim");
    expect(text).toContain('Issuer: listed as “Harbour University” in the Acme hiring registry (as of 1 May 2026)');
    expect(text).toContain('Issuer: key published at badges.example.org');
    // The tampered copy: its signature does not hold, so the name is nobody's proven claim.
    expect(text.match(/Issuer: not confirmed(?! —)/g)).toHaveLength(1);
    expect(text).not.toContain(famousDid);
    expect(text).not.toContain('did:web');
  });

  it('counts the verified ones on the cover by how their issuers are confirmed, in one sentence', () => {
    const cover = run('pdftotext', ['-enc', 'UTF-8', '-f', '1', '-l', '1', pdfPath, '-']).replace(/\s+/g, ' ');
    expect(cover).toContain(
      '3 verified credentials: 1 from an issuer listed in a registry, 1 from an issuer that publishes its key at its web domain; for 1 of them nothing confirms who the issuer is.',
    );
  });

  describe('the cover sentence for other mixes, in English and German', () => {
    // The entries made in beforeAll, by how they were judged.
    const [unconfirmed, registry, domain, invalid] = [0, 1, 2, 3];
    // A credential judged the same way again: the same report for another credential id.
    const again = (index: number, n: number): PortfolioEntry => {
      const entry = entries[index];
      if (!entry) throw new Error('no entry');
      return { ...entry, credential: { ...entry.credential, id: `${entry.credential.id}-${String(n)}`, name: `${entry.credential.name} ${String(n)}` } };
    };
    const coverOf = async (chosen: PortfolioEntry[], language: 'en' | 'de', name: string): Promise<string> => {
      const pdf = await buildPortfolioPdf({ owner: { name: 'Jo Example' }, credentials: chosen, options: { paper: 'a4', generatedAt, fonts: loadFontSet(), language } });
      return run('pdftotext', ['-enc', 'UTF-8', '-f', '1', '-l', '1', writePdf(dir, name, pdf), '-']).replace(/\s+/g, ' ');
    };
    const cases: [string, () => PortfolioEntry[], string, string][] = [
      [
        'one verified credential whose issuer is only its own claim',
        () => [again(unconfirmed, 1), again(invalid, 1)],
        '1 verified credential; nothing confirms who its issuer is.',
        '1 bestätigter Nachweis; nichts belegt, wer ihn ausgestellt hat.',
      ],
      [
        'two whose issuers nothing confirms',
        () => [again(unconfirmed, 1), again(unconfirmed, 2)],
        '2 verified credentials; nothing confirms who their issuers are.',
        '2 bestätigte Nachweise; bei keinem ist belegt, wer ihn ausgestellt hat.',
      ],
      [
        'two from listed issuers',
        () => [again(registry, 1), again(registry, 2)],
        '2 verified credentials, all from issuers listed in a registry.',
        '2 bestätigte Nachweise, alle von in einem Register verzeichneten Ausstellern.',
      ],
      [
        'one with its key at its domain',
        () => [again(domain, 1)],
        '1 verified credential, from an issuer that publishes its key at its web domain.',
        '1 bestätigter Nachweis, von einem Aussteller, der seinen Schlüssel unter seiner Web-Domain veröffentlicht.',
      ],
      [
        'two listed, one at its domain and two unconfirmed',
        () => [again(registry, 1), again(registry, 2), again(domain, 1), again(unconfirmed, 1), again(unconfirmed, 2)],
        '5 verified credentials: 2 from issuers listed in a registry, 1 from an issuer that publishes its key at its web domain; for 2 of them nothing confirms who the issuers are.',
        '5 bestätigte Nachweise: 2 von in einem Register verzeichneten Ausstellern, 1 von einem Aussteller, der seinen Schlüssel unter seiner Web-Domain veröffentlicht; bei 2 davon ist nicht belegt, wer sie ausgestellt hat.',
      ],
    ];
    it.each(cases)('%s', async (label, chosen, english, german) => {
      const file = label.replace(/\W+/g, '-');
      expect(await coverOf(chosen(), 'en', `${file}-en.pdf`)).toContain(english);
      const de = await coverOf(chosen(), 'de', `${file}-de.pdf`);
      expect(de).toContain(german);
      expect(de).not.toMatch(/verified|issuer|confirm/i);
    });
  });

  it('prints no identity line for an entry without one (a report from before identity was judged)', async () => {
    const old = entries.slice(0, 1).map(({ issuerIdentity: _dropped, ...rest }) => rest);
    const file = writePdf(
      dir,
      'old.pdf',
      await buildPortfolioPdf({ owner: { name: 'Jo Example' }, credentials: old, options: { paper: 'a4', generatedAt, fonts: loadFontSet() } }),
    );
    const text = pdfText(file);
    expect(text).toContain('Machine Learning');
    expect(text).not.toContain('Issuer:');
    expect(text).not.toMatch(/\d verified credentials?[:;,]/);
  });

  it('says it on a single-credential certificate too', async () => {
    const entry = entries[0];
    if (!entry) throw new Error('no entry');
    const file = writePdf(dir, 'certificate.pdf', await buildCertificatePdf({ owner: { name: 'Jo Example' }, entry, options: { paper: 'a4', generatedAt, fonts: loadFontSet() } }));
    expect(pdfText(file)).toContain("Issuer: not confirmed — the name is the issuer's own claim");
  });
});

describe('badgefolio verify-pdf and issuer identity', () => {
  const verifyPdf = async (args: string[]) => {
    let out = '';
    const code = await verifyPdfCommand.run(args, { stdout: (t) => (out += t), stderr: (t) => (out += t), env: {}, cwd: dir, interactive: false });
    return { code, out };
  };
  const common = ['portfolio.pdf', '--offline', '--now', now.toISOString(), '--documents', 'documents.json'];

  it('--json gives each credential issuerIdentity {level, name, source, asOf}, reading the employer’s --registry', async () => {
    const { code, out } = await verifyPdf([...common, '--json', '--registry', 'acme-registry.json']);
    expect(code).toBe(1); // the tampered copy
    const report = JSON.parse(out) as { credentials: { name: string; status: string; issuer: { name: string | null }; issuerIdentity?: Record<string, unknown> }[] };
    expect(report.credentials.map((c) => [c.name, c.status])).toEqual([
      ['Machine Learning', 'verified'],
      ['Marine Biology', 'verified'],
      ['Sailing Instructor', 'verified'],
      ['Machine Learning', 'invalid'],
    ]);
    expect(report.credentials[0]?.issuerIdentity).toMatchObject({ level: 'unconfirmed', name: mit, source: null, asOf: null });
    expect(report.credentials[1]?.issuerIdentity).toMatchObject({ level: 'registry', name: 'Harbour University', source: 'acme-registry.json', asOf: '2026-05-01T00:00:00.000Z' });
    expect(report.credentials[1]?.issuer.name).toBe('Harbour Uni');
    expect(report.credentials[2]?.issuerIdentity).toMatchObject({ level: 'domain', name: 'Harbour Academy', source: 'badges.example.org' });
    expect(report.credentials[3]?.issuerIdentity).toMatchObject({ level: 'unconfirmed', source: null });

    // Without the employer's registry, nothing ties that DID to a name.
    const without = JSON.parse((await verifyPdf([...common, '--json'])).out) as typeof report;
    expect(without.credentials[1]?.issuerIdentity).toMatchObject({ level: 'unconfirmed', name: 'Harbour Uni', source: null });
  });

  it('says it on each credential’s line, with the tally of the verified ones', async () => {
    const { out } = await verifyPdf([...common, '--registry', 'acme-registry.json']);
    expect(out).toMatch(/ATTACHMENT\s+INTEGRITY\s+STATUS\s+ISSUER\s+NAME/);
    expect(out).toMatch(/verified\s+Massachusetts Institute of Technology \(not confirmed\)\s+Machine Learning/);
    expect(out).toMatch(/verified\s+Harbour University \(listed in acme-registry\.json\)\s+Marine Biology/);
    expect(out).toMatch(/verified\s+Harbour Academy \(key published at badges\.example\.org\)\s+Sailing Instructor/);
    expect(out).toContain(`Nothing confirms that the signer is “${mit}”`);
    expect(out).toContain(
      '3 verified credentials: 1 from an issuer listed in a registry, 1 from an issuer that publishes its key at its web domain; for 1 of them nothing confirms who the issuer is.',
    );
  });

  it('refuses a --registry file that is not a registry as a usage error', async () => {
    await expect(verifyPdf([...common, '--registry', 'did.json'])).rejects.toThrow(/--registry: .*not an issuer registry/);
  });
});
