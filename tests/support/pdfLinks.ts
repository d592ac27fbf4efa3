import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { inflateRawSync } from 'node:zlib';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { renderPages } from './pdfTools';

/**
 * Reading a portfolio PDF's links the way an employer's tools would, independently of the code
 * that wrote them: pdf-lib for the link annotations, zlib for the fragment, zbarimg (ZBar) for
 * the printed QR codes.
 */

export interface LinkAnnotation {
  readonly page: number;
  /** The annotation's name (NM), when it has one. */
  readonly name: string | undefined;
  readonly uri: string;
}

/** Every URI link annotation on every page. */
export async function linkAnnotations(pdf: Uint8Array): Promise<LinkAnnotation[]> {
  const doc = await PDFDocument.load(pdf);
  const found: LinkAnnotation[] = [];
  doc.getPages().forEach((page, index) => {
    const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    for (let i = 0; i < (annots?.size() ?? 0); i++) {
      const annotation = annots?.lookup(i, PDFDict);
      const uri = annotation?.lookupMaybe(PDFName.of('A'), PDFDict)?.lookupMaybe(PDFName.of('URI'), PDFString, PDFHexString)?.decodeText();
      if (uri === undefined) continue;
      const name = annotation?.lookupMaybe(PDFName.of('NM'), PDFString, PDFHexString)?.decodeText();
      found.push({ page: index + 1, name, uri });
    }
  });
  return found;
}

/** The credential bytes a `#vc1.z.<base64url raw deflate>` link carries, decoded with Node's zlib. */
export function bytesInLink(link: string): Uint8Array | undefined {
  const match = /#vc1\.z\.([A-Za-z0-9_-]+)$/.exec(link);
  if (!match?.[1]) return undefined;
  return new Uint8Array(inflateRawSync(Buffer.from(match[1], 'base64url')));
}

/** The short id the PDF's fallback QR codes carry: the first 12 hex digits of the SHA-256 of the original. */
export function shortIdOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 12);
}

/** Every QR code ZBar reads on one rendered page (none: an empty list). */
export function zbarCodes(png: string): string[] {
  const result = spawnSync('zbarimg', ['--quiet', '--raw', '-Sdisable', '-Sqrcode.enable', png], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  // Exit status 4: the image holds no code.
  if (result.status === 4) return [];
  if (result.status !== 0) throw new Error(`zbarimg ${png} failed: ${result.stderr}`);
  return result.stdout.split('\n').filter((line) => line !== '');
}

/** Every QR code in the PDF, read by ZBar from pdftoppm renders at 150 dpi (a plain office scan). */
export function qrCodesAt150Dpi(pdfPath: string): string[] {
  return renderPages(pdfPath, 150).flatMap((page) => zbarCodes(page));
}
