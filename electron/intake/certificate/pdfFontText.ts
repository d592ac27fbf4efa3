import type { PDFDict } from 'pdf-lib';
import type { PdfObjects } from './pdfObjects';
import { decodeStreamData } from './pdfStreams';

/**
 * Turns the bytes a PDF shows with a font back into text: through the font's ToUnicode map
 * when it has one (what PDF writers add for exactly this), else through its simple encoding
 * (WinAnsi, MacRoman, Standard) with its /Differences by glyph name. A code nothing maps is
 * dropped rather than guessed: the text is read for a date and words, not reproduced.
 */
export interface FontText {
  /** How many bytes one character code takes: 2 for a composite (Type0) font, else 1. */
  readonly codeBytes: 1 | 2;
  decode(bytes: Uint8Array): string;
}

/** A ToUnicode CMap is small; a bound on a hostile one. */
const maxCmapBytes = 1024 * 1024;
const maxCmapEntries = 65_536;

/** Windows-1252's 0x80–0x9F (the rest of WinAnsi is Latin-1); unmapped codes are empty. */
const winAnsiHigh = '€\u0000‚ƒ„…†‡ˆ‰Š‹Œ\u0000Ž\u0000\u0000‘’“”•–—˜™š›œ\u0000žŸ';

function winAnsi(code: number): string {
  if (code >= 0x80 && code <= 0x9f) {
    const char = winAnsiHigh[code - 0x80] ?? '';
    return char === '\u0000' ? '' : char;
  }
  if (code < 0x20) return '';
  return String.fromCharCode(code);
}

let macRomanDecoder: TextDecoder | null | undefined;
function macRoman(code: number): string {
  if (code < 0x80) return code < 0x20 ? '' : String.fromCharCode(code);
  if (macRomanDecoder === undefined) {
    try {
      macRomanDecoder = new TextDecoder('macintosh');
    } catch {
      // A runtime without the legacy encodings: the accented letters are lost, ASCII is not.
      macRomanDecoder = null;
    }
  }
  return macRomanDecoder ? macRomanDecoder.decode(new Uint8Array([code])) : '';
}

const accents: Readonly<Record<string, string>> = {
  acute: '\u0301',
  grave: '\u0300',
  circumflex: '\u0302',
  dieresis: '\u0308',
  tilde: '\u0303',
  ring: '\u030a',
  cedilla: '\u0327',
  caron: '\u030c',
};

const glyphNames: Readonly<Record<string, string>> = {
  space: ' ',
  nbspace: ' ',
  period: '.',
  comma: ',',
  colon: ':',
  semicolon: ';',
  hyphen: '-',
  minus: '-',
  endash: '–',
  emdash: '—',
  slash: '/',
  backslash: '\\',
  parenleft: '(',
  parenright: ')',
  bracketleft: '[',
  bracketright: ']',
  quoteright: '’',
  quoteleft: '‘',
  quotedblleft: '“',
  quotedblright: '”',
  quotedblbase: '„',
  quotedbl: '"',
  quotesingle: "'",
  ampersand: '&',
  at: '@',
  numbersign: '#',
  percent: '%',
  plus: '+',
  equal: '=',
  underscore: '_',
  exclam: '!',
  question: '?',
  asterisk: '*',
  bullet: '•',
  germandbls: 'ß',
  ae: 'æ',
  AE: 'Æ',
  oslash: 'ø',
  Oslash: 'Ø',
  fi: 'fi',
  fl: 'fl',
  ordinal: '',
  zero: '0',
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
};

/** A glyph name as Unicode: the Adobe Glyph List's rules for the names certificates use. */
export function glyphNameText(name: string): string {
  const base = name.split('.')[0] ?? '';
  if (/^[A-Za-z]$/.test(base)) return base;
  const known = glyphNames[base];
  if (known !== undefined) return known;
  const uni = /^uni([0-9A-F]{4})$/.exec(base) ?? /^u([0-9A-F]{4,6})$/.exec(base);
  if (uni?.[1]) {
    const code = parseInt(uni[1], 16);
    return code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : '';
  }
  const accented = /^([A-Za-z])(acute|grave|circumflex|dieresis|tilde|ring|cedilla|caron)$/.exec(base);
  if (accented?.[1] && accented[2]) return `${accented[1]}${accents[accented[2]] ?? ''}`.normalize('NFC');
  return '';
}

/** Reads a ToUnicode CMap's bfchar and bfrange entries, and whether its codes take two bytes. */
export function parseToUnicode(text: string): { map: Map<number, string>; codeBytes: 1 | 2 } {
  const map = new Map<number, string>();
  const utf16 = (hex: string): string => {
    const units: number[] = [];
    for (let at = 0; at + 4 <= hex.length; at += 4) units.push(parseInt(hex.slice(at, at + 4), 16));
    if (hex.length === 2) units.push(parseInt(hex, 16));
    return String.fromCharCode(...units);
  };
  let codeBytes: 1 | 2 = 1;
  const space = /begincodespacerange\s*<([0-9A-Fa-f]+)>/.exec(text);
  if (space?.[1] && space[1].length >= 4) codeBytes = 2;
  for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const entry of (block[1] ?? '').matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>/g)) {
      if (map.size >= maxCmapEntries) break;
      const source = entry[1] ?? '';
      if (source.length >= 4) codeBytes = 2;
      map.set(parseInt(source, 16), utf16(entry[2] ?? ''));
    }
  }
  for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const entry of (block[1] ?? '').matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]*>|\[[^\]]*\])/g)) {
      const low = parseInt(entry[1] ?? '', 16);
      const high = Math.min(parseInt(entry[2] ?? '', 16), low + maxCmapEntries);
      if ((entry[1] ?? '').length >= 4) codeBytes = 2;
      const target = entry[3] ?? '';
      if (target.startsWith('[')) {
        const items = [...target.matchAll(/<([0-9A-Fa-f]*)>/g)].map((m) => utf16(m[1] ?? ''));
        for (let code = low; code <= high && map.size < maxCmapEntries; code += 1) map.set(code, items[code - low] ?? '');
      } else {
        const hex = target.slice(1, -1);
        const first = utf16(hex);
        // The last UTF-16 unit counts up through the range.
        const stem = first.slice(0, -1);
        const last = first.charCodeAt(first.length - 1);
        for (let code = low; code <= high && map.size < maxCmapEntries; code += 1) map.set(code, stem + String.fromCharCode(last + code - low));
      }
    }
  }
  return { map, codeBytes };
}

/** How one font's codes read as text (see FontText). */
export function fontText(objects: PdfObjects, font: PDFDict): FontText {
  const composite = objects.name(objects.get(font, 'Subtype')) === 'Type0';
  let unicode: Map<number, string> | undefined;
  let codeBytes: 1 | 2 = composite ? 2 : 1;
  const cmap = objects.stream(objects.get(font, 'ToUnicode'));
  if (cmap) {
    const data = decodeStreamData(objects, cmap, maxCmapBytes, 'truncate');
    if (data.kind === 'data') {
      const parsed = parseToUnicode(new TextDecoder('latin1').decode(data.bytes));
      unicode = parsed.map;
      if (composite) codeBytes = parsed.codeBytes;
    }
  }
  // A simple font's encoding: a base encoding and the codes it renames.
  const encoding = objects.get(font, 'Encoding');
  const baseName = objects.name(encoding) ?? objects.name(objects.get(objects.dict(encoding), 'BaseEncoding'));
  const base = baseName === 'MacRomanEncoding' ? macRoman : winAnsi;
  const differences = new Map<number, string>();
  let code = 0;
  for (const item of objects.items(objects.get(objects.dict(encoding), 'Differences'))) {
    const number = objects.number(item);
    if (number !== undefined) code = number;
    else {
      const name = objects.name(item);
      if (name !== undefined) differences.set(code++, glyphNameText(name));
    }
  }
  return {
    codeBytes,
    decode(bytes) {
      let text = '';
      for (let at = 0; at + codeBytes <= bytes.length; at += codeBytes) {
        const value = codeBytes === 2 ? ((bytes[at] ?? 0) << 8) | (bytes[at + 1] ?? 0) : (bytes[at] ?? 0);
        const mapped = unicode?.get(value);
        if (mapped !== undefined) text += mapped;
        else if (!composite) text += differences.get(value) ?? base(value);
      }
      return text;
    },
  };
}
