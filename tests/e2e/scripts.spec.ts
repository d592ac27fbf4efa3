import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeIssuerProfile, makeOb3Credential } from '../support/credentials';
import { createNewWallet, expect, test } from './fixtures';

test('names in Chinese, Arabic and Hebrew are drawn with the bundled Noto fonts, loaded from the app itself', async ({ page, harness }) => {
  test.setTimeout(60_000);
  const folder = mkdtempSync(path.join(os.tmpdir(), 'badgefolio-e2e-scripts-'));
  const files = [
    ['tokyo.json', '東京技術大学', '機械学習入門'],
    ['cairo.json', 'جامعة القاهرة', 'تعلم الآلة'],
    ['haifa.json', 'הטכניון', 'למידת מכונה'],
  ].map(([file, issuer, name]) => {
    const target = path.join(folder, file ?? '');
    writeFileSync(target, JSON.stringify(makeOb3Credential({ issuer: makeIssuerProfile({ id: `did:example:${file ?? ''}`, name: issuer ?? '' }), achievementName: name ?? '' })));
    return target;
  });
  const remote: string[] = [];
  page.on('request', (request) => {
    if (!/^(blob|data):/.test(request.url()) && !request.url().startsWith(harness.url)) remote.push(request.url());
  });
  try {
    await page.goto(harness.url);
    await createNewWallet(page, 'maple cinema 81 harbour');
    await page.getByTestId('import-input').setInputFiles(files);
    await expect(page.getByRole('article', { name: '機械学習入門' })).toBeVisible();
    await expect(page.getByRole('article', { name: 'تعلم الآلة' })).toBeVisible();
    await expect(page.getByRole('article', { name: 'למידת מכונה' })).toBeVisible();
    // The faces a name on screen needs are loaded, and only from the app's own files.
    const loaded = await page.evaluate(async () => {
      await document.fonts.ready;
      return [...document.fonts].filter((face) => face.status === 'loaded').map((face) => face.family.replace(/["']/g, ''));
    });
    expect([...new Set(loaded)]).toEqual(expect.arrayContaining(['Noto Sans SC', 'Noto Sans Arabic', 'Noto Sans Hebrew']));
    expect(remote).toEqual([]);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
