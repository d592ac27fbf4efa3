import { msg } from '../../shared/credential/verificationMessages';
import type { BakedKeyword } from './bakedPng';
import { MalformedInputError } from './limits';
import { walkXml } from './safeXml';

/** Namespaces of baked SVG badges: OB 2.0 `openbadges:assertion`, OB 3.0 `openbadges:credential`. */
const ob2Namespace = 'http://openbadges.org';
const ob3Namespace = 'https://purl.imsglobal.org/ob/v3p0';

export interface BakedSvg {
  readonly keyword: BakedKeyword;
  /** The JSON body (CDATA or text), trimmed; empty when the credential is in `verify`. */
  readonly body: string;
  /** The `verify` attribute: the hosted URL (OB 2.0 with body) or the JWS. */
  readonly verify?: string;
}

export function looksLikeSvg(head: string): boolean {
  return /<svg[\s>]/i.test(head);
}

/**
 * Finds the baked credential in an SVG badge, or null when the SVG carries none. The SVG
 * itself is never rendered here; when shown, it goes into an <img>, where scripts do not run.
 */
export function readBakedSvg(text: string): BakedSvg | null {
  try {
    return readWellFormedSvg(text);
  } catch (error) {
    // Some published badges are not well-formed XML around an intact baked element (the
    // spec's own example is one). Read that element alone if it is there; else the error.
    const tolerant = error instanceof MalformedInputError && !error.message.includes('entities') ? readBakedElement(text) : null;
    if (tolerant) return tolerant;
    throw error;
  }
}

const bakedElementPattern = /<openbadges:(assertion|credential)\b([^>]*?)(\/>|>([\s\S]*?)<\/openbadges:\1\s*>)/;
const namespacePattern = /xmlns:openbadges\s*=\s*["']([^"']+)["']/;

/** The baked element alone, found by its tag, for SVGs that are not well-formed XML. */
function readBakedElement(text: string): BakedSvg | null {
  const match = bakedElementPattern.exec(text.slice(0, 32 * 1024 * 1024));
  const namespace = namespacePattern.exec(text)?.[1];
  if (!match || !namespace) return null;
  const keyword = namespace === ob2Namespace && match[1] === 'assertion' ? 'openbadges' : namespace === ob3Namespace && match[1] === 'credential' ? 'openbadgecredential' : null;
  if (!keyword) return null;
  const verify = /\bverify\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(match[2] ?? '');
  const inner = (match[4] ?? '').trim();
  const body = /^<!\[CDATA\[([\s\S]*)\]\]>$/.exec(inner)?.[1] ?? inner;
  const verifyValue = verify?.[1] ?? verify?.[2];
  return verifyValue === undefined ? { keyword, body: body.trim() } : { keyword, verify: verifyValue, body: body.trim() };
}

function readWellFormedSvg(text: string): BakedSvg | null {
  // State lives in one object: the visitor's callbacks update it as the parser walks.
  const state: { found: { keyword: BakedKeyword; verify?: string; body: string } | null; rootSeen: boolean; inside: boolean } = {
    found: null,
    rootSeen: false,
    inside: false,
  };
  walkXml(
    text,
    {
      open(element) {
        if (!state.rootSeen) {
          state.rootSeen = true;
          if (element.local !== 'svg') throw new MalformedInputError(msg('damaged.notSvg'));
        }
        const keyword =
          element.uri === ob2Namespace && element.local === 'assertion'
            ? 'openbadges'
            : element.uri === ob3Namespace && element.local === 'credential'
              ? 'openbadgecredential'
              : null;
        if (!keyword) return;
        if (state.found) throw new MalformedInputError(msg('damaged.svgTwoBadges'));
        const verify = element.attributes.get('verify');
        state.found = verify === undefined ? { keyword, body: '' } : { keyword, verify, body: '' };
        state.inside = true;
      },
      text(chunk) {
        if (state.inside && state.found) state.found.body += chunk;
      },
      close(element) {
        if (element.local === 'assertion' || element.local === 'credential') state.inside = false;
      },
    },
    'SVG image',
  );
  if (!state.found) return null;
  return { ...state.found, body: state.found.body.trim() };
}
