import { msg } from '../../shared/credential/verificationMessages';
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { MalformedInputError } from './limits';

export interface XmlElement {
  readonly uri: string;
  readonly local: string;
  readonly attributes: ReadonlyMap<string, string>;
  readonly depth: number;
}

export interface XmlVisitor {
  open?(element: XmlElement): void;
  /** Text and CDATA inside the element most recently opened and not yet closed. */
  text?(text: string, element: XmlElement): void;
  close?(element: XmlElement): void;
}

const maxDepth = 256;
const maxElements = 500_000;

/**
 * SECURITY: parses XML (SVG badges, Europass XML) as data only. saxes never loads external
 * DTDs or entities; a DOCTYPE with an internal subset (where entity bombs live) is refused
 * outright; depth and element count are capped. Nothing here executes or fetches.
 */
export function walkXml(text: string, visitor: XmlVisitor, what = 'XML document'): void {
  const parser = new SaxesParser({ xmlns: true, position: false });
  const stack: XmlElement[] = [];
  let elements = 0;
  parser.on('doctype', (doctype) => {
    if (doctype.includes('[')) {
      throw new MalformedInputError(msg('damaged.xmlEntities', { what }));
    }
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    if (stack.length >= maxDepth) throw new MalformedInputError(msg('damaged.xmlDeep', { what }));
    if (++elements > maxElements) throw new MalformedInputError(msg('damaged.xmlElements', { what }));
    const attributes = new Map<string, string>();
    for (const attribute of Object.values(tag.attributes)) attributes.set(attribute.local, attribute.value);
    const element: XmlElement = { uri: tag.uri, local: tag.local, attributes, depth: stack.length };
    stack.push(element);
    visitor.open?.(element);
  });
  const onText = (chunk: string): void => {
    const top = stack.at(-1);
    if (top) visitor.text?.(chunk, top);
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', () => {
    const element = stack.pop();
    if (element) visitor.close?.(element);
  });
  parser.on('error', (error) => {
    throw new MalformedInputError(msg('damaged.xmlMalformed', { what, error: error.message.split('\n')[0] ?? 'parse error' }));
  });
  parser.write(text).close();
}
