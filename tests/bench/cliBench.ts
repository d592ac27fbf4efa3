import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { generateEd25519Issuer, makeIssuerProfile, makeOb3Credential, seededBytes, signDataIntegrity } from '../support/credentials';
import { median, type Figure } from './measure';
import { benchPassphrase, walletOf } from './vaultBench';

/**
 * Issue "Start like real tools": the CLI measured as whole processes, from outside, as a user's
 * shell starts them (medians of 5 after a warm-up): `--version`, and `verify --offline --json`
 * of 1 and of 400 distinct OB 3.0 credentials beside a plain script on @digitalcredentials/vc
 * (tests/bench/peer/dccVerify.js) given the same files, with identical verdicts; `check` of a
 * 10,000-credential wallet.
 */
const root = path.resolve(import.meta.dirname, '../..');
const cli = path.join(root, 'bin/badgefolio.cjs');
const peerScript = path.join(import.meta.dirname, 'peer/dccVerify.js');
const now = '2025-06-01T00:00:00Z';

export async function credentialFolder(count: number): Promise<string> {
  const folder = path.join(os.tmpdir(), 'badgefolio-bench', `cli-verify-v1-${String(count)}`);
  if (existsSync(folder) && readdirSync(folder).length === count) return folder;
  mkdirSync(folder, { recursive: true });
  const issuers = await Promise.all(Array.from({ length: 5 }, (_, i) => generateEd25519Issuer(seededBytes(32, 300 + i))));
  for (let i = 0; i < count; i++) {
    const issuer = issuers[i % issuers.length];
    if (!issuer) throw new Error('no issuer');
    const credential = makeOb3Credential({
      issuer: makeIssuerProfile({ id: issuer.did, name: `Institute ${String(i % issuers.length)}` }),
      idSeed: 5000 + i,
      achievementName: `Workshop ${String(i)}: Data analysis with Python`,
      recipient: { did: `did:example:learner-${String(i)}` },
      validFrom: '2024-03-01T00:00:00Z',
    });
    const signed = (await signDataIntegrity(credential, issuer, 'eddsa-rdfc-2022', { date: '2024-03-01T00:00:00Z' })) as unknown as Record<string, unknown>;
    // Every tenth is changed after signing, so "identical verdicts" means something.
    writeFileSync(path.join(folder, `credential-${String(i).padStart(4, '0')}.json`), JSON.stringify(i % 10 === 9 ? { ...signed, name: 'Tampered after signing' } : signed));
  }
  return folder;
}

function run(args: readonly string[], env: NodeJS.ProcessEnv = {}): { ms: number; stdout: string } {
  const start = performance.now();
  const result = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 256 * 1024 * 1024 });
  const ms = performance.now() - start;
  if (result.status !== 0 && result.status !== 1) throw new Error(`${args.join(' ')} failed (${String(result.status)}): ${result.stderr}`);
  return { ms, stdout: result.stdout };
}

/** Milliseconds of each of `runs` starts, after one warm-up (which fills the OS file cache, as any second use does). */
function times(runs: number, args: readonly string[], env?: NodeJS.ProcessEnv): { ms: number[]; last: string } {
  let last = run(args, env).stdout;
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const result = run(args, env);
    ms.push(result.ms);
    last = result.stdout;
  }
  return { ms, last };
}

/**
 * Ours and the peer's, run by turns (after a warm-up of each), so that both meet the same
 * moments of a shared machine: a slow spell cannot fall on one side only.
 */
function interleaved(runs: number, ours: readonly string[], peer: readonly string[], peerEnv: NodeJS.ProcessEnv) {
  const result = { ours: { ms: [] as number[], last: run(ours).stdout }, peer: { ms: [] as number[], last: run(peer, peerEnv).stdout } };
  for (let i = 0; i < runs; i++) {
    const a = run(ours);
    const b = run(peer, peerEnv);
    result.ours.ms.push(a.ms);
    result.peer.ms.push(b.ms);
    result.ours.last = a.stdout;
    result.peer.last = b.stdout;
  }
  return result;
}

function sameVerdicts(ours: string, peer: string): { count: number; verified: number } {
  const a = JSON.parse(ours) as { file: string; status: string }[];
  const b = new Map((JSON.parse(peer) as { file: string; verified: boolean }[]).map((r) => [path.basename(r.file), r.verified]));
  if (a.length !== b.size) throw new Error(`verify gave ${String(a.length)} results, the peer ${String(b.size)}`);
  for (const result of a) {
    if ((result.status === 'verified') !== b.get(path.basename(result.file))) throw new Error(`verdicts differ on ${result.file}`);
  }
  return { count: a.length, verified: a.filter((r) => r.status === 'verified').length };
}

/**
 * The commands' code cache (electron/cli/codeCache.ts) left by earlier runs (the tests, say) holds
 * whatever those compiled; removed here, so the warm-up run makes the one a user's second run of
 * the same command would find.
 */
function forgetCodeCaches(): void {
  const folder = path.join(root, 'out/cli');
  if (!existsSync(folder)) return;
  for (const name of readdirSync(folder)) if (name.endsWith('.v8cache')) rmSync(path.join(folder, name), { force: true });
}

export async function cliBench(quick: boolean): Promise<Figure[]> {
  forgetCodeCaches();
  const runs = quick ? 1 : 5;
  const many = quick ? 40 : 400;
  const folder = await credentialFolder(many);
  const files = readdirSync(folder)
    .sort()
    .map((f) => path.join(folder, f));
  const first = files[0];
  if (!first) throw new Error('no benchmark credential');
  const figures: Figure[] = [];

  const bareNode = times(runs, ['-e', '']);
  const version = times(runs, [cli, '--version']);
  figures.push({
    suite: 'cli',
    name: 'badgefolio --version (whole process)',
    unit: 'ms',
    median: median(version.ms),
    min: Math.min(...version.ms),
    max: Math.max(...version.ms),
    runs,
    better: 'lower',
    target: { value: 150, text: '≤ 150 ms' },
    peakRssMb: 0,
    note: `Node itself starts in ${median(bareNode.ms).toFixed(0)} ms here (node -e '')`,
  });

  const env = { PEER_NOW: now };
  for (const [label, inputs, ratioTarget] of [
    ['1 OB 3.0 credential', [first], 1],
    [`${String(many)} distinct OB 3.0 credentials`, files, 4],
  ] as const) {
    const { ours, peer } = interleaved(runs, [cli, 'verify', '--offline', '--json', '--now', now, ...inputs], [peerScript, ...inputs], env);
    const { count, verified } = sameVerdicts(ours.last, peer.last);
    figures.push({
      suite: 'cli',
      name: `badgefolio verify --offline --json of ${label} (whole process)`,
      unit: 'ms',
      median: median(ours.ms),
      min: Math.min(...ours.ms),
      max: Math.max(...ours.ms),
      runs,
      better: 'lower',
      peer: { name: 'a plain script on @digitalcredentials/vc', median: median(peer.ms), ratio: median(peer.ms) / median(ours.ms), ratioTarget },
      peakRssMb: 0,
      note: `identical verdicts on all ${String(count)} (${String(verified)} verified, ${String(count - verified)} tampered); ratio = the script's time / ours`,
    });
  }
  const size = quick ? 100 : 10_000;
  const wallet = await walletOf(size);
  const check = times(runs, [cli, 'check', '--vault', wallet], { BADGEFOLIO_PASSPHRASE: benchPassphrase });
  if (!check.last.includes('nothing is damaged')) throw new Error(`check did not find the benchmark wallet whole: ${check.last}`);
  figures.push({
    suite: 'cli',
    name: `badgefolio check of a ${size.toLocaleString('en-US')}-credential wallet (whole process)`,
    unit: 'ms',
    median: median(check.ms),
    min: Math.min(...check.ms),
    max: Math.max(...check.ms),
    runs,
    better: 'lower',
    target: { value: 3000, text: '≤ 3 s' },
    peakRssMb: 0,
    note: 'every record and stored file read and authenticated (AES-256-GCM), the passphrase key derived first (scrypt, the deliberate ~0.4 s)',
  });
  return figures;
}
