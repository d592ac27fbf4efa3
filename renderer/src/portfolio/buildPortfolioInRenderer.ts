import { sha256Hex } from '../../../shared/portfolio/sha256';
import type { ImageTarget, PortfolioInput, PortfolioOptions, PreparedImage } from '../../../shared/portfolio/types';
import { loadFontSet } from './fontFiles';
import { prepareImageInRenderer } from './prepareImage';

/**
 * The portfolio PDF built in the renderer, for the live preview before saving: the same shared
 * builder as the command line, with the fonts fetched from the app's own assets and images
 * prepared on a canvas. Everything but fonts and image preparation comes from the caller.
 *
 * The builder (pdf-lib, fontkit, qrcode: about 2 MB of script) is imported on first use, so it
 * is a chunk of its own that the app loads when a preview is first asked for, not at start.
 */

export type RendererPortfolioInput = Omit<PortfolioInput, 'options'> & {
  readonly options: Omit<PortfolioOptions, 'fonts' | 'prepareImage'>;
};

/**
 * Prepared images by target and SHA-256 of the original, kept across builds: a preview is
 * rebuilt whenever the recipient, paper or selection changes, and the same badges need not be
 * decoded and scaled again. Bounded; the oldest entries go first.
 */
const preparedImages = new Map<string, Promise<PreparedImage | null>>();
const maxPreparedImages = 400;

async function prepareCached(image: { readonly bytes: Uint8Array; readonly mediaType: string }, target: ImageTarget): Promise<PreparedImage | null> {
  const key = `${String(target.maxPixels)}:${String(target.maxBytes)}:${await sha256Hex(image.bytes)}`;
  let prepared = preparedImages.get(key);
  if (prepared) {
    // Most recently used last, so that eviction takes the least recently used.
    preparedImages.delete(key);
  } else {
    prepared = prepareImageInRenderer(image, target);
  }
  preparedImages.set(key, prepared);
  for (const oldest of preparedImages.keys()) {
    if (preparedImages.size <= maxPreparedImages) break;
    preparedImages.delete(oldest);
  }
  return prepared;
}

export async function buildPortfolioInRenderer(input: RendererPortfolioInput): Promise<Uint8Array> {
  const [fonts, { buildPortfolioPdf }] = await Promise.all([loadFontSet(), import('../../../shared/portfolio/portfolioPdf')]);
  return buildPortfolioPdf({ ...input, options: { ...input.options, fonts, prepareImage: prepareCached } });
}
