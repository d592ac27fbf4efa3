import { createHash } from 'node:crypto';
import type { NormalizedCredential } from '../../shared/credential/model';

/**
 * A credential as the vault stores it: small JSON in an encrypted record, with every byte
 * array (the original file, images) and the signed text moved out into content-addressed
 * blobs. Records stay small (fast unlock) and a badge image shared by a hundred
 * credentials is stored once.
 */

export interface BlobRef {
  readonly $blob: string;
  readonly size: number;
}

export type StoredCredentialJson = Record<string, unknown>;

export function isBlobRef(value: unknown): value is BlobRef {
  return typeof value === 'object' && value !== null && typeof (value as { $blob?: unknown }).$blob === 'string';
}

/**
 * Copies a JSON-like tree, letting `leaf` replace any value it recognises (it returns
 * `undefined` for values it leaves to the walk).
 */
function mapTree(value: unknown, leaf: (value: unknown) => unknown): unknown {
  const replaced = leaf(value);
  if (replaced !== undefined) return replaced;
  if (Array.isArray(value)) return value.map((item) => mapTree(item, leaf));
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) out[key] = mapTree(inner, leaf);
    return out;
  }
  return value;
}

export function contentAddress(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Replaces byte arrays (and the signed text) by blob references; returns the blobs to store. */
export function toStored(credential: NormalizedCredential): { json: StoredCredentialJson; blobs: Map<string, Uint8Array> } {
  const blobs = new Map<string, Uint8Array>();
  const store = (bytes: Uint8Array): BlobRef => {
    const address = contentAddress(bytes);
    blobs.set(address, bytes);
    return { $blob: address, size: bytes.length };
  };
  const walk = (value: unknown): unknown => mapTree(value, (leaf) => (leaf instanceof Uint8Array ? store(leaf) : undefined));
  const { original, ...rest } = credential;
  const { payload, ...file } = original;
  const json = walk(rest) as StoredCredentialJson;
  json.original = {
    ...(walk(file) as Record<string, unknown>),
    ...(payload === undefined ? {} : { payload: store(new TextEncoder().encode(payload)) }),
  };
  return { json, blobs };
}

/** Every blob a stored credential refers to. */
export function blobAddresses(json: unknown, into = new Set<string>()): Set<string> {
  if (isBlobRef(json)) into.add(json.$blob);
  else if (Array.isArray(json)) for (const item of json) blobAddresses(item, into);
  else if (typeof json === 'object' && json !== null) for (const inner of Object.values(json)) blobAddresses(inner, into);
  return into;
}

/** Rebuilds the full credential, loading each blob. */
export function fromStored(json: StoredCredentialJson, loadBlob: (address: string) => Uint8Array): NormalizedCredential {
  const credential = mapTree(json, (leaf) => (isBlobRef(leaf) ? loadBlob(leaf.$blob) : undefined)) as NormalizedCredential;
  const original = credential.original as { payload?: unknown };
  if (original.payload instanceof Uint8Array) credential.original.payload = new TextDecoder().decode(original.payload);
  return credential;
}
