import { expect, test as base, type Page } from '@playwright/test';
import { startHarnessProcess, type HarnessProcess } from '../support/harnessProcess';

/** Each test gets its own harness and vault folder, so tests never share state. */
export const test = base.extend<{ harness: HarnessProcess }>({
  harness: async ({}, use) => {
    const harness = await startHarnessProcess();
    await use(harness);
    await harness.stop();
  },
});

export { expect } from '@playwright/test';

/** Creates a wallet on the first screen with this passphrase and waits for the portfolio. */
export async function createNewWallet(page: Page, passphrase: string): Promise<void> {
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await page.getByLabel('Repeat passphrase').fill(passphrase);
  await page.getByRole('button', { name: 'Create wallet' }).click();
  await expect(page.getByRole('heading', { name: 'Your portfolio' })).toBeVisible();
}
