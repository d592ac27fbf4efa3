import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { removeDurably, writeFileAtomic } from './atomicFile';
import { authenticate, keyedName, open, seal } from './vaultCrypto';
import type { VaultKeys } from './vaultKeys';
import { VaultError } from './vaultRecords';

/**
 * Wallet documents: small personal files kept encrypted beside the credentials. The organiser
 * (collections, pathways, export log), the profile photo, documents fetched for verification,
 * the holder's signing key (it signs the presentations of exported portfolios), the issuer
 * registries the user added or refreshed. Together they say what a person applied for and where:
 * as private as the credentials themselves.
 */
export const walletDocumentNames = ['organiser', 'profile-photo', 'fetch-cache', 'holder-key', 'issuer-registries'] as const;
export type WalletDocumentName = (typeof walletDocumentNames)[number];
const maxDocumentBytes = 8 * 1024 * 1024;

export class WalletDocuments {
  constructor(
    private readonly folder: string,
    private readonly keys: () => VaultKeys,
  ) {}

  /** Relative to the wallet folder. */
  file(name: WalletDocumentName): string {
    return path.join('documents', `${keyedName(this.keys().name, `document:${name}`)}.doc`);
  }

  /** A wallet document's bytes, or null when there is none yet. A damaged one is an error, never silently empty. */
  read(name: WalletDocumentName): Buffer | null {
    const keys = this.keys();
    let sealed: Buffer;
    try {
      sealed = readFileSync(path.join(this.folder, this.file(name)));
    } catch {
      return null;
    }
    try {
      return open(keys.document, sealed, Buffer.from(`document:${name}`));
    } catch {
      throw new VaultError(`The wallet's ${name} file is damaged.`);
    }
  }

  /** Replaces a wallet document crash-safely; null deletes it. */
  write(name: WalletDocumentName, bytes: Uint8Array | null): void {
    const keys = this.keys();
    const file = path.join(this.folder, this.file(name));
    if (bytes === null) {
      if (existsSync(file)) removeDurably(file);
      return;
    }
    if (bytes.length > maxDocumentBytes) throw new VaultError(`The ${name} is too large to keep (at most 8 MB).`);
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    writeFileAtomic(file, seal(keys.document, bytes, Buffer.from(`document:${name}`)));
  }

  authenticate(name: string, sealed: Buffer): void {
    authenticate(this.keys().document, sealed, Buffer.from(`document:${name}`));
  }
}
