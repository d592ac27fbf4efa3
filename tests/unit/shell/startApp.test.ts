import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * `npm start` on a fresh clone, as a new user runs it. Electron 42+ installs no binary with npm:
 * node_modules/electron has no path.txt until Electron's own installer has run. Each test gets
 * a project folder of its own (the repository's files linked in, a clean copy of
 * node_modules/electron), so the real node_modules never receives a stand-in. The "internet" is
 * an Electron mirror on 127.0.0.1 serving a STAND-IN Electron distribution: a zip holding a tiny
 * executable that records how it was started, plus the checksums file Electron's installer checks.
 */
const root = path.resolve(import.meta.dirname, '../../..');
const electronVersion = (JSON.parse(readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;
const zipName = `electron-v${electronVersion}-${process.platform}-${process.arch}.zip`;
const scratch = mkdtempSync(path.join(os.tmpdir(), 'badgefolio-start-'));

/** The stand-in for Electron's executable: writes its arguments, folder and what it found built. */
function standInExecutable(): Uint8Array {
  const script = `#!${process.execPath}
const fs = require('node:fs');
const path = require('node:path');
fs.writeFileSync(process.env.STAND_IN_RECORD, JSON.stringify({
  argv: process.argv.slice(2),
  cwd: process.cwd(),
  builtMain: fs.existsSync(path.join(process.cwd(), 'out/main/index.js')),
  builtRenderer: fs.existsSync(path.join(process.cwd(), 'out/renderer/index.html')),
  rendererUrl: process.env.ELECTRON_RENDERER_URL ?? null,
}));
`;
  return new TextEncoder().encode(script);
}

const unixFile = (mode: number) => ({ os: 3, attrs: ((0o100000 | mode) << 16) >>> 0 });
const standInZip = zipSync({
  electron: [standInExecutable(), unixFile(0o755)],
  version: [new TextEncoder().encode(`v${electronVersion}`), unixFile(0o644)],
});
const standInSum = createHash('sha256').update(standInZip).digest('hex');

/** An Electron mirror on loopback: /v<version>/<zip>. */
async function startMirror(zip: Uint8Array): Promise<{ server: Server; url: string; requests: string[] }> {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    requests.push(request.url ?? '');
    if (request.url === `/v${electronVersion}/${zipName}`) response.end(Buffer.from(zip));
    else response.writeHead(404).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${String((server.address() as AddressInfo).port)}/`, requests };
}

/** A fresh clone's project folder: sources linked, bin copied, node_modules/electron as npm installs it. */
function freshProject(name: string): string {
  const project = path.join(scratch, name);
  mkdirSync(project);
  for (const entry of readdirSync(root)) {
    if (['node_modules', 'out', 'bin', '.git', 'test-results', 'dist'].includes(entry)) continue;
    symlinkSync(path.join(root, entry), path.join(project, entry));
  }
  cpSync(path.join(root, 'bin'), path.join(project, 'bin'), { recursive: true });
  const modules = path.join(project, 'node_modules');
  mkdirSync(modules);
  for (const entry of readdirSync(path.join(root, 'node_modules'))) {
    if (entry === 'electron') continue;
    symlinkSync(path.join(root, 'node_modules', entry), path.join(modules, entry));
  }
  const electronDir = path.join(modules, 'electron');
  cpSync(path.join(root, 'node_modules/electron'), electronDir, {
    recursive: true,
    filter: (source) => !['path.txt', 'dist'].includes(path.basename(source)) || path.dirname(source) !== path.join(root, 'node_modules/electron'),
  });
  // The stand-in is this version's distribution: the installer checks it against the
  // checksums the electron package ships, as it checks the real one.
  const checksums = JSON.parse(readFileSync(path.join(electronDir, 'checksums.json'), 'utf8')) as Record<string, string>;
  writeFileSync(path.join(electronDir, 'checksums.json'), JSON.stringify({ ...checksums, [zipName]: standInSum }));
  return project;
}

function npmStart(project: string, env: NodeJS.ProcessEnv, script: readonly string[] = ['start']): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const clean = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(ELECTRON_|electron_config_cache|npm_config_electron)/i.test(key)));
    const child = spawn('npm', [...script], { cwd: project, env: { ...clean, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (code) => {
      resolve({ code, output });
    });
  });
}

describe('npm start on a fresh machine', () => {
  let mirror: Awaited<ReturnType<typeof startMirror>>;
  beforeAll(async () => {
    mirror = await startMirror(standInZip);
  });
  afterAll(async () => {
    await new Promise((resolve) => mirror.server.close(resolve));
    rmSync(scratch, { recursive: true, force: true });
  });

  it('installs Electron through its own installer (mirror, cache), builds the app and launches it', async () => {
    const project = freshProject('downloads');
    expect(existsSync(path.join(project, 'node_modules/electron/path.txt'))).toBe(false);
    const record = path.join(scratch, 'launched.json');
    const cache = path.join(scratch, 'electron-cache');
    const { code, output } = await npmStart(project, {
      ELECTRON_MIRROR: mirror.url,
      electron_config_cache: cache,
      STAND_IN_RECORD: record,
    });
    expect(output).not.toContain('Electron uninstall');
    expect(code, output).toBe(0);
    // Electron's installer fetched the zip from the mirror (and checked it against its checksums).
    expect(mirror.requests).toContain(`/v${electronVersion}/${zipName}`);
    expect(readFileSync(path.join(project, 'node_modules/electron/path.txt'), 'utf8')).toBe('electron');
    // The stand-in was started on the freshly built app, from the project folder.
    const launched = JSON.parse(readFileSync(record, 'utf8')) as { argv: string[]; cwd: string; builtMain: boolean; builtRenderer: boolean };
    expect(launched.argv[0]).toBe('.');
    expect(path.resolve(launched.cwd)).toBe(path.resolve(project));
    expect(launched.builtMain).toBe(true);
    expect(launched.builtRenderer).toBe(true);

    // A second start uses what is installed: no download, straight to the app.
    const before = mirror.requests.length;
    rmSync(record);
    const again = await npmStart(project, { ELECTRON_MIRROR: mirror.url, STAND_IN_RECORD: record });
    expect(again.code, again.output).toBe(0);
    expect(mirror.requests.length).toBe(before);
    expect(existsSync(record)).toBe(true);

    // `npm run dev` goes the same way: the installed binary, the dev server's address handed over.
    rmSync(record);
    const dev = await npmStart(project, { STAND_IN_RECORD: record }, ['run', 'dev']);
    expect(dev.code, dev.output).toBe(0);
    const devLaunch = JSON.parse(readFileSync(record, 'utf8')) as { argv: string[]; rendererUrl: string | null };
    expect(devLaunch.argv[0]).toBe('.');
    expect(devLaunch.rendererUrl).toMatch(/^http:\/\/(localhost|127\.0\.0\.1):\d+/);
  }, 180_000);

  it('without a reachable download, says in one paragraph what failed and what to do, and starts nothing', async () => {
    const project = freshProject('offline');
    const record = path.join(scratch, 'never.json');
    const cache = path.join(scratch, 'empty-cache');
    // A mirror that has no such file (a 404), as a wrong or outdated mirror answers.
    const { code, output } = await npmStart(project, {
      ELECTRON_MIRROR: `${mirror.url}missing/`,
      electron_config_cache: cache,
      STAND_IN_RECORD: record,
    });
    expect(code).not.toBe(0);
    expect(existsSync(record)).toBe(false);
    expect(output).toContain(`Badgefolio could not start: Electron ${electronVersion}`);
    expect(output).toContain('downloading it failed');
    expect(output).toMatch(/404/);
    expect(output).toContain('ELECTRON_MIRROR=');
    expect(output).toContain('ELECTRON_OVERRIDE_DIST_PATH=');
    // The folder it names for a copied zip is the one Electron's installer really reads: put the
    // stand-in zip there and the next start installs from it without any download.
    const folder = (/put it in (.+)\n/.exec(output)?.[1] ?? '').trim().replace(/[/\\]$/, '');
    expect(folder.startsWith(cache)).toBe(true);
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, zipName), standInZip);
    const before = mirror.requests.length;
    const fromCache = await npmStart(project, {
      ELECTRON_MIRROR: `${mirror.url}missing/`,
      electron_config_cache: cache,
      STAND_IN_RECORD: record,
    });
    expect(fromCache.code, fromCache.output).toBe(0);
    expect(existsSync(record)).toBe(true);
    expect(mirror.requests.slice(before).filter((r) => r.endsWith('.zip'))).toEqual([]);
  }, 180_000);
});
