import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bakePngItxt, makeBadgePng, makeOb2Assertion } from '../support/credentials';
import { createNewWallet, expect, test } from './fixtures';

const passphrase = 'orchard violin 47 canal';
/** PortfolioView's picturesWaitMs: the longest a search result waits for its pictures. */
const picturesWaitMs = 100;

/**
 * 40 baked badges, each with a picture of its own; "Zebra crossing" is the oldest, so it sorts
 * last and is far below the first screenful (its picture has never been asked for).
 */
function badgeFiles(): string[] {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'badgefolio-e2e-search-pictures-'));
  return Array.from({ length: 40 }, (_, i) => {
    const last = i === 39;
    const { assertion } = makeOb2Assertion({
      assertionId: `https://badges.example.org/assertions/search-${String(i)}.json`,
      badgeName: last ? 'Zebra crossing' : `Workshop ${String(i + 1)}`,
      issuerName: 'Harbour Institute',
      issuedOn: new Date(Date.UTC(2025, 0, 40 - i)),
    });
    const file = path.join(folder, `badge-${String(i)}.png`);
    writeFileSync(file, bakePngItxt(makeBadgePng(1_500, i + 1), 'openbadges', JSON.stringify(assertion)));
    return file;
  });
}

test('a search shows its new cards with their pictures, not placeholders first', async ({ page, harness }) => {
  test.setTimeout(90_000);
  await page.goto(harness.url);
  await createNewWallet(page, passphrase);
  await page.getByTestId('import-input').setInputFiles(badgeFiles());
  await expect(page.getByRole('status')).toContainText('Added 40', { timeout: 60_000 });
  await expect(page.getByRole('article', { name: 'Workshop 1', exact: true })).toBeVisible();
  await expect(page.getByRole('article', { name: 'Zebra crossing' })).toHaveCount(0);

  // Watch the page: when the searched card first appears, does it already hold its picture?
  await page.evaluate(() => {
    const seen: { inputAt: number; appearedAt: number; withPicture: boolean | null } = { inputAt: -1, appearedAt: -1, withPicture: null };
    Object.assign(window, { __searchSeen: seen });
    document.addEventListener(
      'input',
      () => {
        seen.inputAt = performance.now();
      },
      true,
    );
    new MutationObserver(() => {
      if (seen.withPicture !== null) return;
      const card = document.querySelector('article[aria-label="Zebra crossing"]');
      if (!card) return;
      seen.appearedAt = performance.now();
      seen.withPicture = card.querySelector('img.credential-image') !== null;
    }).observe(document.body, { childList: true, subtree: true });
  });
  await page.getByRole('searchbox', { name: 'Search' }).fill('zebra');
  await expect(page.getByRole('article')).toHaveCount(1);
  await expect(page.getByRole('article', { name: 'Zebra crossing' })).toBeVisible();

  const seen = await page.evaluate(() => (window as unknown as { __searchSeen: { inputAt: number; appearedAt: number; withPicture: boolean | null } }).__searchSeen);
  expect(seen.withPicture).not.toBeNull();
  // Its picture came with it; a placeholder is allowed only once the results had waited as long
  // as they may (a slow answer from the wallet must not hold the search back).
  if (!seen.withPicture) expect(seen.appearedAt - seen.inputAt).toBeGreaterThanOrEqual(picturesWaitMs - 1);
  await expect
    .poll(() =>
      page
        .getByRole('article', { name: 'Zebra crossing' })
        .locator('img')
        .evaluate((img: HTMLImageElement) => img.naturalWidth),
    )
    .toBeGreaterThan(0);
});
