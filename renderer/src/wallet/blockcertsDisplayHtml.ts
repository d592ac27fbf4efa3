/**
 * SECURITY: a Blockcerts certificate's display HTML comes from the certificate file, which
 * anyone can write (and edit: a tampered certificate still reaches the details view, marked
 * invalid). It is shown only as the document built here: sanitised by DOMPurify, with no
 * script, form, frame, link or remote address left in it, and a Content-Security-Policy that
 * allows nothing but inline styles and data: pictures. BlockcertsDisplay puts that document in
 * an <iframe sandbox=""> (srcdoc): no script runs, it has no origin, it cannot navigate or
 * open anything, and the app's own CSP still applies to it on top: a srcdoc document inherits
 * it, so until displays are served from an origin of their own (electron/security), the
 * display's inline styles are blocked by the app's `style-src 'self'` and it shows as plain
 * text with its data: pictures (checked in Chromium).
 *
 * Kept apart from the component (and from the DOM types) so that it is tested in Node against
 * real hostile displays, with DOMPurify running on jsdom.
 */

/** The CSP of the display's own document. */
export const displayContentPolicy = "default-src 'none'; img-src data:; style-src 'unsafe-inline'";

/** The part of DOMPurify this module uses: `sanitize` and the attribute hook. */
export interface Purifier {
  sanitize(dirty: string, config: Record<string, unknown>): string;
  addHook(entryPoint: 'uponSanitizeAttribute', hook: (node: unknown, data: { attrName: string; attrValue: string; keepAttr: boolean }) => void): void;
  addHook(entryPoint: 'uponSanitizeElement', hook: (node: { textContent: string | null }, data: { tagName: string }) => void): void;
}

/** Pictures a display may embed: data: URLs of raster images only. */
const dataPicture = /^data:image\/(png|jpe?g|gif|webp);base64,[a-z0-9+/=\s]*$/i;

/** Elements that could run code, load, submit, navigate or embed, whatever their attributes. */
const forbiddenTags = [
  'script',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'link',
  'meta',
  'base',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'option',
  'audio',
  'video',
  'source',
  'track',
  'picture',
  'portal',
  'svg',
  'math',
  'template',
  'noscript',
  'dialog',
];
const forbiddenAttributes = ['srcset', 'action', 'formaction', 'ping', 'background', 'poster', 'lowsrc', 'dynsrc', 'target', 'xlink:href', 'usemap'];

/**
 * CSS that reaches outside: url() to anything but a data: picture, @import, and legacy script
 * hooks (expression(), behavior, -moz-binding). The CSP blocks the loads already; removing them
 * keeps a hostile display from even asking.
 */
function tameCss(css: string): string {
  return css
    .replace(/url\(\s*(['"]?)(.*?)\1\s*\)/gi, (whole, _quote: string, target: string) => (dataPicture.test(target.trim()) ? whole : 'none'))
    .replace(/@import[^;]*;?/gi, '')
    .replace(/expression\s*\(|behavior\s*:|-moz-binding\s*:/gi, 'x-removed:');
}

const configured = new WeakSet<object>();

function configure(purifier: Purifier): void {
  if (configured.has(purifier)) return;
  configured.add(purifier);
  purifier.addHook('uponSanitizeAttribute', (_node, data) => {
    const name = data.attrName.toLowerCase();
    if (name === 'style') data.attrValue = tameCss(data.attrValue);
    // Only a data: picture may be loaded, and only as an image source.
    if (name === 'src' && !dataPicture.test(data.attrValue.trim())) data.keepAttr = false;
    if (name === 'href') data.keepAttr = false;
  });
  purifier.addHook('uponSanitizeElement', (node, data) => {
    if (data.tagName === 'style' && node.textContent !== null) node.textContent = tameCss(node.textContent);
  });
}

/** The display HTML, sanitised: what is left can only be laid out and shown. */
export function sanitiseDisplay(purifier: Purifier, html: string): string {
  configure(purifier);
  return purifier.sanitize(html, {
    FORBID_TAGS: forbiddenTags,
    FORBID_ATTR: forbiddenAttributes,
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: true,
    ALLOW_UNKNOWN_PROTOCOLS: false,
    // Styles stay (a certificate's layout is its look); the CSP allows them inline only.
    ADD_TAGS: ['style'],
    FORCE_BODY: true,
    WHOLE_DOCUMENT: false,
    RETURN_TRUSTED_TYPE: false,
  });
}

/** The whole document for the frame's srcdoc: the CSP first, then the sanitised display. */
export function displayDocument(purifier: Purifier, html: string, language: string): string {
  const body = sanitiseDisplay(purifier, html);
  const lang = /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(language) ? language : 'en';
  return [
    '<!doctype html>',
    `<html lang="${lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${displayContentPolicy}">`,
    '<meta name="referrer" content="no-referrer">',
    '</head>',
    `<body>${body}</body>`,
    '</html>',
  ].join('');
}
