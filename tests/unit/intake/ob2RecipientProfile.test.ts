import { describe, expect, it } from 'vitest';
import { bakePngItxt, makeBadgePng, makeOb2Assertion } from '../../support/credentials';
import { Intake } from '../../../electron/intake/intake';

/**
 * Badgr (now Canvas Credentials) hashes the earner's e-mail address and writes their name in
 * the recipientProfile extension of the assertion it bakes into the badge's PNG. That name is
 * who the badge is for, as the issuer wrote it: the wallet shows it beside the hashed address.
 */
const recipientProfile = (name: unknown) => ({
  '@context': 'https://openbadgespec.org/extensions/recipientProfile/context.json',
  type: ['Extension', 'extensions:RecipientProfile'],
  name,
});

async function recipientOf(assertion: object) {
  const bytes = bakePngItxt(makeBadgePng(2_000, 3), 'openbadges', JSON.stringify(assertion));
  const [outcome] = await new Intake().inspect({ name: 'badge.png', bytes });
  if (outcome?.outcome !== 'recognised') throw new Error(`not recognised: ${JSON.stringify(outcome)}`);
  return outcome.credential.recipient;
}

describe("an OB 2.0 badge's recipientProfile extension", () => {
  it('names the earner beside the hashed address', async () => {
    const { assertion } = makeOb2Assertion({ badgeName: 'Crypto Bunny', issuerName: 'Hacking-Lab' });
    const recipient = await recipientOf({ ...assertion, 'extensions:recipientProfile': recipientProfile('Ada Lovelace') });
    expect(recipient?.name).toBe('Ada Lovelace');
    expect(recipient?.identity).toBe((assertion.recipient as { identity: string }).identity);
  });

  it('names nobody when the extension has no text name', async () => {
    const { assertion } = makeOb2Assertion({ badgeName: 'Crypto Bunny', issuerName: 'Hacking-Lab' });
    expect((await recipientOf({ ...assertion, 'extensions:recipientProfile': recipientProfile({ first: 'Ada' }) }))?.name).toBeUndefined();
    expect((await recipientOf(assertion))?.name).toBeUndefined();
  });
});
