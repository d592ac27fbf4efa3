import { beforeAll, describe, expect, it } from 'vitest';
import { summariesOf } from '../../electron/core/credentialSummary';
import { toStored } from '../../electron/vault/storedCredential';
import type { VaultEntry } from '../../electron/vault/vault';
import { bundledRegistries, readRegistry } from '../../electron/verify/issuerRegistries';
import { createVerifier } from '../../electron/verify/verifier';
import { identityLabel, identitySentence, type Translate } from '../../renderer/src/credentials/issuerIdentityWords';
import { de } from '../../renderer/src/i18n/de';
import { en, type Catalogue } from '../../renderer/src/i18n/en';
import { identityEn } from '../../renderer/src/i18n/messages/identity';
import type { NormalizedCredential } from '../../shared/credential/model';
import type { IssuerIdentity, VerificationReport } from '../../shared/credential/verification';
import { credentialSummarySchema, type CredentialSummary } from '../../shared/credential/walletViews';
import { generateEd25519Issuer, makeIssuerProfile, makeOb3Credential, seededBytes, signDataIntegrity } from '../support/credentials';
import { normaliseOne } from './verify/helpers';

/**
 * The card and the details say who stands behind a credential's key, from the stored report:
 * the portfolio's summary carries the identity's level (and the registry or domain), the card
 * words it in the reader's language, and a report stored before identity was judged gets no
 * words at all.
 */
const now = new Date('2025-06-01T00:00:00Z');
const mit = 'Massachusetts Institute of Technology';

const translate =
  (catalogue: Catalogue): Translate =>
  (key, values) =>
    catalogue[key].replace(/\{(\w+)\}/g, (whole, name: string) => String(values?.[name] ?? whole));
const tEn = translate(en);
const tDe = translate(de);

let famous: { credential: NormalizedCredential; report: VerificationReport };
let listed: { credential: NormalizedCredential; report: VerificationReport };
let onTest: VerificationReport;
let tampered: VerificationReport;

function entryOf(id: string, credential: NormalizedCredential, verification?: unknown): VaultEntry {
  return {
    id,
    identity: credential.identity,
    contentHash: id,
    addedAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    credential: toStored(credential).json,
    ...(verification === undefined ? {} : { verification }),
  };
}

beforeAll(async () => {
  const sign = async (seed: number, name: string, registries = bundledRegistries) => {
    const issuer = await generateEd25519Issuer(seededBytes(32, seed));
    const json = await signDataIntegrity(
      makeOb3Credential({ issuer: makeIssuerProfile({ id: issuer.did, name }), validFrom: '2025-01-01T00:00:00Z', achievementName: 'Data Science' }),
      issuer,
    );
    const credential = await normaliseOne(json);
    const registry = readRegistry({ meta: { updated: '2026-05-01T00:00:00Z' }, registry: { [issuer.did]: { name: 'Harbour University' } } }, 'Acme hiring registry');
    return { issuer, json, credential, registry, registries };
  };
  const a = await sign(401, mit);
  famous = { credential: a.credential, report: await createVerifier({ network: 'offline', now }).verify(a.credential) };
  const b = await sign(402, 'Harbour Uni');
  listed = { credential: b.credential, report: await createVerifier({ network: 'offline', now, registries: [b.registry, ...bundledRegistries] }).verify(b.credential) };
  const sandbox = readRegistry({ registry: { [b.issuer.did]: { name: 'Demo issuer' } } }, 'DCC Sandbox Registry', { test: true });
  onTest = await createVerifier({ network: 'offline', now, registries: [sandbox] }).verify(b.credential);
  const edited = await normaliseOne({
    ...a.json,
    name: 'Data Science (edited)',
    credentialSubject: { ...a.json.credentialSubject, achievement: { ...a.json.credentialSubject.achievement, name: 'Data Science PhD' } },
  });
  tampered = await createVerifier({ network: 'offline', now }).verify(edited);
  expect([famous.report.status, listed.report.status, onTest.status, tampered.status]).toEqual(['verified', 'verified', 'verified', 'invalid']);
});

describe('the portfolio summary', () => {
  it('carries the stored report’s identity: level, registry or domain, date, test', () => {
    const summaries = summariesOf([
      entryOf('aaaaaaaaaaaa', famous.credential, famous.report),
      entryOf('bbbbbbbbbbbb', listed.credential, listed.report),
      entryOf('cccccccccccc', listed.credential, onTest),
    ]);
    expect(summaries.map((s) => s.issuerIdentity)).toEqual([
      { level: 'unconfirmed', source: null, asOf: null },
      { level: 'registry', source: 'Acme hiring registry', asOf: '2026-05-01T00:00:00.000Z' },
      { level: 'registry', source: 'DCC Sandbox Registry', asOf: null, test: true },
    ]);
    // What crosses to the renderer keeps it (the channel's schema would strip an unknown field).
    for (const summary of summaries) expect(credentialSummarySchema.parse(summary).issuerIdentity).toEqual(summary.issuerIdentity);
  });

  it('invents nothing for a report stored before identity was judged, nor for one never checked or misshapen', () => {
    const { issuerIdentity: _old, ...before } = famous.report;
    const summaries = summariesOf([
      entryOf('aaaaaaaaaaaa', famous.credential, before),
      entryOf('bbbbbbbbbbbb', listed.credential),
      entryOf('cccccccccccc', listed.credential, { ...listed.report, issuerIdentity: { level: 'famous', source: 'x' } }),
    ]);
    expect(summaries.map((s) => s.status)).toEqual(['verified', undefined, 'verified']);
    expect(summaries.map((s) => 'issuerIdentity' in s)).toEqual([false, false, false]);
  });
});

describe('the card’s label and the details’ sentence', () => {
  const summaryIdentity = (report: VerificationReport): NonNullable<CredentialSummary['issuerIdentity']> => {
    const [summary] = summariesOf([entryOf('aaaaaaaaaaaa', famous.credential, report)]);
    if (!summary?.issuerIdentity) throw new Error('no identity');
    return summary.issuerIdentity;
  };

  it('says in English and German who stands behind the key, test registries saying so', () => {
    expect(identityLabel(summaryIdentity(famous.report), tEn)).toBe('Issuer not confirmed');
    expect(identityLabel(summaryIdentity(famous.report), tDe)).toBe('Aussteller nicht bestätigt');
    expect(identityLabel(summaryIdentity(listed.report), tEn)).toBe('Issuer listed in Acme hiring registry');
    expect(identityLabel(summaryIdentity(listed.report), tDe)).toBe('Aussteller eingetragen in Acme hiring registry');
    expect(identityLabel(summaryIdentity(onTest), tEn)).toBe('Test issuer, listed in DCC Sandbox Registry');
    expect(identityLabel(summaryIdentity(onTest), tDe)).toBe('Test-Aussteller, eingetragen in DCC Sandbox Registry');
    const domain: Pick<IssuerIdentity, 'level' | 'source'> = { level: 'domain', source: 'credly.com' };
    expect(identityLabel(domain, tEn)).toBe('Key published at credly.com');
    expect(identityLabel(domain, tDe)).toBe('Schlüssel veröffentlicht unter credly.com');
  });

  it('gives the engine’s sentence in English, and the same in German words', () => {
    const identity = famous.report.issuerIdentity;
    if (!identity || !listed.report.issuerIdentity || !tampered.issuerIdentity) throw new Error('no identity');
    expect(identitySentence(identity, 'verified', tEn, 'en')).toBe(identity.sentence);
    expect(identity.sentence).toContain(`Nothing confirms that the signer is “${mit}”`);
    expect(identitySentence(identity, 'verified', tDe, 'de')).toBe(
      `Nichts bestätigt, dass der Unterzeichner „${mit}“ ist: Den Namen hat er selbst angegeben (jeder kann einen Schlüssel erzeugen und einen beliebigen Namen danebenschreiben).`,
    );
    expect(identitySentence(listed.report.issuerIdentity, 'verified', tDe, 'de')).toBe(
      'Im Verzeichnis „Acme hiring registry“ (Stand 1. Mai 2026) ist der Unterzeichner als „Harbour University“ eingetragen. Der Nachweis selbst nennt als Aussteller „Harbour Uni“.',
    );
    const test = onTest.issuerIdentity;
    if (!test) throw new Error('no identity');
    expect(identitySentence(test, 'verified', tDe, 'de')).toContain('Dieses Verzeichnis führt Test-Aussteller, keine echten.');
    // A signature that does not hold confirms nobody: no "own claim" about a name nobody signed.
    expect(identitySentence(tampered.issuerIdentity, 'invalid', tDe, 'de')).toBe('Nichts bestätigt, wer ihn ausgestellt hat: Seine Signatur ist nicht gültig.');
    expect(identitySentence(tampered.issuerIdentity, 'invalid', tEn, 'en')).toBe('Nothing confirms who issued it: its signature does not hold.');
  });

  it('has every identity word in German, none left in English', () => {
    for (const key of Object.keys(identityEn) as (keyof typeof identityEn)[]) {
      expect(de[key], key).not.toBe('');
      expect(de[key], key).not.toBe(en[key]);
    }
  });
});
