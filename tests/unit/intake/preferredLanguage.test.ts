import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inspectCommand } from '../../../electron/cli/commands/inspect';
import { WalletSession } from '../../../electron/core/walletSession';
import { Intake } from '../../../electron/intake/intake';
import { IntakePool } from '../../../electron/intake/intakePool';
import { defaultIntakeLimits } from '../../../electron/intake/limits';
import { RoutedIntake } from '../../../electron/intake/routedIntake';
import { environmentLanguage, languagesFor, preferredLanguages, withLanguages } from '../../../electron/intake/formats/preferredLanguage';
import { makeZip } from '../../support/credentials/archive';
import { testKdf } from '../../support/walletFixtures';

/**
 * Names a Europass credential gives in several languages are read in the user's language, an
 * intake option: set by the app from Settings › Language, by the CLI from LC_ALL / LANG, and
 * carried to the intake workers. The user's language first, then English (which Europass asks
 * every credential to carry), then the first one given.
 */

const german = 'Technische Hochschule Musterstadt';
const english = 'Musterstadt University of Applied Sciences';
const french = 'Université technique de Musterstadt';

/**
 * An ELM 3 European Digital Credential, unsealed, as the EDC platform writes them: the issuer
 * named by id only, the awarding body by `legalName`, a language map, with no `name`.
 */
function europass(legalName: Record<string, string>, id = 'urn:credential:5f2e1c2a-6a52-4d8e-9f0b-5e1f3c0b7a41'): Uint8Array {
  const body = { id: 'urn:epass:org:1', type: 'Organisation', legalName };
  const credential = {
    '@context': ['https://www.w3.org/2018/credentials/v1', 'http://data.europa.eu/snb/model/context/edc-ap'],
    id,
    type: ['VerifiableCredential', 'EuropeanDigitalCredential'],
    issuer: { id: 'urn:epass:org:1', type: 'Organisation' },
    issuanceDate: '2025-03-01T00:00:00Z',
    credentialSubject: {
      id: 'urn:epass:person:1',
      type: 'Person',
      fullName: 'Ada Example',
      hasClaim: [
        {
          id: 'urn:epass:learningAchievement:1',
          type: 'LearningAchievement',
          title: { de: 'Bachelor Informatik', en: 'Bachelor of Computer Science' },
          awardedBy: { id: 'urn:epass:awardingProcess:1', type: 'AwardingProcess', awardingBody: [body] },
        },
      ],
    },
  };
  return new TextEncoder().encode(JSON.stringify(credential));
}

const bothLanguages = { de: german, en: english };

async function issuerName(intake: { inspect: Intake['inspect'] }, bytes: Uint8Array, name = 'credential.jsonld'): Promise<string | undefined> {
  const [outcome] = await intake.inspect({ name, bytes });
  if (outcome?.outcome !== 'recognised') throw new Error(`not recognised: ${outcome?.reason ?? 'nothing'}`);
  expect(outcome.credential.format).toBe('europass-edc');
  return outcome.credential.issuer.name;
}

const read = (language: string | undefined, legalName: Record<string, string> = bothLanguages) => issuerName(new Intake(defaultIntakeLimits, { language }), europass(legalName));

describe("Europass names in the user's language (the intake option)", () => {
  it('names the awarding body in German when the option says de, in English when it says en', async () => {
    expect(await read('de')).toBe(german);
    expect(await read('de-AT')).toBe(german);
    expect(await read('en')).toBe(english);
    expect(await read('en-GB')).toBe(english);
  });

  it('otherwise in English, when the body gives it, else in the first language given', async () => {
    // No option, or a language the body does not write: English, which Europass asks for.
    expect(await read(undefined)).toBe(english);
    expect(await read('fr')).toBe(english);
    // Without English either: the first given, in the order the credential gives them.
    expect(await read(undefined, { de: german, fr: french })).toBe(german);
    expect(await read('it', { de: german, fr: french })).toBe(german);
    expect(await read('fr', { de: german, fr: french })).toBe(french);
  });

  it('keeps each intake to its own language, whatever the others read in between', async () => {
    const inGerman = new Intake(defaultIntakeLimits, { language: 'de' });
    const inEnglish = new Intake(defaultIntakeLimits, { language: 'en' });
    const names = await Promise.all([inGerman, inEnglish, inGerman, inEnglish].map((intake) => issuerName(intake, europass(bothLanguages))));
    expect(names).toEqual([german, english, german, english]);
    // The language is scoped to each read: nothing is left set after it.
    expect(preferredLanguages()).toEqual(['en']);
  });

  it('reads names in the language in baked and archived files too (a zip is read the same way inside)', async () => {
    const zip = makeZip([{ name: 'diploma.jsonld', bytes: europass(bothLanguages) }]);
    expect(await issuerName(new Intake(defaultIntakeLimits, { language: 'de' }), zip, 'diplomas.zip')).toBe(german);
  });

  it('refuses an option that is not a language tag', () => {
    expect(() => new Intake(defaultIntakeLimits, { language: 'français!' })).toThrow('"français!" is not a language tag.');
    expect(() => new IntakePool({ size: 1, language: 'C' })).toThrow(RangeError);
    expect(languagesFor('fr-CA')).toEqual(['fr', 'en']);
    expect(languagesFor('EN')).toEqual(['en']);
  });

  it('takes the scope only for a synchronous read', () => {
    expect(withLanguages(['de', 'en'], () => preferredLanguages())).toEqual(['de', 'en']);
    expect(() => withLanguages(['de', 'en'], () => Promise.resolve(1))).toThrow('withLanguages takes a synchronous read.');
    expect(preferredLanguages()).toEqual(['en']);
  });
});

describe("the CLI's language, from the environment", () => {
  it('reads LC_ALL, else LC_MESSAGES, else LANG, as POSIX does; C and POSIX name no language', () => {
    expect(environmentLanguage({ LANG: 'de_DE.UTF-8' })).toBe('de');
    expect(environmentLanguage({ LC_ALL: 'fr_CA.UTF-8', LANG: 'de_DE.UTF-8' })).toBe('fr');
    expect(environmentLanguage({ LC_ALL: '', LC_MESSAGES: 'sr_RS@latin', LANG: 'de_DE.UTF-8' })).toBe('sr');
    expect(environmentLanguage({ LANG: 'C.UTF-8' })).toBeUndefined();
    expect(environmentLanguage({ LC_ALL: 'POSIX', LANG: 'de_DE.UTF-8' })).toBeUndefined();
    expect(environmentLanguage({})).toBeUndefined();
  });

  it('badgefolio inspect names the awarding body in the language of LANG', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'badgefolio-language-cli-'));
    try {
      writeFileSync(path.join(folder, 'diploma.jsonld'), europass(bothLanguages));
      const run = async (env: NodeJS.ProcessEnv): Promise<unknown> => {
        let out = '';
        const io = { stdout: (text: string) => (out += text), stderr: () => undefined, env, cwd: folder, interactive: false };
        expect(await inspectCommand.run(['diploma.jsonld', '--json'], io)).toBe(0);
        return (JSON.parse(out) as { credential: { issuer: { name?: string } } }[])[0]?.credential.issuer.name;
      };
      expect(await run({ LANG: 'de_DE.UTF-8' })).toBe(german);
      expect(await run({ LANG: 'de_DE.UTF-8', LC_ALL: 'en_GB.UTF-8' })).toBe(english);
      expect(await run({ LANG: 'C' })).toBe(english);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('the intake workers and the routed intake', () => {
  const pools: IntakePool[] = [];
  afterAll(async () => {
    await Promise.all(pools.map((pool) => pool.close()));
  });

  it('gives the workers the language', async () => {
    const pool = new IntakePool({ size: 1, language: 'de' });
    pools.push(pool);
    expect(pool.threads).toBe(1);
    expect(await issuerName(pool, europass(bothLanguages))).toBe(german);
  });

  it('reads each file in the language chosen when it comes, on this thread and in the pool', async () => {
    let chosen = 'de';
    const routed = new RoutedIntake(defaultIntakeLimits, { language: () => chosen });
    // A zip is read in the pool (readsSlowly), plain credential text on this thread.
    const zip = makeZip([{ name: 'diploma.jsonld', bytes: europass(bothLanguages) }]);
    expect(await issuerName(routed, europass(bothLanguages))).toBe(german);
    expect(await issuerName(routed, zip, 'diplomas.zip')).toBe(german);
    chosen = 'en';
    expect(await issuerName(routed, europass(bothLanguages))).toBe(english);
    expect(await issuerName(routed, zip, 'diplomas.zip')).toBe(english);
    // A setting that names no language is none: English, and the import goes on.
    chosen = 'not a language';
    expect(await issuerName(routed, europass(bothLanguages))).toBe(english);
  }, 30_000);
});

describe("the app's language setting", () => {
  it('names what the wallet imports in the language saved in Settings, and follows a change', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'badgefolio-language-app-'));
    try {
      // As the app and the harness wire it: the setting read from the preferences store at each import.
      let language: 'de' | 'en' = 'de';
      const session = new WalletSession({ folder, keyProtector: () => Promise.resolve(null), kdf: testKdf, language: () => language });
      await session.create('river lamp 12 ocean', false);
      const [first] = await session.import([{ name: 'diploma.jsonld', bytes: europass(bothLanguages, 'urn:credential:first') }]);
      language = 'en';
      const [second] = await session.import([{ name: 'other.jsonld', bytes: europass(bothLanguages, 'urn:credential:second') }]);
      expect([first?.outcome, second?.outcome]).toEqual(['added', 'added']);
      const issuerOf = (id: string | undefined) => session.list().find((summary) => summary.id === id)?.issuerName;
      expect(issuerOf(first?.id)).toBe(german);
      expect(issuerOf(second?.id)).toBe(english);
      session.lock();
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
