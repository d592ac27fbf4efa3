import { msg } from '../../../shared/credential/verificationMessages';
import type { PDFDict, PDFObject } from 'pdf-lib';
import { formatBytes, MalformedInputError, type IntakeLimits } from '../limits';
import type { PdfObjects } from './pdfObjects';
import { pageAnnotations, type PdfPage } from './pdfPages';
import { decodeStreamData } from './pdfStreams';

export interface PdfAttachment {
  readonly name: string;
  readonly mediaType?: string;
  readonly bytes: Uint8Array;
}

/** A file specification found somewhere in the document, with the name it was listed under. */
interface FoundFileSpec {
  readonly spec: PDFDict;
  readonly listedAs: string | undefined;
}

/** Bounds on walking the /EmbeddedFiles name tree, however it is shaped. */
const maxNameTreeNodes = 10_000;
const maxNameTreeDepth = 32;

/** The /EmbeddedFiles name tree: /Names pairs of [key, file spec], /Kids below, in key order. */
function embeddedFileSpecs(objects: PdfObjects, catalog: PDFDict): FoundFileSpec[] {
  const found: FoundFileSpec[] = [];
  const root = objects.dict(objects.get(objects.dict(objects.get(catalog, 'Names')), 'EmbeddedFiles'));
  if (!root) return found;
  const visited = new Set<PDFObject>();
  const pending: { node: PDFDict; depth: number }[] = [{ node: root, depth: 0 }];
  while (pending.length > 0 && visited.size < maxNameTreeNodes) {
    const next = pending.pop();
    if (!next || visited.has(next.node)) continue;
    visited.add(next.node);
    const pairs = objects.array(objects.get(next.node, 'Names'));
    for (let index = 0; pairs && index + 1 < pairs.size(); index += 2) {
      const spec = objects.dict(pairs.get(index + 1));
      if (spec) found.push({ spec, listedAs: objects.text(pairs.get(index)) });
    }
    if (next.depth < maxNameTreeDepth) {
      for (const kid of objects.items(objects.get(next.node, 'Kids')).reverse()) {
        const node = objects.dict(kid);
        if (node) pending.push({ node, depth: next.depth + 1 });
      }
    }
  }
  return found;
}

/** PDF/A-3 "associated files" (/AF on the catalog), where e-invoices and some credentials live. */
function associatedFileSpecs(objects: PdfObjects, catalog: PDFDict): FoundFileSpec[] {
  return objects
    .items(objects.get(catalog, 'AF'))
    .map((item) => objects.dict(item))
    .filter((spec) => spec !== undefined)
    .map((spec) => ({ spec, listedAs: undefined }));
}

/** File attachment annotations: the paper-clip icons on a page. */
function annotationFileSpecs(objects: PdfObjects, pages: readonly PdfPage[]): FoundFileSpec[] {
  const found: FoundFileSpec[] = [];
  for (const page of pages) {
    for (const annotation of pageAnnotations(objects, page)) {
      if (objects.name(objects.get(annotation, 'Subtype')) !== 'FileAttachment') continue;
      const spec = objects.dict(objects.get(annotation, 'FS'));
      if (spec) found.push({ spec, listedAs: objects.text(objects.get(annotation, 'Contents')) });
    }
  }
  return found;
}

/**
 * A name safe to show and to use as a file name: the last path segment (file specs may
 * carry a path), no control characters, not absurdly long.
 */
function attachmentName(objects: PdfObjects, found: FoundFileSpec): string {
  const candidates = [objects.text(objects.get(found.spec, 'UF')), objects.text(objects.get(found.spec, 'F')), found.listedAs];
  for (const candidate of candidates) {
    const name = (candidate?.split(/[/\\]/).pop() ?? '')
      // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
      .replace(/[\u0000-\u001f\u007f]/g, '')
      .trim()
      .slice(0, 255);
    if (name !== '') return name;
  }
  return 'attachment';
}

function mediaTypeOf(objects: PdfObjects, stream: PDFDict): string | undefined {
  const subtype = objects.name(objects.get(stream, 'Subtype'))?.trim().toLowerCase();
  return subtype !== undefined && /^[a-z0-9][\w.+-]*\/[\w.+-]+$/.test(subtype) ? subtype : undefined;
}

/**
 * The files embedded in the PDF: listed in the /EmbeddedFiles name tree, as associated
 * files, or attached to a page; each file once, however many places list it.
 *
 * Limits are those of an archive: at most `maxArchiveEntries` files, `maxArchiveBytes`
 * together, each unpacked to at most `maxInflatedBytes`. A file beyond a limit refuses the
 * whole PDF (MalformedInputError): a certificate does not carry hundreds of megabytes, and a
 * silently dropped attachment could be the very credential the person is importing. A file
 * whose data is damaged, or packed with a filter other than FlateDecode, is skipped.
 */
export function readAttachments(objects: PdfObjects, catalog: PDFDict, pages: readonly PdfPage[], limits: IntakeLimits): PdfAttachment[] {
  const specs = [...embeddedFileSpecs(objects, catalog), ...associatedFileSpecs(objects, catalog), ...annotationFileSpecs(objects, pages)];
  const attachments: PdfAttachment[] = [];
  const seen = new Set<PDFObject>();
  let total = 0;
  for (const found of specs) {
    const files = objects.dict(objects.get(found.spec, 'EF'));
    const stream = objects.stream(objects.get(files, 'F')) ?? objects.stream(objects.get(files, 'UF'));
    if (!stream || seen.has(stream)) continue;
    seen.add(stream);
    const name = attachmentName(objects, found);
    if (attachments.length === limits.maxArchiveEntries) {
      throw new MalformedInputError(msg('damaged.pdfManyAttachments', { count: limits.maxArchiveEntries }));
    }
    const budget = Math.min(limits.maxInflatedBytes, limits.maxArchiveBytes - total);
    const data = decodeStreamData(objects, stream, budget, 'refuse');
    if (data.kind === 'too-large') {
      throw new MalformedInputError(
        budget < limits.maxInflatedBytes
          ? msg('damaged.pdfAttachmentsTooLarge', { limit: formatBytes(limits.maxArchiveBytes) })
          : msg('damaged.pdfAttachmentBomb', { name, limit: formatBytes(limits.maxInflatedBytes) }),
        `attached file "${name}"`,
      );
    }
    if (data.kind !== 'data') continue;
    total += data.bytes.length;
    const mediaType = mediaTypeOf(objects, stream.dict);
    // A copy: the parsed stream is a view into the whole PDF, which should not be kept alive by it.
    attachments.push({ name, ...(mediaType === undefined ? {} : { mediaType }), bytes: data.bytes.slice() });
  }
  return attachments;
}
