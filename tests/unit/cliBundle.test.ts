import { isAscii } from 'node:buffer';
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runInThisContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateEd25519Issuer, makeIssuerProfile, makeOb3Credential, seededBytes, signDataIntegrity } from '../support/credentials';
import { runBin } from '../support/cliRun';
import { asciiOnly } from '../../build/cliBundle.js';

/**
 * The CLI runs a bundle built from the sources (build/cliBundle.js), never the sources through
 * a compiler and never old code. Each test here works on a copy of the project whose sources it
 * may change: the repository's own sources and bundle are left alone.
 */
const root = path.resolve(import.meta.dirname, '../..');
const scratch = mkdtempSync(path.join(os.tmpdir(), 'badgefolio-cli-bundle-'));

function projectCopy(name: string, options: { withoutEsbuild?: boolean } = {}): string {
  const project = path.join(scratch, name);
  mkdirSync(project);
  for (const entry of ['bin', 'build', 'electron', 'shared']) cpSync(path.join(root, entry), path.join(project, entry), { recursive: true });
  cpSync(path.join(root, 'package.json'), path.join(project, 'package.json'));
  const modules = path.join(project, 'node_modules');
  mkdirSync(modules);
  for (const entry of readdirSync(path.join(root, 'node_modules'))) {
    if (options.withoutEsbuild && entry === 'esbuild') continue;
    symlinkSync(path.join(root, 'node_modules', entry), path.join(modules, entry));
  }
  return project;
}

function cli(project: string, args: readonly string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, [path.join(project, 'bin/badgefolio.cjs'), ...args], {
    cwd: project,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

describe('the badgefolio CLI as a built program', () => {
  it('builds its bundle when missing, and rebuilds it when a source changed: new code runs, never old', () => {
    const project = projectCopy('rebuild');
    const first = cli(project, ['--help']);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain('Check that credentials are genuine');
    const manifest = JSON.parse(readFileSync(path.join(project, 'out/cli/manifest.json'), 'utf8')) as { inputs: Record<string, unknown> };
    expect(Object.keys(manifest.inputs)).toEqual(expect.arrayContaining(['electron/cli/program.ts', 'electron/verify/verifyWorker.ts', 'shared/app.ts']));

    const program = path.join(project, 'electron/cli/program.ts');
    writeFileSync(program, readFileSync(program, 'utf8').replace('Check that credentials are genuine', 'Check (rebuilt) that credentials are genuine'));
    const second = cli(project, ['--help']);
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).toContain('Check (rebuilt) that credentials are genuine');

    // A file touched but not changed (a checkout) keeps the bundle: compared by content.
    const before = readFileSync(path.join(project, 'out/cli/badgefolio.js'));
    writeFileSync(program, readFileSync(program));
    expect(cli(project, ['--version']).status).toBe(0);
    expect(readFileSync(path.join(project, 'out/cli/badgefolio.js')).equals(before)).toBe(true);

    // A file of the bundle lost (a cleaned folder, a half-copied package) is built again, and
    // the command runs; the commands' bundle would otherwise fail only once a command needed it.
    rmSync(path.join(project, 'out/cli/commands.js'));
    const third = cli(project, ['--help']);
    expect(third.status, third.stderr).toBe(0);
    expect(third.stdout).toContain('Check (rebuilt) that credentials are genuine');
    expect(readdirSync(path.join(project, 'out/cli'))).toContain('commands.js');
  }, 120_000);

  it('reports a stale bundle it cannot rebuild, and does not run it', () => {
    const project = projectCopy('no-esbuild');
    // Built once with esbuild at hand (as npm install does), then esbuild goes away.
    const build = spawnSync(process.execPath, [path.join(project, 'build/cliBundle.js')], { cwd: project, encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);
    rmSync(path.join(project, 'node_modules/esbuild'));
    const program = path.join(project, 'electron/cli/program.ts');
    writeFileSync(program, readFileSync(program, 'utf8').replace('Check that credentials are genuine', 'Changed after the build'));
    const result = cli(project, ['--help']);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('electron/cli/program.ts changed since the CLI was built');
    expect(result.stderr).toContain('npm install');
  }, 120_000);
});

describe("the commands' code cache (V8's compiled code, kept beside the bundle)", () => {
  it('is made by the first run of a command, then used as it is; one damaged or made from other code is replaced', async () => {
    const project = projectCopy('code-cache');
    const issuer = await generateEd25519Issuer(seededBytes(32, 43));
    const credential = makeOb3Credential({ issuer: makeIssuerProfile({ id: issuer.did, name: 'Harbour Academy' }), validFrom: '2024-01-01T00:00:00Z' });
    const file = path.join(project, 'credential.json');
    writeFileSync(file, JSON.stringify(await signDataIntegrity(credential, issuer)));
    const cacheFile = path.join(project, 'out/cli/commands.v8cache');
    const verify = () => {
      const run = cli(project, ['verify', file, '--offline', '--json', '--threads', '0', '--now', '2025-01-01T00:00:00Z']);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      return (JSON.parse(run.stdout) as { status: string; checks: { id: string; status: string }[] }[]).map((r) => [r.status, r.checks.map((c) => `${c.id} ${c.status}`)]);
    };

    // --version and --help run the small dispatcher only: no command code is loaded.
    expect(cli(project, ['--version']).status).toBe(0);
    expect(cli(project, ['--help']).status).toBe(0);
    expect(existsSync(cacheFile)).toBe(false);

    // No import() in it: Node 20 cannot run one in code from a code cache (esbuild makes each a require()).
    expect(readFileSync(path.join(project, 'out/cli/commands.js'), 'utf8')).not.toMatch(/(^|[^\w$.])import\s*\(/);

    const first = verify();
    expect(first[0]?.[0]).toBe('verified');
    // A rewrite renames a new file into place: the same inode means the cache was used as it was.
    const inode = () => statSync(cacheFile).ino;
    const made = readFileSync(cacheFile);
    expect(made.subarray(0, 4).toString('latin1')).toBe('BFV8');
    // Used as it is by the next run of the same command: same verdict, cache untouched.
    let kept = inode();
    expect(verify()).toEqual(first);
    expect(inode()).toBe(kept);

    // Help and usage errors do not count as a command's run: they compile only its start.
    expect(cli(project, ['help', 'inspect']).status).toBe(0);
    expect(cli(project, ['inspect', '--json']).status).toBe(2);
    expect(inode()).toBe(kept);
    // A command's first real run adds what it compiled; after that the cache stays.
    expect(cli(project, ['inspect', file]).status).toBe(0);
    expect(inode()).not.toBe(kept);
    expect(readFileSync(cacheFile).equals(made)).toBe(false);
    kept = inode();
    expect(verify()).toEqual(first);
    expect(inode()).toBe(kept);

    // A damaged cache is not used: the command says the same, and a good cache replaces it.
    const damaged = readFileSync(cacheFile);
    damaged[damaged.length - 100] = (damaged[damaged.length - 100] ?? 0) ^ 0xff;
    writeFileSync(cacheFile, damaged);
    expect(verify()).toEqual(first);
    expect(readFileSync(cacheFile).equals(damaged)).toBe(false);
    kept = inode();
    expect(verify()).toEqual(first);
    expect(inode()).toBe(kept);

    // One made by another V8 (its version tag, bytes 20-23 of the header) is not used either.
    const otherV8 = readFileSync(cacheFile);
    otherV8.writeUInt32LE((otherV8.readUInt32LE(20) + 1) >>> 0, 20);
    writeFileSync(cacheFile, otherV8);
    kept = inode();
    expect(verify()).toEqual(first);
    expect(inode()).not.toBe(kept);

    // Nor one made from other code of the same length, which V8's own check would let through.
    const commands = path.join(project, 'out/cli/commands.js');
    const code = readFileSync(commands, 'utf8');
    expect(code.startsWith('// Built from electron/cli')).toBe(true);
    writeFileSync(commands, code.replace('// Built from electron/cli', '// Built from electron/CLI'));
    kept = inode();
    expect(verify()).toEqual(first);
    expect(inode()).not.toBe(kept);

    // Where the bundle's folder cannot take it (an install owned by another account; here a
    // folder stands in the cache's place), the cache is kept in the user's own cache folder.
    if (process.platform !== 'linux') return; // XDG_CACHE_HOME names that folder on Linux only
    rmSync(cacheFile);
    mkdirSync(cacheFile);
    const userCache = path.join(project, 'user-cache');
    const env = { XDG_CACHE_HOME: userCache };
    const run = () => cli(project, ['verify', file, '--offline', '--json', '--threads', '0'], env);
    expect(run().status).toBe(0);
    const own = path.join(userCache, 'Badgefolio', 'cli');
    const names = readdirSync(own).filter((name) => /^commands-[0-9a-f]{8}\.v8cache$/.test(name));
    expect(names).toHaveLength(1);
    const ownCache = path.join(own, names[0] ?? '');
    kept = statSync(ownCache).ino;
    expect(run().status).toBe(0);
    expect(statSync(ownCache).ino).toBe(kept);
    expect(readdirSync(cacheFile)).toEqual([]);
    // There it is used only while no one else can write to it.
    chmodSync(ownCache, 0o666);
    expect(run().status).toBe(0);
    expect(statSync(ownCache).ino).not.toBe(kept);
    expect(statSync(ownCache).mode & 0o077).toBe(0);
  }, 120_000);
});

describe('the bundle in ASCII (read as Latin-1 by the code cache)', () => {
  // Regular expressions as the certificate reader writes them, each with text it must and must not match.
  const expressions: readonly [string, readonly string[]][] = [
    ['/(verliehen an|überreicht an|bestätigt,? dass)\\s*:?$/i', ['ÜBERREICHT AN', 'bestätigt dass:', 'uberreicht an', 'überreicht']],
    ['/[.!?。！？](\\s|$)/', ['Fertig。', 'Done!', 'Fertig.x', '！']],
    ['/[.:!,;–—-]+$/u', ['Kurs –', 'Kurs —', 'Kurs ‒', 'Kurs']],
    ['/^\\s*(?:[–-]|to\\b|bis\\b)/iu', [' – 2025', 'bis 2025', '— 2025']],
    ['/[😀-😂]/u', ['😁', '😃', '\ud83d']],
    ['/😀/', ['😀', '\ude00']],
    ['/^[😀]$/', ['\ud83d', '😀']],
  ];

  it('escapes what esbuild leaves in regular expressions, matching exactly as before', () => {
    for (const [written, samples] of expressions) {
      const escaped = asciiOnly(written, 'test.js');
      expect(escaped).toMatch(/^[\x20-\x7e]+$/);
      const before = runInThisContext(written) as RegExp;
      const after = runInThisContext(escaped) as RegExp;
      for (const sample of samples) expect([written, sample, after.test(sample)]).toEqual([written, sample, before.test(sample)]);
    }
    // After a backslash a letter means itself; "\\u00fc" would not: the build stops instead.
    expect(() => asciiOnly('/\\ü/', 'test.js')).toThrow(/no ASCII spelling/);
    expect(asciiOnly('/\\\\ü/', 'test.js')).toBe('/\\\\\\u00fc/');
  });

  it('holds no other byte in the built bundles', () => {
    for (const name of ['badgefolio.js', 'commands.js', 'verifyWorker.js', 'intakeWorker.js']) {
      expect([name, isAscii(readFileSync(path.join(root, 'out', 'cli', name)))]).toEqual([name, true]);
    }
  });
});

describe('the verification worker pool in the built CLI', () => {
  const folder = path.join(scratch, 'credentials');
  beforeAll(async () => {
    mkdirSync(folder);
    const issuer = await generateEd25519Issuer(seededBytes(32, 41));
    for (let i = 0; i < 24; i++) {
      const credential = makeOb3Credential({
        issuer: makeIssuerProfile({ id: issuer.did, name: 'Harbour Academy' }),
        validFrom: '2024-01-01T00:00:00Z',
        achievementName: `Module ${String(i)}`,
      });
      writeFileSync(path.join(folder, `c${String(i)}.json`), JSON.stringify(await signDataIntegrity(credential, issuer)));
    }
  });

  it('starts its worker threads from the bundle and verifies a folder with them', () => {
    const result = runBin(['verify', folder, '--offline', '--json', '--now', '2025-01-01T00:00:00Z', '--threads', '2']);
    // A worker that cannot start (its file missing from the bundle, say) is said on stderr.
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const results = JSON.parse(result.stdout) as { status: string; name: string }[];
    expect(results).toHaveLength(24);
    expect(new Set(results.map((r) => r.status))).toEqual(new Set(['verified']));
  }, 60_000);
});

describe('--offline and --online', () => {
  it('are taken by verify and verify-pdf, not together, and the help says so', () => {
    for (const command of ['verify', 'verify-pdf']) {
      const help = runBin(['help', command]);
      expect(help.stdout).toContain('--offline');
      expect(help.stdout).toContain('--online');
      expect(help.stdout).toContain('Settings › Network use');
      const both = runBin([command, 'x.json', '--offline', '--online']);
      expect(both.status).toBe(2);
      expect(both.stderr).toContain('Give --offline or --online, not both.');
    }
  });
});
