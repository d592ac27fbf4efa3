import { createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto';
import type { DocumentOrigin, VerificationMessage } from '../../shared/credential/verification';
import { englishOf, msg } from '../../shared/credential/verificationMessages';
import type { DocumentResolver } from './documents';
import { base58Decode, base64UrlDecode, multibaseDecode } from './multibase';
import { Secp256k1PublicKey } from './secp256k1';
import { isRecord } from '../../shared/jsonValue';

/**
 * Finds the public key a proof names, from the identifier forms issuers use: did:key (with or
 * without a fragment, as the 1EdTech validator accepts), did:jwk, did:web, https controller
 * documents, and 1EdTech's `https://issuer#z6Mk…` form whose fragment is the key itself.
 * Keys become node:crypto KeyObjects, cached: the same issuer key verifies many credentials;
 * secp256k1 keys, which Electron's crypto cannot hold, become Secp256k1PublicKeys.
 */
export type PublicKey = KeyObject | Secp256k1PublicKey;

export type KeyResolution =
  | {
      readonly ok: true;
      readonly key: PublicKey;
      readonly keyId: string;
      /** Who the key belongs to: the DID, or the controller document's id. */
      readonly controller?: string;
      /** How the key was found, in English ("decoded from the did:key itself"). */
      readonly how: string;
      /** How the key was found, as a message (the app says it in the reader's language). */
      readonly howMessage: VerificationMessage;
      readonly origin: DocumentOrigin;
      readonly url?: string;
      readonly fetchedAt?: string;
      /** The key was read from its own reference, the document that would tie it to its controller being unavailable. */
      readonly fromReference?: true;
    }
  | {
      readonly ok: false;
      readonly implies: 'invalid' | 'unverifiable';
      /** Why the key could not be had, in English. */
      readonly message: string;
      /** The same, as a message. */
      readonly reasonMessage: VerificationMessage;
      readonly needs?: string;
    };

/** A key that could not be had, said once as a message and in English. */
function unresolved(implies: 'invalid' | 'unverifiable', reasonMessage: VerificationMessage, needs?: string): KeyResolution & { ok: false } {
  return { ok: false, implies, message: englishOf(reasonMessage), reasonMessage, ...(needs ? { needs } : {}) };
}

/** How a key was found, as a message and in English. */
function foundBy(howMessage: VerificationMessage): { readonly how: string; readonly howMessage: VerificationMessage } {
  return { how: englishOf(howMessage), howMessage };
}

const keyCache = new Map<string, PublicKey | undefined>();

function cached<K extends PublicKey | undefined>(cacheKey: string, make: () => K): K {
  if (keyCache.has(cacheKey)) return keyCache.get(cacheKey) as K;
  const key = make();
  if (keyCache.size > 10_000) keyCache.clear();
  keyCache.set(cacheKey, key);
  return key;
}

/** P-256 SubjectPublicKeyInfo header for a 33-byte compressed point (OpenSSL accepts it). */
const p256CompressedSpki = Buffer.from('3039301306072a8648ce3d020106082a8648ce3d030107032200', 'hex');

/** A Multikey (`z6Mk…` Ed25519, `zDn…` P-256, `zQ3s…` secp256k1) as a key, or undefined. */
export function keyFromMultibase(multibase: string): PublicKey | undefined {
  const bytes = multibaseDecode(multibase);
  return bytes ? cached(multibase, () => keyFromMulticodec(bytes)) : undefined;
}

/** Multicodec-prefixed public key bytes, as a Multikey encodes them (and ecdsa-sd-2023 carries its one-time key). */
export function keyFromMulticodec(bytes: Uint8Array): PublicKey | undefined {
  try {
    if (bytes[0] === 0xed && bytes[1] === 0x01 && bytes.length === 34) return ed25519Key(bytes.subarray(2));
    if (bytes[0] === 0x80 && bytes[1] === 0x24 && bytes.length === 35) {
      return createPublicKey({ key: Buffer.concat([p256CompressedSpki, bytes.subarray(2)]), format: 'der', type: 'spki' });
    }
    if (bytes[0] === 0xe7 && bytes[1] === 0x01 && bytes.length === 35) return Secp256k1PublicKey.fromPoint(bytes.subarray(2));
  } catch {
    return undefined;
  }
  return undefined;
}

export function ed25519Key(raw: Uint8Array): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(raw).toString('base64url') }, format: 'jwk' });
}

export function keyFromJwk(jwk: unknown): PublicKey | undefined {
  if (typeof jwk !== 'object' || jwk === null || Array.isArray(jwk)) return undefined;
  const { d: _private, ...publicPart } = jwk as Record<string, unknown>;
  // Never a KeyObject, even where OpenSSL could make one: the app's crypto could not.
  if (publicPart.crv === 'secp256k1') return publicPart.kty === 'EC' ? cached(`jwk:${JSON.stringify(publicPart)}`, () => Secp256k1PublicKey.fromJwk(publicPart)) : undefined;
  try {
    return cached(`jwk:${JSON.stringify(publicPart)}`, () => createPublicKey({ key: publicPart as JsonWebKey, format: 'jwk' }));
  } catch {
    return undefined;
  }
}

/** The key material of a verification method node, whatever property carries it. */
export function keyFromMethodNode(node: Record<string, unknown>): PublicKey | undefined {
  if (typeof node.publicKeyMultibase === 'string') return keyFromMultibase(node.publicKeyMultibase);
  if (node.publicKeyJwk !== undefined) return keyFromJwk(node.publicKeyJwk);
  if (typeof node.publicKeyBase58 === 'string') {
    const raw = base58Decode(node.publicKeyBase58);
    if (raw && node.type === 'EcdsaSecp256k1VerificationKey2019') return cached(`b58k1:${node.publicKeyBase58}`, () => Secp256k1PublicKey.fromPoint(raw));
    if (raw?.length !== 32) return undefined;
    return cached(`b58:${node.publicKeyBase58}`, () => ed25519Key(raw));
  }
  if (typeof node.publicKeyPem === 'string') {
    const pem = node.publicKeyPem;
    try {
      return cached(`pem:${pem}`, () => createPublicKey(pem));
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** DID methods that need a network resolver (a ledger, a registry): unverifiable offline, not invalid. */
const networkDidMethods = new Set(['ion', 'velocity', 'ebsi', 'ethr', 'cheqd', 'indy', 'sov', 'polygonid', 'pkh', 'webvh', 'tdw', 'dht', 'plc', 'elem', 'btcr', 'key-less']);

function didMethodOf(id: string): string | undefined {
  return /^did:([a-z0-9]+):/.exec(id)?.[1];
}

const relations = ['verificationMethod', 'assertionMethod', 'publicKey', 'authentication'] as const;

function findMethod(document: Record<string, unknown>, methodId: string, base: string): Record<string, unknown> | undefined {
  const matches = (id: unknown): boolean => typeof id === 'string' && (id === methodId || (id.startsWith('#') && base + id === methodId));
  if (matches(document.id) && (document.publicKeyMultibase ?? document.publicKeyJwk ?? document.publicKeyPem ?? document.publicKeyBase58) !== undefined) {
    return document;
  }
  for (const relation of relations) {
    const nodes = document[relation];
    for (const node of Array.isArray(nodes) ? nodes : [nodes]) {
      if (isRecord(node) && matches(node.id)) return node;
    }
  }
  return undefined;
}

/** Whether the DID document lets the method make assertions (when it lists assertionMethod at all). */
function allowedForAssertions(document: Record<string, unknown>, methodId: string, base: string): boolean {
  const listed = document.assertionMethod;
  if (listed === undefined) return true;
  return (Array.isArray(listed) ? listed : [listed]).some((entry) => {
    const id = typeof entry === 'string' ? entry : isRecord(entry) ? entry.id : undefined;
    return typeof id === 'string' && (id === methodId || (id.startsWith('#') && base + id === methodId));
  });
}

export async function resolveVerificationMethod(methodId: unknown, resolver: DocumentResolver): Promise<KeyResolution> {
  if (typeof methodId !== 'string' || methodId.trim() === '') {
    return unresolved('invalid', msg('key.noMethod'));
  }
  const id = methodId.trim();
  const [base = id, fragment] = id.split('#', 2);

  if (base.startsWith('did:key:')) {
    const multibase = base.slice('did:key:'.length);
    if (fragment !== undefined && fragment !== multibase) {
      return unresolved('invalid', msg('key.didKeyMismatch', { id }));
    }
    const key = keyFromMultibase(multibase);
    if (!key) return unresolved('invalid', msg('key.didKeyUnusable', { did: base }));
    return { ok: true, key, keyId: id, controller: base, ...foundBy(msg('how.didKey')), origin: 'credential' };
  }
  if (base.startsWith('did:jwk:')) {
    const bytes = base64UrlDecode(base.slice('did:jwk:'.length));
    let key: PublicKey | undefined;
    try {
      key = bytes ? keyFromJwk(JSON.parse(Buffer.from(bytes).toString('utf8'))) : undefined;
    } catch {
      key = undefined;
    }
    if (!key) return unresolved('invalid', msg('key.didJwkUnusable', { did: base }));
    return { ok: true, key, keyId: id, controller: base, ...foundBy(msg('how.didJwk')), origin: 'credential' };
  }
  const method = didMethodOf(base);
  if (base.startsWith('did:web:')) {
    const documentUrl = didWebDocumentUrl(base);
    if (!documentUrl) return unresolved('invalid', msg('key.didWebInvalid', { did: base }));
    return resolveFromDocument(id, base, resolver, base, documentUrl);
  }
  if (method === 'example') {
    return unresolved('invalid', msg('key.didExample', { did: base }));
  }
  if (method !== undefined) {
    return networkDidMethods.has(method)
      ? unresolved('unverifiable', msg('key.networkDid', { id, method }), base)
      : unresolved('unverifiable', msg('key.unknownDid', { method, did: base }), base);
  }
  // 1EdTech's samples: https://issuer#z6Mk… (or urn:uuid:…#z6Mk…) whose fragment is the Ed25519 (or zDn… P-256) key itself.
  if (/^(https?:\/\/|urn:)/i.test(base) && fragment !== undefined && /^z(6Mk|Dn)/.test(fragment)) {
    const key = keyFromMultibase(fragment);
    if (!key) return unresolved('invalid', msg('key.fragmentDamaged', { id }));
    return { ok: true, key, keyId: id, controller: base, ...foundBy(msg('how.fragment')), origin: 'credential' };
  }
  if (/^https?:\/\//i.test(base)) {
    const listed = await resolveFromDocument(id, base, resolver, base);
    return listed.ok || listed.implies === 'invalid' ? listed : (keyFromOwnFragment(id, base, fragment) ?? listed);
  }
  return unresolved('invalid', msg('key.notLookupable', { id }));
}

/**
 * Blockcerts issuers (Hyland's among them) name a secp256k1 key by its own compressed point in
 * base58: `https://issuer/profile.json#ckKp…`. Without the profile the key is still readable,
 * so the signature can be checked, but nothing then says the issuer holds that key.
 */
function keyFromOwnFragment(id: string, base: string, fragment: string | undefined): KeyResolution | undefined {
  if (fragment === undefined || !/^[1-9A-HJ-NP-Za-km-z]{44,45}$/.test(fragment)) return undefined;
  const bytes = base58Decode(fragment);
  const key = bytes?.length === 33 ? Secp256k1PublicKey.fromPoint(bytes) : undefined;
  if (!key) return undefined;
  return {
    ok: true,
    key,
    keyId: id,
    controller: base,
    ...foundBy(msg('how.reference')),
    origin: 'credential',
    fromReference: true,
  };
}

/**
 * Where a did:web DID's document is published (W3C CCG did:web method): the domain, with a
 * port written `%3A`, then `:`-separated path segments; `/.well-known/did.json` when there are
 * none, else `/path/did.json`. Undefined for an identifier that is not a valid did:web.
 */
export function didWebDocumentUrl(did: string): string | undefined {
  if (!did.startsWith('did:web:') || did.includes('#') || did.includes('?')) return undefined;
  const [domain = '', ...path] = did.slice('did:web:'.length).split(':');
  let host: string;
  let segments: string[];
  try {
    host = decodeURIComponent(domain).toLowerCase();
    segments = path.map((segment) => decodeURIComponent(segment));
  } catch {
    return undefined;
  }
  if (!/^(?=.{1,253}(:|$))[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:\d{1,5})?$/.test(host)) return undefined;
  if (segments.some((segment) => segment === '' || segment === '.' || segment === '..' || segment.includes('/'))) return undefined;
  const pathPart = segments.length === 0 ? '.well-known' : segments.map((segment) => encodeURIComponent(segment)).join('/');
  return `https://${host}/${pathPart}/did.json`;
}

async function resolveFromDocument(id: string, base: string, resolver: DocumentResolver, controllerFallback: string, documentUrl?: string): Promise<KeyResolution> {
  // A did:web document is looked up under its DID (a documents map may hold it so), then at
  // the https address the DID names.
  let found = await resolver.resolveJson(base);
  let foundAt = base;
  if (!found.ok && documentUrl) {
    found = await resolver.resolveJson(documentUrl);
    foundAt = documentUrl;
  }
  let document: unknown;
  let evidence: { origin: DocumentOrigin; fetchedAt?: string; url: string };
  if (found.ok) {
    document = found.json;
    evidence = { origin: found.origin, url: foundAt, ...(found.fetchedAt ? { fetchedAt: found.fetchedAt } : {}) };
  } else {
    // Some issuers publish each key at its own URL (fragment included in the map).
    const direct = id === base || documentUrl ? found : await resolver.resolveJson(id);
    if (!direct.ok) return unresolved('unverifiable', msg('key.documentUnavailable', { did: base, reason: found.reasonMessage }), base);
    document = direct.json;
    evidence = { origin: direct.origin, url: id, ...(direct.fetchedAt ? { fetchedAt: direct.fetchedAt } : {}) };
  }
  if (!isRecord(document)) return unresolved('invalid', msg('key.notDocument', { did: base }));
  // A did:web document must be the DID's own: one published for another DID proves nothing.
  if (documentUrl && document.id !== base) return unresolved('invalid', msg('key.otherDid', { did: base, other: String(document.id) }));
  const node = findMethod(document, id, base);
  if (!node) return unresolved('invalid', msg('key.notListed', { did: base, id }));
  if (base.startsWith('did:') && !allowedForAssertions(document, id, base)) {
    return unresolved('invalid', msg('key.notAssertion', { did: base, id }));
  }
  const key = keyFromMethodNode(node);
  if (!key) return unresolved('invalid', msg('key.unreadable', { id }));
  const controller = typeof node.controller === 'string' ? node.controller : typeof document.id === 'string' ? document.id : controllerFallback;
  return { ok: true, key, keyId: id, controller, ...foundBy(msg('how.listedIn', { document: base })), ...evidence };
}
