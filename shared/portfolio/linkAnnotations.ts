import { PDFArray, PDFName, PDFString, type PDFDocument, type PDFPage, type PDFRef } from 'pdf-lib';

/**
 * The clickable links of an entry's verification block, named so that a reader of the PDF can
 * tell which entry (which attached file) each belongs to. The name is the annotation's `NM`, the
 * standard key for "a text string uniquely identifying it among all the annotations on its
 * page": `badgefolio-link/<role>/<attachment file name>`. Attachment names are ASCII letters,
 * digits, `-`, `_` and `.` (attachments.ts), so the name needs no escaping.
 *
 * The QR code's link and the printed address's link share one URI action object: a link that
 * carries a whole credential is written into the PDF once, however many places it is clicked.
 */

const prefix = 'badgefolio-link';

export type EntryLinkRole = 'qr' | 'address';

export function entryLinkName(role: EntryLinkRole, file: string): string {
  return `${prefix}/${role}/${file}`;
}

/** The role and attachment file an annotation name stands for; undefined for any other name. */
export function parseEntryLinkName(name: string): { role: EntryLinkRole; file: string } | undefined {
  const match = /^badgefolio-link\/(qr|address)\/([A-Za-z0-9._-]{1,200})$/.exec(name);
  if (!match?.[1] || !match[2]) return undefined;
  return { role: match[1] as EntryLinkRole, file: match[2] };
}

/**
 * A URI as a PDF string: URI actions are 7-bit ASCII, so anything else is percent-encoded, and
 * pdf-lib writes a PDFString's text as given, so the string delimiters and the backslash are
 * escaped here.
 */
export function pdfUriString(url: string): PDFString {
  const ascii = url.replace(/[^\x21-\x7e]/g, (char) => encodeURIComponent(char));
  return PDFString.of(ascii.replace(/[\\()]/g, (char) => `\\${char}`));
}

/** A URI action, registered once, for links that several annotations share. */
export function uriAction(doc: PDFDocument, url: string): PDFRef {
  return doc.context.register(doc.context.obj({ Type: 'Action', S: 'URI', URI: pdfUriString(url) }));
}

/** A link annotation over a rectangle, running `action`, named `name` when given. */
export function addActionLink(doc: PDFDocument, page: PDFPage, rect: { x: number; y: number; width: number; height: number }, action: PDFRef, name?: string): void {
  const { context } = doc;
  const annotation = context.register(
    context.obj({
      Type: 'Annot',
      Subtype: 'Link',
      Rect: [rect.x, rect.y, rect.x + rect.width, rect.y + rect.height],
      Border: [0, 0, 0],
      A: action,
      ...(name === undefined ? {} : { NM: PDFString.of(name) }),
    }),
  );
  const existing = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
  if (existing) existing.push(annotation);
  else page.node.set(PDFName.of('Annots'), context.obj([annotation]));
}
