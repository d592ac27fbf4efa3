import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Intake } from '../../../electron/intake/intake';
import { oneSentence, readBlockcertsDisplay } from '../../../electron/intake/formats/blockcertsDisplay';
import { makePngImage } from '../../support/credentials/images';
import { blockcertsV3Certificate, certificateFile, designerDisplayHtml, htmlDisplay, issuanceDate, issuerProfileUrl } from '../../support/blockcertsCertificates';
import { realWorldDir } from '../../support/sharedFixtures';

/**
 * How intake reads a Blockcerts certificate's display: the title and summary a designer's
 * display gives a certificate that names itself nowhere else, an image display taken as the
 * picture, and displays that cannot be read (the certificate is still read, its display is
 * left out, and a note says why). Built from a Blockcerts v3 certificate written here with its
 * display changed, and from Hyland's published xLabs certificate (tests/fixtures/real-world).
 */
const intake = new Intake();

async function readWith(display: unknown, name?: string) {
  const certificate = blockcertsV3Certificate({ display, ...(name !== undefined ? { name } : {}) });
  const [outcome] = await intake.inspect({ name: 'certificate.json', bytes: certificateFile(certificate) });
  if (outcome?.outcome !== 'recognised') throw new Error(`not recognised: ${outcome?.reason ?? 'nothing'}`);
  return outcome.credential;
}

describe('Blockcerts display', () => {
  it("names a certificate that has no name of its own by its display's heading, and keeps the display, as written, as its picture", async () => {
    const credential = await readWith(htmlDisplay(designerDisplayHtml));
    expect(credential.format).toBe('blockcerts');
    expect(credential.formatVersion).toBe('v3');
    expect(credential.name).toBe('Certificate of Participation');
    expect(credential.image?.mediaType).toBe('text/html');
    expect(new TextDecoder().decode(credential.image?.bytes)).toBe(designerDisplayHtml);
    expect(credential.recipient?.name, 'the subject name is the recipient, not the title').toBe('Ada Example');
    expect(credential.description, 'the summary is the display text after the title, cut to a sentence').toBe(
      'Has been an active part of the 2024 Open Data Lab, a partnership of three universities exploring verifiable records of research data.',
    );
    expect(credential.description, 'no embedded picture in the summary').not.toMatch(/data:/);
    expect(credential.notes).toEqual([]);
  });

  it("keeps the certificate's own name over its display's heading", async () => {
    expect((await readWith(htmlDisplay(designerDisplayHtml), 'Open Data Lab participation')).name).toBe('Open Data Lab participation');
  });

  it('reads a base64-encoded HTML display as the same HTML', async () => {
    const credential = await readWith(htmlDisplay(designerDisplayHtml, 'base64'));
    expect(credential.name).toBe('Certificate of Participation');
    expect(new TextDecoder().decode(credential.image?.bytes)).toBe(designerDisplayHtml);
  });

  it('takes an image display as the picture, decoded from base64', async () => {
    const png = makePngImage(12, 9, 3);
    const credential = await readWith({ contentMediaType: 'image/png', contentEncoding: 'base64', content: Buffer.from(png).toString('base64') });
    expect(credential.image?.mediaType).toBe('image/png');
    expect(Buffer.from(credential.image?.bytes ?? new Uint8Array()).equals(Buffer.from(png))).toBe(true);
    // A picture holds no title to read: the certificate is untitled, never given a made-up name.
    expect(credential.name).toBe('');
  });

  it.each([
    [{ contentMediaType: 'image/png', contentEncoding: 'base64', content: 'not base64 at all!' }, "The certificate's display (image/png) is not valid base64."],
    [{ contentMediaType: 'image/png', contentEncoding: 'base32', content: 'MZXW6===' }, "The certificate's display uses the base32 encoding, which Badgefolio does not read."],
    [
      { contentMediaType: 'application/pdf', contentEncoding: 'base64', content: 'JVBERi0xLjMK' },
      "The certificate's display is application/pdf, which is kept in the original file but not shown as its picture.",
    ],
    [{ contentMediaType: 'text/html', contentEncoding: 'base64', content: '%%%' }, "The certificate's display is marked base64 but is not valid base64."],
    [{ contentMediaType: 'text/html', content: '   ' }, "The certificate's display has no content."],
    [{ content: '<h1>Untyped</h1>' }, "The certificate's display does not say what it is (no contentMediaType)."],
  ])('%j is left out with a note', async (display, note) => {
    const credential = await readWith(display);
    expect(credential.notes).toEqual([note]);
    expect(credential.image).toBeUndefined();
    // Nothing else changes: the certificate is still untitled (it has no name of its own), dated and attributed.
    expect(credential.name).toBe('');
    expect(credential.issuer.id).toBe(issuerProfileUrl);
    expect(credential.issuedOn).toBe(issuanceDate);
    expect(credential.recipient?.name).toBe('Ada Example');
  });

  it('reads a heading first, then <title>, and never the text of a script or style', () => {
    const html =
      '<html><head><title>Page title</title><style>h1{color:red}</style></head><body><script>document.title="x"</script><p>Intro line</p><h2>Diploma in Nursing</h2><p>Awarded for completing three years of supervised clinical practice.</p></body></html>';
    expect(readBlockcertsDisplay({ display: { contentMediaType: 'text/html', content: html } })).toMatchObject({
      title: 'Diploma in Nursing',
      summary: 'Awarded for completing three years of supervised clinical practice.',
    });
    expect(readBlockcertsDisplay({ displayHtml: '<title>Only &amp; title</title><p>12</p>' })?.title).toBe('Only & title');
    expect(readBlockcertsDisplay({ displayHtml: '<p>2021</p><p>Certificate&nbsp;of Merit</p>' })?.title).toBe('Certificate of Merit');
  });

  it('keeps a summary to a sentence of plain text, without an embedded picture', () => {
    const picture = `data:image/png;base64,${'iVBORw0KGgo'.repeat(30_000)}`;
    expect(oneSentence(`<p>Completed the course. <img src="${picture}"> Second sentence.</p>`)).toBe('Completed the course.');
    expect(oneSentence(`Completed ${picture} the course with honours`)).toBe('Completed the course with honours');
    expect(oneSentence('word '.repeat(100))?.length).toBeLessThanOrEqual(301);
    expect(oneSentence('   ')).toBeUndefined();
  });

  it("leaves out a published certificate's unreadable display the same way (tests/fixtures/real-world)", async () => {
    const hyland = JSON.parse(readFileSync(path.join(realWorldDir, 'hyland-v3-xlabs-participation-did-ion.json'), 'utf8')) as Record<string, unknown>;
    const bytes = new TextEncoder().encode(JSON.stringify({ ...hyland, display: { contentMediaType: 'image/png', contentEncoding: 'base64', content: 'not base64 at all!' } }));
    const [outcome] = await intake.inspect({ name: 'changed-display.json', bytes });
    if (outcome?.outcome !== 'recognised') throw new Error(`not recognised: ${outcome?.reason ?? 'nothing'}`);
    expect(outcome.credential.notes).toEqual(["The certificate's display (image/png) is not valid base64."]);
    expect(outcome.credential.image).toBeUndefined();
    expect(outcome.credential.name).toBe('');
    expect(outcome.credential.issuer.name).toBe('Hyland Innovation Team');
    expect(outcome.credential.issuedOn).toBe('2021-11-23T15:00:00Z');
  });
});
