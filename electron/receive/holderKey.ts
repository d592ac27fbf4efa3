import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { holderDidKey } from '../portfolio/holderSignature';
import type { Vault } from '../vault/vault';

/**
 * The wallet's one holder key: Ed25519, named by its did:key, kept encrypted in the vault
 * (the `holder-key` document, PKCS#8). It signs portfolio PDFs, OpenID4VCI proofs and VC-API
 * DID authentications alike, so the identifier an issuer binds a credential to is the one a
 * portfolio shows. Made on first use; there is never a second one.
 */
export interface HolderKey {
  readonly privateKey: KeyObject;
  readonly did: string;
  /** The did:key verification method (`did:key:z…#z…`). */
  readonly keyId: string;
}

export function walletHolderKey(vault: Vault): HolderKey {
  const stored = vault.readDocument('holder-key');
  let privateKey: KeyObject;
  if (stored) privateKey = createPrivateKey({ key: stored, format: 'der', type: 'pkcs8' });
  else {
    privateKey = generateKeyPairSync('ed25519').privateKey;
    vault.writeDocument('holder-key', privateKey.export({ format: 'der', type: 'pkcs8' }));
  }
  return { privateKey, ...holderDidKey(privateKey) };
}

/** "Your wallet's identifier": the holder key's did:key (made now if the wallet has none yet). */
export function walletIdentifier(vault: Vault): string {
  return walletHolderKey(vault).did;
}
