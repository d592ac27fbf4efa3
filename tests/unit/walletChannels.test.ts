import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/dispatch';
import { createHandlers } from '../../electron/core/handlers';
import { WalletSession } from '../../electron/core/walletSession';
import { bakePngItxt, makeBadgePng, makeOb2Assertion } from '../support/credentials';
import { testKdf } from '../support/walletFixtures';

function handlers() {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'badgefolio-channels-'));
  const store: Record<string, unknown> = {};
  return createHandlers({
    host: 'harness',
    version: '1.0.0',
    platform: 'linux',
    preferences: {
      get store() {
        return store;
      },
      set: (values) => Object.assign(store, values),
    },
    wallet: new WalletSession({ folder, keyProtector: () => Promise.resolve(null), kdf: testKdf }),
    openExternal: () => Promise.resolve(),
    saveFile: () => Promise.resolve(null),
  });
}

describe('the wallet channels', () => {
  it('create, import, list, image, lock and unlock through the contract', async () => {
    const h = handlers();
    await expect(dispatch(h, 'walletState', {})).resolves.toMatchObject({ ok: true, value: { state: 'none', canRemember: false } });
    await expect(dispatch(h, 'createWallet', { passphrase: '', remember: false })).resolves.toMatchObject({ ok: false, error: { code: 'bad-request' } });
    await expect(dispatch(h, 'createWallet', { passphrase: 'river lamp 12 ocean', remember: false })).resolves.toMatchObject({
      ok: true,
      value: { state: 'unlocked', credentialCount: 0 },
    });

    const { assertion } = makeOb2Assertion({ badgeName: 'Forklift safety' });
    const png = bakePngItxt(makeBadgePng(2_000, 4), 'openbadges', JSON.stringify(assertion));
    const imported = await dispatch(h, 'importFiles', {
      files: [
        { name: 'forklift.png', bytes: png },
        { name: 'notes.txt', bytes: new TextEncoder().encode('hello') },
      ],
    });
    expect(imported).toMatchObject({
      ok: true,
      value: { outcomes: [{ file: 'forklift.png', outcome: 'added', name: 'Forklift safety' }, { file: 'notes.txt', outcome: 'not-a-credential' }] },
    });
    const again = await dispatch(h, 'importFiles', { files: [{ name: 'forklift.png', bytes: png }] });
    expect(again).toMatchObject({ ok: true, value: { outcomes: [{ outcome: 'already-there' }] } });

    const listed = await dispatch(h, 'listCredentials', {});
    expect(listed).toMatchObject({ ok: true, value: { credentials: [{ name: 'Forklift safety', issuerName: 'Example Academy', format: 'ob2', hasImage: true }] } });
    const id = listed.ok ? (listed.value as { credentials: { id: string }[] }).credentials[0]?.id ?? '' : '';
    const image = await dispatch(h, 'credentialImage', { id });
    expect(image.ok && (image.value as { image: { bytes: Uint8Array } | null }).image?.bytes.length).toBe(png.length);

    // Checked offline on import: a hosted OB 2.0 badge needs its issuer's server.
    expect(listed).toMatchObject({ ok: true, value: { credentials: [{ status: 'unverifiable' }] } });
    const detail = await dispatch(h, 'credentialDetail', { id });
    expect(detail).toMatchObject({
      ok: true,
      value: { credential: { name: 'Forklift safety', walletId: id, original: { fileName: 'forklift.png', size: png.length }, verification: { status: 'unverifiable' } } },
    });
    // The original file is described, not sent (it may be megabytes).
    expect(detail.ok && Object.keys((detail.value as { credential: { original: object } }).credential.original)).toEqual(['fileName', 'mediaType', 'size']);
    await expect(dispatch(h, 'recheckCredential', { id })).resolves.toMatchObject({ ok: true, value: { verification: { status: 'unverifiable' } } });
    await expect(dispatch(h, 'credentialDetail', { id: 'ffffffffffff' })).resolves.toEqual({ ok: true, value: { credential: null } });

    await expect(dispatch(h, 'lockWallet', {})).resolves.toMatchObject({ ok: true, value: { state: 'locked' } });
    await expect(dispatch(h, 'listCredentials', {})).resolves.toEqual({ ok: false, error: { code: 'refused', message: 'The wallet is locked.' } });
    await expect(dispatch(h, 'unlockWallet', { passphrase: 'wrong', remember: false })).resolves.toEqual({
      ok: false,
      error: { code: 'refused', message: 'That passphrase does not open this wallet.' },
    });
    await expect(dispatch(h, 'unlockWallet', { passphrase: 'river lamp 12 ocean', remember: false })).resolves.toMatchObject({
      ok: true,
      value: { state: 'unlocked', credentialCount: 1 },
    });
  });
});
