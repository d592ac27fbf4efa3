import { createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { bytesToBase64Url as base64Url } from '../../shared/encoding/base64';
import type { PresentationSigner } from '../../shared/portfolio/types';
import { base58Decode, base58Encode, base64UrlDecode } from '../verify/multibase';
import { isRecord } from '../../shared/jsonValue';
import type { VerificationMessage } from '../../shared/credential/verification';
import { englishOf, msg } from '../../shared/credential/verificationMessages';

/**
 * The holder's signature on a portfolio: the builder's unsigned Verifiable Presentation (every
 * credential and the SHA-256 of every attached file) signed as a VC-JOSE-COSE `vp+jwt` with an
 * Ed25519 key, the holder named by the key's did:key. A reader needs nothing but the PDF: the
 * DID is the public key. Where the holder's key lives (the wallet, a file) is the caller's
 * business; this module takes a Node KeyObject.
 */

export class HolderKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HolderKeyError';
  }
}

/** Multicodec prefix of an Ed25519 public key (0xed, as an unsigned varint). */
const ed25519Prefix = [0xed, 0x01];

function rawPublicKey(key: KeyObject): Uint8Array {
  const jwk = (key.type === 'private' ? createPublicKey(key) : key).export({ format: 'jwk' });
  const raw = jwk.crv === 'Ed25519' && typeof jwk.x === 'string' ? base64UrlDecode(jwk.x) : undefined;
  if (raw?.length !== 32) throw new HolderKeyError('The holder key is not an Ed25519 key.');
  return raw;
}

/** The did:key of an Ed25519 key (public or private) and its verification method id. */
export function holderDidKey(key: KeyObject): { did: string; keyId: string } {
  const fingerprint = `z${base58Encode(new Uint8Array([...ed25519Prefix, ...rawPublicKey(key)]))}`;
  return { did: `did:key:${fingerprint}`, keyId: `did:key:${fingerprint}#${fingerprint}` };
}

/**
 * The holder's private key from a file's contents: PKCS#8 PEM (`openssl genpkey -algorithm
 * ed25519`) or a private JWK (kty OKP, crv Ed25519, with d). Anything else is refused with a
 * HolderKeyError saying why.
 */
export function readHolderKey(contents: string): KeyObject {
  const text = contents.trim();
  let key: KeyObject;
  try {
    if (text.startsWith('{')) {
      const jwk = JSON.parse(text) as Record<string, unknown>;
      if (typeof jwk.d !== 'string') throw new HolderKeyError('This JWK has no private part ("d"): the holder key must be a private key.');
      key = createPrivateKey({ key: jwk, format: 'jwk' });
    } else if (text.includes('-----BEGIN') && text.includes('PRIVATE KEY-----')) {
      key = createPrivateKey({ key: text, format: 'pem' });
    } else {
      throw new HolderKeyError('The holder key must be a PKCS#8 PEM private key or a private JWK.');
    }
  } catch (error) {
    if (error instanceof HolderKeyError) throw error;
    throw new HolderKeyError('The holder key could not be read: it is damaged or not a private key.');
  }
  if (key.asymmetricKeyType !== 'ed25519')
    throw new HolderKeyError(`The holder key is ${key.asymmetricKeyType ?? 'of an unknown type'}; Badgefolio signs presentations with Ed25519 keys.`);
  return key;
}

export const presentationMediaType = 'application/vp+jwt';

/** A signer for buildPortfolioPdf's `presentation` option. `issuedAt` becomes the JWT's `iat`. */
export function presentationSigner(privateKey: KeyObject, options: { issuedAt: Date }): PresentationSigner {
  if (privateKey.type !== 'private' || privateKey.asymmetricKeyType !== 'ed25519') throw new HolderKeyError('Presentations are signed with an Ed25519 private key.');
  const { did, keyId } = holderDidKey(privateKey);
  const encoder = new TextEncoder();
  return {
    holder: did,
    sign: (presentation) => {
      const header = { alg: 'EdDSA', typ: 'vp+jwt', cty: 'vp', kid: keyId };
      const claims = { ...presentation, iat: Math.floor(options.issuedAt.getTime() / 1000) };
      const signingInput = `${base64Url(encoder.encode(JSON.stringify(header)))}.${base64Url(encoder.encode(JSON.stringify(claims)))}`;
      const signature = new Uint8Array(sign(null, encoder.encode(signingInput), privateKey));
      return Promise.resolve({ bytes: encoder.encode(`${signingInput}.${base64Url(signature)}`), mediaType: presentationMediaType, extension: 'jwt' });
    },
  };
}

export interface PresentationCheck {
  /**
   * valid: the signature verifies with the key its did:key names, and that DID is the
   * presentation's holder. invalid: it does not (altered, or signed by someone else).
   * unverifiable: not a presentation this module can check offline (another algorithm or
   * key reference, not a JWT).
   */
  readonly status: 'valid' | 'invalid' | 'unverifiable';
  readonly holder?: string;
  /** The presentation itself (the JWT's claims) when it could be decoded. */
  readonly presentation?: Record<string, unknown>;
  /** What was found, as a catalogue message (the app says it in the reader's language); `sentence` is its English. */
  readonly message: VerificationMessage;
  readonly sentence: string;
}

/** The sentence's message and its English, which the CLI prints. */
const said = (message: VerificationMessage): Pick<PresentationCheck, 'message' | 'sentence'> => ({ message, sentence: englishOf(message) });

const decodeJson = (part: string): unknown => {
  const bytes = base64UrlDecode(part);
  if (!bytes) return undefined;
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return undefined;
  }
};

/**
 * Checks a holder-signed presentation as `presentationSigner` makes it: an EdDSA `vp+jwt`
 * whose `kid` is a did:key and whose `holder` is that DID. Offline: the DID carries the key.
 */
export function checkPresentationJwt(bytes: Uint8Array): PresentationCheck {
  const parts = new TextDecoder().decode(bytes).trim().split('.');
  const [headerPart = '', claimsPart = '', signaturePart = ''] = parts;
  const header = decodeJson(headerPart);
  const claims = decodeJson(claimsPart);
  if (parts.length !== 3 || !isRecord(header) || !isRecord(claims)) return { status: 'unverifiable', ...said(msg('presentation.unreadable')) };
  const holder = typeof claims.holder === 'string' ? claims.holder : undefined;
  const base = { ...(holder === undefined ? {} : { holder }), presentation: claims };
  const kid = typeof header.kid === 'string' ? header.kid : '';
  const match = /^(did:key:z([1-9A-HJ-NP-Za-km-z]+))#z\2$/.exec(kid);
  const decoded = match?.[2] === undefined ? undefined : base58Decode(match[2]);
  if (header.alg !== 'EdDSA' || !match || decoded?.length !== 34 || decoded[0] !== ed25519Prefix[0] || decoded[1] !== ed25519Prefix[1]) {
    return { ...base, status: 'unverifiable', ...said(msg('presentation.notDidKey')) };
  }
  const signer = match[1] ?? '';
  if (holder !== signer) {
    return { ...base, status: 'invalid', ...said(msg('presentation.otherSigner', { signer, holder: holder ?? msg('presentation.noHolder') })) };
  }
  const publicKey = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: base64Url(decoded.subarray(2)) }, format: 'jwk' });
  const signature = base64UrlDecode(signaturePart);
  const valid = signature !== undefined && verify(null, new TextEncoder().encode(`${headerPart}.${claimsPart}`), publicKey, signature);
  return valid ? { ...base, status: 'valid', ...said(msg('presentation.signed', { signer })) } : { ...base, status: 'invalid', ...said(msg('presentation.altered')) };
}
