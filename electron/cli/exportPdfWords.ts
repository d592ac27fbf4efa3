import { sayCount, type CountForm } from '../../shared/portfolio/countWords';
import { pdfWords, statusLabel } from '../../shared/portfolio/pdfWords';
import type { PdfLanguage } from '../../shared/portfolio/types';
import { germanStatuses, walletWords } from './walletWords';

/**
 * What `export-pdf` prints for people, in the PDF's language (`--language`, else the app's
 * language setting): whoever makes a German PDF reads its console lines in German too. Usage
 * errors stay English, as every command's: they are said before the language is known.
 */

export interface ExportPdfWords {
  /** "Wrote /tmp/p.pdf: 3 credentials (2 verified, 1 expired), 120 KB." */
  readonly wrote: (file: string, total: number, statuses: readonly (readonly [string, number])[], bytes: number) => string;
  readonly signedBy: (holder: string) => string;
  readonly keyUnreadable: (file: string) => string;
  readonly emptyCollection: (name: string) => string;
  readonly emptyWallet: string;
  readonly noCollection: (name: string) => string;
  readonly noCredential: (id: string) => string;
  readonly noWallet: (folder: string) => string;
  readonly wrongPassphrase: string;
}

// German statuses as they read after a number ("2 bestätigt"): one list for every command (walletWords.ts).
export { germanStatuses };

function wroteIn(locale: string, credentials: CountForm, said: string, status: (code: string) => string) {
  return (file: string, total: number, statuses: readonly (readonly [string, number])[], bytes: number): string => {
    const counts = statuses.map(([code, n]) => `${n.toLocaleString(locale)} ${status(code)}`).join(', ');
    return `${said.replace('{file}', file)}: ${sayCount(locale, credentials, total)} (${counts}), ${Math.round(bytes / 1024).toLocaleString(locale)} KB.`;
  };
}

const english: ExportPdfWords = {
  wrote: wroteIn('en-GB', { one: '# credential', other: '# credentials' }, 'Wrote {file}', (code) => statusLabel(pdfWords.en, code).toLowerCase()),
  signedBy: (holder) => `Signed by ${holder}: the presentation attached covers every credential file.`,
  keyUnreadable: (file) => `The key file ${file} could not be read.`,
  emptyCollection: (name) => `The collection "${name}" is empty.`,
  emptyWallet: 'The wallet is empty: there is nothing to export yet.',
  noCollection: (name) => `There is no collection named "${name}" in this wallet.`,
  noCredential: walletWords('en').noCredential,
  noWallet: walletWords('en').noWallet,
  wrongPassphrase: walletWords('en').wrongPassphrase,
};

const german: ExportPdfWords = {
  wrote: wroteIn('de-DE', { one: '# Nachweis', other: '# Nachweise' }, '{file} geschrieben', (code) => germanStatuses[code] ?? statusLabel(pdfWords.de, code)),
  signedBy: (holder) => `Signiert von ${holder}: Die beigefügte Präsentation umfasst jede Nachweisdatei.`,
  keyUnreadable: (file) => `Die Schlüsseldatei ${file} ließ sich nicht lesen.`,
  emptyCollection: (name) => `Die Sammlung „${name}“ ist leer.`,
  emptyWallet: 'Die Brieftasche ist leer: Es gibt noch nichts zu exportieren.',
  noCollection: (name) => `In dieser Brieftasche gibt es keine Sammlung namens „${name}“.`,
  noCredential: walletWords('de').noCredential,
  noWallet: walletWords('de').noWallet,
  wrongPassphrase: walletWords('de').wrongPassphrase,
};

export function exportPdfWords(language: PdfLanguage): ExportPdfWords {
  return language === 'de' ? german : english;
}
