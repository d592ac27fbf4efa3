import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeIssuerProfile, makeOb3Credential } from '../support/credentials';
import { createNewWallet, expect, test } from './fixtures';

test('criteria written in Markdown are shown formatted, safely: no HTML, no pictures from the web, only https links', async ({ page, harness }) => {
  test.setTimeout(60_000);
  const folder = mkdtempSync(path.join(os.tmpdir(), 'badgefolio-e2e-markdown-'));
  const criteria = [
    'Learners **must**:',
    '',
    '1. complete the *five* welding modules;',
    '2. pass the [practical test](https://academy.example.org/welding/test).',
    '',
    'See [this](javascript:alert(1)) and ![tracker](https://tracker.example/pixel.png)',
    '',
    '<img src="https://tracker.example/raw.png"> <b>bold by HTML</b>',
  ].join('\n');
  const file = path.join(folder, 'welding.json');
  writeFileSync(
    file,
    JSON.stringify(
      makeOb3Credential({ issuer: makeIssuerProfile({ id: 'did:example:academy', name: 'Harbour Academy' }), achievementName: 'Marine welding', criteriaNarrative: criteria }),
    ),
  );
  const remote: string[] = [];
  page.on('request', (request) => {
    // The window's own pictures are blob: and data: addresses; anything else would be a remote load.
    if (!/^(blob|data):/.test(request.url()) && !request.url().startsWith(harness.url)) remote.push(request.url());
  });
  try {
    await page.goto(harness.url);
    await createNewWallet(page, 'maple cinema 81 harbour');
    await page.getByTestId('import-input').setInputFiles([file]);
    await page.getByRole('button', { name: 'Details of Marine welding' }).click();
    const dialog = page.getByRole('dialog');
    const text = dialog.locator('.markdown-text').last();
    await expect(text.locator('strong')).toHaveText('must');
    await expect(text.getByRole('listitem')).toHaveText(['complete the five welding modules;', 'pass the practical test.']);
    await expect(text.getByRole('link', { name: 'practical test' })).toHaveAttribute('href', 'https://academy.example.org/welding/test');
    // A javascript: address is no link at all; pictures and raw HTML are not shown.
    await expect(text.getByRole('link')).toHaveCount(1);
    await expect(text).toContainText('See this and');
    await expect(dialog.locator('.markdown-text img')).toHaveCount(0);
    await expect(text.locator('b')).toHaveCount(0);
    await expect(text).not.toContainText('**');
    expect(remote).toEqual([]);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
