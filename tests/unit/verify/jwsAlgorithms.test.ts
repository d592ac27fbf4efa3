// VC-JWT signatures in every algorithm the verifier takes, signed here by node:crypto so that
// they are independent of jose, which verifies them; and the readings the verifier kept when
// it moved to jose: RSA keys under 2048 bits, extensions a header marks critical, base64url
// with spare bits set, the sentences for a JWS that cannot be read, and JAdES seals.
import { constants, generateKeyPairSync, sign, webcrypto, type KeyObject } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { VerificationReport } from '../../../shared/credential/verification';
import { englishOf } from '../../../shared/credential/verificationMessages';
import { decodeCompactJws } from '../../../electron/verify/vcJwt';
import { createVerifier } from '../../../electron/verify/verifier';
import { makeIssuerProfile, makeOb3Credential } from '../../support/credentials';
import { normaliseOne } from './helpers';
import { authority, der } from './trustListBuilders';

const verifier = createVerifier({ network: 'offline', now: new Date('2025-06-01T00:00:00Z') });
const base64url = (value: string | Uint8Array): string => Buffer.from(value).toString('base64url');
const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

interface Signer {
  readonly alg: string;
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
}

function signWithNode({ alg, privateKey }: Signer, input: Buffer): Buffer {
  const bits = Number(alg.slice(2));
  if (alg.startsWith('RS')) return sign(`sha${String(bits)}`, input, privateKey);
  if (alg.startsWith('PS')) return sign(`sha${String(bits)}`, input, { key: privateKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: bits / 8 });
  if (alg.startsWith('ES')) return sign(`sha${String(bits)}`, input, { key: privateKey, dsaEncoding: 'ieee-p1363' });
  return sign(null, input, privateKey);
}

interface JwtOptions {
  /** More header parameters beside alg, typ and the public jwk. */
  readonly header?: Record<string, unknown>;
  /** Rewrites the payload as written (the signature covers the rewritten text). */
  readonly payload?: (written: string) => string;
  /** Signs with this key instead, keeping the signer's public key in the header. */
  readonly signedBy?: Signer;
}

/** A VC-JWT whose header carries the public key as `jwk`, its claims mirroring the credential. */
function vcJwt(signer: Signer, options: JwtOptions = {}): string {
  const { proof: _proof, ...vc } = makeOb3Credential({ issuer: makeIssuerProfile({ id: 'did:example:college', name: 'Example College' }), validFrom: '2024-01-01T00:00:00Z' });
  const claims = { vc, iss: 'did:example:college', jti: vc.id, sub: vc.credentialSubject.id, nbf: Date.parse('2024-01-01T00:00:00Z') / 1000 };
  const header = base64url(JSON.stringify({ alg: signer.alg, typ: 'JWT', jwk: signer.publicKey.export({ format: 'jwk' }), ...options.header }));
  const written = base64url(JSON.stringify(claims));
  const payload = options.payload ? options.payload(written) : written;
  const signature = signWithNode(options.signedBy ?? signer, Buffer.from(`${header}.${payload}`, 'ascii'));
  return `${header}.${payload}.${base64url(signature)}`;
}

async function verify(jwt: string): Promise<{ report: VerificationReport; signature: string | undefined }> {
  const report = await verifier.verify(await normaliseOne(jwt, 'credential.jwt'));
  return { report, signature: report.checks.find((check) => check.id === 'signature')?.sentence };
}

/** Two key pairs of each kind: the signer's, and another that forges. */
const pairs = () => ({
  rsa: generateKeyPairSync('rsa', { modulusLength: 2048 }),
  p256: generateKeyPairSync('ec', { namedCurve: 'P-256' }),
  p384: generateKeyPairSync('ec', { namedCurve: 'P-384' }),
  p521: generateKeyPairSync('ec', { namedCurve: 'P-521' }),
  ed25519: generateKeyPairSync('ed25519'),
});
type Kind = keyof ReturnType<typeof pairs>;
const algorithms: readonly (readonly [string, Kind])[] = [
  ['RS256', 'rsa'],
  ['RS384', 'rsa'],
  ['RS512', 'rsa'],
  ['PS256', 'rsa'],
  ['PS384', 'rsa'],
  ['PS512', 'rsa'],
  ['ES256', 'p256'],
  ['ES384', 'p384'],
  ['ES512', 'p521'],
  ['EdDSA', 'ed25519'],
  ['Ed25519', 'ed25519'],
];
let own: ReturnType<typeof pairs>;
let other: ReturnType<typeof pairs>;

beforeAll(() => {
  own = pairs();
  other = pairs();
});

describe('VC-JWT signatures, verified through jose', () => {
  it('verifies every algorithm the verifier takes, and refuses each one signed by another key', async () => {
    for (const [alg, kind] of algorithms) {
      const signer = { alg, ...own[kind] };
      const good = await verify(vcJwt(signer));
      expect([alg, good.report.status, good.signature]).toEqual([
        alg,
        'verified',
        `The ${alg} signature matches the key header jwk, carried in the credential itself (header "jwk").`,
      ]);
      const forged = await verify(vcJwt(signer, { signedBy: { alg, ...other[kind] } }));
      expect([alg, forged.report.status]).toEqual([alg, 'invalid']);
      expect(forged.signature).toMatch(/^The signature does not match: the credential was changed after signing, or signed with another key/);
    }
  });

  it('refuses a signature or payload with a letter too many, which a lax decoder would drop', async () => {
    // ES384 signs with 96 bytes: 128 letters, whole groups of four. A 129th letter holds no byte.
    const jwt = vcJwt({ alg: 'ES384', ...own.p384 });
    const [header = '', payload = '', signature = ''] = jwt.split('.');
    expect(signature.length % 4).toBe(0);
    expect((await verify(jwt)).report.status).toBe('verified');
    expect((await verify(`${jwt}A`)).report.status).toBe('invalid');
    // The same for a payload of whole groups: the claims are unreadable, as jose's decoder has it.
    const whole =
      payload.length % 4 === 0
        ? payload
        : base64url(Buffer.concat([Buffer.from(payload, 'base64url'), Buffer.from(' '.repeat(3 - (Buffer.from(payload, 'base64url').length % 3)))]));
    expect(whole.length % 4).toBe(0);
    const decoded = decodeCompactJws(`${header}.${whole}A.${signature}`);
    expect('jws' in decoded ? 'readable' : englishOf(decoded)).toBe('The JWS payload is not readable JSON.');
  });

  it('still verifies RSA keys under 2048 bits, which jose refuses, and refuses a forgery with one', async () => {
    const short = { alg: 'RS256', ...generateKeyPairSync('rsa', { modulusLength: 1024 }) };
    expect((await verify(vcJwt(short))).report.status).toBe('verified');
    expect((await verify(vcJwt({ ...short, alg: 'PS256' }))).report.status).toBe('verified');
    const forged = await verify(vcJwt(short, { signedBy: { alg: 'RS256', ...generateKeyPairSync('rsa', { modulusLength: 1024 }) } }));
    expect(forged.report.status).toBe('invalid');
  });

  it('accepts a header that marks its own extensions critical, as before', async () => {
    const { report } = await verify(vcJwt({ alg: 'ES256', ...own.p256 }, { header: { crit: ['sigT'], sigT: '2025-01-01T00:00:00Z' } }));
    expect(report.status).toBe('verified');
  });

  it('reads a payload whose last base64url letter has spare bits set, as lax encoders write it', async () => {
    const spareBits = (written: string): string => {
      // A space after the JSON (the same JSON) when its bytes fill whole groups: the last letter must then carry spare bits.
      const json = Buffer.from(written, 'base64url');
      const canonical = json.length % 3 === 0 ? base64url(Buffer.concat([json, Buffer.from(' ')])) : written;
      const last = alphabet.indexOf(canonical.charAt(canonical.length - 1));
      return canonical.slice(0, -1) + (alphabet[last | 1] ?? '');
    };
    const jwt = vcJwt({ alg: 'EdDSA', ...own.ed25519 }, { payload: spareBits });
    const payload = jwt.split('.')[1] ?? '';
    expect(payload.length % 4).not.toBe(0);
    expect(base64url(Buffer.from(payload, 'base64url'))).not.toBe(payload);
    expect((await verify(jwt)).report.status).toBe('verified');
  });

  it('says why a JWS cannot be read, in the same sentences as before', () => {
    const jwt = vcJwt({ alg: 'EdDSA', ...own.ed25519 });
    const [header = '', payload = '', signature = ''] = jwt.split('.');
    const reading = (text: string): string => {
      const decoded = decodeCompactJws(text);
      return 'jws' in decoded ? 'readable' : englishOf(decoded);
    };
    expect(reading(jwt)).toBe('readable');
    expect(reading(`${header}.${payload}`)).toBe('A signed credential (JWS) has three parts; this one has 2.');
    expect(reading(`${base64url('not json')}.${payload}.${signature}`)).toBe('The JWS header is not readable JSON.');
    expect(reading(`${header}=.${payload}.${signature}`)).toBe('The JWS header is not readable JSON.');
    expect(reading(`${header}.${base64url('[1, 2]')}.${signature}`)).toBe('The JWS payload is not readable JSON.');
    expect(reading(`${header}.${payload}.`)).toBe('The JWS has no readable signature.');
  });
});

describe('JAdES seals, verified through jose', () => {
  it('verifies a seal whose header marks b64 and sigT critical and whose unencoded payload is not ASCII; refuses it altered or its signature mis-written', async () => {
    const seal = await authority('CN=Siegel Ärztekammer Süd, O=Ärztekammer Süd, C=DE');
    const issuer = { id: 'urn:epass:org:aerztekammer', type: 'Organisation', legalName: { de: 'Ärztekammer Süd' } };
    const subject = { id: 'urn:epass:person:1', type: 'Person', fullName: { de: 'Jürgen Müller' } };
    const types = ['VerifiableCredential', 'EuropeanDigitalCredential'];
    const payload = JSON.stringify({ id: 'urn:credential:jades-umlaut', type: types, issuer, issuanceDate: '2025-03-01T00:00:00Z', credentialSubject: subject });
    const header = base64url(JSON.stringify({ alg: 'ES256', b64: false, sigT: '2025-03-01T00:00:00Z', crit: ['b64', 'sigT'], x5c: [der(seal.cert)] }));
    const ecdsa = { name: 'ECDSA', hash: 'SHA-256' };
    const signature = base64url(new Uint8Array(await webcrypto.subtle.sign(ecdsa, seal.keys.privateKey, Buffer.from(`${header}.${payload}`, 'utf8'))));
    const sealCheck = async (text: string, written = signature) => {
      const envelope = JSON.stringify({ payload: text, signatures: [{ protected: header, signature: written }] });
      const report = await verifier.verify(await normaliseOne(envelope, 'sealed.json'));
      return report.checks.find((check) => check.id === 'signature');
    };
    expect((await sealCheck(payload))?.outcome).toBe('passed');
    expect((await sealCheck(payload.replace('Jürgen', 'Jörg')))?.outcome).toBe('failed');
    // The same signature with a letter base64url does not have: a decoder that skipped it would read the valid signature.
    expect((await sealCheck(payload, `${signature.slice(0, 10)}!${signature.slice(10)}`))?.outcome).toBe('failed');
  });
});
