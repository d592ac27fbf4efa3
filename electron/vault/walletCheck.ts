import { performance } from 'node:perf_hooks';
import type { Vault } from './vault';
import { CheckRun } from './walletCheckRun';
import type { WalletCheckResult } from './walletCheckReport';

/**
 * The wallet check (`badgefolio check`, Settings › Check the wallet, and the app's background
 * run after each unlock). The catalog lets `list`, `show` and the app open a wallet without
 * reading its record files, so a flipped byte in one of them would go unnoticed; the check
 * reads every record file, every blob a record refers to, every earlier version kept in a
 * credential's history (and the blobs it refers to) and every wallet document, and
 * authenticates each (AES-256-GCM, bound to its file name). A damaged file is moved to
 * quarantine/ for rescue (quarantine.ts) and the session stops presenting a damaged record as
 * healthy: it drops it and marks the catalog stale, so no later unlock trusts the old copy.
 * Results name files and credentials only; nothing a credential says beyond its name.
 */

export type { VaultFiles } from './vaultFiles';
export { describeDamage, problemWords, type CheckedKind, type CheckProblem, type DamagedItem, type WalletCheckResult } from './walletCheckReport';

/** Checks the whole wallet at once: the CLI's way (plain synchronous reads, no per-file overhead). */
export function checkWallet(vault: Vault): WalletCheckResult {
  const run = new CheckRun(vault);
  const steps = run.steps();
  while (!steps.next().done) {
    // One credential per step; nothing to wait for in between.
  }
  return run.result();
}

/**
 * The same check in slices of a few milliseconds, for the app: the window's other calls get
 * their turn in between, and the first slice starts only after the current call (the unlock)
 * has answered. Locking the wallet meanwhile ends the check with the wallet's "locked" error.
 */
export async function checkWalletInSlices(vault: Vault, sliceMs = 10): Promise<WalletCheckResult> {
  const run = new CheckRun(vault);
  const turn = (): Promise<void> =>
    new Promise((resolve) => {
      setImmediate(resolve);
    });
  await turn();
  let started = performance.now();
  for (const _ of run.steps()) {
    if (performance.now() - started < sliceMs) continue;
    await turn();
    started = performance.now();
  }
  return run.result();
}
