// Open Badges 3.0 names the class of each property's value; intake refuses a credential whose
// issuer is not a Profile, whose alignment is not an Alignment..., and says where, as the 1EdTech
// validator does. A value given without a type is accepted (a bare reference).
import { describe, expect, it } from 'vitest';
import { Intake } from '../../../electron/intake/intake';
import { makeIssuerProfile, makeOb3Credential } from '../../support/credentials';

const intake = new Intake();

async function reason(credential: unknown): Promise<string | undefined> {
  const [outcome] = await intake.inspect({ name: 'badge.json', bytes: new TextEncoder().encode(JSON.stringify(credential)) });
  return outcome?.outcome === 'malformed' ? outcome.reason : outcome?.outcome;
}

/** The parts of a badge these tests change. */
interface Badge {
  issuer: { type?: unknown };
  credentialSubject: { identifier?: unknown; achievement: { alignment?: unknown; creator?: unknown; identifier?: unknown } };
}

function badge(): Badge {
  const { proof: _proof, ...credential } = makeOb3Credential({ issuer: makeIssuerProfile({ id: 'https://college.example/issuer', name: 'Example College' }) });
  return JSON.parse(JSON.stringify(credential)) as Badge;
}

describe('OB 3.0 classes of values', () => {
  it('accepts a credential whose values have their classes, or no type at all', async () => {
    const typeless = badge();
    delete typeless.issuer.type;
    typeless.credentialSubject.achievement.alignment = [{ targetName: 'Numeracy', targetUrl: 'https://skills.example/numeracy' }];
    expect(await reason(badge())).toBe('recognised');
    expect(await reason(typeless)).toBe('recognised');
  });

  it('names the place of a value of the wrong class, down to its position in an array', async () => {
    const issuer = badge();
    issuer.issuer.type = ['Achievement'];
    expect(await reason(issuer)).toBe('"issuer" must be of type Profile, not Achievement.');

    const alignment = badge();
    alignment.credentialSubject.achievement.alignment = [
      { type: ['Alignment'], targetName: 'Numeracy', targetUrl: 'https://skills.example/numeracy' },
      { type: ['Profile'], targetName: 'Literacy', targetUrl: 'https://skills.example/literacy' },
    ];
    expect(await reason(alignment)).toBe('"credentialSubject.achievement.alignment[1]" must be of type Alignment, not Profile.');

    const creator = badge();
    creator.credentialSubject.achievement.creator = { id: 'https://college.example/issuer', type: ['Organization', 'Thing'] };
    expect(await reason(creator)).toBe('"credentialSubject.achievement.creator" must be of type Profile, not Organization, Thing.');
  });

  it('takes `identifier` as an IdentityObject on the subject only', async () => {
    const subject = badge();
    subject.credentialSubject.identifier = [{ type: 'Profile', identityHash: 'learner@example.org', identityType: 'emailAddress', hashed: false }];
    expect(await reason(subject)).toBe('"credentialSubject.identifier[0]" must be of type IdentityObject, not Profile.');

    const elsewhere = badge();
    elsewhere.credentialSubject.achievement.identifier = [{ type: 'Profile', identityHash: 'x', identityType: 'sourcedId', hashed: false }];
    expect(await reason(elsewhere)).toBe('recognised');
  });
});
