import type { DetailsState } from '../../shared/credential/model';
import { renderOr } from '../../shared/credential/verificationMessages';
import type { VerificationMessage } from '../../shared/credential/verification';
import { detailsWords } from './credentialNames';
import type { CheckLanguage } from './savedLanguage';
import { walletWords } from './walletWords';

/**
 * What `import` prints for people, in English or German (`--language`, else the app's setting).
 * Each line starts with the outcome word (outcomeWords.ts) in every language: scripts read it.
 * Reasons are intake's catalogue messages, said in the reader's language; the verdict in
 * brackets and the details' state in the words `list` uses.
 */
export interface ImportWords {
  readonly status: (code: string) => string;
  readonly details: Readonly<Record<DetailsState, string>>;
  /** What could not be had, for "details incomplete": English sentences only, so said in English only. */
  readonly showProblems: boolean;
  readonly reason: (message: VerificationMessage | undefined, english: string) => string;
  readonly summary: (counts: { added: number; alreadyThere: number; updated: number; notReplaced: number; notImported: number; documents: number }) => string;
  readonly pending: (n: number) => string;
  readonly reading: (seen: number, file: string) => string;
  readonly fillingIn: (seen: number, done: number, total: number) => string;
}

const english: ImportWords = {
  status: walletWords('en').status,
  details: detailsWords,
  showProblems: true,
  reason: (message, text) => renderOr(message, 'en', text),
  summary: (c) =>
    `Added ${String(c.added)}, already there ${String(c.alreadyThere)}, updated ${String(c.updated)}, not replaced ${String(c.notReplaced)}, not imported ${String(c.notImported)}${
      c.documents > 0 ? `, documents beside them ${String(c.documents)}` : ''
    }.`,
  pending: (n) => `${String(n)} credential${n === 1 ? "'s" : "s'"} details could not be filled in yet: import again with --online, or use "Fetch details" in the app.`,
  reading: (seen, file) => `Importing ${String(seen)}: ${file}`,
  fillingIn: (seen, done, total) => `Importing ${String(seen)}, details ${String(done)} of ${String(total)}`,
};

const german: ImportWords = {
  status: walletWords('de').status,
  details: { fetched: '', 'not-fetched': 'Details noch nicht abgerufen', incomplete: 'Details unvollständig' },
  showProblems: false,
  reason: (message, text) => renderOr(message, 'de', text),
  summary: (c) =>
    `Hinzugefügt ${String(c.added)}, bereits vorhanden ${String(c.alreadyThere)}, aktualisiert ${String(c.updated)}, nicht ersetzt ${String(c.notReplaced)}, nicht importiert ${String(c.notImported)}${
      c.documents > 0 ? `, Dokumente daneben ${String(c.documents)}` : ''
    }.`,
  pending: (n) =>
    `Bei ${n === 1 ? 'einem Nachweis' : `${String(n)} Nachweisen`} ließen sich die Details noch nicht ergänzen: erneut mit --online importieren oder in der App „Details abrufen“ wählen.`,
  reading: (seen, file) => `Import ${String(seen)}: ${file}`,
  fillingIn: (seen, done, total) => `Import ${String(seen)}, Details ${String(done)} von ${String(total)}`,
};

export function importWords(language: CheckLanguage): ImportWords {
  return language === 'de' ? german : english;
}
