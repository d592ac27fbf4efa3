import { PDFArray, PDFBool, PDFDict, PDFHexString, PDFName, PDFNumber, PDFRawStream, PDFRef, PDFString, type PDFContext, type PDFObject } from 'pdf-lib';

/**
 * Typed, forgiving reads of a parsed PDF's object graph. Every accessor resolves indirect
 * references and answers undefined for a missing object or one of the wrong type, so the
 * walkers can treat a damaged or hostile file the same as a sparse one: take what is
 * there, skip what is not, never throw.
 */
export class PdfObjects {
  constructor(readonly context: PDFContext) {}

  /** Follows indirect references (a chain of them, bounded, in case one points at itself). */
  resolve(object: PDFObject | undefined): PDFObject | undefined {
    let current = object;
    for (let hops = 0; current instanceof PDFRef; hops += 1) {
      if (hops === 8) return undefined;
      current = this.context.lookup(current);
    }
    return current;
  }

  get(dict: PDFDict | undefined, key: string): PDFObject | undefined {
    return dict ? this.resolve(dict.get(PDFName.of(key))) : undefined;
  }

  /** A dictionary; for a stream, its dictionary. */
  dict(object: PDFObject | undefined): PDFDict | undefined {
    const resolved = this.resolve(object);
    if (resolved instanceof PDFDict) return resolved;
    if (resolved instanceof PDFRawStream) return resolved.dict;
    return undefined;
  }

  array(object: PDFObject | undefined): PDFArray | undefined {
    const resolved = this.resolve(object);
    return resolved instanceof PDFArray ? resolved : undefined;
  }

  stream(object: PDFObject | undefined): PDFRawStream | undefined {
    const resolved = this.resolve(object);
    return resolved instanceof PDFRawStream ? resolved : undefined;
  }

  /** The items of an array, resolved; a single object stands for an array of one (as PDF allows for /Filter). */
  items(object: PDFObject | undefined): PDFObject[] {
    const resolved = this.resolve(object);
    if (resolved === undefined) return [];
    if (!(resolved instanceof PDFArray)) return [resolved];
    const items: PDFObject[] = [];
    for (let index = 0; index < resolved.size(); index += 1) {
      const item = this.resolve(resolved.get(index));
      if (item !== undefined) items.push(item);
    }
    return items;
  }

  /** A name's text without the slash, #xx escapes decoded (`/application#2Fjson` is "application/json"). */
  name(object: PDFObject | undefined): string | undefined {
    const resolved = this.resolve(object);
    return resolved instanceof PDFName ? resolved.decodeText() : undefined;
  }

  /** A text string, decoded from PDFDocEncoding or UTF-16 as its bytes say. */
  text(object: PDFObject | undefined): string | undefined {
    const resolved = this.resolve(object);
    return resolved instanceof PDFString || resolved instanceof PDFHexString ? resolved.decodeText() : undefined;
  }

  /** A string's raw bytes, for byte strings such as URIs, which are not text strings. */
  bytes(object: PDFObject | undefined): Uint8Array | undefined {
    const resolved = this.resolve(object);
    return resolved instanceof PDFString || resolved instanceof PDFHexString ? resolved.asBytes() : undefined;
  }

  boolean(object: PDFObject | undefined): boolean | undefined {
    const resolved = this.resolve(object);
    return resolved instanceof PDFBool ? resolved.asBoolean() : undefined;
  }

  number(object: PDFObject | undefined): number | undefined {
    const resolved = this.resolve(object);
    return resolved instanceof PDFNumber ? resolved.asNumber() : undefined;
  }
}
