import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { Intake } from '../../electron/intake/intake';
import { Vault } from '../../electron/vault/vault';
import { chromiumLaunchOptions } from '../support/chromium';
import { bakePngItxt, makeBadgePng, makeOb2Assertion, makeOb3Credential } from '../support/credentials';
import { startHarnessProcess, type HarnessProcess } from '../support/harnessProcess';
import { median, MemoryPeak, type Figure } from './measure';

/**
 * Issues "Portfolio" and "Search": with 10,000 credentials, the portfolio is interactive at
 * most 1 s after unlock, a search keystroke updates the results within 50 ms, and scrolling
 * has no long tasks over 50 ms. Measured in Chromium (Debian's, through Playwright) against
 * the browser harness: the real renderer build, the real main-side handlers, a real wallet.
 *
 * The UI is found only by what a person (or a screen reader) would use: the "Passphrase"
 * field, the "Unlock" button, credentials as articles, the "Search" field, and whatever
 * scrolls the first article. Timings are taken inside the page (event timestamps, mutation
 * observers, requestAnimationFrame, the Long Tasks API), not by polling from outside.
 */
const passphrase = 'benchmark passphrase, not a secret';
const cacheRoot = path.join(os.tmpdir(), 'badgefolio-bench');
const projectRoot = path.resolve(import.meta.dirname, '../..');
const query = 'statistics';

const topics = [
  'Data analysis with Python',
  'Applied statistics',
  'Forklift safety',
  'First aid at work',
  'Project management',
  'Cloud architecture',
  'MIG welding',
  'Spanish B2',
  'Machine learning',
  'Web accessibility',
  'Food hygiene',
  'Solar installation',
  'Customer service',
  'Cyber security basics',
  'Financial accounting',
  'Graphic design',
  'Nursing care',
  'Agile coaching',
  'Electrical safety',
  'Public speaking',
  'Data visualisation',
  'SQL databases',
  'Digital marketing',
  'Lean manufacturing',
];
const levels = ['Foundation', 'Intermediate', 'Advanced'];
const places = ['Northern', 'Harbour', 'Riverside', 'Zenith', 'Summit', 'Lakeside'];
const kinds = ['Skills Academy', 'College', 'University', 'Institute', 'Training Centre'];

/**
 * A wallet of `count` credentials as people collect them: baked OB 2.0 badges and OB 3.0
 * credentials, from 30 issuers over ten years, read by intake and stored by the vault (with
 * the real KDF). Built once per machine and reused; each run works on a copy.
 */
async function walletOf(count: number): Promise<string> {
  const folder = path.join(cacheRoot, `renderer-wallet-v1-${String(count)}`);
  if (existsSync(path.join(folder, 'wallet.json'))) return folder;
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  const intake = new Intake();
  const artworks = Array.from({ length: 16 }, (_, i) => makeBadgePng(1_500, i + 1));
  const vault = await Vault.create(folder, passphrase);
  try {
    for (let i = 0; i < count; i++) {
      const name = `${topics[i % topics.length] ?? ''}: ${levels[i % levels.length] ?? ''} (cohort ${String(i)})`;
      const issuerName = `${places[i % places.length] ?? ''} ${kinds[Math.floor(i / places.length) % kinds.length] ?? ''}`;
      const issued = new Date(Date.UTC(2015, 0, 1) + ((i * 7919) % 3650) * 86_400_000);
      let file: { name: string; bytes: Uint8Array };
      if (i % 2 === 0) {
        const { assertion } = makeOb2Assertion({
          assertionId: `https://badges.example.org/assertions/${String(i)}.json`,
          badgeName: name,
          issuerName,
          issuedOn: issued,
          recipientEmail: 'learner@example.com',
        });
        file = { name: `badge-${String(i)}.png`, bytes: bakePngItxt(artworks[i % artworks.length] ?? new Uint8Array(), 'openbadges', JSON.stringify(assertion)) };
      } else {
        const credential = makeOb3Credential({
          issuer: { id: `https://issuers.example.org/${String(i % 30)}`, type: ['Profile'], name: issuerName },
          id: `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
          achievementName: name,
          validFrom: issued,
        });
        file = { name: `credential-${String(i)}.json`, bytes: new TextEncoder().encode(JSON.stringify(credential)) };
      }
      const [outcome] = await intake.inspect(file);
      if (outcome?.outcome !== 'recognised') throw new Error(`the generated ${file.name} was not recognised`);
      vault.put(outcome.credential);
    }
  } finally {
    vault.lockWallet();
  }
  return folder;
}

/** The harness serves the built renderer: build it when it is not there (`npm run build`). */
function ensureRendererBuilt(): void {
  if (existsSync(path.join(projectRoot, 'out/renderer/index.html'))) return;
  const built = spawnSync(process.execPath, [path.join(projectRoot, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
    cwd: projectRoot,
    stdio: 'inherit',
  });
  if (built.status !== 0) throw new Error('npm run build failed: the renderer benchmark needs out/renderer');
}

/**
 * Installed in the page before its own scripts. Plain JavaScript in a string: a function
 * handed to Playwright would be serialised from this TypeScript's compiled form.
 * `window.__bench` keeps timestamps on the page's clock (performance.now, event.timeStamp).
 */
const instrumentation = String.raw`(() => {
  const bench = {
    longTasks: [], clickAt: -1, readyAt: -1, readyFrame: -1,
    keyAt: -1, keyFrame: -1, firstMutation: -1, lastMutation: -1, lastMutationFrame: -1, observing: true,
  };
  window.__bench = bench;
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) bench.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  const text = (el) => (el ? (el.textContent || '').replace(/\s+/g, ' ').trim() : '');
  const accessibleName = (el) => {
    if (el.getAttribute('aria-label')) return el.getAttribute('aria-label').trim();
    const by = el.getAttribute('aria-labelledby');
    if (by) return by.split(/\s+/).map((id) => text(document.getElementById(id))).join(' ').trim();
    if (el.id) {
      const label = document.querySelector('label[for="' + CSS.escape(el.id) + '"]');
      if (label) return text(label);
    }
    const wrapping = el.closest('label');
    if (wrapping) return text(wrapping);
    if (el.tagName === 'BUTTON') return text(el);
    return (el.getAttribute('placeholder') || el.getAttribute('title') || '').trim();
  };
  bench.searchField = () =>
    [...document.querySelectorAll('input, [role="searchbox"], [role="textbox"]')].find((el) => accessibleName(el) === 'Search');
  const enabled = (el) => el && !el.matches(':disabled') && el.getAttribute('aria-disabled') !== 'true';
  bench.articles = () => document.querySelectorAll('article, [role="article"]');
  bench.visibleArticles = () => [...bench.articles()].filter((a) => {
    const r = a.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight;
  });
  const firstArticleVisible = () => {
    for (const a of bench.articles()) {
      const r = a.getBoundingClientRect();
      if (r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight) return true;
    }
    return false;
  };
  const checkReady = () => {
    if (bench.clickAt < 0 || bench.readyAt >= 0) return;
    if (!firstArticleVisible() || !enabled(bench.searchField())) return;
    bench.readyAt = performance.now();
    requestAnimationFrame(() => { bench.readyFrame = performance.now(); });
  };
  const observer = new MutationObserver((records) => {
    const field = bench.searchField && bench.readyAt >= 0 ? bench.searchField() : null;
    if (field && records.every((r) => r.target === field || field.contains(r.target))) return;
    bench.lastMutation = performance.now();
    if (bench.keyAt >= 0 && bench.firstMutation < bench.keyAt) bench.firstMutation = bench.lastMutation;
    requestAnimationFrame(() => { bench.lastMutationFrame = performance.now(); });
    checkReady();
  });
  observer.observe(document, { subtree: true, childList: true, characterData: true });
  bench.stopObserving = () => observer.disconnect();
  document.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('button') : null;
    if (button && accessibleName(button) === 'Unlock') {
      bench.clickAt = event.timeStamp;
      bench.readyAt = -1;
      bench.readyFrame = -1;
      queueMicrotask(checkReady);
    }
  }, true);
  document.addEventListener('keydown', (event) => {
    if (!bench.searchField || event.target !== bench.searchField()) return;
    bench.keyAt = event.timeStamp;
    bench.keyFrame = -1;
    requestAnimationFrame(() => { bench.keyFrame = performance.now(); });
  }, true);
})();`;

/**
 * Polls an expression in the page until it is true. Playwright's waitForFunction compiles its
 * predicate inside the page, which the renderer's Content-Security-Policy (no eval) refuses;
 * page.evaluate goes through the debugger protocol, which the CSP does not govern.
 */
async function waitInPage(page: Page, expression: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await page.evaluate(expression))) {
    if (Date.now() > deadline) throw new Error(`timed out after ${String(timeoutMs)} ms waiting for ${expression.replace(/\s+/g, ' ').slice(0, 120)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

interface UnlockSample {
  readonly fromClick: number;
  readonly fromAnswer: number | null;
  readonly longTasks: number;
  readonly longestTask: number;
  readonly articles: number;
}

/** Locks the wallet (through the harness's window.wallet) and loads the app afresh. */
async function freshLockedPage(page: Page, url: string): Promise<void> {
  await page.goto(url);
  // Beside the loaded suite, window.wallet was once still undefined when goto returned; wait
  // for the harness's bridge rather than fail the whole bench (it says so if it never comes).
  await waitInPage(page, "typeof window.wallet?.lockWallet === 'function'", 60_000);
  await page.evaluate('window.wallet.lockWallet({})');
  await page.goto(url);
}

async function measureUnlock(page: Page, url: string): Promise<UnlockSample> {
  await freshLockedPage(page, url);
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await waitInPage(page, 'window.__bench.readyFrame >= 0', 180_000);
  return await page.evaluate<UnlockSample>(`(() => {
    const b = window.__bench;
    const answer = performance.getEntriesByType('resource').filter((e) => /unlock/i.test(e.name)).pop();
    const tasks = b.longTasks.filter((t) => t.start + t.duration > b.clickAt && t.start < b.readyFrame);
    return {
      fromClick: b.readyFrame - b.clickAt,
      fromAnswer: answer ? b.readyFrame - answer.responseEnd : null,
      longTasks: tasks.length,
      longestTask: Math.max(0, ...tasks.map((t) => t.duration)),
      articles: b.articles().length,
    };
  })()`);
}

/**
 * Waits until the page has made no change for `quietMs` (background work settling), for at
 * most `timeoutMs`; says whether it did, since a page that never settles is a finding too.
 */
async function quiet(page: Page, quietMs: number, timeoutMs = 60_000): Promise<boolean> {
  try {
    await waitInPage(page, `performance.now() - window.__bench.lastMutation > ${String(quietMs)}`, timeoutMs);
    return true;
  } catch {
    return false;
  }
}

interface KeystrokeSample {
  readonly key: string;
  readonly keyAt: number;
  readonly settledAt: number;
  ms: number;
  /** Keydown to the page's first change in answer (the cards), when it changed. */
  readonly firstChangeMs: number | null;
  changed: boolean;
  longTasks: number;
  /** The page changed again after it had been still for the quiet period. */
  late: boolean;
}

/** How long the page must stay unchanged after a keystroke before its answer counts as complete. */
const keystrokeQuietMs = 1000;

/**
 * One keystroke in the Search field: from the keydown event to the first frame after the
 * last change the page made in response (or to the next frame, if nothing changed), once the
 * page has been still for a second; a debounce counts, as the user waits for it too.
 */
async function keystroke(page: Page, key: string): Promise<KeystrokeSample> {
  await page.evaluate('window.__bench.keyAt = -1');
  await page.keyboard.press(key);
  await waitInPage(
    page,
    `(() => {
      const b = window.__bench;
      if (b.keyAt < 0 || b.keyFrame < 0) return false;
      if (performance.now() - Math.max(b.keyAt, b.lastMutation) < ${String(keystrokeQuietMs)}) return false;
      return b.lastMutation < b.keyAt || b.lastMutationFrame >= b.lastMutation;
    })()`,
    60_000,
  );
  return await page.evaluate<KeystrokeSample>(`(() => {
    const b = window.__bench;
    const changed = b.lastMutation >= b.keyAt;
    const end = changed ? b.lastMutationFrame : b.keyFrame;
    const tasks = b.longTasks.filter((t) => t.start + t.duration > b.keyAt && t.start < end);
    return { key: ${JSON.stringify(key)}, keyAt: b.keyAt, settledAt: performance.now(), ms: end - b.keyAt, firstChangeMs: changed ? b.firstMutation - b.keyAt : null, changed, longTasks: tasks.length, late: false };
  })()`);
}

/**
 * Should the page change again after a keystroke's quiet second (a slower answer landing),
 * that keystroke is charged up to the late change's frame: checked before the next one.
 */
async function chargeLateChange(page: Page, sample: KeystrokeSample | undefined): Promise<void> {
  if (!sample) return;
  const late = await page.evaluate<number | null>(
    `window.__bench.lastMutation > ${String(sample.settledAt)} ? Math.max(window.__bench.lastMutationFrame, window.__bench.lastMutation) : null`,
  );
  if (late === null || late < sample.settledAt) return;
  sample.ms = late - sample.keyAt;
  sample.changed = true;
  sample.late = true;
}

interface ScrollSample {
  readonly container: string;
  readonly scrollHeight: number;
  readonly frames: number;
  readonly durationMs: number;
  readonly longTasks: number;
  readonly longestTask: number;
  readonly p95FrameMs: number;
  readonly reachedBottom: boolean;
}

/**
 * Scrolls whatever scrolls the first article (its nearest scrollable ancestor, else the page)
 * from top to bottom, one screenful per frame, and collects the long tasks meanwhile.
 */
const scrollThrough = String.raw`(async () => {
  const b = window.__bench;
  const first = b.articles()[0];
  let el = first ? first.parentElement : null;
  while (el && el !== document.body && el !== document.documentElement) {
    const style = getComputedStyle(el);
    if (/(auto|scroll|overlay)/.test(style.overflowY) && el.scrollHeight > el.clientHeight + 1) break;
    el = el.parentElement;
  }
  const page = !el || el === document.body || el === document.documentElement;
  const scroller = page ? document.scrollingElement : el;
  const label = page ? 'the page' : el.tagName.toLowerCase() + (el.getAttribute('aria-label') ? ' "' + el.getAttribute('aria-label') + '"' : el.className ? '.' + String(el.className).split(' ')[0] : '');
  scroller.scrollTop = 0;
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  const start = performance.now();
  const frames = [];
  let last = start;
  let atBottomFor = 0;
  await new Promise((resolve) => {
    const step = (now) => {
      frames.push(now - last);
      last = now;
      const view = page ? innerHeight : scroller.clientHeight;
      if (scroller.scrollTop + view >= scroller.scrollHeight - 2) atBottomFor++;
      else atBottomFor = 0;
      // A virtual list may grow as it measures rows: done once the end stays put.
      if (atBottomFor >= 10 || now - start > 120000) return resolve();
      scroller.scrollTop += view;
      requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  });
  const end = performance.now();
  const tasks = b.longTasks.filter((t) => t.start + t.duration > start && t.start < end);
  const sorted = frames.slice(1).sort((x, y) => x - y);
  return {
    container: label,
    scrollHeight: scroller.scrollHeight,
    frames: frames.length,
    durationMs: end - start,
    longTasks: tasks.length,
    longestTask: Math.max(0, ...tasks.map((t) => t.duration)),
    p95FrameMs: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))] || 0,
    reachedBottom: atBottomFor >= 10,
  };
})()`;

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

const ms = (value: number): string => `${value.toFixed(value >= 100 ? 0 : 1)} ms`;

export async function rendererBench(quick: boolean): Promise<Figure[]> {
  const count = quick ? 300 : 10_000;
  const runs = quick ? 1 : 5;
  const label = count.toLocaleString('en-US');
  ensureRendererBuilt();
  const cached = await walletOf(count);
  // The harness may write (the writer lock, refreshed caches): it works on a copy.
  const work = mkdtempSync(path.join(os.tmpdir(), 'badgefolio-renderer-bench-'));
  const vault = path.join(work, 'wallet');
  cpSync(cached, vault, { recursive: true });
  const memory = new MemoryPeak();
  let harness: HarnessProcess | undefined;
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    harness = await startHarnessProcess(vault);
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.addInitScript({ content: instrumentation });

    // (a) Unlock to a usable portfolio, on a freshly loaded page each time.
    const unlocks: UnlockSample[] = [];
    for (let i = 0; i < runs + (quick ? 0 : 1); i++) unlocks.push(await measureUnlock(page, harness.url));
    const counted = quick ? unlocks : unlocks.slice(1); // the first run warms the harness up
    const fromClick = counted.map((u) => u.fromClick);
    const fromAnswer = counted.map((u) => u.fromAnswer).filter((v): v is number => v !== null);
    const articlesShown = counted[0]?.articles ?? 0;

    // (b) Keystrokes: type the query, then delete it again, once the page is still.
    const settledBeforeTyping = await quiet(page, 1000);
    const search = page
      .getByRole('searchbox', { name: 'Search' })
      .or(page.getByRole('textbox', { name: 'Search' }))
      .first();
    await search.click();
    const strokes: KeystrokeSample[] = [];
    const press = async (key: string): Promise<void> => {
      await chargeLateChange(page, strokes.at(-1));
      strokes.push(await keystroke(page, key));
    };
    for (const char of query) await press(char);
    const matching = await page.evaluate<{ shown: number; matching: number }>(`(() => {
      const names = [...window.__bench.articles()].map((a) => (a.getAttribute('aria-label') || a.textContent || '').toLowerCase());
      return { shown: names.length, matching: names.filter((n) => n.includes(${JSON.stringify(query)})).length };
    })()`);
    for (const _char of query) await press('Backspace');
    await new Promise((resolve) => setTimeout(resolve, 500));
    await chargeLateChange(page, strokes.at(-1));
    const strokeTimes = strokes.map((s) => s.ms);

    // (c) Scrolling from top to bottom.
    const settledBeforeScrolling = await quiet(page, 1000);
    const scroll = await page.evaluate<ScrollSample>(scrollThrough);
    const heapMb = await page.evaluate<number>('performance.memory ? performance.memory.usedJSHeapSize / 1048576 : 0');
    const peak = memory.stop();

    const where = `Chromium ${browser.version()} (headless) via Playwright, harness over loopback, ${String(runs)} run${runs === 1 ? '' : 's'}; renderer JS heap ${heapMb.toFixed(0)} MB after scrolling`;
    const base = { suite: 'renderer', peakRssMb: peak } as const;
    const figures: Figure[] = [
      {
        ...base,
        name: `unlock a ${label}-credential wallet to a usable portfolio (from clicking Unlock, KDF included)`,
        unit: 'ms',
        median: median(fromClick),
        min: Math.min(...fromClick),
        max: Math.max(...fromClick),
        runs: fromClick.length,
        better: 'lower',
        note: `click on Unlock to the first frame with a credential article on screen and the Search field enabled; includes the passphrase KDF (scrypt, deliberately about 0.4 s: the vault suite), opening the wallet's catalog and listing the wallet; ${String(articlesShown)} articles in the DOM; long tasks meanwhile: ${counted.map((u) => `${String(u.longTasks)} (longest ${ms(u.longestTask)})`).join(', ')}; ${where}`,
      },
    ];
    if (fromAnswer.length > 0) {
      figures.push({
        ...base,
        name: `portfolio usable after unlock (${label} credentials)`,
        unit: 'ms',
        median: median(fromAnswer),
        min: Math.min(...fromAnswer),
        max: Math.max(...fromAnswer),
        runs: fromAnswer.length,
        better: 'lower',
        target: { value: 1000, text: '≤ 1 s' },
        note: "the issue's figure: the same moment, counted from when the wallet is unlocked (the unlock call answered: passphrase checked, wallet open), so listing 10,000 credentials, sending them to the page and showing them",
      });
    }
    figures.push(
      {
        ...base,
        name: `search keystroke to updated results (${label} credentials, median)`,
        unit: 'ms',
        median: median(strokeTimes),
        min: Math.min(...strokeTimes),
        max: Math.max(...strokeTimes),
        runs: strokeTimes.length,
        better: 'lower',
        target: { value: 50, text: '≤ 50 ms' },
        note: `typing "${query}" and deleting it again (${String(strokes.length)} keystrokes), keydown to the first frame after the page's last change in answer (the page then still for a second; a change landing later is charged to its keystroke); ${String(matching.matching)} of ${String(matching.shown)} articles shown for the full query contain it; ${settledBeforeTyping ? '' : 'the page kept changing for a minute before typing began; '}ms per keystroke: ${strokes.map((s) => `${s.key === 'Backspace' ? '⌫' : s.key}${s.ms.toFixed(0)}${s.changed ? `(first change ${(s.firstChangeMs ?? 0).toFixed(0)})` : '(no change)'}${s.late ? '(late)' : ''}${s.longTasks > 0 ? `[${String(s.longTasks)} long]` : ''}`).join(' ')}; ${where}`,
      },
      {
        ...base,
        name: `search keystroke to updated results (${label} credentials, p95)`,
        unit: 'ms',
        median: percentile(strokeTimes, 95),
        min: Math.min(...strokeTimes),
        max: Math.max(...strokeTimes),
        runs: strokeTimes.length,
        better: 'lower',
        target: { value: 50, text: '≤ 50 ms' },
      },
      {
        ...base,
        name: `long tasks (> 50 ms) while scrolling ${label} credentials top to bottom`,
        unit: 'tasks',
        median: scroll.longTasks,
        min: scroll.longTasks,
        max: scroll.longTasks,
        runs: 1,
        better: 'lower',
        target: { value: 0, text: 'none' },
        note: `${settledBeforeScrolling ? '' : 'the page kept changing for a minute before scrolling began; '}${scroll.container} scrolled one screenful per frame over ${String(scroll.scrollHeight)} px: ${String(scroll.frames)} frames in ${ms(scroll.durationMs)}, p95 frame ${ms(scroll.p95FrameMs)}, longest task ${ms(scroll.longestTask)}${scroll.reachedBottom ? '' : ', stopped after 120 s before the bottom'}; ${where}`,
      },
    );
    return figures;
  } finally {
    memory.stop();
    await browser.close();
    await harness?.stop();
    rmSync(work, { recursive: true, force: true });
  }
}
