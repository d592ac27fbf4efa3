import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { crc32 } from 'node:zlib';
import { defaultCacheFolder } from '../core/dataFolder';

/*
 * The built CLI's command code (out/cli/commands.js, ~4 MB) run with V8's code cache: the
 * compiled code V8 keeps of it, written beside it after a run, so later runs skip parsing and
 * compiling what they already did. Node 20 has no compile cache for ES modules (22 adds one),
 * so the command bundle is CommonJS compiled here through vm.Script, which takes cached data.
 * Measured on a 400-credential `badgefolio verify`: 7-9% less CPU than the ES-module chunks
 * (medians of 10 runs interleaved with the old build, on a busy machine). Without a cache the
 * whole 4 MB is parsed (~0.1 s): the dispatcher (`--version`, `--help`) is a small bundle of
 * its own and loads none of this.
 *
 * V8 checks a cache against its own version and flags but only against the source's length,
 * so each cache file carries a header: the CRC-32 of the source it was made from and of its
 * own bytes. A cache for other code, a damaged one, or one V8 rejects is not used; it is
 * replaced after the run. The cache is a derived file in the program's own folder (as
 * trusted as the code beside it), so a checksum against accidents is the right check here.
 * Where that folder cannot be written (an install owned by another account), the cache is kept
 * in the user's own cache folder instead (only this user can write there).
 */

const magic = Buffer.from('BFV8', 'latin1');
const headerBytes = 20;
const formatVersion = 1;

/** What a cache file says about itself, after the checks above. */
interface CacheFile {
  readonly data: Buffer;
  /** The command modules whose runs the cache holds compiled code from. */
  readonly purposes: readonly string[];
}

/** The cache beside `file`, when it was made from exactly `source` and is whole. */
function readCache(cacheFile: string, source: Buffer, sourceCrc: number): CacheFile | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(cacheFile);
  } catch {
    return undefined;
  }
  if (bytes.length < headerBytes || !bytes.subarray(0, 4).equals(magic) || bytes.readUInt16LE(4) !== formatVersion) return undefined;
  const purposesLength = bytes.readUInt16LE(6);
  if (bytes.readUInt32LE(8) !== sourceCrc || bytes.readUInt32LE(12) !== source.length) return undefined;
  const rest = bytes.subarray(headerBytes);
  if (purposesLength > rest.length || bytes.readUInt32LE(16) !== crc32(rest)) return undefined;
  const purposes = rest.subarray(0, purposesLength).toString('utf8').split('\n').filter(Boolean);
  return { data: rest.subarray(purposesLength), purposes };
}

/** Writes the cache whole or not at all (another process may be reading or writing it too); false when it cannot be written there. */
function writeCache(cacheFile: string, source: Buffer, sourceCrc: number, purposes: readonly string[], data: Buffer): boolean {
  const names = Buffer.from(purposes.join('\n'), 'utf8');
  const rest = Buffer.concat([names, data]);
  const header = Buffer.alloc(headerBytes);
  magic.copy(header, 0);
  header.writeUInt16LE(formatVersion, 4);
  header.writeUInt16LE(names.length, 6);
  header.writeUInt32LE(sourceCrc, 8);
  header.writeUInt32LE(source.length, 12);
  header.writeUInt32LE(crc32(rest), 16);
  const partial = `${cacheFile}.${String(process.pid)}.partial`;
  try {
    mkdirSync(path.dirname(cacheFile), { recursive: true, mode: 0o700 });
    writeFileSync(partial, Buffer.concat([header, rest]));
    renameSync(partial, cacheFile);
    return true;
  } catch {
    rmSync(partial, { force: true });
    return false;
  }
}

/**
 * Where the cache of a bundle file may be: beside it, else (a read-only install) in the user's
 * cache folder, named by the bundle's CRC-32 so that builds do not take each other's.
 */
export function codeCacheFiles(file: string, sourceCrc: number, cacheFolder = defaultCacheFolder()): [beside: string, own: string] {
  const name = path.basename(file).replace(/\.c?js$/, '');
  return [path.join(path.dirname(file), `${name}.v8cache`), path.join(cacheFolder, 'cli', `${name}-${sourceCrc.toString(16).padStart(8, '0')}.v8cache`)];
}

/** A bundle file run in this process: its exports, and the purposes its cache is to hold when the process ends. */
interface Loaded {
  readonly exports: unknown;
  readonly known: ReadonlySet<string>;
  readonly wanted: Set<string>;
}

const loaded = new Map<string, Loaded>();

/**
 * Runs the CommonJS file `file` once per process and returns its exports, compiled with its code
 * cache when there is a good one. `purpose` names what this run loads it for (a command module):
 * a run for a purpose the cache has not seen writes a new cache when the process ends, which then
 * also holds what that purpose compiled; otherwise the cache stays as it is.
 */
export function runWithCodeCache(file: string, purpose: string): unknown {
  const running = loaded.get(file);
  if (running) {
    if (!running.known.has(purpose)) running.wanted.add(purpose);
    return running.exports;
  }
  const source = readFileSync(file);
  const sourceCrc = crc32(source);
  const places = codeCacheFiles(file, sourceCrc);
  let cache: CacheFile | undefined;
  for (const place of places) {
    cache = readCache(place, source, sourceCrc);
    if (cache) break;
  }
  // The same wrapper as Node's own for CommonJS, so the bundle sees what `require` gives a module.
  // The bundle has no import() (build/cliBundle.js makes each a require()): Node 20 cannot run
  // one in code from a code cache.
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source.toString('utf8')}\n})`, {
    filename: file,
    cachedData: cache?.data,
  });
  const usable = cache !== undefined && script.cachedDataRejected !== true;
  const state: Loaded = { exports: undefined, known: new Set(usable ? cache?.purposes : []), wanted: new Set() };
  if (!state.known.has(purpose)) state.wanted.add(purpose);
  // After the run, so the cache holds the functions this run compiled, not only the top level.
  process.once('exit', () => {
    if (state.wanted.size === 0) return;
    const data = script.createCachedData();
    const purposes = [...state.known, ...state.wanted];
    // A read-only install, a full disk: the next run compiles as this one did.
    places.some((place) => writeCache(place, source, sourceCrc, purposes, data));
  });
  const module = { exports: {} as unknown };
  const wrapper = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: { exports: unknown }, filename: string, dirname: string) => void;
  wrapper.call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file));
  loaded.set(file, { ...state, exports: module.exports });
  return module.exports;
}

/**
 * The exports of command module `name` (e.g. "verify" for commands/verify.ts), from the built
 * CLI's command bundle: commands.js beside the dispatcher's bundle, which exports a function per
 * command module (build/cliBundle.js). Only the built dispatcher calls this.
 */
export function commandModule(name: string): unknown {
  const modules = runWithCodeCache(fileURLToPath(new URL('./commands.js', import.meta.url)), name) as Record<string, (() => unknown) | undefined>;
  const load = modules[name];
  if (typeof load !== 'function') throw new Error(`the CLI bundle has no command module "${name}": run "npm run build"`);
  return load();
}
