import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from './atomicFile';
import { checkScryptParams, deriveKeyEncryptionKey, keyedName, open, seal, subKey, VaultCryptoError, wipe, type ScryptParams } from './vaultCrypto';

/**
 * The wallet header (`wallet.json`): KDF parameters, salt and the vault key wrapped by the
 * passphrase-derived key. Everything in it is bound into the wrapping as associated data,
 * so changing any parameter makes unwrapping fail instead of weakening the protection; an
 * unkeyed SHA-256 over the same fields tells "damaged file" apart from "wrong passphrase".
 * A second copy (`wallet.backup.json`) is kept so that one damaged file loses nothing.
 */

const headerSchema = z.object({
  format: z.literal('badgefolio-wallet'),
  version: z.literal(1),
  walletId: z.uuid(),
  createdAt: z.string(),
  kdf: z.object({
    name: z.literal('scrypt'),
    N: z.number().int(),
    r: z.number().int(),
    p: z.number().int(),
    salt: z.string().max(64),
  }),
  wrappedKey: z.string().max(256),
  /** Proves a vault key belongs to this wallet (for "remember on this device"). */
  keyCheck: z.string().length(64),
  checksum: z.string().length(64),
});
export type WalletHeader = z.infer<typeof headerSchema>;

/** HMAC of the wallet id under a key-check sub-key: reveals nothing, proves the key. */
export function keyCheckFor(vaultKey: Uint8Array, walletId: string): string {
  return keyedName(subKey(vaultKey, 'key-check'), walletId);
}

export const headerFile = 'wallet.json';
export const headerCopyFile = 'wallet.backup.json';

export class WalletHeaderError extends Error {
  override readonly name = 'WalletHeaderError';
}

export class WrongPassphraseError extends Error {
  override readonly name = 'WrongPassphraseError';
  constructor() {
    super('That passphrase does not open this wallet.');
  }
}

function boundFields(header: Omit<WalletHeader, 'wrappedKey' | 'checksum' | 'keyCheck'>): Buffer {
  const { kdf } = header;
  return Buffer.from(
    `${header.format}|${String(header.version)}|${header.walletId}|${header.createdAt}|${kdf.name}|${String(kdf.N)}|${String(kdf.r)}|${String(kdf.p)}|${kdf.salt}`,
  );
}

function checksumOf(header: Omit<WalletHeader, 'checksum'>): string {
  return createHash('sha256').update(boundFields(header)).update('|').update(header.wrappedKey).update('|').update(header.keyCheck).digest('hex');
}

export async function makeHeader(vaultKey: Uint8Array, passphrase: string, params: ScryptParams, existing?: Pick<WalletHeader, 'walletId' | 'createdAt'>): Promise<WalletHeader> {
  checkScryptParams(params);
  const salt = randomBytes(16);
  const base = {
    format: 'badgefolio-wallet' as const,
    version: 1 as const,
    walletId: existing?.walletId ?? randomUUID(),
    createdAt: existing?.createdAt ?? new Date().toISOString(),
    kdf: { name: 'scrypt' as const, ...params, salt: salt.toString('base64') },
  };
  const kek = await deriveKeyEncryptionKey(passphrase, salt, params);
  const wrappedKey = seal(kek, vaultKey, boundFields(base)).toString('base64');
  wipe(kek);
  const withKey = { ...base, wrappedKey, keyCheck: keyCheckFor(vaultKey, base.walletId) };
  return { ...withKey, checksum: checksumOf(withKey) };
}

/** Writes the header and its copy, each atomically. */
export function writeHeader(folder: string, header: WalletHeader): void {
  const bytes = Buffer.from(`${JSON.stringify(header, null, 2)}\n`);
  writeFileAtomic(path.join(folder, headerFile), bytes);
  writeFileAtomic(path.join(folder, headerCopyFile), bytes);
}

function parseHeader(file: string): WalletHeader {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new WalletHeaderError(`${path.basename(file)} is not readable.`);
  }
  const header = headerSchema.safeParse(parsed);
  if (!header.success) throw new WalletHeaderError(`${path.basename(file)} is damaged (unexpected fields).`);
  if (checksumOf(header.data) !== header.data.checksum) throw new WalletHeaderError(`${path.basename(file)} is damaged (checksum mismatch).`);
  try {
    checkScryptParams(header.data.kdf);
  } catch (error) {
    throw new WalletHeaderError(error instanceof Error ? error.message : String(error));
  }
  return header.data;
}

export function walletExists(folder: string): boolean {
  return existsSync(path.join(folder, headerFile)) || existsSync(path.join(folder, headerCopyFile));
}

/**
 * Reads the header, falling back to the copy only when the main file is damaged: a valid
 * header whose key does not unwrap means a wrong passphrase, never a reason to try an older
 * copy (which could still accept a passphrase the user has since changed).
 */
export function readHeader(folder: string): { header: WalletHeader; repaired: boolean } {
  try {
    return { header: parseHeader(path.join(folder, headerFile)), repaired: false };
  } catch (primaryError) {
    try {
      return { header: parseHeader(path.join(folder, headerCopyFile)), repaired: true };
    } catch {
      throw primaryError;
    }
  }
}

export async function unwrapVaultKey(header: WalletHeader, passphrase: string): Promise<Buffer> {
  const kek = await deriveKeyEncryptionKey(passphrase, Buffer.from(header.kdf.salt, 'base64'), header.kdf);
  try {
    const { wrappedKey: _wrapped, checksum: _checksum, keyCheck: _keyCheck, ...bound } = header;
    return open(kek, Buffer.from(header.wrappedKey, 'base64'), boundFields(bound));
  } catch (error) {
    if (error instanceof VaultCryptoError) throw new WrongPassphraseError();
    throw error;
  } finally {
    wipe(kek);
  }
}
