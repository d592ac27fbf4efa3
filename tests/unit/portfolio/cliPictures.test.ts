import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { prepareImageNode } from '../../../electron/portfolio/prepareImage';
import { dataUrl, solidGif, solidSvg, solidWebp, type Rgb } from '../../support/badgePictures';
import { runBin } from '../../support/cliRun';
import { generateEd25519Issuer, makeIssuerProfile, makeOb3Credential, signDataIntegrity } from '../../support/credentials';
import { renderPages } from '../../support/pdfTools';

/**
 * A portfolio PDF made by the command line shows a badge's picture whatever its format: SVG,
 * GIF and WebP pictures (which pdf-lib cannot embed) are drawn, not replaced by initials. Each
 * picture is one solid colour; the page, rendered by poppler, must hold a picture-sized patch
 * of each (initials are drawn in the theme's colours, not these).
 */

const red: Rgb = [214, 24, 64];
const green: Rgb = [24, 170, 40];
const blue: Rgb = [32, 48, 226];

/** Pixels within a small distance of `colour` (JPEG re-encoding and smoothing move colours a little). */
function pixelsNear(png: PNG, colour: Rgb, tolerance = 28): number {
  let count = 0;
  for (let at = 0; at < png.data.length; at += 4) {
    if (
      Math.abs((png.data[at] ?? 0) - colour[0]) <= tolerance &&
      Math.abs((png.data[at + 1] ?? 0) - colour[1]) <= tolerance &&
      Math.abs((png.data[at + 2] ?? 0) - colour[2]) <= tolerance
    )
      count++;
  }
  return count;
}

describe('pictures Node had no decoder for', () => {
  it('draws SVG, the first frame of a GIF, and WebP; refuses oversized and damaged files', async () => {
    const target = { maxPixels: 160, maxBytes: 24 * 1024 };
    const svg = solidSvg(red);
    for (const [bytes, colour] of [
      [svg, red],
      [solidGif(green), green],
      [await solidWebp(blue), blue],
    ] as const) {
      const prepared = await prepareImageNode({ bytes, mediaType: '' }, target);
      expect(prepared?.mediaType).toBe('image/png');
      const png = PNG.sync.read(Buffer.from(prepared?.bytes ?? new Uint8Array()));
      // Vectors are drawn at the target's size; raster pictures are never enlarged.
      expect(Math.max(png.width, png.height)).toBe(bytes === svg ? 160 : 64);
      // Every pixel the colour: the GIF's black second frame and the SVG's unresolved remote image are not drawn.
      expect(pixelsNear(png, colour, 2)).toBe(png.width * png.height);
    }
    // A GIF whose header claims 20000 x 20000 pixels is refused before anything is allocated.
    const huge = solidGif(green);
    huge.set([0x20, 0x4e, 0x20, 0x4e], 6);
    expect(await prepareImageNode({ bytes: huge, mediaType: 'image/gif' }, target)).toBeNull();
    const webp = await solidWebp(blue);
    expect(await prepareImageNode({ bytes: webp.slice(0, 40), mediaType: 'image/webp' }, target)).toBeNull();
    expect(await prepareImageNode({ bytes: new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><rect'), mediaType: 'image/svg+xml' }, target)).toBeNull();
  }, 60_000);
});

describe('badgefolio export-pdf with SVG, GIF and WebP badge pictures', () => {
  let pages: PNG[];

  beforeAll(async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'badgefolio-cli-pictures-'));
    const vault = path.join(folder, 'wallet');
    const env = { BADGEFOLIO_PASSPHRASE: 'plum tractor 99 seaside' };
    const issuer = await generateEd25519Issuer(new Uint8Array(32).fill(9));
    const pictures = [
      ['vector', dataUrl('image/svg+xml', solidSvg(red))],
      ['animated', dataUrl('image/gif', solidGif(green))],
      ['webp', dataUrl('image/webp', await solidWebp(blue))],
    ] as const;
    const files = await Promise.all(
      pictures.map(async ([name, image], index) => {
        const signed = await signDataIntegrity(
          makeOb3Credential({
            issuer: makeIssuerProfile({ id: issuer.did, name: 'Open Data Institute', image: null }),
            id: `https://badges.example.org/credentials/${name}`,
            achievementName: `Picture ${String(index + 1)}`,
            image,
            validFrom: '2025-01-01T00:00:00Z',
          }),
          issuer,
        );
        const file = path.join(folder, `${name}.json`);
        writeFileSync(file, JSON.stringify(signed));
        return file;
      }),
    );
    expect(runBin(['init', '--vault', vault], { env }).status).toBe(0);
    const imported = runBin(['import', ...files, '--vault', vault, '--offline'], { env });
    expect(imported.status, imported.stderr).toBe(0);
    const pdf = path.join(folder, 'portfolio.pdf');
    const exported = runBin(['export-pdf', '--out', pdf, '--vault', vault, '--offline'], { env });
    expect(exported.status, exported.stderr).toBe(0);
    pages = renderPages(pdf, 100).map((file) => PNG.sync.read(readFileSync(file)));
  }, 120_000);

  // A 64-point picture at 100 dpi is about 89 x 89 pixels: most of it in the picture's colour.
  it.each([
    ['SVG', red],
    ['GIF', green],
    ['WebP', blue],
  ] as const)('prints the %s picture, not initials', (_format, colour) => {
    const counts = pages.map((page) => pixelsNear(page, colour));
    expect(Math.max(...counts)).toBeGreaterThan(4000);
  });
});
