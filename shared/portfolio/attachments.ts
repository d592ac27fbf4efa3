import type { NormalizedCredential } from '../credential/model';
import { sha256Hex } from './sha256';
import { isRecord } from '../jsonValue';

/**
 * The files a portfolio PDF carries: every original credential byte for byte, a manifest
 * listing them (name, identity, SHA-256), and optionally the holder-signed presentation.
 *
 * The manifest lets a reader notice an attachment that was swapped, altered or removed after
 * export. It is not a seal: whoever rewrites an attachment can rewrite the manifest in the same
 * PDF too. What proves a credential genuine is its own signature, which the verification
 * engine checks on each extracted original (and the holder's signature on the presentation,
 * which covers the hashes, when there is one).
 */

export const manifestFileName = 'badgefolio-manifest.json';
export const manifestType = 'BadgefolioPortfolioManifest';

export interface ManifestEntry {
  /** The attachment's file name in the PDF. */
  readonly file: string;
  readonly identity: string;
  readonly name: string;
  readonly format: string;
  readonly mediaType: string;
  readonly bytes: number;
  readonly sha256: string;
  /** Status as checked at export, and when. */
  readonly statusAtExport: string;
  readonly checkedAt?: string;
  /** The page the credential's entry starts on (1-based). */
  readonly page?: number;
}

export interface PortfolioManifest {
  readonly type: typeof manifestType;
  readonly version: 1;
  readonly generatedAt: string;
  readonly title: string;
  readonly owner: string;
  readonly credentials: ManifestEntry[];
  readonly presentation?: { readonly file: string; readonly mediaType: string; readonly sha256: string };
}

const extensions: Record<string, string> = {
  'application/json': 'json',
  'application/ld+json': 'jsonld',
  'application/vc+ld+json': 'json',
  'application/vc+jwt': 'jwt',
  'application/jwt': 'jwt',
  'image/png': 'png',
  'image/svg+xml': 'svg',
  'image/jpeg': 'jpg',
  'application/pdf': 'pdf',
  'application/xml': 'xml',
  'text/xml': 'xml',
  'application/zip': 'zip',
};

/**
 * A file name safe on every system and in every PDF reader: ASCII letters, digits, `-`, `_`
 * and `.`, at most 80 characters, numbered by position so that names never collide and sort
 * in the portfolio's order (`03-data-analysis.json`).
 */
export function attachmentFileName(credential: NormalizedCredential, position: number, taken: Set<string>): string {
  const original = credential.original.fileName.split(/[/\\]/).pop() ?? '';
  const dot = original.lastIndexOf('.');
  const rawExtension = dot > 0 ? original.slice(dot + 1) : '';
  const extension = /^[A-Za-z0-9]{1,8}$/.test(rawExtension) ? rawExtension.toLowerCase() : (extensions[credential.original.mediaType.toLowerCase()] ?? 'bin');
  const stemSource = dot > 0 ? original.slice(0, dot) : original;
  const slug = (text: string): string =>
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .toLowerCase()
      .slice(0, 60);
  const stem = slug(stemSource) || slug(credential.name) || 'credential';
  const prefix = String(position).padStart(2, '0');
  let name = `${prefix}-${stem}.${extension}`;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${prefix}-${stem}-${String(n)}.${extension}`;
  taken.add(name.toLowerCase());
  return name;
}

export async function manifestEntry(
  credential: NormalizedCredential,
  file: string,
  status: string,
  checkedAt: string | undefined,
  page: number | undefined,
): Promise<ManifestEntry> {
  return {
    file,
    identity: credential.identity,
    name: credential.name,
    format: credential.format,
    mediaType: credential.original.mediaType,
    bytes: credential.original.bytes.length,
    sha256: await sha256Hex(credential.original.bytes),
    statusAtExport: status,
    ...(checkedAt === undefined ? {} : { checkedAt }),
    ...(page === undefined ? {} : { page }),
  };
}

const isString = (value: unknown): value is string => typeof value === 'string';

/** The manifest from its JSON text, or undefined when it is not one (checked field by field). */
export function parseManifest(text: string): PortfolioManifest | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(json) || json.type !== manifestType || json.version !== 1 || !Array.isArray(json.credentials)) return undefined;
  const credentials: ManifestEntry[] = [];
  for (const entry of json.credentials as unknown[]) {
    if (!isRecord(entry)) return undefined;
    const { file, identity, name, format, mediaType, bytes, sha256, statusAtExport, checkedAt, page } = entry;
    if (!isString(file) || !isString(identity) || !isString(sha256) || !/^[0-9a-f]{64}$/.test(sha256)) return undefined;
    credentials.push({
      file,
      identity,
      name: isString(name) ? name : '',
      format: isString(format) ? format : '',
      mediaType: isString(mediaType) ? mediaType : '',
      bytes: typeof bytes === 'number' ? bytes : -1,
      sha256,
      statusAtExport: isString(statusAtExport) ? statusAtExport : '',
      ...(isString(checkedAt) ? { checkedAt } : {}),
      ...(typeof page === 'number' ? { page } : {}),
    });
  }
  const presentation = isRecord(json.presentation) ? json.presentation : undefined;
  return {
    type: manifestType,
    version: 1,
    generatedAt: isString(json.generatedAt) ? json.generatedAt : '',
    title: isString(json.title) ? json.title : '',
    owner: isString(json.owner) ? json.owner : '',
    credentials,
    ...(presentation && isString(presentation.file) && isString(presentation.sha256)
      ? { presentation: { file: presentation.file, sha256: presentation.sha256, mediaType: isString(presentation.mediaType) ? presentation.mediaType : '' } }
      : {}),
  };
}
