// A Europass seal on the EU trust list (issue #16 §1, `trust-list`): on the loopback internet
// (HTTPS on 127.0.0.1, the test's CA, host names mapped only by the tests-only option) the EU's
// List of Trusted Lists and a member state's list, both made here, name a qualified CA made
// here (@peculiar/x509); a Europass credential sealed (JAdES, ES256) with a certificate that CA
// issued is found on the list. A seal from a CA the list does not grant, a list that cannot be
// fetched, and no network at all each keep the offline finding, saying why.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryFetchCache } from '../../../electron/verify/fetchCache';
import { euLotlUrl } from '../../../electron/verify/trustList/sealTrust';
import { readTrustedList, TrustListUnreadable, xmlListPointers } from '../../../electron/verify/trustList/trustListXml';
import { createVerifier } from '../../../electron/verify/verifier';
import { renderMessage } from '../../../shared/credential/verificationMessages';
import type { NormalizedCredential } from '../../../shared/credential/model';
import type { LoopbackInternet } from '../../support/loopbackInternet';
import { authority, belgianAuthorities, belgianInternet, belgianList, belgianTsl, der, granted, lotl, sealedBy, withdrawn, type Authority } from './trustListBuilders';

const now = new Date('2026-12-01T00:00:00Z');

let net: LoopbackInternet;
let listedCa: Authority;
let formerCa: Authority;
let listedSeal: NormalizedCredential;
let formerSeal: NormalizedCredential;

beforeAll(async () => {
  ({ listedCa, formerCa } = await belgianAuthorities());
  listedSeal = await sealedBy(listedCa, 'C=BE, O=Acme Academy, CN=Acme Seal 2026');
  formerSeal = await sealedBy(formerCa, 'C=BE, O=Beta Institute, CN=Beta Seal');
  net = await belgianInternet(belgianTsl(listedCa, formerCa));
}, 30_000);
afterAll(async () => {
  await net.close();
});

const online = (cache = new MemoryFetchCache()) => createVerifier({ network: 'allowed', now, cache, registries: [], fetchOptions: { testNetwork: net.testNetwork } });

describe('the EU trusted lists, read', () => {
  it('keeps the current services with their English names, and the pointers to lists in XML', () => {
    const list = readTrustedList(belgianTsl({ keys: listedCa.keys, cert: listedCa.cert }, formerCa));
    expect(list).toMatchObject({ territory: 'BE', operator: 'FPS Economy', issued: '2026-11-15T00:00:00Z' });
    expect(list.providers.map((p) => [p.name, p.services.map((s) => s.status)])).toEqual([
      ['Qualified Test TSP', [granted]],
      ['Former TSP', [withdrawn]],
    ]);
    expect(list.providers[0]?.services[0]?.certificates).toEqual([der(listedCa.cert)]);
    const pointers = readTrustedList(lotl([{ territory: 'BE', location: belgianList }]));
    expect(pointers.pointers.map((p) => [p.location, p.mimeType])).toEqual([
      [belgianList, 'application/vnd.etsi.tsl+xml'],
      ['https://tsl.belgium.example/tsl-be-copy', 'application/pdf'],
    ]);
    expect(xmlListPointers(pointers).map((p) => p.location)).toEqual([belgianList]);
  });

  it('refuses what is not a trusted list, and entity declarations', () => {
    expect(() => readTrustedList('<html><body>moved</body></html>')).toThrow(TrustListUnreadable);
    expect(() => readTrustedList('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>')).toThrow(TrustListUnreadable);
    expect(() => readTrustedList('<TrustServiceStatusList><SchemeInformation><SchemeTerritory>BE')).toThrow(TrustListUnreadable);
  });
});

describe('a Europass seal and the EU trust list, online', () => {
  it('is on the list when a granted qualified CA for seals issued its certificate', async () => {
    const cache = new MemoryFetchCache();
    const report = await online(cache).verify(listedSeal);
    const trust = report.checks.find((c) => c.id === 'trust-chain');
    expect(trust?.outcome).toBe('passed');
    expect(trust?.sentence).toContain('certified by “Qualified Test TSP”');
    expect(trust?.sentence).toContain('their XML signatures were not checked');
    expect(trust?.evidence?.url).toBe(belgianList);
    expect(report.issuerIdentity).toMatchObject({ level: 'trust-list', name: 'Acme Academy', asOf: '2026-11-15T00:00:00Z' });
    expect(report.issuerIdentity?.source).toContain('BE');
    expect(report.issuerIdentity?.sentence).toBe(
      "The seal's certificate names the organisation “Acme Academy” (“Acme Seal 2026”) and is certified by “Qualified Test TSP”, a qualified trust service provider on the EU trust list (the trusted list of BE, issued 15 November 2026); the list's signature was not checked.",
    );
    const message = report.issuerIdentity?.message;
    if (!message) throw new Error('no message');
    expect(renderMessage(message, 'de')).toBe(
      'Das Zertifikat des Siegels nennt die Organisation „Acme Academy“ („Acme Seal 2026“) und ist von „Qualified Test TSP“ beglaubigt, einem qualifizierten Vertrauensdiensteanbieter auf der EU-Vertrauensliste (Vertrauensliste von BE, ausgestellt am 15. November 2026); die Signatur der Liste wurde nicht geprüft.',
    );
    // The lists are kept with their date: offline later, the same finding, from the copy kept.
    expect(
      cache
        .all()
        .map((d) => d.url)
        .sort(),
    ).toEqual([belgianList, euLotlUrl].sort());
    const later = await createVerifier({ network: 'offline', now, cache, registries: [] }).verify(listedSeal);
    expect(later.issuerIdentity?.level).toBe('trust-list');
    expect(later.checks.find((c) => c.id === 'trust-chain')?.sentence).toMatch(/as last fetched on \d+ \w+ \d{4}/);
  });

  it('is not on the list when its CA is not granted now (withdrawn, even if granted in its history)', async () => {
    const report = await online().verify(formerSeal);
    expect(report.checks.find((c) => c.id === 'trust-chain')).toMatchObject({ outcome: 'skipped', implies: 'unverifiable' });
    expect(report.issuerIdentity?.level).toBe('unconfirmed');
    expect(report.issuerIdentity?.sentence).toBe(
      "The seal's certificate names the organisation “Beta Institute” (“Beta Seal”); it was not found on the EU trust list (the trusted list of BE, issued 15 November 2026), so nothing confirms that certificate belongs to the issuer. The credential itself calls its issuer “Acme Academy”.",
    );
  });

  it('says so when the EU list points to no list for the countries the certificate names', async () => {
    const french = await authority('C=FR, O=Prestataire Test, CN=AC Cachets');
    const report = await online().verify(await sealedBy(french, 'C=FR, O=Ecole Exemple, CN=Cachet'));
    expect(report.checks.find((c) => c.id === 'trust-chain')?.sentence).toBe(
      'The EU list of trusted lists (issued 20 November 2026) points to no trusted list for FR, the countries the sealing certificate names, so it is not confirmed as a qualified European seal.',
    );
    expect(report.issuerIdentity?.sentence).toMatch(
      /^The seal's certificate names the organisation “Ecole Exemple” \(“Cachet”\); the EU trust list has no trusted list for FR, so nothing confirms/,
    );
  });

  it('says the list could not be consulted, and why, when it cannot be fetched', async () => {
    net.serve(belgianList, { status: 503, body: 'down for maintenance' });
    try {
      const report = await online().verify(listedSeal);
      expect(report.issuerIdentity?.level).toBe('unconfirmed');
      expect(report.issuerIdentity?.sentence).toBe(
        `The seal's certificate names the organisation “Acme Academy” (“Acme Seal 2026”); the EU trust list could not be consulted (${belgianList} answered HTTP 503), so nothing confirms that certificate belongs to the issuer.`,
      );
      expect(report.checks.find((c) => c.id === 'trust-chain')?.sentence).toBe(`The EU trust list could not be consulted: ${belgianList} answered HTTP 503.`);
    } finally {
      net.serve(belgianList, { body: belgianTsl(listedCa, formerCa), contentType: 'application/xml' });
    }
  });

  it('offline with no copy kept, says the list was not consulted and fetches nothing', async () => {
    const before = net.totalRequests;
    const report = await createVerifier({ network: 'offline', now, registries: [] }).verify(listedSeal);
    expect(report.issuerIdentity?.level).toBe('unconfirmed');
    expect(report.issuerIdentity?.sentence).toMatch(/^The seal's certificate names the organisation “Acme Academy” \(“Acme Seal 2026”\); the EU trust list was not consulted/);
    expect(net.totalRequests).toBe(before);
  });
});
