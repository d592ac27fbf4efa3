import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { chromium, expect, test, type Browser, type BrowserContextOptions, type Page } from '@playwright/test';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { cborldFragment, withLinkFragments } from '../../electron/portfolio/cborldFragment';
import { loadFontSet } from '../../electron/portfolio/fontFiles';
import { buildPortfolioPdf } from '../../shared/portfolio/portfolioPdf';
import { encodeCredentialFragment, verifierPageLink } from '../../shared/portfolio/verifierFragment';
import { normaliseOne } from '../unit/verify/helpers';
import { chromiumLaunchOptions } from '../support/chromium';
import { runBin } from '../support/cliRun';
import { sharedFixturesDir, sharedFixturesPresent, sharedFixturesSkipReason } from '../support/sharedFixtures';
import { certificateScan, encodeJpeg } from '../unit/certificate/inputs';
import {
  generateEd25519Issuer,
  makeOb2Assertion,
  makeClrCredential,
  makeIssuerProfile,
  makeOb2SignedAssertion,
  makeOb3Credential,
  signDataIntegrity,
  signVcJwt,
  type Ed25519Issuer,
} from '../support/credentials';
import { LoopbackInternet } from '../support/loopbackInternet';
import { linkAnnotations } from '../support/pdfLinks';
import { startVerifierServer, type VerifierServer } from '../support/verifierServer';

/**
 * The static verifier page (out/verifier/, issue #18) served by `npm run verifier` on loopback,
 * opened in Chromium: credentials made by independent libraries (Digital Bazaar's Data
 * Integrity stack, jose) arrive in the link's fragment or as a dropped PDF exported by the CLI,
 * and are checked by Badgefolio's own engine running in the page's Web Worker.
 */
let server: VerifierServer;
/** The issuers' web sites, over real https on loopback: Chromium is told to find them there. */
let internet: LoopbackInternet;
let browser: Browser;
let issuer: Ed25519Issuer;
const files = new Map<string, Uint8Array>();
const folder = mkdtempSync(path.join(os.tmpdir(), 'badgefolio-verifier-page-'));

const encode = (value: unknown): Uint8Array => new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value));

test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = await startVerifierServer();
  issuer = await generateEd25519Issuer(new Uint8Array(32).fill(41));
  const profile = makeIssuerProfile({ id: issuer.did, name: 'Hanse Technical College' });
  const solar = makeOb3Credential({
    issuer: profile,
    id: 'urn:uuid:0b5c1d2e-3f40-4a51-8b62-7c8d9e0f1a21',
    achievementName: 'Solar installer',
    validFrom: '2025-01-01T00:00:00Z',
    skills: [{ targetName: 'Photovoltaics', targetFramework: 'ESCO', targetCode: 'S1' }],
  });
  files.set('ob3-di', encode(await signDataIntegrity(solar, issuer)));
  const forklift = makeOb3Credential({
    issuer: profile,
    id: 'urn:uuid:0b5c1d2e-3f40-4a51-8b62-7c8d9e0f1a22',
    achievementName: 'Forklift operation',
    validFrom: '2025-02-01T00:00:00Z',
  });
  files.set('vc-jwt', encode(await signVcJwt(forklift, issuer)));
  const signedOb2 = await makeOb2SignedAssertion({ badgeName: 'Harbour crane safety', issuerName: 'Northern Skills Academy' });
  files.set('ob2-signed', encode(signedOb2.jws));
  // An OB 2.0 hosted badge whose name and issuer live only at its issuer (as Badgr and Canvas bake them).
  const hosted = makeOb2Assertion({
    origin: 'https://hosted.example.org',
    assertionId: 'https://hosted.example.org/assertions/dock-1.json',
    badgeName: 'Dock logistics',
    issuerName: 'Northern Skills Academy',
    embedBadge: false,
    embedIssuer: false,
  });
  files.set('ob2-hosted', encode(hosted.assertion));
  internet = await LoopbackInternet.start();
  internet.serveDocuments(hosted.documents, { headers: { 'access-control-allow-origin': '*' } });
  // The OB 2.0 issuer publishes its key and revocation list for browsers too (CORS).
  internet.serveDocuments(signedOb2.documents, { headers: { 'access-control-allow-origin': '*' } });
  // The OB 3.0 issuer's own web site (its profile's url) answers without CORS: browsers keep the answer from pages.
  internet.serve('https://academy.example.org/.well-known/did-configuration.json', {
    body: { '@context': 'https://identity.foundation/.well-known/did-configuration/v1', linked_dids: [] },
  });
  const launch = chromiumLaunchOptions();
  const rules = ['badges.example.org', 'hosted.example.org', 'academy.example.org'].map((host) => `MAP ${host}:443 127.0.0.1:${String(internet.port)}`).join(', ');
  // The test CA is not in Chromium's store: certificate errors are let through in this test browser only.
  browser = await chromium.launch({ ...launch, args: [...(launch.args ?? []), `--host-resolver-rules=${rules}`, '--ignore-certificate-errors'] });
  const clr = await makeClrCredential({ issuer, issuerProfile: profile, courseNames: ['HTML and CSS', 'JavaScript basics'] });
  files.set('clr', encode(clr.credential));
  const long = makeOb3Credential({
    issuer: profile,
    id: 'urn:uuid:0b5c1d2e-3f40-4a51-8b62-7c8d9e0f1a23',
    achievementName: 'Extended curriculum',
    achievementDescription: Array.from({ length: 260 }, (_, i) => `Module ${String(i + 1)} covered hands-on work and a written assessment.`).join(' '),
    validFrom: '2025-03-01T00:00:00Z',
  });
  const longBytes = encode(await signDataIntegrity(long, issuer));
  expect(longBytes.length).toBeGreaterThan(19_000);
  files.set('long', longBytes);
});

test.afterAll(async () => {
  await browser.close();
  await internet.close();
  await server.stop();
});

/** A fresh page, and every request it and its worker make. */
async function newPage(options: BrowserContextOptions = {}): Promise<{ page: Page; requests: string[] }> {
  const context = await browser.newContext(options);
  const requests: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  return { page: await context.newPage(), requests };
}

async function open(page: Page, bytes: Uint8Array): Promise<void> {
  await page.goto(verifierPageLink(server.url, bytes));
  await expect(page.locator('.status-word, .failure').first()).toBeVisible({ timeout: 20_000 });
}

/**
 * Every request is one of the page's own files (or the blob: URL its worker starts from, made by
 * the page itself) or a fetch the page lists under "What this page fetched".
 */
async function expectOnlyListedRequests(page: Page, requests: readonly string[], own = server.url): Promise<void> {
  const listed = await page.locator('.fetches .url').allTextContents();
  const ownBlob = `blob:${own.startsWith('file:') ? 'null' : new URL(own).origin}/`;
  const unexplained = requests.filter((url) => !url.startsWith(own) && !url.startsWith(ownBlob) && !listed.includes(url));
  expect(unexplained).toEqual([]);
}

test('each link shows its credential, Verified, and lists what the checks fetched', async () => {
  const { page, requests } = await newPage();
  const expectations: [string, string][] = [
    ['ob3-di', 'Solar installer'],
    ['vc-jwt', 'Forklift operation'],
    ['ob2-signed', 'Harbour crane safety'],
    ['ob2-hosted', 'Dock logistics'],
    ['long', 'Extended curriculum'],
  ];
  // The page allows itself its own files and https connections for the checks, nothing else.
  await page.goto(server.url);
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toContain("default-src 'none'");
  // Its own scripts, and compiling the WebAssembly they carry (JPEG and QR decoders), never JavaScript eval.
  expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval';");
  // Its one worker starts from a blob: URL its own script makes (so that it starts from disk too).
  expect(policy).toContain('worker-src blob:;');
  expect(policy).toContain('connect-src https:;');
  for (const [key, name] of expectations) {
    // Each link's requests are judged against that link's list.
    requests.length = 0;
    await open(page, files.get(key) ?? new Uint8Array());
    const credential = page.locator('article.credential').first();
    await expect(credential.getByRole('heading', { name })).toBeVisible();
    await expect(credential.locator('.status-word').first()).toHaveText('Verified');
    await expect(credential).toContainText(key.startsWith('ob2') ? 'Northern Skills Academy' : 'Hanse Technical College');
    // The OB 2.0 badge's key came from its issuer's web site, and the page says so. The others'
    // issuer names a web site whose Well-Known DID Configuration the browser may not read (no
    // CORS): the page says which request and that its check could not be made here.
    if (key === 'ob2-signed') await expect(page.locator('.fetches')).toContainText('https://badges.example.org/issuers/academy/public-key.json: answered (200)');
    else if (key === 'ob2-hosted') await expect(page.locator('.fetches')).toContainText('https://hosted.example.org/assertions/dock-1.json: answered (200)');
    else {
      const refused = page.locator('.fetch-refused-by-browser');
      await expect(refused).toContainText('https://academy.example.org/.well-known/did-configuration.json: the browser could not read it');
      await expect(refused).toContainText('whether the issuer’s web site confirms this key as its own was not checked here');
    }
    await expectOnlyListedRequests(page, requests);
  }
});

/** `badgefolio verify --offline` on the same file: each credential's name and status, sorted. */
function cliVerdicts(file: string): string[] {
  const cli = JSON.parse(runBin(['verify', file, '--json', '--offline']).stdout) as { name: string | null; status: string }[];
  return cli.map((c) => `${c.name ?? ''}: ${c.status}`).sort();
}

/** What the page shows for each credential: its name and status, sorted. */
async function shownVerdicts(page: Page): Promise<string[]> {
  const shown = await page.locator('article.credential').evaluateAll((articles) =>
    articles.map((article) => ({
      name: article.querySelector('.credential-name')?.textContent ?? '',
      status: article.querySelector('.status-word')?.getAttribute('data-status') ?? '',
    })),
  );
  return shown.map((s) => `${s.name}: ${s.status}`).sort();
}

test('a transcript (CLR) lists its credentials, each checked; the page agrees with the CLI', async () => {
  const { page } = await newPage();
  const bytes = files.get('clr') ?? new Uint8Array();
  await open(page, bytes);
  const file = path.join(folder, 'clr.json');
  writeFileSync(file, bytes);
  const cli = cliVerdicts(file);
  expect(cli.length).toBeGreaterThan(2);
  expect(await shownVerdicts(page)).toEqual(cli);
  await expect(page.locator('.nested .status-word', { hasText: 'Verified' })).toHaveCount(2);
});

test('a changed credential is not genuine; a changed link says it is damaged, never Verified', async () => {
  const { page } = await newPage();
  const text = new TextDecoder().decode(files.get('ob3-di'));
  // One character inside what the issuer signed: the achievement's name.
  await open(page, encode(text.replace('Solar installer', 'Solar installes')));
  await expect(page.locator('.status-word').first()).toHaveText('Invalid');
  await expect(page.locator('.summary').first()).toContainText('Not genuine');

  const link = verifierPageLink(server.url, files.get('ob3-di') ?? new Uint8Array());
  const at = link.indexOf('#') + 30;
  const changed = `${link.slice(0, at)}${link[at] === 'A' ? 'B' : 'A'}${link.slice(at + 1)}`;
  await page.goto(changed);
  await expect(page.locator('.status-word, .failure').first()).toBeVisible({ timeout: 20_000 });
  await expect(page.locator('.status-word', { hasText: 'Verified' })).toHaveCount(0);
  await expect(page.locator('main')).toContainText(/Not genuine|This link is damaged|Damaged|No credential was found/);

  await page.goto(`${server.url}#vc1.z.`);
  await expect(page.locator('.failure')).toContainText('This link does not carry a credential');
});

test('a CBOR-LD (`c`) link: shorter, Verified like its `z` link; changed, never Verified; its PDF entry checks out', async () => {
  test.setTimeout(90_000);
  const original = files.get('ob3-di') ?? new Uint8Array();
  const fragment = (await cborldFragment(original)) ?? '';
  expect(fragment.startsWith('vc1.c.')).toBe(true);
  expect(fragment.length).toBeLessThan(encodeCredentialFragment(original).length);
  const { page, requests } = await newPage();
  await page.goto(verifierPageLink(server.url, original, fragment));
  expect(page.url()).toContain('#vc1.c.');
  const credential = page.locator('article.credential').first();
  await expect(credential.getByRole('heading', { name: 'Solar installer' })).toBeVisible({ timeout: 20_000 });
  await expect(credential.locator('.status-word').first()).toHaveText('Verified');
  await expectOnlyListedRequests(page, requests);

  const at = 40;
  const changed = `${fragment.slice(0, at)}${fragment[at] === 'A' ? 'B' : 'A'}${fragment.slice(at + 1)}`;
  await page.goto(`${server.url}#${changed}`);
  await expect(page.locator('.status-word, .failure').first()).toBeVisible({ timeout: 20_000 });
  await expect(page.locator('.status-word', { hasText: 'Verified' })).toHaveCount(0);
  await expect(page.locator('main')).toContainText(/Not genuine|This link is damaged|Damaged|No credential was found/);

  // A portfolio whose entry links carry the `c` form: verify-pdf finds them the same credential as the attachment.
  const entry = { credential: await normaliseOne(JSON.parse(new TextDecoder().decode(original)), 'solar.json'), status: 'verified' };
  const pdfFile = path.join(folder, 'cborld-portfolio.pdf');
  const options = { paper: 'a4' as const, generatedAt: new Date('2025-06-01T10:00:00Z'), fonts: loadFontSet(), verifierUrl: 'https://verify.example.net/badgefolio/' };
  writeFileSync(pdfFile, await buildPortfolioPdf({ owner: { name: 'Jo Example' }, credentials: await withLinkFragments([entry]), options }));
  const uris = (await linkAnnotations(readFileSync(pdfFile))).map((annotation) => annotation.uri).filter((uri) => uri.startsWith(options.verifierUrl));
  // The printed address and the QR code's link annotation (a link this long does not fit a version 15 code).
  expect(uris).toEqual([`${options.verifierUrl}#${fragment}`, `${options.verifierUrl}#${fragment}`]);
  const checked = JSON.parse(runBin(['verify-pdf', pdfFile, '--json', '--offline']).stdout) as { credentials: { link?: string }[] };
  expect(checked.credentials.map((c) => c.link)).toEqual(['matches-attachment']);
});

test('the page saved to disk and opened from file:// verifies a link, and a changed credential is not genuine', async () => {
  // The built page copied elsewhere, as a user saving it would: no server, no origin.
  const saved = path.join(folder, 'saved-verifier');
  cpSync(path.join(import.meta.dirname, '../../out/verifier'), saved, { recursive: true });
  const onDisk = pathToFileURL(path.join(saved, 'index.html')).href;
  const { page, requests } = await newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(verifierPageLink(onDisk, files.get('ob3-di') ?? new Uint8Array()));
  await expect(page.locator('.status-word, .failure').first()).toBeVisible({ timeout: 20_000 });
  await expect(page.locator('article.credential').first().getByRole('heading', { name: 'Solar installer' })).toBeVisible();
  await expect(page.locator('.status-word').first()).toHaveText('Verified');
  // The stylesheet applied too: the page is styled, not bare HTML.
  expect(await page.locator('body').evaluate((body) => getComputedStyle(body).margin)).toBe('0px');
  await expectOnlyListedRequests(page, requests, pathToFileURL(saved).href);

  const text = new TextDecoder().decode(files.get('ob3-di'));
  await page.goto(verifierPageLink(onDisk, encode(text.replace('Solar installer', 'Solar installes'))));
  await expect(page.locator('.status-word').first()).toHaveText('Invalid', { timeout: 20_000 });
  await expect(page.locator('.summary').first()).toContainText('Not genuine');
  // Nothing the page holds was refused: no module, worker, stylesheet or CSP error on disk.
  expect(errors).toEqual([]);
});

test('1EdTech’s CLR 2.0 samples: the page’s verdict on each credential is the app engine’s', async () => {
  test.info().skip(!sharedFixturesPresent, sharedFixturesSkipReason);
  // Three CLI runs besides the page's checks, on a shared machine.
  test.setTimeout(120_000);
  const { page } = await newPage();
  // A VC-JWT transcript, a Data Integrity one (eddsa-rdfc-2022, VC 2.0) and a VC 1.1 one
  // (Ed25519Signature2020). The JSON-LD ones need the CLR 2.0 context, which is on no npm
  // package and which the engine never fetches: both the app and the page carry 1EdTech's
  // published copy, so all three verify offline, transcript and credentials inside.
  for (const sample of ['clr2/1edtech-validator/simple.jwt', 'clr2/1edtech-spec/impl-guide-linked-data-proof-clr-signed.json', 'clr2/1edtech-validator/simple_v1.json']) {
    const file = path.join(sharedFixturesDir, sample);
    const cli = cliVerdicts(file);
    expect(
      cli.filter((verdict) => !verdict.endsWith(': verified')),
      sample,
    ).toEqual([]);
    await open(page, readFileSync(file));
    // Polled: the previous sample's credentials stay on the page until this one's are shown.
    await expect.poll(() => shownVerdicts(page), { message: sample }).toEqual(cli);
  }
});

test('a scanned certificate (JPEG) with a QR code is read on the page as the CLI reads it', async () => {
  // A photographed paper certificate: read through intake's QR search, which needs the
  // WebAssembly the page carries (the CSP's 'wasm-unsafe-eval') and loads the PNG decoder too
  // (whose node-only internals once kept this from loading in the page at all).
  const file = path.join(folder, 'certificate-scan.jpg');
  writeFileSync(file, encodeJpeg(certificateScan(1200, 900, 'https://verify.example.edu/badges/123', { grain: 24, marks: 60 })));
  const cli = cliVerdicts(file);
  expect(cli).toEqual(['certificate scan: unsigned']);
  const { page } = await newPage();
  await page.goto(server.url);
  await page.locator('input[type=file]').setInputFiles(file);
  await expect(page.locator('.status-word, .failure').first()).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('.failure')).toHaveCount(0);
  expect(await shownVerdicts(page)).toEqual(cli);
  await expect(page.locator('.status-word').first()).toHaveText('Self-reported');
});

/** A wallet holding the OB 3.0 and VC-JWT credentials, exported by the CLI as a portfolio PDF. */
function exportPortfolio(): string {
  const vault = path.join(folder, 'wallet');
  const env = { BADGEFOLIO_PASSPHRASE: 'harbour lantern 61 meadow' };
  const inputs = ['ob3-di', 'vc-jwt'].map((key) => {
    const file = path.join(folder, `${key}${key === 'vc-jwt' ? '.jwt' : '.json'}`);
    writeFileSync(file, files.get(key) ?? new Uint8Array());
    return file;
  });
  expect(runBin(['init', '--vault', vault], { env }).status).toBe(0);
  expect(runBin(['import', ...inputs, '--vault', vault, '--offline'], { env }).status).toBe(0);
  const pdf = path.join(folder, 'portfolio.pdf');
  const exported = runBin(['export-pdf', '--out', pdf, '--vault', vault, '--offline', '--for', 'Acme Ltd'], { env });
  expect(exported.status, exported.stderr).toBe(0);
  return pdf;
}

/** The PDF with its first attachment's bytes replaced, its manifest left as exported. */
async function swapFirstAttachment(pdf: Uint8Array, replacement: Uint8Array): Promise<Uint8Array> {
  const document = await PDFDocument.load(pdf);
  const names = document.catalog.lookup(PDFName.of('Names'), PDFDict).lookup(PDFName.of('EmbeddedFiles'), PDFDict).lookup(PDFName.of('Names'), PDFArray);
  const spec = names.lookup(1, PDFDict);
  const fileRef = spec.lookup(PDFName.of('EF'), PDFDict).get(PDFName.of('F'));
  const stream = PDFRawStream.of(document.context.obj({ Type: 'EmbeddedFile', Length: replacement.length }), replacement);
  document.context.assign(fileRef as never, stream);
  return document.save({ useObjectStreams: false });
}

test('a portfolio PDF dropped on the page: every attachment verified; a swapped one caught', async () => {
  test.setTimeout(90_000);
  const { page, requests } = await newPage();
  const pdfFile = exportPortfolio();
  await page.goto(server.url);
  // Any credential file too: the VC-JWT the wallet imported, chosen as a file.
  await page.locator('input[type=file]').setInputFiles(path.join(folder, 'vc-jwt.jwt'));
  await expect(page.getByRole('heading', { name: 'Forklift operation' })).toBeVisible({ timeout: 20_000 });
  await expect(page.locator('.status-word').first()).toHaveText('Verified');
  await page.locator('input[type=file]').setInputFiles(pdfFile);
  await expect(page.locator('.pdf-verdict')).toHaveText('Every credential file in this PDF is exactly the one exported.', { timeout: 30_000 });
  await expect(page.locator('.attachment')).toHaveCount(2);
  await expect(page.locator('.attachment .status-word')).toHaveText(['Verified', 'Verified']);
  await expect(page.locator('.pdf')).toContainText('Solar installer');
  await expect(page.locator('.pdf')).toContainText('Forklift operation');
  await expectOnlyListedRequests(page, requests);

  // A QR code that carries only the entry's short id: the page says what to do, then marks that entry in the PDF.
  const shortId = createHash('sha256')
    .update(files.get('vc-jwt') ?? new Uint8Array())
    .digest('hex')
    .slice(0, 12);
  await page.goto(`${server.url}#id.${shortId}`);
  await expect(page.locator('.short-id')).toContainText('drop the PDF here');
  await page.locator('input[type=file]').setInputFiles(pdfFile);
  await expect(page.locator('.attachment.named')).toContainText('Forklift operation', { timeout: 30_000 });
  await expect(page.locator('.attachment.named')).toHaveCount(1);

  const swapped = path.join(folder, 'swapped.pdf');
  writeFileSync(swapped, await swapFirstAttachment(readFileSync(pdfFile), files.get('long') ?? new Uint8Array()));
  await page.locator('input[type=file]').setInputFiles(swapped);
  await expect(page.locator('.pdf-verdict')).toHaveText('This PDF was changed after export: see the files marked below.', { timeout: 30_000 });
  await expect(page.locator('.attachment .integrity').first()).toHaveText('Altered or swapped after export');
});

test('German from the browser, no serious accessibility problem, and no sideways scrolling at 375 px', async () => {
  const { page } = await newPage({ locale: 'de-DE', viewport: { width: 375, height: 800 } });
  await open(page, files.get('ob3-di') ?? new Uint8Array());
  await expect(page.locator('h1')).toHaveText('Nachweis prüfen');
  await expect(page.locator('.status-word').first()).toHaveText('Geprüft');
  await page.locator('details.checks summary').first().click();
  const fits = await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
  expect(fits).toBe(true);
  for (const language of ['de', 'en']) {
    await page.getByLabel(language === 'de' ? 'Sprache' : 'Language').selectOption(language === 'de' ? 'en' : 'de');
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(serious).toEqual([]);
  }
});
