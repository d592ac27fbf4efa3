import { copyFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CompactSign, generateKeyPair, decodeJwt } from 'jose';
import { PDFArray, PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPortfolioPdf } from '../../../shared/portfolio/portfolioPdf';
import { buildCertificatePdf } from '../../../shared/portfolio/certificatePdf';
import { manifestFileName, parseManifest } from '../../../shared/portfolio/attachments';
import { noPublicLinkSentence } from '../../../shared/portfolio/verificationLink';
import type { OwnerProfile, PortfolioEntry, PortfolioInput } from '../../../shared/portfolio/types';
import { loadFontSet } from '../../../electron/portfolio/fontFiles';
import { prepareImageNode } from '../../../electron/portfolio/prepareImage';
import { readPortfolioPdf } from '../../../electron/portfolio/readPortfolioPdf';
import { makePngImage } from '../../support/credentials';
import { decodeAllQr, renderPages, run, tempDir, unicodeCredentials, writePdf, type TestCredential } from './fixtures';
import { bytesInLink, linkAnnotations, shortIdOf } from '../../support/pdfLinks';

const root = path.resolve(import.meta.dirname, '../../..');
const generatedAt = new Date('2025-03-01T10:00:00Z');
const statuses = ['verified', 'verified', 'unsigned', 'expired', 'verified', 'unverifiable', 'revoked'];

const owner: OwnerProfile = {
  name: 'Ana Sofía Pérez',
  headline: 'Data analyst · Python, SQL and dashboards · open to junior roles',
  email: 'ana.perez@example.org',
  phone: '+351 912 345 678',
  location: 'Lisbon, Portugal',
  website: 'https://ana-perez.example.org/',
  links: [{ label: 'LinkedIn', url: 'https://www.linkedin.com/in/ana-perez-example' }],
  about:
    'I turn messy data into decisions. After a degree in economics I retrained in data analysis, earning the credentials below through project-based courses, and I publish my analyses on my web site.',
  photo: { bytes: makePngImage(120, 120, 42), mediaType: 'image/png' },
};

let credentials: TestCredential[];
let entries: PortfolioEntry[];
let pdf: Uint8Array;
let dir: string;
let pdfPath: string;

function input(overrides: Partial<PortfolioInput['options']> = {}, list: PortfolioEntry[] = entries): PortfolioInput {
  return {
    owner,
    credentials: list,
    options: { paper: 'a4', generatedAt, fonts: loadFontSet(), recipientName: 'Acme Analytics, hiring team', prepareImage: prepareImageNode, ...overrides },
  };
}

beforeAll(async () => {
  credentials = await unicodeCredentials();
  entries = credentials.map(({ credential }, i) => ({
    credential,
    status: statuses[i] ?? 'verified',
    statusSentence: i === 0 ? 'The signature matches the issuer’s key and the credential is not revoked.' : undefined,
    checkedAt: '2025-03-01T09:58:00Z',
  }));
  pdf = await buildPortfolioPdf(input());
  dir = tempDir();
  pdfPath = writePdf(dir, 'portfolio.pdf', pdf);
}, 60_000);

describe('portfolio PDF', () => {
  it('prints a QR code for every credential with a public link, each decoding to that link', () => {
    const pages = renderPages(pdfPath, 100);
    const decoded = pages.flatMap((page) => decodeAllQr(page));
    const expected = credentials.flatMap((c) => (c.expectedUrl === undefined ? [] : [c.expectedUrl]));
    expect(decoded.sort()).toEqual([...expected].sort());
    if (process.env.BADGEFOLIO_UPDATE_SCREENSHOTS === '1') {
      const target = path.join(root, 'docs/screenshots');
      mkdirSync(target, { recursive: true });
      const hiRes = renderPages(writePdf(dir, 'shots.pdf', pdf), 110);
      copyFileSync(hiRes[0] ?? '', path.join(target, 'pdf-cover.png'));
      copyFileSync(hiRes[1] ?? '', path.join(target, 'pdf-entry.png'));
    }
  });

  it('has the names as text in every script, emoji kept without their modifiers, and the plain sentence where no public link exists', () => {
    const text = run('pdftotext', ['-enc', 'UTF-8', pdfPath, '-']);
    for (const name of ['Data Analysis with Python', 'Πιστοποιητικό Ανάλυσης Δεδομένων', 'Сертификат по анализу данных', '数据分析证书', 'Ana Sofía Pérez']) {
      expect(text).toContain(name);
    }
    // Right-to-left names: every word is there (poppler may order the runs either way).
    for (const word of ['شهادة', 'تحليل', 'البيانات', 'תעודה', 'בניתוח', 'נתונים']) expect(text).toContain(word);
    expect(text).toContain('🎓 Graduate Certificate in Machine Learning 🤖👩💻');
    expect(text).not.toMatch(/\uFFFD|\p{Emoji_Modifier}/u);
    expect(text.replace(/\s+/g, ' ')).toContain(noPublicLinkSentence);
    // Without a verifier page, the words under each code say what it opens: a hosted badge verifies, an issuer's page does not.
    expect(text).toContain('Verify this credential');
    expect(text).toContain("Issuer's page for this badge");
    expect(text).not.toMatch(/scan to verify/i);
    expect(text).toContain('Prepared for Acme Analytics, hiring team');
    expect(text).toMatch(/Page 1 of \d+/);
  });

  it('embeds every original byte for byte (pdfdetach), plus a manifest with their digests', async () => {
    const list = run('pdfdetach', ['-list', pdfPath]);
    expect(list).toMatch(new RegExp(`^${String(credentials.length + 1)} embedded files`));
    const out = path.join(dir, 'detached');
    mkdirSync(out);
    run('pdfdetach', ['-saveall', '-o', out, pdfPath]);
    const files = readdirSync(out).sort();
    expect(files).toContain(manifestFileName);
    const manifest = parseManifest(readFileSync(path.join(out, manifestFileName), 'utf8'));
    expect(manifest?.credentials.map((e) => e.identity)).toEqual(credentials.map((c) => c.credential.identity));
    for (const [index, entry] of (manifest?.credentials ?? []).entries()) {
      const original = credentials[index]?.credential.original.bytes;
      expect(new Uint8Array(readFileSync(path.join(out, entry.file)))).toEqual(original);
    }
    const report = await readPortfolioPdf(pdf);
    expect(report.intact).toBe(true);
    expect(report.credentials.map((c) => c.integrity)).toEqual(credentials.map(() => 'intact'));
    expect(report.credentials.map((c) => c.credentials[0]?.identity)).toEqual(credentials.map((c) => c.credential.identity));
  });

  it('carries title, author, subject and keywords, and is A4', () => {
    const info = run('pdfinfo', ['-enc', 'UTF-8', pdfPath]);
    expect(info).toMatch(/Title:\s+Credential portfolio: Ana Sofía Pérez/);
    expect(info).toMatch(/Author:\s+Ana Sofía Pérez/);
    expect(info).toMatch(/Subject:\s+Verifiable credentials of Ana Sofía Pérez, prepared for Acme Analytics/);
    expect(info).toMatch(/Keywords:.*micro-credentials.*Python/);
    expect(info).toMatch(/Page size:\s+595\.2\d* x 841\.8\d* pts \(A4\)/);
  });

  it('makes Letter pages when asked, and links a credential without a public link to the verifier page with the credential in the link', async () => {
    const base = 'https://verify.example.net/badgefolio/';
    const original = credentials[3]?.credential.original.bytes ?? new Uint8Array();
    const letter = await buildPortfolioPdf(input({ paper: 'letter', verifierUrl: base }, entries.slice(3, 4)));
    const file = writePdf(dir, 'letter.pdf', letter);
    expect(run('pdfinfo', [file])).toMatch(/Page size:\s+612 x 792 pts \(letter\)/);
    // Its 20 KB picture makes the link too long for a readable code: the code opens the page with the short id.
    const decoded = renderPages(file, 100).flatMap((page) => decodeAllQr(page));
    expect(decoded).toEqual([`${base}#id.${shortIdOf(original)}`]);
    const links = (await linkAnnotations(letter)).filter((link) => link.uri.startsWith(base));
    expect(links.map((link) => bytesInLink(link.uri))).toEqual([original, original]);
    expect(run('pdftotext', ['-enc', 'UTF-8', file, '-']).replace(/\s+/g, ' ')).toContain('Open the link in this PDF, or drop this PDF on verify.example.net/badgefolio/');
  });

  it('makes links clickable: the verification URLs, the issuer and the contents rows', async () => {
    const doc = await PDFDocument.load(pdf);
    const uris: string[] = [];
    let gotos = 0;
    for (const page of doc.getPages()) {
      const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
      for (let i = 0; i < (annots?.size() ?? 0); i++) {
        const action = annots?.lookup(i, PDFDict).lookupMaybe(PDFName.of('A'), PDFDict);
        const uri = action?.get(PDFName.of('URI'));
        if (uri) uris.push(uri.toString());
        if (action?.get(PDFName.of('S'))?.toString() === '/GoTo') gotos++;
      }
    }
    expect(gotos).toBe(credentials.length);
    for (const c of credentials) if (c.expectedUrl) expect(uris.join(' ')).toContain(c.expectedUrl);
    expect(uris.join(' ')).toContain('mailto:ana.perez@example.org');
  });

  it('is caught by verify-pdf when an attachment is swapped, altered or removed', async () => {
    // Swap the first two attachments' file streams, names unchanged.
    const doc = await PDFDocument.load(pdf);
    const names = doc.catalog.lookup(PDFName.of('Names'), PDFDict).lookup(PDFName.of('EmbeddedFiles'), PDFDict).lookup(PDFName.of('Names'), PDFArray);
    const specs: PDFDict[] = [];
    for (let i = 1; i < names.size(); i += 2) specs.push(names.lookup(i, PDFDict));
    const streamOf = (spec: PDFDict | undefined) => spec?.lookup(PDFName.of('EF'), PDFDict);
    const first = streamOf(specs[0]);
    const second = streamOf(specs[1]);
    const firstRef = first?.get(PDFName.of('F'));
    const secondRef = second?.get(PDFName.of('F'));
    if (!first || !second || !firstRef || !secondRef) throw new Error('attachments not found');
    first.set(PDFName.of('F'), secondRef);
    second.set(PDFName.of('F'), firstRef);
    const swapped = await readPortfolioPdf(await doc.save());
    expect(swapped.intact).toBe(false);
    expect(swapped.credentials.slice(0, 2).map((c) => c.integrity)).toEqual(['altered', 'altered']);
    expect(swapped.credentials.slice(2).every((c) => c.integrity === 'intact')).toBe(true);

    // The manifest rewritten to the swapped digests: the identities still give it away.
    const forged = await PDFDocument.load(await doc.save());
    const report = await readPortfolioPdf(await forged.save());
    const manifest = report.manifest;
    if (!manifest) throw new Error('no manifest');
    const rewritten = {
      ...manifest,
      credentials: manifest.credentials.map((entry, i) => (i < 2 ? { ...entry, sha256: report.credentials[i]?.sha256 ?? '' } : entry)),
    };
    const forgedNames = forged.catalog.lookup(PDFName.of('Names'), PDFDict).lookup(PDFName.of('EmbeddedFiles'), PDFDict).lookup(PDFName.of('Names'), PDFArray);
    const manifestSpec = forgedNames.lookup(forgedNames.size() - 1, PDFDict);
    const manifestStream = forged.context.flateStream(new TextEncoder().encode(JSON.stringify(rewritten)), { Type: 'EmbeddedFile' });
    manifestSpec.lookup(PDFName.of('EF'), PDFDict).set(PDFName.of('F'), forged.context.register(manifestStream));
    const afterForgery = await readPortfolioPdf(await forged.save());
    expect(afterForgery.credentials.slice(0, 2).map((c) => c.integrity)).toEqual(['identity-mismatch', 'identity-mismatch']);

    // One attachment removed from the name tree.
    const removed = await PDFDocument.load(pdf);
    const removedNames = removed.catalog.lookup(PDFName.of('Names'), PDFDict).lookup(PDFName.of('EmbeddedFiles'), PDFDict).lookup(PDFName.of('Names'), PDFArray);
    removedNames.remove(0);
    removedNames.remove(0);
    removed.catalog.delete(PDFName.of('AF'));
    const missing = await readPortfolioPdf(await removed.save());
    expect(missing.credentials[0]?.integrity).toBe('missing');
    expect(missing.intact).toBe(false);
  });

  it('downscales and deduplicates images: one image object however many credentials share it', async () => {
    const big = makePngImage(900, 900, 9);
    const shared = entries.slice(0, 3).map((e) => ({ ...e, credential: { ...e.credential, image: { mediaType: 'image/png', bytes: big } } }));
    const small = await buildPortfolioPdf(input({}, shared));
    const file = writePdf(dir, 'dedupe.pdf', small);
    const images = run('pdfimages', ['-list', file])
      .split('\n')
      .slice(2)
      .filter((l) => l.trim() !== '');
    // The owner's photo and the one shared badge image, each once, the badge at most 192 px.
    const badge = images.map((l) => l.trim().split(/\s+/)).filter((cols) => cols[2] === 'image' && Number(cols[3]) > 120);
    expect(badge.length).toBe(3);
    expect(new Set(badge.map((cols) => cols[10])).size).toBe(1);
    expect(Number(badge[0]?.[3])).toBeLessThanOrEqual(192);
    expect(small.length).toBeLessThan(big.length / 4);
  });

  it('never fails on emoji-only or empty names, missing images, SVG or damaged images', async () => {
    const base = entries[0];
    if (!base) throw new Error('no entry');
    const odd: PortfolioEntry[] = [
      { ...base, credential: { ...base.credential, name: '🎓🎉', issuer: {}, image: undefined } },
      {
        ...base,
        credential: { ...base.credential, name: '', image: { mediaType: 'image/svg+xml', bytes: new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>') } },
      },
      { ...base, credential: { ...base.credential, name: 'Ωmega 한국어 ไทย', image: { mediaType: 'image/png', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]) } } },
    ];
    const result = await buildPortfolioPdf(input({ theme: 'teal' }, odd));
    const text = run('pdftotext', ['-enc', 'UTF-8', writePdf(dir, 'odd.pdf', result), '-']);
    expect(text).toContain('Untitled credential');
    expect(text).toContain('Ωmega');
  });

  it('attaches a holder-signed presentation covering every attached file', async () => {
    const { privateKey } = await generateKeyPair('EdDSA');
    const holder = 'did:example:ana';
    const signed = await buildPortfolioPdf(
      input({
        presentation: {
          holder,
          sign: async (vp) => ({
            bytes: new TextEncoder().encode(
              await new CompactSign(new TextEncoder().encode(JSON.stringify(vp))).setProtectedHeader({ alg: 'EdDSA', typ: 'vp+jwt' }).sign(privateKey),
            ),
            mediaType: 'application/vp+jwt',
            extension: 'jwt',
          }),
        },
      }),
    );
    const report = await readPortfolioPdf(signed);
    expect(report.intact).toBe(true);
    expect(report.presentation?.intact).toBe(true);
    const vp = decodeJwt(new TextDecoder().decode(report.presentation?.bytes));
    expect(vp.holder).toBe(holder);
    expect((vp.relatedResource as unknown[]).length).toBe(credentials.length);
    expect((vp.verifiableCredential as unknown[]).length).toBe(credentials.length);
  });
});

describe('certificate PDF', () => {
  it('is one landscape page with the QR code, the names and the original attached', async () => {
    const entry = entries[1];
    if (!entry) throw new Error('no entry');
    const certificate = await buildCertificatePdf({ owner, entry, options: { paper: 'a4', generatedAt, fonts: loadFontSet(), prepareImage: prepareImageNode } });
    const file = writePdf(dir, 'certificate.pdf', certificate);
    expect(run('pdfinfo', [file])).toMatch(/Pages:\s+1\b[\s\S]*Page size:\s+841\.8\d* x 595\.2\d* pts/);
    const pages = renderPages(file, 100);
    expect(pages.flatMap((page) => decodeAllQr(page))).toEqual([credentials[1]?.expectedUrl]);
    const text = run('pdftotext', ['-enc', 'UTF-8', file, '-']);
    expect(text).toContain('Πιστοποιητικό Ανάλυσης Δεδομένων');
    expect(text).toContain('Ana Sofía Pérez');
    const report = await readPortfolioPdf(certificate);
    expect(report.intact).toBe(true);
    expect(report.credentials[0]?.bytes).toEqual(entry.credential.original.bytes);
    if (process.env.BADGEFOLIO_UPDATE_SCREENSHOTS === '1') {
      const shots = renderPages(writePdf(dir, 'certificate-shot.pdf', certificate), 110);
      copyFileSync(shots[0] ?? '', path.join(root, 'docs/screenshots/pdf-certificate.png'));
    }
  });
});
