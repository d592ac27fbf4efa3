import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../../electron/core/handlers';
import { openFilePreferences } from '../../../electron/core/filePreferences';
import { withWalletHooks } from '../../../electron/core/walletHooks';
import { WalletSession } from '../../../electron/core/walletSession';
import { dispatch } from '../../../electron/core/dispatch';
import { testKdf } from '../../support/walletFixtures';
import { makeOb3Credential } from '../../support/credentials';

describe('wallet hooks around the contract handlers', () => {
  it('runs after the calls that open, change and lock the wallet, and only when they succeed', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'badgefolio-hooks-'));
    const wallet = new WalletSession({ folder, keyProtector: () => Promise.resolve(null), kdf: testKdf });
    const calls: string[] = [];
    const logged: string[] = [];
    const handlers = withWalletHooks(
      createHandlers({
        host: 'harness',
        version: '1.0.0',
        platform: 'linux',
        preferences: openFilePreferences(folder),
        wallet,
        openExternal: () => Promise.resolve(),
        saveFile: () => Promise.resolve(null),
      }),
      {
        opened: () => calls.push('opened'),
        changed: () => {
          calls.push('changed');
          throw new Error('a hook bug');
        },
        locked: () => calls.push('locked'),
      },
      (line) => logged.push(line),
    );
    const passphrase = 'hooks test passphrase';
    expect(await dispatch(handlers, 'unlockWallet', { passphrase, remember: false })).toMatchObject({ ok: false });
    expect(calls).toEqual([]); // nothing opened: no hook
    await dispatch(handlers, 'createWallet', { passphrase, remember: false });
    const bytes = new TextEncoder().encode(JSON.stringify(makeOb3Credential({ issuer: 'did:example:issuer', idSeed: 3 })));
    const imported = await dispatch(handlers, 'importFiles', { files: [{ name: 'a.badge.json', bytes }] });
    expect(imported).toMatchObject({ ok: true, value: { outcomes: [{ outcome: 'added' }] } }); // the hook's failure does not spoil the answer
    await dispatch(handlers, 'lockWallet', {});
    await dispatch(handlers, 'unlockWallet', { passphrase, remember: false });
    await dispatch(handlers, 'appInfo', {});
    expect(calls).toEqual(['opened', 'changed', 'locked', 'opened']);
    expect(logged).toEqual(['wallet hook changed failed: Error']);
    wallet.lock();
  });
});
