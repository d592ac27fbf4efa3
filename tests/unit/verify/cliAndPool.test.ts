import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyCommand, type VerifyResult } from '../../../electron/cli/commands/verify';
import { UsageError } from '../../../electron/cli/command';
import { createVerifier } from '../../../electron/verify/verifier';
import { VerifierPool } from '../../../electron/verify/workerPool';
import { generateEd25519Issuer, makeIssuerProfile, makeOb3Credential, seededBytes, signDataIntegrity, signVcJwt } from '../../support/credentials';
import { normaliseOne } from './helpers';

const dir = mkdtempSync(path.join(os.tmpdir(), 'badgefolio-verify-'));

async function runVerify(args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await verifyCommand.run(args, { stdout: (t) => (out += t), stderr: (t) => (out += t), env: {}, cwd: dir, interactive: false });
  return { code, out };
}

beforeAll(async () => {
  const issuer = await generateEd25519Issuer(seededBytes(32, 7));
  const base = { issuer: makeIssuerProfile({ id: issuer.did, name: 'Harbour Academy' }), validFrom: '2024-01-01T00:00:00Z' };
  writeFileSync(path.join(dir, 'good.json'), JSON.stringify(await signDataIntegrity(makeOb3Credential({ ...base, achievementName: 'Welding' }), issuer)));
  writeFileSync(path.join(dir, 'good.jwt'), await signVcJwt(makeOb3Credential(base), issuer));
  writeFileSync(path.join(dir, 'expired.json'), JSON.stringify(await signDataIntegrity(makeOb3Credential({ ...base, validUntil: '2024-06-01T00:00:00Z' }), issuer)));
  writeFileSync(path.join(dir, 'empty.json'), '');
  writeFileSync(path.join(dir, 'map.json'), JSON.stringify({ 'https://issuer.example/profile.json': 'good.json' }));
});

describe('badgefolio verify', () => {
  it('prints one JSON result per credential with the issue-named fields, exit 1 when not all verified', async () => {
    const { code, out } = await runVerify([
      'good.json',
      'good.jwt',
      'expired.json',
      'empty.json',
      '--json',
      '--offline',
      '--now',
      '2025-01-01T00:00:00Z',
      '--documents',
      'map.json',
    ]);
    const results = JSON.parse(out) as VerifyResult[];
    expect(results.map((r) => [path.basename(r.file), r.status])).toEqual([
      ['good.json', 'verified'],
      ['good.jwt', 'verified'],
      ['expired.json', 'expired'],
      ['empty.json', 'malformed'],
    ]);
    for (const result of results) expect(Object.keys(result)).toEqual(expect.arrayContaining(['file', 'format', 'id', 'name', 'status', 'checks']));
    expect(results[0]?.name).toBe('Welding');
    expect(code).toBe(1);
  });

  it('exits 0 when every credential verifies, and prints a readable report', async () => {
    const { code, out } = await runVerify(['good.json', '--offline', '--now', '2025-01-01T00:00:00Z']);
    expect(code).toBe(0);
    expect(out).toMatch(/verified/);
    expect(out).toMatch(/The signature matches the issuer's key/);
  });

  it('treats bad options as usage errors', async () => {
    await expect(runVerify([])).rejects.toBeInstanceOf(UsageError);
    await expect(runVerify(['good.json', '--now', 'tomorrow'])).rejects.toBeInstanceOf(UsageError);
    await expect(runVerify(['good.json', '--documents', 'missing.json'])).rejects.toBeInstanceOf(UsageError);
    await expect(runVerify(['good.json', '--bogus'])).rejects.toBeInstanceOf(UsageError);
  });
});

describe('worker pool (both cores, from TypeScript sources)', () => {
  let pool: VerifierPool;
  afterAll(async () => {
    await pool.close();
  });

  it('verifies in worker threads with the same verdicts as in-thread', async () => {
    const issuer = await generateEd25519Issuer(seededBytes(32, 9));
    const base = { issuer: makeIssuerProfile({ id: issuer.did }), validFrom: '2024-01-01T00:00:00Z' };
    const good = await normaliseOne(await signDataIntegrity(makeOb3Credential(base), issuer));
    const expired = await normaliseOne(await signDataIntegrity(makeOb3Credential({ ...base, validUntil: '2024-02-01T00:00:00Z' }), issuer));
    const jwt = await normaliseOne(await signVcJwt(makeOb3Credential(base), issuer));
    const credentials = [good, expired, jwt, good, expired, jwt];
    pool = new VerifierPool({ network: 'offline', now: '2025-01-01T00:00:00Z' }, { size: 2 });
    expect(pool.threads).toBe(2);
    const reports = await pool.verifyAll(credentials);
    const local = createVerifier({ network: 'offline', now: new Date('2025-01-01T00:00:00Z') });
    const expected = await Promise.all(credentials.map(async (c) => (await local.verify(c)).status));
    expect(reports.map((r) => r.status)).toEqual(expected);
    expect(expected).toEqual(['verified', 'expired', 'verified', 'verified', 'expired', 'verified']);
    expect(pool.threads).toBe(2);
  });
});
