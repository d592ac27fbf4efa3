import type { CredentialKind, NormalizedCredential } from '../credential/model';
import { identityLine, type IdentityGist } from '../credential/issuerIdentityText';
import { verifiedIdentitySentence } from './identitySummary';
import { cleanText } from './textShaping';
import type { PdfLanguage } from './types';

/**
 * Every fixed word the portfolio PDF prints, in the languages it can be written in. The
 * person exporting chooses the language (the app's own by default): a German employer gets
 * a German PDF whatever language the wallet is in. What the credentials themselves say
 * (names, descriptions, criteria) is printed as the issuer wrote it.
 */

export interface PdfWords {
  readonly portfolio: string;
  readonly portfolioOf: (owner: string) => string;
  readonly untitled: string;
  /** In place of the name of a badge whose name lives at its issuer and was not fetched (titleOf). */
  readonly notFetched: string;
  /** In place of the name of a badge whose details could only partly be fetched. */
  readonly incomplete: string;
  readonly issuerNotNamed: string;
  readonly issued: (date: string) => string;
  readonly expires: (date: string) => string;
  readonly checked: (status: string, date: string) => string;
  /** Under a QR code: what it opens (qrTarget in entryLinks.ts). */
  readonly qrLabels: { readonly verify: string; readonly issuerPage: string; readonly verifierPage: string };
  /** Where the QR code cannot carry the credential: the link in the PDF, and the verifier page. */
  readonly openLinkOrDrop: (address: string) => string;
  /** Where the credential is too large for a link: the verifier page reads the PDF. */
  readonly dropPdfOn: (address: string) => string;
  readonly noPublicLink: string;
  readonly rows: {
    readonly description: string;
    readonly criteria: string;
    readonly skills: string;
    readonly credits: string;
    readonly evidence: string;
    readonly original: string;
  };
  readonly evidence: string;
  readonly moreEvidence: (count: number) => string;
  readonly attachedAs: (file: string, size: string) => string;
  readonly preparedFor: (recipient: string, date: string) => string;
  readonly exportedOn: (date: string) => string;
  readonly summary: string;
  readonly skills: string;
  readonly contents: string;
  readonly tiles: { readonly credentials: (n: number) => string; readonly verified: string; readonly skills: (n: number) => string; readonly pathways: (n: number) => string };
  readonly kinds: Readonly<Record<CredentialKind, { readonly label: string; readonly plural: (n: number) => string }>>;
  readonly creditsLine: (list: string) => string;
  /** The unit of credits a credential gives without naming one. */
  readonly creditsUnit: string;
  readonly pathways: (list: string) => string;
  /** One pathway as the cover names it: its goal, and how much of it is done. */
  readonly pathway: (name: string, done: number, required: number, complete: boolean) => string;
  readonly nothingChosen: string;
  readonly footer: (owner: string, date: string) => string;
  readonly page: (n: number, total: number) => string;
  readonly verifiedIdentities: (verified: number, identities: readonly IdentityGist[]) => string;
  readonly identityLine: (identity: IdentityGist, status: string, formatDate: (iso: string) => string | undefined) => string;
  readonly statuses: Readonly<Record<string, string>>;
  readonly notChecked: string;
  readonly subject: (owner: string, recipient: string, count: number) => string;
  readonly bytes: (size: number) => string;
}

const sizeIn = (size: number, decimal: string, bytesWord: string): string => {
  if (size < 1024) return `${String(size)} ${bytesWord}`;
  const [value, unit] = size < 1024 * 1024 ? [size / 1024, 'KB'] : [size / (1024 * 1024), 'MB'];
  return `${value.toFixed(1).replace('.', decimal)} ${unit}`;
};

const plural = (one: string, many: string) => (n: number) => (n === 1 ? one : many);

/**
 * Each kind's label and plural, the two languages side by side: a kind or a language left out
 * does not typecheck. The order is the order the cover lists them in (allWords too).
 */
const kindNames: Readonly<Record<CredentialKind, Readonly<Record<PdfLanguage, readonly [label: string, one: string, many: string]>>>> = {
  badge: { en: ['Digital badge', 'badge', 'badges'], de: ['Digitales Badge', 'Badge', 'Badges'] },
  certificate: { en: ['Certificate', 'certificate', 'certificates'], de: ['Zertifikat', 'Zertifikat', 'Zertifikate'] },
  diploma: { en: ['Diploma', 'diploma', 'diplomas'], de: ['Diplom', 'Diplom', 'Diplome'] },
  transcript: { en: ['Learning record', 'learning record', 'learning records'], de: ['Leistungsnachweis', 'Leistungsnachweis', 'Leistungsnachweise'] },
  endorsement: { en: ['Endorsement', 'endorsement', 'endorsements'], de: ['Empfehlung', 'Empfehlung', 'Empfehlungen'] },
  credential: { en: ['Credential', 'other credential', 'other credentials'], de: ['Nachweis', 'sonstiger Nachweis', 'sonstige Nachweise'] },
};

function kindsIn(language: PdfLanguage): PdfWords['kinds'] {
  const kinds = Object.entries(kindNames).map(([kind, names]) => {
    const [label, one, many] = names[language];
    return [kind, { label, plural: plural(one, many) }] as const;
  });
  return Object.fromEntries(kinds) as PdfWords['kinds'];
}

const english: PdfWords = {
  portfolio: 'Credential portfolio',
  portfolioOf: (owner) => `Credential portfolio: ${owner}`,
  untitled: 'Untitled credential',
  notFetched: 'Details not fetched yet',
  incomplete: 'Details incomplete',
  issuerNotNamed: 'Issuer not named',
  issued: (date) => `Issued ${date}`,
  expires: (date) => `Expires ${date}`,
  checked: (status, date) => `${status}, checked ${date}`,
  qrLabels: { verify: 'Verify this credential', issuerPage: "Issuer's page for this badge", verifierPage: 'Verifier page' },
  openLinkOrDrop: (address) => `Open the link in this PDF, or drop this PDF on ${address}`,
  dropPdfOn: (address) => `To verify it, drop this PDF on ${address}`,
  noPublicLink: 'No public verification link exists for this credential. Verify it offline from the original file attached to this PDF.',
  rows: { description: 'Description', criteria: 'Criteria', skills: 'Skills', credits: 'Workload', evidence: 'Evidence', original: 'Original file' },
  evidence: 'Evidence',
  moreEvidence: (count) => `+${String(count)} more in the original file`,
  attachedAs: (file, size) => `Attached to this PDF as ${file} (${size}). Open the attachments panel of your PDF reader to verify it offline.`,
  preparedFor: (recipient, date) => `Prepared for ${recipient}  ·  Exported on ${date}`,
  exportedOn: (date) => `Exported on ${date}`,
  summary: 'Summary',
  skills: 'Skills',
  contents: 'Contents',
  tiles: {
    credentials: plural('credential', 'credentials'),
    verified: 'verified at export',
    skills: plural('skill', 'skills'),
    pathways: plural('pathway completed', 'pathways completed'),
  },
  kinds: kindsIn('en'),
  creditsLine: (list) => `Workload in total: ${list}`,
  creditsUnit: 'credits',
  pathways: (list) => `Pathways: ${list}`,
  pathway: (name, done, required, complete) => (complete ? `${name} (completed, ${String(done)} of ${String(required)})` : `${name} (${String(done)} of ${String(required)} done)`),
  nothingChosen: 'No credentials were chosen for this portfolio.',
  footer: (owner, date) => `${owner}  ·  exported ${date}  ·  original credentials attached to this PDF`,
  page: (n, total) => `Page ${String(n)} of ${String(total)}`,
  verifiedIdentities: (verified, identities) => verifiedIdentitySentence('en', verified, identities),
  identityLine,
  statuses: {
    verified: 'Verified',
    expired: 'Expired',
    'not-yet-valid': 'Not yet valid',
    revoked: 'Revoked',
    invalid: 'Failed verification',
    malformed: 'Unreadable',
    unverifiable: 'Could not be checked',
    unsigned: 'Not signed',
    'self-reported': 'Self-reported',
  },
  notChecked: 'Not checked',
  subject: (owner, recipient, count) =>
    `Verifiable credentials of ${owner}${recipient === '' ? '' : `, prepared for ${recipient}`}: ${String(count)} credentials with their originals attached`,
  bytes: (size) => sizeIn(size, '.', 'bytes'),
};

/** Statuses whose signature held: for these, an unconfirmed issuer name is the signer's own claim. */
const signatureHeld = new Set(['verified', 'expired', 'revoked', 'not-yet-valid']);

function registryNameDe(source: string | null): string {
  if (source === null || source.trim() === '') return 'einem Register';
  return /\.[a-z0-9]{2,5}$/i.test(source) ? source : `der ${source.replace(/^the\s+/i, '')}`;
}

/** The short phrase in German (identityPhrase's twin): the CLI's ISSUER column uses it too. */
export function identityPhraseDe(identity: IdentityGist): string {
  switch (identity.level) {
    case 'registry':
      return `verzeichnet in ${registryNameDe(identity.source)}${identity.test ? ', einem Register für Testaussteller' : ''}`;
    case 'domain':
      return identity.source ? `Schlüssel veröffentlicht unter ${identity.source}` : 'Schlüssel im Web veröffentlicht';
    case 'trust-list':
      return 'Siegel auf der EU-Vertrauensliste';
    case 'unconfirmed':
      return 'nicht bestätigt';
  }
}

const german: PdfWords = {
  portfolio: 'Nachweis-Portfolio',
  portfolioOf: (owner) => `Nachweis-Portfolio: ${owner}`,
  untitled: 'Nachweis ohne Titel',
  notFetched: 'Details noch nicht abgerufen',
  incomplete: 'Details unvollständig',
  issuerNotNamed: 'Aussteller nicht genannt',
  issued: (date) => `Ausgestellt am ${date}`,
  expires: (date) => `Gültig bis ${date}`,
  checked: (status, date) => `${status}, geprüft am ${date}`,
  qrLabels: { verify: 'Diesen Nachweis prüfen', issuerPage: 'Seite des Ausstellers zu diesem Badge', verifierPage: 'Prüfseite' },
  openLinkOrDrop: (address) => `Den Link in diesem PDF öffnen oder dieses PDF auf ${address} ziehen`,
  dropPdfOn: (address) => `Zum Prüfen dieses PDF auf ${address} ziehen`,
  noPublicLink: 'Für diesen Nachweis gibt es keinen öffentlichen Prüflink. Er lässt sich offline anhand der Originaldatei prüfen, die diesem PDF beiliegt.',
  rows: { description: 'Beschreibung', criteria: 'Kriterien', skills: 'Kompetenzen', credits: 'Umfang', evidence: 'Belege', original: 'Originaldatei' },
  evidence: 'Beleg',
  moreEvidence: (count) => `+${String(count)} weitere in der Originaldatei`,
  attachedAs: (file, size) => `Diesem PDF beigefügt als ${file} (${size}). Im Anhänge-Bereich des PDF-Programms lässt sie sich öffnen und offline prüfen.`,
  preparedFor: (recipient, date) => `Erstellt für ${recipient}  ·  Exportiert am ${date}`,
  exportedOn: (date) => `Exportiert am ${date}`,
  summary: 'Überblick',
  skills: 'Kompetenzen',
  contents: 'Inhalt',
  tiles: {
    credentials: plural('Nachweis', 'Nachweise'),
    // Short: five tiles share the width of the page.
    verified: 'bestätigt',
    skills: plural('Kompetenz', 'Kompetenzen'),
    pathways: plural('Ziel erreicht', 'Ziele erreicht'),
  },
  kinds: kindsIn('de'),
  creditsLine: (list) => `Umfang insgesamt: ${list}`,
  creditsUnit: 'Leistungspunkte',
  pathways: (list) => `Lernpfade: ${list}`,
  pathway: (name, done, required, complete) =>
    complete ? `${name} (abgeschlossen, ${String(done)} von ${String(required)})` : `${name} (${String(done)} von ${String(required)} erreicht)`,
  nothingChosen: 'Für dieses Portfolio wurden keine Nachweise ausgewählt.',
  footer: (owner, date) => `${owner}  ·  exportiert am ${date}  ·  Originalnachweise liegen diesem PDF bei`,
  page: (n, total) => `Seite ${String(n)} von ${String(total)}`,
  verifiedIdentities: (verified, identities) => verifiedIdentitySentence('de', verified, identities),
  identityLine: (identity, status, formatDate) => {
    switch (identity.level) {
      case 'registry': {
        const listedName = identity.name && identity.claimedName ? ` als „${identity.name}“` : '';
        const date = identity.asOf ? formatDate(identity.asOf) : undefined;
        const test = identity.test ? ', einem Register für Testaussteller' : '';
        return `Aussteller: verzeichnet${listedName} in ${registryNameDe(identity.source)}${test}${date ? ` (Stand ${date})` : ''}`;
      }
      case 'domain':
      case 'trust-list':
        return `Aussteller: ${identityPhraseDe(identity)}`;
      case 'unconfirmed':
        return identity.name && signatureHeld.has(status) ? 'Aussteller: nicht bestätigt – der Name ist die eigene Angabe des Ausstellers' : 'Aussteller: nicht bestätigt';
    }
  },
  statuses: {
    verified: 'Bestätigt',
    expired: 'Abgelaufen',
    'not-yet-valid': 'Noch nicht gültig',
    revoked: 'Widerrufen',
    invalid: 'Prüfung fehlgeschlagen',
    malformed: 'Nicht lesbar',
    unverifiable: 'Nicht prüfbar',
    unsigned: 'Nicht signiert',
    'self-reported': 'Selbst angegeben',
  },
  notChecked: 'Nicht geprüft',
  subject: (owner, recipient, count) =>
    `Überprüfbare Nachweise von ${owner}${recipient === '' ? '' : `, erstellt für ${recipient}`}: ${String(count)} Nachweise mit beigefügten Originalen`,
  bytes: (size) => sizeIn(size, ',', 'Byte'),
};

export const pdfWords: Readonly<Record<PdfLanguage, PdfWords>> = { en: english, de: german };

/** The words for a language; anything unknown is written in English. */
export function wordsFor(language: PdfLanguage | undefined): PdfWords {
  return pdfWords[language ?? 'en'];
}

/**
 * The credential's name as the PDF prints it, else why it has none: an Open Badges 2.0 badge
 * whose name lives at its issuer and was not fetched says so (as the app's card does,
 * renderer/src/credentials/untitledName.ts), never "Untitled credential".
 */
export function titleOf(credential: Pick<NormalizedCredential, 'name' | 'linked'>, words: PdfWords): string {
  const name = cleanText(credential.name);
  if (name !== '') return name;
  const state = credential.linked?.state;
  return state === 'not-fetched' ? words.notFetched : state === 'incomplete' ? words.incomplete : words.untitled;
}

/** The status as the PDF's reader reads it. */
export function statusLabel(words: PdfWords, status: string): string {
  return words.statuses[status] ?? (status === '' ? words.notChecked : status.charAt(0).toUpperCase() + status.slice(1));
}

/** Every fixed word of a language, for embedding the fonts they need before drawing. */
export function allWords(words: PdfWords): string {
  const sample = [
    words.portfolio,
    words.untitled,
    words.notFetched,
    words.incomplete,
    words.issuerNotNamed,
    words.issued(''),
    words.expires(''),
    words.checked('', ''),
    ...Object.values(words.qrLabels),
    words.openLinkOrDrop(''),
    words.dropPdfOn(''),
    words.noPublicLink,
    ...Object.values(words.rows),
    words.evidence,
    words.moreEvidence(2),
    words.attachedAs('', ''),
    words.preparedFor('', ''),
    words.summary,
    words.skills,
    words.contents,
    words.tiles.credentials(2),
    words.tiles.credentials(1),
    words.tiles.verified,
    words.tiles.skills(2),
    words.tiles.skills(1),
    words.tiles.pathways(2),
    words.tiles.pathways(1),
    ...Object.values(words.kinds).flatMap((kind) => [kind.label, kind.label.toUpperCase(), kind.plural(1), kind.plural(2)]),
    words.creditsLine(''),
    words.creditsUnit,
    words.pathways(''),
    words.pathway('', 1, 2, true),
    words.pathway('', 1, 2, false),
    words.nothingChosen,
    words.footer('', ''),
    words.page(1, 2),
    ...Object.values(words.statuses),
    words.notChecked,
    words.bytes(1),
    'KB MB',
  ];
  return sample.join(' ');
}
