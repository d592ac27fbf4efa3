import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { presentationSigner } from '../../../electron/portfolio/holderSignature';
import { walletHolderKey, walletIdentifier } from '../../../electron/receive/holderKey';
import { Vault } from '../../../electron/vault/vault';
import { testKdf } from '../../support/walletFixtures';

describe("the wallet's holder key", () => {
  it('is one Ed25519 did:key per wallet, kept (encrypted) across unlocks, and the one portfolios are signed with', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'badgefolio-holder-'));
    const vault = await Vault.create(folder, 'river lamp 12 ocean', testKdf);
    const did = walletIdentifier(vault);
    expect(did).toMatch(/^did:key:z6Mk[1-9A-HJ-NP-Za-km-z]+$/);
    expect(walletIdentifier(vault)).toBe(did);
    vault.lockWallet();
    const again = await Vault.unlock(folder, 'river lamp 12 ocean', { write: true });
    const key = walletHolderKey(again);
    expect(key.did).toBe(did);
    expect(key.keyId).toBe(`${did}#${did.slice('did:key:'.length)}`);
    expect(presentationSigner(key.privateKey, { issuedAt: new Date() }).holder).toBe(did);
    again.lockWallet();
    // Another wallet has another identifier.
    const other = await Vault.create(mkdtempSync(path.join(os.tmpdir(), 'badgefolio-holder-')), 'river lamp 12 ocean', testKdf);
    expect(walletIdentifier(other)).not.toBe(did);
    other.lockWallet();
  });
});
