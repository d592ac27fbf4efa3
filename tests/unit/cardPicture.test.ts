import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/dispatch';
import { blockcertsV3Certificate, certificateFile, designerDisplayHtml, htmlDisplay } from '../support/blockcertsCertificates';
import { makePngImage } from '../support/credentials/images';
import { harnessHandlers, testWalletSession } from '../support/testHandlers';

/**
 * A card's thumbnail is an <img>: only a picture (image/*) can be one. A Blockcerts certificate
 * keeps its HTML display (text/html) as its picture for the details view, which shows it
 * sanitised in a sandboxed frame; on a card it would be a broken image, so the card has none.
 */
const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

async function walletWith(files: { name: string; bytes: Uint8Array }[]) {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'badgefolio-card-picture-'));
  folders.push(folder);
  const wallet = testWalletSession(folder);
  await wallet.create('river lamp 12 ocean', false);
  const outcomes = await wallet.import(files);
  expect(outcomes.map((outcome) => outcome.outcome)).toEqual(files.map(() => 'added'));
  const handlers = harnessHandlers(wallet);
  return { wallet, handlers, ids: outcomes.map((outcome) => outcome.id ?? '') };
}

describe("a credential's card picture", () => {
  it('is none for a Blockcerts certificate whose picture is its HTML display, which the details still show', async () => {
    const png = makePngImage(16, 16, 5);
    const { handlers, ids } = await walletWith([
      { name: 'participation.json', bytes: certificateFile(blockcertsV3Certificate({ display: htmlDisplay(designerDisplayHtml) })) },
      {
        name: 'pictured.json',
        bytes: certificateFile({
          ...blockcertsV3Certificate({ display: { contentMediaType: 'image/png', contentEncoding: 'base64', content: Buffer.from(png).toString('base64') } }),
          id: 'urn:uuid:0d0c3d1e-4f4b-4bd9-a4c5-7d8e9f0a1b2c',
        }),
      },
    ]);
    const [htmlId = '', pngId = ''] = ids;

    const listed = await dispatch(handlers, 'listCredentials', {});
    if (!listed.ok) throw new Error('listCredentials failed');
    const cards = (listed.value as { credentials: { id: string; name: string; hasImage: boolean }[] }).credentials;
    expect(cards.find((card) => card.id === htmlId)).toMatchObject({ name: 'Certificate of Participation', hasImage: false });
    // An image display is a picture like any badge's: it has its thumbnail.
    expect(cards.find((card) => card.id === pngId)).toMatchObject({ hasImage: true });

    // The details view (BlockcertsDisplay) asks for the picture and gets the display as written.
    const image = await dispatch(handlers, 'credentialImage', { id: htmlId });
    if (!image.ok) throw new Error('credentialImage failed');
    const display = (image.value as { image: { mediaType: string; bytes: Uint8Array } | null }).image;
    expect(display?.mediaType).toBe('text/html');
    expect(new TextDecoder().decode(display?.bytes)).toBe(designerDisplayHtml);
    const detail = await dispatch(handlers, 'credentialDetail', { id: htmlId });
    expect(detail).toMatchObject({ ok: true, value: { credential: { format: 'blockcerts', name: 'Certificate of Participation' } } });
  });
});
