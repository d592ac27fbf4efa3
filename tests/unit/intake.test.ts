import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { IntakeOutcome } from '../../shared/credential/intakeOutcome';
import type { NormalizedCredential } from '../../shared/credential/model';
import { Intake } from '../../electron/intake/intake';
import { defaultIntakeLimits } from '../../electron/intake/limits';
import {
  bakeOb2WithBakery,
  bakePngItxt,
  bakePngLegacyText,
  bakePngZtxt,
  bakeSvg,
  generateEd25519Issuer,
  generateJoseKey,
  makeBadgePng,
  makeBadgeSvg,
  makeClrCredential,
  makeDeeplyNestedZip,
  makeEndorsementCredential,
  makeIssuerProfile,
  makeOb2Assertion,
  makeOb2SignedAssertion,
  makeOb3Credential,
  makeZip,
  makeZipBomb,
  makeZipWithTraversalNames,
  signDataIntegrity,
  signVcJwt,
  type Ed25519Issuer,
  type OpenBadgeCredential,
} from '../support/credentials';

const encoder = new TextEncoder();
const intake = new Intake();

function only(outcomes: IntakeOutcome[]): NormalizedCredential {
  expect(outcomes.map((o) => o.outcome)).toEqual(['recognised']);
  const [first] = outcomes;
  if (first?.outcome !== 'recognised') throw new Error('not recognised');
  return first.credential;
}

function inspectText(name: string, text: string) {
  return intake.inspect({ name, bytes: encoder.encode(text) });
}

describe('intake of credentials made by independent libraries', () => {
  let issuer: Ed25519Issuer;
  let signed: OpenBadgeCredential;
  let jwt: string;

  beforeAll(async () => {
    issuer = await generateEd25519Issuer(new Uint8Array(32).fill(7));
    const profile = makeIssuerProfile({ id: issuer.did, name: 'Université de Genève', url: 'https://www.unige.ch' });
    signed = await signDataIntegrity(
      makeOb3Credential({
        issuer: profile,
        id: 'urn:uuid:2f6e8a4c-1b7d-4c1e-9a55-0d0c3b1f7a10',
        achievementName: 'Analyse de données — 数据分析',
        achievementDescription: 'Cleaning, exploring and visualising real data sets.',
        criteriaNarrative: 'Passed the final project.',
        achievementType: 'Certificate',
        skills: [{ targetName: 'Data analysis', targetFramework: 'ESCO', targetCode: 'S1.2.3', targetUrl: 'http://data.europa.eu/esco/skill/abc' }],
        tags: ['data', 'python'],
        creditsAvailable: 3,
        validFrom: '2025-03-01T00:00:00Z',
        validUntil: '2030-03-01T00:00:00Z',
        recipient: { did: 'did:example:learner' },
      }),
      issuer,
    );
    jwt = await signVcJwt(makeOb3Credential({ issuer: profile, id: 'urn:uuid:8d1f3b22-6a55-4c2e-b1e0-3f6d2a1c9e77', achievementName: 'Cloud basics' }), issuer, 'EdDSA');
  }, 60_000);

  it('reads an OB 3.0 credential with a Data Integrity proof, every field and the bytes unchanged', async () => {
    const text = JSON.stringify(signed, null, 2);
    const credential = only(await inspectText('degree.json', text));
    expect(credential).toMatchObject({
      format: 'ob3',
      container: 'json',
      kind: 'badge',
      identity: 'urn:uuid:2f6e8a4c-1b7d-4c1e-9a55-0d0c3b1f7a10',
      name: 'Analyse de données — 数据分析',
      description: 'Cleaning, exploring and visualising real data sets.',
      issuer: { id: issuer.did, name: 'Université de Genève', url: 'https://www.unige.ch' },
      recipient: { identity: 'did:example:learner', hashed: false },
      validFrom: '2025-03-01T00:00:00Z',
      expires: '2030-03-01T00:00:00Z',
      criteria: { narrative: 'Passed the final project.' },
      achievementType: 'Certificate',
      tags: ['data', 'python'],
      credits: [{ value: 3, unit: 'credits' }],
      verification: { signature: 'data-integrity', proofTypes: ['DataIntegrityProof/eddsa-rdfc-2022'], keyRefs: [issuer.verificationMethodId] },
    });
    expect(credential.skills).toEqual([{ name: 'Data analysis', framework: 'ESCO', code: 'S1.2.3', url: 'http://data.europa.eu/esco/skill/abc' }]);
    expect(credential.image?.bytes?.length).toBeGreaterThan(0);
    expect(credential.original.payload).toBe(text);
    expect(new TextDecoder().decode(credential.original.bytes)).toBe(text);
  });

  it('reads an OB 3.0 VC-JWT and names the key that signed it', async () => {
    const credential = only(await inspectText('cloud.jwt', `${jwt}\n`));
    expect(credential).toMatchObject({ format: 'ob3', container: 'jwt', name: 'Cloud basics', identity: 'urn:uuid:8d1f3b22-6a55-4c2e-b1e0-3f6d2a1c9e77' });
    expect(credential.verification.signature).toBe('vc-jwt');
    expect(credential.verification.keyRefs).toContain(issuer.verificationMethodId);
    expect(credential.original.payload).toBe(jwt);
  });

  it('reads OB 3.0 baked into PNG (JWT and JSON) and SVG, keeping the image as the badge picture', async () => {
    const png = bakePngItxt(makeBadgePng(20_000, 3), 'openbadgecredential', jwt);
    const fromPng = only(await intake.inspect({ name: 'cloud.png', bytes: png }));
    expect(fromPng).toMatchObject({ format: 'ob3', container: 'png', name: 'Cloud basics' });
    expect(fromPng.image?.bytes).toBe(png);

    const jsonPng = bakePngItxt(makeBadgePng(5_000, 4), 'openbadgecredential', JSON.stringify(signed));
    expect(only(await intake.inspect({ name: 'degree.png', bytes: jsonPng })).identity).toBe(signed.id);

    const svg = bakeSvg(makeBadgeSvg({ title: 'Cloud' }), 'ob3', { jws: jwt });
    expect(only(await inspectText('cloud.svg', svg))).toMatchObject({ format: 'ob3', container: 'svg', name: 'Cloud basics' });
    const svgJson = bakeSvg(makeBadgeSvg({ title: 'Degree' }), 'ob3', { json: JSON.stringify(signed) });
    expect(only(await inspectText('degree.svg', svgJson)).identity).toBe(signed.id);
  });

  it('reads an OB 2.0 hosted assertion, hashed recipient included', async () => {
    const { assertion } = makeOb2Assertion({ badgeName: 'Robotics 101', recipientEmail: 'ana@example.com' });
    const credential = only(await inspectText('robotics.json', JSON.stringify(assertion)));
    expect(credential).toMatchObject({
      format: 'ob2',
      formatVersion: '2.0',
      name: 'Robotics 101',
      identity: assertion.id,
      issuer: { name: 'Example Academy' },
      recipient: { hashed: true, salt: 'deadsea', type: 'email' },
      verification: { signature: 'hosted', hostedUrl: assertion.id },
      tags: ['open source', 'collaboration'],
    });
    expect(credential.skills[0]).toMatchObject({ name: 'Collaborate in teams', code: 'TW-1.8.1' });
  });

  it('reads an OB 2.0 signed badge baked by openbadges-bakery', async () => {
    const signedOb2 = await makeOb2SignedAssertion({ badgeName: 'Signed skills' });
    const png = await bakeOb2WithBakery(makeBadgePng(3_000, 5), signedOb2.jws);
    const credential = only(await intake.inspect({ name: 'signed.png', bytes: png }));
    expect(credential).toMatchObject({ format: 'ob2', container: 'png', name: 'Signed skills', verification: { signature: 'jws' } });
    expect(credential.original.payload).toBe(signedOb2.jws);
  });

  it('reads a legacy badge whose PNG holds only the assertion URL, and compressed chunks', async () => {
    const legacy = bakePngLegacyText(makeBadgePng(2_000, 6), 'https://backpack.example.org/assertions/42');
    expect(only(await intake.inspect({ name: 'old.png', bytes: legacy })).verification.hostedUrl).toBe('https://backpack.example.org/assertions/42');
    const { assertion } = makeOb2Assertion({ badgeName: 'Compressed' });
    const compressed = bakePngZtxt(makeBadgePng(2_000, 7), 'openbadges', JSON.stringify(assertion));
    expect(only(await intake.inspect({ name: 'z.png', bytes: compressed })).name).toBe('Compressed');
  });

  it('reads a CLR and every credential inside it, linked to the transcript', async () => {
    const clr = await makeClrCredential({ issuer, courseNames: ['Statistics', 'Machine learning'] });
    const outcomes = await inspectText('transcript.json', JSON.stringify(clr.credential));
    expect(outcomes.every((o) => o.outcome === 'recognised')).toBe(true);
    const credentials = outcomes.flatMap((o) => (o.outcome === 'recognised' ? [o.credential] : []));
    const [transcript, ...courses] = credentials;
    expect(transcript).toMatchObject({ format: 'clr2', kind: 'transcript' });
    expect(courses.map((c) => c.name)).toEqual(['Statistics', 'Machine learning']);
    for (const course of courses) expect(course.parentIdentity).toBe(transcript?.identity);
    expect(transcript?.childIdentities).toEqual(courses.map((c) => c.identity));
    expect(transcript?.associations.length).toBeGreaterThan(0);
  });

  it('reads an endorsement as an endorsement', async () => {
    const endorsement = makeEndorsementCredential({
      issuer: makeIssuerProfile({ id: 'https://employer.example.com', name: 'Acme Hiring' }),
      endorsedId: 'https://example.com/achievements/data',
      comment: 'We rely on this badge when hiring analysts.',
    });
    const credential = only(await inspectText('endorsement.json', JSON.stringify(endorsement)));
    expect(credential).toMatchObject({ format: 'ob3', kind: 'endorsement', description: 'We rely on this badge when hiring analysts.' });
  });

  it('gives the same identity to the same badge in different containers, and a new hash to a changed copy', async () => {
    const asJson = only(await inspectText('a.json', JSON.stringify(signed)));
    const asPng = only(await intake.inspect({ name: 'a.png', bytes: bakePngItxt(makeBadgePng(2_000, 8), 'openbadgecredential', JSON.stringify(signed)) }));
    expect(asPng.identity).toBe(asJson.identity);
    const changed = only(await inspectText('b.json', JSON.stringify({ ...signed, name: 'Renamed' })));
    expect(changed.identity).toBe(asJson.identity);
    expect(changed.contentHash).not.toBe(asJson.contentHash);
  });

  it('takes the content hash over the credential text exactly, whatever carries it', async () => {
    const { assertion } = makeOb2Assertion({ badgeName: 'Données — 数据 🎓' });
    const { id: _id, ...anonymous } = assertion; // no id: the identity is the content hash too
    const json = JSON.stringify(anonymous);
    const expected = createHash('sha256').update(json, 'utf8').digest('hex');
    const png = makeBadgePng(2_000, 9);
    const bom = '\uFEFF';
    const carriers = [
      await inspectText('a.json', json),
      await inspectText('bom.json', bom + json),
      await intake.inspect({ name: 'a.png', bytes: bakePngItxt(png, 'openbadges', json) }),
      await intake.inspect({ name: 'bom.png', bytes: bakePngItxt(png, 'openbadges', bom + json) }),
      await intake.inspect({ name: 'z.png', bytes: bakePngZtxt(png, 'openbadges', json, { variant: 'compressed-iTXt' }) }),
    ];
    for (const outcomes of carriers) {
      const credential = only(outcomes);
      expect(credential.contentHash).toBe(expected);
      expect(credential.identity).toBe(`sha256:${expected}`);
      expect(credential.original.payload).toBe(json);
    }
    // Text around the credential is part of what was signed: it changes the hash.
    const padded = only(await intake.inspect({ name: 'p.png', bytes: bakePngItxt(png, 'openbadges', ` ${json}\n`) }));
    expect(padded.contentHash).toBe(createHash('sha256').update(` ${json}\n`, 'utf8').digest('hex'));
  });

  it('reads archives recursively, one outcome per file, bad members not stopping the rest', async () => {
    const { assertion } = makeOb2Assertion({ badgeName: 'Zipped' });
    const inner = makeZip([{ name: 'deeper/endorsed.jwt', bytes: encoder.encode(jwt) }]);
    const zip = makeZip([
      { name: 'badges/zipped.json', bytes: encoder.encode(JSON.stringify(assertion)) },
      { name: 'badges/notes.txt', bytes: encoder.encode('remember to update my CV') },
      { name: 'badges/broken.json', bytes: encoder.encode('{"@context": "https://w3id.org/openbadges/v2", ') },
      { name: 'more.zip', bytes: inner },
      { name: '__MACOSX/._zipped.json', bytes: encoder.encode('junk') },
    ]);
    const outcomes = await intake.inspect({ name: 'export.zip', bytes: zip });
    expect(outcomes.map((o) => [o.file, o.outcome])).toEqual([
      ['export.zip › badges/zipped.json', 'recognised'],
      ['export.zip › badges/notes.txt', 'not-a-credential'],
      ['export.zip › badges/broken.json', 'malformed'],
      ['export.zip › more.zip › deeper/endorsed.jwt', 'recognised'],
    ]);
  });

  it('refuses zip bombs, traversal names and endless nesting with a reason, reading the rest', async () => {
    const bomb = await intake.inspect({ name: 'bomb.zip', bytes: makeZipBomb(defaultIntakeLimits.maxInflatedBytes * 4) });
    expect(bomb.some((o) => o.outcome === 'malformed' && o.reason.includes('zip bomb'))).toBe(true);

    const traversal = await intake.inspect({ name: 'evil.zip', bytes: makeZipWithTraversalNames() });
    expect(traversal.length).toBeGreaterThan(0);
    for (const outcome of traversal) {
      expect(outcome.outcome).toBe('malformed');
      if (outcome.outcome === 'malformed') expect(outcome.reason).toContain('outside the archive');
    }

    const nested = await intake.inspect({ name: 'deep.zip', bytes: makeDeeplyNestedZip(defaultIntakeLimits.maxNestingDepth + 3) });
    expect(nested.some((o) => o.outcome === 'malformed' && o.reason.includes('nested more than'))).toBe(true);
  });

  it('answers hostile and broken inputs with a specific reason', async () => {
    const cases: [string, Uint8Array, RegExp][] = [
      ['empty.json', new Uint8Array(), /empty/],
      ['deep.json', encoder.encode('['.repeat(100_000) + ']'.repeat(100_000)), /nested more than 64/],
      ['broken.json', encoder.encode('{"type": "Assertion",'), /not valid/],
      [
        'entities.svg',
        encoder.encode('<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><svg xmlns="http://www.w3.org/2000/svg">&b;</svg>'),
        /declares its own entities/,
      ],
      ['half.jwt', encoder.encode('eyJhbGciOiJFUzI1NiJ9'), /three parts/],
      ['truncated.png', makeBadgePng(2_000, 9).subarray(0, 1_000), /cut short/],
    ];
    for (const [name, bytes, reason] of cases) {
      const [outcome, ...rest] = await intake.inspect({ name, bytes });
      expect(rest, name).toEqual([]);
      expect(outcome?.outcome, name).toBe('malformed');
      if (outcome?.outcome === 'malformed') expect(outcome.reason, name).toMatch(reason);
    }
  });

  it('refuses a PNG whose baked data is damaged, or that carries two different badges', async () => {
    const { assertion } = makeOb2Assertion({ badgeName: 'First' });
    const baked = bakePngItxt(makeBadgePng(2_000, 10), 'openbadges', JSON.stringify(assertion));
    const damaged = baked.slice();
    const at = Buffer.from(damaged).indexOf('First');
    damaged[at] = 'X'.charCodeAt(0);
    const [crc] = await intake.inspect({ name: 'damaged.png', bytes: damaged });
    expect(crc).toMatchObject({ outcome: 'malformed', reason: expect.stringMatching(/checksum/) as unknown });

    const twice = bakePngItxt(baked, 'openbadges', JSON.stringify({ ...assertion, id: 'https://other.example/a' }));
    const [double] = await intake.inspect({ name: 'double.png', bytes: twice });
    expect(double).toMatchObject({ outcome: 'malformed', reason: expect.stringMatching(/two different baked credentials/) as unknown });
  });

  it('refuses files over the size limit before reading them', async () => {
    const small = new Intake({ ...defaultIntakeLimits, maxFileBytes: 1024 });
    const [outcome] = await small.inspect({ name: 'big.json', bytes: new Uint8Array(2048) });
    expect(outcome).toMatchObject({ outcome: 'malformed', reason: expect.stringMatching(/larger than the 1 KB limit/) as unknown });
  });

  it('reads every credential of a presentation', async () => {
    const key = await generateJoseKey('ES256');
    const other = await signVcJwt(makeOb3Credential({ issuer: 'https://issuer.example.org', achievementName: 'Second' }), key, 'ES256');
    const presentation = { '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiablePresentation'], verifiableCredential: [signed, other] };
    const outcomes = await inspectText('presentation.json', JSON.stringify(presentation));
    expect(outcomes.map((o) => (o.outcome === 'recognised' ? o.credential.name : o.outcome))).toEqual(['Analyse de données — 数据分析', 'Second']);
  });
});
