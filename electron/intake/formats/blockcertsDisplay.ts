import { Parser } from 'htmlparser2';
import type { CredentialImage } from '../../../shared/credential/model';
import { asRecord, decodeDataUrl, text, type Json } from './jsonLdValues';

/**
 * A Blockcerts certificate's look, as its issuer made it: v3's `display` ({contentMediaType,
 * contentEncoding, content}: HTML, or a picture in base64), or the `displayHtml` string of
 * Learning Machine's v2 and v3-alpha certificates. Many certificates carry their title only
 * there (Hyland's certificate designer writes no `name` at all), so the title and a one-line
 * summary are read from it, and the display itself is kept as the certificate's picture for
 * the renderer, which alone decides how to show it (sanitised, in a sandboxed frame).
 */
export interface BlockcertsDisplay {
  /** The display as the picture the renderer shows: `text/html` bytes, or the decoded image. */
  readonly picture?: CredentialImage;
  /** The first heading (or `<title>`, or first line) of an HTML display. */
  readonly title?: string;
  /** The first line after the title that reads as a sentence. */
  readonly summary?: string;
  /** Why the display could not be read, for the credential's notes; the certificate stands without it. */
  readonly problem?: string;
}

/**
 * Pictures a display may be. SVG goes the way every badge's SVG goes: stored as is and shown
 * only through an <img> (CredentialImage), where a browser runs no script and loads nothing.
 */
const pictureTypes = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/svg+xml']);

/** Far beyond any real display (the largest seen, with embedded pictures, is about 800 KB). */
const maxDisplayBytes = 8 * 1024 * 1024;

export function readBlockcertsDisplay(json: Json): BlockcertsDisplay | undefined {
  const display = asRecord(json.display);
  if (display) return fromDisplayObject(display);
  const html = typeof json.displayHtml === 'string' ? json.displayHtml : undefined;
  return html !== undefined && html.trim() !== '' ? fromHtml(html) : undefined;
}

function fromDisplayObject(display: Json): BlockcertsDisplay | undefined {
  const declared = text(display.contentMediaType)?.toLowerCase();
  const content = typeof display.content === 'string' ? display.content : undefined;
  if (content === undefined || content.trim() === '') return { problem: "The certificate's display has no content." };
  if (!declared) return { problem: "The certificate's display does not say what it is (no contentMediaType)." };
  const mediaType = declared.split(';')[0]?.trim() ?? declared;
  const encoding = text(display.contentEncoding)?.toLowerCase();
  if (mediaType === 'text/html') {
    if (encoding === 'base64') {
      const decoded = decodeBase64(content);
      return decoded ? fromHtml(new TextDecoder().decode(decoded)) : { problem: "The certificate's display is marked base64 but is not valid base64." };
    }
    return fromHtml(content);
  }
  if (!pictureTypes.has(mediaType)) {
    // A PDF (or anything else) display is kept in the original file; it is not shown as the picture.
    return { problem: `The certificate's display is ${mediaType}, which is kept in the original file but not shown as its picture.` };
  }
  // Issuers write the picture as base64 (as the schema asks) or, now and then, as a data: URL.
  const fromUrl = content.startsWith('data:') ? decodeDataUrl(content) : undefined;
  if (fromUrl) {
    return pictureTypes.has(fromUrl.mediaType)
      ? { picture: { mediaType: fromUrl.mediaType, bytes: fromUrl.bytes } }
      : { problem: `The certificate's display holds ${fromUrl.mediaType}, not a picture.` };
  }
  if (encoding !== undefined && encoding !== 'base64') return { problem: `The certificate's display uses the ${encoding} encoding, which Badgefolio does not read.` };
  const bytes = decodeBase64(content);
  return bytes ? { picture: { mediaType, bytes } } : { problem: `The certificate's display (${mediaType}) is not valid base64.` };
}

/** Strict base64 (line breaks allowed): Buffer.from would silently skip stray characters. */
function decodeBase64(value: string): Uint8Array | undefined {
  const compact = value.replace(/\s+/g, '');
  if (compact.length === 0 || compact.length % 4 === 1 || !/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) return undefined;
  if (compact.length > (maxDisplayBytes * 4) / 3) return undefined;
  const bytes = Buffer.from(compact, 'base64');
  return bytes.length > 0 ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length) : undefined;
}

function fromHtml(html: string): BlockcertsDisplay {
  if (html.length > maxDisplayBytes) return { problem: "The certificate's display is too large to show." };
  const lines = htmlLines(html);
  // A line with no letter (a page number, a date, a grade) is not a title.
  const title = lines.heading ?? lines.title ?? lines.blocks.find((line) => /\p{L}/u.test(line));
  const after = title === undefined ? lines.blocks : lines.blocks.slice(lines.blocks.indexOf(title) + 1);
  // The lines right after a designer's title are often the recipient's name: the summary is
  // the first line that reads as a sentence (several words), not a name.
  const summary = after.find((line) => line.split(/\s+/).length >= 6);
  return {
    picture: { mediaType: 'text/html', bytes: new TextEncoder().encode(html) },
    ...(title !== undefined ? { title: clip(title, 200) } : {}),
    ...(summary !== undefined ? { summary: oneSentence(summary) } : {}),
  };
}

/** Elements whose text is never shown as such. */
const hiddenText = new Set(['script', 'style', 'template', 'noscript', 'textarea', 'select', 'option', 'head', 'svg', 'math', 'iframe', 'object']);
/** Elements that start a new line of text. */
const blockTags = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'dd',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'td',
  'th',
  'tr',
  'ul',
  'body',
  'html',
  'title',
]);
const headingTags = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/**
 * The display's text, line by line, with its first heading and <title>. Read by htmlparser2
 * (a tokenizer only: it builds no DOM, runs no script, loads nothing), not by a browser
 * engine, because this runs in the main process on text from an untrusted file; hand-made
 * tag stripping would get entities, comments, CDATA and the raw text of <script> wrong.
 */
function htmlLines(html: string): { blocks: string[]; heading?: string; title?: string } {
  const blocks: string[] = [];
  let current = '';
  let hiddenDepth = 0;
  let heading: string | undefined;
  let headingText: string | null = null;
  let title: string | undefined;
  let titleText: string | null = null;
  const flush = (): void => {
    const line = current.replace(/\s+/g, ' ').trim();
    if (line !== '') blocks.push(line);
    current = '';
  };
  const parser = new Parser(
    {
      onopentag(name) {
        if (name === 'title' && title === undefined) titleText = '';
        else if (hiddenText.has(name)) hiddenDepth++;
        if (headingTags.has(name) && heading === undefined) headingText = '';
        if (blockTags.has(name)) flush();
      },
      ontext(data) {
        if (titleText !== null) titleText += data;
        if (hiddenDepth > 0) return;
        current += data;
        if (headingText !== null) headingText += data;
      },
      onclosetag(name) {
        if (name === 'title' && titleText !== null) {
          title = tidy(titleText);
          titleText = null;
        } else if (hiddenText.has(name) && hiddenDepth > 0) hiddenDepth--;
        if (headingTags.has(name) && headingText !== null) {
          heading = tidy(headingText);
          headingText = null;
        }
        if (blockTags.has(name)) flush();
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.end(html);
  flush();
  return { blocks, ...(heading ? { heading } : {}), ...(title ? { title } : {}) };
}

function tidy(value: string): string | undefined {
  const line = value.replace(/\s+/g, ' ').trim();
  return line === '' ? undefined : line;
}

function clip(value: string, limit: number): string {
  if (value.length <= limit) return value;
  const cut = value.slice(0, limit);
  const space = cut.lastIndexOf(' ');
  return `${(space > limit / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * A summary kept to one sentence of plain text: issuers put HTML, and once a whole base64
 * picture (290 KB), where a summary belongs. Tags and data: URLs go, whitespace collapses,
 * and the text ends at its first full stop (or at 300 characters, on a word).
 */
export function oneSentence(value: string): string | undefined {
  const plain = (/<[a-z!/]/i.test(value) ? htmlLines(value).blocks.join(' ') : value)
    .replace(/data:[\w/+.-]+(;[\w=.-]+)*,[^\s"')]*/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (plain === '') return undefined;
  const end = /[.!?。！？](\s|$)/.exec(plain);
  const sentence = end && end.index < 300 ? plain.slice(0, end.index + 1) : plain;
  return clip(sentence, 300);
}
