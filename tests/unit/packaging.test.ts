import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appId } from '../../electron/core/desktopIdentity';
import { backupExtension } from '../../electron/core/openFiles';
import { fontFiles } from '../../electron/portfolio/fontFiles';

/**
 * Packs the app with the real electron-builder and build/electron-builder.yml, as `npm run
 * dist` does, but with `--dir` (no installer) and a STAND-IN Electron distribution: Electron's
 * binary cannot be downloaded here. The stand-in is a small script that cannot run anything
 * but carries Electron's fuse wire (the sentinel @electron/fuses looks for, then version 1 and
 * eight fuses at Electron's defaults), so electron-builder flips the fuses in it for real and
 * they can be read back. What this proves: the configuration validates, app.asar holds the
 * built app and nothing of our sources or tests, and the fuses are applied after packing.
 */
const root = path.resolve(import.meta.dirname, '../..');
const config = path.join(root, 'build/electron-builder.yml');
const fuseSentinel = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
// RunAsNode on, cookie encryption off, NODE_OPTIONS on, inspect on, ASAR integrity off,
// only-from-ASAR off, browser V8 snapshot off, file:// privileges on: Electron's defaults.
const electronDefaultWire = '10110001';
/** A fuse's state byte in the wire: ASCII '0' and '1' (@electron/fuses does not export its FuseState). */
const fuse = { off: '0'.charCodeAt(0), on: '1'.charCodeAt(0) } as const;

interface AsarEntry {
  readonly files?: Record<string, AsarEntry>;
  readonly size?: number;
  readonly offset?: string;
  readonly unpacked?: boolean;
  readonly integrity?: { algorithm: string; hash: string };
}

/** Reads an asar archive's header and files (the format @electron/asar writes: a pickled JSON header, then the bytes). */
function openAsar(file: string) {
  const bytes = readFileSync(file);
  const headerSize = bytes.readUInt32LE(4);
  const jsonLength = bytes.readUInt32LE(12);
  const header = JSON.parse(bytes.subarray(16, 16 + jsonLength).toString('utf8')) as AsarEntry;
  const dataStart = 8 + headerSize;
  const list = (entry: AsarEntry, prefix: string): string[] =>
    Object.entries(entry.files ?? {}).flatMap(([name, child]) => {
      const here = prefix ? `${prefix}/${name}` : name;
      return child.files ? list(child, here) : [here];
    });
  const entry = (name: string): AsarEntry | undefined => name.split('/').reduce<AsarEntry | undefined>((at, part) => at?.files?.[part], header);
  return {
    files: list(header, ''),
    entry,
    read(name: string): Buffer {
      const found = entry(name);
      if (found?.offset === undefined || found.size === undefined) throw new Error(`${name} is not in the archive`);
      const start = dataStart + Number(found.offset);
      return bytes.subarray(start, start + found.size);
    },
  };
}

function builder(args: string[]) {
  return spawnSync(process.execPath, [path.join(root, 'node_modules/electron-builder/cli.js'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ELECTRON_BUILDER_CACHE: path.join(os.tmpdir(), 'badgefolio-builder-cache') },
    timeout: 110_000,
  });
}

/** Bare module names the built main process imports: each must be packed. */
function importedPackages(folder: string): string[] {
  const names = new Set<string>();
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, name.name);
      if (name.isDirectory()) walk(full);
      else if (name.name.endsWith('.js')) {
        const text = readFileSync(full, 'utf8');
        for (const match of text.matchAll(/^import [^;]*?from "([^"]+)";|\bimport\("([^"]+)"\)/gm)) {
          const specifier = match[1] ?? match[2] ?? '';
          if (specifier.startsWith('.') || specifier.startsWith('node:') || specifier === 'electron') continue;
          const parts = specifier.split('/');
          names.add(specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier));
        }
      }
    }
  };
  walk(folder);
  return [...names].sort();
}

describe('packaging with electron-builder (stand-in Electron distribution, --dir)', () => {
  const work = mkdtempSync(path.join(os.tmpdir(), 'badgefolio-packaging-'));
  const unpacked = path.join(work, 'dist/linux-unpacked');
  let asar: ReturnType<typeof openAsar>;
  let output = '';

  beforeAll(() => {
    const dist = path.join(work, 'electron-stand-in');
    mkdirSync(path.join(dist, 'resources'), { recursive: true });
    mkdirSync(path.join(dist, 'locales'));
    writeFileSync(path.join(dist, 'locales/en-US.pak'), '');
    writeFileSync(path.join(dist, 'version'), '45.4.1');
    const binary = path.join(dist, 'electron');
    writeFileSync(
      binary,
      Buffer.concat([
        Buffer.from('#!/bin/sh\necho "stand-in for the Electron binary (packaging test): it runs nothing" >&2\nexit 1\n# '),
        Buffer.from(fuseSentinel),
        Buffer.from([1, electronDefaultWire.length]),
        Buffer.from(electronDefaultWire),
        Buffer.from('\n'),
      ]),
    );
    chmodSync(binary, 0o755);
    const result = builder(['--dir', '--linux', '--x64', '--publish', 'never', '--config', config, `-c.electronDist=${dist}`, `-c.directories.output=${path.join(work, 'dist')}`]);
    output = `${result.stdout}\n${result.stderr}`;
    if (result.status !== 0) throw new Error(`electron-builder failed (${String(result.status)}):\n${output}`);
    asar = openAsar(path.join(unpacked, 'resources/app.asar'));
  }, 120_000);
  afterAll(() => {
    rmSync(work, { recursive: true, force: true });
  });

  it('produces the unpacked Linux app: the executable named for the product, the app in resources/app.asar', () => {
    expect(readdirSync(unpacked).sort()).toEqual(['badgefolio', 'locales', 'resources', 'version']);
    expect(readdirSync(path.join(unpacked, 'resources'))).toEqual(['app.asar']);
  });

  it('packs the built main, preload and renderer, byte for byte, with per-file integrity hashes', () => {
    for (const file of ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html']) {
      const packed = asar.read(file);
      expect(packed.equals(readFileSync(path.join(root, file))), file).toBe(true);
      expect(asar.entry(file)?.integrity).toEqual(expect.objectContaining({ algorithm: 'SHA256', hash: createHash('sha256').update(packed).digest('hex') }));
    }
    const builtRenderer = readdirSync(path.join(root, 'out/renderer/assets')).map((name) => `out/renderer/assets/${name}`);
    expect(asar.files.filter((file) => file.startsWith('out/renderer/assets/')).sort()).toEqual(builtRenderer.sort());
    const manifest = JSON.parse(asar.read('package.json').toString('utf8')) as { main?: string; name?: string; type?: string };
    expect(manifest).toMatchObject({ name: 'badgefolio', main: 'out/main/index.js', type: 'module' });
  });

  it('holds nothing of our sources, tests, configs or source maps: only out/, package.json and runtime packages', () => {
    const top = new Set(asar.files.map((file) => file.split('/')[0]));
    expect([...top].sort()).toEqual(['node_modules', 'out', 'package.json']);
    const ours = asar.files.filter((file) => !file.startsWith('node_modules/'));
    expect(ours.filter((file) => /\.(ts|tsx|map)$/.test(file) || /(^|\/)(tests?|src|electron|shared|renderer\/src)\//.test(file.replace(/^out\/renderer\//, '')))).toEqual([]);
    expect(asar.files.filter((file) => /\.(ts|mts|cts|map)$/.test(file))).toEqual([]);
    // The command-line bundle runs in plain Node beside the sources, not in the installed app.
    expect(asar.files.filter((file) => file.startsWith('out/cli/'))).toEqual([]);
    // Bundled into out/renderer, never loaded by the main process.
    expect(asar.files.filter((file) => /^node_modules\/(react|react-dom|scheduler|@tanstack)\//.test(file))).toEqual([]);
    // Development tools stay out (electron-builder packs production dependencies only).
    for (const tool of ['electron', 'electron-builder', 'vitest', 'typescript', '@playwright/test', 'esbuild', 'vite']) {
      expect(asar.entry(`node_modules/${tool}`), tool).toBeUndefined();
    }
  });

  it('packs every package the built main process imports', () => {
    const missing = importedPackages(path.join(root, 'out/main')).filter((name) => asar.entry(`node_modules/${name}/package.json`) === undefined);
    expect(missing).toEqual([]);
    // Read from disk rather than imported: the JPEG decoder's WebAssembly (electron/images/jpegTurbo.ts).
    expect(asar.entry('node_modules/@cwasm/jpeg-turbo/jpeg-turbo.wasm')).toBeDefined();
    // And the QR reader's (electron/intake/certificate/qrScan.ts), beside the ES module that must match it.
    expect(asar.entry('node_modules/zxing-wasm/dist/reader/zxing_reader.wasm')).toBeDefined();
    expect(asar.entry('node_modules/zxing-wasm/dist/es/reader/index.js')).toBeDefined();
    expect(asar.entry('node_modules/zxing-wasm/dist/full')).toBeUndefined();
  });

  it('keeps the fonts electron/portfolio/fontFiles.ts reads, and drops the rest (WOFF2, other weights, CSS)', () => {
    const fonts = asar.files.filter((file) => file.startsWith('node_modules/@fontsource/') && file.includes('/files/'));
    const needed = [...fontFiles.regular, ...fontFiles.bold, fontFiles.cjk, fontFiles.arabic, fontFiles.hebrew, ...fontFiles.emoji].map(
      ([pkg, name]) => `node_modules/${pkg}/files/${name}`,
    );
    expect(needed).toHaveLength(29);
    for (const file of needed) expect(fonts, file).toContain(file);
    expect(fonts.filter((file) => file.endsWith('.woff2') || /-(100|200|300|500|600|800|900)-|italic/.test(file))).toEqual([]);
    expect(asar.files.filter((file) => file.startsWith('node_modules/@fontsource/') && file.endsWith('.css'))).toEqual([]);
  });

  it('flips the fuses in the packed binary: RunAsNode, NODE_OPTIONS, inspect and file:// privileges off; cookie encryption, ASAR integrity, ASAR-only on', async () => {
    const wire = await getCurrentFuseWire(path.join(unpacked, 'badgefolio'));
    expect(wire.version).toBe('1');
    const state = (option: FuseV1Options): number | undefined => (wire as Partial<Record<FuseV1Options, number>>)[option];
    expect(state(FuseV1Options.RunAsNode)).toBe(fuse.off);
    expect(state(FuseV1Options.EnableCookieEncryption)).toBe(fuse.on);
    expect(state(FuseV1Options.EnableNodeOptionsEnvironmentVariable)).toBe(fuse.off);
    expect(state(FuseV1Options.EnableNodeCliInspectArguments)).toBe(fuse.off);
    expect(state(FuseV1Options.EnableEmbeddedAsarIntegrityValidation)).toBe(fuse.on);
    expect(state(FuseV1Options.OnlyLoadAppFromAsar)).toBe(fuse.on);
    expect(state(FuseV1Options.GrantFileProtocolExtraPrivileges)).toBe(fuse.off);
    // Not configured: left as Electron ships it.
    expect(state(FuseV1Options.LoadBrowserProcessSpecificV8Snapshot)).toBe(fuse.off);
  });

  it('refuses a configuration with a misspelt key (the validation is real)', () => {
    const broken = path.join(work, 'broken.yml');
    writeFileSync(broken, `${readFileSync(config, 'utf8')}\nfileAssociation: []\n`);
    const result = builder(['--dir', '--linux', '--publish', 'never', '--config', broken, `-c.directories.output=${path.join(work, 'broken-dist')}`]);
    expect(result.status).not.toBe(0);
    expect(`${result.stdout}${result.stderr}`).toMatch(/configuration has an unknown property 'fileAssociation'/);
    expect(existsSync(path.join(work, 'broken-dist/linux-unpacked'))).toBe(false);
  });
});

describe('the installer configuration (build/electron-builder.yml)', () => {
  const yaml = createRequire(import.meta.url)('js-yaml') as { load: (text: string) => unknown };
  const settings = yaml.load(readFileSync(config, 'utf8')) as Record<string, Record<string, unknown> | string | null>;
  interface Association {
    ext: string;
    mimeType?: string;
    rank?: string;
  }
  const associations = (at: unknown): Association[] => (at as { fileAssociations?: Association[] }).fileAssociations ?? [];

  it('names the app and builds AppImage and deb, NSIS, and dmg', () => {
    expect(settings.appId).toBe(appId);
    expect(settings.productName).toBe('Badgefolio');
    expect(settings.linux).toMatchObject({ target: ['AppImage', 'deb'], category: 'Office' });
    expect(settings.win).toMatchObject({ target: ['nsis'] });
    expect(settings.mac).toMatchObject({ target: ['dmg'], category: 'public.app-category.productivity' });
    expect(settings.publish).toBeNull(); // no update feed unless a release build adds one
  });

  it('owns jwt and backups everywhere and .badge.json on Linux; offers Open with for PNG, SVG and PDF without taking them over', () => {
    expect(
      associations(settings)
        .map((a) => a.ext)
        .sort(),
    ).toEqual([backupExtension, 'jwt'].sort());
    expect(associations(settings.linux)).toEqual([expect.objectContaining({ ext: 'badge.json', mimeType: 'application/x-open-badge+json' })]);
    expect((settings.linux as { mimeTypes: string[] }).mimeTypes).toEqual(expect.arrayContaining(['image/png', 'image/svg+xml', 'application/pdf']));
    const mac = associations(settings.mac);
    expect(mac.map((a) => a.ext)).toEqual(expect.arrayContaining(['png', 'svg', 'pdf']));
    expect(mac.every((a) => a.rank === 'Alternate')).toBe(true);
    const nsis = readFileSync(path.join(root, 'build/installer.nsh'), 'utf8');
    for (const ext of ['png', 'svg', 'pdf']) expect(nsis).toContain(`!insertmacro badgefolioOpenWith "${ext}"`);
    expect(nsis).toContain('OpenWithProgids');
    expect(nsis).not.toMatch(/Software\\Classes\\\.\$\{EXT\}" ""/); // never the default handler
  });

  it('has the icons each platform needs, rendered from build/icon.svg', () => {
    const ico = readFileSync(path.join(root, 'build/icon.ico'));
    expect(ico.readUInt16LE(2)).toBe(1);
    const sizes = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => ico[6 + i * 16] ?? 0).map((size) => (size === 0 ? 256 : size));
    expect(sizes).toEqual([16, 24, 32, 48, 64, 128, 256]);
    const icns = readFileSync(path.join(root, 'build/icon.icns'));
    expect(icns.subarray(0, 4).toString('ascii')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    for (const size of [16, 32, 48, 64, 128, 256, 512, 1024]) {
      const png = readFileSync(path.join(root, `build/icons/${String(size)}x${String(size)}.png`));
      expect([png.readUInt32BE(16), png.readUInt32BE(20)], `${String(size)} px`).toEqual([size, size]);
    }
  });
});
