import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { prepareImageNode } from '../../../electron/portfolio/prepareImage';
import { dataUrl, solidWebp, type Rgb } from '../../support/badgePictures';
import { runBin } from '../../support/cliRun';
import { generateEd25519Issuer, makeIssuerProfile, makeOb3Credential, signDataIntegrity } from '../../support/credentials';
import { renderPages } from '../../support/pdfTools';

/**
 * An animated WebP badge prints as it first appears, never as initials. No animated WebP encoder
 * is at hand, so each animation is a container written here by the RIFF container specification
 * around still frames encoded by libwebp's encoder (@jsquash/webp's encode side): a lossless
 * frame, and a lossy frame with an alpha plane (ALPH) placed part-way across the canvas.
 */

const requireHere = createRequire(import.meta.url);
const red: Rgb = [214, 24, 64];
const green: Rgb = [24, 170, 40];

interface Chunk {
  readonly fourcc: string;
  readonly data: Uint8Array;
}

const le = (value: number, bytes: number): number[] => Array.from({ length: bytes }, (_, i) => (value >> (8 * i)) & 0xff);
const ascii = (text: string): number[] => Array.from(text, (c) => c.charCodeAt(0));

function chunkBytes({ fourcc, data }: Chunk): number[] {
  return [...ascii(fourcc), ...le(data.length, 4), ...data, ...(data.length % 2 ? [0] : [])];
}

/** The image chunks of a still WebP file (VP8X dropped: a frame carries ALPH and VP8/VP8L only). */
function imageChunks(still: Uint8Array): Chunk[] {
  const chunks: Chunk[] = [];
  for (let at = 12; at + 8 <= still.length;) {
    const size = new DataView(still.buffer, still.byteOffset + at + 4).getUint32(0, true);
    const fourcc = String.fromCharCode(...still.subarray(at, at + 4));
    if (fourcc !== 'VP8X') chunks.push({ fourcc, data: still.subarray(at + 8, at + 8 + size) });
    at += 8 + size + (size % 2);
  }
  return chunks;
}

interface Frame {
  readonly still: Uint8Array;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** An animated WebP of these frames on a `width` x `height` canvas. */
function animatedWebp(width: number, height: number, frames: readonly Frame[]): Uint8Array {
  const header: Chunk = { fourcc: 'VP8X', data: new Uint8Array([0x12, 0, 0, 0, ...le(width - 1, 3), ...le(height - 1, 3)]) };
  const anim: Chunk = { fourcc: 'ANIM', data: new Uint8Array([255, 255, 255, 255, 0, 0]) };
  const anmf = frames.map((frame): Chunk => ({
    fourcc: 'ANMF',
    data: new Uint8Array([
      ...le(frame.x / 2, 3),
      ...le(frame.y / 2, 3),
      ...le(frame.width - 1, 3),
      ...le(frame.height - 1, 3),
      ...le(200, 3),
      0,
      ...imageChunks(frame.still).flatMap(chunkBytes),
    ]),
  }));
  const body = [header, anim, ...anmf].flatMap(chunkBytes);
  return new Uint8Array([...ascii('RIFF'), ...le(body.length + 4, 4), ...ascii('WEBP'), ...body]);
}

/** A lossy still WebP filled with `colour`, half transparent: libwebp writes it as VP8X, ALPH and VP8. */
async function translucentWebp(colour: Rgb, size: number): Promise<Uint8Array> {
  const { default: encode, init } = await import('@jsquash/webp/encode.js');
  await init(new WebAssembly.Module(readFileSync(requireHere.resolve('@jsquash/webp/codec/enc/webp_enc_simd.wasm'))));
  const data = new Uint8ClampedArray(size * size * 4);
  for (let at = 0; at < data.length; at += 4) data.set([...colour, 128], at);
  return new Uint8Array(await encode({ data, width: size, height: size, colorSpace: 'srgb' }, { lossless: 0, quality: 90 }));
}

const near = (png: PNG, x: number, y: number, colour: Rgb, tolerance: number): boolean => {
  const at = (y * png.width + x) * 4;
  return colour.every((c, i) => Math.abs((png.data[at + i] ?? 0) - c) <= tolerance);
};

let redFirst: Uint8Array;
let offsetFrame: Uint8Array;

beforeAll(async () => {
  // Red first, then black: a picture that shows the second frame, or none, fails.
  redFirst = animatedWebp(64, 64, [
    { still: await solidWebp(red), x: 0, y: 0, width: 64, height: 64 },
    { still: await solidWebp([0, 0, 0]), x: 0, y: 0, width: 64, height: 64 },
  ]);
  offsetFrame = animatedWebp(64, 64, [{ still: await translucentWebp(green, 32), x: 16, y: 16, width: 32, height: 32 }]);
  expect(imageChunks(await translucentWebp(green, 32)).map((chunk) => chunk.fourcc)).toEqual(['ALPH', 'VP8 ']);
}, 60_000);

describe('an animated WebP badge picture', () => {
  const target = { maxPixels: 160, maxBytes: 24 * 1024 };
  const prepared = async (bytes: Uint8Array): Promise<PNG> => {
    const picture = await prepareImageNode({ bytes, mediaType: 'image/webp' }, target);
    expect(picture?.mediaType).toBe('image/png');
    return PNG.sync.read(Buffer.from(picture?.bytes ?? new Uint8Array()));
  };

  it('is drawn by its first frame, every pixel of it', async () => {
    const png = await prepared(redFirst);
    expect([png.width, png.height]).toEqual([64, 64]);
    let red = 0;
    for (let y = 0; y < 64; y++) for (let x = 0; x < 64; x++) if (near(png, x, y, [214, 24, 64], 2)) red++;
    expect(red).toBe(64 * 64);
  });

  it('places a smaller first frame where it sits on the canvas, with its transparency', async () => {
    const png = await prepared(offsetFrame);
    expect([png.width, png.height]).toEqual([64, 64]);
    // The PDF's picture is flattened onto the white page: half-transparent green reads pale green.
    const overWhite = green.map((c) => Math.round((c * 128 + 255 * 127) / 255)) as unknown as Rgb;
    for (const [x, y] of [
      [32, 32],
      [18, 18],
      [45, 45],
    ] as const)
      expect(near(png, x, y, overWhite, 12), `${String(x)},${String(y)}`).toBe(true);
    for (const [x, y] of [
      [2, 2],
      [60, 60],
      [13, 32],
      [32, 50],
    ] as const)
      expect(near(png, x, y, [255, 255, 255], 0), `${String(x)},${String(y)}`).toBe(true);
  });

  it('is refused when cut short, as any damaged picture', async () => {
    expect(await prepareImageNode({ bytes: redFirst.slice(0, 60), mediaType: 'image/webp' }, target)).toBeNull();
  });
});

describe('badgefolio export-pdf with an animated WebP badge', () => {
  it('prints the first frame’s colour on the page, not initials', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'badgefolio-animated-webp-'));
    const env = { BADGEFOLIO_PASSPHRASE: 'plum tractor 99 seaside', BADGEFOLIO_VAULT: path.join(folder, 'wallet') };
    const issuer = await generateEd25519Issuer(new Uint8Array(32).fill(17));
    const signed = await signDataIntegrity(
      makeOb3Credential({
        issuer: makeIssuerProfile({ id: issuer.did, name: 'Open Data Institute', image: null }),
        id: 'https://badges.example.org/credentials/animated-webp',
        achievementName: 'Moving picture',
        image: dataUrl('image/webp', redFirst),
        validFrom: '2025-01-01T00:00:00Z',
      }),
      issuer,
    );
    writeFileSync(path.join(folder, 'animated.json'), JSON.stringify(signed));
    expect(runBin(['init'], { env }).status).toBe(0);
    const imported = runBin(['import', path.join(folder, 'animated.json'), '--offline'], { env });
    expect(imported.status, imported.stderr).toBe(0);
    const pdf = path.join(folder, 'portfolio.pdf');
    const exported = runBin(['export-pdf', '--out', pdf, '--offline', '--language', 'en'], { env });
    expect(exported.status, exported.stderr).toBe(0);
    // A 64-point picture at 100 dpi is about 89 x 89 pixels: most of it red.
    const counts = renderPages(pdf, 100).map((file) => {
      const page = PNG.sync.read(readFileSync(file));
      let count = 0;
      for (let at = 0; at < page.data.length; at += 4) if (colourAt(page, at, red)) count++;
      return count;
    });
    expect(Math.max(...counts)).toBeGreaterThan(4000);
  }, 120_000);
});

function colourAt(png: PNG, at: number, colour: Rgb): boolean {
  return colour.every((c, i) => Math.abs((png.data[at + i] ?? 0) - c) <= 28);
}
