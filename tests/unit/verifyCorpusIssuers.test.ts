// `badgefolio verify --json` gives `issuer: {id, name}` on every result, over the whole shared
// corpus (../shared/fixtures) read offline with the documents its source suites served
// (corpusDocuments) and the Blockcerts issuer profiles given beside the certificates. The
// expected issuer name is read here independently, straight from each file's JSON and the
// documents it points to, so no result may lack an issuer name where the credential, or the
// issuer document it links to, names one (Europass `legalName` included).
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeVerifyCommand, type VerifyResult } from '../../electron/cli/commands/verify';
import { manifestRows, sharedFixturesDir, sharedFixturesPresent, sharedFixturesSkipReason } from '../support/sharedFixtures';
import { corpusDocuments } from './verify/corpusDocuments';

type Json = Record<string, unknown>;
const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

if (!sharedFixturesPresent) console.log(`verify --json issuers over the corpus ${sharedFixturesSkipReason}`);

/** A name as JSON-LD writes one: a string, a language map ({"en": ...}), a value object, or a list of them. */
function nameIn(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  if (Array.isArray(value)) return value.map(nameIn).find((name) => name !== undefined);
  if (!isRecord(value)) return undefined;
  return (
    nameIn(value['@value']) ??
    nameIn(value.en) ??
    Object.values(value)
      .map(nameIn)
      .find((name) => name !== undefined)
  );
}

/** The credential a file's JSON carries: a VC-JWT's `vc` claim, a JAdES seal's payload, or the JSON itself. */
function credentialJson(file: string): Json | undefined {
  const text = readFileSync(file, 'utf8').trim();
  try {
    if (/^[\w-]+\.[\w-]+\.[\w-]*$/.test(text)) {
      const claims = JSON.parse(Buffer.from(text.split('.')[1] ?? '', 'base64url').toString('utf8')) as unknown;
      return isRecord(claims) ? (isRecord(claims.vc) ? claims.vc : claims) : undefined;
    }
    const json = JSON.parse(text) as unknown;
    if (isRecord(json) && typeof json.payload === 'string' && Array.isArray(json.signatures)) {
      const inner = JSON.parse(json.payload) as unknown;
      return isRecord(inner) ? inner : undefined;
    }
    return isRecord(json) ? json : undefined;
  } catch {
    return undefined;
  }
}

describe.skipIf(!sharedFixturesPresent)('verify --json: the issuer of every corpus credential', () => {
  it('names the issuer wherever the credential or the issuer document beside it does', { timeout: 120_000 }, async () => {
    const documents = corpusDocuments();
    const resolve = (url: string): Json | undefined => {
      const found = documents.lookup(url);
      if (!found) return undefined;
      try {
        const json = JSON.parse(found.body) as unknown;
        return isRecord(json) ? json : undefined;
      } catch {
        return undefined;
      }
    };
    const issuerName = (issuer: unknown): string | undefined => {
      const record = typeof issuer === 'string' ? resolve(issuer) : issuer;
      if (!isRecord(record)) return undefined;
      const own = nameIn(record.name) ?? nameIn(record.legalName);
      if (own !== undefined) return own;
      return typeof record.id === 'string' && typeof issuer !== 'string' ? issuerName(record.id) : undefined;
    };
    /** Independently of Badgefolio's readers: the issuer name a credential (or what it links to) states. */
    const statedIssuer = (json: Json): string | undefined => {
      const badge = typeof json.badge === 'string' ? resolve(json.badge) : json.badge;
      const v1 = isRecord(json.document) ? json.document : json;
      const certificate = isRecord(v1.certificate) ? v1.certificate : undefined;
      return issuerName(json.issuer) ?? (isRecord(badge) ? issuerName(badge.issuer) : undefined) ?? issuerName(certificate?.issuer);
    };

    // The map as a file, for the command line: every address the corpus documents answer for.
    const work = mkdtempSync(path.join(os.tmpdir(), 'badgefolio-corpus-issuers-'));
    const map = Object.fromEntries(
      documents.keys().flatMap((key) => {
        const file = documents.lookup(key)?.file;
        return file ? [[key, file]] : [];
      }),
    );
    writeFileSync(path.join(work, 'map.json'), JSON.stringify(map));
    const supportDir = path.join(sharedFixturesDir, 'blockcerts/cert-verifier-js/support');
    const profiles = readdirSync(supportDir)
      .filter((name) => name.startsWith('issuer-'))
      .map((name) => path.join(supportDir, name));
    const files = manifestRows().map((row) => path.join(sharedFixturesDir, row.file));

    let out = '';
    const code = await makeVerifyCommand().run([...new Set(files), ...profiles, '--offline', '--json', '--documents', path.join(work, 'map.json')], {
      stdout: (text) => (out += text),
      stderr: () => undefined,
      env: {},
      cwd: work,
      interactive: false,
    });
    expect(code).toBe(1);
    const results = JSON.parse(out) as VerifyResult[];
    for (const result of results) expect(result).toHaveProperty('issuer');

    // Issuer profiles given beside certificates are not read as certificates.
    for (const profile of profiles) {
      const result = results.find((r) => r.file === profile);
      expect(result?.status, profile).toBe('not-a-credential');
      expect(result?.summary, profile).toContain('Not a credential: This is a Blockcerts issuer profile: it describes an issuer, it is not a certificate.');
    }

    const missing: string[] = [];
    let checked = 0;
    for (const file of new Set(files)) {
      const json = /\.(json|jsonld|jwt|jws)$/.test(file) ? credentialJson(file) : undefined;
      const types = json ? [json.type, json['@type']].flat() : [];
      // A presentation's results are its credentials: each is checked where it is a file of its own.
      if (!json || types.includes('VerifiablePresentation')) continue;
      const stated = statedIssuer(json);
      const mine = results.filter((r) => r.file === file && r.id !== '');
      if (stated === undefined || mine.length === 0) continue;
      checked++;
      for (const result of mine) {
        if (!result.issuer.name) missing.push(`${path.relative(sharedFixturesDir, file)}: the file names "${stated}", the result no issuer name`);
      }
    }
    expect(missing).toEqual([]);
    // Not vacuous: most of the corpus names its issuer (OB 2.0 through its BadgeClass, Blockcerts through the profile).
    expect(checked).toBeGreaterThan(150);

    // Every credential that links to its issuer by address alone got its name from that document.
    const hosted = results.find((r) => r.file.endsWith('ob2/1edtech-validator/basic-assertion.json'));
    expect(hosted?.issuer.name).toBeTruthy();
    const xml = results.find((r) => r.file.endsWith('europass/elm/EDC_DiplomaSupplement_AA.xml'));
    expect(xml?.issuer.name).toBe('JAMK University of Applied Sciences');
    const blockcerts = results.find((r) => r.file.endsWith('blockcerts/cert-verifier-js/v3/mocknet-vc-v2-data-integrity-proof.json'));
    expect(blockcerts?.issuer).toEqual({ id: 'https://www.blockcerts.org/samples/3.0/issuer-blockcerts.json', name: 'Blockcerts Organization' });
  });

  it('reads the two untitled Blockcerts v3 certificates as untitled, never as "Blockchain certificate"', async () => {
    const files = ['blockcerts/cert-verifier-js/v3/blockcerts-3.0-alpha.json', 'blockcerts/cert-verifier-js/v3/ecdsa-sd-2023-derived-credential.json'].map((file) =>
      path.join(sharedFixturesDir, file),
    );
    let out = '';
    await makeVerifyCommand().run([...files, '--offline', '--json'], {
      stdout: (text) => (out += text),
      stderr: () => undefined,
      env: {},
      cwd: sharedFixturesDir,
      interactive: false,
    });
    const results = JSON.parse(out) as VerifyResult[];
    expect(results.map((r) => [r.format, r.name])).toEqual([
      ['blockcerts', null],
      ['blockcerts', null],
    ]);
  });
});
