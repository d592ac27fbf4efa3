import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { Intake } from '../../electron/intake/intake';
import { Vault } from '../../electron/vault/vault';
import { bakePngItxt, makeBadgePng, makeOb2Assertion, makeOb3Credential } from '../support/credentials';
import { startHarnessProcess, type HarnessProcess } from '../support/harnessProcess';
import { testKdf } from '../support/walletFixtures';
import { expect, test as base } from './fixtures';

// Independent tests, each with its own harness: both workers take a share.
base.describe.configure({ mode: 'parallel' });

const passphrase = 'lantern meadow 42 copper';
const credentialCount = 200;

const statuses = ['verified', 'unverifiable', 'unsigned', 'expired', 'revoked', 'invalid', 'not-yet-valid'] as const;
const identityLevels = ['registry', 'domain', 'unconfirmed', 'trust-list'] as const;
const titles = [
  'Forklift safety',
  'Advanced certificate in sustainable energy systems engineering and project management for municipal infrastructure',
  'Python für Datenanalyse und maschinelles Lernen in der industriellen Qualitätssicherung',
  'First aid',
  'Donaudampfschifffahrtsgesellschaftskapitänsausbildungsabschlusszertifikat',
];
/** Issuers without a name: the card shows the id, a long URL or DID with no place to break. */
const issuers: readonly { readonly id: string; readonly name?: string }[] = [
  { id: 'https://issuers.example.org/northern', name: 'Northern Skills Academy' },
  { id: 'did:web:credentials.continuing-education.example-university.edu:issuers:faculty-of-engineering-and-applied-sciences' },
  { id: 'https://badges.a-very-long-subdomain-for-credentials.example-training-provider.org/issuers/department-of-occupational-health' },
  { id: 'https://issuers.example.org/zenith', name: 'Zenith Institute of Technology, Faculty of Continuing and Professional Education' },
];

/**
 * A wallet of 200 credentials, written straight into a vault (intake, then the vault with the
 * test KDF), each with a stored verdict and issuer identity so every card shows a status pill
 * and an identity line. Long titles and long issuer URLs and DIDs on purpose. Built once per
 * run; every test opens a copy.
 */
async function seededWallet(): Promise<string> {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'badgefolio-e2e-layout-wallet-'));
  const intake = new Intake();
  const artwork = [1, 2, 3, 4].map((seed) => makeBadgePng(1_500, seed));
  const vault = await Vault.create(folder, passphrase, testKdf);
  try {
    for (let i = 0; i < credentialCount; i++) {
      const name = `${titles[i % titles.length] ?? ''} ${String(i)}`;
      const issuer = issuers[i % issuers.length] ?? { id: 'https://issuers.example.org/x' };
      const issued = new Date(Date.UTC(2019, 0, 1) + ((i * 7919) % 2190) * 86_400_000);
      let file: { name: string; bytes: Uint8Array };
      if (i % 3 === 0) {
        const { assertion } = makeOb2Assertion({
          assertionId: `https://badges.example.org/assertions/layout-${String(i)}.json`,
          badgeName: name,
          issuerName: issuer.name ?? 'Harbour Training Centre',
          issuedOn: issued,
        });
        file = { name: `badge-${String(i)}.png`, bytes: bakePngItxt(artwork[i % artwork.length] ?? new Uint8Array(), 'openbadges', JSON.stringify(assertion)) };
      } else {
        const credential = makeOb3Credential({
          issuer: { id: issuer.id, type: ['Profile'], name: issuer.name ?? '' },
          id: `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
          achievementName: name,
          validFrom: issued,
          skills: [{ targetName: i % 2 === 0 ? 'Data visualisation' : 'Occupational safety', targetFramework: 'ESCO', targetCode: `S${String(i % 7)}` }],
        });
        // An issuer profile without a name: the wallet shows its id instead.
        const text = JSON.stringify({ ...credential, issuer: issuer.name ? credential.issuer : { id: issuer.id, type: ['Profile'] } });
        file = { name: `credential-${String(i)}.json`, bytes: new TextEncoder().encode(text) };
      }
      const [outcome] = await intake.inspect(file);
      if (outcome?.outcome !== 'recognised') throw new Error(`the generated ${file.name} was not recognised`);
      vault.put(outcome.credential);
      vault.setVerification(outcome.credential.identity, {
        status: statuses[i % statuses.length],
        checkedAt: '2025-05-01T10:00:00Z',
        issuerIdentity: { level: identityLevels[i % identityLevels.length], name: issuer.name ?? null, source: null, asOf: null },
      });
    }
  } finally {
    vault.lockWallet();
  }
  return folder;
}

/** The wallet is built once per worker; each test gets a harness over its own copy of it. */
const test = base.extend<{ seeded: HarnessProcess }, { template: string }>({
  template: [
    // eslint-disable-next-line no-empty-pattern -- a worker fixture that needs no other fixture
    async ({}, use) => {
      const folder = await seededWallet();
      await use(folder);
      rmSync(folder, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
  seeded: async ({ template }, use) => {
    const copy = mkdtempSync(path.join(os.tmpdir(), 'badgefolio-e2e-layout-'));
    cpSync(template, copy, { recursive: true });
    const harness = await startHarnessProcess(copy);
    await use(harness);
    await harness.stop();
    rmSync(copy, { recursive: true, force: true });
    rmSync(`${copy}-downloads`, { recursive: true, force: true });
  },
});

/** Unlocks the seeded wallet from the keyboard (Enter in the passphrase field). */
async function unlock(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await page.getByLabel('Passphrase', { exact: true }).press('Enter');
  await expect(page.getByRole('heading', { name: 'Your portfolio' })).toBeVisible();
}

/** A button of the side bar (the page's one navigation landmark, "Sections" or "Bereiche"). */
function section(page: Page, name: string): Locator {
  return page.getByRole('navigation').getByRole('button', { name, exact: true });
}

function credentialList(page: Page): Locator {
  return page.getByRole('region', { name: 'Credentials' });
}

/**
 * What sticks out sideways: the document wider than the window, any scroll area that scrolls
 * sideways, and any element reaching past the window's edges that no ancestor clips.
 * Each offender as "tag.class (what)", for the failure message.
 */
async function horizontalOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const name = (el: Element): string => {
      const label = el.getAttribute('aria-label') ?? el.getAttribute('id') ?? '';
      const classes = typeof el.className === 'string' && el.className.trim() ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
      return `${el.tagName.toLowerCase()}${classes}${label ? ` [${label.slice(0, 40)}]` : ''}`;
    };
    const problems: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > innerWidth) problems.push(`the document is ${String(root.scrollWidth)} px wide in a ${String(innerWidth)} px window`);
    const clipped = (el: Element): boolean => {
      for (let a = el.parentElement; a; a = a.parentElement) {
        const style = getComputedStyle(a);
        if (style.overflowX !== 'visible') {
          const box = a.getBoundingClientRect();
          if (box.left >= -1 && box.right <= innerWidth + 1) return true;
        }
      }
      return false;
    };
    for (const el of document.querySelectorAll('body *')) {
      const style = getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      if ((style.overflowX === 'auto' || style.overflowX === 'scroll') && el.scrollWidth > el.clientWidth + 1) {
        problems.push(`${name(el)} scrolls sideways (${String(el.scrollWidth)} > ${String(el.clientWidth)})`);
      }
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      if ((box.right > innerWidth + 1 || box.left < -1) && !clipped(el)) {
        problems.push(`${name(el)} spans ${String(Math.round(box.left))}–${String(Math.round(box.right))} in a ${String(innerWidth)} px window`);
      }
    }
    return [...new Set(problems)];
  });
}

/**
 * Whether the focused element's focus ring is all on screen: the element's box grown by its
 * outline (width plus offset) lies within every ancestor that clips it (overflow, containment)
 * and within the window. A radio drawn by its label (a segmented control) has its ring on the
 * visible part beside it. Null when it is; else what is wrong.
 */
async function focusRingProblem(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const focused = document.activeElement;
    // Past the last stop, Tab goes to the browser's own controls (the next Tab comes back).
    if (!(focused instanceof HTMLElement) || focused === document.body) return null;
    // A text field scrolls its caret into view, not all of it: the rest is shown as for a user
    // who looks at the field (any clipping of its ring by a scroll area still counts).
    if (focused.matches('textarea, input:not([type=checkbox], [type=radio], [type=button], [type=submit], [type=file])')) {
      focused.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    }
    const label = (focused.getAttribute('aria-label') ?? focused.textContent).trim().slice(0, 50) || focused.tagName.toLowerCase();
    let ringOwner: Element = focused;
    if (Number(getComputedStyle(focused).opacity) === 0 && focused.nextElementSibling) ringOwner = focused.nextElementSibling;
    const style = getComputedStyle(ringOwner);
    const width = style.outlineStyle === 'none' ? 0 : parseFloat(style.outlineWidth);
    if (width === 0 && style.boxShadow === 'none') return `“${label}” shows no focus ring`;
    const grow = Math.max(0, width > 0 ? width + parseFloat(style.outlineOffset) : 0);
    const box = ringOwner.getBoundingClientRect();
    const ring = { left: box.left - grow, top: box.top - grow, right: box.right + grow, bottom: box.bottom + grow };
    const view = { left: 0, top: 0, right: innerWidth, bottom: innerHeight, by: 'the window' };
    const clips: (typeof view)[] = [view];
    // An open modal dialog is drawn above the page: nothing behind it clips it or what it holds.
    const topLayer = ringOwner instanceof HTMLDialogElement && ringOwner.open;
    for (let a = topLayer ? null : ringOwner.parentElement; a; a = a.parentElement) {
      const s = getComputedStyle(a);
      if (s.overflowX !== 'visible' || s.overflowY !== 'visible' || /paint|strict|content/.test(s.contain)) {
        const r = a.getBoundingClientRect();
        const left = r.left + a.clientLeft;
        const top = r.top + a.clientTop;
        const classes = typeof a.className === 'string' ? a.className : '';
        clips.push({ left, top, right: left + a.clientWidth, bottom: top + a.clientHeight, by: `${a.tagName.toLowerCase()}.${classes}` });
      }
      // The same for a dialog around the element; a fixed element escapes the scroll areas around it.
      if ((a instanceof HTMLDialogElement && a.open) || s.position === 'fixed') break;
    }
    for (const clip of clips) {
      if (ring.left < clip.left - 0.5 || ring.top < clip.top - 0.5 || ring.right > clip.right + 0.5 || ring.bottom > clip.bottom + 0.5) {
        return `the focus ring of “${label}” is cut by ${clip.by}`;
      }
    }
    return null;
  });
}

/** Presses Tab `count` times and collects every focus ring that is not all visible. */
async function tabThrough(page: Page, count: number, where: string): Promise<string[]> {
  const problems: string[] = [];
  for (let i = 0; i < count; i++) {
    await page.keyboard.press('Tab');
    const problem = await focusRingProblem(page);
    if (problem) problems.push(`${where}, Tab ${String(i + 1)}: ${problem}`);
  }
  return problems;
}

/** The list reaches the bottom of the window (the footer's height at most) and scrolls inside. */
async function expectListFillsWindow(page: Page): Promise<void> {
  const viewport = page.viewportSize();
  const box = await credentialList(page).boundingBox();
  if (!viewport || !box) throw new Error('no viewport or no list');
  const below = viewport.height - (box.y + box.height);
  expect(below).toBeGreaterThanOrEqual(0);
  expect(below).toBeLessThanOrEqual(40);
  expect(await credentialList(page).evaluate((list) => list.scrollHeight > list.clientHeight)).toBe(true);
  expect(await page.evaluate(() => document.documentElement.scrollHeight <= innerHeight)).toBe(true);
}

/**
 * Every card in view keeps its parts inside it: title, issuer, date, the status pill (its
 * whole word) and the issuer's label. A long issuer line ends in "…" and says all in its title.
 */
async function cardProblems(page: Page): Promise<string[]> {
  return credentialList(page).evaluate((list) => {
    const problems: string[] = [];
    const view = list.getBoundingClientRect();
    const cards = [...list.querySelectorAll('article')];
    if (cards.length === 0) return ['no cards'];
    for (const card of cards) {
      const outer = card.getBoundingClientRect();
      if (outer.bottom < view.top || outer.top > view.bottom) continue;
      const inner = {
        left: outer.left + card.clientLeft,
        top: outer.top + card.clientTop,
        right: outer.left + card.clientLeft + card.clientWidth,
        bottom: outer.top + card.clientTop + card.clientHeight,
      };
      const title = card.getAttribute('aria-label') ?? '?';
      const pill = card.querySelector('.status');
      if (!pill) problems.push(`${title}: no status pill`);
      else if (pill.scrollWidth > pill.clientWidth + 1) problems.push(`${title}: the status pill's word is cut`);
      for (const part of card.querySelectorAll('h3, p, .status, .identity, img')) {
        const r = part.getBoundingClientRect();
        if (r.left < inner.left - 0.5 || r.right > inner.right + 0.5 || r.top < inner.top - 0.5 || r.bottom > inner.bottom + 0.5) {
          problems.push(`${title}: ${part.className || part.tagName} is not inside its card`);
        }
      }
      const issuer = card.querySelector('.issuer');
      if (issuer && issuer.getAttribute('title') !== issuer.textContent) problems.push(`${title}: the issuer line has no title with its whole text`);
    }
    return problems;
  });
}

/** Opens the first card's details and waits until they have loaded (the dialog grows then). */
async function openFirstDetails(page: Page): Promise<void> {
  // From the top of the list: the first card in the page is then the first one on screen (a
  // card kept above the visible rows would be replaced as it is scrolled to).
  await credentialList(page).evaluate((list) => {
    list.scrollTop = 0;
  });
  const card = credentialList(page).getByRole('article').first();
  await expect(card).toBeInViewport();
  const name = (await card.getAttribute('aria-label')) ?? '';
  await card.getByRole('button', { name: `Details of ${name}` }).click();
  await expect(page.getByRole('dialog', { name }).getByRole('region', { name: 'Verification' })).toBeVisible();
}

/** Files to import, in the test's own output folder (Playwright clears it). */
function badgeFiles(): string[] {
  const folder = test.info().outputPath('import');
  mkdirSync(folder, { recursive: true });
  const credential = makeOb3Credential({ issuer: 'did:example:layout', id: 'urn:uuid:6a1f5a3e-7d2b-4c88-9a61-3e2f1d0b9c70', achievementName: 'Imported for the layout test' });
  writeFileSync(path.join(folder, 'imported.json'), JSON.stringify(credential));
  writeFileSync(path.join(folder, 'notes.txt'), 'not a credential');
  writeFileSync(path.join(folder, 'more-notes.txt'), 'not a credential either');
  return [path.join(folder, 'imported.json'), path.join(folder, 'notes.txt'), path.join(folder, 'more-notes.txt')];
}

const sizes = [
  { width: 1024, height: 640 },
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;

for (const size of sizes) {
  test.describe(`at ${String(size.width)}×${String(size.height)}`, () => {
    test.use({ viewport: size });

    test('the portfolio list fills the window and scrolls inside itself; cards keep their parts inside', async ({ page, seeded }) => {
      test.setTimeout(60_000);
      await unlock(page, seeded.url);
      // As it opens: what needs attention (revoked, expiring) above the list.
      await expect(page.getByRole('region', { name: 'Needs your attention' })).toBeVisible();
      await expectListFillsWindow(page);
      expect(await cardProblems(page)).toEqual([]);
      await page.getByRole('radio', { name: 'List' }).check();
      await expectListFillsWindow(page);
      expect(await cardProblems(page)).toEqual([]);

      // An import summary opens above the list too: the list keeps a useful height.
      await page.getByTestId('import-input').setInputFiles(badgeFiles());
      await expect(page.getByText('Added 1, already there 0, updated 0, not added 2.')).toBeVisible();
      await expectListFillsWindow(page);
      const height = (await credentialList(page).boundingBox())?.height ?? 0;
      expect(height).toBeGreaterThanOrEqual(Math.min(240, size.height * 0.36) - 1);

      await page.getByRole('radio', { name: 'Grid' }).check();
      await page.getByRole('button', { name: 'Dismiss' }).first().click();
      await page.getByRole('button', { name: 'Dismiss' }).first().click();
      await expect(page.getByRole('region', { name: 'Needs your attention' })).toHaveCount(0);
      await expectListFillsWindow(page);
      // Scrolled to the end, the last cards are whole too.
      await credentialList(page).evaluate((list) => {
        list.scrollTop = list.scrollHeight;
      });
      await expect(credentialList(page).getByRole('article').first()).toBeVisible();
      expect(await cardProblems(page)).toEqual([]);
    });

    test('no screen is wider than the window', async ({ page, seeded }) => {
      test.setTimeout(90_000);
      const problems: string[] = [];
      const check = async (screen: string): Promise<void> => {
        problems.push(...(await horizontalOverflow(page)).map((problem) => `${screen}: ${problem}`));
      };
      await unlock(page, seeded.url);
      await check('portfolio, grid');
      await page.getByRole('button', { name: 'Filters' }).click();
      await check('portfolio, filters');
      await page.getByRole('radio', { name: 'List' }).check();
      await check('portfolio, list');
      await page.getByRole('radio', { name: 'Timeline' }).check();
      await check('portfolio, timeline');
      await openFirstDetails(page);
      await check('details');
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'Export PDF' }).click();
      const exportDialog = page.getByRole('dialog', { name: 'Export a portfolio PDF' });
      await exportDialog.getByRole('radio', { name: 'Credentials I choose' }).check();
      await exportDialog.getByRole('checkbox').first().check();
      await check('export');
      await page.keyboard.press('Escape');
      await section(page, 'Skills').click();
      await check('skills');
      await section(page, 'Pathways').click();
      await page.getByRole('button', { name: 'New pathway' }).click();
      await page.getByRole('button', { name: 'Add a step' }).click();
      // The longest entry in the menu: a long title and a long issuer DID.
      await page.getByLabel('Credential for step 1').selectOption({ index: 2 });
      await check('pathway editor');
      await section(page, 'Collections').click();
      await page.getByRole('button', { name: 'New collection' }).click();
      await page.getByRole('checkbox').nth(1).check();
      await check('collection editor');
      await section(page, 'Export history').click();
      await check('export history');
      await section(page, 'Check a PDF').click();
      await check('check a PDF');
      await section(page, 'Profile').click();
      await check('profile');
      await section(page, 'Settings').click();
      await check('settings');
      // German words are longer.
      await page.getByRole('banner').getByLabel('Language').selectOption('de');
      await check('settings (German)');
      await section(page, 'Portfolio').click();
      await check('portfolio (German)');
      await section(page, 'Lernpfade').click();
      await check('pathways (German)');
      await page.getByRole('banner').getByLabel('Sprache').selectOption('en');
      await page.getByRole('button', { name: 'Lock' }).click();
      await expect(page.getByRole('heading', { name: 'Unlock your wallet' })).toBeVisible();
      await check('unlock');
      expect(problems).toEqual([]);
    });

    test('the first screen is no wider than the window, in English and German', async ({ page, harness }) => {
      await page.goto(harness.url);
      await expect(page.getByRole('heading', { name: 'Create your wallet' })).toBeVisible();
      expect(await horizontalOverflow(page)).toEqual([]);
      await page.getByRole('banner').getByLabel('Language').selectOption('de');
      await expect(page.getByRole('heading', { name: 'Brieftasche anlegen' })).toBeVisible();
      expect(await horizontalOverflow(page)).toEqual([]);
    });

    test('focus rings are never cut off', async ({ page, seeded }) => {
      test.setTimeout(120_000);
      const problems: string[] = [];
      await unlock(page, seeded.url);
      // From the top of the window: skip link, header, sections, toolbar, notices, cards.
      await page.reload();
      await expect(page.getByRole('heading', { name: 'Your portfolio' })).toBeVisible();
      problems.push(...(await tabThrough(page, 45, 'portfolio, grid')));
      await page.getByRole('radio', { name: 'List' }).check();
      problems.push(...(await tabThrough(page, 30, 'portfolio, list')));

      await openFirstDetails(page);
      problems.push(...(await tabThrough(page, 4, 'details')));
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog')).toHaveCount(0);

      await page.getByRole('button', { name: 'Export PDF' }).click();
      const exportDialog = page.getByRole('dialog', { name: 'Export a portfolio PDF' });
      await exportDialog.getByRole('radio', { name: 'Credentials I choose' }).check();
      problems.push(...(await tabThrough(page, 20, 'export')));
      await page.keyboard.press('Escape');
      await expect(exportDialog).toHaveCount(0);

      for (const name of ['Skills', 'Settings', 'Profile']) {
        await section(page, name).click();
        problems.push(...(await tabThrough(page, 30, name)));
      }
      await section(page, 'Pathways').click();
      await page.getByRole('button', { name: 'New pathway' }).click();
      await page.getByRole('button', { name: 'Add a step' }).click();
      await page.getByLabel('Pathway name').focus();
      problems.push(...(await tabThrough(page, 14, 'pathway editor')));
      await section(page, 'Collections').click();
      await page.getByRole('button', { name: 'New collection' }).click();
      problems.push(...(await tabThrough(page, 30, 'collection editor')));
      expect(problems).toEqual([]);
    });
  });
}

test.describe('on a 4K screen', () => {
  test.use({ viewport: { width: 3840, height: 2160 } });

  test('the portfolio list fills the window', async ({ page, seeded }) => {
    await unlock(page, seeded.url);
    await expectListFillsWindow(page);
    expect(await cardProblems(page)).toEqual([]);
    await page.getByRole('radio', { name: 'List' }).check();
    await expectListFillsWindow(page);
    expect(await horizontalOverflow(page)).toEqual([]);
  });
});

test.describe('keyboard focus', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('the skip link is the first Tab stop and moves focus into the main content', async ({ page, seeded }) => {
    await unlock(page, seeded.url);
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Your portfolio' })).toBeVisible();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport({ ratio: 1 });
    expect(await focusRingProblem(page)).toBeNull();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('main').getByRole('heading', { name: 'Your portfolio' })).toBeFocused();
    // The next Tab stays in the content: the search field, not the header or the sections.
    await page.keyboard.press('Tab');
    await expect(page.getByRole('searchbox', { name: 'Search' })).toBeFocused();

    await page.getByRole('banner').getByLabel('Language').selectOption('de');
    await expect(page.getByRole('link', { name: 'Zum Inhalt springen' })).toHaveCount(1);
  });

  test('after unlocking, the focus is in the main content', async ({ page, seeded }) => {
    await unlock(page, seeded.url);
    await expect(page.getByRole('main').getByRole('heading', { name: 'Your portfolio' })).toBeFocused();
    await page.getByRole('button', { name: 'Lock' }).click();
    await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect(page.getByRole('main').getByRole('heading', { name: 'Your portfolio' })).toBeFocused();
  });

  test('New collection puts the focus in its name field, and closing the form returns it', async ({ page, seeded }) => {
    await unlock(page, seeded.url);
    await section(page, 'Collections').click();
    await page.getByRole('button', { name: 'New collection' }).click();
    await expect(page.getByLabel('Collection name')).toBeFocused();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByRole('button', { name: 'New collection' })).toBeFocused();
    await section(page, 'Pathways').click();
    await page.getByRole('button', { name: 'New pathway' }).click();
    await expect(page.getByLabel('Pathway name')).toBeFocused();
  });
});

test.describe('first run', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('the create form is in view without scrolling; "differ" goes once the passphrases match', async ({ page, harness }) => {
    await page.goto(harness.url);
    const create = page.getByRole('button', { name: 'Create wallet' });
    await expect(create).toBeInViewport({ ratio: 1 });
    expect(await page.getByRole('main').evaluate((main) => main.scrollTop)).toBe(0);

    // The skip link leads past the header to the welcome, whose next stop is the form.
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Welcome to Badgefolio' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Passphrase', { exact: true })).toBeFocused();

    await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
    await page.getByLabel('Repeat passphrase').fill(`${passphrase}!`);
    await create.click();
    await expect(page.getByRole('alert')).toHaveText('The two passphrases differ.');
    await expect(page.getByLabel('Repeat passphrase')).toHaveAttribute('aria-invalid', 'true');
    await page.getByLabel('Repeat passphrase').fill(passphrase);
    await expect(page.getByText('The two passphrases differ.')).toHaveCount(0);
    await expect(page.getByLabel('Repeat passphrase')).not.toHaveAttribute('aria-invalid', 'true');

    await create.click();
    await expect(page.getByRole('main').getByRole('heading', { name: 'Your portfolio' })).toBeFocused();
    // The empty portfolio is a drop target with a button that picks files.
    await expect(page.getByText('No badges yet.')).toBeVisible();
    await expect(credentialList(page).getByRole('button', { name: 'Choose badge files…' })).toBeVisible();
    // The backup offer keeps its buttons together on the sentence's right.
    const offer = page.getByRole('button', { name: 'Make a backup' });
    const dismiss = page.getByRole('button', { name: 'Dismiss' });
    const [offerBox, dismissBox] = [await offer.boundingBox(), await dismiss.boundingBox()];
    expect(Math.abs((offerBox?.y ?? 0) - (dismissBox?.y ?? 100))).toBeLessThan(2);
    expect(await horizontalOverflow(page)).toEqual([]);
  });
});
