import { readFileSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from './command';

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

/** `--language`, for the commands that print sentences for people. */
export const languageOption = { language: { type: 'string' } } as const;

export const languageOptionHelp = `  --language en|de        the language of what is printed for people (default: the
                          app's language setting); --json and the outcome words that
                          start import's lines are the same in every language`;

/** The language chosen with `--language`, else the app's setting in the wallet folder. */
export function chosenLanguage(option: string | undefined, folder: string): CheckLanguage {
  if (option === undefined) return savedLanguage(folder);
  if (option !== 'en' && option !== 'de') throw new UsageError((w) => w.languageIs);
  return option;
}
