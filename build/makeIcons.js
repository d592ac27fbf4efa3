#!/usr/bin/env node
// Renders build/icon.svg into the icon files the installers need, so that the SVG stays the
// one source: icons/NxN.png (Linux), icon.ico (Windows: 32-bit bitmaps up to 128 px, PNG at
// 256 px, which is what Explorer and NSIS read), icon.icns (macOS: PNG entries). Chromium
// draws each size from the vector, so small sizes are not blurred downscales.
//
//   node build/makeIcons.js        (needs Chromium: /usr/bin/chromium or CHROMIUM_PATH)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { PNG } from 'pngjs';

const here = import.meta.dirname;
const svg = readFileSync(path.join(here, 'icon.svg'), 'utf8');

const linuxSizes = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const icoSizes = [16, 24, 32, 48, 64, 128, 256];
// ICNS types holding PNG data (macOS 10.7+), by pixel size.
const icnsTypes = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
  ['ic11', 32],
  ['ic12', 64],
  ['ic13', 256],
  ['ic14', 512],
];

async function renderAll(sizes) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  const rendered = new Map();
  try {
    const page = await browser.newPage();
    for (const size of sizes) {
      await page.setViewportSize({ width: size, height: size });
      const sized = svg.replace(/width="\d+" height="\d+"/, `width="${String(size)}" height="${String(size)}"`);
      await page.setContent(`<html><body style="margin:0;background:transparent">${sized}</body></html>`);
      rendered.set(size, await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } }));
    }
  } finally {
    await browser.close();
  }
  return rendered;
}

/** A 32-bit BITMAPINFOHEADER image as ICO stores it: bottom-up BGRA, then a 1-bit AND mask. */
function icoBitmap(png) {
  const { width, height, data } = PNG.sync.read(png);
  const maskRow = Math.ceil(width / 32) * 4;
  const out = Buffer.alloc(40 + width * height * 4 + maskRow * height);
  out.writeUInt32LE(40, 0);
  out.writeInt32LE(width, 4);
  out.writeInt32LE(height * 2, 8); // XOR image plus AND mask
  out.writeUInt16LE(1, 12);
  out.writeUInt16LE(32, 14);
  out.writeUInt32LE(width * height * 4 + maskRow * height, 20);
  let offset = 40;
  for (let y = height - 1; y >= 0; y--) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      out[offset++] = data[i + 2];
      out[offset++] = data[i + 1];
      out[offset++] = data[i];
      out[offset++] = data[i + 3];
    }
  }
  // The AND mask stays zero: the alpha channel already says what is transparent.
  return out;
}

function ico(rendered) {
  const images = icoSizes.map((size) => ({ size, bytes: size >= 256 ? rendered.get(size) : icoBitmap(rendered.get(size)) }));
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, bytes }, index) => {
    const entry = 6 + index * 16;
    header[entry] = size >= 256 ? 0 : size;
    header[entry + 1] = size >= 256 ? 0 : size;
    header.writeUInt16LE(1, entry + 4);
    header.writeUInt16LE(32, entry + 6);
    header.writeUInt32LE(bytes.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += bytes.length;
  });
  return Buffer.concat([header, ...images.map((image) => image.bytes)]);
}

function icns(rendered) {
  const chunks = icnsTypes.map(([type, size]) => {
    const data = rendered.get(size);
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(8 + data.length, 4);
    return Buffer.concat([head, data]);
  });
  const body = Buffer.concat(chunks);
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + body.length, 4);
  return Buffer.concat([head, body]);
}

const sizes = [...new Set([...linuxSizes, ...icoSizes, ...icnsTypes.map(([, size]) => size)])].sort((a, b) => a - b);
const rendered = await renderAll(sizes);
mkdirSync(path.join(here, 'icons'), { recursive: true });
for (const size of linuxSizes) writeFileSync(path.join(here, 'icons', `${String(size)}x${String(size)}.png`), rendered.get(size));
writeFileSync(path.join(here, 'icon.png'), rendered.get(1024));
writeFileSync(path.join(here, 'icon.ico'), ico(rendered));
writeFileSync(path.join(here, 'icon.icns'), icns(rendered));
console.log(`Wrote build/icons/ (${linuxSizes.join(', ')} px), build/icon.png, build/icon.ico, build/icon.icns`);
