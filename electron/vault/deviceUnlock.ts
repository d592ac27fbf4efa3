import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { removeDurably, writeFileAtomic } from './atomicFile';
import { Vault } from './vault';
import { wipe } from './vaultCrypto';

/**
 * "Remember on this device": the vault key, encrypted by the operating system's keychain
 * (Keychain on macOS, DPAPI on Windows, libsecret or KWallet on Linux), so the wallet opens
 * without the passphrase for this user on this computer only. The keychain itself is
 * reached through the Electron shell; this module only needs something that can protect
 * and unprotect a string.
 */
export interface KeyProtector {
  /** The OS backend in use ("keychain", "dpapi", "gnome_libsecret", "kwallet6", ...). */
  readonly backend: string;
  protect(secret: string): Promise<Uint8Array>;
  unprotect(protectedBytes: Uint8Array): Promise<{ secret: string; reprotect: boolean }>;
}

const fileName = 'device-unlock.json';
const recordSchema = z.object({ walletId: z.string(), backend: z.string(), protectedKey: z.string() });

export type DeviceUnlockResult = { readonly kind: 'unlocked'; readonly vault: Vault } | { readonly kind: 'passphrase-needed'; readonly reason: string };

export function isRemembered(folder: string): boolean {
  return existsSync(path.join(folder, fileName));
}

export async function rememberOnThisDevice(vault: Vault, protector: KeyProtector): Promise<void> {
  const key = vault.exportVaultKey();
  try {
    const protectedKey = await protector.protect(key.toString('base64'));
    const record = { walletId: vault.walletId, backend: protector.backend, protectedKey: Buffer.from(protectedKey).toString('base64') };
    writeFileAtomic(path.join(vault.folder, fileName), Buffer.from(JSON.stringify(record)));
  } finally {
    wipe(key);
  }
}

export function forgetOnThisDevice(folder: string): void {
  removeDurably(path.join(folder, fileName));
}

/**
 * Opens the wallet with the remembered key. Any doubt (another keychain backend than the
 * one that protected it, a key that no longer fits, a damaged file) forgets the key and
 * asks for the passphrase: never a weaker path, never a dead end.
 */
export async function unlockOnThisDevice(folder: string, protector: KeyProtector, options: { write?: boolean } = {}): Promise<DeviceUnlockResult> {
  const file = path.join(folder, fileName);
  if (!existsSync(file)) return { kind: 'passphrase-needed', reason: 'This wallet is not remembered on this device.' };
  let record;
  try {
    record = recordSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    forgetOnThisDevice(folder);
    return { kind: 'passphrase-needed', reason: 'The saved key on this device was damaged; enter your passphrase.' };
  }
  if (record.backend !== protector.backend) {
    forgetOnThisDevice(folder);
    return {
      kind: 'passphrase-needed',
      reason: `The way this computer protects saved keys changed (${record.backend} → ${protector.backend}); enter your passphrase.`,
    };
  }
  let key: Buffer | undefined;
  try {
    const { secret, reprotect } = await protector.unprotect(Buffer.from(record.protectedKey, 'base64'));
    key = Buffer.from(secret, 'base64');
    const vault = Vault.unlockWithKey(folder, key, options);
    if (reprotect) await rememberOnThisDevice(vault, protector);
    return { kind: 'unlocked', vault };
  } catch {
    forgetOnThisDevice(folder);
    return { kind: 'passphrase-needed', reason: 'The saved key no longer opens this wallet; enter your passphrase.' };
  } finally {
    wipe(key);
  }
}
