import { PDFArray, PDFDict, PDFDocument, PDFName, rgb } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyPdfCommand } from '../../../electron/cli/commands/portfolioPdf';
import { Intake } from '../../../electron/intake/intake';
import { loadFontSet } from '../../../electron/portfolio/fontFiles';
import { readPortfolioPdf } from '../../../electron/portfolio/readPortfolioPdf';
import type { NormalizedCredential } from '../../../shared/credential/model';
import { buildPortfolioPdf } from '../../../shared/portfolio/portfolioPdf';
import { drawQr, maxQrVersionFor, qrPrintedWidth, qrStaysReadable, qrVersionOf } from '../../../shared/portfolio/qrModules';
import type { PortfolioEntry } from '../../../shared/portfolio/types';
import { decodeCredentialFragment } from '../../../shared/portfolio/verifierFragment';
import {
  bakePngItxt,
  generateEd25519Issuer,
  makeBadgePng,
  makeClrCredential,
  makeIssuerProfile,
  makeOb2Assertion,
  makeOb2SignedAssertion,
  makeOb3Credential,
  pngDataUrl,
  seededBytes,
  signDataIntegrity,
  signVcJwt,
} from '../../support/credentials';
import { bytesInLink, linkAnnotations, qrCodesAt150Dpi, shortIdOf } from '../../support/pdfLinks';
import { normalise } from '../verify/helpers';
import { run, tempDir, writePdf } from './fixtures';

/**
 * Issue #18, the PDF: every entry links to the verifier page with its original bytes in the
 * link, on the printed address and on the QR code; the QR code carries that link where it stays
 * readable at 150 dpi, else the hosted assertion or the page with the short id; the words under
 * each code say what it opens; verify-pdf says whether each link carries its attachment.
 * Credentials are made by Digital Bazaar's and jose's libraries and read by the app's intake.
 */

const base = 'https://verify.example.net/badgefolio/';
const generatedAt = new Date('2025-06-01T10:00:00Z');
const hostedUrl = 'https://badges.example.org/assertions/hosted-7.json';

let dir: string;
let entries: PortfolioEntry[];
let pdf: Uint8Array;
let pdfPath: string;
let byKind: Record<'di' | 'jwt' | 'ob2Signed' | 'ob2Hosted' | 'clr' | 'large', NormalizedCredential>;

async function one(input: unknown, name: string): Promise<NormalizedCredential> {
  const [first] = await normalise(input, name);
  if (!first) throw new Error(`nothing recognised in ${name}`);
  return first;
}

beforeAll(async () => {
  dir = tempDir();
  const issuer = await generateEd25519Issuer(seededBytes(32, 1801));
  const profile = makeIssuerProfile({ id: issuer.did, name: 'Harbour Data School' });
  const di = await signDataIntegrity(
    makeOb3Credential({ issuer: profile, id: 'urn:uuid:7d1c0000-0000-4000-8000-000000000001', achievementName: 'Open data literacy' }),
    issuer,
    'eddsa-rdfc-2022',
    {
      date: '2025-01-01T00:00:00Z',
    },
  );
  const jwt = await signVcJwt(makeOb3Credential({ issuer: profile, id: 'urn:uuid:7d1c0000-0000-4000-8000-000000000002', achievementName: 'SQL for analysts' }), issuer);
  const { jws } = await makeOb2SignedAssertion({ badgeName: 'Signed open source contributor', hashed: false });
  // Badge by URL, as Badgr hosts them: the assertion is small enough for its QR code to carry the whole link.
  const { assertion } = makeOb2Assertion({ assertionId: hostedUrl, embedBadge: false, hashed: false });
  const clr = await makeClrCredential({ issuer, issuerProfile: profile, name: 'Data analyst programme', courseNames: ['Statistics', 'Dashboards'] });
  // About 20 KB: a badge picture of its own in the credential.
  const large = await signDataIntegrity(
    makeOb3Credential({ issuer: profile, id: 'urn:uuid:7d1c0000-0000-4000-8000-000000000003', achievementName: 'Data visualisation', image: pngDataUrl(makeBadgePng(14_000, 18)) }),
    issuer,
    'eddsa-rdfc-2022',
    { date: '2025-01-01T00:00:00Z' },
  );
  const clrAll = await normalise(clr.credential, 'programme.json');
  byKind = {
    di: await one(di, 'literacy.json'),
    jwt: await one(jwt, 'sql.jwt'),
    ob2Signed: await one(jws, 'contributor.jws'),
    ob2Hosted: await one(assertion, 'hosted.json'),
    clr: clrAll[0] ?? (await one(clr.credential, 'programme.json')),
    large: await one(large, 'visualisation.json'),
  };
  expect(byKind.large.original.bytes.length).toBeGreaterThan(18_000);
  expect(clrAll.length).toBeGreaterThan(1);
  // The CLR and the credentials nested in it, each an entry as the wallet keeps them.
  const credentials = [byKind.di, byKind.jwt, byKind.ob2Signed, byKind.ob2Hosted, ...clrAll, byKind.large];
  entries = credentials.map((credential) => ({ credential, status: 'verified', checkedAt: '2025-06-01T09:00:00Z' }));
  pdf = await buildPortfolioPdf({ owner: { name: 'Jo Example' }, credentials: entries, options: { paper: 'a4', generatedAt, fonts: loadFontSet(), verifierUrl: base } });
  pdfPath = writePdf(dir, 'portfolio.pdf', pdf);
}, 120_000);

describe('verification links in the portfolio PDF', () => {
  it('gives every entry a link on its printed address and on its QR code, carrying its original bytes, the bytes attached', async () => {
    const annotations = (await linkAnnotations(pdf)).filter((a) => a.uri.startsWith(base));
    const report = await readPortfolioPdf(pdf);
    expect(report.credentials.length).toBe(entries.length);
    for (const [index, attached] of report.credentials.entries()) {
      const original = entries[index]?.credential.original.bytes;
      expect(attached.bytes).toEqual(original);
      const mine = annotations.filter((a) => a.name?.endsWith(`/${attached.file}`));
      expect(mine.map((a) => a.name?.split('/')[1]).sort(), attached.file).toEqual(['address', 'qr']);
      for (const { uri } of mine) {
        expect(uri.startsWith(`${base}#vc1.z.`)).toBe(true);
        // Read back twice: by Node's zlib, and by the function the verifier page uses.
        expect(bytesInLink(uri)).toEqual(original);
        expect(decodeCredentialFragment(uri.slice(uri.indexOf('#')))).toEqual(original);
      }
    }
  });

  it('prints QR codes that ZBar reads at 150 dpi: the whole link where it fits, else the hosted assertion or the page with the short id', () => {
    const codes = qrCodesAt150Dpi(pdfPath);
    expect(codes.length).toBe(entries.length);
    // A code with a credential in it is compared by the bytes it carries; a fallback by its text.
    const fallbacks = (credential: NormalizedCredential): string[] => [
      `${base}#id.${shortIdOf(credential.original.bytes)}`,
      ...(credential.verification.signature === 'hosted' ? [hostedUrl] : []),
    ];
    const remaining = [...codes];
    for (const { credential } of entries) {
      const found = remaining.findIndex((code) =>
        code.startsWith(`${base}#vc1.`) ? sameBytes(bytesInLink(code), credential.original.bytes) : fallbacks(credential).includes(code),
      );
      expect(found, credential.name).toBeGreaterThanOrEqual(0);
      remaining.splice(found, 1);
    }
    // The small hosted assertion's code carries the whole credential; the 20 KB one cannot, and a signed OB 2.0 badge has no hosted copy.
    expect(codes.some((code) => sameBytes(bytesInLink(code), byKind.ob2Hosted.original.bytes))).toBe(true);
    expect(codes).toContain(`${base}#id.${shortIdOf(byKind.large.original.bytes)}`);
    expect(codes).toContain(`${base}#id.${shortIdOf(byKind.jwt.original.bytes)}`);
    expect(codes).toContain(`${base}#id.${shortIdOf(byKind.ob2Signed.original.bytes)}`);
  });

  it('says under each code what it opens, and where the code cannot carry the credential, where the link and the page are', () => {
    const text = run('pdftotext', ['-enc', 'UTF-8', pdfPath, '-']).replace(/\s+/g, ' ');
    const codes = qrCodesAt150Dpi(pdfPath);
    const verifying = codes.filter((code) => code.includes('#vc1.') || code === hostedUrl).length;
    const fallbacks = codes.filter((code) => code.includes('#id.')).length;
    expect(verifying).toBeGreaterThan(0);
    expect(fallbacks).toBeGreaterThan(0);
    expect(text.split('Verify this credential').length - 1).toBe(verifying);
    expect(text.split('Verifier page').length - 1).toBe(fallbacks);
    expect(text.split('Open the link in this PDF, or drop this PDF on verify.example.net/badgefolio/').length - 1).toBe(fallbacks);
    expect(text).toContain('verify.example.net/…');
    expect(text).not.toMatch(/scan to verify/i);
  });

  it("without a verifier page, labels an issuer's page for what it is and the hosted assertion as verifying", async () => {
    const page = makeOb3Credential({ issuer: makeIssuerProfile({ id: 'did:example:harbour', name: 'Harbour' }), achievementName: 'Described badge' });
    const described = await one(
      { ...page, credentialSubject: { ...page.credentialSubject, achievement: { ...page.credentialSubject.achievement, id: 'https://harbour.example.org/badges/described' } } },
      'described.json',
    );
    const list = [described, byKind.ob2Hosted].map((credential) => ({ credential, status: 'verified' }));
    const file = writePdf(
      dir,
      'no-verifier.pdf',
      await buildPortfolioPdf({ owner: { name: 'Jo Example' }, credentials: list, options: { paper: 'a4', generatedAt, fonts: loadFontSet() } }),
    );
    expect(qrCodesAt150Dpi(file).sort()).toEqual(['https://harbour.example.org/badges/described', hostedUrl].sort());
    const text = run('pdftotext', ['-enc', 'UTF-8', file, '-']).replace(/\s+/g, ' ');
    expect(text).toContain("Issuer's page for this badge");
    expect(text.split('Verify this credential').length - 1).toBe(1);
  });

  it('a credential too large to travel in a link (a 60 KB baked picture) points to the page and the attached original instead', async () => {
    const di = await signDataIntegrity(
      makeOb3Credential({ issuer: 'did:example:harbour', id: 'urn:uuid:7d1c0000-0000-4000-8000-000000000009', achievementName: 'Baked and big' }),
      await generateEd25519Issuer(seededBytes(32, 1809)),
    );
    const outcomes = await new Intake().inspect({ name: 'big.png', bytes: bakePngItxt(makeBadgePng(60_000, 19), 'openbadgecredential', JSON.stringify(di)) });
    const baked = outcomes[0]?.outcome === 'recognised' ? outcomes[0].credential : undefined;
    if (!baked) throw new Error('the baked badge was not recognised');
    expect(baked.original.bytes.length).toBeGreaterThan(60_000);
    const big = await buildPortfolioPdf({
      owner: { name: 'Jo Example' },
      credentials: [{ credential: baked, status: 'verified' }],
      options: { paper: 'a4', generatedAt, fonts: loadFontSet(), verifierUrl: base },
    });
    const file = writePdf(dir, 'big.pdf', big);
    expect((await linkAnnotations(big)).filter((link) => link.uri.includes('#vc1.'))).toEqual([]);
    expect(qrCodesAt150Dpi(file)).toEqual([`${base}#id.${shortIdOf(baked.original.bytes)}`]);
    expect(run('pdftotext', ['-enc', 'UTF-8', file, '-']).replace(/\s+/g, ' ')).toContain('To verify it, drop this PDF on verify.example.net/badgefolio/');
    expect((await readPortfolioPdf(big)).credentials.map((c) => c.link)).toEqual(['verifier-page']);
  });

  it('in German, the words under the codes and the sentence are German', async () => {
    const list = [byKind.ob2Hosted, byKind.jwt].map((credential) => ({ credential, status: 'verified' }));
    const german = await buildPortfolioPdf({
      owner: { name: 'Jo Example' },
      credentials: list,
      options: { paper: 'a4', generatedAt, fonts: loadFontSet(), language: 'de', locale: 'de-DE', verifierUrl: base },
    });
    const text = run('pdftotext', ['-enc', 'UTF-8', writePdf(dir, 'german.pdf', german), '-']).replace(/\s+/g, ' ');
    expect(text).toContain('Diesen Nachweis prüfen');
    expect(text).toContain('Prüfseite');
    expect(text).toContain('Den Link in diesem PDF öffnen oder dieses PDF auf verify.example.net/badgefolio/ ziehen');
    expect(text).not.toContain('Verify this credential');
  });
});

describe('the QR size limit', () => {
  it('allows version 15 at the printed 104 pt (modules of 0.43 mm), and ZBar reads the fullest such code at 150 dpi', async () => {
    expect(maxQrVersionFor(qrPrintedWidth)).toBe(15);
    // The longest link a version-15 code holds: a verifier address and base64url characters.
    let text = `${base}#vc1.z.`;
    while ((qrVersionOf(`${text}Ab9_`) ?? 41) <= 15) text += 'Ab9_';
    while ((qrVersionOf(`${text}x`) ?? 41) <= 15) text += 'x';
    expect(qrVersionOf(text)).toBe(15);
    expect(qrStaysReadable(text)).toBe(true);
    expect(qrStaysReadable(`${text}x`)).toBe(false);
    const doc = await PDFDocument.create();
    const page = doc.addPage([200, 200]);
    drawQr(page, text, 40, 40, qrPrintedWidth, rgb(0.12, 0.16, 0.2));
    expect(qrCodesAt150Dpi(writePdf(dir, 'fullest-code.pdf', await doc.save()))).toEqual([text]);
  });
});

describe('verify-pdf and the links', () => {
  it('says each link carries exactly its attachment', async () => {
    const report = await readPortfolioPdf(pdf);
    expect(report.credentials.map((c) => c.link)).toEqual(entries.map(() => 'matches-attachment'));
  });

  it('catches a swapped attachment: the link and the attachment differ (in the report, in --json and in words)', async () => {
    const doc = await PDFDocument.load(pdf);
    const names = doc.catalog.lookup(PDFName.of('Names'), PDFDict).lookup(PDFName.of('EmbeddedFiles'), PDFDict).lookup(PDFName.of('Names'), PDFArray);
    const streamOf = (index: number) => names.lookup(index * 2 + 1, PDFDict).lookup(PDFName.of('EF'), PDFDict);
    const first = streamOf(0);
    const second = streamOf(1);
    const firstRef = first.get(PDFName.of('F'));
    const secondRef = second.get(PDFName.of('F'));
    if (!firstRef || !secondRef) throw new Error('attachments not found');
    first.set(PDFName.of('F'), secondRef);
    second.set(PDFName.of('F'), firstRef);
    const swapped = await doc.save();
    writePdf(dir, 'swapped.pdf', swapped);
    const report = await readPortfolioPdf(swapped);
    expect(report.credentials.map((c) => c.link)).toEqual(entries.map((_, i) => (i < 2 ? 'differs-from-attachment' : 'matches-attachment')));

    let out = '';
    const io = { stdout: (t: string) => (out += t), stderr: (t: string) => (out += t), env: {}, cwd: dir, interactive: false };
    expect(await verifyPdfCommand.run(['swapped.pdf', '--json', '--offline'], io)).toBe(1);
    const json = JSON.parse(out) as { credentials: { file: string; link?: string; linkSentence?: string; partOf?: string }[] };
    const firstRows = json.credentials.filter((row) => row.link !== undefined);
    expect(firstRows.length).toBe(report.credentials.length);
    expect(firstRows.slice(0, 2).map((row) => row.link)).toEqual(['differs-from-attachment', 'differs-from-attachment']);
    expect(firstRows[0]?.linkSentence).toContain('different credential than the attached file');

    out = '';
    expect(await verifyPdfCommand.run(['swapped.pdf', '--offline', '--language', 'en'], io)).toBe(1);
    expect(out).toContain(`${report.credentials[0]?.file ?? ''}: Its verification link carries a different credential than the attached file`);
  });
});

function sameBytes(a: Uint8Array | undefined, b: Uint8Array): boolean {
  return a !== undefined && Buffer.from(a).equals(Buffer.from(b));
}
