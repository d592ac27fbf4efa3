import type { CheckLanguage } from './savedLanguage';

/**
 * Usage errors (a command given arguments it cannot use), in English or German: `--language`
 * if the command line names en or de, else the app's language setting (program.ts finds it
 * before the command runs). Each `UsageError` carries how to say itself with these words; its
 * `message` is the English, for tests and anything that logs it.
 */
export interface UsageWords {
  readonly unknownCommand: (name: string) => string;
  readonly unknownOption: (option: string) => string;
  readonly missingValue: (option: string) => string;
  readonly noValueTaken: (option: string) => string;
  /** What Node's argument parser said, when it is none of the above. */
  readonly badArguments: (detail: string) => string;
  readonly languageIs: string;
  readonly giveFiles: (command: 'import' | 'inspect' | 'verify') => string;
  readonly takesNoFiles: (command: string, got: string) => string;
  readonly oneCredentialId: string;
  readonly idAndVersion: string;
  readonly noPassphrase: string;
  readonly cancelled: string;
  readonly emptyPassphraseFile: (file: string) => string;
  readonly emptyPassphrase: string;
  readonly passphrasesDiffer: string;
  readonly offlineOrOnline: string;
  readonly documentsMapMissing: (file: string) => string;
  readonly documentsMapUnusable: (file: string, detail: string) => string;
  readonly maxFileMb: string;
  readonly nowIso: string;
  readonly threads: string;
  readonly registry: (detail: string) => string;
  readonly verifierUrl: string;
  readonly pdfOut: string;
  readonly paper: string;
  readonly idsOrCollection: string;
  readonly onePdf: string;
  readonly oneLink: string;
  readonly backupOut: string;
  readonly oneBackup: string;
  /** Printed above a command's help in a language the help is not written in; null in English. */
  readonly helpInEnglish: string | null;
}

const english: UsageWords = {
  unknownCommand: (name) => `Unknown command "${name}". Run "badgefolio --help" to see the commands.`,
  unknownOption: (option) => `Unknown option ${option}. To give a file whose name starts with "-", put it after "--".`,
  missingValue: (option) => `${option} needs a value.`,
  noValueTaken: (option) => `${option} takes no value.`,
  badArguments: (detail) => detail,
  languageIs: '--language is en or de.',
  giveFiles: (command) => `Give at least one file or folder to ${command}.`,
  takesNoFiles: (command, got) => `${command} takes no files${got ? ` (got ${got})` : ''}.`,
  oneCredentialId: 'Give one credential ID (see "badgefolio list").',
  idAndVersion: 'Give a credential ID and one of its versions (see "badgefolio history <id>").',
  noPassphrase: 'No passphrase given: use --passphrase-file FILE or set BADGEFOLIO_PASSPHRASE.',
  cancelled: 'Cancelled.',
  emptyPassphraseFile: (file) => `The passphrase file ${file} is empty.`,
  emptyPassphrase: 'The passphrase must not be empty.',
  passphrasesDiffer: 'The two passphrases differ. Nothing was changed.',
  offlineOrOnline: 'Give --offline or --online, not both.',
  documentsMapMissing: (file) => `The documents map ${file} does not exist.`,
  documentsMapUnusable: (file, detail) => `The documents map ${file} cannot be used: ${detail}`,
  maxFileMb: '--max-file-mb takes a positive number.',
  nowIso: '--now takes an ISO 8601 date, e.g. 2025-06-01T00:00:00Z.',
  threads: '--threads takes a number of threads from 0 to 256.',
  registry: (detail) => `--registry: ${detail}`,
  verifierUrl: '--verifier-url takes an https address, e.g. https://badgefolio.github.io/badgefolio/verifier/.',
  pdfOut: 'Say where to write the PDF: --out FILE.pdf.',
  paper: '--paper is a4 or letter.',
  idsOrCollection: 'Choose either --ids or --collection, not both.',
  onePdf: 'Give one PDF file to check.',
  oneLink: 'Give exactly one link to receive from.',
  backupOut: 'Say where to write the backup: --out FILE.',
  oneBackup: 'Give one backup file to restore.',
  helpInEnglish: null,
};

const germanVerbs: Readonly<Record<Parameters<UsageWords['giveFiles']>[0], string>> = { import: 'Importieren', inspect: 'Untersuchen', verify: 'Prüfen' };

const german: UsageWords = {
  unknownCommand: (name) => `Unbekannter Befehl „${name}“. „badgefolio --help“ zeigt die Befehle.`,
  unknownOption: (option) => `Unbekannte Option ${option}. Eine Datei, deren Name mit „-“ beginnt, gehört hinter „--“.`,
  missingValue: (option) => `${option} braucht einen Wert.`,
  noValueTaken: (option) => `${option} nimmt keinen Wert.`,
  badArguments: (detail) => `Diese Angaben passen nicht zum Befehl (technische Angabe: ${detail})`,
  languageIs: '--language ist en oder de.',
  giveFiles: (command) => `Mindestens eine Datei oder einen Ordner zum ${germanVerbs[command]} angeben.`,
  takesNoFiles: (command, got) => `${command} nimmt keine Dateien${got ? ` (angegeben: ${got})` : ''}.`,
  oneCredentialId: 'Eine Nachweis-ID angeben (siehe „badgefolio list“).',
  idAndVersion: 'Eine Nachweis-ID und eine ihrer Versionen angeben (siehe „badgefolio history <id>“).',
  noPassphrase: 'Keine Passphrase angegeben: --passphrase-file DATEI verwenden oder BADGEFOLIO_PASSPHRASE setzen.',
  cancelled: 'Abgebrochen.',
  emptyPassphraseFile: (file) => `Die Passphrase-Datei ${file} ist leer.`,
  emptyPassphrase: 'Die Passphrase darf nicht leer sein.',
  passphrasesDiffer: 'Die beiden Passphrasen unterscheiden sich. Nichts wurde geändert.',
  offlineOrOnline: '--offline oder --online angeben, nicht beides.',
  documentsMapMissing: (file) => `Die Dokumentenzuordnung ${file} gibt es nicht.`,
  documentsMapUnusable: (file, detail) => `Die Dokumentenzuordnung ${file} lässt sich nicht verwenden (technische Angabe: ${detail})`,
  maxFileMb: '--max-file-mb nimmt eine positive Zahl.',
  nowIso: '--now nimmt ein Datum nach ISO 8601, z. B. 2025-06-01T00:00:00Z.',
  threads: '--threads nimmt eine Zahl von Threads zwischen 0 und 256.',
  registry: (detail) => `--registry lässt sich nicht verwenden (technische Angabe: ${detail})`,
  verifierUrl: '--verifier-url nimmt eine https-Adresse, z. B. https://badgefolio.github.io/badgefolio/verifier/.',
  pdfOut: 'Angeben, wohin das PDF geschrieben wird: --out DATEI.pdf.',
  paper: '--paper ist a4 oder letter.',
  idsOrCollection: 'Entweder --ids oder --collection wählen, nicht beides.',
  onePdf: 'Eine PDF-Datei zum Prüfen angeben.',
  oneLink: 'Genau einen Link angeben, von dem empfangen wird.',
  backupOut: 'Angeben, wohin die Sicherung geschrieben wird: --out DATEI.',
  oneBackup: 'Eine Sicherungsdatei zum Wiederherstellen angeben.',
  helpInEnglish: 'Die Hilfe zu den einzelnen Befehlen gibt es nur auf Englisch:',
};

export function usageWords(language: CheckLanguage): UsageWords {
  return language === 'de' ? german : english;
}

/** How a usage error says itself, in the words of the reader's language. */
export type UsageSaid = (words: UsageWords) => string;

/** What Node's parseArgs threw, said in usage words: the option it names, by the error's code. */
export function parseErrorSaid(error: unknown): UsageSaid {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  const option = /'(-[^' ]+)/.exec(message)?.[1];
  if (option === undefined) return (w) => w.badArguments(message);
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return (w) => w.unknownOption(option);
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    if (message.includes('does not take an argument')) return (w) => w.noValueTaken(option);
    // "argument missing", or "ambiguous": the next word is another option, not this one's value.
    return (w) => w.missingValue(option);
  }
  return (w) => w.badArguments(message);
}
