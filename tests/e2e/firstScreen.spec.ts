import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { keepScreenshot } from './screenshots';

test('the first screen welcomes the user and offers to create the wallet', async ({ page, harness }, testInfo) => {
  await page.goto(harness.url);
  await expect(page).toHaveTitle('Badgefolio');
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Badgefolio' })).toBeVisible();
  await expect(page.getByRole('status')).toContainText('Your wallet is empty');
  await expect(page.getByRole('button', { name: 'Create wallet' })).toBeVisible();
  await expect(page.getByRole('contentinfo')).toContainText('Version 0.1.0');
  await expect(page.getByRole('contentinfo')).toContainText('browser harness');

  await page.getByRole('radio', { name: 'Light' }).check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  const light = testInfo.outputPath('first-screen-light.png');
  await page.screenshot({ path: light, fullPage: true });
  keepScreenshot(light, 'first-screen-light.png');

  await page.getByRole('radio', { name: 'Dark' }).check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const dark = testInfo.outputPath('first-screen-dark.png');
  await page.screenshot({ path: dark, fullPage: true });
  keepScreenshot(dark, 'first-screen-dark.png');
});

test('the theme follows the system until the user picks one, and the choice survives a restart', async ({ browser, harness }) => {
  const darkContext = await browser.newContext({ colorScheme: 'dark' });
  const page = await darkContext.newPage();
  await page.goto(harness.url);
  await expect(page.getByRole('radio', { name: 'System' })).toBeChecked();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');

  await page.getByRole('radio', { name: 'Light' }).check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.reload();
  await expect(page.getByRole('radio', { name: 'Light' })).toBeChecked();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await darkContext.close();
});

test('the theme can be changed with the keyboard alone', async ({ page, harness }) => {
  await page.goto(harness.url);
  await expect(page.getByRole('radio', { name: 'System' })).toBeChecked();
  // The first Tab stop is "Skip to content"; the theme is the next.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('radio', { name: 'System' })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('radio', { name: 'Light' })).toBeChecked();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});

test('switching the language to German translates the screen', async ({ page, harness }) => {
  await page.goto(harness.url);
  await page.getByRole('combobox', { name: 'Language' }).selectOption('de');
  await expect(page.getByRole('heading', { level: 1, name: 'Willkommen bei Badgefolio' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(page.getByRole('radio', { name: 'Dunkel' })).toBeVisible();
});

test('the first screen has no serious accessibility violations in either theme', async ({ page, harness }) => {
  await page.goto(harness.url);
  for (const theme of ['Light', 'Dark']) {
    await page.getByRole('radio', { name: theme }).check();
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  }
});
