import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { NormalizedCredential } from '../../shared/credential/model';
import { worstStatus, type VerificationReport, type VerificationStatus } from '../../shared/credential/verification';
import { Intake } from '../../electron/intake/intake';
import { defaultIntakeLimits } from '../../electron/intake/limits';
import { DocumentsMap } from '../../electron/verify/documents';
import { createVerifier } from '../../electron/verify/verifier';
import { realWorldDir, realWorldPresent, realWorldSkipReason } from '../support/sharedFixtures';

/**
 * Real badges that real platforms issued and their earners published (Credly, Badgr, Open
 * Badge Factory, Virtualbadge, NetLearning, the Oregon Badge Alliance, the DCC's wallet,
 * Learning Machine / Hyland, the Europass EDC platform), kept beside the repository in
 * ../shared/real-world (never committed here: they were taken from public repositories), with
 * SOURCES.tsv saying where each came from and EXPECTED.tsv what a correct reading is. Each file
 * is read by intake and verified offline with the issuer documents found beside them
 * (documents/documents-map.json) and a fixed clock. Without that folder, all of this is skipped.
 *
 * Where the reading is wrong in code another part of the app owns, the row is listed in
 * `awaitingFixes` with the file to change: those mismatches are asserted to still be there,
 * so the list cannot go stale, and any other mismatch fails.
 */
const dir = realWorldDir;
const now = new Date('2026-09-01T00:00:00Z');
const none = '(none)';
/** What a reader may show when the file names nothing: nothing, or the format's generic word. */
const placeholders = new Set(['', 'Open Badge', 'Blockchain certificate', 'European Digital Credential']);

type Field = 'format' | 'version' | 'name' | 'issuer' | 'status' | 'picture';

interface ExpectedRow {
  readonly file: string;
  readonly format: string;
  readonly version: string;
  readonly name: string;
  readonly issuer: string;
  readonly status: string;
  readonly picture: string;
  readonly note: string;
}

function expectedRows(): ExpectedRow[] {
  const lines = readFileSync(path.join(dir, 'EXPECTED.tsv'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'));
  const [header, ...rows] = lines;
  expect(header?.split('\t')).toEqual(['file', 'format', 'version', 'name', 'issuer', 'status', 'picture', 'note']);
  return rows.map((line) => {
    const [file = '', format = '', version = '', name = '', issuer = '', status = '', picture = '', note = ''] = line.split('\t');
    return { file, format, version, name, issuer, status, picture, note };
  });
}

/**
 * Readings that are wrong today in files other parts of the app own, each with its cause and
 * where it is to be fixed. Keyed `file › field`; the value is what is read instead.
 */
const awaitingFixes: Readonly<Record<string, { readonly got: string; readonly owner: string; readonly why: string }>> = {
  'blockcerts-v3-display-png.json › issuer': {
    got: none,
    owner: 'electron/verify/issuerIdentity.ts',
    why: "the certificate names its issuer only by its profile's URL; the profile is in the documents map, but its name is read only when the profile's keys are used, which a MerkleProof2019 with a DID verification method does not",
  },
  'blockcerts-v3-display-pdf.json › issuer': {
    got: none,
    owner: 'electron/verify/issuerIdentity.ts',
    why: 'as blockcerts-v3-display-png.json',
  },
  'europass-elm2-la-modiste.xml › status': {
    got: 'malformed',
    owner: 'electron/verify/verifier.ts',
    why: "an unsealed ELM 2 XML credential is parsed as JSON ('The Europass credential is not readable JSON.'); it is unsigned",
  },
};

interface Reading {
  readonly credential: NormalizedCredential;
  readonly report: VerificationReport;
  readonly status: VerificationStatus;
}

if (!realWorldPresent) console.log(`real published badges ${realWorldSkipReason}`);

// EXPECTED.tsv is written for an English-speaking user.
const english = new Intake(defaultIntakeLimits, { language: 'en' });
const documents = realWorldPresent ? DocumentsMap.fromFile(path.join(dir, 'documents/documents-map.json')) : new DocumentsMap({}, '.');
const verifier = createVerifier({ network: 'offline', now, documents });

async function read(file: string, intake = english): Promise<Reading> {
  const outcomes = await intake.inspect({ name: file, bytes: readFileSync(path.join(dir, file)) });
  const credentials = outcomes.flatMap((outcome) => (outcome.outcome === 'recognised' ? [outcome.credential] : []));
  const refused = outcomes.flatMap((outcome) => (outcome.outcome === 'recognised' ? [] : [`${outcome.outcome}: ${outcome.reason}`]));
  expect(refused, `${file} is refused`).toEqual([]);
  const [credential] = credentials;
  expect(credentials, `${file} holds one credential`).toHaveLength(1);
  if (!credential) throw new Error(`${file}: no credential`);
  const report = await verifier.verify(credential);
  return { credential, report, status: worstStatus([report.status]) };
}

function pictureOf(credential: NormalizedCredential): string {
  const image = credential.image;
  if (!image) return none;
  if (image.bytes && image.bytes.length > 0) return image.mediaType;
  return image.sourceUrl ? 'remote' : none;
}

/** Where the reading differs from the row: `field: got` for each field. */
function mismatches(row: ExpectedRow, reading: Reading): Map<Field, string> {
  const { credential, report, status } = reading;
  const found = new Map<Field, string>();
  if (credential.format !== row.format) found.set('format', credential.format);
  if ((credential.formatVersion ?? '') !== row.version) found.set('version', credential.formatVersion ?? '');
  const nameRight = row.name === none ? placeholders.has(credential.name) : credential.name === row.name;
  if (!nameRight) found.set('name', credential.name);
  // The issuer's name as the credential gives it, else as its issuer document (beside it) gives it.
  const issuer = credential.issuer.name ?? report.issuerIdentity?.name ?? none;
  if (issuer !== row.issuer) found.set('issuer', issuer);
  if (status !== row.status) found.set('status', status);
  if (row.picture !== '*' && pictureOf(credential) !== row.picture) found.set('picture', pictureOf(credential));
  return found;
}

describe.skipIf(!realWorldPresent)('real published badges (../shared/real-world)', () => {
  const rows = realWorldPresent ? expectedRows() : [];

  it('lists every file collected, each with its source', () => {
    const [, ...sources] = readFileSync(path.join(dir, 'SOURCES.tsv'), 'utf8').trim().split('\n');
    const sourced = sources.map((line) => line.split('\t')[0] ?? '').filter((file) => !file.startsWith('documents/'));
    expect(rows.map((row) => row.file).sort()).toEqual(sourced.sort());
    expect(rows.length).toBeGreaterThanOrEqual(25);
    for (const key of Object.keys(awaitingFixes))
      expect(
        rows.map((row) => row.file),
        key,
      ).toContain(key.split(' › ')[0]);
  });

  it.each(rows.map((row) => [row.file, row] as const))('%s', async (file, row) => {
    const reading = await read(file);
    const wrong = mismatches(row, reading);
    const expectedWrong = new Map(
      Object.entries(awaitingFixes)
        .filter(([key]) => key.startsWith(`${file} › `))
        .map(([key, value]) => [key.slice(file.length + 3) as Field, value.got]),
    );
    // Every field reads as EXPECTED.tsv says, except the ones awaiting a fix elsewhere, which
    // must still read as listed (a fixed one is to be taken off the list).
    expect(Object.fromEntries(wrong), `${file}: ${row.note}`).toEqual(Object.fromEntries(expectedWrong));

    const description = reading.credential.description ?? '';
    expect(description, 'no embedded picture in the description').not.toMatch(/data:[\w/+.-]+;base64/i);
    if (row.format === 'blockcerts') {
      expect(description, 'a Blockcerts summary is plain text').not.toMatch(/<[a-z!/]/i);
      expect(description.length, 'a Blockcerts summary is kept to a sentence').toBeLessThanOrEqual(300);
    }
  });
});

describe.skipIf(!realWorldPresent)('Blockcerts display, as real issuers wrote it', () => {
  const json = (file: string): Record<string, unknown> => JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Record<string, unknown>;
  const text = (bytes: Uint8Array | undefined): string => new TextDecoder().decode(bytes);

  it('keeps the display HTML, as written, for the renderer to sanitise and show', async () => {
    const { credential } = await read('hyland-v3-xlabs-participation-did-ion.json');
    const display = json('hyland-v3-xlabs-participation-did-ion.json').display as { content: string };
    expect(credential.image?.mediaType).toBe('text/html');
    expect(text(credential.image?.bytes)).toBe(display.content);
    expect(credential.recipient?.name, 'the subject name is the recipient, not the title').toBe('STUDENTS NAME');
    expect(credential.description, 'the summary is the display text after the title, cut to a sentence').toMatch(/^Has been an active part of the 2021 xLabs project/);
  });

  it("keeps a v2 certificate's badge image as its picture, and nothing of a hostile displayHtml in what it shows", async () => {
    const { credential } = await read('learningmachine-v2-xss-display.json');
    const badge = json('learningmachine-v2-xss-display.json').badge as { image: string; description: string };
    expect(credential.image?.mediaType).toBe('image/png');
    expect(Buffer.from(credential.image?.bytes ?? new Uint8Array()).equals(Buffer.from(badge.image.split(',')[1] ?? '', 'base64'))).toBe(true);
    expect(credential.description).toBe(badge.description);
    expect(JSON.stringify({ ...credential, original: undefined, image: undefined })).not.toMatch(/<script|alert|javascript:/);
  });

  it('takes an image display as the picture, decoded from base64', async () => {
    const { credential } = await read('blockcerts-v3-display-png.json');
    const display = json('blockcerts-v3-display-png.json').display as { content: string };
    expect(credential.image?.mediaType).toBe('image/png');
    expect(Buffer.from(credential.image?.bytes ?? new Uint8Array()).equals(Buffer.from(display.content, 'base64'))).toBe(true);
  });
});

describe.skipIf(!realWorldPresent)("Europass names in the user's language, as the EDC platform wrote them", () => {
  const issuerIn = async (file: string, language: string): Promise<string | undefined> => (await read(file, new Intake(defaultIntakeLimits, { language }))).credential.issuer.name;

  it("takes the awarding body from legalName in the user's language, else English, else the first", async () => {
    // As the file has it: the EDC platform's test data double-encoded its é.
    expect(await issuerIn('europass-elm3-jamk-sample.jsonld', 'fr')).toBe('un nom lÃ©gal');
    expect(await issuerIn('europass-elm3-jamk-sample.jsonld', 'de')).toBe('some legal name');
    expect(await issuerIn('europass-elm2-la-modiste.xml', 'de')).toBe('ANTHONY FISHER CAMILLERI S.P.');
  });
});
