import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

/** The poppler tools and the QR decoder that tests check real PDFs with (independent of pdf-lib). */

export function run(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

/** Renders every page with pdftoppm; returns the PNG paths in page order. */
export function renderPages(pdf: string, dpi = 100): string[] {
  const prefix = pdf.replace(/\.pdf$/, '');
  run('pdftoppm', ['-r', String(dpi), '-png', pdf, prefix]);
  const dir = path.dirname(pdf);
  const base = path.basename(prefix);
  return readdirSync(dir)
    .filter((name) => name.startsWith(`${base}-`) && name.endsWith('.png'))
    .sort()
    .map((name) => path.join(dir, name));
}

/**
 * Every QR code on a rendered page. jsQR reports one code per image and can be led astray by
 * busy artwork (noise badges) next to a code, so the page is searched in overlapping windows
 * and codes found in several windows are counted once (by where they are).
 */
export function decodeAllQr(pngPath: string, window = 320, step = 160): string[] {
  const png = PNG.sync.read(readFileSync(pngPath));
  const found: { data: string; x: number; y: number }[] = [];
  const crop = new Uint8ClampedArray(window * window * 4);
  for (let top = 0; top < png.height; top += step) {
    for (let left = 0; left < png.width; left += step) {
      const width = Math.min(window, png.width - left);
      const height = Math.min(window, png.height - top);
      if (width < 60 || height < 60) continue;
      const view = crop.subarray(0, width * height * 4);
      for (let row = 0; row < height; row++) {
        const from = ((top + row) * png.width + left) * 4;
        view.set(png.data.subarray(from, from + width * 4), row * width * 4);
      }
      const code = jsQR(view, width, height, { inversionAttempts: 'dontInvert' });
      if (!code || code.data === '') continue; // noise artwork can pass for an empty code
      const x = left + (code.location.topLeftCorner.x + code.location.bottomRightCorner.x) / 2;
      const y = top + (code.location.topLeftCorner.y + code.location.bottomRightCorner.y) / 2;
      if (!found.some((f) => Math.abs(f.x - x) < 30 && Math.abs(f.y - y) < 30)) found.push({ data: code.data, x, y });
    }
  }
  return found.map((f) => f.data);
}
