import { readFileSync, writeFileSync } from 'node:fs';
import { Intake } from '../../electron/intake/intake';
import type { NormalizedCredential } from '../../shared/credential/model';
import type { ScryptParams } from '../../electron/vault/vaultCrypto';
import { bakePngItxt, makeBadgePng, makeOb2Assertion, makeOb3Credential } from './credentials';

/** The weakest KDF the vault accepts: tests open wallets hundreds of times. */
export const testKdf: ScryptParams = { N: 2 ** 14, r: 8, p: 1 };

const intake = new Intake();

/** `count` distinct real credentials (baked OB 2.0 PNGs and OB 3.0 JSON), normalised by intake. */
export async function sampleCredentials(count: number, seed = 1): Promise<NormalizedCredential[]> {
  const credentials: NormalizedCredential[] = [];
  for (let i = 0; i < count; i++) {
    const n = seed * 100_000 + i;
    if (i % 2 === 0) {
      const { assertion } = makeOb2Assertion({
        assertionId: `https://badges.example.org/assertions/${String(n)}.json`,
        badgeName: `Badge ${String(n)} — Ελληνικά 数据`,
        issuedOn: new Date(Date.UTC(2024, 0, 1 + (i % 300))),
      });
      const png = bakePngItxt(makeBadgePng(1_500, (n % 5) + 1), 'openbadges', JSON.stringify(assertion));
      const [outcome] = await intake.inspect({ name: `badge-${String(n)}.png`, bytes: png });
      if (outcome?.outcome !== 'recognised') throw new Error('fixture not recognised');
      credentials.push(outcome.credential);
    } else {
      const credential = makeOb3Credential({
        issuer: 'did:example:issuer',
        id: `urn:uuid:00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
        achievementName: `Skill ${String(n)}`,
      });
      const [outcome] = await intake.inspect({ name: `skill-${String(n)}.json`, bytes: new TextEncoder().encode(JSON.stringify(credential)) });
      if (outcome?.outcome !== 'recognised') throw new Error('fixture not recognised');
      credentials.push(outcome.credential);
    }
  }
  return credentials;
}

/** Flips one bit of a stored file, as a failing disk might: the wallet check must notice. */
export function flipByte(file: string, at = 40): void {
  const bytes = readFileSync(file);
  bytes[at] = (bytes[at] ?? 0) ^ 0x01;
  writeFileSync(file, bytes);
}
