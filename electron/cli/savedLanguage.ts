import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The languages the CLI speaks. */
export type CheckLanguage = 'en' | 'de';

/**
 * The app's language setting in a wallet folder (English when there is none), read as
 * `networkUse` reads the network setting. Kept apart from the words themselves: a command that
 * reads the setting (verify, receive) then loads these lines, not the PDF layout behind
 * verify-pdf's words (pdf-lib: 50 ms of a `verify`'s start).
 */
export function savedLanguage(folder: string): CheckLanguage {
  try {
    const saved = JSON.parse(readFileSync(path.join(folder, 'preferences.json'), 'utf8')) as { language?: unknown } | null;
    return saved?.language === 'de' ? 'de' : 'en';
  } catch {
    return 'en';
  }
}
