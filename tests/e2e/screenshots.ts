import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';

const screenshotsDir = path.resolve(import.meta.dirname, '../../docs/screenshots');

/** Keeps a screenshot with the test results; refreshes docs/screenshots on request. */
export function keepScreenshot(file: string, name: string): void {
  if (process.env.BADGEFOLIO_UPDATE_SCREENSHOTS === '1') {
    mkdirSync(screenshotsDir, { recursive: true });
    copyFileSync(file, path.join(screenshotsDir, name));
  }
}
