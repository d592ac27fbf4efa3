import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../../electron/cli/command';
import { importCommand } from '../../../electron/cli/commands/import';
import { Intake } from '../../../electron/intake/intake';
import { Vault } from '../../../electron/vault/vault';
import { renderMessage } from '../../../shared/credential/verificationMessages';
import { certificateScan, encodeJpeg, encodePng, qrPng, verifyUrl } from '../certificate/inputs';
import { testKdf } from '../../support/walletFixtures';

/**
 * Issue #20, "a QR code on screen or paper": a picture or PDF whose QR code holds a link to
 * receive from is that offer, not a self-reported certificate. The pictures and PDFs are made
 * here by independent libraries (qrcode draws the codes, pngjs and jpeg-js encode, pdf-lib
 * writes the PDF), as tests/unit/certificate does.
 */
const offerUri = 'https://issuer.example/offers/6d1f?valid=1';
const offerLink = `openid-credential-offer://?credential_offer_uri=${encodeURIComponent(offerUri)}`;
const intake = new Intake();

async function pdfWithCode(text: string): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  document.setTitle('Your badge is ready');
  const page = document.addPage([595, 842]);
  page.drawText('Scan this code with your wallet to receive your badge.', { x: 60, y: 760, size: 14 });
  page.drawImage(await document.embedPng(await qrPng(text)), { x: 180, y: 300, width: 240, height: 240 });
  return document.save();
}

describe('a QR code holding a link to receive from', () => {
  it('makes a PNG an offer found (with its link and host), not a certificate', async () => {
    const [outcome] = await intake.inspect({ name: 'offer.png', bytes: await qrPng(offerLink) });
    expect(outcome).toMatchObject({ outcome: 'offer-found', file: 'offer.png', offer: { link: offerLink, host: 'issuer.example' }, container: 'png' });
    expect(outcome?.outcome === 'offer-found' && outcome.reason).toBe(
      'This file holds a QR code with a credential offer from issuer.example: Badgefolio asks you before anything is sent. It was not stored as a certificate.',
    );
    // The app says it in the reader's language.
    expect(outcome?.outcome === 'offer-found' && outcome.reasonMessage && renderMessage(outcome.reasonMessage, 'de')).toBe(
      'Diese Datei enthält einen QR-Code mit einem Nachweisangebot von issuer.example: Badgefolio fragt dich, bevor etwas gesendet wird. Sie wurde nicht als Zertifikat gespeichert.',
    );
  });

  it('finds the offer on a photo of a printed page (JPEG) and in a PDF', async () => {
    const photo = encodeJpeg(certificateScan(1200, 900, offerLink, { grain: 20, marks: 400, scale: 4 }), 85);
    expect(await intake.inspect({ name: 'poster.jpg', bytes: photo })).toMatchObject([{ outcome: 'offer-found', offer: { link: offerLink }, container: 'image' }]);
    expect(await intake.inspect({ name: 'letter.pdf', bytes: await pdfWithCode(offerLink) })).toMatchObject([
      { outcome: 'offer-found', offer: { link: offerLink, host: 'issuer.example' }, container: 'pdf' },
    ]);
  });

  it('takes request links, interaction URLs and badgefolio:// links; a verification address stays a certificate', async () => {
    const request = 'https://lcw.app/request.html?issuer=issuer.example&vc_request_url=https%3A%2F%2Fissuer.example%2Fexchange%2F1&challenge=abc123';
    const interaction = 'https://exchange.example/interactions/7?iuv=1';
    const wrapped = `badgefolio://receive?link=${encodeURIComponent('https://badges.example.org/assertions/9')}`;
    for (const [text, host] of [
      [request, 'issuer.example'],
      [interaction, 'exchange.example'],
      [wrapped, 'badges.example.org'],
    ] as const) {
      expect(await intake.inspect({ name: 'code.png', bytes: encodePng(certificateScan(700, 500, text)) }), text).toMatchObject([
        { outcome: 'offer-found', offer: { link: text, host } },
      ]);
    }
    const [certificate] = await intake.inspect({ name: 'certificate.png', bytes: await qrPng(verifyUrl) });
    expect(certificate?.outcome === 'recognised' && certificate.credential.selfReported).toBe(true);
  });

  it('makes `badgefolio import` say how to receive it, store nothing and send nothing', async () => {
    const passphrase = 'river lamp 12 ocean';
    const folder = mkdtempSync(path.join(os.tmpdir(), 'badgefolio-qr-offer-'));
    (await Vault.create(folder, passphrase, testKdf)).lockWallet();
    const picture = path.join(folder, '..', `${path.basename(folder)}-offer.png`);
    writeFileSync(picture, await qrPng(offerLink));
    const out: string[] = [];
    const io: CliIo = { stdout: (text) => out.push(text), stderr: () => undefined, env: { BADGEFOLIO_PASSPHRASE: passphrase }, cwd: process.cwd(), interactive: false };
    expect(await importCommand.run([picture, '--vault', folder, '--offline'], io)).toBe(1);
    const printed = out.join('');
    expect(printed).toMatch(/^offer found {2}.*-offer\.png {2}\(This file holds a QR code with a credential offer from issuer\.example/m);
    expect(printed).toContain(`  To receive it (you are asked before anything is sent): badgefolio receive '${offerLink}'\n`);
    const vault = await Vault.unlock(folder, passphrase);
    expect(vault.size).toBe(0);
    vault.lockWallet();
  });
});
