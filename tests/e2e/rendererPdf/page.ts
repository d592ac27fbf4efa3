import { bytesToBase64 } from '../../../shared/encoding/base64';
import { buildPortfolioInRenderer, type RendererPortfolioInput } from '../../../renderer/src/portfolio/buildPortfolioInRenderer';
import { fromWire } from './wire';

/**
 * Test-only entry (never part of the app's bundle): exposes the renderer's portfolio builder
 * to the spec, which sends generated credentials and checks the PDF that comes back.
 */

export interface PageBuildResult {
  /** The PDF, base64. */
  readonly pdf: string;
  readonly milliseconds: number;
}

declare global {
  interface Window {
    buildPortfolioForTest?: (wire: string) => Promise<PageBuildResult>;
  }
}

window.buildPortfolioForTest = async (wire: string): Promise<PageBuildResult> => {
  const input = fromWire(wire) as RendererPortfolioInput;
  const started = performance.now();
  const pdf = await buildPortfolioInRenderer(input);
  return { pdf: bytesToBase64(pdf), milliseconds: performance.now() - started };
};
