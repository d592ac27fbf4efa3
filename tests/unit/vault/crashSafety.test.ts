import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toWire } from '../../../shared/contract/wire';
import type { NormalizedCredential } from '../../../shared/credential/model';
import { Vault } from '../../../electron/vault/vault';
import { checkWallet } from '../../../electron/vault/walletCheck';
import { sampleCredentials, testKdf } from '../../support/walletFixtures';
import { seededUint32 } from '../../support/credentials';

/** Deterministic, so a failing kill point can be replayed. */
function random(seed: number): () => number {
  const next = seededUint32(seed);
  return () => next() / 4294967296;
}

const work = mkdtempSync(path.join(os.tmpdir(), 'badgefolio-crash-'));
const childScript = path.join(work, 'child.mjs');

/** Runs the child until `killAfterMs` after it is ready, then SIGKILL; returns what it said. */
function runAndKill(args: string[], killAfterMs: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childScript, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (!timer && output.includes('ready\n')) timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', () => {
      if (timer) clearTimeout(timer);
      resolve(output.split('\n').filter(Boolean));
    });
  });
}

describe('crash safety: a writer killed with SIGKILL at random instants', () => {
  let credentials: NormalizedCredential[];
  const passphrase = 'crash test passphrase';

  beforeAll(async () => {
    await build({
      entryPoints: [path.resolve(import.meta.dirname, '../../support/vaultCrashChild.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      outfile: childScript,
      logLevel: 'silent',
      banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
    });
    credentials = await sampleCredentials(400, 7);
  }, 120_000);
  afterAll(() => {
    rmSync(work, { recursive: true, force: true });
  });

  it('loses no committed credential across 120 kills during imports', async () => {
    const folder = path.join(work, 'imports');
    mkdirSync(folder);
    (await Vault.create(folder, passphrase, testKdf)).lockWallet();
    const next = random(120);
    const committed = new Set<string>();
    let offset = 0;
    for (let round = 0; round < 120; round++) {
      // Each round writes the next slice (wrapping around: re-imports and updates too).
      const slice = Array.from({ length: 40 }, (_, i) => credentials[(offset + i) % credentials.length]).filter((c): c is NormalizedCredential => c !== undefined);
      const inputFile = path.join(work, `slice-${String(round % 2)}.json`);
      writeFileSync(inputFile, toWire(slice));
      const lines = await runAndKill(['import', folder, passphrase, inputFile], Math.floor(next() * 100));
      expect(
        lines.filter((l) => l.startsWith('error')),
        lines.join('\n'),
      ).toEqual([]);
      for (const line of lines) if (line.startsWith('committed ')) committed.add(line.slice('committed '.length));
      offset += lines.filter((l) => l.startsWith('committed ')).length;

      const wallet = await Vault.unlock(folder, passphrase, { write: true });
      try {
        expect(wallet.damaged).toEqual([]);
        const present = new Set(wallet.list().map((e) => e.identity));
        for (const identity of committed) expect(present.has(identity), `round ${String(round)}: ${identity}`).toBe(true);
        if (round % 25 === 0 || round === 119) expect(checkWallet(wallet).damaged).toEqual([]);
      } finally {
        wallet.lockWallet();
      }
    }
    expect(committed.size).toBeGreaterThan(50);
    // Spot-check the bytes of what survived.
    const wallet = await Vault.unlock(folder, passphrase);
    for (const original of credentials.filter((c) => committed.has(c.identity)).slice(0, 20)) {
      const stored = wallet.get(wallet.idOf(original.identity));
      expect(Buffer.from(stored?.original.bytes ?? []).equals(Buffer.from(original.original.bytes))).toBe(true);
    }
    wallet.lockWallet();
  }, 300_000);

  it('always opens with the old or the new passphrase across 100 kills during passphrase changes', async () => {
    const folder = path.join(work, 'passwd');
    mkdirSync(folder);
    const wallet = await Vault.create(folder, passphrase, testKdf);
    for (const c of credentials.slice(0, 5)) wallet.put(c);
    wallet.lockWallet();
    const next = random(100);
    let current = passphrase;
    for (let round = 0; round < 100; round++) {
      const prefix = `round${String(round)}`;
      const lines = await runAndKill(['passwd', folder, current, prefix], Math.floor(next() * 120));
      expect(
        lines.filter((l) => l.startsWith('error')),
        lines.join('\n'),
      ).toEqual([]);
      const committed = lines.filter((l) => l.startsWith('committed ')).map((l) => l.slice('committed '.length));
      const inFlight = lines
        .filter((l) => l.startsWith('changing '))
        .map((l) => l.slice('changing '.length))
        .at(-1);
      const candidates = [committed.at(-1) ?? current, ...(inFlight ? [inFlight] : [])];
      let opened: Vault | null = null;
      for (const candidate of candidates) {
        try {
          opened = await Vault.unlock(folder, candidate, { write: true });
          current = candidate;
          break;
        } catch {
          // try the next candidate
        }
      }
      expect(opened, `round ${String(round)}: none of ${candidates.join(', ')} opens the wallet`).not.toBeNull();
      expect(opened?.size).toBe(5);
      opened?.lockWallet();
    }
  }, 300_000);
});
