import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './tests/support/chromium';

/**
 * End-to-end tests drive the real renderer in Debian's Chromium (Playwright's own browsers
 * cannot be downloaded on our machines) against the browser harness.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/e2e',
  fullyParallel: false,
  workers: 2,
  retries: 0,
  timeout: 30_000,
  // How long an expectation waits for the window to reach its state. Playwright's 5 s is too
  // short for a step that derives a key with scrypt (creating, unlocking, backups: ~0.4 s on a
  // quiet machine, slow on purpose) when the suite runs on 2 cores beside `npm run bench`
  // (`npm run test:loaded`): a wallet still "Opening…" after 5 s failed a round there. A longer
  // wait changes nothing for a test that passes; only a failure is reported later.
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    launchOptions: chromiumLaunchOptions(),
    trace: 'retain-on-failure',
  },
});
