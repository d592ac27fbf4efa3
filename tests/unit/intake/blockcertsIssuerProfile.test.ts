import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Intake } from '../../../electron/intake/intake';
import { blockcertsV3Certificate, certificateFile, issuerProfileUrl } from '../../support/blockcertsCertificates';
import { sharedFixturesDir, sharedFixturesPresent, sharedFixturesSkipReason } from '../../support/sharedFixtures';

/**
 * Blockcerts issuer profiles (v1's issuer document, v2's OB 2.0 `Profile` under the Blockcerts
 * context, v3's `BlockcertsIssuerProfile`) describe an issuer: they are what a certificate's
 * `issuer` address points to, never a certificate themselves, however many Blockcerts words they
 * carry (v3's is even signed). Certificates, and OB 2.0 profiles outside Blockcerts, read as before.
 */
const intake = new Intake();
const reason = 'This is a Blockcerts issuer profile: it describes an issuer, it is not a certificate.';

async function read(json: unknown) {
  const [outcome] = await intake.inspect({ name: 'document.json', bytes: new TextEncoder().encode(JSON.stringify(json)) });
  if (!outcome) throw new Error('no outcome');
  return outcome;
}

const koblitzKey = { id: 'ecdsa-koblitz-pubkey:mgdWjvq4RYAAP5goUNagTRMx7Xw534S5am', created: '2024-01-01T00:00:00Z' };

if (!sharedFixturesPresent) console.log(`Blockcerts issuer profiles of the corpus ${sharedFixturesSkipReason}`);

describe('Blockcerts issuer profiles', () => {
  it.each([
    [
      'v3',
      {
        '@context': ['https://www.w3.org/ns/credentials/v2', 'https://w3id.org/blockcerts/v3.2'],
        type: ['BlockcertsIssuerProfile'],
        id: issuerProfileUrl,
        name: 'Example University',
        publicKey: [koblitzKey],
        proof: { type: 'DataIntegrityProof' },
      },
    ],
    [
      'v2',
      {
        '@context': ['https://w3id.org/openbadges/v2', 'https://w3id.org/blockcerts/v2'],
        type: 'Profile',
        id: issuerProfileUrl,
        name: 'Example University',
        publicKey: [koblitzKey],
      },
    ],
    [
      'v2-alpha',
      {
        '@context': ['https://openbadgespec.org/v2/context.json'],
        type: 'Profile',
        id: issuerProfileUrl,
        name: 'Example University',
        publicKeys: [{ publicKey: koblitzKey.id, created: koblitzKey.created }],
      },
    ],
    [
      'v1',
      { id: issuerProfileUrl, name: 'Example University', url: 'https://example-university.edu', issuerKeys: [{ date: '2016-08-28', key: 'msBCHdwaQ7N2ypBYupkp6uNxtr9Pg76imj' }] },
    ],
  ])('a %s profile is not a credential, and says why', async (_version, profile) => {
    expect(await read(profile)).toMatchObject({ outcome: 'not-a-credential', format: 'blockcerts', reason });
  });

  it('a certificate is still a certificate, and an OB 2.0 issuer profile outside Blockcerts is still named as an Open Badges one', async () => {
    expect(await read(blockcertsV3Certificate())).toMatchObject({ outcome: 'recognised', credential: { format: 'blockcerts' } });
    const ob2Profile = await read({ '@context': 'https://w3id.org/openbadges/v2', type: 'Profile', id: 'https://badges.example.org/issuer.json', name: 'Example Academy' });
    expect(ob2Profile).toMatchObject({ outcome: 'not-a-credential', reason: 'This is an Open Badges issuer profile, not a badge.' });
  });

  it('a certificate that names itself nowhere is untitled, not "Blockchain certificate"', async () => {
    const [outcome] = await intake.inspect({ name: 'certificate.json', bytes: certificateFile(blockcertsV3Certificate()) });
    expect(outcome?.outcome === 'recognised' ? outcome.credential.name : undefined).toBe('');
  });

  it.skipIf(!sharedFixturesPresent)("every issuer profile among the corpus's Blockcerts support files", async () => {
    const dir = path.join(sharedFixturesDir, 'blockcerts/cert-verifier-js/support');
    const profiles = readdirSync(dir).filter((name) => name.startsWith('issuer-'));
    expect(profiles.length).toBe(5);
    for (const name of profiles) {
      const [outcome] = await intake.inspect({ name, bytes: readFileSync(path.join(dir, name)) });
      expect(outcome, name).toMatchObject({ outcome: 'not-a-credential', reason });
    }
  });
});
