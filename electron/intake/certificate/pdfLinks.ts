import type { PdfObjects } from './pdfObjects';
import { pageAnnotations, type PdfPage } from './pdfPages';

const utf8 = new TextDecoder('utf-8', { fatal: true });
const latin1 = new TextDecoder('latin1');

/**
 * The URI of a URI action is a byte string, 7-bit ASCII by the spec. Writers also put UTF-8
 * (an IRI) or a UTF-16 text string with its byte-order mark there; read each as meant.
 */
function uriText(bytes: Uint8Array): string {
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return utf8.decode(bytes);
  } catch {
    return latin1.decode(bytes);
  }
}

/** A web address as a browser would read it, or undefined for anything but http(s). */
export function webAddress(text: string): string | undefined {
  const trimmed = text.trim();
  if (!/^https?:\/\//i.test(trimmed)) return undefined;
  try {
    const url = new URL(trimmed);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The http(s) targets of the pages' URI actions (link annotations, and buttons, which can
 * carry the same action), deduplicated, in page order. The URI of a URI action is a byte
 * string, not a text string (see uriText).
 */
export function readLinks(objects: PdfObjects, pages: readonly PdfPage[]): string[] {
  const links = new Set<string>();
  for (const page of pages) {
    for (const annotation of pageAnnotations(objects, page)) {
      const action = objects.dict(objects.get(annotation, 'A'));
      if (objects.name(objects.get(action, 'S')) !== 'URI') continue;
      const uri = objects.bytes(objects.get(action, 'URI'));
      const address = uri ? webAddress(uriText(uri)) : undefined;
      if (address !== undefined) links.add(address);
    }
  }
  return [...links];
}
