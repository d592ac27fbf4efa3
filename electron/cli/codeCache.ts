import { isAscii } from 'node:buffer';
import { lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
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
 * V8 runs cached code as it finds it, and checks it against the source's length only; so each
 * cache file carries a header: V8's version tag (its version, flags and CPU features), the
 * CRC-32 of the source it was made from and of its own bytes. A cache for other code or another
 * Node, or a damaged one, is not used, and is replaced after the run. Beside the bundle it is a
 * derived file in the program's own folder, as trusted as the code beside it. Where that folder
 * cannot be written (an install owned by another account), the cache goes to the user's cache
 * folder, used only while it and the file belong to this user and no one else can write to them.
 */

const magic = Buffer.from('BFV8', 'latin1');
const headerBytes = 24;
const formatVersion = 2;

/** What a cache file says about itself, after the checks above. */
interface CacheFile {
  readonly data: Buffer;
  /** The commands whose runs the cache holds compiled code from. */
  readonly purposes: readonly string[];
}

/** Where a cache may be kept; `private` places are used only while only this user can write to them. */
interface CachePlace {
  readonly file: string;
  readonly private: boolean;
}

/** Whether only this user can change `file` and the two folders it is in; always true where POSIX owners do not apply. */
function onlyMine(file: string): boolean {
  if (typeof process.getuid !== 'function') return true;
  const uid = process.getuid();
  return [path.dirname(path.dirname(file)), path.dirname(file), file].every((entry) => {
    const stats = lstatSync(entry, { throwIfNoEntry: false });
    if (!stats) return false;
    return stats.uid === uid && (stats.mode & 0o022) === 0 && !stats.isSymbolicLink();
  });
}

/** The cache at `place`, when it was made from exactly `source` by this V8 and is whole. */
function readCache(place: CachePlace, source: Buffer, sourceCrc: number): CacheFile | undefined {
  let bytes: Buffer;
  try {
    if (place.private && !onlyMine(place.file)) return undefined;
    bytes = readFileSync(place.file);
  } catch {
    return undefined;
  }
  if (bytes.length < headerBytes || !bytes.subarray(0, 4).equals(magic) || bytes.readUInt16LE(4) !== formatVersion) return undefined;
  const purposesLength = bytes.readUInt16LE(6);
  if (bytes.readUInt32LE(8) !== sourceCrc || bytes.readUInt32LE(12) !== source.length || bytes.readUInt32LE(20) !== v8.cachedDataVersionTag()) return undefined;
  const rest = bytes.subarray(headerBytes);
  if (purposesLength > rest.length || bytes.readUInt32LE(16) !== crc32(rest)) return undefined;
  const purposes = rest.subarray(0, purposesLength).toString('utf8').split('\n').filter(Boolean);
  return { data: rest.subarray(purposesLength), purposes };
}

/** Writes the cache whole or not at all (another process may be reading or writing it too); false when it cannot be written there. */
function writeCache(place: CachePlace, source: Buffer, sourceCrc: number, purposes: readonly string[], data: Buffer): boolean {
  const names = Buffer.from(purposes.join('\n'), 'utf8');
  const rest = Buffer.concat([names, data]);
  const header = Buffer.alloc(headerBytes);
  magic.copy(header, 0);
  header.writeUInt16LE(formatVersion, 4);
  header.writeUInt16LE(names.length, 6);
  header.writeUInt32LE(sourceCrc, 8);
  header.writeUInt32LE(source.length, 12);
  header.writeUInt32LE(crc32(rest), 16);
  header.writeUInt32LE(v8.cachedDataVersionTag(), 20);
  const partial = `${place.file}.${String(process.pid)}.partial`;
  try {
    mkdirSync(path.dirname(place.file), { recursive: true, mode: 0o700 });
    writeFileSync(partial, Buffer.concat([header, rest]), { mode: 0o600 });
    renameSync(partial, place.file);
    const usable = !place.private || onlyMine(place.file);
    // A folder others can change is not tidied either.
    if (usable) tidyCacheFolder(place.file);
    return usable;
  } catch {
    try {
      rmSync(partial, { force: true });
    } catch {
      // Left for a later run: a partial file is never read.
    }
    return false;
  }
}

const hour = 60 * 60 * 1000;

/**
 * Called after `cacheFile` was written: removes, in its folder, what runs leave behind. A
 * `.partial` more than an hour old is from a run killed while writing. In the user's cache
 * folder, a cache of another build (named by its CRC-32) written more than 30 days ago is
 * likely of a version no longer installed; one still in use loses it and its next run writes
 * it again (a cache is rewritten only when it learns a command, so its time says when it was
 * written, not when it was last used). Only regular files named the way this module names
 * them are removed, never what a link points to; nothing here may fail the run.
 */
export function tidyCacheFolder(cacheFile: string, now = Date.now()): void {
  const folder = path.dirname(cacheFile);
  const own = path.basename(cacheFile);
  const stem = own.replace(/(-[0-9a-f]{8})?\.v8cache$/, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const partial = new RegExp(`^${stem}(-[0-9a-f]{8})?\\.v8cache\\.\\d+\\.partial$`);
  const otherBuild = new RegExp(`^${stem}-[0-9a-f]{8}\\.v8cache$`);
  // Caches named by their build's CRC-32 are kept in the user's folder only (codeCachePlaces).
  const inUserFolder = otherBuild.test(own);
  try {
    for (const name of readdirSync(folder)) {
      const age = partial.test(name) ? hour : inUserFolder && name !== own && otherBuild.test(name) ? 30 * 24 * hour : undefined;
      if (age === undefined) continue;
      const entry = path.join(folder, name);
      try {
        const stats = lstatSync(entry);
        if (stats.isFile() && now - stats.mtimeMs > age) rmSync(entry, { force: true });
      } catch {
        // Gone meanwhile, or not ours to remove.
      }
    }
  } catch {
    // A folder that cannot be listed keeps its files.
  }
}

/**
 * Where the cache of a bundle file may be: beside it, else (a read-only install) in the user's
 * cache folder, named by the bundle's CRC-32 so that builds do not take each other's.
 */
export function codeCachePlaces(file: string, sourceCrc: number, cacheFolder: () => string | undefined = defaultCacheFolder): CachePlace[] {
  const name = path.basename(file).replace(/\.c?js$/, '');
  const places: CachePlace[] = [{ file: path.join(path.dirname(file), `${name}.v8cache`), private: false }];
  try {
    const folder = cacheFolder();
    if (folder !== undefined) places.push({ file: path.join(folder, 'cli', `${name}-${sourceCrc.toString(16).padStart(8, '0')}.v8cache`), private: true });
  } catch {
    // No home folder to keep it in: beside the bundle only.
  }
  return places;
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
 * cache when there is a good one. `purpose` names what this run loads it for (a command): when
 * the process ends, if `served()` says the purpose was served and the cache has not seen it, a
 * new cache is written, which then also holds what this run compiled; otherwise the cache stays
 * as it is.
 */
export function runWithCodeCache(file: string, purpose: string, served: () => boolean = () => true): unknown {
  const running = loaded.get(file);
  if (running) {
    if (!running.known.has(purpose)) running.wanted.add(purpose);
    return running.exports;
  }
  const source = readFileSync(file);
  const sourceCrc = crc32(source);
  const places = codeCachePlaces(file, sourceCrc);
  let cache: CacheFile | undefined;
  for (const place of places) {
    cache = readCache(place, source, sourceCrc);
    if (cache) break;
  }
  // Node's CommonJS wrapper, so the bundle gets exports, require, module, __filename, __dirname.
  // The bundle has no import() (build/cliBundle.js makes each a require()): Node 20 cannot run
  // one in code from a code cache. The build writes it in ASCII (build/cliBundle.js asciiOnly): read
  // as Latin-1, a copy of its bytes, it is a one-byte string four times sooner than through UTF-8.
  const text = isAscii(source) ? source.toString('latin1') : source.toString('utf8');
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${text}\n})`, {
    filename: file,
    cachedData: cache?.data,
  });
  const usable = cache !== undefined && script.cachedDataRejected !== true;
  const state: Loaded = { exports: undefined, known: new Set(usable ? cache?.purposes : []), wanted: new Set() };
  if (!state.known.has(purpose)) state.wanted.add(purpose);
  // After the run, so the cache holds the functions this run compiled, not only the top level.
  process.once('exit', () => {
    try {
      if (state.wanted.size === 0 || !served()) return;
      const data = script.createCachedData();
      const purposes = [...state.known, ...state.wanted];
      // A read-only install, a full disk: the next run compiles as this one did.
      places.some((place) => writeCache(place, source, sourceCrc, purposes, data));
    } catch {
      // The cache only saves time: the command's outcome stands.
    }
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
 *
 * The cache learns a command once it has run to an outcome (exit code 0 or 1): not for `help`,
 * `--help` or a usage error, which compile only the command's start.
 */
export function commandModule(name: string): unknown {
  const [command = name, ...rest] = process.argv.slice(2);
  const served = () => command !== 'help' && !rest.includes('-h') && !rest.includes('--help') && [undefined, 0, 1].includes(process.exitCode as number | undefined);
  const modules = runWithCodeCache(fileURLToPath(new URL('./commands.js', import.meta.url)), command, served) as Record<string, (() => unknown) | undefined>;
  const load = modules[name];
  if (typeof load !== 'function') throw new Error(`the CLI bundle has no command module "${name}": run "npm run build"`);
  return load();
}
