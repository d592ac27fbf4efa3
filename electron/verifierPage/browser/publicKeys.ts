import { ed25519 } from '@noble/curves/ed25519.js';
import { p256, p384, p521 } from '@noble/curves/nist.js';
import { bigIntToBytes, bytesToBigInt, DerError, pemToDer, readRsaPublicKey, readSpki } from './der';
import { modulusBytes, type RsaKey } from './rsa';

/** Public keys as node:crypto's KeyObject shows them to the engine, made from SPKI, PEM or JWK. */
export type Curve = 'prime256v1' | 'secp384r1' | 'secp521r1';
export { ed25519 };
export const curves = { prime256v1: p256, secp384r1: p384, secp521r1: p521 } as const;
const jwkCurves: Readonly<Record<string, Curve>> = { 'P-256': 'prime256v1', 'P-384': 'secp384r1', 'P-521': 'secp521r1' };
const curveJwkNames: Readonly<Record<Curve, string>> = { prime256v1: 'P-256', secp384r1: 'P-384', secp521r1: 'P-521' };
const coordinateBytes: Readonly<Record<Curve, number>> = { prime256v1: 32, secp384r1: 48, secp521r1: 66 };

export type KeyMaterial =
  | { readonly kind: 'ed25519'; readonly raw: Uint8Array }
  | { readonly kind: 'ec'; readonly curve: Curve; readonly point: Uint8Array }
  | { readonly kind: 'rsa'; readonly rsa: RsaKey };

const toBase64Url = (bytes: Uint8Array): string =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
const fromBase64Url = (text: string): Uint8Array => Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));

export class KeyObject {
  readonly type = 'public' as const;
  readonly asymmetricKeyType: 'ed25519' | 'ec' | 'rsa';
  readonly asymmetricKeyDetails: { namedCurve?: string; modulusLength?: number };

  constructor(readonly material: KeyMaterial) {
    this.asymmetricKeyType = material.kind;
    this.asymmetricKeyDetails = material.kind === 'ec' ? { namedCurve: material.curve } : material.kind === 'rsa' ? { modulusLength: modulusBytes(material.rsa) * 8 } : {};
  }

  export(options: { format: string }): Record<string, string> {
    if (options.format !== 'jwk') throw new Error('Only JWK export is available in the browser.');
    const m = this.material;
    if (m.kind === 'ed25519') return { kty: 'OKP', crv: 'Ed25519', x: toBase64Url(m.raw) };
    if (m.kind === 'rsa') {
      const e = m.rsa.e.toString(16);
      return { kty: 'RSA', n: toBase64Url(bigIntToBytes(m.rsa.n, modulusBytes(m.rsa))), e: toBase64Url(bigIntToBytes(m.rsa.e, Math.ceil(e.length / 2))) };
    }
    const point = curves[m.curve].Point.fromBytes(m.point).toBytes(false);
    const size = coordinateBytes[m.curve];
    return { kty: 'EC', crv: curveJwkNames[m.curve], x: toBase64Url(point.subarray(1, 1 + size)), y: toBase64Url(point.subarray(1 + size)) };
  }
}

/** A checked EC point: noble refuses points off the curve, as OpenSSL does. */
function ecKey(curve: Curve, point: Uint8Array): KeyObject {
  curves[curve].Point.fromBytes(point).assertValidity();
  return new KeyObject({ kind: 'ec', curve, point: new Uint8Array(point) });
}

function fromSpki(der: Uint8Array): KeyObject {
  const spki = readSpki(der);
  if (spki.algorithm === 'ed25519') {
    if (spki.key.length !== 32) throw new DerError('bad Ed25519 key');
    return new KeyObject({ kind: 'ed25519', raw: new Uint8Array(spki.key) });
  }
  if (spki.algorithm === 'rsa') return new KeyObject({ kind: 'rsa', rsa: readRsaPublicKey(spki.key) });
  if (spki.algorithm === 'ec' && spki.curve !== undefined && spki.curve in curves) return ecKey(spki.curve as Curve, spki.key);
  throw new DerError(`unsupported key: ${spki.algorithm} ${spki.curve ?? ''}`);
}

function fromJwk(jwk: Record<string, unknown>): KeyObject {
  const text = (name: string): string => {
    const value = jwk[name];
    if (typeof value !== 'string') throw new Error(`JWK without ${name}`);
    return value;
  };
  if (jwk.kty === 'OKP' && jwk.crv === 'Ed25519') {
    const raw = fromBase64Url(text('x'));
    if (raw.length !== 32) throw new Error('bad Ed25519 JWK');
    return new KeyObject({ kind: 'ed25519', raw });
  }
  const curve = typeof jwk.crv === 'string' ? jwkCurves[jwk.crv] : undefined;
  if (jwk.kty === 'EC' && curve !== undefined) {
    return ecKey(curve, new Uint8Array([4, ...fromBase64Url(text('x')), ...fromBase64Url(text('y'))]));
  }
  if (jwk.kty === 'RSA') return new KeyObject({ kind: 'rsa', rsa: { n: bytesToBigInt(fromBase64Url(text('n'))), e: bytesToBigInt(fromBase64Url(text('e'))) } });
  throw new Error(`Unsupported JWK: ${String(jwk.kty)} ${String(jwk.crv)}`);
}

type KeyInput = string | KeyObject | { key: unknown; format?: string; type?: string };

export function createPublicKey(input: KeyInput): KeyObject {
  if (input instanceof KeyObject) return input;
  if (typeof input === 'string') return createPublicKey({ key: input, format: 'pem' });
  const { key, format } = input;
  if (format === 'jwk' && typeof key === 'object' && key !== null) return fromJwk(key as Record<string, unknown>);
  if (format === 'der' && key instanceof Uint8Array) return fromSpki(key);
  if (typeof key === 'string') {
    // PKCS#1 "RSA PUBLIC KEY" is the bare RSAPublicKey; everything else a SubjectPublicKeyInfo.
    const der = pemToDer(key);
    return key.includes('BEGIN RSA PUBLIC KEY') ? new KeyObject({ kind: 'rsa', rsa: readRsaPublicKey(der) }) : fromSpki(der);
  }
  throw new Error('Unsupported public key input in the browser.');
}
