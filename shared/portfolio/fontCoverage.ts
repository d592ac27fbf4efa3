import fontkit from '@pdf-lib/fontkit';
import type { Font as FontkitFont, Subset } from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';
import type { FontBytes, FontSet } from './types';
import { toSfnt } from './woff';

/**
 * Which font prints which character. Each character goes to the first face that has a glyph
 * for it (fontkit's cmap lookup); spaces, punctuation and digits stay in the face of the text
 * around them so that an Arabic phrase stays one run (fontkit shapes and orders it as a whole).
 * A character no face covers never fails the export: see `printable`.
 */

/**
 * @pdf-lib/fontkit 1.1.1 writes a subset's `loca` table in the short format whenever the
 * subset is under 64 KB, but copies glyphs unpadded; Noto's glyphs have odd lengths (their
 * fonts use the long format), so every glyph after the first odd one came out garbled (Arabic
 * printed as stray dots). Forcing the long format costs 2 bytes a glyph and fixes it.
 */
interface SubsetInternals {
  loca: { version?: number };
  _addGlyph(glyphId: number): number;
}

const parsed = new WeakMap<Uint8Array, FontkitFont>();

/**
 * Scripts that need no shaping: one glyph per character, in order. For text made only of
 * these, layout skips fontkit's OpenType engine (GSUB/GPOS lookups on every call, the bulk
 * of export time) and maps characters through the cmap. pdf-lib uses only the glyphs of a
 * layout (it ignores GPOS positions either way), so the output differs only in that Latin
 * ligatures (fi, fl) stay two glyphs, which also keeps copied text exact. Arabic, Hebrew,
 * Indic and anything with combining marks still goes through full shaping.
 */
const simpleText = /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Common}]*$/u;
const combining = /\p{M}/u;

function fastLayout(font: FontkitFont): FontkitFont {
  const layout = font.layout.bind(font);
  font.layout = ((text: string, features?: Parameters<FontkitFont['layout']>[1]) => {
    if (!simpleText.test(text) || combining.test(text)) return layout(text, features);
    const glyphs = [];
    for (const char of text) glyphs.push(font.glyphForCodePoint(char.codePointAt(0) ?? 0));
    return { glyphs, positions: glyphs.map((glyph) => ({ xAdvance: glyph.advanceWidth, yAdvance: 0, xOffset: 0, yOffset: 0 })) };
  }) as FontkitFont['layout'];
  return font;
}

function patchSubsetting(font: FontkitFont): FontkitFont {
  const createSubset = font.createSubset.bind(font);
  font.createSubset = (): Subset => {
    const subset = createSubset();
    const internals = subset as unknown as SubsetInternals;
    const addGlyph = internals._addGlyph.bind(subset);
    internals._addGlyph = (glyphId: number): number => {
      internals.loca.version ??= 1;
      return addGlyph(glyphId);
    };
    return subset;
  };
  return font;
}

/** The fontkit to register with pdf-lib: parses each font file once, with the subsetting fix. */
export const patchedFontkit = {
  create(bytes: Uint8Array): FontkitFont {
    const sfnt = toSfnt(bytes);
    let font = parsed.get(sfnt);
    if (!font) {
      font = fastLayout(patchSubsetting(fontkit.create(sfnt)));
      parsed.set(sfnt, font);
    }
    return font;
  },
};

/**
 * One font file. Parsed on first use: the emoji font's dozen files are only read when a
 * character reaches them (most portfolios have no emoji, and parsing costs time every export).
 */
class Face {
  private parsed: { readonly sfnt: Uint8Array; readonly font: FontkitFont } | undefined;
  pdf?: PDFFont;

  constructor(private readonly bytes: Uint8Array) {}

  private get loaded(): { readonly sfnt: Uint8Array; readonly font: FontkitFont } {
    if (!this.parsed) {
      const sfnt = toSfnt(this.bytes);
      this.parsed = { sfnt, font: patchedFontkit.create(sfnt) };
    }
    return this.parsed;
  }

  get sfnt(): Uint8Array {
    return this.loaded.sfnt;
  }

  get font(): FontkitFont {
    return this.loaded.font;
  }
}

export interface TextRun {
  readonly text: string;
  readonly font: PDFFont;
}

const asList = (bytes: FontBytes | undefined): readonly Uint8Array[] => (bytes === undefined ? [] : bytes instanceof Uint8Array ? [bytes] : bytes);

/** Characters of no particular script: they join the run around them when its face covers them. */
const neutral = /^[\p{Script=Common}\p{Script=Inherited}]$/u;
const mark = /^\p{M}$/u;

const replacement = '\uFFFD';
/** Emoji and other pictographs: left out when no face draws them (a box in their place says nothing). */
const pictograph = /^\p{Extended_Pictographic}$/u;

export class FontBook {
  private readonly faces: Face[] = [];
  private readonly regular: Face[];
  private readonly bold: Face[];
  private readonly coverage = [new Map<number, number>(), new Map<number, number>()];
  private readonly widths = new Map<string, number>();

  constructor(
    private readonly doc: PDFDocument,
    set: FontSet,
  ) {
    doc.registerFontkit(patchedFontkit);
    const faceOf = new Map<Uint8Array, Face>();
    const faces = (list: FontBytes | undefined): Face[] =>
      asList(list).map((bytes) => {
        let face = faceOf.get(bytes);
        if (!face) {
          face = new Face(bytes);
          faceOf.set(bytes, face);
          this.faces.push(face);
        }
        return face;
      });
    const regular = faces(set.regular);
    const bold = faces(set.bold);
    if (regular.length === 0) throw new Error('The font set has no regular font.');
    // Emoji last: digits, #, © and arrows, which the emoji font also has, stay in the text's font.
    const fallbacks = [...faces(set.cjk), ...faces(set.arabic), ...faces(set.hebrew), ...faces(set.emoji)];
    this.regular = [...regular, ...fallbacks];
    this.bold = [...(bold.length > 0 ? bold : regular), ...regular, ...fallbacks];
  }

  private list(bold: boolean): Face[] {
    return bold ? this.bold : this.regular;
  }

  /** Index in the weight's face list of the first face with a glyph for `codePoint`, or -1. */
  private faceFor(codePoint: number, bold: boolean): number {
    const cache = this.coverage[bold ? 1 : 0] ?? new Map<number, number>();
    let index = cache.get(codePoint);
    if (index === undefined) {
      index = this.list(bold).findIndex((face) => face.font.hasGlyphForCodePoint(codePoint));
      cache.set(codePoint, index);
    }
    return index;
  }

  /** Embeds (as subsets) every face that `text` needs in this weight. Call before drawing it. */
  async prepare(text: string, bold: boolean): Promise<void> {
    const needed = new Set<number>();
    for (const char of text) needed.add(this.faceFor(char.codePointAt(0) ?? 0, bold));
    needed.add(this.faceFor(replacement.codePointAt(0) ?? 0, bold));
    needed.add(0);
    const list = this.list(bold);
    for (const index of needed) {
      const face = list[index];
      if (face && !face.pdf) face.pdf = await this.doc.embedFont(face.sfnt, { subset: true });
    }
  }

  /** `text` split into runs of one font each; characters no embedded face covers become U+FFFD (or `?`). */
  runs(text: string, bold: boolean): TextRun[] {
    const list = this.list(bold);
    const runs: { text: string; face: Face; font: PDFFont }[] = [];
    let current: Face | undefined;
    for (const char of text) {
      const codePoint = char.codePointAt(0) ?? 0;
      let face: Face | undefined;
      let printed = char;
      if (current?.pdf && (mark.test(char) || neutral.test(char)) && current.font.hasGlyphForCodePoint(codePoint)) {
        face = current;
      } else {
        face = list[this.faceFor(codePoint, bold)];
        if (!face?.pdf && pictograph.test(char)) continue;
        if (!face?.pdf) {
          face = list[this.faceFor(replacement.codePointAt(0) ?? 0, bold)];
          printed = face?.pdf ? replacement : '?';
          face = face?.pdf ? face : list[0];
        }
      }
      const font = face?.pdf;
      if (!face || !font) continue;
      const last = runs[runs.length - 1];
      if (last?.face === face) last.text += printed;
      else runs.push({ text: printed, face, font });
      current = face;
    }
    return runs.map((run) => ({ text: run.text, font: run.font }));
  }

  /** Width of `text` in points at `size`, with the fonts `runs` picks. */
  widthOf(text: string, bold: boolean, size: number): number {
    const key = `${bold ? 'b' : 'r'}${text}`;
    let width = this.widths.get(key);
    if (width === undefined) {
      width = 0;
      for (const run of this.runs(text, bold)) width += run.font.widthOfTextAtSize(run.text, 1000);
      if (this.widths.size > 50_000) this.widths.clear();
      this.widths.set(key, width);
    }
    return (width * size) / 1000;
  }
}
