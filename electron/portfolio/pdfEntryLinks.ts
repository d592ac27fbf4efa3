import { PDFArray, PDFDict, PDFHexString, PDFName, PDFString, type PDFDocument } from 'pdf-lib';
import type { NormalizedCredential } from '../../shared/credential/model';
import { parseEntryLinkName } from '../../shared/portfolio/linkAnnotations';
import { FragmentError } from '../../shared/portfolio/verifierFragment';
import { fragmentCredentialBytes, sameCredentialMeaning } from './cborldFragment';

/**
 * What an entry's links in a portfolio PDF open, compared with the file attached for it: the
 * employer clicks the link, the verifier page verifies what the link carries, and that is only
 * worth something if it is the same credential as the one attached (and listed in the manifest).
 * Links are found by the names the builder gives them (linkAnnotations.ts).
 */
export type EntryLinkCheck =
  /** Every verifier link of the entry carries exactly the attached file's bytes (a CBOR-LD link: the same credential, by its canonical form). */
  | 'matches-attachment'
  /** A verifier link carries other bytes than the attachment: one of them was changed or swapped. */
  | 'differs-from-attachment'
  /** A verifier link whose credential cannot be read back (damaged, or not one Badgefolio writes). */
  | 'unreadable'
  /** No verifier link: the entry links to the issuer's hosted copy of the badge, which the issuer vouches for. */
  | 'issuer-hosted'
  /** No verifier link (the credential is too large for one): the entry links to the verifier page, which asks for this PDF. */
  | 'verifier-page'
  /** No verifier link: the entry links to a page that does not carry the credential (the issuer's page for the badge). */
  | 'other'
  /** The entry has no link at all. */
  | 'none';

function text(dict: PDFDict, key: string): string | undefined {
  const value = dict.lookupMaybe(PDFName.of(key), PDFString, PDFHexString);
  return value?.decodeText();
}

/** Every named entry link in the PDF: attachment file name → the URIs its links open. */
export function entryLinksIn(document: PDFDocument): Map<string, string[]> {
  const found = new Map<string, string[]>();
  let pages;
  try {
    pages = document.getPages();
  } catch {
    return found;
  }
  for (const page of pages) {
    try {
      const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
      for (let i = 0; i < (annots?.size() ?? 0); i++) {
        const annotation = annots?.lookupMaybe(i, PDFDict);
        const named = annotation ? parseEntryLinkName(text(annotation, 'NM') ?? '') : undefined;
        const uri = named && annotation ? text(annotation.lookupMaybe(PDFName.of('A'), PDFDict) ?? annotation, 'URI') : undefined;
        if (!named || uri === undefined) continue;
        found.set(named.file, [...(found.get(named.file) ?? []), uri]);
      }
    } catch {
      // A page whose annotations cannot be read has no links to compare: the rest still count.
    }
  }
  return found;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, index) => byte === b[index]);
}

/**
 * What the entry's links open, compared with its attached bytes and the credentials read from them.
 * A `z` link must carry the attachment's bytes exactly. A `c` (CBOR-LD) link carries the
 * credential's JSON-LD meaning, not its bytes, so it is compared by RDFC-1.0 canonical form: the
 * statements a Data Integrity proof signs, which a changed or swapped credential does not share.
 */
export async function checkEntryLinks(uris: readonly string[], attached: Uint8Array, credentials: readonly NormalizedCredential[]): Promise<EntryLinkCheck> {
  if (uris.length === 0) return 'none';
  let carried = 0;
  for (const uri of uris) {
    const hash = uri.indexOf('#');
    if (hash < 0 || !uri.startsWith('vc1.', hash + 1)) continue;
    carried++;
    let carriedCredential: { readonly encoding: 'z' | 'c'; readonly bytes: Uint8Array };
    try {
      carriedCredential = await fragmentCredentialBytes(uri.slice(hash + 1));
    } catch (error) {
      if (error instanceof FragmentError) return 'unreadable';
      throw error;
    }
    const same = carriedCredential.encoding === 'z' ? sameBytes(carriedCredential.bytes, attached) : await sameCredentialMeaning(carriedCredential.bytes, attached);
    if (!same) return 'differs-from-attachment';
  }
  if (carried > 0) return 'matches-attachment';
  const hosted = credentials.flatMap((c) => (c.verification.signature === 'hosted' && c.verification.hostedUrl !== undefined ? [c.verification.hostedUrl] : []));
  if (uris.some((uri) => hosted.includes(uri))) return 'issuer-hosted';
  return uris.some((uri) => /#id\.[0-9a-f]{12}$/.test(uri)) ? 'verifier-page' : 'other';
}

/** What verify-pdf says of a check, in English (also its --json `linkSentence`) and German; the app says it from its catalogue. */
const sentences: Readonly<Record<'en' | 'de', Readonly<Record<EntryLinkCheck, string>>>> = {
  en: {
    'matches-attachment': 'Its verification link carries exactly the attached file.',
    'differs-from-attachment': 'Its verification link carries a different credential than the attached file: one of them was changed after export.',
    unreadable: 'Its verification link is damaged: the credential in it cannot be read.',
    'issuer-hosted': "Its link points to the issuer's hosted copy of the badge, not to the attached file.",
    'verifier-page': 'Its link opens the verifier page without the credential (too large for a link): the attached file is what can be verified.',
    other: 'Its link opens a page about the badge; it does not carry the credential.',
    none: 'It has no verification link.',
  },
  de: {
    'matches-attachment': 'Sein Prüflink enthält genau die beigefügte Datei.',
    'differs-from-attachment': 'Sein Prüflink enthält einen anderen Nachweis als die beigefügte Datei: Eines von beiden wurde nach dem Export verändert.',
    unreadable: 'Sein Prüflink ist beschädigt: Der Nachweis darin lässt sich nicht lesen.',
    'issuer-hosted': 'Sein Link führt zur beim Aussteller gehosteten Fassung des Badges, nicht zur beigefügten Datei.',
    'verifier-page': 'Sein Link öffnet die Prüfseite ohne den Nachweis (zu groß für einen Link): Geprüft werden kann die beigefügte Datei.',
    other: 'Sein Link öffnet eine Seite über das Badge; den Nachweis enthält er nicht.',
    none: 'Er hat keinen Prüflink.',
  },
};

export function entryLinkSentence(check: EntryLinkCheck, language = 'en'): string {
  return sentences[language === 'de' ? 'de' : 'en'][check];
}

/** A link that contradicts its attachment: the PDF was changed after export. */
export function linkContradicts(check: EntryLinkCheck | undefined): boolean {
  return check === 'differs-from-attachment' || check === 'unreadable';
}
