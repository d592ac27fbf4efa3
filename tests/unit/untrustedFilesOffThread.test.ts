import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { buildPortfolioPdf } from '../../shared/portfolio';
import { dispatch } from '../../electron/core/dispatch';
import { IntakePool } from '../../electron/intake/intakePool';
import { FileReaders, sharedFileReaders } from '../../electron/portfolio/fileReaders';
import { loadFontSet } from '../../electron/portfolio/fontFiles';
import { bakePngItxt, makeOb2Assertion } from '../support/credentials';
import { harnessHandlers, testWalletSession } from '../support/testHandlers';
import { certificateScan, encodePng, interlacedPngBomb, verifyUrl } from './certificate/inputs';

/**
 * Untrusted files the wallet opens besides imports (card pictures of stored credentials, a
 * portfolio PDF to check) are decoded in worker threads, never on the main process. The proof is
 * the pool's count of answers that came back from a worker: work done in this thread is not
 * counted there.
 */
const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});
const readers = new FileReaders({ size: 1 });
afterAll(async () => {
  await readers.close();
  await sharedFileReaders().close();
});

async function walletWith(pictures: Uint8Array[]) {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'badgefolio-off-thread-'));
  folders.push(folder);
  const wallet = testWalletSession(folder);
  await wallet.create('river lamp 12 ocean', false);
  const files = pictures.map((picture, index) => {
    const { assertion } = makeOb2Assertion({ badgeName: `Badge ${String(index)}` });
    return { name: `badge-${String(index)}.png`, bytes: bakePngItxt(picture, 'openbadges', JSON.stringify(assertion)) };
  });
  const outcomes = await wallet.import(files);
  expect(outcomes.map((outcome) => outcome.outcome)).toEqual(files.map(() => 'added'));
  return { wallet, handlers: harnessHandlers(wallet), ids: outcomes.map((outcome) => outcome.id ?? '') };
}

describe('card pictures are made in a worker thread', () => {
  it('a decompression-bomb PNG (a small file claiming a huge interlaced image) gets the placeholder, and the wallet carries on', async () => {
    const bomb = interlacedPngBomb(1000);
    expect(bomb.length).toBeLessThan(200 * 1024);
    const scan = encodePng(certificateScan(1200, 900, verifyUrl, { grain: 20, marks: 300 }));
    const { handlers, ids } = await walletWith([bomb, scan]);
    const before = sharedFileReaders().workerAnswers;

    const made = await dispatch(handlers, 'credentialThumbnails', { ids });
    if (!made.ok) throw new Error('credentialThumbnails failed');
    const [bombPicture, scanPicture] = (made.value as { images: ({ mediaType: string; bytes: Uint8Array } | null)[] }).images;
    // No picture for the bomb (the card draws its placeholder); the scan became a card-sized picture.
    expect(bombPicture).toBeNull();
    expect(scanPicture?.bytes.length).toBeLessThan(24 * 1024);
    // Both were decoded by a worker, not here.
    expect(sharedFileReaders().workerAnswers - before).toBe(2);
    // Made once per open wallet: asked again, nothing is decoded again.
    await dispatch(handlers, 'credentialThumbnails', { ids });
    expect(sharedFileReaders().workerAnswers - before).toBe(2);
    await expect(dispatch(handlers, 'walletState', {})).resolves.toMatchObject({ ok: true, value: { state: 'unlocked', credentialCount: 2 } });
  }, 60_000);

  it('a picture already card-sized goes to the window as it is, with no worker round trip', async () => {
    const small = encodePng(certificateScan(120, 90, verifyUrl));
    const { handlers, ids } = await walletWith([small]);
    const before = sharedFileReaders().workerAnswers;
    const made = await dispatch(handlers, 'credentialThumbnails', { ids });
    if (!made.ok) throw new Error('credentialThumbnails failed');
    const [picture] = (made.value as { images: ({ mediaType: string; bytes: Uint8Array } | null)[] }).images;
    // The stored picture itself (the baked badge), as the window's own image decoder draws it.
    expect(picture?.mediaType).toBe('image/png');
    expect([...(picture?.bytes.subarray(0, 33) ?? [])]).toEqual([...small.subarray(0, 33)]);
    expect(sharedFileReaders().workerAnswers - before).toBe(0);
  }, 60_000);

  it('the file readers answer a bomb with null and a picture already small as it is, each from a worker', async () => {
    const before = readers.workerAnswers;
    expect(await readers.cardPicture(interlacedPngBomb(1000))).toBeNull();
    expect(await readers.cardPicture(encodePng(certificateScan(100, 80, verifyUrl)))).toBe('as-is');
    expect(readers.workerAnswers - before).toBe(2);
  }, 60_000);
});

describe('"Check a PDF" takes the PDF apart in a worker thread', () => {
  it('checks a portfolio PDF read by a worker, and refuses a file that is not one', async () => {
    const { wallet, handlers, ids } = await walletWith([encodePng(certificateScan(200, 160, verifyUrl))]);
    const material = await wallet.portfolioMaterial(ids, false);
    const pdf = await buildPortfolioPdf({
      owner: { name: 'Amira Haddad' },
      credentials: material.map((m) => ({ credential: m.credential, status: m.status, statusSentence: m.statusSentence })),
      options: { paper: 'a4', generatedAt: new Date('2026-11-01T00:00:00Z'), fonts: loadFontSet() },
    });
    const before = sharedFileReaders().workerAnswers;

    const check = await dispatch(handlers, 'checkPortfolioPdf', { bytes: pdf });
    expect(check).toMatchObject({ ok: true, value: { intact: true, owner: 'Amira Haddad', credentials: [{ name: 'Badge 0', integrity: 'intact', status: 'unverifiable' }] } });
    const refused = await dispatch(handlers, 'checkPortfolioPdf', { bytes: new TextEncoder().encode('not a pdf') });
    expect(refused).toMatchObject({ ok: false, error: { message: 'This PDF could not be read: it is damaged or not a PDF.' } });
    expect(sharedFileReaders().workerAnswers - before).toBe(2);
  }, 90_000);
});

describe('a task for a worker is never done in this thread', () => {
  it('without workers, a card picture is not decoded here (its card draws a placeholder), while credentials are still read here', async () => {
    const noWorker = new URL('./no-such-worker.js', import.meta.url);
    const readers = new FileReaders({ size: 1, workerScript: noWorker });
    const pool = new IntakePool({ size: 1, workerScript: noWorker });
    try {
      expect(await readers.cardPicture(interlacedPngBomb(1000))).toBeNull();
      await expect(readers.readPortfolioPdf(new TextEncoder().encode('%PDF-1.7'), () => Promise.reject(new Error('not reached')))).rejects.toThrow(
        'This file could not be read (it stopped the reader).',
      );
      const { assertion } = makeOb2Assertion({ badgeName: 'Read here' });
      const [outcome] = await pool.inspect({ name: 'badge.json', bytes: new TextEncoder().encode(JSON.stringify(assertion)) });
      expect(outcome).toMatchObject({ outcome: 'recognised', credential: { name: 'Read here' } });
      expect(readers.workerAnswers + pool.workerAnswers).toBe(0);
      expect(pool.threads).toBe(0);
    } finally {
      await readers.close();
      await pool.close();
    }
  });
});
