import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { test, expect, type Page } from '@playwright/test';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { build } from 'vite';
import { base64ToBytes } from '../../shared/encoding/base64';
import { buildPortfolioPdf } from '../../shared/portfolio/portfolioPdf';
import type { OwnerProfile, PortfolioEntry } from '../../shared/portfolio/types';
import { loadFontSet } from '../../electron/portfolio/fontFiles';
import { prepareImageNode, scaleOntoWhite } from '../../electron/portfolio/prepareImage';
import { readPortfolioPdf } from '../../electron/portfolio/readPortfolioPdf';
import { mimeTypeFor, rendererResponseHeaders, resolveRendererFile } from '../../electron/security/contentPolicy';
import type { RendererPortfolioInput } from '../../renderer/src/portfolio/buildPortfolioInRenderer';
import { makePngImage, pngDataUrl } from '../support/credentials';
import { bytesInLink, linkAnnotations } from '../support/pdfLinks';
import { decodeAllQr, ob3, renderPages, run, tempDir, unicodeCredentials, writePdf, type TestCredential } from '../unit/portfolio/fixtures';
import type { PageBuildResult } from './rendererPdf/page';
import { toWire } from './rendererPdf/wire';

/**
 * The renderer's portfolio builder (renderer/src/portfolio) in real Chromium: a test-only page
 * (tests/e2e/rendererPdf/) is built with Vite exactly as the app's renderer is (fonts as `?url`
 * assets), served with the app's Content-Security-Policy from its own origin, and asked to build
 * a portfolio of generated credentials. The PDF that comes back is checked with poppler and
 * jsQR like the command line's, and against the command line's PDF of the same input.
 */

// Poppler, jsQR and intake on a shared 2-core machine: allow more than the default 30 s per test.
test.describe.configure({ mode: 'serial', timeout: 90_000 });

const pageRoot = path.resolve(import.meta.dirname, 'rendererPdf');
const generatedAt = new Date('2025-03-01T10:00:00Z');

/** A photograph-like opaque JPEG: red on the left fading to blue on the right, green rising downwards. */
function gradientJpeg(width: number, height: number): Uint8Array {
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const at = (y * width + x) * 4;
      data[at] = Math.round(255 * (1 - x / (width - 1)));
      data[at + 1] = Math.round(200 * (y / (height - 1)));
      data[at + 2] = Math.round(255 * (x / (width - 1)));
      data[at + 3] = 255;
    }
  }
  return new Uint8Array(jpeg.encode({ data, width, height }, 92).data);
}

/** Drawn artwork: a flat disc on a transparent square, as most badges are. */
function flatDiscPng(side: number): Uint8Array {
  const png = new PNG({ width: side, height: side });
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const inside = Math.hypot(x - side / 2, y - side / 2) < side * 0.42;
      png.data.set(inside ? [29, 63, 114, 255] : [0, 0, 0, 0], (y * side + x) * 4);
    }
  }
  return new Uint8Array(PNG.sync.write(png));
}

const photo = gradientJpeg(640, 480);
/** Drawn artwork shared by two credentials: embedded once, as a PNG that keeps its transparency. */
const sharedArtwork = flatDiscPng(600);
/** Textured artwork with transparency (seeded noise): its PNG would be large, so it becomes a JPEG on white. */
const texturedArtwork = makePngImage(500, 500, 77);

let server: Server | undefined;
let origin = '';
let outDir = '';
let workDir = '';
let credentials: TestCredential[] = [];
let input: RendererPortfolioInput;
let rendererPdf: Uint8Array;
let rendererPdfPath = '';
let buildMilliseconds = [0, 0];
let rebuiltPdf: Uint8Array;
const requested: string[] = [];
const consoleErrors: string[] = [];

async function extraCredentials(): Promise<TestCredential[]> {
  const jpegBadge = await ob3({
    seed: 11,
    name: 'Field photography workshop',
    id: 'https://badges.example.org/credentials/1111',
    achievementId: 'https://academy.example.org/achievements/photography',
    issuerName: 'Example Academy',
    imageDataUrl: `data:image/jpeg;base64,${Buffer.from(photo).toString('base64')}`,
  });
  const series = await Promise.all(
    [12, 13].map((seed) =>
      ob3({
        seed,
        name: `Series badge ${String(seed)}`,
        id: `https://badges.example.org/credentials/${String(seed * 101)}`,
        achievementId: `https://academy.example.org/achievements/series-${String(seed)}`,
        issuerName: 'Example Academy',
        imageDataUrl: pngDataUrl(sharedArtwork),
      }),
    ),
  );
  const textured = await ob3({
    seed: 14,
    name: 'Textured artwork badge',
    id: 'https://badges.example.org/credentials/1414',
    achievementId: 'https://academy.example.org/achievements/textured',
    issuerName: 'Example Academy',
    imageDataUrl: pngDataUrl(texturedArtwork),
  });
  return [
    { credential: jpegBadge, expectedUrl: 'https://academy.example.org/achievements/photography' },
    { credential: textured, expectedUrl: 'https://academy.example.org/achievements/textured' },
    ...series.map((credential, i) => ({ credential, expectedUrl: `https://academy.example.org/achievements/series-${String(12 + i)}` })),
  ];
}

const owner: OwnerProfile = {
  name: 'Ana Sofía Pérez',
  headline: 'Data analyst · Python, SQL and dashboards',
  email: 'ana.perez@example.org',
  website: 'https://ana-perez.example.org/',
  photo: { bytes: makePngImage(120, 120, 42), mediaType: 'image/png' },
};

function serve(root: string): Promise<Server> {
  const started = createServer((request, response) => {
    const file = resolveRendererFile(root, new URL(request.url ?? '/', 'http://localhost').pathname);
    let body: Buffer;
    try {
      body = file ? readFileSync(file) : Buffer.alloc(0);
    } catch {
      body = Buffer.alloc(0);
    }
    if (!file || body.length === 0) {
      response.writeHead(404).end();
      return;
    }
    // The app's own headers, Content-Security-Policy included.
    response.writeHead(200, rendererResponseHeaders(mimeTypeFor(file))).end(body);
  });
  return new Promise((resolve) => {
    started.listen(0, '127.0.0.1', () => {
      resolve(started);
    });
  });
}

/** Builds twice in one page: the first build fetches the fonts, the second is a preview rebuild (fonts and images cached). */
async function buildInPage(page: Page, wire: string): Promise<[PageBuildResult, PageBuildResult]> {
  await page.goto(`${origin}/index.html`);
  await page.waitForFunction(() => typeof window.buildPortfolioForTest === 'function');
  return page.evaluate(async (text) => {
    const buildForTest = window.buildPortfolioForTest;
    if (!buildForTest) throw new Error('the test page did not load');
    const first = await buildForTest(text);
    return [first, await buildForTest(text)] as [PageBuildResult, PageBuildResult];
  }, wire);
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  workDir = tempDir();
  outDir = path.join(workDir, 'page');
  await build({ root: pageRoot, base: './', configFile: false, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  server = await serve(outDir);
  origin = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;

  credentials = [...(await unicodeCredentials()), ...(await extraCredentials())];
  const entries: PortfolioEntry[] = credentials.map(({ credential }, i) => ({ credential, status: i % 4 === 3 ? 'expired' : 'verified', checkedAt: '2025-03-01T09:58:00Z' }));
  input = { owner, credentials: entries, options: { paper: 'a4', generatedAt, recipientName: 'Acme Analytics, hiring team' } };

  const page = await browser.newPage();
  page.on('request', (request) => requested.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  const [first, second] = await buildInPage(page, toWire(input));
  await page.close();
  rendererPdf = base64ToBytes(first.pdf);
  rebuiltPdf = base64ToBytes(second.pdf);
  buildMilliseconds = [first.milliseconds, second.milliseconds];
  rendererPdfPath = writePdf(workDir, 'renderer.pdf', rendererPdf);
});

test.afterAll(async () => {
  await new Promise<void>((resolve) => {
    if (server) {
      server.close(() => {
        resolve();
      });
    } else resolve();
  });
  if (workDir !== '') rmSync(workDir, { recursive: true, force: true });
});

test('builds in Chromium from the app origin only, with no CSP violation', () => {
  const [first = 0, again = 0] = buildMilliseconds;
  test.info().annotations.push({
    type: 'renderer build',
    description: `${String(credentials.length)} credentials: ${first.toFixed(0)} ms with fonts fetched, ${again.toFixed(0)} ms rebuilt`,
  });
  expect(rendererPdf.subarray(0, 5)).toEqual(new TextEncoder().encode('%PDF-'));
  expect(requested.length).toBeGreaterThan(0);
  expect(requested.filter((url) => !url.startsWith(`${origin}/`))).toEqual([]);
  // The same font files as the command line reads, fetched as assets, once for both builds:
  // 17 of Noto Sans (Latin, Greek, Cyrillic, Vietnamese in two weights; CJK, Arabic, Hebrew) and Noto Emoji's 12.
  const fontFiles = 17 + 12;
  expect(requested.filter((url) => url.endsWith('.woff')).length).toBe(fontFiles);
  expect(consoleErrors).toEqual([]);
  // The page's bundle carries the fonts as files beside it, not inlined.
  expect(readdirSync(path.join(outDir, 'assets')).filter((name) => name.endsWith('.woff')).length).toBe(fontFiles);
});

test('a rebuild from the cached fonts and images gives the same document', () => {
  const text = (bytes: Uint8Array, name: string): string => run('pdftotext', ['-enc', 'UTF-8', '-layout', writePdf(workDir, name, bytes), '-']);
  expect(text(rebuiltPdf, 'rebuilt.pdf')).toBe(text(rendererPdf, 'first.pdf'));
  expect(Math.abs(rebuiltPdf.length - rendererPdf.length)).toBeLessThan(64);
});

test('prints every QR code (each decodes to its link) and every script', () => {
  const decoded = renderPages(rendererPdfPath, 100).flatMap((png) => decodeAllQr(png));
  const expected = credentials.flatMap((c) => (c.expectedUrl === undefined ? [] : [c.expectedUrl]));
  expect(decoded.sort()).toEqual([...expected].sort());
  const text = run('pdftotext', ['-enc', 'UTF-8', rendererPdfPath, '-']);
  for (const name of ['Data Analysis with Python', 'Πιστοποιητικό Ανάλυσης Δεδομένων', 'Сертификат по анализу данных', '数据分析证书', 'Field photography workshop']) {
    expect(text).toContain(name);
  }
  for (const word of ['شهادة', 'البيانات', 'תעודה', 'נתונים']) expect(text).toContain(word);
});

test('has the same text as the command line builds from the same input', async () => {
  const nodePdf = await buildPortfolioPdf({ ...input, options: { ...input.options, fonts: loadFontSet(), prepareImage: prepareImageNode } });
  const nodePath = writePdf(workDir, 'node.pdf', nodePdf);
  const text = (file: string): string => run('pdftotext', ['-enc', 'UTF-8', '-layout', file, '-']);
  expect(text(rendererPdfPath)).toBe(text(nodePath));
  expect(run('pdfinfo', [rendererPdfPath]).replace(/File size:.*\n/, '')).toBe(run('pdfinfo', [nodePath]).replace(/File size:.*\n/, ''));
});

test('downscales images on the canvas: drawn artwork as PNG with its alpha, photographs and textures as JPEG, each distinct image once', () => {
  const rows = run('pdfimages', ['-list', rendererPdfPath])
    .split('\n')
    .slice(2)
    .map((line) => line.trim().split(/\s+/))
    .filter((cols) => cols.length > 10);
  const images = rows.filter((cols) => cols[2] === 'image');
  const masks = rows.filter((cols) => cols[2] === 'smask');
  // Eleven badges with ten distinct artworks, and the owner's photo: drawn twelve times, eleven objects.
  expect(images.length).toBe(credentials.length + 1);
  expect(new Set(images.map((cols) => cols[10])).size).toBe(credentials.length);
  for (const cols of images) expect(Math.max(Number(cols[3]), Number(cols[4]))).toBeLessThanOrEqual(192);
  // The photograph and the textured artwork became JPEGs (192x144 and 192x192) ...
  expect(
    images
      .filter((cols) => cols[8] === 'jpeg')
      .map((cols) => `${cols[3] ?? ''}x${cols[4] ?? ''}`)
      .sort(),
  ).toEqual(['192x144', '192x192']);
  // ... the shared drawn artwork a 192 px PNG with a soft mask (drawn twice, one object) ...
  const shared = images.filter((cols) => cols[8] === 'image' && cols[3] === '192');
  expect(shared.length).toBe(2);
  expect(new Set(shared.map((cols) => cols[10])).size).toBe(1);
  // ... and every image that had transparency kept it: the seven small badges (used as they
  // are), the drawn artwork twice and the owner's photo.
  expect(masks.length).toBe(10);
});

test('the canvas-scaled JPEG looks like the original scaled down', () => {
  const out = path.join(workDir, 'extracted');
  run('pdfimages', ['-j', rendererPdfPath, out]);
  const jpegs = readdirSync(workDir)
    .filter((name) => name.startsWith('extracted') && name.endsWith('.jpg'))
    .map((name) => jpeg.decode(readFileSync(path.join(workDir, name)), { useTArray: true, formatAsRGBA: false }));
  const extracted = jpegs.find((image) => image.height === 144);
  if (!extracted) throw new Error('the photograph is not in the PDF as a JPEG');
  const source = jpeg.decode(photo, { useTArray: true, formatAsRGBA: false });
  const reference = scaleOntoWhite({ width: source.width, height: source.height, channels: 3, data: source.data, offset: 0, rowStride: source.width * 3 }, 192);
  expect([extracted.width, extracted.height]).toEqual([reference.width, reference.height]);
  let difference = 0;
  for (let i = 0; i < reference.data.length; i++) difference += Math.abs((extracted.data[i] ?? 0) - (reference.data[i] ?? 0));
  // Two different scalers and encoders agree to a few levels per channel on a smooth image.
  expect(difference / reference.data.length).toBeLessThan(6);
});

test('links every entry to the verifier page with its original bytes, the bytes attached (issue #18)', async ({ browser }) => {
  const base = 'https://verify.example.net/badgefolio/';
  const page = await browser.newPage();
  const [built] = await buildInPage(page, toWire({ ...input, options: { ...input.options, verifierUrl: base } }));
  await page.close();
  const pdf = base64ToBytes(built.pdf);
  const links = (await linkAnnotations(pdf)).filter((link) => link.uri.startsWith(`${base}#vc1.z.`));
  const report = await readPortfolioPdf(pdf);
  expect(report.credentials.map((item) => item.bytes)).toEqual(credentials.map((c) => c.credential.original.bytes));
  let linked = 0;
  for (const item of report.credentials) {
    const own = links.filter((link) => link.name?.endsWith(`/${item.file}`));
    // A credential carrying a large picture may be too long for a link: then its hosted copy, or the page and the attachment, stand in.
    if (own.length !== 2) expect(['issuer-hosted', 'verifier-page'], item.file).toContain(item.link);
    for (const link of own) expect(bytesInLink(link.uri)).toEqual(item.bytes);
    if (own.length === 2) linked++;
  }
  expect(linked).toBeGreaterThan(credentials.length / 2);
  expect(report.credentials.filter((item) => item.link === 'matches-attachment').length).toBe(linked);
});

test('attaches every original byte for byte with an intact manifest', async () => {
  const report = await readPortfolioPdf(rendererPdf);
  expect(report.intact).toBe(true);
  expect(report.credentials.map((c) => c.bytes)).toEqual(credentials.map((c) => c.credential.original.bytes));
});
