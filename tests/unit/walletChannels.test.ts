import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/dispatch';
import type { WalletSession } from '../../electron/core/walletSession';
import { PDFDocument } from 'pdf-lib';
import { readsSlowly } from '../../electron/intake/intake';
import { bakePngItxt, makeBadgePng, makeOb2Assertion, makeZip } from '../support/credentials';
import { certificateScan, encodeJpeg, encodePng, verifyUrl } from './certificate/inputs';
import { harnessHandlers, testWalletSession } from '../support/testHandlers';

function handlers(folder = mkdtempSync(path.join(os.tmpdir(), 'badgefolio-channels-')), wallet?: WalletSession) {
  return harnessHandlers(wallet ?? testWalletSession(folder));
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
      value: {
        outcomes: [
          { file: 'forklift.png', outcome: 'added', name: 'Forklift safety' },
          { file: 'notes.txt', outcome: 'not-a-credential' },
        ],
      },
    });
    const again = await dispatch(h, 'importFiles', { files: [{ name: 'forklift.png', bytes: png }] });
    expect(again).toMatchObject({ ok: true, value: { outcomes: [{ outcome: 'already-there' }] } });

    const listed = await dispatch(h, 'listCredentials', {});
    expect(listed).toMatchObject({ ok: true, value: { credentials: [{ name: 'Forklift safety', issuerName: 'Example Academy', format: 'ob2', hasImage: true }] } });
    const id = listed.ok ? ((listed.value as { credentials: { id: string }[] }).credentials[0]?.id ?? '') : '';
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

  it('reads certificate pictures off the main thread, in parallel, and stores every outcome in the files’ order', async () => {
    const h = handlers();
    await dispatch(h, 'createWallet', { passphrase: 'river lamp 12 ocean', remember: false });
    const badge = (name: string): Uint8Array =>
      bakePngItxt(
        makeBadgePng(2_000, name.length),
        'openbadges',
        JSON.stringify(makeOb2Assertion({ badgeName: name, assertionId: `https://badges.example.org/a/${name}` }).assertion),
      );
    const scan = (n: number) => certificateScan(1800, 1200, `${verifyUrl}/${String(n)}`, { grain: 30, marks: 900, scale: 4 });
    const files = [
      { name: 'first.png', bytes: badge('First aid') },
      { name: 'photo.jpg', bytes: encodeJpeg(scan(1), 85) },
      { name: 'scan.png', bytes: encodePng(scan(2)) },
      { name: 'second.png', bytes: badge('Welding basics') },
      { name: 'photo-2.jpg', bytes: encodeJpeg(scan(3), 85) },
    ];
    expect(files.map((f) => readsSlowly(f.bytes))).toEqual([false, true, true, false, true]);

    // The event loop keeps turning while the pictures are searched for QR codes elsewhere:
    // read here, each would hold it for the whole decode and search.
    let turns = 0;
    const ticker = setInterval(() => {
      turns++;
    }, 2);
    const imported = await dispatch(h, 'importFiles', { files });
    clearInterval(ticker);
    expect(imported).toMatchObject({
      ok: true,
      value: {
        outcomes: [
          { file: 'first.png', outcome: 'added', name: 'First aid' },
          { file: 'photo.jpg', outcome: 'added' },
          { file: 'scan.png', outcome: 'added' },
          { file: 'second.png', outcome: 'added', name: 'Welding basics' },
          { file: 'photo-2.jpg', outcome: 'added' },
        ],
      },
    });
    expect(turns).toBeGreaterThan(5);
    const listed = await dispatch(h, 'listCredentials', {});
    const credentials = listed.ok ? (listed.value as { credentials: { id: string; name: string }[] }).credentials : [];
    expect(credentials).toHaveLength(5);
    // Each certificate picture became a self-reported entry carrying the link its QR code holds.
    const links: string[] = [];
    for (const { id } of credentials) {
      const detail = await dispatch(h, 'credentialDetail', { id });
      const credential = detail.ok ? (detail.value as { credential: { selfReported: boolean; verification?: unknown; share: { verificationUrl?: string } } }).credential : null;
      if (credential?.selfReported && credential.share.verificationUrl) links.push(credential.share.verificationUrl);
    }
    expect(links.sort()).toEqual([1, 2, 3].map((n) => `${verifyUrl}/${String(n)}`));
  }, 60_000);

  it('tells slow reads (pictures, documents, archives, big files) from fast ones (credential text, baked badges)', async () => {
    const text = new TextEncoder();
    const pdf = await PDFDocument.create();
    pdf.addPage();
    expect(readsSlowly(text.encode('{"type":"Assertion"}'))).toBe(false);
    expect(readsSlowly(bakePngItxt(makeBadgePng(1_000, 1), 'openbadges', '{}'))).toBe(false);
    expect(readsSlowly(encodePng(certificateScan(200, 200, verifyUrl)))).toBe(true);
    expect(readsSlowly(encodeJpeg(certificateScan(200, 200, verifyUrl)))).toBe(true);
    expect(readsSlowly(await pdf.save())).toBe(true);
    expect(readsSlowly(makeZip([{ name: 'a.json', bytes: '{}' }]))).toBe(true);
    expect(readsSlowly(text.encode(`{"padding":"${'x'.repeat(3 * 1024 * 1024)}"}`))).toBe(true);
    // Damaged: refused at once wherever it is read.
    expect(readsSlowly(encodePng(certificateScan(50, 50, verifyUrl)).subarray(0, 40))).toBe(false);
  });

  it('answers other calls while a batch of thumbnails is made, since the pictures are shrunk in worker threads', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'badgefolio-channels-'));
    const h = handlers(folder, testWalletSession(folder));
    await dispatch(h, 'createWallet', { passphrase: 'river lamp 12 ocean', remember: false });
    const scans = [1, 2, 3].map((n) => ({ name: `scan-${String(n)}.png`, bytes: encodePng(certificateScan(1200, 900, `${verifyUrl}/${String(n)}`, { grain: 20, marks: 300 })) }));
    await dispatch(h, 'importFiles', { files: scans });
    const listed = await dispatch(h, 'listCredentials', {});
    const ids = listed.ok ? (listed.value as { credentials: { id: string }[] }).credentials.map((c) => c.id) : [];
    expect(ids).toHaveLength(3);

    // The window's next call arrives while the thumbnails are being made, as IPC messages do.
    // No picture is decoded on this thread, so it is answered before the thumbnails, however
    // long (or short) they take: each needs at least one message back from a worker.
    const answered: string[] = [];
    const thumbnails = dispatch(h, 'credentialThumbnails', { ids }).then((result) => {
      answered.push('thumbnails');
      return result;
    });
    const state = new Promise<void>((resolve) => {
      // An IPC message is handled between tasks, after the current one: as setImmediate runs.
      setImmediate(() => {
        void dispatch(h, 'walletState', {}).then(() => {
          answered.push('state');
          resolve();
        });
      });
    });
    const [made] = await Promise.all([thumbnails, state]);
    expect(answered).toEqual(['state', 'thumbnails']);
    // Each scan became a card-sized picture.
    const images = made.ok ? (made.value as { images: ({ bytes: Uint8Array } | null)[] }).images : [];
    expect(images.map((image) => (image ? image.bytes.length < 24 * 1024 : false))).toEqual([true, true, true]);
  });

  it('checks the wallet through the contract: a damaged record is named, set aside, and becomes a notice', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'badgefolio-channels-'));
    const session = testWalletSession(folder);
    const h = handlers(folder, session);
    let heard = 0;
    session.onChecked(() => heard++);
    await dispatch(h, 'createWallet', { passphrase: 'river lamp 12 ocean', remember: false });
    const { assertion } = makeOb2Assertion({ badgeName: 'Forklift safety' });
    await dispatch(h, 'importFiles', { files: [{ name: 'forklift.png', bytes: bakePngItxt(makeBadgePng(2_000, 4), 'openbadges', JSON.stringify(assertion)) }] });
    const clean = await dispatch(h, 'checkWallet', {});
    expect(clean).toMatchObject({ ok: true, value: { checked: { credentials: 1 }, damaged: [], writable: true } });
    expect(session.damageNotices()).toEqual([]);

    const [record] = readdirSync(path.join(folder, 'records')).filter((file) => file.endsWith('.rec'));
    const file = path.join(folder, 'records', record ?? '');
    const bytes = readFileSync(file);
    bytes[30] = (bytes[30] ?? 0) ^ 0x10;
    writeFileSync(file, bytes);
    const found = await dispatch(h, 'checkWallet', {});
    expect(found).toMatchObject({
      ok: true,
      value: { checked: { credentials: 1 }, damaged: [{ file: path.join('records', record ?? ''), kind: 'record', name: 'Forklift safety', problem: 'damaged' }] },
    });
    expect(heard).toBe(2);
    expect(session.damageNotices()).toEqual([{ kind: 'damaged', id: path.join('records', record ?? ''), names: ['Forklift safety'], what: 'record' }]);
    // Set aside: the list no longer shows it, and the answer carries no credential content.
    await expect(dispatch(h, 'listCredentials', {})).resolves.toMatchObject({ ok: true, value: { credentials: [] } });
    expect(JSON.stringify(found)).not.toContain('example');

    await dispatch(h, 'lockWallet', {});
    expect(session.damageNotices()).toEqual([]);
    await expect(dispatch(h, 'checkWallet', {})).resolves.toMatchObject({ ok: false, error: { message: 'The wallet is locked.' } });
  });
});
