import type { PDFDict } from 'pdf-lib';
import { fontText, type FontText } from './pdfFontText';
import type { PdfObjects } from './pdfObjects';
import type { PdfPage } from './pdfPages';
import { decodeStreamData } from './pdfStreams';

/**
 * The words on a certificate's first pages, in the order they are drawn, one line per text
 * line: what a self-reported entry's date is read from ("issued on 12 March 2024"). Only the
 * text operators are followed (no layout, no rendering); bounded in pages, bytes and length,
 * so a hostile file costs little. Anything unreadable is skipped: the text may be partial.
 */

/** A certificate's date is on its first page or two. */
const maxPages = 3;
/** Decoded content per page (a page of text is tens of KB; drawings can be more). */
const maxContentBytes = 4 * 1024 * 1024;
/** Plenty for any certificate's wording. */
const maxTextLength = 20_000;
/** Form XObjects (a template's text block) inside forms. */
const maxFormDepth = 3;

type Token =
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'string'; readonly bytes: Uint8Array }
  | { readonly kind: 'name'; readonly value: string }
  | { readonly kind: 'array'; readonly items: Token[] }
  | { readonly kind: 'other' };

const latin1 = new TextDecoder('latin1');
/** A literal string's escapes: \n, \r, \t, \b, \f (any other escaped byte stands for itself). */
const escapes: Readonly<Record<number, number>> = { 0x6e: 0x0a, 0x72: 0x0d, 0x74: 0x09, 0x62: 0x08, 0x66: 0x0c };

const isWhite = (byte: number): boolean => byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09 || byte === 0x0c || byte === 0x00;
const isDelimiter = (byte: number): boolean => '()<>[]{}/%'.includes(String.fromCharCode(byte));

/** A tokenizer over a content stream, just enough of PDF's syntax for the text operators. */
class ContentReader {
  private at = 0;
  constructor(private readonly data: Uint8Array) {}

  /** The next operator with its operands, or undefined at the end. */
  next(): { operator: string; operands: Token[] } | undefined {
    const operands: Token[] = [];
    for (;;) {
      const token = this.token();
      if (token === undefined) return undefined;
      if (typeof token === 'string') {
        if (token === 'BI') this.skipInlineImage();
        return { operator: token, operands };
      }
      // Operands pile up only so far: a stream of numbers with no operator is not text.
      if (operands.length < 64) operands.push(token);
    }
  }

  /** A token, or an operator's name as a plain string. */
  private token(): Token | string | undefined {
    const data = this.data;
    for (;;) {
      while (this.at < data.length && isWhite(data[this.at] ?? 0)) this.at += 1;
      if (this.at >= data.length) return undefined;
      if (data[this.at] !== 0x25) break;
      while (this.at < data.length && data[this.at] !== 0x0a && data[this.at] !== 0x0d) this.at += 1;
    }
    const byte = data[this.at] ?? 0;
    if (byte === 0x28) return this.literalString();
    if (byte === 0x3c) {
      if (data[this.at + 1] === 0x3c) {
        this.at += 2;
        return { kind: 'other' };
      }
      return this.hexString();
    }
    if (byte === 0x3e) {
      this.at += data[this.at + 1] === 0x3e ? 2 : 1;
      return { kind: 'other' };
    }
    if (byte === 0x5b) {
      this.at += 1;
      const items: Token[] = [];
      for (;;) {
        const item = this.token();
        if (item === undefined || item === ']') break;
        if (typeof item !== 'string' && items.length < 10_000) items.push(item);
      }
      return { kind: 'array', items };
    }
    if (byte === 0x5d) {
      this.at += 1;
      return ']';
    }
    if (byte === 0x2f) {
      this.at += 1;
      return { kind: 'name', value: this.word() };
    }
    if (byte === 0x7b || byte === 0x7d) {
      this.at += 1;
      return { kind: 'other' };
    }
    const word = this.word();
    if (word === '') {
      this.at += 1;
      return { kind: 'other' };
    }
    const number = Number(word);
    return /^[+-]?(\d+\.?\d*|\.\d+)$/.test(word) && Number.isFinite(number) ? { kind: 'number', value: number } : word;
  }

  private word(): string {
    const start = this.at;
    while (this.at < this.data.length && !isWhite(this.data[this.at] ?? 0) && !isDelimiter(this.data[this.at] ?? 0)) this.at += 1;
    return latin1.decode(this.data.subarray(start, this.at));
  }

  private literalString(): Token {
    const data = this.data;
    const out: number[] = [];
    let depth = 1;
    this.at += 1;
    while (this.at < data.length) {
      const byte = data[this.at++] ?? 0;
      if (byte === 0x5c) {
        const next = data[this.at++] ?? 0;
        if (next >= 0x30 && next <= 0x37) {
          let value = next - 0x30;
          for (let digits = 1; digits < 3 && (data[this.at] ?? 0) >= 0x30 && (data[this.at] ?? 0) <= 0x37; digits += 1) value = value * 8 + ((data[this.at++] ?? 0) - 0x30);
          out.push(value & 0xff);
        } else if (next === 0x0d) {
          if (data[this.at] === 0x0a) this.at += 1;
        } else if (next !== 0x0a) out.push(escapes[next] ?? next);
        continue;
      }
      if (byte === 0x28) depth += 1;
      if (byte === 0x29 && --depth === 0) break;
      out.push(byte);
    }
    return { kind: 'string', bytes: Uint8Array.from(out) };
  }

  private hexString(): Token {
    const data = this.data;
    this.at += 1;
    let digits = '';
    while (this.at < data.length && data[this.at] !== 0x3e) {
      const char = String.fromCharCode(data[this.at++] ?? 0);
      if (/[0-9A-Fa-f]/.test(char)) digits += char;
    }
    this.at += 1;
    if (digits.length % 2 === 1) digits += '0';
    const bytes = new Uint8Array(digits.length / 2);
    for (let index = 0; index < bytes.length; index += 1) bytes[index] = parseInt(digits.slice(index * 2, index * 2 + 2), 16);
    return { kind: 'string', bytes };
  }

  /** Inline image data is binary: skipped up to its EI. */
  private skipInlineImage(): void {
    const data = this.data;
    while (this.at + 1 < data.length && !(data[this.at] === 0x49 && data[this.at + 1] === 0x44 && isWhite(data[this.at + 2] ?? 0x20))) this.at += 1;
    this.at += 3;
    while (
      this.at + 1 < data.length &&
      !(isWhite(data[this.at - 1] ?? 0) && data[this.at] === 0x45 && data[this.at + 1] === 0x49 && (this.at + 2 >= data.length || isWhite(data[this.at + 2] ?? 0)))
    )
      this.at += 1;
    this.at += 2;
  }
}

/** Kerning in a TJ array wider than this (thousandths of the font size) stands for a space. */
const spaceKerning = 200;

class TextCollector {
  text = '';
  /**
   * The largest text size drawn on each line of `text` (0 where unknown): a certificate's
   * title is set large (textTitle.ts). The font size times the text matrix's scale; the page's
   * own transformation (rarely used to scale text) is not followed.
   */
  readonly sizes: number[] = [0];
  private fontSize = 0;
  private scale = 1;
  private readonly fonts = new Map<PDFDict, FontText>();

  constructor(private readonly objects: PdfObjects) {}

  full(): boolean {
    return this.text.length >= maxTextLength;
  }

  private append(piece: string): void {
    // A line break inside a string is a space: lines are the text operators' (their sizes are counted per line).
    // eslint-disable-next-line no-control-regex -- control characters from a hostile font map are dropped
    const clean = piece.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '').replace(/[\n\r]/g, ' ');
    this.text += clean;
    const last = this.sizes.length - 1;
    if (clean.trim() !== '') this.sizes[last] = Math.max(this.sizes[last] ?? 0, this.fontSize * this.scale);
  }

  /** Ends the line being collected (the page's end too: readPageText). */
  breakLine(): void {
    if (this.text !== '' && !this.text.endsWith('\n')) {
      this.text += '\n';
      this.sizes.push(0);
    }
  }

  private space(): void {
    if (this.text !== '' && !/\s$/.test(this.text)) this.text += ' ';
  }

  private fontFor(resources: PDFDict | undefined, name: string): FontText | undefined {
    const font = this.objects.dict(this.objects.get(this.objects.dict(this.objects.get(resources, 'Font')), name));
    if (!font) return undefined;
    let reader = this.fonts.get(font);
    if (!reader) {
      reader = fontText(this.objects, font);
      this.fonts.set(font, reader);
    }
    return reader;
  }

  /** Reads one content stream's text, following form XObjects it draws. */
  read(data: Uint8Array, resources: PDFDict | undefined, depth: number, seen: Set<PDFDict>): void {
    const reader = new ContentReader(data);
    let font: FontText | undefined;
    let lineY: number | undefined;
    for (let operation = reader.next(); operation && !this.full(); operation = reader.next()) {
      const { operator, operands } = operation;
      const last = operands[operands.length - 1];
      switch (operator) {
        case 'BT':
        case 'ET':
          this.breakLine();
          lineY = undefined;
          break;
        case 'Tf': {
          const name = operands[0];
          font = name?.kind === 'name' ? this.fontFor(resources, name.value) : undefined;
          const size = operands[1];
          this.fontSize = size?.kind === 'number' ? Math.abs(size.value) : 0;
          break;
        }
        case 'Td':
        case 'TD': {
          const ty = operands[1];
          if (ty?.kind === 'number' && ty.value !== 0) this.breakLine();
          else this.space();
          break;
        }
        case 'Tm': {
          const [a, b] = operands;
          if (a?.kind === 'number' && b?.kind === 'number') this.scale = Math.hypot(a.value, b.value);
          const y = operands[5];
          const next = y?.kind === 'number' ? y.value : undefined;
          if (lineY !== undefined && next !== undefined && Math.abs(next - lineY) > 0.5) this.breakLine();
          else this.space();
          lineY = next;
          break;
        }
        case 'T*':
          this.breakLine();
          break;
        case 'Tj':
        case "'":
        case '"':
          if (operator !== 'Tj') this.breakLine();
          if (font && last?.kind === 'string') this.append(font.decode(last.bytes));
          break;
        case 'TJ':
          if (font && last?.kind === 'array') {
            for (const item of last.items) {
              if (item.kind === 'string') this.append(font.decode(item.bytes));
              else if (item.kind === 'number' && item.value < -spaceKerning) this.space();
            }
          }
          break;
        case 'Do':
          if (depth < maxFormDepth && last?.kind === 'name') this.form(resources, last.value, depth, seen);
          break;
        default:
          break;
      }
    }
  }

  private form(resources: PDFDict | undefined, name: string, depth: number, seen: Set<PDFDict>): void {
    const stream = this.objects.stream(this.objects.get(this.objects.dict(this.objects.get(resources, 'XObject')), name));
    if (!stream || seen.has(stream.dict) || this.objects.name(this.objects.get(stream.dict, 'Subtype')) !== 'Form') return;
    seen.add(stream.dict);
    const data = decodeStreamData(this.objects, stream, maxContentBytes, 'truncate');
    if (data.kind !== 'data') return;
    this.breakLine();
    this.read(data.bytes, this.objects.dict(this.objects.get(stream.dict, 'Resources')) ?? resources, depth + 1, seen);
    this.breakLine();
  }
}

/** The text of the first pages, lines separated by newlines (see above). */
export function readPageText(objects: PdfObjects, pages: readonly PdfPage[]): string {
  return readPageLines(objects, pages).text;
}

/** The text of the first pages, and the largest text size on each of its lines (`text.split('\n')`). */
export function readPageLines(objects: PdfObjects, pages: readonly PdfPage[]): { text: string; sizes: readonly number[] } {
  const collector = new TextCollector(objects);
  for (const page of pages.slice(0, maxPages)) {
    let budget = maxContentBytes;
    for (const item of objects.items(objects.get(page.dict, 'Contents'))) {
      const stream = objects.stream(item);
      if (!stream || budget <= 0 || collector.full()) continue;
      const data = decodeStreamData(objects, stream, budget, 'truncate');
      if (data.kind !== 'data') continue;
      budget -= data.bytes.length;
      // Content split over several streams may break anywhere: each is read on its own, which
      // loses at most the operator across the cut.
      collector.read(data.bytes, page.resources, 0, new Set());
    }
    collector.text += '\n';
    collector.sizes.push(0);
  }
  const text = collector.text.slice(0, maxTextLength);
  return { text, sizes: collector.sizes.slice(0, text.split('\n').length) };
}
