import type { IssuerIdentity } from '../../shared/credential/verification';
import type { CheckLanguage } from './savedLanguage';

/**
 * What the wallet commands (`init`, `list`, `show`, `remove`, `backup`, `restore`, `passwd`,
 * `history`, `restore-version`, and the opening of the wallet for `import` and `check`) print
 * for people, in English or German: `--language`, else the app's language setting in the wallet
 * folder (savedLanguage.ts). `--json` output is the same in every language. Usage errors are
 * said in usageWords.ts.
 */

export interface WalletWords {
  readonly noWallet: (folder: string) => string;
  readonly alreadyWallet: (folder: string) => string;
  readonly wrongPassphrase: string;
  /** The app holds the wallet; null: the wallet's own sentence (it names the process). */
  readonly busy: string | null;
  readonly noCredential: (id: string) => string;
  /** A credential the wallet could not read on opening: `which` is its name and id, `where` where it went. */
  readonly damagedOnOpen: (which: string, reason: string, quarantinedAs: string | null | undefined) => string;
  readonly created: (folder: string) => string;
  readonly emptyWallet: string;
  readonly listHeader: readonly string[];
  readonly credentialCount: (n: number) => string;
  readonly notChecked: string;
  readonly status: (code: string) => string;
  readonly identityShort: Readonly<Record<IssuerIdentity['level'], string>>;
  /** In a name column: a badge whose name lives at its issuer, not fetched yet; anything else without a name. */
  readonly detailsNotFetched: string;
  readonly detailsIncomplete: string;
  readonly untitled: string;
  readonly showLabels: Readonly<
    Record<
      | 'issuer'
      | 'format'
      | 'kind'
      | 'issued'
      | 'validFrom'
      | 'expires'
      | 'recipient'
      | 'description'
      | 'criteria'
      | 'skills'
      | 'credits'
      | 'tags'
      | 'signature'
      | 'links'
      | 'identity'
      | 'original'
      | 'note',
      string
    >
  >;
  readonly hashed: string;
  readonly bytes: (n: number) => string;
  readonly removed: (name: string, id: string) => string;
  readonly backupWritten: (credentials: number, file: string) => string;
  readonly noFile: (file: string) => string;
  readonly restored: (added: number, alreadyThere: number, updated: number) => string;
  readonly passphraseChanged: string;
  /** `history` and `restore-version` (commands/history.ts). */
  readonly history: {
    readonly header: readonly string[];
    readonly cannotRestore: (problem: 'damaged' | 'unreadable') => string;
    readonly none: (name: string, id: string) => string;
    readonly heading: (name: string, id: string) => string;
    readonly footer: (count: number, id: string) => string;
    readonly restored: (name: string, id: string, replacedAt: string | null, version: string) => string;
    readonly keptAs: (keptAs: string, id: string) => string;
  };
}

/** German statuses inside a sentence or a table ("bestätigt"); export-pdf and verify count in them too. */
export const germanStatuses: Readonly<Record<string, string>> = {
  verified: 'bestätigt',
  expired: 'abgelaufen',
  'not-yet-valid': 'noch nicht gültig',
  revoked: 'widerrufen',
  invalid: 'Prüfung fehlgeschlagen',
  malformed: 'nicht lesbar',
  unverifiable: 'nicht prüfbar',
  unsigned: 'nicht signiert',
  'not-a-credential': 'kein Nachweis',
};

const englishCount = (n: number, one: string, many: string): string => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
const germanCount = (n: number, one: string, many: string): string => `${n.toLocaleString('de-DE')} ${n === 1 ? one : many}`;

const english: WalletWords = {
  noWallet: (folder) => `There is no wallet in ${folder}. Create one with "badgefolio init".`,
  alreadyWallet: (folder) => `There is already a wallet in ${folder}.`,
  wrongPassphrase: 'That passphrase does not open this wallet.',
  busy: null,
  noCredential: (id) => `No credential with ID "${id}" in this wallet.`,
  damagedOnOpen: (which, reason, quarantinedAs) =>
    `Warning: credential ${which} could not be read (${reason}); ${quarantinedAs ? `it was moved to ${quarantinedAs} for rescue` : 'run "badgefolio check" to set it aside for rescue'}.`,
  created: (folder) => `Created an encrypted wallet in ${folder}.\nKeep your passphrase safe: it cannot be recovered. Make a backup with "badgefolio backup --out FILE".`,
  emptyWallet: 'Your wallet is empty. Add badges with "badgefolio import <file|dir>".',
  listHeader: ['ID', 'NAME', 'ISSUER', 'FORMAT', 'ISSUED', 'ADDED', 'STATUS'],
  credentialCount: (n) => englishCount(n, 'credential', 'credentials'),
  notChecked: 'not checked',
  status: (code) => code,
  identityShort: { registry: 'issuer listed', domain: 'key on web', 'trust-list': 'trust list', unconfirmed: 'issuer unconfirmed' },
  detailsNotFetched: '(details not fetched yet)',
  detailsIncomplete: '(details incomplete)',
  untitled: '(untitled)',
  showLabels: {
    issuer: 'Issuer',
    format: 'Format',
    kind: 'Kind',
    issued: 'Issued',
    validFrom: 'Valid from',
    expires: 'Expires',
    recipient: 'Recipient',
    description: 'Description',
    criteria: 'Criteria',
    skills: 'Skills',
    credits: 'Credits',
    tags: 'Tags',
    signature: 'Signature',
    links: 'Links',
    identity: 'Identity',
    original: 'Original',
    note: 'Note',
  },
  hashed: 'hashed',
  bytes: (n) => englishCount(n, 'byte', 'bytes'),
  removed: (name, id) => `Removed "${name}" (${id}).`,
  backupWritten: (credentials, file) => `Wrote an encrypted backup of ${englishCount(credentials, 'credential', 'credentials')} to ${file}.`,
  noFile: (file) => `There is no file ${file}.`,
  restored: (added, alreadyThere, updated) => `Restored: added ${String(added)}, already there ${String(alreadyThere)}, updated ${String(updated)}.`,
  passphraseChanged: 'The passphrase was changed.',
  history: {
    header: ['VERSION', 'REPLACED', 'NAME', 'ISSUED', 'STATUS'],
    cannotRestore: (problem) => `(${problem === 'damaged' ? 'damaged on disk' : 'unreadable'}: cannot be restored)`,
    none: (name, id) => `"${name}" (${id}) has no earlier versions: no newer copy has replaced it.`,
    heading: (name, id) => `Earlier versions of "${name}" (${id}):`,
    footer: (count, id) => `${englishCount(count, 'earlier version', 'earlier versions')}. Make one current again: badgefolio restore-version ${id} <version>`,
    restored: (name, id, replacedAt, version) => `"${name}" (${id}) is back to the version${replacedAt ? ` replaced on ${replacedAt}` : ''} (${version}).`,
    keptAs: (keptAs, id) => `The version it replaced is kept as ${keptAs}; undo with: badgefolio restore-version ${id} ${keptAs}`,
  },
};

const german: WalletWords = {
  noWallet: (folder) => `In ${folder} gibt es keine Brieftasche. Mit „badgefolio init“ lässt sich eine anlegen.`,
  alreadyWallet: (folder) => `In ${folder} gibt es schon eine Brieftasche.`,
  wrongPassphrase: 'Diese Passphrase öffnet diese Brieftasche nicht.',
  busy: 'Ein anderes Badgefolio (die App?) hat die Brieftasche zum Ändern geöffnet. Schließ es und versuch es erneut.',
  noCredential: (id) => `In dieser Brieftasche gibt es keinen Nachweis mit der ID „${id}“.`,
  damagedOnOpen: (which, _reason, quarantinedAs) =>
    `Warnung: Der Nachweis ${which} ließ sich nicht lesen; ${quarantinedAs ? `er wurde zur Rettung nach ${quarantinedAs} verschoben` : 'mit „badgefolio check“ wird er zur Rettung beiseitegelegt'}.`,
  created: (folder) =>
    `Verschlüsselte Brieftasche in ${folder} angelegt.\nBewahr deine Passphrase gut auf: Sie lässt sich nicht wiederherstellen. Eine Sicherung machst du mit „badgefolio backup --out DATEI“.`,
  emptyWallet: 'Deine Brieftasche ist leer. Nachweise fügst du mit „badgefolio import <Datei|Ordner>“ hinzu.',
  listHeader: ['ID', 'NAME', 'AUSSTELLER', 'FORMAT', 'AUSGESTELLT', 'HINZUGEFÜGT', 'STATUS'],
  credentialCount: (n) => germanCount(n, 'Nachweis', 'Nachweise'),
  notChecked: 'nicht geprüft',
  status: (code) => germanStatuses[code] ?? code,
  identityShort: { registry: 'Aussteller gelistet', domain: 'Schlüssel im Web', 'trust-list': 'Vertrauensliste', unconfirmed: 'Aussteller nicht bestätigt' },
  detailsNotFetched: '(Details noch nicht abgerufen)',
  detailsIncomplete: '(Details unvollständig)',
  untitled: '(ohne Titel)',
  showLabels: {
    issuer: 'Aussteller',
    format: 'Format',
    kind: 'Art',
    issued: 'Ausgestellt',
    validFrom: 'Gültig ab',
    expires: 'Gültig bis',
    recipient: 'Empfänger',
    description: 'Beschreibung',
    criteria: 'Kriterien',
    skills: 'Kompetenzen',
    credits: 'Umfang',
    tags: 'Schlagwörter',
    signature: 'Signatur',
    links: 'Verweise',
    identity: 'Kennung',
    original: 'Original',
    note: 'Hinweis',
  },
  hashed: 'gehasht',
  bytes: (n) => germanCount(n, 'Byte', 'Bytes'),
  removed: (name, id) => `„${name}“ (${id}) entfernt.`,
  backupWritten: (credentials, file) => `Verschlüsselte Sicherung von ${germanCount(credentials, 'Nachweis', 'Nachweisen')} nach ${file} geschrieben.`,
  noFile: (file) => `Die Datei ${file} gibt es nicht.`,
  restored: (added, alreadyThere, updated) => `Wiederhergestellt: ${String(added)} hinzugefügt, ${String(alreadyThere)} bereits vorhanden, ${String(updated)} aktualisiert.`,
  passphraseChanged: 'Die Passphrase wurde geändert.',
  history: {
    header: ['FASSUNG', 'ERSETZT', 'NAME', 'AUSGESTELLT', 'STATUS'],
    cannotRestore: (problem) => `(${problem === 'damaged' ? 'auf dem Datenträger beschädigt' : 'nicht lesbar'}: lässt sich nicht wiederherstellen)`,
    none: (name, id) => `„${name}“ (${id}) hat keine früheren Fassungen: Keine neuere Kopie hat ihn ersetzt.`,
    heading: (name, id) => `Frühere Fassungen von „${name}“ (${id}):`,
    footer: (count, id) => `${germanCount(count, 'frühere Fassung', 'frühere Fassungen')}. Eine davon wieder aktuell machen: badgefolio restore-version ${id} <Fassung>`,
    restored: (name, id, replacedAt, version) => `„${name}“ (${id}) ist wieder in der Fassung${replacedAt ? ` vom ${replacedAt}` : ''} (${version}).`,
    keptAs: (keptAs, id) => `Die ersetzte Fassung ist als ${keptAs} aufbewahrt; rückgängig mit: badgefolio restore-version ${id} ${keptAs}`,
  },
};

export function walletWords(language: CheckLanguage): WalletWords {
  return language === 'de' ? german : english;
}
