import { performance } from 'node:perf_hooks';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import { Intake } from '../../electron/intake/intake';
import { bakePngItxt, bakeSvg, makeBadgePng, makeBadgeSvg, makeOb2Assertion, makeOb3Credential, makeZip, seededUint32 } from '../support/credentials';
import { certificateScan, encodeJpeg, encodePng, qrPng, verifyUrl } from './certificate/inputs';

/** Seeded: the same seed replays the same mutations. */
function random(seed: number): () => number {
  const next = seededUint32(seed);
  return () => next() / 4294967296;
}

/** One random edit of the kinds that break parsers: flips, cuts, splices, length fields. */
function mutate(input: Uint8Array, next: () => number): Uint8Array {
  const pick = (n: number): number => Math.floor(next() * n);
  const bytes = input.slice();
  switch (pick(6)) {
    case 0: // flip a few bits
      for (let i = 0, n = 1 + pick(8); i < n; i++) {
        const at = pick(bytes.length);
        bytes[at] = (bytes[at] ?? 0) ^ (1 << pick(8));
      }
      return bytes;
    case 1: // truncate
      return bytes.subarray(0, pick(bytes.length));
    case 2: {
      // duplicate a slice somewhere else
      const start = pick(bytes.length);
      const slice = bytes.subarray(start, start + pick(512));
      const at = pick(bytes.length);
      return Uint8Array.from([...bytes.subarray(0, at), ...slice, ...bytes.subarray(at)]);
    }
    case 3: // overwrite 4 bytes with an extreme value (length and offset fields)
      bytes.set([0xff, 0xff, 0xff, pick(256)], pick(Math.max(1, bytes.length - 4)));
      return bytes;
    case 4: {
      // delete a slice
      const start = pick(bytes.length);
      return Uint8Array.from([...bytes.subarray(0, start), ...bytes.subarray(start + pick(256))]);
    }
    default: // random bytes in the middle
      for (let i = 0, n = 1 + pick(64), at = pick(bytes.length); i < n; i++) bytes[at + i] = pick(256);
      return bytes;
  }
}

/**
 * Reads `rounds` mutated copies of each seed (one to three edits each) and checks that every
 * file gets at least one outcome, each refusal with a reason. Returns the outcome counts and
 * the slowest read, for hang detection.
 */
async function readMutated(seeds: readonly { name: string; bytes: Uint8Array }[], rounds: number, seed: number): Promise<{ outcomes: Record<string, number>; slowest: number }> {
  const intake = new Intake();
  const next = random(seed);
  let slowest = 0;
  const outcomes: Record<string, number> = {};
  for (let round = 0; round < rounds; round++) {
    for (const file of seeds) {
      let bytes = file.bytes;
      for (let edits = 1 + Math.floor(next() * 3); edits > 0; edits--) bytes = mutate(bytes, next);
      const start = performance.now();
      const result = await intake.inspect({ name: file.name, bytes });
      slowest = Math.max(slowest, performance.now() - start);
      expect(result.length).toBeGreaterThan(0);
      for (const outcome of result) {
        outcomes[outcome.outcome] = (outcomes[outcome.outcome] ?? 0) + 1;
        if (outcome.outcome !== 'recognised') expect(outcome.reason.length).toBeGreaterThan(5);
      }
    }
  }
  return { outcomes, slowest };
}

describe('intake fuzzing: thousands of mutated inputs', () => {
  const encoder = new TextEncoder();
  const seeds: { name: string; bytes: Uint8Array }[] = [];

  beforeAll(() => {
    const { assertion } = makeOb2Assertion({ badgeName: 'Fuzz target' });
    const ob3 = makeOb3Credential({ issuer: 'did:example:issuer', id: 'urn:uuid:fuzz', achievementName: 'Fuzz OB3' });
    const png = bakePngItxt(makeBadgePng(3_000, 11), 'openbadges', JSON.stringify(assertion));
    const svg = bakeSvg(makeBadgeSvg({ title: 'Fuzz' }), 'ob3', { json: JSON.stringify(ob3) });
    seeds.push(
      { name: 'badge.png', bytes: png },
      { name: 'badge.svg', bytes: encoder.encode(svg) },
      { name: 'badge.json', bytes: encoder.encode(JSON.stringify(ob3)) },
      {
        name: 'export.zip',
        bytes: makeZip([
          { name: 'a.png', bytes: png },
          { name: 'b.json', bytes: encoder.encode(JSON.stringify(assertion)) },
        ]),
      },
    );
  });

  it('gives every one of 4,000 mutated files an outcome: no crash, no hang', async () => {
    const { outcomes, slowest } = await readMutated(seeds, 1000, 20261122);
    // Hang detection, not a benchmark: any input taking seconds would be a real defect.
    expect(slowest).toBeLessThan(5_000);
    expect(Object.keys(outcomes)).toEqual(expect.arrayContaining(['recognised', 'malformed']));
  }, 120_000);

  it('gives every one of 750 mutated certificate pictures and PDFs an outcome: JPEG (libjpeg-turbo, then jpeg-js), PNG, PDF', async () => {
    const scan = certificateScan(360, 260, verifyUrl, { grain: 12, marks: 40, scale: 3 });
    const pdf = await PDFDocument.create();
    const page = pdf.addPage([420, 300]);
    page.drawImage(await pdf.embedJpg(encodeJpeg(scan, 80)), { x: 0, y: 0, width: 420, height: 300 });
    page.drawImage(await pdf.embedPng(await qrPng(`${verifyUrl}?via=pdf`)), { x: 10, y: 10, width: 120, height: 120 });
    const pictures = [
      { name: 'photo.jpg', bytes: encodeJpeg(scan, 85) },
      { name: 'scan.png', bytes: encodePng(scan) },
      { name: 'certificate.pdf', bytes: await pdf.save({ useObjectStreams: false }) },
    ];
    // pdf-lib reports each object it cannot parse on the console; the outcomes are what count here.
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    onTestFinished(() => {
      warn.mockRestore();
    });
    const { outcomes, slowest } = await readMutated(pictures, 250, 20261123);
    expect(slowest).toBeLessThan(5_000);
    // Most edits leave a readable picture (a self-reported entry); the rest are refused with a reason.
    expect(Object.keys(outcomes)).toEqual(expect.arrayContaining(['recognised', 'malformed']));
  }, 120_000);
});
