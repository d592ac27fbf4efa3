import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IntakeOutcome } from '../../../shared/credential/intakeOutcome';
import { Intake, type IntakeFile } from '../../../electron/intake/intake';
import { IntakePool } from '../../../electron/intake/intakePool';
import { defaultIntakeLimits } from '../../../electron/intake/limits';
import {
  bakePngItxt,
  bakePngLegacyText,
  bakePngZtxt,
  bakeSvg,
  generateEd25519Issuer,
  makeBadgePng,
  makeBadgeSvg,
  makeClrCredential,
  makeDeeplyNestedZip,
  makeIssuerProfile,
  makeOb2Assertion,
  makeOb3Credential,
  makeZip,
  makeZipBomb,
  seededBytes,
  signDataIntegrity,
  signVcJwt,
} from '../../support/credentials';
import { sharedFixturesDir, sharedFixturesPresent, sharedFixturesSkipReason } from '../../support/sharedFixtures';

if (!sharedFixturesPresent) console.log(`intake pool corpus test ${sharedFixturesSkipReason}`);
import { certificateScan, encodeJpeg, qrPng, verifyUrl } from '../certificate/inputs';

const projectRoot = path.resolve(import.meta.dirname, '../../..');
const encoder = new TextEncoder();
const intake = new Intake();

/** Outcomes as plain data (bytes as hex), so that in-thread and pooled answers compare exactly. */
function plain(value: unknown): unknown {
  if (value instanceof Uint8Array) return `bytes:${Buffer.from(value).toString('hex')}`;
  if (Array.isArray(value)) return value.map(plain);
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, plain(v)]),
    );
  return value;
}

function badgePng(index: number, size = 3_000): Uint8Array {
  const { assertion } = makeOb2Assertion({
    assertionId: `https://badges.example.org/assertions/pool-${String(index)}.json`,
    badgeName: `Pool badge ${String(index)}`,
    recipientEmail: `learner${String(index)}@example.com`,
  });
  return bakePngItxt(makeBadgePng(size, index + 1), 'openbadges', JSON.stringify(assertion));
}

/** Every kind of file intake reads, good and bad, made by independent libraries. */
async function mixedFiles(): Promise<IntakeFile[]> {
  const issuer = await generateEd25519Issuer(seededBytes(32, 41));
  const profile = makeIssuerProfile({ id: issuer.did, name: 'Harbour Academy' });
  const ob3 = await signDataIntegrity(makeOb3Credential({ issuer: profile, id: 'urn:uuid:pool-ob3', achievementName: 'Welding', validFrom: '2024-01-01T00:00:00Z' }), issuer);
  const jwt = await signVcJwt(makeOb3Credential({ issuer: profile, id: 'urn:uuid:pool-jwt', achievementName: 'Cloud basics' }), issuer);
  const clr = await makeClrCredential({ issuer, courseNames: ['Statistics', 'Machine learning'] });
  const { assertion } = makeOb2Assertion({ badgeName: 'Zipped badge' });
  const png = badgePng(0);
  const pdf = await PDFDocument.create();
  pdf.addPage();
  await pdf.attach(encoder.encode(JSON.stringify(ob3)), 'welding.json', { mimeType: 'application/json' });
  // A file that is a view into a larger buffer, as Node's pooled reads and zip members are.
  const framed = new Uint8Array(png.length + 64);
  framed.set(png, 32);
  const brokenCrc = png.slice();
  // Byte 100 lies in the baked text, after the iTXt chunk's keyword.
  brokenCrc[100] = (brokenCrc[100] ?? 0) ^ 0x01;
  const invalidUtf8 = Uint8Array.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0xff, 0xfe, 0x7d]);
  return [
    { name: 'ob2.png', bytes: png },
    { name: 'ob3-baked.png', bytes: bakePngItxt(makeBadgePng(2_000, 3), 'openbadgecredential', JSON.stringify(ob3)) },
    { name: 'legacy.png', bytes: bakePngLegacyText(makeBadgePng(2_000, 4), 'https://backpack.example.org/assertions/42') },
    { name: 'compressed.png', bytes: bakePngZtxt(makeBadgePng(2_000, 5), 'openbadges', JSON.stringify(assertion)) },
    { name: 'badge.svg', bytes: encoder.encode(bakeSvg(makeBadgeSvg({ title: 'Cloud' }), 'ob3', { jws: jwt })) },
    { name: 'welding.json', bytes: encoder.encode(JSON.stringify(ob3, null, 2)) },
    { name: 'cloud.jwt', bytes: encoder.encode(jwt) },
    { name: 'transcript.json', bytes: encoder.encode(JSON.stringify(clr.credential)) },
    {
      name: 'export.zip',
      bytes: makeZip([
        { name: 'a/badge.png', bytes: png },
        { name: 'b.json', bytes: JSON.stringify(assertion) },
        { name: 'c.jwt', bytes: jwt },
      ]),
    },
    {
      name: 'stored.zip',
      bytes: makeZip(
        [
          { name: 'badge.png', bytes: png },
          { name: 'welding.json', bytes: JSON.stringify(ob3) },
        ],
        { level: 0 },
      ),
    },
    { name: 'certificate.pdf', bytes: await pdf.save() },
    { name: 'qr.png', bytes: await qrPng('https://verify.example.edu/badges/123') },
    { name: 'framed.png', bytes: framed.subarray(32, 32 + png.length) },
    // Bad inputs: each must get its own specific outcome, exactly as in this thread.
    { name: 'empty.json', bytes: new Uint8Array(0) },
    { name: 'cut.png', bytes: png.subarray(0, png.length - 100) },
    { name: 'crc.png', bytes: brokenCrc },
    { name: 'bomb.zip', bytes: makeZipBomb(defaultIntakeLimits.maxInflatedBytes * 2) },
    { name: 'deep.zip', bytes: makeDeeplyNestedZip(defaultIntakeLimits.maxNestingDepth + 2) },
    { name: 'deep.json', bytes: encoder.encode('['.repeat(100_000)) },
    { name: 'latin1.json', bytes: invalidUtf8 },
    { name: 'notes.txt', bytes: encoder.encode('Remember to renew the first-aid certificate.') },
    { name: 'data.json', bytes: encoder.encode('{"temperature": 21.5}') },
    { name: 'random.bin', bytes: seededBytes(5_000, 3) },
    { name: 'half.jwt', bytes: encoder.encode('eyJhbGciOiJFZERTQSJ9.eyJpc3MiOiJkaWQ6ZXhhbXBsZSJ9') },
  ];
}

describe('intake pool: the same outcomes as Intake, on both cores', () => {
  let pool: IntakePool;
  let files: IntakeFile[];

  beforeAll(async () => {
    pool = new IntakePool({ size: 2 });
    files = await mixedFiles();
  }, 60_000);
  afterAll(async () => {
    await pool.close();
  });

  it('answers every generated good and bad file exactly as the single-threaded Intake', async () => {
    expect(pool.threads).toBe(2);
    const before = files.map((f) => f.bytes.slice());
    const pooled = await pool.inspectAll(files);
    for (const [i, file] of files.entries()) {
      expect(plain(pooled[i] ?? []), file.name).toEqual(plain(await intake.inspect(file)));
    }
    // Every bad input got a specific reason, not the catch-all one.
    const reasons = new Map(files.map((f, i) => [f.name, pooled[i]?.[0]]));
    expect(reasons.get('crc.png')).toMatchObject({ outcome: 'malformed', reason: expect.stringMatching(/checksum/) as unknown });
    expect(reasons.get('bomb.zip')?.outcome).toBe('malformed');
    expect(reasons.get('transcript.json')?.outcome).toBe('recognised');
    expect(pooled[files.findIndex((f) => f.name === 'transcript.json')]?.length).toBeGreaterThan(2);
    // The caller's bytes are untouched, and the outcomes carry the very arrays handed in.
    files.forEach((file, i) => {
      expect(Buffer.from(file.bytes).equals(Buffer.from(before[i] ?? []))).toBe(true);
    });
    const ob2 = pooled[0]?.[0];
    if (ob2?.outcome !== 'recognised') throw new Error('ob2.png was not recognised');
    expect(ob2.credential.original.bytes).toBe(files[0]?.bytes);
    expect(ob2.credential.image?.bytes).toBe(files[0]?.bytes);
    expect(pool.threads).toBe(2);
  });

  it("carries the wish to keep a picture, or an archive's pictures, as certificates to the worker", async () => {
    const logo = { name: 'logo.png', bytes: makeBadgePng(2_000, 5) };
    const archive = { name: 'export.zip', bytes: makeZip([{ name: 'inner/logo.png', bytes: logo.bytes }]) };
    const asked = [logo, { ...logo, keepAsCertificate: true }, { ...archive, keepEntries: ['export.zip › inner/logo.png'] }];
    const pooled = await pool.inspectAll(asked);
    for (const [i, file] of asked.entries()) expect(plain(pooled[i] ?? []), file.name).toEqual(plain(await intake.inspect(file)));
    expect(pooled.map((outcomes) => outcomes.map((o) => (o.outcome === 'recognised' ? o.credential.selfReported : o.outcome)))).toEqual([['not-a-credential'], [true], [true]]);
  });

  it('keeps one outcome list per file, in order, over a folder-sized batch', async () => {
    const many = Array.from({ length: 300 }, (_, i) => ({ name: `badge-${String(i)}.png`, bytes: badgePng(i % 40, 1_500) }));
    const pooled = await pool.inspectAll(many);
    expect(pooled).toHaveLength(300);
    pooled.forEach((outcomes, i) => {
      expect(outcomes.map((o) => o.outcome)).toEqual(['recognised']);
      const [first] = outcomes;
      if (first?.outcome !== 'recognised') return;
      expect(first.file).toBe(`badge-${String(i)}.png`);
      expect(first.credential.name).toBe(`Pool badge ${String(i % 40)}`);
      expect(first.credential.original.bytes).toBe(many[i]?.bytes);
    });
  });

  it.skipIf(!sharedFixturesPresent)(
    'reads the real-world corpus (../shared/fixtures) exactly as Intake does',
    async () => {
      const corpus = readdirSync(sharedFixturesDir, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile() && entry.name !== 'MANIFEST.tsv')
        .map((entry) => {
          const file = path.join(entry.parentPath, entry.name);
          return { name: path.relative(sharedFixturesDir, file), bytes: readFileSync(file) };
        });
      expect(corpus.length).toBeGreaterThan(10);
      const pooled = await pool.inspectAll(corpus);
      for (const [i, file] of corpus.entries()) {
        expect(plain(pooled[i] ?? []), file.name).toEqual(plain(await intake.inspect(file)));
      }
    },
    120_000,
  );
});

describe('intake pool: a bad file cannot stall the batch', () => {
  const good = Array.from({ length: 24 }, (_, i) => ({ name: `good-${String(i)}.png`, bytes: badgePng(i) }));

  async function expectGoodRead(outcomes: readonly IntakeOutcome[][], offset: number): Promise<void> {
    for (const [i, file] of good.entries()) {
      expect(plain(outcomes[offset + i] ?? []), file.name).toEqual(plain(await intake.inspect(file)));
    }
  }

  it('gives a file that takes too long its own outcome, replaces the worker and reads the rest', async () => {
    // A worker that never answers for one file (tests/support/stallingIntakeWorker.ts): too
    // long on any machine, however fast, so only the pool's limit is under test.
    const slow = { name: 'stalls.json', bytes: encoder.encode('{}') };
    const pool = new IntakePool({ size: 2, fileTimeoutMs: 250, worker: { sources: new URL('../../support/stallingIntakeWorker.ts', import.meta.url), built: [] } });
    try {
      const outcomes = await pool.inspectAll([...good.slice(0, 12), slow, ...good.slice(12)]);
      expect(outcomes[12]).toEqual([
        {
          outcome: 'malformed',
          file: 'stalls.json',
          reason: 'Reading this file took longer than 250 ms, so it was stopped.',
          reasonMessage: { key: 'damaged.tooSlow', params: { time: '250 ms' } },
        },
      ]);
      await expectGoodRead([...outcomes.slice(0, 12), ...outcomes.slice(13)], 0);
      expect(pool.threads).toBe(2);
      // The replacement worker reads on.
      expect((await pool.inspect(good[0] ?? slow)).map((o) => o.outcome)).toEqual(['recognised']);
    } finally {
      await pool.close();
    }
  }, 90_000);

  it('gives a file that stops its worker (out of memory) its own outcome and reads the rest', async () => {
    // 13 MB of JSON (under the 16 MB limit) that parses into ~900,000 objects: far more than
    // a 32 MB worker heap holds. The worker dies; the pool carries on.
    const items = Array.from({ length: 300_000 }, (_, i) => ({ a: i, b: [i, i + 1], c: { d: 'x' } }));
    const hog = { name: 'hog.json', bytes: encoder.encode(JSON.stringify(items)) };
    expect(hog.bytes.length).toBeLessThan(defaultIntakeLimits.maxJsonBytes);
    const pool = new IntakePool({ size: 2, workerHeapMb: 32 });
    try {
      const outcomes = await pool.inspectAll([...good.slice(0, 5), hog, ...good.slice(5)]);
      expect(outcomes[5]).toEqual([
        { outcome: 'malformed', file: 'hog.json', reason: 'Reading this file needed more memory than allowed, so it was stopped.', reasonMessage: { key: 'damaged.outOfMemory' } },
      ]);
      await expectGoodRead([...outcomes.slice(0, 5), ...outcomes.slice(6)], 0);
      expect(pool.threads).toBe(2);
    } finally {
      await pool.close();
    }
  }, 90_000);
});

describe('intake pool: start and shut down', () => {
  it('refuses work once closed, refuses what was still waiting, and leaves no worker behind', async () => {
    const handles = (): number => process.getActiveResourcesInfo().filter((r) => r === 'MessagePort' || r === 'Worker').length;
    const before = handles();
    const pool = new IntakePool({ size: 2 });
    await pool.ready();
    expect(pool.threads).toBe(2);
    const waiting = pool.inspectAll(Array.from({ length: 40 }, (_, i) => ({ name: `b${String(i)}.png`, bytes: badgePng(i) })));
    const refused = expect(waiting).rejects.toThrow(/closed/);
    await pool.close();
    await refused;
    expect(pool.threads).toBe(0);
    await expect(pool.inspect({ name: 'late.png', bytes: badgePng(1) })).rejects.toThrow('The worker pool is closed.');
    await pool.close(); // twice is harmless
    expect(handles()).toBeLessThanOrEqual(before);
  });

  it('reads in this thread when no worker can start', async () => {
    const pool = new IntakePool({ size: 2, workerScript: new URL('./no-such-worker.js', import.meta.url) });
    try {
      const file = { name: 'ob2.png', bytes: badgePng(3) };
      expect(plain(await pool.inspect(file))).toEqual(plain(await intake.inspect(file)));
      expect(pool.threads).toBe(0);
    } finally {
      await pool.close();
    }
  });

  describe('in a process of its own', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'badgefolio-intake-pool-'));
    const inputs: string[] = [];

    beforeAll(() => {
      for (let i = 0; i < 6; i++) {
        const file = path.join(dir, `badge-${String(i)}.png`);
        writeFileSync(file, badgePng(i));
        inputs.push(file);
      }
      const empty = path.join(dir, 'empty.json');
      writeFileSync(empty, '');
      inputs.push(empty);
      const photo = path.join(dir, 'certificate.jpg');
      writeFileSync(photo, encodeJpeg(certificateScan(640, 480, verifyUrl, { grain: 10, scale: 4 }), 85));
      inputs.push(photo);
    });
    afterAll(() => {
      rmSync(dir, { recursive: true, force: true });
    });

    const expected = {
      threads: 2,
      outcomes: [
        ...Array.from({ length: 6 }, (_, i) => [`badge-${String(i)}.png: Pool badge ${String(i)}`]),
        ['empty.json: malformed'],
        [expect.stringMatching(/^certificate\.jpg: /)],
      ],
      sameBytes: true,
      links: [verifyUrl],
      jpegTurboWidths: [640],
    };

    function runProbe(args: readonly string[]): unknown {
      // No close() in the probe: the process must still end on its own once the work is done.
      const run = spawnSync(process.execPath, [...args, ...inputs], { cwd: projectRoot, encoding: 'utf8', timeout: 60_000 });
      expect(run.error).toBeUndefined();
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      return JSON.parse(run.stdout) as unknown;
    }

    it('runs from the TypeScript sources, and idle workers let the process end', () => {
      expect(runProbe(['--import', 'tsx', 'tests/unit/intake/poolProbe.ts'])).toEqual(expected);
    }, 90_000);

    it('runs from the electron-vite main bundle (intakeWorker.js beside it)', () => {
      // Node resolves the bundle's external packages through node_modules above it.
      const out = path.join(dir, 'bundle');
      mkdirSync(out);
      symlinkSync(path.join(projectRoot, 'node_modules'), path.join(out, 'node_modules'), 'dir');
      writeFileSync(path.join(out, 'package.json'), '{"type":"module"}');
      const build = spawnSync(
        process.execPath,
        [path.join(projectRoot, 'node_modules/electron-vite/bin/electron-vite.js'), 'build', '--config', 'tests/unit/intake/bundleProbe.config.ts'],
        { cwd: projectRoot, encoding: 'utf8', timeout: 120_000, env: { ...process.env, BADGEFOLIO_PROBE_OUT: path.join(out, 'main') } },
      );
      expect(build.status, build.stderr + build.stdout).toBe(0);
      expect(readdirSync(path.join(out, 'main'))).toEqual(expect.arrayContaining(['index.js', 'intakeWorker.js', 'poolProbe.js']));
      expect(runProbe([path.join(out, 'main/poolProbe.js')])).toEqual(expected);
    }, 150_000);
  });
});
