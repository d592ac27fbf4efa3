import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { FontSet } from '../../shared/portfolio/types';

/**
 * The Noto fonts for PDF export, read from the @fontsource packages (WOFF 1 files, one per
 * Unicode range: @pdf-lib/fontkit cannot subset their WOFF2 twins). Latin, Latin Extended,
 * Greek, Cyrillic and Vietnamese in regular and bold; Simplified Chinese (which also covers
 * Japanese kana), Arabic and Hebrew in regular; Noto Emoji (monochrome: a PDF cannot rely on
 * colour emoji fonts) for pictographs in names. Read once per process.
 */

// Not named `require`: bundled into the main process, it would clash with the bundle's own shim.
const requireFromHere = createRequire(import.meta.url);
const textRanges = ['latin', 'latin-ext', 'greek', 'greek-ext', 'cyrillic', 'cyrillic-ext', 'vietnamese'];
/** @fontsource splits Noto Emoji into numbered slices and one named `emoji`; together they are the whole font. */
const emojiSlices = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10', 'emoji'];

function filesDir(pkg: string): string {
  return path.join(path.dirname(requireFromHere.resolve(`${pkg}/package.json`)), 'files');
}

/** Which file of which package fills each slot of the font set (the renderer loads the same files). */
export const fontFiles = {
  regular: textRanges.map((range) => ['@fontsource/noto-sans', `noto-sans-${range}-400-normal.woff`] as const),
  bold: textRanges.map((range) => ['@fontsource/noto-sans', `noto-sans-${range}-700-normal.woff`] as const),
  cjk: ['@fontsource/noto-sans-sc', 'noto-sans-sc-chinese-simplified-400-normal.woff'],
  arabic: ['@fontsource/noto-sans-arabic', 'noto-sans-arabic-arabic-400-normal.woff'],
  hebrew: ['@fontsource/noto-sans-hebrew', 'noto-sans-hebrew-hebrew-400-normal.woff'],
  emoji: emojiSlices.map((slice) => ['@fontsource/noto-emoji', `noto-emoji-${slice}-400-normal.woff`] as const),
} as const;

let cached: FontSet | undefined;

export function loadFontSet(): FontSet {
  if (cached) return cached;
  const read = ([pkg, name]: readonly [string, string]): Uint8Array => new Uint8Array(readFileSync(path.join(filesDir(pkg), name)));
  cached = {
    regular: fontFiles.regular.map(read),
    bold: fontFiles.bold.map(read),
    cjk: read(fontFiles.cjk),
    arabic: read(fontFiles.arabic),
    hebrew: read(fontFiles.hebrew),
    emoji: fontFiles.emoji.map(read),
  };
  return cached;
}
