// A Blockcerts certificate and its issuer profile (issue #16 §1, `domain`): a real Merkle-proof
// certificate (Learning Machine / Hyland, mainnet, from ../shared) names the key it was issued
// with; its issuer profile, served at its https address on the loopback internet, lists that key
// with the date it was created. Found there: the domain publishes the key. Given beside the
// certificate instead (anyone can make such a file), the key is checked but vouches for no
// domain. A profile made in the test that revokes or expires the key before the certificate was
// issued, or creates it after, makes the certificate not genuine, with the reason in plain words.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DocumentsBeside, withDocumentsBeside } from '../../../electron/core/documentsBeside';
import { Intake } from '../../../electron/intake/intake';
import { createVerifier } from '../../../electron/verify/verifier';
import type { NormalizedCredential } from '../../../shared/credential/model';
import { renderMessage } from '../../../shared/credential/verificationMessages';
import { LoopbackInternet } from '../../support/loopbackInternet';
import { sharedFixturesDir, sharedFixturesPresent } from '../../support/sharedFixtures';
import { corpusDocuments } from './corpusDocuments';

const dir = path.join(sharedFixturesDir, 'blockcerts/cert-verifier-js');
const profileUrl = 'https://blockcerts.learningmachine.com/issuer/5a4fe9931f607f0f3452a65e.json';
const certificateKey = 'ecdsa-koblitz-pubkey:1AwdUWQzJgfDDjeKtpPzMfYMHejFBrxZfo';

async function read(file: string): Promise<NormalizedCredential> {
  const [outcome] = await new Intake().inspect({ name: path.basename(file), bytes: readFileSync(path.join(dir, file)) });
  if (outcome?.outcome !== 'recognised') throw new Error(`${file} was not read`);
  return outcome.credential;
}

/** The real profile, with the certificate's key's dates changed as a test needs. */
function profileWith(dates: Record<string, string>): object {
  const profile = JSON.parse(readFileSync(path.join(dir, 'support/issuer-profile-mainnet-example.json'), 'utf8')) as { publicKey: { id: string }[] };
  return { ...profile, publicKey: profile.publicKey.map((key) => (key.id === certificateKey ? { ...key, ...dates } : key)) };
}

describe.skipIf(!sharedFixturesPresent)('a Blockcerts certificate and its issuer profile', () => {
  let net: LoopbackInternet;
  let certificate: NormalizedCredential;
  beforeAll(async () => {
    net = await LoopbackInternet.start();
    certificate = await read('v2/mainnet-valid-2.0.json');
  });
  afterAll(async () => {
    await net.close();
  });

  // The corpus's documents give the certificate's JSON-LD contexts; the profile comes from the loopback internet.
  const online = () => createVerifier({ network: 'allowed', documents: corpusDocuments(), registries: [], fetchOptions: { testNetwork: net.testNetwork } });

  it('fetched from its https address and listing the key: the key is published at that domain', async () => {
    net.serve(profileUrl, { body: JSON.parse(readFileSync(path.join(dir, 'support/issuer-profile-mainnet-example.json'), 'utf8')) as object });
    const report = await online().verify(certificate);
    const key = report.checks.find((c) => c.id === 'issuer-key');
    expect(key).toMatchObject({ outcome: 'passed', evidence: { url: profileUrl, origin: 'network', keyId: certificateKey } });
    // The blockchain record is still not looked up: not fully checked, but the issuer is known by its domain.
    expect(report.status).toBe('unverifiable');
    expect(report.issuerIdentity).toMatchObject({ level: 'domain', source: 'blockcerts.learningmachine.com' });
    expect(report.issuerIdentity?.sentence).toMatch(
      /^The issuer profile at blockcerts\.learningmachine\.com lists the key this certificate names: .* needs a blockchain lookup, which Badgefolio does not do\./,
    );
    const message = report.issuerIdentity?.message;
    if (!message) throw new Error('no message');
    expect(renderMessage(message, 'de')).toMatch(/^Das Ausstellerprofil unter blockcerts\.learningmachine\.com führt den Schlüssel/);
  });

  it('given beside the certificate: the key is checked, but a file anyone can make vouches for no domain', async () => {
    const beside = new DocumentsBeside();
    const [profile] = await new Intake().inspect({ name: 'profile.json', bytes: readFileSync(path.join(dir, 'support/issuer-profile-mainnet-example.json')) });
    if (!profile || !beside.add(profile)) throw new Error('the profile was not taken as a document');
    const report = await createVerifier({ network: 'offline', documents: withDocumentsBeside(corpusDocuments(), beside), registries: [] }).verify(certificate);
    expect(report.checks.find((c) => c.id === 'issuer-key')).toMatchObject({ outcome: 'passed', evidence: { origin: 'given' } });
    expect(report.issuerIdentity?.level).toBe('unconfirmed');
  });

  it.each([
    [
      { revoked: '2018-02-07T22:00:00+00:00' },
      'after its issuer had revoked the key it names (on 7 February 2018)',
      'nachdem der Aussteller den genannten Schlüssel widerrufen hatte',
    ],
    [{ expires: '2018-02-07T23:00:00+00:00' }, 'after the key it names had expired (on 7 February 2018)', 'nachdem der genannte Schlüssel abgelaufen war'],
    [{ created: '2018-03-01T00:00:00+00:00' }, 'before the key it names was created (on 1 March 2018)', 'bevor der genannte Schlüssel erzeugt wurde'],
  ])('issued outside its key’s dates (%o): not genuine, saying why', async (dates, english, german) => {
    net.serve(profileUrl, { body: profileWith(dates) });
    const report = await online().verify(certificate);
    const key = report.checks.find((c) => c.id === 'issuer-key');
    expect(report.status).toBe('invalid');
    expect(key?.outcome).toBe('failed');
    expect(key?.sentence).toBe(`The certificate was issued on 7 February 2018, ${english}: it is not genuine.`);
    if (!key?.message) throw new Error('no message');
    expect(renderMessage(key.message, 'de')).toContain(german);
    expect(report.issuerIdentity?.level).toBe('unconfirmed');
  });

  it('a profile that does not list the key ties nothing to the issuer', async () => {
    net.serve(profileUrl, { body: { ...profileWith({}), publicKey: [{ id: 'ecdsa-koblitz-pubkey:1OtherKeyOtherKeyOtherKeyOther', created: '2017-01-01T00:00:00Z' }] } });
    const report = await online().verify(certificate);
    expect(report.checks.find((c) => c.id === 'issuer-key')).toMatchObject({ outcome: 'skipped', implies: 'unverifiable' });
    expect(report.issuerIdentity?.level).toBe('unconfirmed');
  });
});
