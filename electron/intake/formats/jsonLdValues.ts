import type { CredentialImage, Skill } from '../../../shared/credential/model';
import { isRecord } from '../safeJson';

/**
 * Readers for the loose shapes credentials use: a value may be a string, an array of them,
 * a language map ({"en": "..."}, as Europass writes), a JSON-LD value object, or an object
 * with an id. Each reader returns undefined rather than guessing.
 */

export type Json = Record<string, unknown>;

export function asArray(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

export function asRecord(value: unknown): Json | undefined {
  const first: unknown = Array.isArray(value) ? (value as unknown[])[0] : value;
  return isRecord(first) ? first : undefined;
}

export function records(value: unknown): Json[] {
  return asArray(value).filter(isRecord);
}

/** Preferred languages for language maps: English first, then whatever the credential has. */
const preferredLanguages = ['en', 'en-US', 'en-GB'];

export function text(value: unknown): string | undefined {
  if (typeof value === 'string') {
    // Most values start and end with a visible ASCII character: nothing to trim.
    const first = value.charCodeAt(0);
    const last = value.charCodeAt(value.length - 1);
    if (first > 0x20 && first < 0x7f && last > 0x20 && last < 0x7f) return value;
    const trimmed = value.trim();
    return trimmed === '' ? undefined : trimmed;
  }
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = text(item);
      if (found) return found;
    }
    return undefined;
  }
  if (isRecord(value)) {
    if ('@value' in value) return text(value['@value']);
    for (const language of preferredLanguages) {
      if (language in value) return text(value[language]);
    }
    const keys = Object.keys(value);
    // A language map: short keys like "de", "fr-CA" whose values are strings.
    if (keys.length > 0 && keys.every((k) => /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(k))) return text(value[keys[0] ?? '']);
  }
  return undefined;
}

/** An id-like string: a bare string, or the `id` / `@id` of an object. */
export function idOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  const record = asRecord(value);
  if (!record) return undefined;
  return text(record.id) ?? text(record['@id']);
}

export function typesOf(value: Json): string[] {
  const types = value.type ?? value['@type'];
  if (typeof types === 'string') return [types];
  return asArray(types).filter((t): t is string => typeof t === 'string');
}

export function hasType(value: Json, ...names: string[]): boolean {
  const types = typesOf(value);
  return names.some((name) => types.includes(name));
}

export function contextsOf(value: Json): string[] {
  const contexts = value['@context'];
  if (typeof contexts === 'string') return [contexts];
  return asArray(contexts).filter((c): c is string => typeof c === 'string');
}

const unixSeconds = /^\d{9,11}$/;

/**
 * A date as ISO 8601. OB 2.0 also allows Unix timestamps (seconds); anything unparseable is
 * kept as written rather than dropped, so the user still sees what the issuer wrote.
 */
export function isoDate(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return new Date(value * 1000).toISOString();
  const written = text(value);
  if (!written) return undefined;
  if (unixSeconds.test(written)) return new Date(Number(written) * 1000).toISOString();
  return written;
}

const mediaTypePattern = /^[\w.+-]+\/[\w.+-]+$/;

/** Decodes a data: URL to bytes; undefined for anything else or anything malformed. */
export function decodeDataUrl(url: string): { mediaType: string; bytes: Uint8Array } | undefined {
  if (!url.startsWith('data:')) return undefined;
  const comma = url.indexOf(',');
  if (comma < 0 || comma > 512) return undefined;
  // `data:<media type>[;parameter]*[;base64],<data>`: read with indexOf, no split.
  const semicolon = url.indexOf(';');
  const declared = url.slice(5, semicolon > 0 && semicolon < comma ? semicolon : comma).trim();
  const mediaType = declared === '' ? 'text/plain' : declared;
  if (!mediaTypePattern.test(mediaType)) return undefined;
  const base64 = url.startsWith(';base64', comma - 7) && comma - 7 >= 5;
  const body = url.slice(comma + 1);
  try {
    // Node's decoder skips line breaks that encoders insert, natively and fast.
    const bytes = base64 ? Buffer.from(body, 'base64') : new TextEncoder().encode(decodeURIComponent(body));
    return bytes.length > 0 ? { mediaType, bytes } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * An image reference: embedded data becomes bytes; a remote URL is kept only as a reference
 * (SECURITY: never fetched at display time).
 */
export function imageOf(value: unknown): CredentialImage | undefined {
  const record = asRecord(value);
  const url = typeof value === 'string' ? value : record ? (text(record.id) ?? text(record['@id']) ?? text(record.contentURL)) : undefined;
  if (!url) return undefined;
  const caption = record ? text(record.caption) : undefined;
  const decoded = decodeDataUrl(url);
  let image: CredentialImage;
  if (decoded) image = { mediaType: decoded.mediaType, bytes: decoded.bytes };
  else if (/^https?:\/\//i.test(url)) image = { mediaType: 'application/octet-stream', sourceUrl: url };
  else return undefined;
  if (caption) image.caption = caption;
  return image;
}

/** OB 2.0 / OB 3.0 alignment objects as skills. */
export function skillsFromAlignments(value: unknown): Skill[] {
  const skills: Skill[] = [];
  for (const alignment of records(value)) {
    const name = text(alignment.targetName);
    if (!name) continue;
    // Written out rather than compacted: every OB 2.0 and 3.0 badge comes through here.
    const skill: Skill = { name };
    const url = text(alignment.targetUrl);
    if (url !== undefined) skill.url = url;
    const description = text(alignment.targetDescription);
    if (description !== undefined) skill.description = description;
    const framework = text(alignment.targetFramework);
    if (framework !== undefined) skill.framework = framework;
    const code = text(alignment.targetCode);
    if (code !== undefined) skill.code = code;
    const type = text(alignment.targetType);
    if (type !== undefined) skill.type = type;
    skills.push(skill);
  }
  return skills;
}

export function strings(value: unknown): string[] {
  const found: string[] = [];
  for (const item of asArray(value)) {
    const string = text(item);
    if (string !== undefined) found.push(string);
  }
  return found;
}

/** Drops undefined fields, so optional properties are absent rather than `undefined`. */
export function compact<T extends Record<string, unknown>>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  // A plain loop: far cheaper than Object.entries in bulk imports. (Deleting in place would
  // push the object into V8's slow dictionary mode.)
  const out: Record<string, unknown> = {};
  for (const key in value) {
    const v = value[key];
    if (v !== undefined) out[key] = v;
  }
  return out as { [K in keyof T]: Exclude<T[K], undefined> };
}
