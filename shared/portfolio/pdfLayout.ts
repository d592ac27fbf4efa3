import { PDFName, rgb, type PDFDocument, type PDFPage, type PDFRef, type RGB } from 'pdf-lib';
import type { FontBook } from './fontCoverage';
import { addActionLink, uriAction } from './linkAnnotations';
import { rule } from './pageOps';
import { drawLine, wrapText, type TextStyle } from './textShaping';
import type { PaperSize, PdfLanguage, PortfolioEntry, ThemeName } from './types';
import { withoutTechnicalAsides } from '../credential/technicalText';
import { formatCalendarDate } from '../credential/calendarDate';

/** Page geometry, colours and the drawing helpers the portfolio and certificate share. */

export const paperSizes: Record<PaperSize, readonly [number, number]> = {
  a4: [595.28, 841.89],
  letter: [612, 792],
};

export interface Theme {
  readonly ink: RGB;
  readonly muted: RGB;
  readonly faint: RGB;
  readonly rule: RGB;
  readonly panel: RGB;
  readonly accent: RGB;
  readonly accentSoft: RGB;
  readonly link: RGB;
  readonly white: RGB;
}

const hex = (value: string): RGB => {
  const n = Number.parseInt(value.slice(1), 16);
  return rgb(((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255);
};

const base = {
  ink: hex('#1f2933'),
  muted: hex('#52606d'),
  faint: hex('#7b8794'),
  rule: hex('#d9dee4'),
  panel: hex('#f5f7fa'),
  white: rgb(1, 1, 1),
};

/** Light themes: white paper, dark text, one accent; all print legibly in greyscale. */
export const themes: Record<ThemeName, Theme> = {
  navy: { ...base, accent: hex('#1d3f72'), accentSoft: hex('#e8eef7'), link: hex('#1f4f99') },
  teal: { ...base, accent: hex('#0f5e5e'), accentSoft: hex('#e6f2f1'), link: hex('#0d6b6b') },
  graphite: { ...base, accent: hex('#333d47'), accentSoft: hex('#eef0f2'), link: hex('#2b5797') },
};

export interface StatusLook {
  readonly label: string;
  readonly color: RGB;
  readonly soft: RGB;
}

/** The colours of a status on paper: its ink, and the soft fill behind it. */
const tones = {
  good: { color: hex('#1e7b46'), soft: hex('#e5f4ea') },
  caution: { color: hex('#9a5b00'), soft: hex('#fbf0dc') },
  bad: { color: hex('#b42318'), soft: hex('#fde8e6') },
  unsure: { color: hex('#7a5a00'), soft: hex('#f8f1dc') },
  plain: { color: hex('#52606d'), soft: hex('#eef0f2') },
} as const;

/** Each verification status's English label and tone; any other status is said as it is, in the plain tone. */
const looks = new Map<string, readonly [label: string, tone: keyof typeof tones]>([
  ['verified', ['Verified', 'good']],
  ['expired', ['Expired', 'caution']],
  ['not-yet-valid', ['Not yet valid', 'caution']],
  ['revoked', ['Revoked', 'bad']],
  ['invalid', ['Failed verification', 'bad']],
  ['malformed', ['Unreadable', 'bad']],
  ['unverifiable', ['Could not be checked', 'unsure']],
  ['unsigned', ['Not signed', 'plain']],
  ['self-reported', ['Self-reported', 'plain']],
]);

/**
 * The status an entry shows: its verification status word, except that an unsigned entry the
 * holder added (a PDF or image certificate) shows as self-reported. An issuer's credential
 * without a signature is "Not signed": an employer must not read that the holder made it up.
 */
export function shownStatus(entry: Pick<PortfolioEntry, 'status' | 'credential'>): string {
  return entry.status === 'unsigned' && entry.credential.selfReported ? 'self-reported' : entry.status;
}

/** How each verification status reads on paper. */
export function statusLook(status: string): StatusLook {
  const [label, tone] = looks.get(status) ?? [status === '' ? 'Not checked' : status.charAt(0).toUpperCase() + status.slice(1), 'plain'];
  return { label, ...tones[tone] };
}

/**
 * Why an entry has its status, in words an employer reads, for when the engine's sentence is
 * missing or is about addresses and error codes ("https://… could not be fetched: getaddrinfo
 * ENOTFOUND"). A verified entry needs no reason.
 */
const plainReasons: Readonly<Record<PdfLanguage, Readonly<Record<string, string>>>> = {
  en: {
    verified: '',
    unverifiable:
      "It could not be fully checked when this PDF was made: something the check needs from the issuer's web site (its key or revocation list) was not available. The attached original can be checked again.",
    invalid: "It failed verification: it was changed after it was signed, or the signature is not its issuer's.",
    expired: 'It is genuine, but its period of validity has ended.',
    'not-yet-valid': 'It is genuine, but its period of validity has not begun yet.',
    revoked: 'Its issuer has withdrawn (revoked) it.',
    malformed: 'The file is damaged or is not a conformant credential, so it could not be read.',
    unsigned: 'Its issuer did not sign it, so nothing can confirm who issued it or that it is unchanged.',
    'self-reported': 'The holder added it: it carries no signature that could be checked.',
    '': 'It was not checked before this PDF was made.',
    other: 'It could not be confirmed as genuine.',
  },
  de: {
    verified: '',
    unverifiable:
      'Er ließ sich beim Erstellen dieses PDFs nicht vollständig prüfen: Etwas, das die Prüfung von der Website des Ausstellers braucht (sein Schlüssel oder seine Widerrufsliste), war nicht verfügbar. Das beigefügte Original lässt sich erneut prüfen.',
    invalid: 'Die Prüfung ist fehlgeschlagen: Er wurde nach dem Signieren verändert, oder die Signatur stammt nicht von seinem Aussteller.',
    expired: 'Er ist echt, aber seine Gültigkeit ist abgelaufen.',
    'not-yet-valid': 'Er ist echt, aber noch nicht gültig.',
    revoked: 'Sein Aussteller hat ihn zurückgezogen (widerrufen).',
    malformed: 'Die Datei ist beschädigt oder kein regelkonformer Nachweis und ließ sich nicht lesen.',
    unsigned: 'Sein Aussteller hat ihn nicht signiert, daher kann nichts bestätigen, wer ihn ausgestellt hat oder dass er unverändert ist.',
    'self-reported': 'Die Inhaberin oder der Inhaber hat ihn selbst hinzugefügt: Er trägt keine Signatur, die sich prüfen ließe.',
    '': 'Er wurde vor dem Erstellen dieses PDFs nicht geprüft.',
    other: 'Er ließ sich nicht als echt bestätigen.',
  },
};

/**
 * The sentence printed under an entry's status: the engine's own, without bracketed addresses
 * or codes; where those are the heart of it, or there is none, the plain reason for the status.
 * Never a DID, a web address or an error code, and never a status other than "verified" without
 * its reason.
 */
export function statusSentenceFor(status: string, sentence: string | undefined, language: PdfLanguage = 'en'): string {
  const plain = sentence === undefined ? undefined : withoutTechnicalAsides(sentence);
  if (plain !== undefined && plain !== '') return plain;
  const reasons = plainReasons[language];
  return reasons[status] ?? reasons.other ?? '';
}

/** Dates as people read them: the day the issuer wrote, as the app shows it too (calendarDate.ts). */
export function formatDate(iso: string | undefined, locale: string): string | undefined {
  return formatCalendarDate(iso, locale, 'long');
}

/** Adds a link annotation (a URI action, or a jump to a page) over a rectangle. */
export function addLink(doc: PDFDocument, page: PDFPage, rect: { x: number; y: number; width: number; height: number }, target: string | PDFRef): void {
  const action = typeof target === 'string' ? uriAction(doc, target) : doc.context.register(doc.context.obj({ Type: 'Action', S: 'GoTo', D: [target, PDFName.of('Fit')] }));
  addActionLink(doc, page, rect, action);
}

/** A page being filled top to bottom: a cursor and the text helpers. */
export class PageWriter {
  readonly width: number;
  readonly height: number;
  readonly margin: number;
  y: number;

  constructor(
    readonly doc: PDFDocument,
    readonly page: PDFPage,
    readonly book: FontBook,
    readonly theme: Theme,
    margin: number,
    readonly bottom: number,
  ) {
    this.width = page.getWidth();
    this.height = page.getHeight();
    this.margin = margin;
    this.y = this.height - margin;
  }

  get contentWidth(): number {
    return this.width - this.margin * 2;
  }

  get remaining(): number {
    return this.y - this.bottom;
  }

  /** Draws wrapped text from the cursor's x, moving the cursor down; returns the lines drawn. */
  paragraph(text: string, style: TextStyle, options: { x?: number; width?: number; maxLines?: number; lineGap?: number; link?: string } = {}): number {
    const x = options.x ?? this.margin;
    const width = options.width ?? this.contentWidth;
    const lines = wrapText(this.book, text, style, width, options.maxLines);
    const leading = style.size * (options.lineGap ?? 1.35);
    for (const line of lines) {
      this.y -= leading;
      const drawn = drawLine(this.page, this.book, line, x, this.y + (leading - style.size) / 2 + style.size * 0.2, style);
      if (options.link !== undefined) addLink(this.doc, this.page, { x, y: this.y, width: drawn, height: leading }, options.link);
    }
    return lines.length;
  }

  rule(color: RGB = this.theme.rule, thickness = 0.6, x = this.margin, width = this.contentWidth): void {
    rule(this.page, x, this.y, x + width, this.y, thickness, color);
  }
}

/** Height a wrapped paragraph will take. */
export function paragraphHeight(book: FontBook, text: string, style: TextStyle, width: number, maxLines?: number, lineGap = 1.35): number {
  return wrapText(book, text, style, width, maxLines).length * style.size * lineGap;
}

/** A rounded rectangle (pdf-lib has none), its top-left corner at (x, top). */
export { roundedRect } from './pageOps';
