import { describeDamage, type CheckedKind, type DamagedItem, type WalletCheckResult } from '../vault/walletCheck';
import type { WalletDocumentName } from '../vault/walletDocuments';
import type { CheckLanguage } from './savedLanguage';

/**
 * What `check` prints for people, in English or German (`--language`, else the app's setting).
 * The English findings are the wallet check's own (walletCheckReport.ts); the German ones say
 * the same in the app's German words (Settings › Check the wallet). `--json` keeps the English.
 */
export interface CheckWords {
  readonly checked: (result: WalletCheckResult) => string;
  readonly damaged: (item: DamagedItem) => string;
  readonly file: (file: string) => string;
  readonly kept: (file: string) => string;
  readonly moved: (folder: string) => string;
  readonly readOnly: string;
  readonly howToRestore: string;
}

const count = (locale: string, n: number, one: string, many: string): string => `${n.toLocaleString(locale)} ${n === 1 ? one : many}`;

const english: CheckWords = {
  checked: ({ checked, damaged }) =>
    `Checked ${count('en-US', checked.credentials, 'credential', 'credentials')} and ${count('en-US', checked.files, 'stored file', 'stored files')}: ${
      damaged.length === 0 ? 'nothing is damaged.' : `${count('en-US', damaged.length, 'file is', 'files are')} damaged.`
    }`,
  damaged: (item) => `Damaged: ${describeDamage(item)}.`,
  file: (file) => `  File: ${file}`,
  kept: (file) => `  Kept in quarantine: ${file}`,
  moved: (folder) => `Damaged files are moved to ${folder}, where they are kept for rescue.`,
  readOnly: 'Nothing was moved: another Badgefolio (the app?) has the wallet open for changes. Close it and run "badgefolio check" again to move the damaged files to quarantine.',
  // What `badgefolio restore` does, exactly (electron/cli/commands/wallet.ts, Vault.restoreBackup).
  howToRestore: `To get them back, restore a backup made before the damage:
  badgefolio restore FILE [--vault DIR]
Restoring adds back every credential missing from this wallet and the stored files
(pictures, original files) missing from the credentials it still holds, and updates
a credential of which the backup has a newer copy; nothing is duplicated. Collections,
pathways and the profile photo come back where the wallet no longer has its own.
"badgefolio restore" opens the backup with the wallet's passphrase (as "badgefolio
backup" makes them); for a backup saved in the app under a passphrase of its own,
use the app: Settings > Backups > Restore from a backup.`,
};

const germanKinds: Readonly<Record<Exclude<CheckedKind, 'document'>, string>> = {
  record: 'Der Datensatz von',
  original: 'Die Originaldatei von',
  'signed-text': 'Der signierte Text von',
  picture: 'Das Bild von',
  'stored-file': 'Ein gespeichertes Bild oder eine Datei von',
  'earlier-version': 'Eine frühere Fassung von',
};

const germanDocuments: Readonly<Record<WalletDocumentName, string>> = {
  organiser: 'Deine Sammlungen, Lernpfade und Exportverlauf',
  'profile-photo': 'Dein Profilfoto',
  'fetch-cache': 'Die für Offline-Prüfungen aufbewahrten Dokumente',
  'holder-key': 'Der Schlüssel, der deine exportierten Portfolios signiert',
  'issuer-registries': 'Die Aussteller-Verzeichnisse, die du hinzugefügt oder aktualisiert hast',
};

const germanProblems: Readonly<Record<DamagedItem['problem'], string>> = { damaged: 'auf dem Datenträger verändert oder beschädigt', unreadable: 'nicht lesbar', missing: 'fehlt' };

/** One damaged item in German: `Das Bild von „Staplerschein“: auf dem Datenträger verändert oder beschädigt`. */
function germanDamage(item: DamagedItem): string {
  const problem = germanProblems[item.problem];
  if (item.document === 'fetched-document') {
    return `Ein für Offline-Prüfungen abgerufenes Dokument (${item.url ?? 'Adresse unbekannt'}): ${problem}; es ist kein Nachweis und wird beim nächsten Bedarf erneut abgerufen`;
  }
  if (item.kind === 'document') return `${item.document ? germanDocuments[item.document] : 'Eine Datei der Brieftasche'}: ${problem}`;
  const names = [item.name, ...item.otherNames].filter((name): name is string => name !== null).map((name) => `„${name}“`);
  const who =
    names.length === 0 ? `Nachweis ${item.id ?? '?'} (Name unbekannt)` : names.length === 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} und ${names.at(-1) ?? ''}`;
  return `${germanKinds[item.kind]} ${who}${names.length > 1 ? ' (eine gemeinsame Datei)' : ''}: ${problem}`;
}

const german: CheckWords = {
  checked: ({ checked, damaged }) =>
    `${count('de-DE', checked.credentials, 'Nachweis', 'Nachweise')} und ${count('de-DE', checked.files, 'gespeicherte Datei', 'gespeicherte Dateien')} geprüft: ${
      damaged.length === 0 ? 'nichts ist beschädigt.' : `${count('de-DE', damaged.length, 'Datei ist', 'Dateien sind')} beschädigt.`
    }`,
  damaged: (item) => `Beschädigt: ${germanDamage(item)}.`,
  file: (file) => `  Datei: ${file}`,
  kept: (file) => `  In Quarantäne aufbewahrt: ${file}`,
  moved: (folder) => `Beschädigte Dateien werden nach ${folder} verschoben und dort zur Rettung aufbewahrt.`,
  readOnly:
    'Nichts wurde verschoben: Ein anderes Badgefolio (die App?) hat die Brieftasche zum Ändern geöffnet. Schließ es und führ „badgefolio check“ erneut aus, um die beschädigten Dateien in Quarantäne zu verschieben.',
  howToRestore: `Um sie zurückzuholen, stell eine Sicherung von vor dem Schaden wieder her:
  badgefolio restore DATEI [--vault ORDNER]
Die Wiederherstellung fügt jeden Nachweis, der in dieser Brieftasche fehlt, wieder hinzu,
ebenso die gespeicherten Dateien (Bilder, Originaldateien), die den noch vorhandenen
Nachweisen fehlen, und aktualisiert Nachweise, von denen die Sicherung eine neuere Fassung
hat; nichts wird verdoppelt. Sammlungen, Lernpfade und das Profilfoto kommen zurück, wo die
Brieftasche keine eigenen mehr hat. „badgefolio restore“ öffnet die Sicherung mit der
Passphrase der Brieftasche (so macht „badgefolio backup“ sie); eine Sicherung, die in der App
unter einer eigenen Passphrase gespeichert wurde, stellst du in der App wieder her:
Einstellungen > Sicherungen > Aus einer Sicherung wiederherstellen.`,
};

export function checkWords(language: CheckLanguage): CheckWords {
  return language === 'de' ? german : english;
}
