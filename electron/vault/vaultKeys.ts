import { subKey, wipe } from './vaultCrypto';

/** The vault key and the HKDF sub-keys derived from it, one per kind of file (and for file names). */
export interface VaultKeys {
  readonly vault: Buffer;
  readonly record: Buffer;
  readonly blob: Buffer;
  readonly name: Buffer;
  readonly document: Buffer;
  readonly history: Buffer;
}

export function deriveKeys(vaultKey: Buffer): VaultKeys {
  return {
    vault: vaultKey,
    record: subKey(vaultKey, 'record'),
    blob: subKey(vaultKey, 'blob'),
    name: subKey(vaultKey, 'name'),
    document: subKey(vaultKey, 'document'),
    history: subKey(vaultKey, 'history'),
  };
}

export function wipeKeys(keys: VaultKeys): void {
  wipe(keys.vault, keys.record, keys.blob, keys.name, keys.document, keys.history);
}
