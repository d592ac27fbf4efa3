import type { Page } from '@playwright/test';
import { templateOf, verificationMessageKeys } from '../../shared/credential/verificationMessages';
import { de } from '../../renderer/src/i18n/de';
import { en, type MessageKey } from '../../renderer/src/i18n/en';

/**
 * What the German sweeps (germanSweep.spec.ts, germanSweepSettings.spec.ts) look for: any
 * English from the app's catalogues or the verification reports' catalogues, and common English
 * words, in what a person sees or hears on a screen; and sizes written the English way ("1.5 MB").
 * The credentials' own words are the issuer's text, not the app's: each sweep names them.
 */

/** Where a placeholder stands in a template: the parts between are the catalogue's own words. */
const placeholder = /\{[^}]*\}/;

/** The catalogue's own words: each English template's text between its placeholders, where it is not also the German. */
function fragmentsOf(english: readonly string[], german: ReadonlySet<string>): string[] {
  const parts = new Set<string>();
  for (const text of english) {
    if (german.has(text)) continue;
    for (const raw of text.split(placeholder)) {
      // Punctuation at the edges joins a fragment to its values; the words are what leak.
      const part = raw.trim().replace(/^[\s:;,.()“”„"'’–-]+|[\s:;,.()“”„"'’–…-]+$/g, '');
      if (!/\p{L}{3}/u.test(part)) continue;
      // A lone word that German writes the same ("Badge", "Portfolio", "Status") says nothing.
      if (german.has(part)) continue;
      parts.add(part);
    }
  }
  return [...parts];
}

const appGerman = new Set<string>(Object.values(de));
const appEnglish = fragmentsOf(
  (Object.keys(en) as MessageKey[]).filter((key) => en[key] !== de[key]).map((key) => en[key]),
  appGerman,
);
const formsOf = (key: (typeof verificationMessageKeys)[number], language: 'en' | 'de'): string[] => {
  const template = templateOf(key, language);
  return typeof template === 'string'
    ? [template]
    : Object.entries(template)
        .filter(([name]) => name !== 'plural')
        .map(([, form]) => form);
};
const reportGerman = new Set(verificationMessageKeys.flatMap((key) => formsOf(key, 'de')));
const reportEnglish = fragmentsOf(
  verificationMessageKeys.flatMap((key) => formsOf(key, 'en')),
  new Set([...reportGerman, ...appGerman]),
);

/**
 * Words that only English writes, whatever the catalogue says: a sentence built outside the
 * catalogues (a reason from the engine, a label in a component) shows up through these.
 */
const commonEnglish = [
  'the',
  'The',
  'and',
  'with',
  'from',
  'this',
  'This',
  'were',
  'has',
  'have',
  'not',
  'Not',
  'No',
  'of',
  'is',
  'are',
  'could',
  'Verified',
  'verified',
  'Import',
  'import',
  'credential',
  'credentials',
  'Credential',
  'Credentials',
  'issuer',
  'Issuer',
  'issued',
  'Issued',
  'Check',
  'check',
  'checked',
  'wallet',
  'Wallet',
  'badges',
  'files',
  'Expired',
  'Revoked',
  'Invalid',
  'Save',
  'Delete',
  'Cancel',
  'Close',
  'Settings',
  'Profile',
  'Skills',
  'Pathways',
  'Collections',
  'Search',
  'Unlock',
  'Fetch',
];

/** A phrase as a whole-word pattern: "List" must not match "Liste", nor "the" match "theme". */
function wholeWord(phrase: string): RegExp {
  const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}_])${escaped}(?![\\p{L}\\p{N}_])`, 'u');
}

/** English words German writes too, as words of its own ("alles, was du", "Profile und Arbeiten", "Link hinzufügen"). */
const germanWords = new Set(['was', 'Profile', 'Link', 'Update', 'Details']);

const patterns: readonly { readonly phrase: string; readonly pattern: RegExp }[] = [...new Set([...appEnglish, ...reportEnglish, ...commonEnglish])]
  .filter((phrase) => !germanWords.has(phrase))
  .map((phrase) => ({ phrase, pattern: wholeWord(phrase) }));

/** Names German writes as they are (standards, products, an organisation) and a loan word its catalogue uses. */
const germanLoanWords = ['Micro-Credentials', 'W3C Verifiable Credential', 'Digital Credentials Consortium', 'Open Badges', 'Blockcerts', 'Europass', 'Badgefolio', 'LinkedIn'];

/** English in `text`, once `content` (the credentials' own words) is taken out: each with its surroundings. */
export function leaksIn(text: string, content: readonly string[]): string[] {
  let rest = text;
  // Longest first, so that a name inside a longer name goes with it.
  for (const own of [...content, ...germanLoanWords].sort((a, b) => b.length - a.length)) rest = rest.split(own).join(' ');
  // Addresses, DIDs, JSON pointers and file names are identifiers, not words.
  rest = rest.replace(/\b(?:[a-z][\w+.-]*:\/\/|did:|urn:)\S*/g, ' ').replace(/\S+\.(?:json|png|pdf|svg|jwt)\b/g, ' ');
  const found: string[] = [];
  for (const { phrase, pattern } of patterns) {
    const match = pattern.exec(rest);
    if (match) {
      const at = match.index;
      found.push(`“${phrase}” in “…${rest.slice(Math.max(0, at - 60), at + phrase.length + 60).replace(/\s+/g, ' ')}…”`);
    }
  }
  // Sizes are written as German writes numbers ("1,5 MB"), never "1.5 MB".
  for (const match of rest.matchAll(/(?<![\d.,])\d+\.\d+\s?(?:[KMG]B|kB)\b/g)) found.push(`“${match[0]}”, a size written the English way`);
  return found;
}

/** What a person sees or hears on the page: its text, and the names, titles, placeholders and alternative texts of its elements. */
export async function visibleText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const parts = [document.title, document.body.innerText];
    for (const el of document.querySelectorAll('[aria-label], [title], [placeholder], img[alt], [aria-description], [aria-roledescription]')) {
      const box = el.getBoundingClientRect();
      const hidden = box.width === 0 && box.height === 0 && !(el instanceof HTMLInputElement);
      if (hidden) continue;
      for (const name of ['aria-label', 'title', 'placeholder', 'alt', 'aria-description', 'aria-roledescription']) {
        const value = el.getAttribute(name);
        if (value) parts.push(value);
      }
    }
    // A select's options are read out as the choices, shown or not.
    for (const option of document.querySelectorAll('option')) parts.push(option.text);
    return parts.join('\n');
  });
}

/** Every leak, by screen: one run names them all rather than the first. */
export class Sweep {
  readonly leaks: string[] = [];
  readonly visited: string[] = [];

  constructor(private readonly content: readonly string[]) {}

  async screen(page: Page, name: string): Promise<void> {
    this.visited.push(name);
    for (const leak of leaksIn(await visibleText(page), this.content)) this.leaks.push(`${name}: ${leak}`);
  }

  text(name: string, text: string): void {
    this.visited.push(name);
    for (const leak of leaksIn(text, this.content)) this.leaks.push(`${name}: ${leak}`);
  }
}
