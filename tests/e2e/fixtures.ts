import { test as base } from '@playwright/test';
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
