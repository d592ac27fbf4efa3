import { valuesIn } from '../../shared/credential/englishTemplates';

/**
 * The wallet's errors (electron/vault: a damaged header or backup, a key-derivation setting out
 * of range, a locked or read-only wallet...) in German. The wallet words them in English where
 * they arise; each is listed here as that English template and its German, and said in German
 * when the error's message is made from the template. One the list lacks stays in English.
 */
const german: readonly (readonly [english: string, german: string])[] = [
  ['The wallet was opened read-only.', 'Die Brieftasche wurde nur zum Lesen geöffnet.'],
  ['The wallet is locked.', 'Die Brieftasche ist gesperrt.'],
  ['The passphrase must not be empty.', 'Die Passphrase darf nicht leer sein.'],
  ['The new passphrase must not be empty.', 'Die neue Passphrase darf nicht leer sein.'],
  ['There is already a wallet in {folder}.', 'In {folder} gibt es schon eine Brieftasche.'],
  ['There is no wallet in {folder}. Create one with "badgefolio init".', 'In {folder} gibt es keine Brieftasche. Mit „badgefolio init“ lässt sich eine anlegen.'],
  ['There is no wallet in {folder}.', 'In {folder} gibt es keine Brieftasche.'],
  ['{file} is not readable.', '{file} lässt sich nicht lesen.'],
  ['{file} is damaged (unexpected fields).', '{file} ist beschädigt (unerwartete Felder).'],
  ['{file} is damaged (checksum mismatch).', '{file} ist beschädigt (Prüfsumme stimmt nicht).'],
  ['No credential with ID "{id}" in this wallet.', 'In dieser Brieftasche gibt es keinen Nachweis mit der ID „{id}“.'],
  ['No such credential in this wallet.', 'Diesen Nachweis gibt es in dieser Brieftasche nicht.'],
  ['More than one credential starts with "{start}"; give more characters.', 'Mehr als ein Nachweis beginnt mit „{start}“; gib mehr Zeichen an.'],
  [
    'More than one earlier version of "{title}" starts with "{start}"; give more characters.',
    'Mehr als eine frühere Version von „{title}“ beginnt mit „{start}“; gib mehr Zeichen an.',
  ],
  ['"{title}" has no earlier version "{version}" (see its history).', '„{title}“ hat keine frühere Version „{version}“ (siehe „badgefolio history“).'],
  [
    'The earlier version {version} of "{title}" is damaged and cannot be restored. The wallet check sets it aside for rescue.',
    'Die frühere Version {version} von „{title}“ ist beschädigt und lässt sich nicht wiederherstellen. Die Prüfung der Brieftasche legt sie zur Rettung beiseite.',
  ],
  [
    'The earlier version {version} of "{title}" is unreadable and cannot be restored. The wallet check sets it aside for rescue.',
    'Die frühere Version {version} von „{title}“ lässt sich nicht lesen und nicht wiederherstellen. Die Prüfung der Brieftasche legt sie zur Rettung beiseite.',
  ],
  [
    'The earlier version {version} of "{title}" cannot be restored: a file stored with it is damaged or missing ({file}).',
    'Die frühere Version {version} von „{title}“ lässt sich nicht wiederherstellen: Eine mit ihr gespeicherte Datei ist beschädigt oder fehlt ({file}).',
  ],
  ['Stored data of "{name}" is damaged or missing ({file}).', 'Gespeicherte Daten von „{name}“ sind beschädigt oder fehlen ({file}).'],
  [
    'Only a self-reported entry can be edited: a signed credential says what its issuer signed.',
    'Nur ein selbst angegebener Eintrag lässt sich bearbeiten: Ein signierter Nachweis sagt, was sein Aussteller signiert hat.',
  ],
  ["The wallet's key-derivation cost (N={n}) is outside the accepted range.", 'Der Aufwand der Schlüsselableitung der Brieftasche (N={n}) liegt außerhalb des erlaubten Bereichs.'],
  [
    "The wallet's key-derivation parameters (r, p) are outside the accepted range.",
    'Die Parameter der Schlüsselableitung der Brieftasche (r, p) liegen außerhalb des erlaubten Bereichs.',
  ],
  ["The wallet's key-derivation parameters would need too much memory.", 'Die Parameter der Schlüsselableitung der Brieftasche bräuchten zu viel Speicher.'],
  ['The encrypted data is too short.', 'Die verschlüsselten Daten sind zu kurz.'],
  [
    'The encrypted data does not authenticate: it was changed or damaged, or the key is wrong.',
    'Die verschlüsselten Daten bestehen die Echtheitsprüfung nicht: Sie wurden verändert oder beschädigt, oder der Schlüssel ist falsch.',
  ],
  ['This file is not a Badgefolio backup.', 'Diese Datei ist keine Sicherung von Badgefolio.'],
  ['The backup header is damaged.', 'Der Kopf der Sicherung ist beschädigt.'],
  ['The backup is cut short.', 'Die Sicherung ist abgeschnitten.'],
  ['That passphrase does not open this backup (or its first part is damaged).', 'Diese Passphrase öffnet diese Sicherung nicht (oder ihr erster Teil ist beschädigt).'],
  ['The backup is damaged or was changed.', 'Die Sicherung ist beschädigt oder wurde verändert.'],
  ['The backup ends in the middle of an entry.', 'Die Sicherung endet mitten in einem Eintrag.'],
  ['The backup is damaged (unknown entry).', 'Die Sicherung ist beschädigt (unbekannter Eintrag).'],
  ['The backup holds a record of an unknown kind.', 'Die Sicherung enthält einen Eintrag unbekannter Art.'],
  ['The backup holds an earlier version of an unknown kind.', 'Die Sicherung enthält eine frühere Version unbekannter Art.'],
  ['The backup lacks a file stored with an earlier version of "{title}".', 'In der Sicherung fehlt eine Datei, die mit einer früheren Version von „{title}“ gespeichert war.'],
];

/** A wallet error's message in German, or undefined when the list above does not have it. */
export function walletErrorInGerman(message: string): string | undefined {
  for (const [english, inGerman] of german) {
    const values = valuesIn(english, message);
    if (values) return inGerman.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '');
  }
  return undefined;
}
