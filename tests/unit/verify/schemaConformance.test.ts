import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { importJWK, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import type { VerificationReport } from '../../../shared/credential/verification';
import { checkSentenceIn } from '../../../shared/credential/verificationMessages';
import { Checks } from '../../../electron/verify/checks';
import { checkSchemaConformance, decodedVc11, withoutNulls } from '../../../electron/verify/schemaConformance';
import { createVerifier } from '../../../electron/verify/verifier';
import {
  generateEd25519Issuer,
  makeClrCredential,
  makeEndorsementCredential,
  makeIssuerProfile,
  makeOb3Credential,
  seededBytes,
  signAsIs,
  signEd25519Signature2020,
  signVcJwt,
  type Ed25519Issuer,
} from '../../support/credentials';
import { runBin } from '../../support/cliRun';
import { normaliseOne } from './helpers';

/**
 * Issue #16 §3: OB 3.0 and CLR 2.0 credentials are judged against Badgefolio's own schemas of
 * the specifications' data models (electron/verify/schemas). Credentials here are signed by
 * libraries we did not write (Digital Bazaar's jsonld-signatures, jose), so each signature holds
 * and only conformance is at stake: what the data model requires and the credential lacks makes
 * it malformed, named in plain words; what it only recommends, or a value outside its lists, is
 * reported without changing the verdict.
 */
type Json = Record<string, unknown>;

const verifier = createVerifier({ network: 'offline', now: new Date('2025-06-01T00:00:00Z') });
const root = path.resolve(import.meta.dirname, '../../..');
const achievementSchema = 'https://github.com/badgefolio/badgefolio/blob/main/electron/verify/schemas/badgefolio-ob3-achievement-credential.schema.json';

async function issuer(seed: number): Promise<Ed25519Issuer> {
  return generateEd25519Issuer(seededBytes(32, seed));
}

function badge(signer: Ed25519Issuer, extra: Parameters<typeof makeOb3Credential>[0] extends infer O ? Partial<O> : never = {}): Json {
  return makeOb3Credential({ issuer: makeIssuerProfile({ id: signer.did, name: 'Harbour Academy' }), validFrom: '2024-01-01T00:00:00Z', ...extra }) as unknown as Json;
}

const subjectOf = (credential: Json): Json => credential.credentialSubject as Json;
const achievementOf = (credential: Json): Json => subjectOf(credential).achievement as Json;

/** The credential with a change deep inside (a copy). */
function edited(credential: Json, change: (copy: Json) => void): Json {
  const copy = structuredClone(credential);
  change(copy);
  return copy;
}

async function verify(document: unknown): Promise<VerificationReport> {
  return verifier.verify(await normaliseOne(document, typeof document === 'string' ? 'credential.jwt' : 'credential.json'));
}

const schemaCheck = (report: VerificationReport) => report.checks.find((c) => c.id === 'schema');
const signaturePassed = (report: VerificationReport): boolean => report.checks.some((c) => c.id === 'signature' && c.outcome === 'passed');

/** Signed as it is (no date filled in by the signer), then verified. */
async function signedAndVerified(document: Json, signer: Ed25519Issuer): Promise<VerificationReport> {
  return verify(await signAsIs(document, signer, { date: '2024-01-01T00:00:00Z' }));
}

describe('what an Open Badges 3.0 credential must state', () => {
  it('a signed credential that lacks what the data model requires is malformed, and the property is named', async () => {
    const signer = await issuer(201);
    const valid = badge(signer);
    const cases: [string, Json, string][] = [
      ['no criteria', edited(valid, (c) => delete achievementOf(c).criteria), 'The credential has no achievement criteria (credentialSubject.achievement.criteria).'],
      ['no achievement name', edited(valid, (c) => delete achievementOf(c).name), 'The credential has no achievement name (credentialSubject.achievement.name).'],
      [
        'no achievement description',
        edited(valid, (c) => delete achievementOf(c).description),
        'The credential has no achievement description (credentialSubject.achievement.description).',
      ],
      ['no achievement', edited(valid, (c) => delete subjectOf(c).achievement), 'The credential has no achievement (credentialSubject.achievement).'],
      ['no valid-from date', edited(valid, (c) => delete c.validFrom), 'The credential has no valid-from date (validFrom).'],
      ['no credential id', edited(valid, (c) => delete c.id), 'The credential has no id (id).'],
      [
        'a list of names',
        edited(valid, (c) => (achievementOf(c).name = ['One', 'Two'])),
        "The achievement's name (credentialSubject.achievement.name) is a list, where text is required.",
      ],
      ['a null achievement name', edited(valid, (c) => (achievementOf(c).name = null)), 'The credential has no achievement name (credentialSubject.achievement.name).'],
      [
        'an alignment without its target URL',
        edited(valid, (c) => (achievementOf(c).alignment = [{ type: ['Alignment'], targetName: 'Seamanship' }])),
        'The credential has no alignment target URL (credentialSubject.achievement.alignment[0].targetUrl).',
      ],
      ['evidence given as a number', edited(valid, (c) => (c.evidence = [42])), "The evidence's entry 1 (evidence[0]) is a number, where an object is required."],
      [
        'a status entry without an id',
        edited(
          valid,
          (c) =>
            (c.credentialStatus = {
              type: 'BitstringStatusListEntry',
              statusPurpose: 'revocation',
              statusListIndex: '7',
              statusListCredential: 'https://academy.example.org/status/1',
            }),
        ),
        'The credential has no status entry id (credentialStatus.id).',
      ],
    ];
    for (const [what, document, words] of cases) {
      const report = await signedAndVerified(document, signer);
      expect(signaturePassed(report), what).toBe(true);
      expect(report.status, what).toBe('malformed');
      const check = schemaCheck(report);
      expect(check, what).toMatchObject({ outcome: 'failed', implies: 'malformed', label: 'Conformance' });
      expect(check?.sentence, what).toContain(words);
      expect(check?.sentence, what).toContain('It does not conform to the Open Badges 3.0 AchievementCredential data model.');
      expect(check?.evidence?.url, what).toBe(achievementSchema);
      // The summary gives the reason in the same words.
      expect(report.summary, what).toContain(words);
    }
    // An issuer without its type cannot be signed as Data Integrity (JSON-LD no longer knows its terms): a VC-JWT carries it.
    const untyped = await verify(await signVcJwt(edited(valid, (c) => delete (c.issuer as Json).type) as never, signer));
    expect(signaturePassed(untyped)).toBe(true);
    expect(untyped.status).toBe('malformed');
    expect(schemaCheck(untyped)?.sentence).toContain('The credential has no issuer type (issuer.type).');
  });

  it('a conformant credential passes and stays verified; extra properties and extension terms are allowed', async () => {
    const signer = await issuer(202);
    const document = edited(badge(signer), (c) => {
      achievementOf(c).achievementType = 'ext:Apprenticeship';
      achievementOf(c).alignment = [{ type: ['Alignment'], targetName: 'Seamanship', targetUrl: 'https://framework.example.org/seamanship', targetType: 'CFItem' }];
    });
    const report = await signedAndVerified(document, signer);
    expect(report.status).toBe('verified');
    expect(schemaCheck(report)).toMatchObject({ outcome: 'passed', sentence: 'It conforms to the Open Badges 3.0 AchievementCredential data model.' });
  });

  it('a Credly-shaped badge (an alignment list whose targetDescription is null, a hashed e-mail identifier, tags) conforms', async () => {
    const signer = await issuer(210);
    const profile = {
      type: ['Profile'],
      id: signer.did,
      name: 'Lightbend, Inc.',
      email: 'info@credly.com',
      url: 'https://www.lightbend.com/',
      image: { id: 'https://images.example.com/logo.png', type: 'Image', caption: 'Logo' },
    };
    const credly = edited(badge(signer), (c) => {
      c.issuer = profile;
      c.credentialSchema = [{ id: 'https://academy.example.org/schemas/badge.json', type: 'JsonSchema' }];
      delete c.evidence;
      const subject = subjectOf(c);
      delete subject.id;
      subject.identifier = [
        { type: 'IdentityObject', hashed: true, identityHash: 'sha256$e81da682c4efe62d26591ecfd588dc927508d4e28b7f3f9e3a6330ae5fe704e9', identityType: 'emailAddress' },
      ];
      subject.source = profile;
      Object.assign(achievementOf(c), {
        achievementType: 'Badge',
        image: { id: 'https://images.example.com/badge.png', type: 'Image' },
        creator: profile,
        criteria: { id: 'https://www.credly.com/org/lightbend/badge/reactive', narrative: 'Course: complete the course.\nAssessment: pass it.' },
        alignment: [
          { type: 'Alignment', targetDescription: null, targetName: 'Certified Reactive Architect', targetUrl: 'https://www.lightbend.com/certified-reactive-architect' },
        ],
        tag: ['Reactive Architecture', 'Reactive Systems'],
      });
    });
    const report = await signedAndVerified(credly, signer);
    expect(signaturePassed(report)).toBe(true);
    expect(report.status).toBe('verified');
    expect(schemaCheck(report)).toMatchObject({ outcome: 'passed' });

    // One value where a list may stand is the same to JSON-LD: one alignment, one identifier.
    const single = edited(credly, (c) => {
      achievementOf(c).alignment = (achievementOf(c).alignment as Json[])[0];
      subjectOf(c).identifier = (subjectOf(c).identifier as Json[])[0];
    });
    expect(schemaCheck(await signedAndVerified(single, signer))).toMatchObject({ outcome: 'passed' });
  });

  it('what the data model only recommends, or a value outside its lists, is reported, and the verdict does not rest on it', async () => {
    const signer = await issuer(203);
    // DCC's test credentials say "Program" (the list has "LearningProgram", or "ext:…" terms).
    const program = await signedAndVerified(
      edited(badge(signer), (c) => (achievementOf(c).achievementType = 'Program')),
      signer,
    );
    expect(program.status).toBe('verified');
    expect(schemaCheck(program)?.outcome).toBe('skipped');
    expect(schemaCheck(program)?.implies).toBeUndefined();
    expect(schemaCheck(program)?.sentence).toContain(
      'The achievement type (credentialSubject.achievement.achievementType) “Program” is not one of the values Open Badges 3.0 lists, nor an extension term written “ext:…”.',
    );

    // Criteria SHOULD give an id or a narrative.
    const bare = await signedAndVerified(
      edited(badge(signer), (c) => (achievementOf(c).criteria = {})),
      signer,
    );
    expect(bare.status).toBe('verified');
    expect(schemaCheck(bare)).toMatchObject({ outcome: 'skipped' });
    expect(schemaCheck(bare)?.sentence).toContain(
      'The achievement criteria (credentialSubject.achievement.criteria) give neither an id (a web page) nor a narrative, one of which Open Badges 3.0 recommends.',
    );

    // A date without a time zone (the verifier reads it as the start of that day).
    const plainDate = await signedAndVerified(
      edited(badge(signer), (c) => (c.validFrom = '2024-01-01')),
      signer,
    );
    expect(plainDate.status).toBe('verified');
    expect(schemaCheck(plainDate)?.sentence).toContain("The credential's valid-from date (validFrom) “2024-01-01” is not a date and time with a time zone");
  });

  it('a revoked, expired or not yet valid credential keeps that verdict; the schema failure is still listed', async () => {
    const signer = await issuer(204);
    const document = edited(badge(signer, { validUntil: '2025-01-01T00:00:00Z' }), (c) => {
      delete achievementOf(c).criteria;
    });
    const report = await signedAndVerified(document, signer);
    expect(report.status).toBe('expired');
    expect(schemaCheck(report)).toMatchObject({ outcome: 'failed', implies: 'malformed' });
  });

  it('an EndorsementCredential is judged against its own class', async () => {
    const signer = await issuer(205);
    const endorsement = makeEndorsementCredential({
      issuer: makeIssuerProfile({ id: signer.did, name: 'Guild of Examiners' }),
      endorsedId: 'https://academy.example.org/achievements/x',
    }) as unknown as Json;
    const good = await verify(await signAsIs(endorsement, signer, { date: '2024-09-01T00:00:00Z' }));
    expect(good.status).toBe('verified');
    expect(schemaCheck(good)?.sentence).toBe('It conforms to the Open Badges 3.0 EndorsementCredential data model.');
    const nameless = await verify(
      await signAsIs(
        edited(endorsement, (c) => delete c.name),
        signer,
        { date: '2024-09-01T00:00:00Z' },
      ),
    );
    expect(nameless.status).toBe('malformed');
    expect(schemaCheck(nameless)?.sentence).toContain('The credential has no name (name).');
    const subjectless = await verify(
      await signAsIs(
        edited(endorsement, (c) => delete subjectOf(c).id),
        signer,
        { date: '2024-09-01T00:00:00Z' },
      ),
    );
    expect(schemaCheck(subjectless)?.sentence).toContain('The credential has no subject id (credentialSubject.id).');
    expect(subjectless.status).toBe('malformed');
  });

  it("a ClrCredential is judged against its class: a name, a ClrSubject holding credentials, associations' shapes", async () => {
    const signer = await issuer(206);
    const { credential } = await makeClrCredential({ issuer: signer, courseNames: ['Databases', 'Networks'], sign: false, validFrom: '2025-01-01T00:00:00Z' });
    const clr = credential as unknown as Json;
    expect(schemaCheck(await verify(clr))).toMatchObject({ outcome: 'passed', sentence: 'It conforms to the CLR 2.0 ClrCredential data model.' });

    const cases: [string, Json, string][] = [
      ['no name', edited(clr, (c) => delete c.name), 'The credential has no name (name). It does not conform to the CLR 2.0 ClrCredential data model.'],
      ['no credentials', edited(clr, (c) => delete subjectOf(c).verifiableCredential), 'The credential has no credentials (credentialSubject.verifiableCredential).'],
      [
        'an empty list of credentials',
        edited(clr, (c) => (subjectOf(c).verifiableCredential = [])),
        "The subject's credentials (credentialSubject.verifiableCredential) is empty.",
      ],
      [
        'an association without its target',
        edited(clr, (c) => (subjectOf(c).association = [{ type: 'Association', associationType: 'isParentOf', sourceId: 'urn:uuid:a' }])),
        'The credential has no association target id (credentialSubject.association[0].targetId).',
      ],
    ];
    for (const [what, document, words] of cases) {
      const report = await verify(document);
      expect(report.status, what).toBe('malformed');
      expect(schemaCheck(report), what).toMatchObject({ outcome: 'failed', implies: 'malformed' });
      expect(schemaCheck(report)?.sentence, what).toContain(words);
    }
    // The achievement list is optional; an association type outside the list is a note.
    const noted = await verify(
      edited(clr, (c) => {
        delete subjectOf(c).achievement;
        subjectOf(c).association = [{ type: 'Association', associationType: 'isSiblingOf', sourceId: 'urn:uuid:a', targetId: 'urn:uuid:b' }];
      }),
    );
    expect(schemaCheck(noted)).toMatchObject({ outcome: 'skipped' });
    expect(schemaCheck(noted)?.sentence).toContain('“isSiblingOf” is not one of the values CLR 2.0 lists');
  });
});

describe('the earlier VC 1.1 form is checked against its own classes', () => {
  it('a conformant VC 1.1 badge passes; one without its issuance date, or with a bare issuer address, is malformed', async () => {
    const signer = await issuer(207);
    const earlier = badge(signer, { vcVersion: 1 });
    const good = await verify(await signEd25519Signature2020(earlier as never, signer, { date: '2024-01-01T00:00:00Z' }));
    expect(good.status).toBe('verified');
    expect(schemaCheck(good)).toMatchObject({ outcome: 'passed', sentence: 'It conforms to the Open Badges 3.0 AchievementCredential data model (in its VC 1.1 form).' });

    // VC 2.0's validFrom in place of VC 1.1's issuanceDate (signed as it is: the VC library would add one).
    const undated = edited(earlier, (c) => {
      c.validFrom = c.issuanceDate;
      delete c.issuanceDate;
    });
    const report = await signedAndVerified(undated, signer);
    expect(signaturePassed(report)).toBe(true);
    expect(report.status).toBe('malformed');
    expect(schemaCheck(report)).toMatchObject({ outcome: 'failed', implies: 'malformed' });
    expect(schemaCheck(report)?.sentence).toContain(
      'The credential has no issuance date (issuanceDate). It does not conform to the Open Badges 3.0 AchievementCredential data model (in its VC 1.1 form).',
    );

    // In the VC 1.1 form the issuer is a Profile (VC 2.0 also allows its address alone).
    const bare = await signedAndVerified(
      edited(earlier, (c) => (c.issuer = signer.did)),
      signer,
    );
    expect(bare.status).toBe('malformed');
    expect(schemaCheck(bare)?.sentence).toContain("The credential's issuer (issuer) is text, where an object is required.");
    const bareV2 = await signedAndVerified(
      edited(badge(signer), (c) => (c.issuer = signer.did)),
      signer,
    );
    expect(schemaCheck(bareV2)).toMatchObject({ outcome: 'passed' });
  });

  it('a VC 1.1 VC-JWT may state its issuance date, issuer and id as JWT claims (nbf, iss, jti)', async () => {
    const signer = await issuer(211);
    const earlier = badge(signer, { vcVersion: 1 });
    const { issuanceDate: _date, issuer: _issuer, id: _id, ...inClaims } = earlier;
    const claims = { nbf: Date.parse('2024-01-01T00:00:00Z') / 1000, iss: signer.did, jti: 'urn:uuid:8c1f1a7e-5b7a-4f00-9a63-0c3e6f1a2b3c' };
    expect(decodedVc11(inClaims, claims)).toMatchObject({ issuanceDate: '2024-01-01T00:00:00Z', issuer: signer.did, id: claims.jti });

    const judged = async (credential: Json, jwtClaims?: Json) => {
      const checks = new Checks();
      await checkSchemaConformance(credential, checks, jwtClaims);
      return checks.list.find((c) => c.id === 'schema');
    };
    const withProfile = { ...inClaims, issuer: { type: ['Profile'], name: 'Harbour Academy' } };
    expect(await judged(withProfile, claims)).toMatchObject({ outcome: 'passed' });
    expect((await judged(withProfile))?.sentence).toContain('The credential has no issuance date (issuanceDate).');
  });
});

describe('VC-JWT: the `vc` claim is judged, as 1EdTech’s validator does', () => {
  it('a jose-signed VC-JWT whose credential lacks its issuer or an achievement name, or is not typed a VerifiableCredential, is malformed', async () => {
    const signer = await issuer(208);
    const valid = badge(signer);
    const good = await verify(await signVcJwt(valid as never, signer));
    expect(good.status).toBe('verified');
    expect(schemaCheck(good)?.outcome).toBe('passed');

    const noName = await verify(await signVcJwt(edited(valid, (c) => delete achievementOf(c).name) as never, signer));
    expect(signaturePassed(noName)).toBe(true);
    expect(noName.status).toBe('malformed');
    expect(schemaCheck(noName)?.sentence).toContain('The credential has no achievement name (credentialSubject.achievement.name).');

    const notAVc = await verify(await signVcJwt(edited(valid, (c) => (c.type = ['OpenBadgeCredential'])) as never, signer));
    expect(notAVc.status).toBe('malformed');
    expect(schemaCheck(notAVc)?.sentence).toContain("The credential's type (type) does not include “VerifiableCredential”.");

    // No issuer in the VC 2.0 credential at all (the JWT's `iss` names one; VC 2.0 maps no claims).
    const { issuer: _issuer, ...issuerless } = valid;
    const jwt = await new SignJWT({ vc: issuerless })
      .setProtectedHeader({ alg: 'EdDSA', typ: 'JWT', kid: signer.verificationMethodId })
      .setIssuer(signer.did)
      .setNotBefore(Math.floor(Date.parse('2024-01-01T00:00:00Z') / 1000))
      .sign(await importJWK(signer.privateJwk, 'EdDSA'));
    const noIssuer = await verify(jwt);
    expect(signaturePassed(noIssuer)).toBe(true);
    expect(noIssuer.status).toBe('malformed');
    expect(schemaCheck(noIssuer)?.sentence).toContain('The credential has no issuer (issuer).');
  });
});

describe('the findings in German', () => {
  const german = (report: Pick<VerificationReport, 'checks'>): string => {
    const check = report.checks.find((c) => c.id === 'schema');
    if (!check) throw new Error('no schema check');
    return checkSentenceIn(check, 'de');
  };
  /** Judged by the schema check alone: a credential no signer would sign (JSON-LD's safe mode refuses its terms). */
  const judgedAlone = async (document: Json): Promise<Checks> => {
    const checks = new Checks();
    await checkSchemaConformance(document, checks);
    return checks;
  };

  it('a missing property, a list where text belongs and a wrong type list are said in German, naming the property', async () => {
    const signer = await issuer(221);
    const broken = edited(badge(signer), (c) => {
      delete achievementOf(c).criteria;
      achievementOf(c).name = ['Eins', 'Zwei'];
      c.type = ['OpenBadgeCredential'];
    });
    const report = { checks: (await judgedAlone(broken)).list };
    expect(schemaCheck(report as VerificationReport)).toMatchObject({ outcome: 'failed', implies: 'malformed' });
    const text = german(report);
    expect(text).toContain('Dem Nachweis fehlt die Angabe „Kriterien“ bei „Leistung“ (credentialSubject.achievement.criteria).');
    expect(text).toContain('Die Angabe „Name“ bei „Leistung“ (credentialSubject.achievement.name) ist eine Liste; verlangt ist Text.');
    expect(text).toContain('Die Angabe „Typ“ des Nachweises (type) enthält nicht „VerifiableCredential“.');
    expect(text).toMatch(/Damit entspricht der Nachweis nicht dem Datenmodell AchievementCredential von Open Badges 3\.0\.$/);
    // The English stays what the CLI prints.
    expect(schemaCheck(report as VerificationReport)?.sentence).toContain('The credential has no achievement criteria (credentialSubject.achievement.criteria).');
    expect(text).not.toMatch(/\b(the|has no|where|does not|It)\b/);
  });

  it('notes that do not change the verdict: a value outside the list, a date without a time zone, one note or several', async () => {
    const signer = await issuer(222);
    const one = await signedAndVerified(
      edited(badge(signer), (c) => (achievementOf(c).achievementType = 'Program')),
      signer,
    );
    expect(one.status).toBe('verified');
    expect(german(one)).toBe(
      'Die Angabe „Art der Leistung“ (credentialSubject.achievement.achievementType) hat den Wert „Program“, den Open Badges 3.0 nicht aufführt; er ist auch kein Erweiterungsbegriff der Form „ext:…“. ' +
        'Festgestellt beim Abgleich mit dem Datenmodell AchievementCredential von Open Badges 3.0; das Ergebnis hängt nicht von diesem Befund ab.',
    );
    const two = await signedAndVerified(
      edited(badge(signer), (c) => {
        achievementOf(c).achievementType = 'Program';
        c.validFrom = '2024-01-01';
      }),
      signer,
    );
    expect(german(two)).toContain(
      'Die Angabe „Gültig ab“ des Nachweises (validFrom) hat den Wert „2024-01-01“, der kein Datum mit Uhrzeit und Zeitzone ist, wie Open Badges 3.0 es verlangt.',
    );
    expect(german(two)).toMatch(/das Ergebnis hängt nicht von diesen Befunden ab\.$/);
    expect(schemaCheck(two)?.sentence).toMatch(/the verdict does not rest on them\.$/);
  });

  it('more than four findings: the sentence names four and counts the rest', async () => {
    const signer = await issuer(223);
    const bare = edited(badge(signer), (c) => {
      const achievement = achievementOf(c);
      delete achievement.criteria;
      delete achievement.name;
      delete achievement.description;
      delete achievement.type;
      delete c.name;
      delete c.validFrom;
    });
    const report = { checks: (await judgedAlone(bare)).list } as unknown as VerificationReport;
    expect(german(report)).toMatch(/Dazu \d+ weitere \(siehe die technische Angabe\)\./);
    expect(schemaCheck(report)?.sentence).toMatch(/And \d+ more \(see the technical detail\)\./);
  });
});

describe('null, as JSON-LD reads it', () => {
  it('a property whose value is null is absent; entries of lists stay where they are', () => {
    expect(withoutNulls({ a: null, b: { c: null, d: 1 }, e: [null, { f: null }] })).toEqual({ b: { d: 1 }, e: [null, {}] });
  });
});

describe('the CLI judges with validators made when its bundle was built', () => {
  it('says what the app says, from ajv standalone code in out/cli', async () => {
    const signer = await issuer(212);
    const folder = path.join(root, 'out', `schema-cli-${String(process.pid)}`);
    mkdirSync(folder, { recursive: true });
    try {
      const noCriteria = await signAsIs(
        edited(badge(signer), (c) => delete achievementOf(c).criteria),
        signer,
        { date: '2024-01-01T00:00:00Z' },
      );
      const file = path.join(folder, 'no-criteria.json');
      writeFileSync(file, JSON.stringify(noCriteria));
      const run = runBin(['verify', file, '--json', '--offline', '--threads', '0', '--now', '2025-06-01T00:00:00Z']);
      expect(run.stderr).toBe('');
      const [result] = JSON.parse(run.stdout) as { status: string; checks: { id: string; sentence: string }[] }[];
      expect(result?.status).toBe('malformed');
      expect(result?.checks.find((c) => c.id === 'schema')?.sentence).toBe(schemaCheck(await verify(noCriteria))?.sentence);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
    // The bundle carries the generated validators (the sources' precompiled.ts says "none"):
    // ajv's standalone code names each schema location it checks, which ajv's compiler does not.
    expect(readFileSync(path.join(root, 'out/cli/commands.js'), 'utf8')).toMatch(/schemaPath:"#\/\$defs\/[A-Za-z]+\/required"/);
  }, 120_000);
});
