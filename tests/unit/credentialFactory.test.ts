// Proves the test-support credential factory's outputs are real: signatures verify with the
// libraries' own verifiers (and fail once tampered), baked images are valid PNG/SVG that
// independent readers (pngjs, openbadges-bakery, saxes) read back exactly, archives list their
// entries with fflate. Only a few Data Integrity signatures are made: they are the slow part.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import * as zlib from 'node:zlib';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { Ed25519Signature2020 } from '@digitalbazaar/ed25519-signature-2020';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import { Unzip, UnzipInflate, unzipSync } from 'fflate';
import { compactVerify, decodeProtectedHeader, EmbeddedJWK, importJWK, importSPKI, jwtVerify } from 'jose';
import { PNG } from 'pngjs';
import { SaxesParser } from 'saxes';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  CONTEXT,
  DEFAULT_FIXTURE_CONTEXTS_DIR,
  TRAVERSAL_NAMES,
  bakeOb2SvgWithBakery,
  bakeOb2WithBakery,
  bakePngItxt,
  bakePngLegacyText,
  bakePngZtxt,
  bakeSvg,
  clrContextsAvailable,
  crc32,
  createDocumentLoader,
  extractWithBakery,
  generateEd25519Issuer,
  generateJoseKey,
  makeBadgePng,
  makeBadgeSvg,
  makeBitstringStatusListCredential,
  makeClrCredential,
  makeDeeplyNestedZip,
  makeEndorsementCredential,
  makeNestedZip,
  makeOb2Assertion,
  makeOb2SignedAssertion,
  makeOb3Credential,
  makePngImage,
  makeZip,
  makeZipBomb,
  makeZipWithDuplicateNames,
  makeZipWithTraversalNames,
  offlineDocumentLoader,
  signDataIntegrity,
  signEd25519Signature2020,
  signVcJwt,
  verifyWithDigitalBazaar,
} from '../support/credentials';
import type { Ed25519Issuer, JoseKeyPair, OpenBadgeCredential, Signed } from '../support/credentials';

const SEED = new Uint8Array(32).map((_, i) => i + 1);
const UNICODE_NAME = 'Ünïcødé Prüfung — 徽章 Értékelés 🏅';

function diSuite(): DataIntegrityProof {
  return new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 });
}

async function verifyDi(credential: object, loader = offlineDocumentLoader): Promise<vc.VerifyCredentialResult> {
  return vc.verifyCredential({ credential, suite: [diSuite(), new Ed25519Signature2020()], documentLoader: loader });
}

/** A deliberately separate PNG chunk reader: the factory's encoder must not check itself. */
interface Chunk {
  type: string;
  data: Buffer;
  crc: number;
  crcOk: boolean;
}
function readChunks(png: Uint8Array): Chunk[] {
  const buffer = Buffer.from(png);
  const chunks: Chunk[] = [];
  for (let at = 8; at < buffer.length;) {
    const length = buffer.readUInt32BE(at);
    const type = buffer.toString('latin1', at + 4, at + 8);
    const data = buffer.subarray(at + 8, at + 8 + length);
    const crc = buffer.readUInt32BE(at + 8 + length);
    chunks.push({ type, data, crc, crcOk: zlib.crc32(buffer.subarray(at + 4, at + 8 + length)) === crc });
    at += 12 + length;
  }
  return chunks;
}

function parseItxt(data: Buffer): { keyword: string; compressed: boolean; text: string } {
  const keywordEnd = data.indexOf(0);
  const compressed = data[keywordEnd + 1] === 1;
  const languageEnd = data.indexOf(0, keywordEnd + 3);
  const translatedEnd = data.indexOf(0, languageEnd + 1);
  const body = data.subarray(translatedEnd + 1);
  return {
    keyword: data.toString('latin1', 0, keywordEnd),
    compressed,
    text: (compressed ? zlib.inflateSync(body) : body).toString('utf8'),
  };
}

function listLocalEntries(zip: Uint8Array): { name: string; originalSize: number | undefined }[] {
  const found: { name: string; originalSize: number | undefined }[] = [];
  const unzip = new Unzip((file) => {
    found.push({ name: file.name, originalSize: file.originalSize });
  });
  unzip.register(UnzipInflate);
  unzip.push(zip, true);
  return found;
}

let issuer: Ed25519Issuer;
let signedOb3: Signed<OpenBadgeCredential>;

beforeAll(async () => {
  issuer = await generateEd25519Issuer(SEED);
  signedOb3 = await signDataIntegrity(
    makeOb3Credential({
      issuer: issuer.did,
      name: UNICODE_NAME,
      validFrom: '2025-01-15T10:00:00Z',
      validUntil: '2099-12-31T23:59:59Z',
      recipient: { did: 'did:example:learner-1' },
    }),
    issuer,
    'eddsa-rdfc-2022',
    { date: '2025-01-15T10:00:00Z' },
  );
});

describe('offline document loader', () => {
  it('answers every context the factory and real credentials use, from npm packages', async () => {
    for (const url of [
      CONTEXT.VC_V1,
      CONTEXT.VC_V2,
      CONTEXT.OB_V3,
      CONTEXT.OB_V3_0_1,
      CONTEXT.OB_V3_0_2,
      CONTEXT.OB_V3_0_3,
      CONTEXT.OB_V3_EXTENSIONS,
      CONTEXT.DATA_INTEGRITY_V1,
      CONTEXT.DATA_INTEGRITY_V2,
      CONTEXT.MULTIKEY_V1,
      CONTEXT.ED25519_2020,
      CONTEXT.DID_V1,
    ]) {
      const loaded = await offlineDocumentLoader(url);
      expect(loaded.documentUrl).toBe(url);
      expect(loaded.document).toHaveProperty('@context');
    }
  });

  it('resolves did:key locally and refuses unknown URLs by name instead of fetching', async () => {
    const didDocument = (await offlineDocumentLoader(issuer.did)).document as { id: string; assertionMethod: string[] };
    expect(didDocument.id).toBe(issuer.did);
    expect(didDocument.assertionMethod).toContain(issuer.verificationMethodId);
    const legacy = createDocumentLoader({ didKeyFormat: 'Ed25519VerificationKey2020' });
    expect(((await legacy(issuer.verificationMethodId)).document as { type: string }).type).toBe('Ed25519VerificationKey2020');
    await expect(offlineDocumentLoader('https://example.com/unknown-context.json')).rejects.toThrow(/https:\/\/example\.com\/unknown-context\.json/);
  });

  it('has CLR 2.0 contexts exactly when the shared fixture folder is present', async () => {
    const present = existsSync(path.join(DEFAULT_FIXTURE_CONTEXTS_DIR, 'contexts-map.json'));
    expect(clrContextsAvailable()).toBe(present);
    const withoutFixtures = createDocumentLoader({ fixtureContextsDir: null });
    await expect(withoutFixtures(CONTEXT.CLR_V2_0_1)).rejects.toThrow(/clr/);
  });

  it('can answer the bare OB 3.0 context.json with the pre-November-2022 beta context', async () => {
    const final = (await offlineDocumentLoader(CONTEXT.OB_V3)).document;
    const beta = (await createDocumentLoader({ bareObContext: 'beta' })(CONTEXT.OB_V3)).document;
    expect(JSON.stringify(final)).toContain('purl.imsglobal.org/spec/vc/ob/vocab.html');
    expect(JSON.stringify(beta)).toContain('imsglobal.github.io/openbadges-specification/ob_v3p0.html');
  });
});

describe('issuer keys', () => {
  it('derive the same did:key from the same seed and a fresh one without', async () => {
    const again = await generateEd25519Issuer(SEED);
    expect(again.did).toBe(issuer.did);
    expect(again.privateJwk).toEqual(issuer.privateJwk);
    expect(issuer.did).toMatch(/^did:key:z6Mk/);
    expect(issuer.verificationMethodId).toBe(`${issuer.did}#${issuer.did.slice('did:key:'.length)}`);
    expect((await generateEd25519Issuer()).did).not.toBe(issuer.did);
  });
});

describe('OB 3.0 with embedded proofs', () => {
  it('a DataIntegrityProof (eddsa-rdfc-2022) verifies with @digitalbazaar/vc, and fails once tampered', async () => {
    expect(signedOb3.proof).toMatchObject({
      type: 'DataIntegrityProof',
      cryptosuite: 'eddsa-rdfc-2022',
      verificationMethod: issuer.verificationMethodId,
      created: '2025-01-15T10:00:00Z',
    });
    expect(signedOb3['@context']).toEqual([CONTEXT.VC_V2, CONTEXT.OB_V3_0_3]);
    expect(signedOb3.name).toBe(UNICODE_NAME);
    const achievement = signedOb3.credentialSubject.achievement;
    expect(achievement.image?.id).toMatch(/^data:image\/png;base64,/);
    expect(achievement.alignment?.[0]?.type).toEqual(['Alignment']);
    expect(achievement.alignment?.[0]?.targetFramework).toBeTypeOf('string');
    expect(achievement.alignment?.[0]?.targetCode).toBeTypeOf('string');

    const result = await verifyDi(signedOb3);
    expect(result.error?.message).toBeUndefined();
    expect(result.verified).toBe(true);

    const tampered = structuredClone(signedOb3);
    tampered.credentialSubject.achievement.name = 'Forged achievement';
    expect((await verifyDi(tampered)).verified).toBe(false);
    expect(await verifyWithDigitalBazaar(signedOb3)).toEqual({ verified: true, errors: [] });
    expect((await verifyWithDigitalBazaar(tampered)).verified).toBe(false);
  });

  it('a VC 1.1 credential with Ed25519Signature2020 verifies, also against a 2020-style did:key document', async () => {
    const credential = makeOb3Credential({ vcVersion: 1, issuer: issuer.did, validFrom: '2024-03-01T00:00:00Z', validUntil: '2099-01-01T00:00:00Z' });
    expect(credential.issuanceDate).toBe('2024-03-01T00:00:00Z');
    expect(credential.expirationDate).toBe('2099-01-01T00:00:00Z');
    expect(credential.validFrom).toBeUndefined();
    const signed = await signEd25519Signature2020(credential, issuer);
    expect(signed['@context']).toContain(CONTEXT.ED25519_2020);
    expect(signed.proof.type).toBe('Ed25519Signature2020');
    expect((await verifyDi(signed)).verified).toBe(true);
    expect((await verifyDi(signed, createDocumentLoader({ didKeyFormat: 'Ed25519VerificationKey2020' }))).verified).toBe(true);
    expect(credential.proof).toBeUndefined(); // the input is left alone
  });

  it('an email recipient is a hashed IdentityObject; status entries point into a status list that decodes', async () => {
    const credential = makeOb3Credential({
      issuer: issuer.did,
      recipient: { email: 'learner@example.com', salt: 'NaCl' },
      credentialStatus: { statusListCredential: 'https://status.example.org/lists/1', statusListIndex: 94567 },
    });
    const identity = credential.credentialSubject.identifier?.[0];
    expect(identity?.identityHash).toBe(`sha256$${createHash('sha256').update('learner@example.comNaCl').digest('hex')}`);
    expect(credential.credentialSubject.id).toBeUndefined();
    expect(credential.credentialStatus).toMatchObject({ type: 'BitstringStatusListEntry', statusListIndex: '94567' });
    expect(() => makeOb3Credential({ vcVersion: 1, issuer: issuer.did, credentialStatus: { statusListCredential: 'https://s.example/1', statusListIndex: 1 } })).toThrow(
      /vcVersion 2/,
    );

    const list = makeBitstringStatusListCredential({ url: 'https://status.example.org/lists/1', issuer: issuer.did, setIndexes: [94567] });
    const bits = zlib.gunzipSync(Buffer.from(list.credentialSubject.encodedList.slice(1), 'base64url'));
    expect(bits.length).toBe(16384);
    expect(bits[94567 >> 3]).toBe(0x80 >> (94567 & 7));
    expect(bits.reduce((sum, byte) => sum + byte, 0)).toBe(0x80 >> (94567 & 7));

    // Signing both checks their JSON-LD; the status callback sees the credential.
    const signed = await signDataIntegrity(credential, issuer);
    const signedList = await signDataIntegrity(list, issuer);
    expect((await verifyDi(signedList)).verified).toBe(true);
    expect((await verifyWithDigitalBazaar(signed, { checkStatus: () => Promise.resolve(false) })).verified).toBe(false);
    expect((await verifyWithDigitalBazaar(signed)).verified).toBe(true);
  });

  it('an EndorsementCredential signs, verifies and embeds in an endorsed credential', async () => {
    const endorser = await generateEd25519Issuer(new Uint8Array(32).fill(9));
    const endorsement = await signDataIntegrity(
      makeEndorsementCredential({ issuer: endorser.did, endorsedId: 'https://academy.example.org/achievements/open-source-contributor' }),
      endorser,
    );
    expect(endorsement.type).toEqual(['VerifiableCredential', 'EndorsementCredential']);
    expect((await verifyDi(endorsement)).verified).toBe(true);
    const endorsed = await signDataIntegrity(makeOb3Credential({ issuer: issuer.did, endorsement: [endorsement] }), issuer);
    expect((await verifyDi(endorsed)).verified).toBe(true);
    expect((await verifyDi(endorsed.endorsement?.[0] ?? {})).verified).toBe(true);
  });
});

describe('OB 3.0 as VC-JWT', () => {
  it('an EdDSA VC-JWT from the did:key issuer verifies with jose and its claims mirror the credential', async () => {
    const credential = makeOb3Credential({ issuer: issuer.did, validFrom: '2025-02-01T08:00:00Z', validUntil: '2030-02-01T08:00:00Z' });
    const jwt = await signVcJwt(credential, issuer);
    const { payload, protectedHeader } = await jwtVerify(jwt, await importJWK(issuer.publicJwk, 'EdDSA'), {
      currentDate: new Date('2026-01-01T00:00:00Z'),
    });
    expect(protectedHeader).toEqual({ alg: 'EdDSA', typ: 'JWT', kid: issuer.verificationMethodId });
    expect(payload.iss).toBe(issuer.did);
    expect(payload.jti).toBe(credential.id);
    expect(payload.sub).toBe(credential.credentialSubject.id);
    expect(payload.nbf).toBe(Date.parse('2025-02-01T08:00:00Z') / 1000);
    expect(payload.exp).toBe(Date.parse('2030-02-01T08:00:00Z') / 1000);
    expect(payload.vc).toEqual(credential);

    const [header, body, signature] = jwt.split('.');
    const forged = JSON.parse(Buffer.from(body ?? '', 'base64url').toString('utf8')) as { vc: OpenBadgeCredential };
    forged.vc.name = 'Forged';
    const tampered = `${header ?? ''}.${Buffer.from(JSON.stringify(forged)).toString('base64url')}.${signature ?? ''}`;
    await expect(jwtVerify(tampered, await importJWK(issuer.publicJwk, 'EdDSA'))).rejects.toThrow(/signature/);
  });

  it('ES256 with a jwk header and RS256 with a kid verify with jose', async () => {
    const credential = makeOb3Credential({ issuer: 'https://issuer.example.org/profile', recipient: { email: 'a@example.com', hashed: false } });
    const es256 = await generateJoseKey('ES256');
    const withJwk = await signVcJwt(credential, es256, 'ES256', { keyReference: 'jwk' });
    const header = decodeProtectedHeader(withJwk);
    expect(header.kid).toBeUndefined();
    expect(header.jwk).toMatchObject({ kty: 'EC', crv: 'P-256' });
    const embedded = await jwtVerify(withJwk, EmbeddedJWK);
    expect(embedded.payload.sub).toBeUndefined(); // an email recipient has no subject id
    expect(embedded.payload.iss).toBe('https://issuer.example.org/profile');

    const rs256: JoseKeyPair = await generateJoseKey('RS256', { kid: 'https://issuer.example.org/keys/1' });
    const withKid = await signVcJwt(credential, rs256, 'RS256');
    const verified = await jwtVerify(withKid, rs256.publicKey);
    expect(verified.protectedHeader).toEqual({ alg: 'RS256', typ: 'JWT', kid: 'https://issuer.example.org/keys/1' });
    await expect(signVcJwt(credential, rs256, 'ES256')).rejects.toThrow(/cannot sign/);
  });
});

describe('CLR 2.0', () => {
  it('holds individually signed OB 3.0 credentials, achievements and associations; signed when its contexts exist', async () => {
    const result = await makeClrCredential({ issuer, courseNames: ['HTML & Accessibility', 'JavaScript Foundations'] });
    const subject = result.credential.credentialSubject;
    expect(subject.verifiableCredential).toHaveLength(2);
    expect(subject.achievement).toHaveLength(3);
    expect(subject.association.map((a) => a.associationType)).toEqual(['isChildOf', 'isChildOf', 'precedes']);
    for (const inner of subject.verifiableCredential) expect((await verifyDi(inner)).verified).toBe(true);
    if (!clrContextsAvailable()) {
      expect(result.signed).toBe(false);
      expect(result.unsignedReason).toMatch(/contexts/);
      return;
    }
    expect(result.signed).toBe(true);
    expect(result.credential['@context']).toContain(CONTEXT.CLR_V2_0_1);
    expect((await verifyDi(result.credential)).verified).toBe(true);
    const tampered = structuredClone(result.credential);
    tampered.credentialSubject.association.pop();
    expect((await verifyDi(tampered)).verified).toBe(false);
  });
});

describe('OB 2.0', () => {
  it('hosted assertions carry hashed or plain recipients and the documents a verifier fetches', () => {
    const hosted = makeOb2Assertion({ recipientEmail: 'learner@example.com', salt: 's4lt', expires: '2030-01-01T00:00:00Z' });
    expect(hosted.assertion.recipient).toEqual({
      type: 'email',
      hashed: true,
      salt: 's4lt',
      identity: `sha256$${createHash('sha256').update('learner@example.coms4lt').digest('hex')}`,
    });
    expect(hosted.assertion.verification).toEqual({ type: 'hosted' });
    expect(hosted.assertion.expires).toBe('2030-01-01T00:00:00Z');
    expect(hosted.documents[hosted.assertion.id]).toBe(hosted.assertion);
    expect(hosted.badgeClass.issuer).toBe(hosted.issuer);
    expect(hosted.documents[hosted.issuer.id]).toBe(hosted.issuer);
    const plain = makeOb2Assertion({ hashed: false, embedBadge: false, embedIssuer: false });
    expect(plain.assertion.recipient).toEqual({ type: 'email', hashed: false, identity: 'learner@example.com' });
    expect(plain.assertion.badge).toBe(plain.badgeClass.id);
    expect(plain.badgeClass.issuer).toBe(plain.issuer.id);
  });

  it('signed assertions are RS256 compact JWS that verify against the published CryptographicKey', async () => {
    const signed = await makeOb2SignedAssertion({ revoked: true });
    expect(signed.assertion.verification).toEqual({ type: 'signed', creator: signed.cryptographicKey.id });
    expect(signed.issuer.publicKey).toBe(signed.cryptographicKey.id);
    expect(signed.revocationList.revokedAssertions).toEqual([{ id: signed.assertion.id, revocationReason: 'Issued in error' }]);
    const { payload, protectedHeader } = await compactVerify(signed.jws, await importSPKI(signed.cryptographicKey.publicKeyPem, 'RS256'));
    expect(protectedHeader.alg).toBe('RS256');
    expect(JSON.parse(new TextDecoder().decode(payload))).toEqual(signed.assertion);
  });
});

describe('PNG images and baking', () => {
  it('makes real PNGs of a controllable size, and its CRC-32 agrees with pngjs and zlib', () => {
    const png = makeBadgePng(100_000, 3);
    expect(Math.abs(png.length - 100_000)).toBeLessThan(5_000);
    expect(makeBadgePng(100_000, 3)).toEqual(png);
    const decoded = PNG.sync.read(Buffer.from(png));
    expect(decoded.width).toBe(decoded.height);
    for (const chunk of readChunks(png)) {
      const typeAndData = Buffer.concat([Buffer.from(chunk.type, 'latin1'), chunk.data]);
      expect(crc32(typeAndData)).toBe(chunk.crc); // CRCs pngjs wrote
      expect(crc32(typeAndData)).toBe(zlib.crc32(typeAndData));
    }
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926); // the standard check value
  });

  it('bakes an uncompressed iTXt right after IHDR that pngjs accepts and that holds the text exactly', async () => {
    const png = makePngImage(40, 30, 11);
    const text = JSON.stringify(signedOb3);
    const baked = bakePngItxt(png, 'openbadgecredential', text);
    const decoded = PNG.sync.read(Buffer.from(baked));
    expect([decoded.width, decoded.height]).toEqual([40, 30]);
    const chunks = readChunks(baked);
    expect(chunks.every((chunk) => chunk.crcOk)).toBe(true);
    expect(chunks.map((chunk) => chunk.type).slice(0, 2)).toEqual(['IHDR', 'iTXt']);
    expect(parseItxt(chunks[1]?.data ?? Buffer.alloc(0))).toEqual({ keyword: 'openbadgecredential', compressed: false, text });
    expect(text).toContain(UNICODE_NAME);

    const atEnd = readChunks(bakePngItxt(png, 'openbadges', 'x', { position: 'beforeIEND' })).map((chunk) => chunk.type);
    expect(atEnd.slice(-2)).toEqual(['iTXt', 'IEND']);
    // An independent reader, openbadges-bakery, finds our OB 2.0 baking too.
    expect(await extractWithBakery(bakePngItxt(png, 'openbadges', '{"id":"https://b.example/1"}'))).toBe('{"id":"https://b.example/1"}');
  });

  it('bakes legacy tEXt URLs and compressed zTXt / iTXt variants', async () => {
    const png = makePngImage(20, 20, 5);
    const legacy = bakePngLegacyText(png, 'https://backpack.example.org/assertions/42');
    PNG.sync.read(Buffer.from(legacy));
    const text = readChunks(legacy).find((chunk) => chunk.type === 'tEXt');
    expect(text?.data.toString('latin1')).toBe('openbadges\0https://backpack.example.org/assertions/42');
    expect(await extractWithBakery(legacy)).toBe('https://backpack.example.org/assertions/42');

    const ztxt = readChunks(bakePngZtxt(png, 'openbadges', '{"a":1}')).find((chunk) => chunk.type === 'zTXt');
    expect(ztxt?.data.subarray(0, 12).toString('latin1')).toBe('openbadges\0\0');
    expect(zlib.inflateSync(ztxt?.data.subarray(12) ?? Buffer.alloc(0)).toString('latin1')).toBe('{"a":1}');

    const compressed = bakePngZtxt(png, 'openbadgecredential', UNICODE_NAME, { variant: 'compressed-iTXt' });
    PNG.sync.read(Buffer.from(compressed));
    const itxt = readChunks(compressed).find((chunk) => chunk.type === 'iTXt');
    expect(parseItxt(itxt?.data ?? Buffer.alloc(0))).toEqual({ keyword: 'openbadgecredential', compressed: true, text: UNICODE_NAME });
    expect(() => bakePngLegacyText(png, 'https://example.org/徽章')).toThrow(/Latin-1/);
  });

  it('openbadges-bakery bakes OB 2.0 PNGs that pngjs reads and the bakery extracts', async () => {
    const { assertion } = makeOb2Assertion();
    const json = JSON.stringify(assertion);
    const baked = await bakeOb2WithBakery(makePngImage(32, 32, 2), json);
    PNG.sync.read(Buffer.from(baked));
    expect(readChunks(baked).every((chunk) => chunk.crcOk)).toBe(true);
    expect(await extractWithBakery(baked)).toBe(json);
    const itxt = readChunks(baked).find((chunk) => chunk.type === 'iTXt');
    expect(parseItxt(itxt?.data ?? Buffer.alloc(0))).toMatchObject({ keyword: 'openbadges', text: json });
  });
});

describe('SVG baking', () => {
  function parseSvg(svg: string): { root: string; namespaces: Record<string, string>; element: string; verify?: string; body: string } {
    const parser = new SaxesParser({ xmlns: true });
    let depth = 0;
    const found = { root: '', namespaces: {} as Record<string, string>, element: '', verify: undefined as string | undefined, body: '' };
    let inBadge = false;
    parser.on('opentag', (node) => {
      depth++;
      if (depth === 1) {
        found.root = node.local;
        found.namespaces = { ...node.ns };
      }
      if (depth === 2 && node.prefix === 'openbadges' && !found.element) {
        found.element = `{${node.uri}}${node.local}`;
        found.verify = node.attributes.verify?.value;
        inBadge = true;
      }
    });
    parser.on('closetag', () => {
      if (depth === 2) inBadge = false;
      depth--;
    });
    parser.on('cdata', (text) => {
      if (inBadge) found.body += text;
    });
    parser.write(svg).close();
    return found;
  }

  it('OB 2.0: the assertion element in the openbadges.org namespace, readable by openbadges-bakery', async () => {
    const { assertion } = makeOb2Assertion();
    const json = JSON.stringify(assertion);
    const baked = bakeSvg(makeBadgeSvg({ title: 'Ünïcødé <badge>' }), 'ob2', { json, verifyUrl: assertion.id });
    const parsed = parseSvg(baked);
    expect(parsed).toMatchObject({ root: 'svg', element: '{http://openbadges.org}assertion', verify: assertion.id, body: json });
    expect(parsed.namespaces.openbadges).toBe('http://openbadges.org');
    expect(JSON.parse(await extractWithBakery(baked))).toEqual(assertion);

    // `]]>` inside the JSON is split across CDATA sections; an XML parser joins them again.
    const tricky = JSON.stringify(makeOb2Assertion({ badgeName: 'Tricky ]]> name & <tags>' }).assertion);
    expect(parseSvg(bakeSvg(makeBadgeSvg(), 'ob2', { json: tricky, verifyUrl: assertion.id })).body).toBe(tricky);

    const signed = bakeSvg(makeBadgeSvg(), 'ob2', { jws: 'eyJhbGciOiJSUzI1NiJ9.e30.c2ln' });
    expect(parseSvg(signed)).toMatchObject({ verify: 'eyJhbGciOiJSUzI1NiJ9.e30.c2ln', body: '' });
    expect(await extractWithBakery(signed)).toBe('eyJhbGciOiJSUzI1NiJ9.e30.c2ln');
  });

  it('OB 3.0: the credential element in the v3p0 namespace with CDATA JSON or a verify JWS', async () => {
    const json = JSON.stringify(signedOb3);
    const parsed = parseSvg(bakeSvg(makeBadgeSvg(), 'ob3', { json }));
    expect(parsed).toMatchObject({ element: '{https://purl.imsglobal.org/ob/v3p0}credential', verify: undefined, body: json });
    const jwt = await signVcJwt(makeOb3Credential({ issuer: issuer.did }), issuer);
    const selfClosingRoot = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>';
    expect(parseSvg(bakeSvg(selfClosingRoot, 'ob3', { jws: jwt }))).toMatchObject({ root: 'svg', verify: jwt, body: '' });
  });

  it('openbadges-bakery bakes OB 2.0 SVGs that it extracts again', async () => {
    const hosted = await bakeOb2SvgWithBakery(makeBadgeSvg(), 'https://badges.example.org/assertions/7.json');
    expect(parseSvg(hosted)).toMatchObject({ element: '{http://openbadges.org}assertion', verify: 'https://badges.example.org/assertions/7.json' });
    expect(await extractWithBakery(hosted)).toBe('https://badges.example.org/assertions/7.json');

    const { assertion } = makeOb2Assertion();
    const embedded = await bakeOb2SvgWithBakery(makeBadgeSvg(), assertion.id, assertion);
    expect(JSON.parse(parseSvg(embedded).body)).toEqual(assertion);
    expect(JSON.parse(await extractWithBakery(embedded))).toEqual(assertion);
  });
});

describe('ZIP archives', () => {
  it('plain and nested archives list their entries with fflate', () => {
    const badge = JSON.stringify(signedOb3);
    const zip = makeZip([
      { name: 'badges/ünïcødé.json', bytes: badge },
      { name: 'badges/badge.png', bytes: makePngImage(8, 8) },
    ]);
    const files = unzipSync(zip);
    expect(Object.keys(files)).toEqual(['badges/ünïcødé.json', 'badges/badge.png']);
    expect(new TextDecoder().decode(files['badges/ünïcødé.json'])).toBe(badge);

    const nested = unzipSync(makeNestedZip([{ name: 'a.json', bytes: '{}' }], { outerEntries: [{ name: 'readme.txt', bytes: 'hi' }] }));
    expect(Object.keys(nested)).toEqual(['readme.txt', 'inner.zip']);
    expect(Object.keys(unzipSync(nested['inner.zip'] ?? new Uint8Array()))).toEqual(['a.json']);

    let archive = makeDeeplyNestedZip(6);
    let levels = 1;
    for (;;) {
      const entries = unzipSync(archive);
      const [name] = Object.keys(entries);
      if (!name?.endsWith('.zip')) {
        expect(name).toBe('credential.json');
        break;
      }
      archive = entries[name] ?? new Uint8Array();
      levels++;
    }
    expect(levels).toBe(6);
  });

  it('hostile archives: traversal names kept verbatim, duplicate names, bombs with honest and lying sizes', () => {
    expect(Object.keys(unzipSync(makeZipWithTraversalNames()))).toEqual([...TRAVERSAL_NAMES]);
    expect(listLocalEntries(makeZipWithDuplicateNames()).map((entry) => entry.name)).toEqual(['badge.json', 'badge.json']);

    const size = 50 * 1024 * 1024 + 7;
    const bomb = makeZipBomb(size);
    expect(bomb.length).toBeLessThan(size / 500);
    expect(listLocalEntries(bomb)).toEqual([{ name: 'bomb.json', originalSize: size }]);
    const inflated = unzipSync(bomb)['bomb.json'] ?? new Uint8Array();
    expect(inflated.length).toBe(size);
    expect(new DataView(bomb.buffer, bomb.byteOffset).getUint32(14, true)).toBe(zlib.crc32(inflated)); // the local header's CRC
    expect(new TextDecoder().decode(inflated.subarray(0, 30))).toBe('{"type":"zip-bomb","padding":"');
    expect(new TextDecoder().decode(inflated.subarray(-3))).toBe(' "}');

    const liar = makeZipBomb(5 * 1024 * 1024, { declaredUncompressedSize: 100 });
    expect(listLocalEntries(liar)[0]?.originalSize).toBe(100);
  });
});
