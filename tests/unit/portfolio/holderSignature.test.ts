import { createHash, generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compactVerify, decodeProtectedHeader, importJWK } from 'jose';
import { PDFArray, PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPortfolioPdf } from '../../../shared/portfolio/portfolioPdf';
import type { PortfolioEntry } from '../../../shared/portfolio/types';
import { loadFontSet } from '../../../electron/portfolio/fontFiles';
import { checkPresentationJwt, holderDidKey, HolderKeyError, presentationSigner, readHolderKey } from '../../../electron/portfolio/holderSignature';
import { prepareImageNode } from '../../../electron/portfolio/prepareImage';
import { readPortfolioPdf } from '../../../electron/portfolio/readPortfolioPdf';
import { runBin } from '../../support/cliRun';
import { generateEd25519Issuer, makeIssuerProfile, makeOb3Credential, signDataIntegrity, type Ed25519Issuer } from '../../support/credentials';
import { unicodeCredentials, type TestCredential } from './fixtures';

/**
 * The holder-signed presentation: made with node:crypto by holderSignature.ts, checked here
 * with jose (the JWS) and Digital Bazaar's Ed25519 multikey library (the did:key), neither of
 * which the signer uses.
 */

const generatedAt = new Date('2025-03-01T10:00:00Z');
let holder: Ed25519Issuer;
let credentials: TestCredential[];
let entries: PortfolioEntry[];
let signedPdf: Uint8Array;

beforeAll(async () => {
  holder = await generateEd25519Issuer(new Uint8Array(32).fill(21));
  credentials = (await unicodeCredentials()).slice(0, 4);
  entries = credentials.map(({ credential }) => ({ credential, status: 'verified', checkedAt: '2025-03-01T09:58:00Z' }));
  const key = readHolderKey(JSON.stringify(holder.privateJwk));
  signedPdf = await buildPortfolioPdf({
    owner: { name: 'Ana Sofía Pérez' },
    credentials: entries,
    options: { paper: 'a4', generatedAt, fonts: loadFontSet(), prepareImage: prepareImageNode, presentation: presentationSigner(key, { issuedAt: generatedAt }) },
  });
}, 60_000);

describe('holder key and did:key', () => {
  it('names the holder by the same did:key as Digital Bazaar derives from the key', () => {
    const fromJwk = holderDidKey(readHolderKey(JSON.stringify(holder.privateJwk)));
    expect(fromJwk.did).toBe(holder.did);
    expect(fromJwk.keyId).toBe(holder.verificationMethodId);
    const pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(holderDidKey(readHolderKey(pem)).did).toMatch(/^did:key:z6Mk[1-9A-HJ-NP-Za-km-z]{44}$/);
  });

  it('refuses public, non-Ed25519 and unreadable keys with a reason', () => {
    expect(() => readHolderKey(JSON.stringify(holder.publicJwk))).toThrow(/no private part/);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(() => readHolderKey(rsa)).toThrow(/rsa; Badgefolio signs presentations with Ed25519/);
    expect(() => readHolderKey('-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----')).toThrow(HolderKeyError);
    expect(() => readHolderKey('hello')).toThrow(/PKCS#8 PEM private key or a private JWK/);
  });
});

describe('signed presentation in a portfolio PDF', () => {
  it('verifies with jose against the did:key, and lists every attached original with its SHA-256', async () => {
    const report = await readPortfolioPdf(signedPdf);
    expect(report.intact).toBe(true);
    expect(report.presentation?.signature).toMatchObject({ status: 'valid', holder: holder.did, coversAttachments: true });
    const jws = new TextDecoder().decode(report.presentation?.bytes);
    expect(decodeProtectedHeader(jws)).toMatchObject({ alg: 'EdDSA', typ: 'vp+jwt', kid: holder.verificationMethodId });
    const { payload } = await compactVerify(jws, await importJWK(holder.publicJwk, 'EdDSA'));
    const vp = JSON.parse(new TextDecoder().decode(payload)) as {
      holder: string;
      type: string[];
      iat: number;
      relatedResource: { id: string; digestSRI: string }[];
      verifiableCredential: unknown[];
    };
    expect(vp.holder).toBe(holder.did);
    expect(vp.type).toContain('VerifiablePresentation');
    expect(vp.iat).toBe(generatedAt.getTime() / 1000);
    expect(vp.verifiableCredential.length).toBe(credentials.length);
    const digests = credentials.map(({ credential }) => `sha256-${createHash('sha256').update(credential.original.bytes).digest('base64')}`);
    expect(vp.relatedResource.map((r) => r.digestSRI)).toEqual(digests);
  });

  it('catches an altered original that the rewritten manifest no longer can', async () => {
    // Embellish the first credential's JSON (same id, so the same identity) and rewrite the
    // manifest's digest to match: the manifest check alone now passes it.
    const doc = await PDFDocument.load(signedPdf);
    const names = doc.catalog.lookup(PDFName.of('Names'), PDFDict).lookup(PDFName.of('EmbeddedFiles'), PDFDict).lookup(PDFName.of('Names'), PDFArray);
    const specOf = (index: number): PDFDict => names.lookup(index * 2 + 1, PDFDict).lookup(PDFName.of('EF'), PDFDict);
    const original = credentials[0]?.credential.original.bytes ?? new Uint8Array();
    const embellished = new TextEncoder().encode(new TextDecoder().decode(original).replaceAll('Data Analysis with Python', 'Data Analysis with Python, with distinction'));
    specOf(0).set(PDFName.of('F'), doc.context.register(doc.context.flateStream(embellished, { Type: 'EmbeddedFile' })));
    const before = await readPortfolioPdf(signedPdf);
    const manifest = before.manifest;
    if (!manifest) throw new Error('no manifest');
    const rewritten = {
      ...manifest,
      credentials: manifest.credentials.map((entry, i) =>
        i === 0 ? { ...entry, sha256: createHash('sha256').update(embellished).digest('hex'), bytes: embellished.length } : entry,
      ),
    };
    specOf(names.size() / 2 - 1).set(PDFName.of('F'), doc.context.register(doc.context.flateStream(new TextEncoder().encode(JSON.stringify(rewritten)), { Type: 'EmbeddedFile' })));
    const after = await readPortfolioPdf(await doc.save());
    expect(after.credentials.map((c) => c.integrity)).toEqual(credentials.map(() => 'intact'));
    // The holder's signature covers the original bytes, which no rewritten manifest can fix.
    expect(after.presentation?.signature).toMatchObject({ status: 'valid', coversAttachments: false });
    expect(after.intact).toBe(false);
    expect(after.notes.join(' ')).toContain('not the ones the holder signed for');
  });

  it('reports an altered presentation as invalid, and jose agrees', async () => {
    const report = await readPortfolioPdf(signedPdf);
    const [header, claims, signature] = new TextDecoder().decode(report.presentation?.bytes).split('.');
    const altered = JSON.parse(Buffer.from(claims ?? '', 'base64url').toString()) as Record<string, unknown>;
    altered.holder = 'did:example:mallory';
    const forged = `${header ?? ''}.${Buffer.from(JSON.stringify(altered)).toString('base64url')}.${signature ?? ''}`;
    await expect(compactVerify(forged, await importJWK(holder.publicJwk, 'EdDSA'))).rejects.toThrow();
    expect(checkPresentationJwt(new TextEncoder().encode(forged)).status).toBe('invalid');
    const sameHolder = { ...altered, holder: holder.did, relatedResource: [] };
    const resigned = `${header ?? ''}.${Buffer.from(JSON.stringify(sameHolder)).toString('base64url')}.${signature ?? ''}`;
    expect(checkPresentationJwt(new TextEncoder().encode(resigned))).toMatchObject({ status: 'invalid' });
    expect(checkPresentationJwt(new TextEncoder().encode('not a jwt')).status).toBe('unverifiable');
  });
});

describe('badgefolio export-pdf --sign', () => {
  it('attaches a presentation signed with the key file, which verify-pdf confirms', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'badgefolio-cli-sign-'));
    const vault = path.join(folder, 'wallet');
    const env = { BADGEFOLIO_PASSPHRASE: 'plum tractor 99 seaside' };
    const issuer = await generateEd25519Issuer(new Uint8Array(32).fill(4));
    const signed = await signDataIntegrity(
      makeOb3Credential({
        issuer: makeIssuerProfile({ id: issuer.did, name: 'Open Data Institute' }),
        id: 'https://badges.example.org/credentials/77',
        achievementName: 'Open data literacy',
        validFrom: '2025-01-01T00:00:00Z',
      }),
      issuer,
    );
    writeFileSync(path.join(folder, 'literacy.json'), JSON.stringify(signed));
    const keyFile = path.join(folder, 'holder.pem');
    const holderKey = generateKeyPairSync('ed25519').privateKey;
    writeFileSync(keyFile, holderKey.export({ type: 'pkcs8', format: 'pem' }));
    expect(runBin(['init', '--vault', vault], { env }).status).toBe(0);
    expect(runBin(['import', path.join(folder, 'literacy.json'), '--vault', vault], { env }).status).toBe(0);

    const pdf = path.join(folder, 'signed.pdf');
    const exported = runBin(['export-pdf', '--out', pdf, '--vault', vault, '--sign', keyFile], { env });
    expect(exported.stderr).toBe('');
    expect(exported.stdout).toContain(`Signed by ${holderDidKey(holderKey).did}`);
    const checked = runBin(['verify-pdf', pdf, '--json']);
    expect(checked.status).toBe(0);
    const report = JSON.parse(checked.stdout) as { intact: boolean; notes: string[] };
    expect(report.intact).toBe(true);
    expect(report.notes.join(' ')).toContain(`The holder ${holderDidKey(holderKey).did} signed this set of credentials.`);

    writeFileSync(path.join(folder, 'public.json'), JSON.stringify(holder.publicJwk));
    const refused = runBin(['export-pdf', '--out', pdf, '--vault', vault, '--sign', path.join(folder, 'public.json')], { env: {} });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('no private part');
  }, 120_000);
});
