import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { de } from '../../renderer/src/i18n/de';
import { en, type MessageKey } from '../../renderer/src/i18n/en';
import { bakePngItxt, generateEd25519Issuer, makeBadgePng, makeIssuerProfile, makeOb2Assertion, makeOb3Credential, signDataIntegrity } from '../support/credentials';
import { expect, test } from './fixtures';

/**
 * Every screen, in both themes and both languages, has no serious or critical accessibility
 * problem that axe can find (WCAG 2.2 A and AA rules: contrast, names, roles, landmarks...).
 * One test per theme and language, each with its own harness, so that both workers share them.
 */
test.describe.configure({ mode: 'parallel' });

const passphrase = 'quarry violet 73 lantern';
const catalogues = { en, de } as const;

/** Files to import: a signed credential, a baked OB 2.0 badge, an unsigned one with skills, and a text file. */
async function importFiles(): Promise<string[]> {
  const folder = test.info().outputPath('import');
  mkdirSync(folder, { recursive: true });
  const issuer = await generateEd25519Issuer(new Uint8Array(32).fill(23));
  const signed = await signDataIntegrity(
    makeOb3Credential({
      issuer: makeIssuerProfile({ id: issuer.did, name: 'Hanse Technical College' }),
      id: 'urn:uuid:4b1c2b3d-4e5f-4a6b-8c7d-9e0f1a2b3c41',
      achievementName: 'Solar installer',
      validFrom: '2025-01-01T00:00:00Z',
      skills: [{ targetName: 'Photovoltaics', targetFramework: 'ESCO', targetCode: 'S1' }],
    }),
    issuer,
  );
  const { assertion } = makeOb2Assertion({ badgeName: 'Forklift safety', issuerName: 'Northern Skills Academy' });
  const unsigned = makeOb3Credential({
    issuer: 'did:example:university',
    id: 'urn:uuid:4b1c2b3d-4e5f-4a6b-8c7d-9e0f1a2b3c42',
    achievementName: 'Data visualisation',
    skills: [{ targetName: 'Data visualisation', targetFramework: 'ESCO', targetCode: 'S2' }],
  });
  const files: [string, string | Uint8Array][] = [
    ['solar.json', JSON.stringify(signed)],
    ['forklift.png', bakePngItxt(makeBadgePng(2_000, 4), 'openbadges', JSON.stringify(assertion))],
    ['data.json', JSON.stringify(unsigned)],
    ['notes.txt', 'not a credential'],
  ];
  return files.map(([name, content]) => {
    const file = path.join(folder, name);
    writeFileSync(file, content);
    return file;
  });
}

/** The serious and critical violations on the page (or inside `scope`), as "rule: target (summary)" lines. */
async function seriousViolations(page: Page, screen: string, scope?: string): Promise<string[]> {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']);
  if (scope) builder = builder.include(scope);
  const result = await builder.analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((node) => `${screen}: ${v.id} at ${node.target.join(' ')} (${node.failureSummary?.split('\n')[1]?.trim() ?? v.help})`));
}

for (const colorScheme of ['light', 'dark'] as const) {
  for (const language of ['en', 'de'] as const) {
    test.describe(`${colorScheme} theme, ${language === 'en' ? 'English' : 'German'}`, () => {
      // The theme preference is "System" by default: the emulated OS scheme decides it.
      test.use({ colorScheme, viewport: { width: 1280, height: 800 } });

      test('every screen has no serious or critical axe violation', async ({ page, harness }) => {
        test.setTimeout(240_000);
        const t = (key: MessageKey, values: Record<string, string> = {}): string =>
          Object.entries(values).reduce<string>((text, [name, value]) => text.replace(`{${name}}`, value), catalogues[language][key]);
        const section = (key: MessageKey) => page.getByRole('navigation').getByRole('button', { name: t(key), exact: true });
        const problems: string[] = [];
        const check = async (screen: string, scope?: string): Promise<void> => {
          problems.push(...(await seriousViolations(page, screen, scope)));
        };

        await page.goto(harness.url);
        await expect(page.getByRole('heading', { name: en['wallet.create.title'] })).toBeVisible();
        await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe(colorScheme);
        if (language === 'de') await page.getByRole('banner').getByLabel(en['language.label']).selectOption('de');
        await expect(page.getByRole('heading', { name: t('wallet.create.title') })).toBeVisible();
        await check('first run');

        await page.getByLabel(t('wallet.passphrase'), { exact: true }).fill(passphrase);
        await page.getByLabel(t('wallet.confirm')).fill(passphrase);
        await page.getByRole('button', { name: t('wallet.createButton') }).click();
        await expect(page.getByRole('heading', { name: t('portfolio.title') })).toBeVisible();
        await check('empty portfolio');

        await page.getByTestId('import-input').setInputFiles(await importFiles());
        await expect(page.getByRole('article')).toHaveCount(3);
        await expect(page.getByRole('status').filter({ hasText: t('import.summary', { added: '3', already: '0', updated: '0', failed: '1' }) })).toBeVisible();
        await check('portfolio with the import summary');

        for (const layout of ['portfolio.layout.list', 'portfolio.layout.timeline', 'portfolio.layout.grid'] as const) {
          await page.getByRole('radio', { name: t(layout) }).check();
          await check(`portfolio, ${en[layout]}`);
        }

        await page.getByRole('button', { name: t('detail.open', { name: 'Solar installer' }), exact: true }).click();
        const details = page.getByRole('dialog', { name: 'Solar installer' });
        await expect(details.getByRole('region', { name: t('detail.verification') })).toBeVisible();
        await check('credential details');
        await details.getByText(t('detail.technical'), { exact: true }).click();
        await expect(details.getByRole('group', { name: t('detail.technical') })).toHaveAttribute('open');
        await check('credential details, technical details open');
        await page.keyboard.press('Escape');
        await expect(details).toHaveCount(0);
        // A badge hosted at its issuer, checked offline: details not fetched yet, not fully checked.
        await page.getByRole('button', { name: t('detail.open', { name: 'Forklift safety' }), exact: true }).click();
        const hosted = page.getByRole('dialog', { name: 'Forklift safety' });
        await expect(hosted.getByRole('region', { name: t('detail.verification') })).toBeVisible();
        await hosted.getByText(t('detail.technical'), { exact: true }).click();
        await check('credential details, not fully checked');
        await page.keyboard.press('Escape');
        await expect(hosted).toHaveCount(0);

        await page.getByRole('button', { name: t('export.button') }).click();
        const exportDialog = page.getByRole('dialog', { name: t('export.title') });
        await exportDialog.getByRole('radio', { name: t('export.chosen') }).check();
        await exportDialog.getByRole('checkbox').first().check();
        await check('export PDF dialog');
        // The real export: the harness saves into its downloads folder instead of asking where.
        await exportDialog.getByRole('button', { name: t('export.makePreview'), exact: true }).click();
        await exportDialog.getByRole('button', { name: t('export.save'), exact: true }).click();
        await expect(exportDialog.getByText(t('export.saved', { file: '' }).trim())).toBeVisible({ timeout: 60_000 });
        await check('export PDF dialog with its preview');
        await page.keyboard.press('Escape');
        await expect(exportDialog).toHaveCount(0);

        await section('nav.skills').click();
        await expect(page.getByRole('heading', { name: t('skills.title'), exact: true })).toBeVisible();
        await check('skills');

        await section('nav.pathways').click();
        await expect(page.getByRole('heading', { name: t('pathways.title'), exact: true })).toBeVisible();
        await check('pathways');
        await page.getByRole('button', { name: t('pathways.new') }).click();
        await page.getByRole('button', { name: t('pathways.addStep') }).click();
        await check('pathway editor');

        await section('nav.collections').click();
        await expect(page.getByRole('heading', { name: t('collections.title'), exact: true })).toBeVisible();
        await check('collections');
        await page.getByRole('button', { name: t('collections.new') }).click();
        await page.getByRole('checkbox').first().check();
        await check('collection picker');

        await section('nav.profile').click();
        await expect(page.getByRole('heading', { name: t('profile.title'), exact: true })).toBeVisible();
        await check('profile');

        await section('nav.settings').click();
        await expect(page.getByRole('heading', { name: t('settings.title'), exact: true })).toBeVisible();
        await check('settings');

        await section('nav.exports').click();
        await expect(page.getByRole('heading', { name: t('exports.log.title'), exact: true })).toBeVisible();
        await check('export history');

        await section('nav.check').click();
        await check('check a PDF');
        const downloads = `${harness.vault}-downloads`;
        const saved = readdirSync(downloads).find((name) => name.endsWith('.pdf')) ?? '';
        await page.getByTestId('check-pdf-input').setInputFiles(path.join(downloads, saved));
        await expect(
          page
            .getByRole('list', { name: t('exports.check.list') })
            .getByRole('listitem')
            .first(),
        ).toBeVisible({ timeout: 60_000 });
        await check('check a PDF, its result');
        rmSync(downloads, { recursive: true, force: true });

        await page.getByRole('button', { name: t('wallet.lock') }).click();
        await expect(page.getByRole('heading', { name: t('wallet.unlock.title') })).toBeVisible();
        await check('unlock');

        expect(problems).toEqual([]);
      });
    });
  }
}
