import * as node from 'node:crypto';
import * as nodeZlib from 'node:zlib';
// @peculiar/x509 resolves its parts through tsyringe, which needs the Reflect metadata API first.
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { describe, expect, it } from 'vitest';
import { Buffer as PageBuffer } from '../../electron/verifierPage/browser/bufferGlobal';
import * as page from '../../electron/verifierPage/browser/nodeCrypto';
import * as pageZlib from '../../electron/verifierPage/browser/nodeZlib';

/**
 * The verifier page's stand-ins for node built-ins (electron/verifierPage/browser/), judged
 * against node itself: signatures made by node:crypto (OpenSSL) must verify with the page's
 * noble/BigInt code exactly when node's own verify says so, digests and inflates must match.
 */
const data = new TextEncoder().encode('header.payload: the bytes a credential signs');
const altered = new TextEncoder().encode('header.payload: the bytes a credential signz');

function pageKeyOf(publicKey: node.KeyObject, form: 'jwk' | 'pem'): page.KeyObject {
  return form === 'jwk'
    ? page.createPublicKey({ key: publicKey.export({ format: 'jwk' }), format: 'jwk' })
    : page.createPublicKey(publicKey.export({ format: 'pem', type: 'spki' }).toString());
}

describe('the page’s node:crypto', () => {
  it('verifies Ed25519 signatures made by node, and refuses altered data or another key', () => {
    const { publicKey, privateKey } = node.generateKeyPairSync('ed25519');
    const other = node.generateKeyPairSync('ed25519').publicKey;
    const signature = node.sign(null, data, privateKey);
    for (const form of ['jwk', 'pem'] as const) {
      const key = pageKeyOf(publicKey, form);
      expect(key.asymmetricKeyType).toBe('ed25519');
      expect(page.verify(null, data, key, signature)).toBe(true);
      expect(page.verify(null, altered, key, signature)).toBe(false);
      expect(page.verify(null, data, pageKeyOf(other, form), signature)).toBe(false);
    }
    expect(page.createPublicKey({ key: publicKey.export({ format: 'jwk' }), format: 'jwk' }).export({ format: 'jwk' })).toEqual(publicKey.export({ format: 'jwk' }));
  });

  it('verifies ECDSA P-256 and P-384 in both signature encodings, as node does', () => {
    for (const [curve, hash] of [
      ['prime256v1', 'sha256'],
      ['secp384r1', 'sha384'],
      ['prime256v1', 'sha384'],
    ] as const) {
      const { publicKey, privateKey } = node.generateKeyPairSync('ec', { namedCurve: curve });
      const der = node.sign(hash, data, privateKey);
      const p1363 = node.sign(hash, data, { key: privateKey, dsaEncoding: 'ieee-p1363' });
      for (const form of ['jwk', 'pem'] as const) {
        const key = pageKeyOf(publicKey, form);
        expect(key.asymmetricKeyDetails.namedCurve).toBe(curve);
        expect(page.verify(hash, data, key, der)).toBe(true);
        expect(page.verify(hash, data, { key, dsaEncoding: 'ieee-p1363' }, p1363)).toBe(true);
        expect(page.verify(hash, altered, { key, dsaEncoding: 'ieee-p1363' }, p1363)).toBe(false);
        // The wrong encoding is a mismatch, not a pass, as with node.
        expect(page.verify(hash, data, key, p1363)).toBe(node.verify(hash, data, publicKey, p1363));
      }
    }
  });

  it('verifies RSA PKCS#1 v1.5 and PSS signatures made by node (RS256, PS256, PS512)', () => {
    const { publicKey, privateKey } = node.generateKeyPairSync('rsa', { modulusLength: 2048 });
    const key = pageKeyOf(publicKey, 'pem');
    expect(key.asymmetricKeyType).toBe('rsa');
    const pkcs1 = node.sign('sha256', data, privateKey);
    expect(page.verify('sha256', data, pageKeyOf(publicKey, 'jwk'), pkcs1)).toBe(true);
    expect(page.verify('sha256', altered, key, pkcs1)).toBe(false);
    expect(page.verify('sha512', data, key, pkcs1)).toBe(false);
    for (const [hash, saltLength] of [
      ['sha256', 32],
      ['sha512', 64],
    ] as const) {
      const pss = node.sign(hash, data, { key: privateKey, padding: node.constants.RSA_PKCS1_PSS_PADDING, saltLength });
      const options = { key, padding: page.constants.RSA_PKCS1_PSS_PADDING, saltLength };
      expect(page.verify(hash, data, options, pss)).toBe(true);
      expect(page.verify(hash, altered, options, pss)).toBe(false);
      // A PSS signature is no PKCS#1 v1.5 signature.
      expect(page.verify(hash, data, key, pss)).toBe(false);
    }
  });

  it('hashes as node does', () => {
    for (const algorithm of ['sha256', 'sha384', 'sha512', 'sha1', 'md5']) {
      expect(page.createHash(algorithm).update('salt').update(data).digest('hex')).toBe(node.createHash(algorithm).update('salt').update(data).digest('hex'));
    }
    expect(page.hash('sha256', 'text', 'hex')).toBe(node.createHash('sha256').update('text').digest('hex'));
    expect(() => page.createHash('whirlpool').digest()).toThrow(/not available in the browser/);
  });

  it('reads an X.509 certificate made by another library as node does', async () => {
    x509.cryptoProvider.set(node.webcrypto as unknown as Crypto);
    const algorithm = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
    const keys = await node.webcrypto.subtle.generateKey(algorithm, true, ['sign', 'verify']);
    const certificate = await x509.X509CertificateGenerator.createSelfSigned({
      serialNumber: '0a1b2c',
      name: 'CN=Seal of Example University, O=Example University, C=DE',
      notBefore: new Date('2025-01-01T00:00:00Z'),
      notAfter: new Date('2027-06-30T12:00:00Z'),
      keys,
      signingAlgorithm: algorithm,
    });
    const der = new Uint8Array(certificate.rawData);
    const ours = new page.X509Certificate(der);
    const theirs = new node.X509Certificate(der);
    expect(ours.subject).toBe(theirs.subject);
    expect(ours.issuer).toBe(theirs.issuer);
    expect(ours.serialNumber).toBe(theirs.serialNumber.toUpperCase());
    expect(new Date(ours.validTo).getTime()).toBe(new Date(theirs.validTo).getTime());
    const signature = node.sign('sha256', data, { key: node.KeyObject.from(keys.privateKey), dsaEncoding: 'ieee-p1363' });
    expect(page.verify('sha256', data, { key: ours.publicKey, dsaEncoding: 'ieee-p1363' }, signature)).toBe(true);
  });
});

describe('the page’s node:zlib and Buffer', () => {
  const text = new TextEncoder().encode('status list '.repeat(2_000));

  it('inflates what node compresses, and stops at maxOutputLength as node does', () => {
    expect(pageZlib.gunzipSync(nodeZlib.gzipSync(text))).toEqual(Buffer.from(text));
    expect(pageZlib.inflateSync(nodeZlib.deflateSync(text))).toEqual(Buffer.from(text));
    expect(pageZlib.inflateRawSync(nodeZlib.deflateRawSync(text))).toEqual(Buffer.from(text));
    expect(() => nodeZlib.gunzipSync(nodeZlib.gzipSync(text), { maxOutputLength: 1_000 })).toThrow(RangeError);
    expect(() => pageZlib.gunzipSync(nodeZlib.gzipSync(text), { maxOutputLength: 1_000 })).toThrow(RangeError);
    expect(nodeZlib.inflateSync(pageZlib.deflateSync(text))).toEqual(Buffer.from(text));
  });

  it('computes CRC-32 as node does, continuing from a previous value', () => {
    const nodeCrc = (bytes: Uint8Array): number => (nodeZlib as unknown as { crc32: (data: Uint8Array) => number }).crc32(bytes);
    expect(pageZlib.crc32(text)).toBe(nodeCrc(text));
    expect(pageZlib.crc32(text.subarray(10), pageZlib.crc32(text.subarray(0, 10)))).toBe(nodeCrc(text));
  });

  it('reads and writes base64url as node’s Buffer does', () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    const encoded = Buffer.from(bytes).toString('base64url');
    expect(PageBuffer.from(bytes).toString('base64url')).toBe(encoded);
    expect(new Uint8Array(PageBuffer.from(encoded, 'base64url'))).toEqual(bytes);
    expect(PageBuffer.isEncoding('base64url')).toBe(true);
  });
});
