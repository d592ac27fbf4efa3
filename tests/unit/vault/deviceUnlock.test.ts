import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AutoLock } from '../../../electron/core/autoLock';
import { forgetOnThisDevice, isRemembered, rememberOnThisDevice, unlockOnThisDevice, type KeyProtector } from '../../../electron/vault/deviceUnlock';
import { Vault } from '../../../electron/vault/vault';
import { WrongPassphraseError } from '../../../electron/vault/walletHeader';
import { safeStorageState } from '../../support/fakeElectron';
import { sampleCredentials, testKdf } from '../../support/walletFixtures';

vi.mock('electron', () => import('../../support/fakeElectron'));

/** A keychain stand-in with a real secret key, as the OS keychain would hold. */
function testKeychain(backend: string): KeyProtector {
  const key = randomBytes(32);
  return {
    backend,
    protect: (secret) => {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(secret), cipher.final()]);
      return Promise.resolve(Buffer.concat([iv, body, cipher.getAuthTag()]));
    },
    unprotect: (bytes) => {
      const data = Buffer.from(bytes);
      const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, 12));
      decipher.setAuthTag(data.subarray(data.length - 16));
      return Promise.resolve({ secret: Buffer.concat([decipher.update(data.subarray(12, -16)), decipher.final()]).toString(), reprotect: false });
    },
  };
}

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

async function walletWithBadges(): Promise<Vault> {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'badgefolio-device-'));
  folders.push(folder);
  const wallet = await Vault.create(folder, 'a long passphrase', testKdf);
  for (const credential of await sampleCredentials(2)) wallet.put(credential);
  return wallet;
}

describe('remember on this device', () => {
  it('opens the wallet without the passphrase, and never stores the key in clear', async () => {
    const wallet = await walletWithBadges();
    const keychain = testKeychain('gnome_libsecret');
    await rememberOnThisDevice(wallet, keychain);
    const key = wallet.exportVaultKey();
    wallet.lockWallet();
    expect(isRemembered(wallet.folder)).toBe(true);
    const saved = readFileSync(path.join(wallet.folder, 'device-unlock.json'), 'utf8');
    expect(saved).not.toContain(key.toString('base64'));
    expect(saved).not.toContain(key.toString('hex'));

    const result = await unlockOnThisDevice(wallet.folder, keychain);
    expect(result.kind).toBe('unlocked');
    if (result.kind === 'unlocked') {
      expect(result.vault.size).toBe(2);
      result.vault.lockWallet();
    }
  });

  it('asks for the passphrase again when the keychain backend changed, and forgets the key', async () => {
    const wallet = await walletWithBadges();
    await rememberOnThisDevice(wallet, testKeychain('kwallet5'));
    wallet.lockWallet();
    const result = await unlockOnThisDevice(wallet.folder, testKeychain('gnome_libsecret'));
    expect(result).toMatchObject({ kind: 'passphrase-needed', reason: expect.stringContaining('kwallet5 → gnome_libsecret') as unknown });
    expect(isRemembered(wallet.folder)).toBe(false);
  });

  it('refuses a key that does not belong to the wallet', async () => {
    const wallet = await walletWithBadges();
    wallet.lockWallet();
    expect(() => Vault.unlockWithKey(wallet.folder, randomBytes(32))).toThrow(WrongPassphraseError);
    const keychain = testKeychain('dpapi');
    writeFileSync(
      path.join(wallet.folder, 'device-unlock.json'),
      JSON.stringify({ walletId: 'x', backend: 'dpapi', protectedKey: Buffer.from(await keychain.protect(randomBytes(32).toString('base64'))).toString('base64') }),
    );
    expect((await unlockOnThisDevice(wallet.folder, keychain)).kind).toBe('passphrase-needed');
    expect(isRemembered(wallet.folder)).toBe(false);
    forgetOnThisDevice(wallet.folder);
  });

  it('is offered only with a real keychain: never with Linux basic_text', async () => {
    const { osKeyProtector } = await import('../../../electron/main/keychain');
    safeStorageState.backend = 'basic_text';
    expect(await osKeyProtector('linux')).toBeNull();
    safeStorageState.backend = 'gnome_libsecret';
    expect((await osKeyProtector('linux'))?.backend).toBe('gnome_libsecret');
    expect((await osKeyProtector('darwin'))?.backend).toBe('keychain');
    safeStorageState.available = false;
    expect(await osKeyProtector('win32')).toBeNull();
    safeStorageState.available = true;
  });
});

describe('auto-lock', () => {
  it('locks after the chosen idle minutes, not before, and never with 0', () => {
    let idle = 0;
    const locks: string[] = [];
    const ticks: (() => void)[] = [];
    const timers = { set: (fn: () => void) => ticks.push(fn), clear: () => ticks.splice(0) };
    const autoLock = new AutoLock({ minutes: 15, idleSeconds: () => idle, lock: () => locks.push('locked'), timers });
    autoLock.start();
    idle = 14 * 60;
    ticks[0]?.();
    expect(locks).toEqual([]);
    idle = 15 * 60;
    ticks[0]?.();
    expect(locks).toEqual(['locked']);
    expect(ticks).toEqual([]);

    autoLock.setMinutes(0);
    autoLock.start();
    expect(ticks).toEqual([]);
    autoLock.lockNow();
    expect(locks).toEqual(['locked', 'locked']);
  });
});
