import { deflateSync } from 'node:zlib';
import { PDFDocument, PDFName, PDFRawStream, PDFString } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { readPdfCertificate, type PdfFindings } from '../../../electron/intake/certificate/pdfCertificate';
import { pdfDateToIso } from '../../../electron/intake/certificate/pdfMetadata';
import { defaultIntakeLimits, MalformedInputError, type IntakeLimits } from '../../../electron/intake/limits';
import {
  addBilevelImage,
  addFileSpec,
  addLink,
  addPredictedGrayImage,
  certificateScan,
  drawXObject,
  encodeJpeg,
  paper,
  qrPng,
  drawQr,
  seededRandom,
  setEmbeddedFiles,
  verifyUrl,
  wrapInForm,
} from './inputs';

const limits = defaultIntakeLimits;
const badgeJson = new TextEncoder().encode(JSON.stringify({ '@context': 'https://w3id.org/openbadges/v2', type: 'Assertion', id: 'urn:uuid:1' }));

async function refusal(bytes: Uint8Array, withLimits: IntakeLimits = limits): Promise<MalformedInputError> {
  try {
    await readPdfCertificate(bytes, withLimits);
  } catch (error) {
    if (error instanceof MalformedInputError) return error;
    throw error;
  }
  throw new Error('expected a MalformedInputError');
}

/** A certificate as an issuer's tool might produce it, made with pdf-lib's public API wherever it has one. */
async function issuerCertificate(): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  document.setTitle('Certificate of Completion: Data Literacy');
  document.setAuthor('Example University');
  document.setSubject('Awarded to Ana Example');
  document.setCreationDate(new Date('2024-05-01T10:00:00Z'));

  // Page 1: a scanned-looking JPEG with the QR code, and a link to the verification page.
  const first = document.addPage([842, 595]);
  const scan = certificateScan(900, 640, `${verifyUrl}?via=jpeg`, { grain: 20, marks: 300, scale: 4 });
  first.drawImage(await document.embedJpg(encodeJpeg(scan)), { x: 0, y: 0, width: 842, height: 595 });
  addLink(first, verifyUrl);
  addLink(first, verifyUrl); // a second link to the same address: reported once

  // Page 2: the qrcode package's PNG; pdf-lib stores it as deflated RGB samples.
  const second = document.addPage([595, 842]);
  second.drawImage(await document.embedPng(await qrPng(`${verifyUrl}?via=png`)), { x: 200, y: 300, width: 200, height: 200 });

  // Page 3: grey samples behind PNG predictors, as LaTeX and iText pass a PNG through.
  const third = document.addPage([595, 842]);
  const code = paper(240, 240);
  drawQr(code, `${verifyUrl}?via=predictor`, { left: 0, top: 0, scale: 6 });
  drawXObject(third, addPredictedGrayImage(document.context, code), 'QrCode');

  await document.attach(badgeJson, 'badge.json', { mimeType: 'application/json', description: 'The signed badge' });
  return document.save();
}

describe('readPdfCertificate on an issuer certificate', () => {
  let findings: PdfFindings;
  let bytes: Uint8Array;

  beforeAll(async () => {
    bytes = await issuerCertificate();
    findings = await readPdfCertificate(bytes, limits);
  });

  it('reads the title, issuer, subject and date a person sees in the document properties', () => {
    expect(findings.title).toBe('Certificate of Completion: Data Literacy');
    expect(findings.author).toBe('Example University');
    expect(findings.subject).toBe('Awarded to Ana Example');
    expect(findings.createdOn).toBe('2024-05-01T10:00:00.000Z');
    expect(findings.pageCount).toBe(3);
  });

  it('finds the verification link, once', () => {
    expect(findings.links).toEqual([verifyUrl]);
  });

  it('reads the QR code in a JPEG, in a PNG embedded by pdf-lib, and behind PNG predictors', () => {
    expect([...findings.qrCodes].sort()).toEqual([`${verifyUrl}?via=jpeg`, `${verifyUrl}?via=png`, `${verifyUrl}?via=predictor`]);
  });

  it('returns the attached badge byte for byte, with its name and media type', () => {
    expect(findings.attachments).toHaveLength(1);
    const [attachment] = findings.attachments;
    expect(attachment?.name).toBe('badge.json');
    expect(attachment?.mediaType).toBe('application/json');
    expect(Buffer.from(attachment?.bytes ?? []).equals(Buffer.from(badgeJson))).toBe(true);
  });

  it('leaves the caller’s bytes untouched', async () => {
    const before = Buffer.from(bytes);
    await readPdfCertificate(bytes, limits);
    expect(Buffer.from(bytes).equals(before)).toBe(true);
  });
});

describe('readPdfCertificate: where else files and codes hide', () => {
  it('walks a name tree with /Kids, and counts a file also attached to a page only once', async () => {
    const document = await PDFDocument.create();
    const page = document.addPage();
    const { context } = document;
    const first = addFileSpec(context, 'first.json', new TextEncoder().encode('{"n":1}'), { mediaType: 'application/json' });
    const second = addFileSpec(context, 'folder/second.txt', new TextEncoder().encode('plain'), { compress: false });
    const leaf = (key: string, spec: typeof first) => context.register(context.obj({ Limits: [PDFString.of(key), PDFString.of(key)], Names: [PDFString.of(key), spec] }));
    setEmbeddedFiles(document, context.obj({ Kids: [leaf('first.json', first), leaf('second.txt', second)] }));
    page.node.addAnnot(context.register(context.obj({ Type: 'Annot', Subtype: 'FileAttachment', Rect: [10, 10, 30, 30], FS: second })));

    const findings = await readPdfCertificate(await document.save(), limits);
    expect(findings.attachments.map((a) => [a.name, a.mediaType, new TextDecoder().decode(a.bytes)])).toEqual([
      ['first.json', 'application/json', '{"n":1}'],
      ['second.txt', undefined, 'plain'], // the path in the file spec is not part of the name
    ]);
  });

  it('reads a QR code PNG with a transparent background (stored with a soft mask over black pixels)', async () => {
    const document = await PDFDocument.create();
    const page = document.addPage();
    page.drawImage(await document.embedPng(await qrPng(verifyUrl, { transparent: true })), { x: 100, y: 100, width: 200, height: 200 });
    expect((await readPdfCertificate(await document.save(), limits)).qrCodes).toEqual([verifyUrl]);
  });

  it('reads QR codes stored as one-bit images, one of them a stencil mask inside a form XObject', async () => {
    const document = await PDFDocument.create();
    const { context } = document;
    const picture = (text: string) => {
      const code = paper(200, 200);
      drawQr(code, text, { left: 0, top: 0, scale: 5 });
      return code;
    };
    drawXObject(document.addPage(), addBilevelImage(context, picture(`${verifyUrl}?via=1-bit`), { stencil: false }), 'Bits');
    drawXObject(document.addPage(), wrapInForm(context, addBilevelImage(context, picture(`${verifyUrl}?via=stencil`), { stencil: true })), 'Form');
    const findings = await readPdfCertificate(await document.save(), limits);
    expect([...findings.qrCodes].sort()).toEqual([`${verifyUrl}?via=1-bit`, `${verifyUrl}?via=stencil`]);
  });

  it('skips an attachment packed with a filter it does not read, and keeps the others', async () => {
    const document = await PDFDocument.create();
    document.addPage();
    const { context } = document;
    const hex = Buffer.from('hello').toString('hex');
    const stream = context.register(PDFRawStream.of(context.obj({ Type: 'EmbeddedFile', Filter: 'ASCIIHexDecode', Length: hex.length + 1 }), new TextEncoder().encode(`${hex}>`)));
    const odd = context.register(context.obj({ Type: 'Filespec', F: PDFString.of('odd.txt'), EF: { F: stream } }));
    const good = addFileSpec(context, 'good.json', badgeJson);
    setEmbeddedFiles(document, context.obj({ Names: [PDFString.of('good.json'), good, PDFString.of('odd.txt'), odd] }));
    const findings = await readPdfCertificate(await document.save(), limits);
    expect(findings.attachments.map((a) => a.name)).toEqual(['good.json']);
  });
});

describe('readPdfCertificate: damaged and hostile PDFs', () => {
  it('refuses random bytes and an empty file', async () => {
    const random = seededRandom(5);
    const noise = Uint8Array.from({ length: 5000 }, () => Math.floor(random() * 256));
    expect((await refusal(noise)).message).toBe('This PDF could not be read: it does not start like a PDF file.');
    expect((await refusal(new Uint8Array())).message).toBe('This PDF could not be read: it does not start like a PDF file.');
  });

  it('refuses a PDF cut short, saying so', async () => {
    const whole = await issuerCertificate();
    const error = await refusal(whole.subarray(0, Math.floor(whole.length / 3)));
    expect(error.message).toMatch(/^This PDF could not be read: /);
  });

  it('refuses a PDF whose attached file is a decompression bomb, naming the file, without inflating it', async () => {
    const document = await PDFDocument.create();
    document.addPage();
    const bomb = new Uint8Array(64 * 1024 * 1024); // 64 MB of zeros deflates to about 64 KB
    setEmbeddedFiles(document, document.context.obj({ Names: [PDFString.of('badge.json'), addFileSpec(document.context, 'badge.json', bomb)] }));
    const pdf = await document.save();
    expect(pdf.length).toBeLessThan(200_000);

    const error = await refusal(pdf, { ...limits, maxInflatedBytes: 1024 * 1024 });
    expect(error.message).toBe('The attached file "badge.json" unpacks to more than 1 MB: possibly a decompression bomb; Badgefolio did not read this PDF.');
    expect(error.where).toBe('attached file "badge.json"');
    // With the default limits (32 MB) the same file is refused too, as it is twice that.
    expect((await refusal(pdf)).message).toMatch(/unpacks to more than 32 MB/);
  });

  it('reads only the declared samples of an image whose stream inflates far beyond them', async () => {
    const document = await PDFDocument.create();
    document.setTitle('Still readable');
    const page = document.addPage();
    const { context } = document;
    const data = new Uint8Array(deflateSync(new Uint8Array(64 * 1024 * 1024)));
    const image = context.register(
      PDFRawStream.of(
        context.obj({ Type: 'XObject', Subtype: 'Image', Width: 100, Height: 100, ColorSpace: 'DeviceGray', BitsPerComponent: 8, Filter: 'FlateDecode', Length: data.length }),
        data,
      ),
    );
    drawXObject(page, image, 'Huge');
    const findings = await readPdfCertificate(await document.save(), limits);
    expect(findings.title).toBe('Still readable');
    expect(findings.qrCodes).toEqual([]);
  });

  it('ends on a page tree whose /Kids lead back to the root', async () => {
    const document = await PDFDocument.create();
    document.addPage();
    const root = document.catalog.get(PDFName.of('Pages'));
    const tree = document.catalog.Pages();
    const kids = tree.Kids();
    if (root) kids.push(root);
    const findings = await readPdfCertificate(await document.save({ useObjectStreams: false }), limits);
    expect(findings.pageCount).toBe(1);
  });

  it('reads an encrypted PDF’s page count and returns no ciphertext as metadata', async () => {
    const document = await PDFDocument.create();
    document.setTitle('This title is ciphertext in a real encrypted file');
    document.addPage();
    document.addPage();
    const { context } = document;
    context.trailerInfo.Encrypt = context.register(context.obj({ Filter: 'Standard', V: 1, R: 2, O: PDFString.of('x'.repeat(32)), U: PDFString.of('y'.repeat(32)), P: -4 }));
    const findings = await readPdfCertificate(await document.save({ useObjectStreams: false }), limits);
    expect(findings).toEqual({ links: [], qrCodes: [], attachments: [], pageCount: 2, text: '' });
  });
});

describe('pdfDateToIso', () => {
  it.each([
    ["D:20240501100000+02'00'", '2024-05-01T08:00:00.000Z'],
    ['D:20240501100000Z', '2024-05-01T10:00:00.000Z'],
    ["D:20240501100000-05'30", '2024-05-01T15:30:00.000Z'],
    ['D:20240501', '2024-05-01T00:00:00.000Z'],
    ['D:2024', '2024-01-01T00:00:00.000Z'],
    ['20240501100000', '2024-05-01T10:00:00.000Z'],
    ['2024-05-01T10:00:00+02:00', '2024-05-01T08:00:00.000Z'],
    ['2024-05-01 10:00', '2024-05-01T10:00:00.000Z'],
  ])('reads %s as %s', (text, iso) => {
    expect(pdfDateToIso(text)).toBe(iso);
  });

  it.each(['D:20241301', 'D:20240230', 'yesterday', '', "D:20240501100000+25'00'"])('drops %j', (text) => {
    expect(pdfDateToIso(text)).toBeUndefined();
  });
});

describe('a PDF certificate kept as self-reported', () => {
  it('is not dated by the day its file was made (often the day it was downloaded): the date stays empty and the file date is a note', async () => {
    const { Intake } = await import('../../../electron/intake/intake');
    const document = await PDFDocument.create();
    document.setTitle('Certificate of Attendance: First aid');
    document.setCreationDate(new Date('2026-12-01T09:30:00Z'));
    document.addPage([595, 842]);
    const [outcome] = await new Intake().inspect({ name: 'first-aid.pdf', bytes: await document.save() });
    if (outcome?.outcome !== 'recognised') throw new Error(`not recognised: ${JSON.stringify(outcome)}`);
    expect(outcome.credential.selfReported).toBe(true);
    expect(outcome.credential.name).toBe('Certificate of Attendance: First aid');
    expect(outcome.credential.issuedOn).toBeUndefined();
    expect(outcome.credential.notes).toContain('The file was made on 2026-12-01; the date it was issued is not known until you add it.');
  });
});
