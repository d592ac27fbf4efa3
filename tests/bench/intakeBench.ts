import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Intake } from '../../electron/intake/intake';
import { IntakePool } from '../../electron/intake/intakePool';
import { extractWithBakery } from '../support/credentials';
import { median, MemoryPeak, type Figure } from './measure';
import { bakedPngBadges } from './workloads';

/**
 * Issue "Badge intake": inspect 1,000 baked PNG badges of ~100 KB at ≥ 2,000 files/s and
 * ≥ 10× openbadges-bakery's extraction, same files, same run.
 *
 * From disk (what a user waits for: read, recognise, normalise, hash) and in memory (the
 * extraction work alone, the file reads that both sides pay taken out); each on one thread,
 * and with the intake pool over every core. The bakery is a one-thread library: it runs on
 * one thread throughout, and the tables say so. Every run measures each contender back to
 * back, so a busy machine slows all of them alike; a ratio is the median of the per-run ratios.
 */
type Work = () => Promise<void>;

/** Runs each contender once per round (after `warmups` rounds), returning files/s per round. */
async function interleaved<K extends string>(files: number, rounds: number, warmups: number, work: Record<K, Work>): Promise<Record<K, number[]>> {
  const names = Object.keys(work) as K[];
  const rates = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<K, number[]>;
  for (let round = -warmups; round < rounds; round++) {
    for (const name of names) {
      const start = performance.now();
      await work[name]();
      if (round >= 0) rates[name].push(files / ((performance.now() - start) / 1000));
    }
  }
  return rates;
}

/** `work` for every item, at most `limit` at a time, results in order. */
async function mapLimited<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  const lane = async (): Promise<void> => {
    for (let i = next++; i < items.length; i = next++) results[i] = await work(items[i] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}

const pairedRatio = (ours: readonly number[], peer: readonly number[]): number => median(ours.map((rate, i) => rate / (peer[i] ?? Number.NaN)));

export async function intakeBench(quick: boolean): Promise<Figure[]> {
  const count = quick ? 100 : 1000;
  const runs = quick ? 1 : 7;
  const paths = bakedPngBadges(count);
  const intake = new Intake();
  const pool = new IntakePool();
  await pool.ready(); // start-up is not throughput
  const threads = pool.threads;

  const expectBadge = (outcomes: { outcome: string }[], name: string): void => {
    if (outcomes.length !== 1 || outcomes[0]?.outcome !== 'recognised') throw new Error(`intake did not recognise ${name}`);
  };
  const expectText = (text: string, name: string): void => {
    if (!text.startsWith('{')) throw new Error(`bakery did not extract ${name}`);
  };

  const files = paths.map((path) => readFileSync(path));
  const memory = new MemoryPeak();
  try {
    const disk = await interleaved(count, runs, quick ? 0 : 2, {
      ours: async () => {
        for (const path of paths) expectBadge(await intake.inspect({ name: path, bytes: readFileSync(path) }), path);
      },
      // What the CLI and the app do with a folder: reads in flight while workers recognise.
      pool: async () => {
        const outcomes = await mapLimited(paths, 64, async (path) => pool.inspect({ name: path, bytes: await readFile(path) }));
        outcomes.forEach((o, i) => {
          expectBadge(o, paths[i] ?? '');
        });
      },
      bakery: async () => {
        for (const path of paths) expectText(await extractWithBakery(readFileSync(path)), path);
      },
    });
    // The bakery's JIT warms up over several passes: every contender gets the same warm-up.
    const inMemory = await interleaved(count, runs, quick ? 0 : 3, {
      ours: async () => {
        for (const bytes of files) expectBadge(await intake.inspect({ name: 'badge.png', bytes }), 'a badge');
      },
      pool: async () => {
        const outcomes = await pool.inspectAll(files.map((bytes) => ({ name: 'badge.png', bytes })));
        for (const o of outcomes) expectBadge(o, 'a badge');
      },
      bakery: async () => {
        for (const bytes of files) expectText(await extractWithBakery(bytes), 'a badge');
      },
    });
    const peak = memory.stop();

    const onePeer = (peer: number[], ours: number[], ratioTarget?: number): Figure['peer'] => ({
      name: 'openbadges-bakery extract, one thread',
      median: median(peer),
      ratio: pairedRatio(ours, peer),
      ...(ratioTarget === undefined ? {} : { ratioTarget }),
    });
    const figure = (name: string, ours: number[], rest: Partial<Figure>): Figure => ({
      suite: 'intake',
      name,
      unit: 'files/s',
      median: median(ours),
      min: Math.min(...ours),
      max: Math.max(...ours),
      runs,
      better: 'higher',
      peakRssMb: peak,
      ...rest,
    });
    const poolName = `intake pool, ${String(threads)} worker threads on ${String(availableParallelism())} cores`;
    return [
      figure(`inspect ${String(count)} baked PNGs (~100 KB) from disk, one thread`, disk.ours, {
        target: { value: 2000, text: '≥ 2,000 files/s' },
        peer: onePeer(disk.bakery, disk.ours),
        note: 'each file read (page cache warm), recognised, normalised into the full credential model and hashed; the bakery only reads and extracts the text',
      }),
      figure(`inspect ${String(count)} baked PNGs (~100 KB) from disk, ${poolName}`, disk.pool, {
        target: { value: 2000, text: '≥ 2,000 files/s' },
        peer: onePeer(disk.bakery, disk.pool),
        note: 'up to 64 files in flight: reads (libuv) overlap with the workers recognising; outcomes carry the very bytes read',
      }),
      figure(`inspect ${String(count)} baked PNGs in memory, one thread`, inMemory.ours, {
        peer: onePeer(inMemory.bakery, inMemory.ours),
        note: 'the same files already in memory: extraction work alone, ours doing more (parse, normalise, hash) than the bakery (extract); both on one thread',
      }),
      figure(`inspect ${String(count)} baked PNGs in memory, ${poolName}`, inMemory.pool, {
        peer: onePeer(inMemory.bakery, inMemory.pool, 10),
        note: `ours over ${String(threads)} worker threads (files copied to the workers and outcomes back included) against the bakery on one thread, as a user runs each; ${threads === 0 ? 'no worker could start: read in this thread' : 'same outcomes as one thread'}`,
      }),
    ];
  } finally {
    memory.stop();
    await pool.close();
  }
}
