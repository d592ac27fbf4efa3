import { isRecord } from '../safeJson';

/**
 * Which of a credential's languages to show. Europass credentials name their awarding body and
 * title in several languages ({"en": …, "fr": …}, or <text lang="fr">): the user's language
 * first, then English (the language every Europass credential is asked to carry), then the
 * first one written.
 *
 * The user's language is an intake option (IntakeOptions.language): the app passes its
 * Settings › Language, the CLI the language of its LC_ALL / LC_MESSAGES / LANG environment
 * (environmentLanguage). Without one, English, else the first: never the process's locale,
 * which in the app is the operating system's and not the setting the user chose.
 */

/** The primary language subtag of a BCP 47 tag or a POSIX locale name (`fr-CA`, `pt_BR.UTF-8@x`: `fr`, `pt`), or none (`C`, `POSIX`, junk). */
export function primaryLanguage(tag: string): string | undefined {
  const primary =
    tag
      .trim()
      .toLowerCase()
      .split(/[-_.@]/)[0] ?? '';
  return /^[a-z]{2,3}$/.test(primary) ? primary : undefined;
}

const englishOnly: readonly string[] = ['en'];

/**
 * The primary language tags to look for, best first, for a user who reads `language` (none:
 * English alone). A value that is not a language tag is a caller's mistake, refused with a
 * RangeError rather than quietly read as English.
 */
export function languagesFor(language: string | undefined): readonly string[] {
  if (language === undefined) return englishOnly;
  const primary = primaryLanguage(language);
  if (primary === undefined) throw new RangeError(`"${language}" is not a language tag.`);
  return primary === 'en' ? englishOnly : [primary, 'en'];
}

/**
 * The user's language as a POSIX environment gives it: LC_ALL, else LC_MESSAGES, else LANG,
 * an empty variable counting as unset (as POSIX has it). None for the C and POSIX locales,
 * which name no language.
 */
export function environmentLanguage(env: Readonly<Record<string, string | undefined>>): string | undefined {
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value !== undefined && value.trim() !== '');
  return locale === undefined ? undefined : primaryLanguage(locale);
}

/**
 * The languages of the read under way (withLanguages), else English alone. This is a dynamic
 * scope, not a setting: it holds a value only while withLanguages runs its synchronous read,
 * and is put back before it returns, so two intakes in one process, each with its own
 * language, never see each other's. (AsyncLocalStorage would carry it across awaits too, but
 * on Node 20 and 22 it hooks every promise in the process; the readers that need the
 * language are synchronous.)
 */
let scoped: readonly string[] | undefined;

/**
 * Runs a synchronous read with `languages` (from languagesFor) as the preferred ones: the
 * format readers it reaches pick names in them (pickLanguage, inLanguage) without the
 * language being threaded through every reader's signature.
 */
export function withLanguages<T>(languages: readonly string[], read: () => T): T {
  const outer = scoped;
  scoped = languages;
  try {
    const result = read();
    // Work after an await would run outside the scope, in whatever language is current then.
    if (typeof (result as { then?: unknown } | null)?.then === 'function') throw new TypeError('withLanguages takes a synchronous read.');
    return result;
  } finally {
    scoped = outer;
  }
}

/** The primary language tags to look for, best first. */
export function preferredLanguages(): readonly string[] {
  return scoped ?? englishOnly;
}

/** One text in one language; `language` as written (`en`, `en-GB`, `fr`), or none. */
export interface LanguageText {
  readonly language: string | undefined;
  readonly value: string;
}

/** Of several texts, the one in the user's language, else English, else the first. */
export function pickLanguage(texts: readonly LanguageText[], languages: readonly string[] = preferredLanguages()): string | undefined {
  for (const language of languages) {
    const found = texts.find((candidate) => candidate.language !== undefined && primaryLanguage(candidate.language) === language);
    if (found) return found.value;
  }
  return texts[0]?.value;
}

/**
 * The texts a JSON-LD value holds, with their languages: a string, a language map
 * ({"en": "…", "fr": ["…", "…"]}), value objects ({"@value": …, "@language": …}), or an array
 * of these. Blank texts are left out.
 */
export function languageTexts(value: unknown, language?: string): LanguageText[] {
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return trimmed === '' ? [] : [{ language, value: trimmed }];
  }
  if (Array.isArray(value)) return value.flatMap((item) => languageTexts(item, language));
  if (!isRecord(value)) return [];
  if ('@value' in value) return languageTexts(value['@value'], typeof value['@language'] === 'string' ? value['@language'] : language);
  const keys = Object.keys(value);
  // A language map: every key a language tag.
  if (keys.length > 0 && keys.every((key) => /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(key))) {
    return keys.flatMap((key) => languageTexts(value[key], key).slice(0, 1));
  }
  return [];
}

/** A JSON-LD value in the user's language, else English, else the first. */
export function inLanguage(value: unknown, languages?: readonly string[]): string | undefined {
  return pickLanguage(languageTexts(value), languages);
}
