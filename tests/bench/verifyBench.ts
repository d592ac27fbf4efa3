import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import type { NormalizedCredential } from '../../shared/credential/model';
import { Intake } from '../../electron/intake/intake';
import { VerifierPool } from '../../electron/verify/workerPool';
import { generateEd25519Issuer, makeIssuerProfile, makeOb3Credential, offlineDocumentLoader, seededBytes, signDataIntegrity, signVcJwt } from '../support/credentials';
import { median, MemoryPeak, ratePerSecond, type Figure } from './measure';

/**
 * Issue "Verification": verify 500 distinct OB 3.0 eddsa-rdfc-2022 credentials offline at
 * ≥ 5× the throughput of @digitalcredentials/vc verifyCredential (its Data Integrity suite,
 * the factory's offline loader) on the same credentials in the same run, with identical
 * verdicts; VC-JWT at ≥ 3,000 credentials/s. Both cores: Badgefolio's worker pool.
 * Every tenth credential is tampered after signing, so "identical verdicts" means something.
 */
const cacheRoot = path.join(os.tmpdir(), 'badgefolio-bench');
const now = new Date('2025-06-01T00:00:00Z');

interface Workload {
  readonly dataIntegrity: Record<string, unknown>[];
  readonly jwts: string[];
}

async function workload(count: number, jwtCount: number): Promise<Workload> {
  const file = path.join(cacheRoot, `verify-v1-${String(count)}-${String(jwtCount)}.json`);
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as Workload;
  const issuers = await Promise.all(Array.from({ length: 5 }, (_, i) => generateEd25519Issuer(seededBytes(32, 100 + i))));
  const dataIntegrity: Record<string, unknown>[] = [];
  const jwts: string[] = [];
  for (let i = 0; i < Math.max(count, jwtCount); i++) {
    const issuer = issuers[i % issuers.length];
    if (!issuer) throw new Error('no issuer');
    const credential = makeOb3Credential({
      issuer: makeIssuerProfile({ id: issuer.did, name: `Institute ${String(i % issuers.length)}` }),
      idSeed: i + 1,
      achievementName: `Workshop ${String(i)}: Data analysis with Python`,
      recipient: { did: `did:example:learner-${String(i)}` },
      validFrom: '2024-03-01T00:00:00Z',
    });
    if (i < count) {
      const signed = (await signDataIntegrity(credential, issuer, 'eddsa-rdfc-2022', { date: '2024-03-01T00:00:00Z' })) as unknown as Record<string, unknown>;
      dataIntegrity.push(i % 10 === 9 ? { ...signed, name: 'Tampered after signing' } : signed);
    }
    if (i < jwtCount) jwts.push(await signVcJwt(credential, issuer));
  }
  mkdirSync(cacheRoot, { recursive: true });
  writeFileSync(file, JSON.stringify({ dataIntegrity, jwts }));
  return { dataIntegrity, jwts };
}

async function normalise(texts: readonly string[]): Promise<NormalizedCredential[]> {
  const intake = new Intake();
  const credentials: NormalizedCredential[] = [];
  for (const text of texts) {
    const [outcome] = await intake.inspect({ name: 'bench', bytes: new TextEncoder().encode(text) });
    if (outcome?.outcome !== 'recognised') throw new Error('intake did not recognise a benchmark credential');
    credentials.push(outcome.credential);
  }
  return credentials;
}

interface DccVc {
  verifyCredential(options: { credential: unknown; suite: unknown; documentLoader: unknown; now?: Date }): Promise<{ verified: boolean }>;
}

export async function verifyBench(quick: boolean): Promise<Figure[]> {
  const count = quick ? 50 : 500;
  const jwtCount = quick ? 200 : 2000;
  const runs = quick ? 1 : 5;
  const { dataIntegrity, jwts } = await workload(count, jwtCount);
  const diCredentials = await normalise(dataIntegrity.map((c) => JSON.stringify(c)));
  const jwtCredentials = await normalise(jwts);

  // The peer has no type declarations; a computed specifier keeps TypeScript from asking.
  const peerModule = '@digitalcredentials/vc';
  const dcc = (await import(peerModule)) as DccVc;
  const suite = new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 });
  const peerVerdicts: boolean[] = [];
  const peer = async (): Promise<void> => {
    peerVerdicts.length = 0;
    for (const credential of dataIntegrity) {
      const result = await dcc.verifyCredential({ credential, suite, documentLoader: offlineDocumentLoader, now });
      peerVerdicts.push(result.verified);
    }
  };

  const pool = new VerifierPool({ network: 'offline', now: now.toISOString() });
  await pool.ready();
  let ourVerdicts: boolean[] = [];
  const ours = async (): Promise<void> => {
    ourVerdicts = (await pool.verifyAll(diCredentials)).map((r) => r.status === 'verified');
  };
  const jwtOurs = async (): Promise<void> => {
    const reports = await pool.verifyAll(jwtCredentials);
    if (reports.some((r) => r.status !== 'verified')) throw new Error('a benchmark VC-JWT did not verify');
  };

  const memory = new MemoryPeak();
  let oursRates: number[];
  let peerRates: number[];
  let jwtRates: number[];
  try {
    oursRates = await ratePerSecond(count, runs, ours);
    peerRates = await ratePerSecond(count, quick ? 1 : 3, peer);
    jwtRates = await ratePerSecond(jwtCount, runs, jwtOurs);
  } finally {
    await pool.close();
  }
  const peak = memory.stop();
  const mismatches = ourVerdicts.filter((verdict, i) => verdict !== peerVerdicts[i]).length;
  if (mismatches > 0 || ourVerdicts.length !== count) throw new Error(`verdicts differ from @digitalcredentials/vc on ${String(mismatches)} credentials`);
  const valid = ourVerdicts.filter(Boolean).length;

  return [
    {
      suite: 'verify',
      name: `verify ${String(count)} OB 3.0 eddsa-rdfc-2022 credentials offline`,
      unit: 'credentials/s',
      median: median(oursRates),
      min: Math.min(...oursRates),
      max: Math.max(...oursRates),
      runs,
      better: 'higher',
      peer: { name: '@digitalcredentials/vc verifyCredential', median: median(peerRates), ratio: median(oursRates) / median(peerRates), ratioTarget: 5 },
      peakRssMb: peak,
      note: `worker pool over ${String(pool.threads || os.availableParallelism())} threads vs the peer in one thread; identical verdicts on all ${String(count)} (${String(valid)} verified, ${String(count - valid)} tampered)`,
    },
    {
      suite: 'verify',
      name: `verify ${String(jwtCount)} VC-JWT (EdDSA, did:key) offline`,
      unit: 'credentials/s',
      median: median(jwtRates),
      min: Math.min(...jwtRates),
      max: Math.max(...jwtRates),
      runs,
      better: 'higher',
      target: { value: 3000, text: '≥ 3,000 credentials/s' },
      peakRssMb: peak,
      note: 'signature, claims, dates and status (none) checked for each; worker pool over both cores',
    },
  ];
}
