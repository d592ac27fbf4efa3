import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import canonicalize from 'canonicalize';
import { beforeAll, describe, expect, it } from 'vitest';
import type { VerificationReport } from '../../../shared/credential/verification';
import { bundledContext } from '../../../electron/verify/bundledContexts';
import { clrContexts } from '../../../electron/verify/contexts/clrContexts';
import { createVerifier } from '../../../electron/verify/verifier';
import { sharedFixturesDir, sharedFixturesPresent, sharedFixturesSkipReason } from '../../support/sharedFixtures';
import { CONTEXT, createDocumentLoader, generateEd25519Issuer, makeClrCredential, seededBytes, verifyWithDigitalBazaar, type ClrResult } from '../../support/credentials';
import { normalise } from './helpers';

const corpusContextsMap = path.join(sharedFixturesDir, 'contexts', 'contexts-map.json');
if (!existsSync(corpusContextsMap)) console.log(`CLR contexts against the corpus copies ${sharedFixturesSkipReason}`);

/**
 * The CLR 2.0 contexts Badgefolio ships (issues #16, #18): the published documents, unchanged,
 * and what they make possible offline: a JSON-LD CLR signed with Data Integrity verifies, and one
 * changed character anywhere in what it carries makes it not genuine.
 */
const contextsDir = path.resolve(import.meta.dirname, '../../../electron/verify/contexts');
const jcsSha256 = (value: unknown): string =>
  createHash('sha256')
    .update(canonicalize(value) ?? '')
    .digest('hex');

describe('the bundled CLR 2.0 contexts', () => {
  it('are the published documents their provenance names, unchanged since', () => {
    expect(clrContexts.map((context) => context.url).sort()).toEqual([CONTEXT.CLR_V2, CONTEXT.CLR_V2_0_1].sort());
    for (const context of clrContexts) {
      const onDisk: unknown = JSON.parse(readFileSync(path.join(contextsDir, path.basename(context.source.path)), 'utf8'));
      expect(jcsSha256(onDisk), context.url).toBe(context.sha256);
      expect(context.source).toMatchObject({ repository: '1EdTech/digital-credentials-public-validator', commit: expect.stringMatching(/^[0-9a-f]{40}$/) as unknown });
      // What verification loads is that document, and no caller can change it for the next check.
      const loaded = bundledContext(context.url);
      expect(jcsSha256(loaded)).toBe(context.sha256);
      expect(Object.isFrozen(loaded)).toBe(true);
    }
  });

  // Only where ../shared is beside the repository (sharedFixturesSkipReason says so otherwise).
  it.skipIf(!existsSync(corpusContextsMap))('match the copies 1EdTech’s validator serves in the corpus (../shared/fixtures/contexts)', () => {
    const map = JSON.parse(readFileSync(corpusContextsMap, 'utf8')) as Record<string, string>;
    for (const context of clrContexts) {
      const file = map[context.url];
      expect(file, context.url).toBeDefined();
      const corpusCopy: unknown = JSON.parse(readFileSync(path.join(sharedFixturesDir, 'contexts', file ?? ''), 'utf8'));
      expect(jcsSha256(corpusCopy), context.url).toBe(context.sha256);
    }
  });
});

const offline = createVerifier({ network: 'offline', now: new Date('2026-06-01T00:00:00Z') });

/** Each credential intake finds (the transcript first, then those inside) with its verdict, checked offline. */
async function verdicts(credential: unknown): Promise<{ name: string; report: VerificationReport }[]> {
  const found = await normalise(credential, 'transcript.json');
  return Promise.all(found.map(async (one) => ({ name: one.name, report: await offline.verify(one) })));
}

const statuses = async (credential: unknown): Promise<string[]> => (await verdicts(credential)).map(({ report }) => report.status);

/** The transcript's own verdict: what its signature check says, and the sentence a user reads. */
async function transcriptVerdict(credential: unknown): Promise<{ status: string; signature: string | undefined; summary: string }> {
  const [transcript] = await verdicts(credential);
  if (!transcript) throw new Error('no transcript');
  const { report } = transcript;
  return { status: report.status, signature: report.checks.find((check) => check.id === 'signature')?.outcome, summary: report.summary };
}

/** A copy with one character changed in the string at `keys` (which must end in that character). */
function oneCharacterChanged(credential: unknown, keys: readonly (string | number)[], from: string, to: string): unknown {
  const copy = structuredClone(credential) as Record<string | number, unknown>;
  let holder: Record<string | number, unknown> = copy;
  for (const key of keys.slice(0, -1)) holder = holder[key] as Record<string | number, unknown>;
  const last = keys[keys.length - 1] ?? '';
  const value = holder[last];
  if (typeof value !== 'string' || !value.endsWith(from)) throw new Error(`${keys.join('.')} does not end in "${from}"`);
  holder[last] = `${value.slice(0, -from.length)}${to}`;
  return copy;
}

describe.skipIf(!sharedFixturesPresent)('1EdTech’s CLR 2.0 Data Integrity sample (implementation guide), offline', () => {
  const read = (file: string): unknown => JSON.parse(readFileSync(path.join(sharedFixturesDir, file), 'utf8'));

  it('verifies, transcript and credential inside', async () => {
    const sample = read('clr2/1edtech-spec/impl-guide-linked-data-proof-clr-signed.json');
    const found = await verdicts(sample);
    expect(found.map(({ name, report }) => `${name}: ${report.status}`)).toEqual(['Sample Transcript: verified', 'Achievement 1: verified']);
    expect(found[0]?.report.checks.find((check) => check.id === 'signature')?.outcome).toBe('passed');
    expect(found[0]?.report.checks.find((check) => check.id === 'nested')?.outcome).toBe('passed');
  });

  it('with one character changed inside it, is not genuine', async () => {
    const sample = read('clr2/1edtech-spec/impl-guide-linked-data-proof-clr-signed.json');
    // In the credential inside: that one and the transcript, which signed it too, fail.
    const inner = oneCharacterChanged(sample, ['credentialSubject', 'verifiableCredential', 0, 'credentialSubject', 'achievement', 'description'], '1', '2');
    expect(await statuses(inner)).toEqual(['invalid', 'invalid']);
    expect(await transcriptVerdict(inner)).toMatchObject({ status: 'invalid', signature: 'failed', summary: expect.stringMatching(/^Not genuine/) as unknown });
    // In the transcript's own list of achievements: the transcript fails, the credential inside still holds.
    const listed = oneCharacterChanged(sample, ['credentialSubject', 'achievement', 0, 'name'], '1', '7');
    expect(await statuses(listed)).toEqual(['invalid', 'verified']);
  });

  it('in its VC 1.1 form (Ed25519Signature2020, the unversioned context) verifies too', async () => {
    expect(await statuses(read('clr2/1edtech-validator/simple_v1.json'))).toEqual(Array.from({ length: 7 }, () => 'verified'));
  });
});

describe('a CLR signed by Digital Bazaar’s libraries (eddsa-rdfc-2022), offline', () => {
  let clr: ClrResult;

  beforeAll(async () => {
    const issuer = await generateEd25519Issuer(seededBytes(32, 18));
    // The signer reads the CLR 2.0 context from 1EdTech's published document, nothing from ../shared.
    const documents = new Map(clrContexts.map((context) => [context.url, structuredClone(context.document) as object]));
    const documentLoader = createDocumentLoader({ fixtureContextsDir: null, documents });
    clr = await makeClrCredential({ issuer, courseNames: ['Databases', 'Networks'], validFrom: '2025-09-01T00:00:00Z', signing: { documentLoader } });
    expect(clr.signed).toBe(true);
    expect((await verifyWithDigitalBazaar(clr.credential, { documentLoader })).verified).toBe(true);
  });

  it('verifies, transcript and credentials inside', async () => {
    expect(await statuses(clr.credential)).toEqual(['verified', 'verified', 'verified']);
    expect(await transcriptVerdict(clr.credential)).toMatchObject({ status: 'verified', signature: 'passed' });
  });

  it('with one character changed in a credential inside, is not genuine', async () => {
    const changed = oneCharacterChanged(clr.credential, ['credentialSubject', 'verifiableCredential', 1, 'credentialSubject', 'achievement', 'name'], 's', 'z');
    expect(await statuses(changed)).toEqual(['invalid', 'verified', 'invalid']);
    expect(await transcriptVerdict(changed)).toMatchObject({ status: 'invalid', signature: 'failed', summary: expect.stringMatching(/^Not genuine/) as unknown });
  });

  it('with one character changed in an association, is not genuine while its credentials still hold', async () => {
    const changed = oneCharacterChanged(clr.credential, ['credentialSubject', 'association', 0, 'sourceId'], '1', '9');
    expect(await statuses(changed)).toEqual(['invalid', 'verified', 'verified']);
  });
});
