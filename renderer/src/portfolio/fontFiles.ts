/// <reference types="vite/client" />
import { FontLoadError } from './fontLoadError';
import latin400 from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff?url';
import latinExt400 from '@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff?url';
import greek400 from '@fontsource/noto-sans/files/noto-sans-greek-400-normal.woff?url';
import greekExt400 from '@fontsource/noto-sans/files/noto-sans-greek-ext-400-normal.woff?url';
import cyrillic400 from '@fontsource/noto-sans/files/noto-sans-cyrillic-400-normal.woff?url';
import cyrillicExt400 from '@fontsource/noto-sans/files/noto-sans-cyrillic-ext-400-normal.woff?url';
import vietnamese400 from '@fontsource/noto-sans/files/noto-sans-vietnamese-400-normal.woff?url';
import latin700 from '@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff?url';
import latinExt700 from '@fontsource/noto-sans/files/noto-sans-latin-ext-700-normal.woff?url';
import greek700 from '@fontsource/noto-sans/files/noto-sans-greek-700-normal.woff?url';
import greekExt700 from '@fontsource/noto-sans/files/noto-sans-greek-ext-700-normal.woff?url';
import cyrillic700 from '@fontsource/noto-sans/files/noto-sans-cyrillic-700-normal.woff?url';
import cyrillicExt700 from '@fontsource/noto-sans/files/noto-sans-cyrillic-ext-700-normal.woff?url';
import vietnamese700 from '@fontsource/noto-sans/files/noto-sans-vietnamese-700-normal.woff?url';
import chineseSimplified400 from '@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-400-normal.woff?url';
import arabic400 from '@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-400-normal.woff?url';
import hebrew400 from '@fontsource/noto-sans-hebrew/files/noto-sans-hebrew-hebrew-400-normal.woff?url';
import emoji0_400 from '@fontsource/noto-emoji/files/noto-emoji-0-400-normal.woff?url';
import emoji1_400 from '@fontsource/noto-emoji/files/noto-emoji-1-400-normal.woff?url';
import emoji2_400 from '@fontsource/noto-emoji/files/noto-emoji-2-400-normal.woff?url';
import emoji3_400 from '@fontsource/noto-emoji/files/noto-emoji-3-400-normal.woff?url';
import emoji4_400 from '@fontsource/noto-emoji/files/noto-emoji-4-400-normal.woff?url';
import emoji5_400 from '@fontsource/noto-emoji/files/noto-emoji-5-400-normal.woff?url';
import emoji6_400 from '@fontsource/noto-emoji/files/noto-emoji-6-400-normal.woff?url';
import emoji7_400 from '@fontsource/noto-emoji/files/noto-emoji-7-400-normal.woff?url';
import emoji8_400 from '@fontsource/noto-emoji/files/noto-emoji-8-400-normal.woff?url';
import emoji9_400 from '@fontsource/noto-emoji/files/noto-emoji-9-400-normal.woff?url';
import emoji10_400 from '@fontsource/noto-emoji/files/noto-emoji-10-400-normal.woff?url';
import emojiEmoji400 from '@fontsource/noto-emoji/files/noto-emoji-emoji-400-normal.woff?url';
import type { FontSet } from '../../../shared/portfolio/types';

/**
 * The PDF fonts in the renderer: the same @fontsource WOFF 1 files as the command line reads
 * from node_modules (electron/portfolio/fontFiles.ts), in the same order, so that both build
 * the same PDF. Vite copies them into the app's own assets; they are fetched from the app's
 * origin (the Content-Security-Policy allows nothing else) and kept for the session: the first
 * preview pays about 3 MB of reading (1.2 MB of it Noto Emoji), later ones nothing.
 */

/** The URL of each file, slot by slot in the command line's order (tests/unit/portfolio checks they match). */
export const fontFileUrls = {
  regular: [latin400, latinExt400, greek400, greekExt400, cyrillic400, cyrillicExt400, vietnamese400],
  bold: [latin700, latinExt700, greek700, greekExt700, cyrillic700, cyrillicExt700, vietnamese700],
  cjk: chineseSimplified400,
  arabic: arabic400,
  hebrew: hebrew400,
  emoji: [emoji0_400, emoji1_400, emoji2_400, emoji3_400, emoji4_400, emoji5_400, emoji6_400, emoji7_400, emoji8_400, emoji9_400, emoji10_400, emojiEmoji400],
};

export { FontLoadError } from './fontLoadError';

async function fetchFont(url: string): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch (cause) {
    throw new FontLoadError(url, { kind: 'unreachable', detail: cause instanceof Error ? cause.message : String(cause) });
  }
  if (!response.ok) throw new FontLoadError(url, { kind: 'status', status: response.status });
  const bytes = new Uint8Array(await response.arrayBuffer());
  // A wrong answer (an HTML error page, a truncated file) must fail here, not inside fontkit.
  if (bytes.length < 44 || String.fromCharCode(...bytes.subarray(0, 4)) !== 'wOFF') throw new FontLoadError(url, { kind: 'not-woff' });
  return bytes;
}

let cached: Promise<FontSet> | undefined;

/** The font set for buildPortfolioPdf, fetched once per session (a failed load is retried next time). */
export function loadFontSet(): Promise<FontSet> {
  if (!cached) {
    const loading = (async (): Promise<FontSet> => {
      const [regular, bold, cjk, arabic, hebrew, emoji] = await Promise.all([
        Promise.all(fontFileUrls.regular.map(fetchFont)),
        Promise.all(fontFileUrls.bold.map(fetchFont)),
        fetchFont(fontFileUrls.cjk),
        fetchFont(fontFileUrls.arabic),
        fetchFont(fontFileUrls.hebrew),
        Promise.all(fontFileUrls.emoji.map(fetchFont)),
      ]);
      return { regular, bold, cjk, arabic, hebrew, emoji };
    })();
    cached = loading;
    loading.catch(() => {
      if (cached === loading) cached = undefined;
    });
  }
  return cached;
}
