import type { Language } from '../../shared/preferences';
import type { PageAttachmentIntegrity, PageFetchOutcome, VerifierFailure } from '../../shared/contract/verifierPage';

/**
 * The verifier page's own words, English and German. Verdicts, check sentences, status words
 * and the issuer-identity wording are the app's (shared/credential catalogues, renderer i18n):
 * the page says what the app says. These are only what the app has no words for: a page that
 * an employer opens from a link.
 */
const en = {
  title: 'Check a credential',
  intro: 'This page checks a credential from its link, or a portfolio PDF or credential file given to it, in your browser: nothing is uploaded.',
  language: 'Language',
  checking: 'Checking…',
  dropHere: 'Drop a portfolio PDF or a credential file here, or',
  choose: 'choose a file',
  checkingFile: 'Checking {file}…',
  shortIdLink:
    'This link names one credential of a portfolio PDF but does not carry it. Open the link printed beside it in the PDF, or drop the PDF here: the credential it names is then marked.',
  shortIdEntry: 'The credential the link names',
  'failure.not-a-credential-link': 'This link does not carry a credential. Open the link exactly as it is printed, or drop the PDF here.',
  'failure.unknown-encoding': 'This link was made in a newer form than this page reads. Open it with the newest verifier page, or drop the PDF here.',
  'failure.damaged':
    'This link is damaged: part of it is missing or changed, so the credential in it cannot be read. Open the link exactly as it is printed, or drop the PDF here.',
  'failure.too-large': 'This link carries more than a credential can be: it is not read.',
  'failure.not-a-credential': 'No credential was found in this file.',
  'failure.malformed-credential': 'Damaged: this is a credential, but it is not well formed, so it cannot be checked.',
  'failure.unreadable-pdf': 'This PDF could not be read.',
  'failure.engine-failed': 'The check could not be completed.',
  issuer: 'Issuer',
  recipient: 'Recipient',
  recipientHashed: 'An e-mail address, kept hashed in the credential (not shown)',
  achievement: 'Achievement',
  issued: 'Issued',
  validFrom: 'Valid from',
  expires: 'Expires',
  skills: 'Skills',
  checks: 'What was checked',
  nested: 'Credentials in this transcript',
  fetches: 'What this page fetched',
  noFetches: 'Nothing: every check was made with what the credential carries and what this page holds.',
  checksNotMade: 'not made here: {checks}',
  webSiteNotChecked: 'so whether the issuer’s web site confirms this key as its own was not checked here',
  'fetch.answered': 'answered ({status})',
  'fetch.refused-by-browser': 'the browser could not read it (the host does not allow web pages to read it, or did not answer): the check that needed it could not be made here',
  'fetch.not-https': 'not fetched: only https addresses are',
  'fetch.too-large': 'not read: the answer was too large',
  'fetch.timed-out': 'no answer in time: the check that needed it could not be made here',
  pdf: 'Portfolio PDF',
  pdfIntact: 'Every credential file in this PDF is exactly the one exported.',
  pdfNotIntact: 'This PDF was changed after export: see the files marked below.',
  pdfNoManifest: 'This PDF has no Badgefolio manifest: each attached credential is checked on its own.',
  pdfFor: 'Portfolio of {owner}',
  'integrity.intact': 'Exactly the file exported',
  'integrity.altered': 'Altered or swapped after export',
  'integrity.identity-mismatch': 'A different credential than the one listed',
  'integrity.missing': 'Listed, but no longer attached',
  'integrity.unlisted': 'Added after export (not in the manifest)',
  unrecognised: 'Not a credential Badgefolio reads',
} as const;

export type PageWordKey = keyof typeof en;

const de: Readonly<Record<PageWordKey, string>> = {
  title: 'Nachweis prüfen',
  intro: 'Diese Seite prüft einen Nachweis aus seinem Link oder eine Portfolio-PDF bzw. Nachweisdatei in Ihrem Browser: Es wird nichts hochgeladen.',
  language: 'Sprache',
  checking: 'Wird geprüft…',
  dropHere: 'Legen Sie eine Portfolio-PDF oder eine Nachweisdatei hier ab, oder',
  choose: 'wählen Sie eine Datei',
  checkingFile: '{file} wird geprüft…',
  shortIdLink:
    'Dieser Link benennt einen Nachweis einer Portfolio-PDF, enthält ihn aber nicht. Öffnen Sie den Link, der in der PDF daneben steht, oder legen Sie die PDF hier ab: Der benannte Nachweis wird dann markiert.',
  shortIdEntry: 'Der Nachweis, den der Link benennt',
  'failure.not-a-credential-link': 'Dieser Link enthält keinen Nachweis. Öffnen Sie den Link genau so, wie er gedruckt ist, oder legen Sie die PDF hier ab.',
  'failure.unknown-encoding': 'Dieser Link hat eine neuere Form, als diese Seite lesen kann. Öffnen Sie ihn mit der neuesten Prüfseite oder legen Sie die PDF hier ab.',
  'failure.damaged':
    'Dieser Link ist beschädigt: Ein Teil fehlt oder wurde geändert, daher kann der Nachweis darin nicht gelesen werden. Öffnen Sie den Link genau so, wie er gedruckt ist, oder legen Sie die PDF hier ab.',
  'failure.too-large': 'Dieser Link enthält mehr, als ein Nachweis sein kann: Er wird nicht gelesen.',
  'failure.not-a-credential': 'In dieser Datei wurde kein Nachweis gefunden.',
  'failure.malformed-credential': 'Beschädigt: Dies ist ein Nachweis, aber er ist nicht richtig aufgebaut und kann daher nicht geprüft werden.',
  'failure.unreadable-pdf': 'Diese PDF konnte nicht gelesen werden.',
  'failure.engine-failed': 'Die Prüfung konnte nicht abgeschlossen werden.',
  issuer: 'Aussteller',
  recipient: 'Empfänger',
  recipientHashed: 'Eine E-Mail-Adresse, im Nachweis gehasht gespeichert (nicht angezeigt)',
  achievement: 'Leistung',
  issued: 'Ausgestellt',
  validFrom: 'Gültig ab',
  expires: 'Läuft ab',
  skills: 'Kompetenzen',
  checks: 'Was geprüft wurde',
  nested: 'Nachweise in diesem Transcript',
  fetches: 'Was diese Seite abgerufen hat',
  noFetches: 'Nichts: Jede Prüfung wurde mit dem gemacht, was der Nachweis enthält und diese Seite mitbringt.',
  checksNotMade: 'hier nicht gemacht: {checks}',
  webSiteNotChecked: 'daher wurde hier nicht geprüft, ob die Website des Ausstellers diesen Schlüssel als ihren bestätigt',
  'fetch.answered': 'beantwortet ({status})',
  'fetch.refused-by-browser':
    'der Browser konnte es nicht lesen (der Server erlaubt Webseiten das Lesen nicht oder antwortete nicht): Die Prüfung, die es brauchte, war hier nicht möglich',
  'fetch.not-https': 'nicht abgerufen: nur https-Adressen werden abgerufen',
  'fetch.too-large': 'nicht gelesen: die Antwort war zu groß',
  'fetch.timed-out': 'keine Antwort in der Zeit: Die Prüfung, die es brauchte, war hier nicht möglich',
  pdf: 'Portfolio-PDF',
  pdfIntact: 'Jede Nachweisdatei in dieser PDF ist genau die exportierte.',
  pdfNotIntact: 'Diese PDF wurde nach dem Export geändert: siehe die unten markierten Dateien.',
  pdfNoManifest: 'Diese PDF hat kein Badgefolio-Manifest: Jeder angehängte Nachweis wird für sich geprüft.',
  pdfFor: 'Portfolio von {owner}',
  'integrity.intact': 'Genau die exportierte Datei',
  'integrity.altered': 'Nach dem Export geändert oder ausgetauscht',
  'integrity.identity-mismatch': 'Ein anderer Nachweis als der aufgeführte',
  'integrity.missing': 'Aufgeführt, aber nicht mehr angehängt',
  'integrity.unlisted': 'Nach dem Export hinzugefügt (nicht im Manifest)',
  unrecognised: 'Kein Nachweis, den Badgefolio liest',
};

const pages: Readonly<Record<Language, Readonly<Record<PageWordKey, string>>>> = { en, de };

export type PageWords = (key: PageWordKey, values?: Readonly<Record<string, string | number>>) => string;

export function pageWords(language: Language): PageWords {
  const table = pages[language];
  return (key, values) => table[key].replace(/\{(\w+)\}/g, (whole, name: string) => (values?.[name] === undefined ? whole : String(values[name])));
}

export const failureKey = (reason: VerifierFailure): PageWordKey => `failure.${reason}`;
export const fetchKey = (outcome: PageFetchOutcome): PageWordKey => `fetch.${outcome}`;
export const integrityKey = (integrity: PageAttachmentIntegrity): PageWordKey => `integrity.${integrity}`;

/** The reader's language: German where the browser prefers it, else English. */
export function browserLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split('-')[0];
    if (primary === 'de') return 'de';
    if (primary === 'en') return 'en';
  }
  return 'en';
}
