import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from '@playwright/test';
import { verifierPageLink } from '../../shared/portfolio/verifierFragment';
import { chromiumLaunchOptions } from '../support/chromium';
import { runBin } from '../support/cliRun';
import { generateEd25519Issuer, makeIssuerProfile, makeOb3Credential, signDataIntegrity, type Ed25519Issuer } from '../support/credentials';
import { startVerifierServer } from '../support/verifierServer';
import { median, MemoryPeak, type Figure } from './measure';

/**
 * Issue #18: the verifier page (out/verifier/) loaded from loopback in Chromium. A link opened
 * to the verdict shown for an OB 3.0 credential (≤ 1.5 s), the page's size, and a 50-credential
 * portfolio PDF (exported by the CLI) dropped on it to every attachment verified (≤ 5 s). Each
 * run is a fresh browser context (nothing cached), so a link's figure includes loading the page
 * and its worker, as an employer opening it for the first time would.
 */
const projectRoot = path.resolve(import.meta.dirname, '../..');

/** An OB 3.0 credential as issuers sign them; its issuer names no web site, so nothing is fetched (loopback has no internet). */
async function credential(issuer: Ed25519Issuer, index: number): Promise<Uint8Array> {
  const profile = makeIssuerProfile({ id: issuer.did, name: 'Hanse Technical College' });
  delete (profile as { url?: string }).url;
  const signed = await signDataIntegrity(
    makeOb3Credential({
      issuer: profile,
      id: `urn:uuid:7c1e4d2a-0000-4000-8000-${String(index).padStart(12, '0')}`,
      achievementName: `Module ${String(index + 1)}`,
      validFrom: '2025-01-01T00:00:00Z',
    }),
    issuer,
  );
  return new TextEncoder().encode(JSON.stringify(signed));
}

function pageFiles(): { bytes: number; gzipped: number } {
  const root = path.join(projectRoot, 'out/verifier');
  let bytes = 0;
  let gzipped = 0;
  const walk = (folder: string): void => {
    for (const name of readdirSync(folder)) {
      const file = path.join(folder, name);
      if (statSync(file).isDirectory()) walk(file);
      else {
        const content = readFileSync(file);
        bytes += content.length;
        gzipped += gzipSync(content, { level: 9 }).length;
      }
    }
  };
  walk(root);
  return { bytes, gzipped };
}

async function linkFigures(browser: Browser, url: string, link: string, runs: number): Promise<{ times: number[]; transferred: number }> {
  const times: number[] = [];
  let transferred = 0;
  for (let run = 0; run <= runs; run++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    // The page's own files it asked for (its worker's included), by their size as served.
    const asked = new Set<string>();
    context.on('request', (request) => {
      if (request.url().startsWith(url)) asked.add(new URL(request.url()).pathname);
    });
    // The moment the verdict appears, by the page's own clock (0 = navigation start).
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (document.querySelector('.status-word')) {
          (window as unknown as { verdictAt: number }).verdictAt = performance.now();
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(link);
    await page.waitForSelector('.status-word[data-status=verified]', { timeout: 30_000 });
    const verdictAt = await page.evaluate(() => (window as unknown as { verdictAt: number }).verdictAt);
    // The first run warms the machine (disk cache, Chromium's own start-up); it is not counted.
    if (run > 0) times.push(verdictAt);
    transferred = [...asked].reduce(
      (total, pathname) => total + statSync(path.join(projectRoot, 'out/verifier', pathname.endsWith('/') ? `${pathname}index.html` : pathname)).size,
      0,
    );
    await context.close();
  }
  return { times, transferred };
}

async function pdfFigure(browser: Browser, url: string, pdf: string, count: number, runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let run = 0; run <= runs; run++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(url);
    const start = performance.now();
    await page.locator('input[type=file]').setInputFiles(pdf);
    await page.waitForSelector('.pdf-verdict', { timeout: 60_000 });
    const elapsed = performance.now() - start;
    const verified = await page.locator('.attachment .status-word[data-status=verified]').count();
    if (verified !== count) throw new Error(`The page verified ${String(verified)} of ${String(count)} attachments`);
    if (run > 0) times.push(elapsed);
    await context.close();
  }
  return times;
}

export async function verifierBench(quick: boolean): Promise<Figure[]> {
  const runs = quick ? 1 : 5;
  const count = quick ? 5 : 50;
  const folder = mkdtempSync(path.join(os.tmpdir(), 'badgefolio-bench-verifier-'));
  const server = await startVerifierServer();
  const browser = await chromium.launch(chromiumLaunchOptions());
  const peak = new MemoryPeak();
  try {
    const issuer = await generateEd25519Issuer(new Uint8Array(32).fill(77));
    const one = await credential(issuer, 0);
    const link = await linkFigures(browser, server.url, verifierPageLink(server.url, one), runs);

    const vault = path.join(folder, 'wallet');
    const env = { BADGEFOLIO_PASSPHRASE: 'bench verifier page, not a secret' };
    const inputs: string[] = [];
    for (let i = 0; i < count; i++) {
      const file = path.join(folder, `module-${String(i)}.json`);
      writeFileSync(file, await credential(issuer, i));
      inputs.push(file);
    }
    if (runBin(['init', '--vault', vault], { env }).status !== 0) throw new Error('badgefolio init failed');
    if (runBin(['import', ...inputs, '--vault', vault, '--offline'], { env }).status !== 0) throw new Error('badgefolio import failed');
    const pdf = path.join(folder, 'portfolio.pdf');
    const exported = runBin(['export-pdf', '--out', pdf, '--vault', vault, '--offline'], { env });
    if (exported.status !== 0) throw new Error(`badgefolio export-pdf failed: ${exported.stderr}`);
    const pdfTimes = await pdfFigure(browser, server.url, pdf, count, quick ? 1 : 3);
    const rss = peak.stop();
    const files = pageFiles();
    const base = { suite: 'verifier', better: 'lower' as const, peakRssMb: rss };
    return [
      {
        ...base,
        name: 'Link opened → verdict shown (OB 3.0, eddsa-rdfc-2022)',
        unit: 'ms',
        median: median(link.times),
        min: Math.min(...link.times),
        max: Math.max(...link.times),
        runs: link.times.length,
        target: { value: 1500, text: '≤ 1.5 s' },
        note: 'fresh browser context each run (page, worker and engine loaded from loopback, nothing cached); page clock from navigation start to the verdict in the DOM; Node process RSS (Chromium not included)',
      },
      {
        ...base,
        name: 'Page transferred (loopback, uncompressed)',
        unit: 'KB',
        median: link.transferred / 1024,
        min: link.transferred / 1024,
        max: link.transferred / 1024,
        runs: 1,
        note: `every file the page and its worker loaded to check one OB 3.0 link (bodies as served, no compression); out/verifier/ holds ${(files.bytes / 1024).toFixed(0)} KB, ${(files.gzipped / 1024).toFixed(0)} KB gzipped (what a static host compressing its answers sends)`,
      },
      {
        ...base,
        name: `${String(count)}-credential portfolio PDF dropped → all verified`,
        unit: 'ms',
        median: median(pdfTimes),
        min: Math.min(...pdfTimes),
        max: Math.max(...pdfTimes),
        runs: pdfTimes.length,
        ...(quick ? {} : { target: { value: 5000, text: '≤ 5 s' } }),
        note: 'PDF exported by badgefolio export-pdf; read, manifest compared and every attachment verified in the page’s worker (one thread)',
      },
    ];
  } finally {
    peak.stop();
    await browser.close();
    await server.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}
