import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Intake } from '../../electron/intake/intake';
import { expectedFormat, manifestRows, sharedFixturesDir, sharedFixturesPresent, sharedFixturesSkipReason } from '../support/sharedFixtures';

/**
 * Rows the corpus calls malformed that intake deliberately accepts, because what is wrong
 * can only be judged by verification (which reports them as malformed) or needs the network.
 * Kept in step with docs/conformance.md.
 */
const acceptedAtIntake: Readonly<Record<string, string>> = {
  'ob2/1edtech-validator/assertion-with-extension-node-invalid.json': 'the extension schema must be fetched online',
  'ob3/1edtech-validator/simple-multiple-proofs.json': 'the eddsa proof is sound; verification reports the unknown proof type',
  'blockcerts/cert-verifier-js/v3/mocknet-vc-v2-invalid-date-format.json': 'the date format of proof.created is a verification check',
  'ob3/1edtech-validator/velocity.jwt': 'a Velocity credential is an OB 3.0 credential; its extension context is a verification matter',
};

/** Rows whose stated format we believe the corpus got wrong (see docs/conformance.md). */
const notACredential: Readonly<Record<string, string>> = {
  'blockcerts/cert-schema/3.0-beta-exampleCredential.json': 'the file is a JSON-LD @context document with no credential in it',
};

if (!sharedFixturesPresent) console.log(`intake conformance ${sharedFixturesSkipReason}`);

describe.skipIf(!sharedFixturesPresent)('intake over the real-world corpus (../shared/fixtures)', () => {
  const intake = new Intake();
  const rows = manifestRows();

  it.each(rows.map((row) => [row.file, row] as const))('%s', async (_file, row) => {
    const bytes = readFileSync(path.join(sharedFixturesDir, row.file));
    const outcomes = await intake.inspect({ name: row.file, bytes });
    expect(outcomes.length).toBeGreaterThan(0);
    const format = expectedFormat(row.format);

    if (row.expected === 'malformed' && !(row.file in acceptedAtIntake)) {
      // A clear refusal, or (for a plain image) a self-reported entry saying nothing is signed.
      const first = outcomes[0];
      if (first?.outcome === 'recognised') {
        expect(first.credential.format, 'only an image without a baked badge becomes a certificate').toBe('certificate');
        expect(first.credential.selfReported).toBe(true);
        expect(first.credential.notes.join(' ')).toMatch(/no signed credential/);
      } else {
        expect(first?.reason.length).toBeGreaterThan(10);
      }
      return;
    }
    if (row.file in notACredential) {
      expect(outcomes.map((o) => o.outcome)).toEqual(['not-a-credential']);
      return;
    }
    const formats = outcomes.map((o) => (o.outcome === 'recognised' ? o.credential.format : o.outcome === 'offer-found' ? undefined : o.format));
    expect(formats, JSON.stringify(outcomes.map((o) => (o.outcome === 'recognised' ? o.credential.name : o.reason)))).toContain(format);
    expect(outcomes.filter((o) => o.outcome === 'malformed')).toEqual([]);
  });
});
