// Who stands behind a Europass seal, offline (issue #16 §1, `trust-list`): the report names the
// organisation the sealing certificate names (its subject's O, and CN), and says the EU trust
// list was not consulted, so the level stays `unconfirmed`.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Intake } from '../../../electron/intake/intake';
import { judgeIssuerIdentity } from '../../../electron/verify/issuerIdentity';
import { createVerifier } from '../../../electron/verify/verifier';
import type { NormalizedCredential } from '../../../shared/credential/model';
import type { VerificationCheck } from '../../../shared/credential/verification';
import { sharedFixturesDir, sharedFixturesPresent } from '../../support/sharedFixtures';

function sealed(subject: string): VerificationCheck {
  return { id: 'signature', label: 'Seal signature', outcome: 'passed', sentence: 'The seal matches.', evidence: { algorithm: 'JAdES RS256', keyId: subject } };
}

const credential = (issuerName: string): NormalizedCredential => ({ issuer: { name: issuerName } }) as unknown as NormalizedCredential;

describe('a Europass seal, offline', () => {
  it('names the organisation of the sealing certificate and says the EU trust list was not consulted', () => {
    const identity = judgeIssuerIdentity({
      credential: credential('Acme, Inc. Academy'),
      status: 'verified',
      checks: [sealed('C=DE, O=Acme, Inc., organizationIdentifier=VATDE-123, CN=Acme Seal 2025, L=Berlin')],
      registries: [],
    });
    expect(identity.level).toBe('unconfirmed');
    expect(identity.sentence).toBe(
      "The seal's certificate names the organisation “Acme, Inc.” (“Acme Seal 2025”); the EU trust list was not consulted, so nothing confirms that certificate belongs to the issuer. The credential itself calls its issuer “Acme, Inc. Academy”.",
    );
    // No organisation in the subject: its common name; neither: the subject as written.
    expect(judgeIssuerIdentity({ credential: credential(''), status: 'verified', checks: [sealed('C=EE, CN=Seal One')], registries: [] }).sentence).toMatch(
      /^The seal's certificate names “Seal One”;/,
    );
    expect(judgeIssuerIdentity({ credential: credential(''), status: 'verified', checks: [sealed('serialNumber=42')], registries: [] }).sentence).toMatch(
      /^The seal's certificate names serialNumber=42;/,
    );
  });

  it.skipIf(!sharedFixturesPresent)('on a sealed Europass pilot credential', async () => {
    const file = 'europass/elm/Sample-CertOfPart-signed.jsonld';
    const [outcome] = await new Intake().inspect({ name: file, bytes: readFileSync(path.join(sharedFixturesDir, file)) });
    if (outcome?.outcome !== 'recognised') throw new Error(`${file} was not read`);
    const report = await createVerifier({ network: 'offline', now: new Date('2025-06-01T00:00:00Z') }).verify(outcome.credential);
    expect(report.issuerIdentity?.level).toBe('unconfirmed');
    expect(report.issuerIdentity?.sentence).toMatch(/^The seal's certificate names the organisation “ORGANIZACION TEST” \(“TEST SEAL”\); the EU trust list was not consulted/);
  });
});
