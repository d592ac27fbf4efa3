import { mkdirSync, readFileSync, readdirSync, statSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { constantTimeEqual, randomKey, type ScryptParams } from './vaultCrypto';
import { VaultError } from './vaultRecords';
import { keyCheckFor, makeHeader, readHeader, unwrapVaultKey, walletExists, writeHeader, WrongPassphraseError, type WalletHeader } from './walletHeader';
import { WalletBusyError, WriterLock } from './writerLock';

/** The three ways into a wallet: create one, unlock it with the passphrase, or with the vault key itself. */
export interface Opening {
  readonly header: WalletHeader;
  readonly vaultKey: Buffer;
  readonly lock: WriterLock | null;
}

export type WriteMode = boolean | 'if-free';

/** A new, empty wallet in `folder` (which must not already hold one), with this session as its writer. */
export async function createWallet(folder: string, passphrase: string, params: ScryptParams): Promise<Opening> {
  if (walletExists(folder)) throw new VaultError(`There is already a wallet in ${folder}.`);
  if (passphrase.length === 0) throw new VaultError('The passphrase must not be empty.');
  mkdirSync(path.join(folder, 'records'), { recursive: true, mode: 0o700 });
  mkdirSync(path.join(folder, 'blobs'), { recursive: true, mode: 0o700 });
  const lock = WriterLock.acquire(folder);
  try {
    const vaultKey = randomKey();
    const header = await makeHeader(vaultKey, passphrase, params);
    writeHeader(folder, header);
    return { header, vaultKey, lock };
  } catch (error) {
    lock.release();
    throw error;
  }
}

/** The wallet opened with its vault key itself (remembered on this device by the OS keychain), checked against the header. */
export function openWithKey(folder: string, vaultKey: Uint8Array, write: WriteMode | undefined): Opening {
  if (!walletExists(folder)) throw new VaultError(`There is no wallet in ${folder}.`);
  const { header } = readHeader(folder);
  const expected = Buffer.from(keyCheckFor(vaultKey, header.walletId), 'hex');
  if (!constantTimeEqual(expected, Buffer.from(header.keyCheck, 'hex'))) throw new WrongPassphraseError();
  return { header, vaultKey: Buffer.from(vaultKey), lock: writerLockFor(folder, write) };
}

/**
 * The wallet opened with its passphrase. A writer also repairs the header's copy and clears the
 * temporary files a crash left behind.
 */
export async function openWithPassphrase(folder: string, passphrase: string, write: WriteMode | undefined, onKeyDerived?: (elapsedMs: number) => void): Promise<Opening> {
  if (!walletExists(folder)) throw new VaultError(`There is no wallet in ${folder}. Create one with "badgefolio init".`);
  const started = performance.now();
  const { header, repaired } = readHeader(folder);
  const vaultKey = await unwrapVaultKey(header, passphrase);
  onKeyDerived?.(performance.now() - started);
  const lock = writerLockFor(folder, write);
  if (lock) {
    try {
      // The header copy is only for rescue: bring a damaged or stale one up to date.
      if (repaired || !sameFile(path.join(folder, 'wallet.json'), path.join(folder, 'wallet.backup.json'))) writeHeader(folder, header);
      removeLeftoverTemporaries(folder);
    } catch (error) {
      lock.release();
      throw error;
    }
  }
  return { header, vaultKey, lock };
}

/**
 * `true` takes the single-writer lock (imports, removals, passphrase changes); reading needs no
 * lock, since every file is replaced atomically. `'if-free'` takes the lock when no other
 * Badgefolio holds it, else opens read-only (the wallet check's way).
 */
function writerLockFor(folder: string, write: WriteMode | undefined): WriterLock | null {
  if (write === 'if-free') {
    try {
      return WriterLock.acquire(folder);
    } catch (error) {
      if (error instanceof WalletBusyError) return null;
      throw error;
    }
  }
  return write ? WriterLock.acquire(folder) : null;
}

function removeLeftoverTemporaries(folder: string): void {
  for (const sub of ['records', '.']) {
    const inside = path.join(folder, sub);
    for (const file of readdirSync(inside)) if (file.endsWith('.tmp') && file.startsWith('.')) unlinkSync(path.join(inside, file));
  }
}

function sameFile(a: string, b: string): boolean {
  try {
    return statSync(a).size === statSync(b).size && readFileSync(a).equals(readFileSync(b));
  } catch {
    return false;
  }
}
