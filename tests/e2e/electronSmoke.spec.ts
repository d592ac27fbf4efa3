import path from 'node:path';
import { _electron as electron } from '@playwright/test';
import { electronBinary } from '../support/electronBinary';
import { expect, test } from './fixtures';

const binary = electronBinary();
const noBinary = 'skipped: no Electron binary';

test('the real desktop app opens its window on the first screen', async () => {
  if (!binary) console.log(`electron smoke test ${noBinary}`);
  // Skipped only where no Electron binary exists (our build machines), and says so.
  test.info().skip(!binary, noBinary);
  const app = await electron.launch({
    executablePath: binary ?? '',
    args: [path.resolve(import.meta.dirname, '../../out/main/index.js'), '--no-sandbox'],
  });
  try {
    const page = await app.firstWindow();
    await expect(page).toHaveTitle('Badgefolio');
    await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Badgefolio' })).toBeVisible();
    expect(page.url()).toBe('app://badgefolio/index.html');
    const isolated = await page.evaluate(() => ({
      wallet: typeof window.wallet.appInfo,
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
    }));
    expect(isolated).toEqual({ wallet: 'function', require: 'undefined', process: 'undefined' });
    const info = await page.evaluate(() => window.wallet.appInfo({}));
    expect(info).toMatchObject({ ok: true, value: { name: 'Badgefolio', host: 'electron' } });
  } finally {
    await app.close();
  }
});
