// Baked badge images as issuers produce them. PNG: one text chunk (iTXt `openbadges` for OB 2.0,
// `openbadgecredential` for OB 3.0, tEXt for pre-spec Mozilla badges, compressed variants for
// robustness tests). SVG: the namespaced element OB 2.0 / OB 3.0 define. OB 2.0 baking is also
// available through openbadges-bakery, Mozilla's original baker, as a fully independent producer.
import bakery from 'openbadges-bakery';
import { patchOpenBadgesBakeryForModernNode } from './bakeryCompat';
import { escapeXml } from './images';
import { encodeChunk, insertChunk, itxtData, textData, ztxtData } from './pngChunks';
import type { ChunkPosition } from './pngChunks';

export type PngBadgeKeyword = 'openbadges' | 'openbadgecredential';

export interface PngBakeOptions {
  /** Right after IHDR (default, as the bakers do) or right before IEND. */
  position?: ChunkPosition;
}

/** Inserts an uncompressed iTXt chunk (the OB 2.0 / 3.0 baking). Baking twice gives two chunks. */
export function bakePngItxt(png: Uint8Array, keyword: PngBadgeKeyword, text: string, options: PngBakeOptions = {}): Uint8Array {
  return insertChunk(png, encodeChunk('iTXt', itxtData(keyword, text)), options.position);
}

/** A pre-spec (Mozilla backpack era) badge: tEXt `openbadges` holding the hosted assertion URL. */
export function bakePngLegacyText(png: Uint8Array, url: string, options: PngBakeOptions = {}): Uint8Array {
  return insertChunk(png, encodeChunk('tEXt', textData('openbadges', url)), options.position);
}

/**
 * A compressed text chunk, which the specs do not allow for baking but readers meet: `zTXt`
 * (Latin-1 text only) or an iTXt with its compression flag set (any text).
 */
export function bakePngZtxt(png: Uint8Array, keyword: PngBadgeKeyword, text: string, options: PngBakeOptions & { variant?: 'zTXt' | 'compressed-iTXt' } = {}): Uint8Array {
  const chunk = options.variant === 'compressed-iTXt' ? encodeChunk('iTXt', itxtData(keyword, text, true)) : encodeChunk('zTXt', ztxtData(keyword, text));
  return insertChunk(png, chunk, options.position);
}

type BakeryOptions = Parameters<typeof bakery.bake>[0];

function bakeryBake(options: BakeryOptions): Promise<Buffer | string> {
  // openbadges-bakery sniffs the image type from its first 256 bytes and never calls back for
  // a shorter input: refuse early instead of hanging the test.
  if (options.image.length < 256) return Promise.reject(new Error('openbadges-bakery needs an image of at least 256 bytes'));
  patchOpenBadgesBakeryForModernNode();
  return new Promise((resolve, reject) => {
    bakery.bake(options, (error, baked) => {
      if (error) reject(error);
      else if (baked === undefined) reject(new Error('openbadges-bakery returned nothing'));
      else resolve(baked);
    });
  });
}

/**
 * Bakes an OB 2.0 PNG with openbadges-bakery: assertion JSON (text or object), a compact JWS or
 * a hosted URL. The bakery writes an iTXt `openbadges` chunk (replacing an existing one).
 */
export async function bakeOb2WithBakery(pngBytes: Uint8Array, assertionJsonOrUrl: string | object): Promise<Uint8Array> {
  const data = typeof assertionJsonOrUrl === 'string' ? assertionJsonOrUrl : JSON.stringify(assertionJsonOrUrl);
  const baked = await bakeryBake({ image: Buffer.from(pngBytes), data });
  if (typeof baked === 'string') throw new Error('openbadges-bakery treated the PNG as SVG');
  return new Uint8Array(baked);
}

/**
 * Bakes an OB 2.0 SVG with openbadges-bakery: `verify` holds the hosted URL or the JWS, and an
 * assertion object, when given, goes into a CDATA body (the bakery serialises it itself).
 * The bakery also strips <script> elements and any earlier assertion.
 */
export async function bakeOb2SvgWithBakery(svgText: string, verifyUrlOrJws: string, assertion?: object): Promise<string> {
  const isJws = /^[\w-]+\.[\w-]*\.[\w-]+$/.test(verifyUrlOrJws);
  const baked = await bakeryBake({
    image: Buffer.from(svgText, 'utf8'),
    ...(isJws ? { signature: verifyUrlOrJws } : { url: verifyUrlOrJws }),
    ...(assertion === undefined ? {} : { assertion }),
  });
  return typeof baked === 'string' ? baked : baked.toString('utf8');
}

/** Reads back what openbadges-bakery finds in a PNG or SVG (JSON text, JWS or URL). */
export function extractWithBakery(image: Uint8Array | string): Promise<string> {
  // A view on the caller's bytes, not a copy: the bakery only reads them, and a copy would
  // charge the bakery for work it does not do when the two are timed against each other.
  const bytes = typeof image === 'string' ? Buffer.from(image, 'utf8') : Buffer.isBuffer(image) ? image : Buffer.from(image.buffer, image.byteOffset, image.byteLength);
  return new Promise((resolve, reject) => {
    bakery.extract(bytes, (error, data) => {
      if (error) reject(error);
      else resolve(data ?? '');
    });
  });
}

const SVG_NAMESPACE = { ob2: 'http://openbadges.org', ob3: 'https://purl.imsglobal.org/ob/v3p0' } as const;

export interface SvgBakePayload {
  /** Credential/assertion JSON for the CDATA body (OB 2.0 assertion, OB 3.0 embedded-proof VC). */
  json?: string;
  /** A compact JWS for the `verify` attribute (signed OB 2.0, OB 3.0 VC-JWT). */
  jws?: string;
  /** OB 2.0 only: the hosted assertion URL for `verify` (alongside `json`, or alone). */
  verifyUrl?: string;
}

/** CDATA cannot contain `]]>`: split it across two sections, as XML writers do. */
function cdata(text: string): string {
  return `<![CDATA[${text.replace(/\]\]>/g, ']]]]><![CDATA[>')}]]>`;
}

/**
 * Bakes an SVG per spec. OB 2.0: xmlns:openbadges="http://openbadges.org" and
 * <openbadges:assertion verify="URL or JWS">[CDATA JSON]</openbadges:assertion>. OB 3.0:
 * xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0" and <openbadges:credential> with the
 * JSON in CDATA, or verify="JWS" and no body. The element is the root's first child.
 */
export function bakeSvg(svgText: string, kind: 'ob2' | 'ob3', payload: SvgBakePayload): string {
  if (payload.json !== undefined && payload.jws !== undefined) throw new Error('bakeSvg: give json or jws, not both');
  let element: string;
  if (kind === 'ob2') {
    const verify = payload.jws ?? payload.verifyUrl;
    if (verify === undefined) throw new Error('bakeSvg ob2: a verify value (verifyUrl or jws) is required');
    const body = payload.json === undefined ? '' : cdata(payload.json);
    element = `<openbadges:assertion verify="${escapeXml(verify)}">${body}</openbadges:assertion>`;
  } else {
    if (payload.verifyUrl !== undefined) throw new Error('bakeSvg ob3: OB 3.0 has no hosted verify URL');
    if (payload.jws !== undefined) element = `<openbadges:credential verify="${escapeXml(payload.jws)}"/>`;
    else if (payload.json !== undefined) element = `<openbadges:credential>${cdata(payload.json)}</openbadges:credential>`;
    else throw new Error('bakeSvg ob3: json or jws is required');
  }
  const root = findRootStartTag(svgText);
  const tag = svgText.slice(root.start, root.end);
  const existing = /\sxmlns:openbadges\s*=\s*(["'])(.*?)\1/.exec(tag);
  if (existing && existing[2] !== SVG_NAMESPACE[kind]) throw new Error(`bakeSvg: root already binds openbadges to ${String(existing[2])}`);
  const namespace = existing ? '' : ` xmlns:openbadges="${SVG_NAMESPACE[kind]}"`;
  const tagEnd = root.selfClosing ? root.end - 2 : root.end - 1;
  const openTag = `${svgText.slice(root.start, tagEnd).trimEnd()}${namespace}>`;
  const rest = root.selfClosing ? `</svg>${svgText.slice(root.end)}` : svgText.slice(root.end);
  return `${svgText.slice(0, root.start)}${openTag}\n  ${element}${rest}`;
}

/** Locates `<svg ...>` after the prolog (XML declaration, comments, doctype), honouring quotes. */
function findRootStartTag(svg: string): { start: number; end: number; selfClosing: boolean } {
  let i = 0;
  for (;;) {
    i = svg.indexOf('<', i);
    if (i < 0) throw new Error('bakeSvg: no <svg> root element');
    let next: number;
    if (svg.startsWith('<?', i)) next = after(svg.indexOf('?>', i), 2);
    else if (svg.startsWith('<!--', i)) next = after(svg.indexOf('-->', i), 3);
    else if (svg.startsWith('<!', i)) next = skipDoctype(svg, i);
    else break;
    if (next < 0) throw new Error('bakeSvg: unterminated prolog construct');
    i = next;
  }
  if (!/^<svg[\s/>]/.test(svg.slice(i, i + 5))) throw new Error('bakeSvg: the root element is not <svg>');
  let quote: string | null = null;
  for (let j = i + 4; j < svg.length; j++) {
    const char = svg[j];
    if (quote !== null) {
      if (char === quote) quote = null;
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (char === '>') {
      return { start: i, end: j + 1, selfClosing: svg[j - 1] === '/' };
    }
  }
  throw new Error('bakeSvg: unterminated <svg> start tag');
}

function after(index: number, length: number): number {
  return index < 0 ? -1 : index + length;
}

function skipDoctype(svg: string, from: number): number {
  let depth = 0;
  for (let j = from + 2; j < svg.length; j++) {
    if (svg[j] === '[') depth++;
    else if (svg[j] === ']') depth--;
    else if (svg[j] === '>' && depth === 0) return j + 1;
  }
  return -1;
}
