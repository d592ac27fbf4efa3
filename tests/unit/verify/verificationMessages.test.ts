import { beforeAll, describe, expect, it } from 'vitest';
import type { VerificationReport } from '../../../shared/credential/verification';
import {
  checkLabelIn,
  checkSentenceIn,
  englishOf,
  isVerificationMessageKey,
  msg,
  renderMessage,
  renderOr,
  reportSummaryMessage,
  summaryIn,
  templateOf,
  verificationMessageKeys,
  type MessageTemplate,
} from '../../../shared/credential/verificationMessages';
import type { VerificationMessage } from '../../../shared/credential/verification';
import { StaticDocuments } from '../../../electron/verify/documents';
import { readRegistry } from '../../../electron/verify/issuerRegistries';
import { createVerifier } from '../../../electron/verify/verifier';
import {
  generateDidWebIssuer,
  generateEd25519Issuer,
  makeBitstringStatusListCredential,
  makeIssuerProfile,
  makeOb2Assertion,
  makeOb3Credential,
  seededBytes,
  signDataIntegrity,
  signVcJwt,
  type Ed25519Issuer,
} from '../../support/credentials';
import { normaliseOne } from './helpers';

/**
 * Verification reports speak in keys: every check the engine writes carries a catalogue message
 * whose English is exactly the sentence it always wrote, and whose German is German. Reports
 * come from the engine itself, over credentials signed by Digital Bazaar's libraries.
 */

/** Checks written by modules that still word some sentences in English only: schema findings (a conformant credential's check is keyed). */
const notYetKeyed: ReadonlySet<string> = new Set(['schema']);
const keyedYet = (check: { readonly id: string; readonly outcome: string }): boolean => !notYetKeyed.has(check.id) || check.outcome === 'passed';

const placeholdersOf = (template: MessageTemplate): string[] => {
  const forms = typeof template === 'string' ? [template] : Object.entries(template).flatMap(([form, text]) => (form === 'plural' ? [] : [text]));
  return [...new Set(forms.flatMap((text) => [...text.matchAll(/\{(\w+)[^}]*\}/g)].map((m) => m[1] ?? '')))].sort();
};

/** Every piece of English the catalogue writes around its values that reads as English prose (three words or more, with an English function word). */
const englishFragments: readonly string[] = verificationMessageKeys.flatMap((key) => {
  const template = templateOf(key, 'en');
  const forms = typeof template === 'string' ? [template] : [template.other, ...(template.one ? [template.one] : [])];
  return forms.flatMap((text) =>
    text
      .split(/\{[^}]*\}/)
      .map((part) => part.trim())
      .filter((part) => part.split(/\s+/).length >= 3 && /\b(the|is|not|of|and|has|was|by|it|its|this|which|to|an?|no|cannot|could)\b/i.test(part)),
  );
});

function expectGerman(text: string): void {
  for (const fragment of englishFragments) expect(text, `German text contains English “${fragment}”`).not.toContain(fragment);
}

/** Every message inside a message, the message included. */
function allMessages(message: VerificationMessage): VerificationMessage[] {
  return [message, ...Object.values(message.params ?? {}).flatMap((value) => (typeof value === 'object' ? allMessages(value) : []))];
}

describe('the catalogues', () => {
  it('hold the same keys in English and German, each with the same values', () => {
    expect(verificationMessageKeys.length).toBeGreaterThan(100);
    for (const key of verificationMessageKeys) {
      expect(placeholdersOf(templateOf(key, 'de')), key).toEqual(placeholdersOf(templateOf(key, 'en')));
      const de = templateOf(key, 'de');
      if (typeof de !== 'string') expect(placeholdersOf(templateOf(key, 'en')), `${key} counts by a value it names`).toContain(de.plural);
    }
  });

  it('yield the English prose the German reports are searched for', () => {
    expect(englishFragments.length).toBeGreaterThan(150);
    // The search finds English: an English sentence of the catalogue fails it.
    expect(() => {
      expectGerman(renderMessage(msg('status.none'), 'en'));
    }).toThrow();
  });

  it('say each sentence differently in German (no English template left untranslated)', () => {
    // Pure placeholders and technical names are the same in both languages.
    const same = verificationMessageKeys.filter((key) => JSON.stringify(templateOf(key, 'de')) === JSON.stringify(templateOf(key, 'en')));
    expect(same.sort()).toEqual(['dropped.withValue', 'join.semicolon', 'schema.join', 'schema.kind.other', 'summary.withReason']);
  });
});

/** Messages and the sentences the engine wrote for them before it spoke in keys (its template literals, filled in). */
const englishCases: readonly [VerificationMessage, string][] = [
  [
    msg('dates.inDate.fromUntil', { fromDate: '2024-01-01T00:00:00.000Z', untilDate: '2030-12-21T23:59:59.999Z' }),
    'The credential is in date: valid since 1 January 2024 until 21 December 2030.',
  ],
  [msg('dates.inDate.open'), 'The credential is in date: with no expiry date.'],
  [msg('dates.invalid', { dateName: msg('dateName.issuance'), value: 'soon' }), "The credential's issuance date (soon) is not a valid date."],
  [
    msg('status.revoked', { checked: msg('status.checked.cache', { fetchedDate: '2025-05-02T10:00:00Z' }) }),
    'The issuer has revoked this credential (revocation last checked on 2 May 2025).',
  ],
  [
    msg('status.notRevoked', { checked: msg('status.checked.list', { origin: msg('origin.network', { fetchedDate: '2025-05-02T10:00:00Z' }) }) }),
    'The issuer has not revoked this credential (list fetched on 2 May 2025).',
  ],
  [
    msg('status.listUnavailable', { reason: msg('fetch.offline', { url: 'https://x.example/l' }) }),
    "The issuer's status list could not be checked: https://x.example/l is needed and Badgefolio is offline.",
  ],
  [
    msg('status.purposeMismatch', { listPurpose: msg('purpose.suspension'), purpose: msg('purpose.revocation') }),
    'The status list is for suspension, but the credential points to it for revocation.',
  ],
  [msg('label.proofOf', { label: msg('label.signature'), index: 2, count: 3 }), 'Signature (proof 2 of 3)'],
  [
    msg('jwt.claimsMismatch', {
      mismatches: msg('join.semicolon', {
        first: msg('jwt.claimDiffers', { claim: 'iss', claimed: 'did:example:a', field: msg('jwt.field.issuer'), stated: 'did:example:b' }),
        rest: msg('jwt.claimDiffers', { claim: 'nbf', claimed: '1', field: msg('jwt.field.validFrom'), stated: '2' }),
      }),
    }),
    'The signed claims do not match the credential: "iss" (did:example:a) differs from the credential\'s issuer (did:example:b); "nbf" (1) differs from the credential\'s valid-from date (2).',
  ],
  [
    msg('blockcerts.dropped', { what: msg('dropped.withValue', { what: msg('dropped.relativeId'), value: 'urn-ish' }) }),
    'Part of the certificate is not covered by its hash, so it could be changed unnoticed: JSON-LD leaves out an identifier that is not a full URL (urn-ish).',
  ],
  [
    msg('anchor.lookupChains', { chains: msg('anchor.unstatedChain') }),
    "That the Merkle root was recorded on the blockchain (unstated chain), by the issuer's key, and not since revoked needs a blockchain lookup, which Badgefolio does not do.",
  ],
  [
    msg('linkage.notVerified', { summary: msg('summary.withReason', { lead: msg('summary.lead.invalid'), reason: msg('signature.mismatch', { keyId: 'did:key:zAB' }) }) }),
    'not genuine: the signature does not match: the credential was changed after signing, or signed with another key (did:key:zab)',
  ],
  [msg('linkage.noneValid', { count: 1, reasons: msg('linkage.expired') }), 'none of the 1 it links is this DID, validly signed (it has expired)'],
  [
    msg('summary.verified.registry', { name: 'Harbour University', registry: msg('summary.registry.the', { name: 'Acme hiring registry' }) }),
    'Genuine: signed by Harbour University, as the Acme hiring registry lists; unchanged since, in date and not revoked as far as its issuer publishes.',
  ],
  [
    msg('summary.verified.registryTest', { name: 'Demo', registry: msg('summary.registry.plain', { name: 'acme.json' }) }),
    'Genuine: signed by Demo (a test issuer), as acme.json lists; unchanged since, in date and not revoked as far as its issuer publishes.',
  ],
  [
    msg('jades.trustExpiredCertificate', { expiredDate: '2024-02-29T12:00:00Z' }),
    'Whether the certificate is a qualified European seal of the issuer (EU trust list, revocation by OCSP) needs the network and is not checked by Badgefolio. The certificate itself expired on 29 February 2024.',
  ],
  [msg('jws.parts', { count: 2 }), 'A signed credential (JWS) has three parts; this one has 2.'],
  [
    msg('key.documentUnavailable', { did: 'did:web:x.example', reason: msg('fetch.offline', { url: 'https://x.example/.well-known/did.json' }) }),
    "The issuer's key document (did:web:x.example) is not available: https://x.example/.well-known/did.json is needed and Badgefolio is offline.",
  ],
  [msg('key.networkDid', { id: 'did:ion:abc#k', method: 'ion' }), 'The key did:ion:abc#k is a did:ion identifier, which needs its network to be looked up.'],
  [msg('key.notLookupable', { id: 'mailto:x' }), 'The key reference "mailto:x" is not an address or DID Badgefolio can look up.'],
  [msg('fetch.http', { url: 'https://x.example/k', status: '404' }), 'https://x.example/k answered HTTP 404.'],
  [
    msg('store.notReplaced', { name: 'Data Science', why: msg('signature.mismatch', { keyId: 'did:key:zAB' }) }),
    'A changed copy of “Data Science” was not stored: the signature does not match: the credential was changed after signing, or signed with another key (did:key:zAB). Your original is kept.',
  ],
];

describe('English: exactly the sentences the engine always wrote', () => {
  it.each(englishCases.map(([message, english]) => ({ key: message.key, message, english })))('$key', ({ message, english }) => {
    expect(renderMessage(message, 'en')).toBe(english);
  });
});

describe('German', () => {
  it('writes dates as German does, and counts with the plural rules', () => {
    expect(renderMessage(msg('dates.expired', { untilDate: '2025-03-01T00:00:00Z' }), 'de')).toBe('Dieser Nachweis ist am 1. März 2025 abgelaufen.');
    expect(renderMessage(msg('jws.parts', { count: 1 }), 'de')).toBe('Ein signierter Nachweis (JWS) besteht aus drei Teilen; dieser hat nur einen.');
    expect(renderMessage(msg('jws.parts', { count: 4 }), 'de')).toBe('Ein signierter Nachweis (JWS) besteht aus drei Teilen; dieser hat 4.');
    expect(renderMessage(msg('linkage.noneValid', { count: 2, reasons: msg('linkage.expired') }), 'de')).toBe(
      'keiner der 2 Einträge darin ist diese DID mit gültiger Signatur (der Eintrag ist abgelaufen)',
    );
  });

  it('shows a library’s error text only as technical detail', () => {
    const failed = msg('status.listUnavailable', { reason: msg('fetch.error', { url: 'https://x.example/l', error: 'getaddrinfo ENOTFOUND x.example' }) });
    expect(renderMessage(failed, 'en')).toBe("The issuer's status list could not be checked: https://x.example/l could not be fetched: getaddrinfo ENOTFOUND x.example");
    expect(renderMessage(failed, 'de')).toBe(
      'Die Statusliste des Ausstellers konnte nicht geprüft werden: https://x.example/l ließ sich nicht abrufen (technische Angabe: getaddrinfo ENOTFOUND x.example).',
    );
  });
});

describe('stored reports', () => {
  const legacy: VerificationReport = {
    status: 'expired',
    checkedAt: '2024-06-01T00:00:00.000Z',
    now: '2024-06-01T00:00:00.000Z',
    network: 'offline',
    summary: 'Genuine but expired: This credential expired on 1 January 2024.',
    checks: [{ id: 'dates', label: 'Dates', outcome: 'failed', sentence: 'This credential expired on 1 January 2024.', implies: 'expired' }],
  };

  it('from before messages show their English, in every language', () => {
    const [check] = legacy.checks;
    if (!check) throw new Error('no check');
    expect(checkSentenceIn(check, 'de')).toBe('This credential expired on 1 January 2024.');
    expect(checkLabelIn(check, 'de')).toBe('Dates');
    expect(summaryIn(legacy, 'de')).toBe(legacy.summary);
    expect(reportSummaryMessage(legacy)).toBeUndefined();
  });

  it('with a key this version does not know fall back to their English', () => {
    expect(renderOr({ key: 'dates.fromTheFuture' }, 'de', 'English as stored')).toBe('English as stored');
    expect(checkSentenceIn({ sentence: 'English as stored', message: { key: 'dates.expired' } }, 'de')).toBe('English as stored');
  });
});

describe('reports the engine writes', () => {
  const now = new Date('2025-06-01T00:00:00Z');
  const listUrl = 'https://status.example.edu/lists/1';
  let issuer: Ed25519Issuer;
  let reports: Record<string, VerificationReport>;

  beforeAll(async () => {
    issuer = await generateEd25519Issuer(seededBytes(32, 41));
    const other = await generateEd25519Issuer(seededBytes(32, 42));
    const credentialFor = (signer: Ed25519Issuer, options: Partial<Parameters<typeof makeOb3Credential>[0]> = {}) =>
      makeOb3Credential({ issuer: makeIssuerProfile({ id: signer.did, name: 'Example College' }), validFrom: '2024-01-01T00:00:00Z', ...options });
    const list = await signDataIntegrity(makeBitstringStatusListCredential({ url: listUrl, issuer: issuer.did, setIndexes: [7], statusPurpose: 'revocation' }), issuer);
    const withList = createVerifier({ network: 'offline', now, documents: new StaticDocuments({ [listUrl]: list }) });
    const offline = createVerifier({ network: 'offline', now });
    const registry = readRegistry({ meta: { updated: '2026-05-01T00:00:00Z' }, registry: { [issuer.did]: { name: 'Harbour University' } } }, 'Acme hiring registry');
    const listed = createVerifier({ network: 'offline', now, registries: [registry] });
    const valid = (await signDataIntegrity(credentialFor(issuer), issuer)) as unknown as Record<string, unknown>;
    const revoked = await signDataIntegrity(
      credentialFor(issuer, { credentialStatus: { statusListCredential: listUrl, statusListIndex: 7, statusPurpose: 'revocation' } }),
      issuer,
    );
    const clear = await signDataIntegrity(credentialFor(issuer, { credentialStatus: { statusListCredential: listUrl, statusListIndex: 3, statusPurpose: 'revocation' } }), issuer);
    const inputs: [string, unknown, typeof offline][] = [
      ['valid (did:key, unconfirmed)', valid, offline],
      ['tampered', { ...valid, name: 'Forged' }, offline],
      ['expired', await signDataIntegrity(credentialFor(issuer, { validUntil: '2025-01-01T00:00:00Z' }), issuer), offline],
      ['not yet valid', await signDataIntegrity(credentialFor(issuer, { validFrom: '2030-03-03T00:00:00Z' }), issuer), offline],
      ['revoked via status list', revoked, withList],
      ['not revoked via status list', clear, withList],
      ['status list offline', clear, offline],
      ['signed by another key', await signDataIntegrity(credentialFor(issuer), other), offline],
      ['VC-JWT', await signVcJwt(credentialFor(issuer), issuer), offline],
      ['listed in a registry', valid, listed],
    ];
    reports = {};
    for (const [name, input, verifier] of inputs) reports[name] = await verifier.verify(await normaliseOne(input));
  });

  const report = (name: string): VerificationReport => {
    const found = reports[name];
    if (!found) throw new Error(`no report ${name}`);
    return found;
  };

  it('give every check and summary a message in both catalogues, whose English is the stored sentence and whose German is German', () => {
    expect(Object.values(reports).map((r) => r.status)).toEqual([
      'verified',
      'invalid',
      'expired',
      'not-yet-valid',
      'revoked',
      'verified',
      'unverifiable',
      'invalid',
      'verified',
      'verified',
    ]);
    for (const [name, r] of Object.entries(reports)) {
      for (const check of r.checks.filter(keyedYet)) {
        const where = `${name}: ${check.label}`;
        expect(check.message, where).toBeDefined();
        expect(check.labelKey, where).toBeDefined();
        if (!check.message || !check.labelKey) continue;
        for (const message of allMessages(check.message)) expect(isVerificationMessageKey(message.key), `${where}: ${message.key}`).toBe(true);
        expect(englishOf(check.message), where).toBe(check.sentence);
        expect(checkLabelIn(check, 'en')).toBe(check.label);
        const german = checkSentenceIn(check, 'de');
        expect(german, where).not.toBe(check.sentence);
        expectGerman(german);
        expectGerman(checkLabelIn(check, 'de'));
      }
      const summary = reportSummaryMessage(r);
      expect(summary, name).toBeDefined();
      if (!summary) continue;
      for (const message of allMessages(summary)) expect(isVerificationMessageKey(message.key), `${name}: ${message.key}`).toBe(true);
      expect(englishOf(summary), name).toBe(r.summary);
      const german = summaryIn(r, 'de');
      expect(german, name).not.toBe(r.summary);
      expectGerman(german);
    }
  });

  it('read right in German', () => {
    const key = (r: VerificationReport): string => r.checks.find((c) => c.id === 'signature')?.sentence.match(/\((did:key:[^)]+)\)/)?.[1] ?? '';
    const tampered = report('tampered');
    expect(summaryIn(tampered, 'de')).toBe(
      `Nicht echt: Die Signatur passt nicht: Der Nachweis wurde nach dem Signieren verändert oder mit einem anderen Schlüssel signiert (${key(tampered)}).`,
    );
    expect(summaryIn(report('expired'), 'de')).toBe(
      'Signiert und unverändert, aber abgelaufen (und nichts bestätigt, wer ihn signiert hat): Dieser Nachweis ist am 1. Januar 2025 abgelaufen.',
    );
    const revoked = report('revoked via status list');
    expect(summaryIn(revoked, 'de')).toBe(
      'Vom Unterzeichner widerrufen, wer immer das ist: Der Aussteller hat diesen Nachweis widerrufen (Liste aus den Dokumenten, die du bereitgestellt hast).',
    );
    const valid = report('valid (did:key, unconfirmed)');
    expect(summaryIn(valid, 'de')).toBe('Signiert und unverändert, aber nichts bestätigt, dass der Unterzeichner „Example College“ ist: Den Namen hat er selbst angegeben.');
    const germanChecks = valid.checks.filter(keyedYet).map((c) => `${checkLabelIn(c, 'de')}: ${checkSentenceIn(c, 'de')}`);
    expect(germanChecks).toEqual([
      `Signatur: Die Signatur passt zum Schlüssel des Ausstellers (${key(valid)}), direkt aus dem did:key gelesen.`,
      `Schlüssel des Ausstellers: Der Schlüssel gehört dem Aussteller (${key(valid)}).`,
      'Gültigkeit: Der Nachweis ist gültig: seit dem 1. Januar 2024, ohne Ablaufdatum.',
      'Widerruf: Der Aussteller hat diesem Nachweis keine Widerrufsliste mitgegeben, es gibt also nichts zu prüfen.',
      'Konformität: Der Nachweis entspricht dem Datenmodell AchievementCredential von Open Badges 3.0.',
    ]);
    expect(summaryIn(report('listed in a registry'), 'de')).toBe(
      'Echt: signiert von Harbour University, laut dem Verzeichnis „Acme hiring registry“; seitdem unverändert, gültig und nicht widerrufen, soweit der Aussteller Widerrufe veröffentlicht.',
    );
    expect(checkSentenceIn(report('status list offline').checks.find((c) => c.id === 'status') ?? { sentence: '' }, 'de')).toBe(
      `Die Statusliste des Ausstellers konnte nicht geprüft werden: ${listUrl} wird gebraucht, aber Badgefolio ist offline.`,
    );
  });
});

describe('keys that cannot be had', () => {
  const now = new Date('2025-06-01T00:00:00Z');

  it('give a did:web credential whose document is missing offline every message in German', async () => {
    const did = 'did:web:badges.example.org:issuers:harbour';
    const issuer = await generateDidWebIssuer(did, seededBytes(32, 103));
    const credential = makeOb3Credential({ issuer: makeIssuerProfile({ id: did, name: 'Harbour Academy' }), validFrom: '2024-01-01T00:00:00Z' });
    const signed = await signDataIntegrity(credential, issuer, 'eddsa-rdfc-2022', { date: '2024-01-01T00:00:00Z' });
    const r = await createVerifier({ network: 'offline', now }).verify(await normaliseOne(signed));
    expect(r.status).toBe('unverifiable');
    expect(r.summaryMessage).toBeDefined();
    for (const check of r.checks.filter(keyedYet)) {
      const where = check.label;
      expect(check.message, where).toBeDefined();
      expect(check.labelKey, where).toBeDefined();
      if (!check.message) continue;
      for (const message of allMessages(check.message)) expect(isVerificationMessageKey(message.key), `${where}: ${message.key}`).toBe(true);
      expect(englishOf(check.message), where).toBe(check.sentence);
      expect(checkSentenceIn(check, 'de'), where).not.toBe(check.sentence);
      expectGerman(checkSentenceIn(check, 'de'));
      expectGerman(checkLabelIn(check, 'de'));
    }
    if (!r.summaryMessage) return;
    expect(englishOf(r.summaryMessage)).toBe(r.summary);
    expectGerman(summaryIn(r, 'de'));
    expect(summaryIn(r, 'de')).toBe(
      'Nicht vollständig geprüft: Das Schlüsseldokument des Ausstellers (did:web:badges.example.org:issuers:harbour) ist nicht verfügbar: https://badges.example.org/issuers/harbour/did.json wird gebraucht, aber Badgefolio ist offline.',
    );
  });
});

describe('Open Badges 2.0 reports the engine writes', () => {
  const now = new Date('2025-06-01T00:00:00Z');

  /** Every check and the summary keyed, English as stored, German German. */
  function expectKeyedInGerman(name: string, r: VerificationReport): void {
    expect(r.summaryMessage, name).toBeDefined();
    for (const check of r.checks) {
      const where = `${name}: ${check.label}`;
      expect(check.message, where).toBeDefined();
      expect(check.labelKey, where).toBeDefined();
      if (!check.message) continue;
      for (const message of allMessages(check.message)) expect(isVerificationMessageKey(message.key), `${where}: ${message.key}`).toBe(true);
      expect(englishOf(check.message), where).toBe(check.sentence);
      expect(checkLabelIn(check, 'en')).toBe(check.label);
      const german = checkSentenceIn(check, 'de');
      expect(german, where).not.toBe(check.sentence);
      expectGerman(german);
      expectGerman(checkLabelIn(check, 'de'));
    }
    const summary = r.summaryMessage;
    if (!summary) return;
    expect(englishOf(summary), name).toBe(r.summary);
    const german = summaryIn(r, 'de');
    expect(german, name).not.toBe(r.summary);
    expectGerman(german);
  }

  it('give a hosted badge, a revoked one, one outside its issuer’s origin and one that cannot be fetched every message in German', async () => {
    const hosted = makeOb2Assertion({ recipientEmail: 'sam@example.com' });
    const revoked = makeOb2Assertion({ revoked: true });
    const outside = makeOb2Assertion({ assertionId: 'https://evil.example.net/assertions/1.json' });
    const cases: [string, ReturnType<typeof makeOb2Assertion>, boolean, VerificationReport['status']][] = [
      ['hosted', hosted, true, 'verified'],
      ['revoked', revoked, true, 'revoked'],
      ['outside its origin', outside, true, 'invalid'],
      ['offline', hosted, false, 'unverifiable'],
    ];
    for (const [name, badge, withDocuments, status] of cases) {
      const verifier = createVerifier({ network: 'offline', now, ...(withDocuments ? { documents: new StaticDocuments(badge.documents) } : {}), ownerEmails: ['Sam@Example.com'] });
      const r = await verifier.verify(await normaliseOne(badge.assertion));
      expect(r.status, name).toBe(status);
      expectKeyedInGerman(name, r);
    }
  });
});
