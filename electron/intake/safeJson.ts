import { msg } from '../../shared/credential/verificationMessages';
import { formatBytes, MalformedInputError, type IntakeLimits } from './limits';
import { isRecord } from '../../shared/jsonValue';
/** Re-exported for this module's many readers; its home is shared/jsonValue.ts. */
export { isRecord };

/**
 * JSON.parse behind a size cap and a nesting cap. Depth is measured on the text before
 * parsing (brackets outside strings), so a 100,000-deep `[[[[...` costs one linear scan
 * instead of a stack overflow.
 */
export function parseJsonSafely(text: string, limits: IntakeLimits, where?: string): unknown {
  if (text.length > limits.maxJsonBytes) {
    throw new MalformedInputError(msg('damaged.jsonTooLarge', { limit: formatBytes(limits.maxJsonBytes) }), where);
  }
  if (maxNesting(text, limits.maxJsonDepth) > limits.maxJsonDepth) {
    throw new MalformedInputError(msg('damaged.jsonDeep', { depth: limits.maxJsonDepth }), where);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const detail = error instanceof Error ? error.message.replace(/^JSON\.parse: /, '') : 'unreadable';
    throw new MalformedInputError(msg('damaged.jsonInvalid', { error: detail }), where);
  }
}

const structural = /["[\]{}]/g;

/**
 * The deepest bracket nesting outside strings. The regex engine skips plain text natively,
 * and each string is jumped over with indexOf, so this costs little next to JSON.parse.
 */
function maxNesting(text: string, limit: number): number {
  // Fewer opening brackets than the limit cannot nest deeper than it: the usual case,
  // answered by native indexOf without looking at strings at all.
  let openings = 0;
  for (let at = text.indexOf('{'); at >= 0 && openings <= limit; at = text.indexOf('{', at + 1)) openings++;
  for (let at = text.indexOf('['); at >= 0 && openings <= limit; at = text.indexOf('[', at + 1)) openings++;
  if (openings <= limit) return openings;
  let depth = 0;
  let deepest = 0;
  structural.lastIndex = 0;
  for (let match = structural.exec(text); match; match = structural.exec(text)) {
    const c = match[0];
    if (c === '"') {
      // Jump to the closing quote: one not preceded by an odd number of backslashes.
      let end = text.indexOf('"', match.index + 1);
      while (end > 0) {
        let slashes = 0;
        while (text.charCodeAt(end - 1 - slashes) === 92) slashes++;
        if (slashes % 2 === 0) break;
        end = text.indexOf('"', end + 1);
      }
      if (end < 0) return deepest; // unterminated: JSON.parse will say so
      structural.lastIndex = end + 1;
    } else if (c === '{' || c === '[') {
      depth++;
      if (depth > deepest) deepest = depth;
    } else {
      depth--;
    }
  }
  return deepest;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Decodes UTF-8 strictly (a BOM is dropped): bad bytes are an error, not replacement characters. */
export function decodeUtf8(bytes: Uint8Array, where?: string): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    throw new MalformedInputError(msg('damaged.notUtf8'), where);
  }
}
