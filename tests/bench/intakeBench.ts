import { readFileSync } from 'node:fs';
import { Intake } from '../../electron/intake/intake';
import { extractWithBakery } from '../support/credentials';
import { median, MemoryPeak, ratePerSecond, type Figure } from './measure';
import { bakedPngBadges } from './workloads';

/**
 * Issue "Badge intake": inspect 1,000 baked PNG badges of ~100 KB at ≥ 2,000 files/s and
 * ≥ 10× openbadges-bakery's extraction, same files, same run.
 *
 * Two figures: from disk (what a user waits for: read, recognise, normalise, hash), and in
 * memory (the extraction work alone, the bakery's and ours, with the file reads that both
 * pay equally taken out).
 */
export async function intakeBench(quick: boolean): Promise<Figure[]> {
  const count = quick ? 100 : 1000;
  const runs = quick ? 1 : 7;
  const paths = bakedPngBadges(count);
  const intake = new Intake();

  const inspectFromDisk = async (): Promise<void> => {
    for (const path of paths) {
      const outcomes = await intake.inspect({ name: path, bytes: readFileSync(path) });
      if (outcomes[0]?.outcome !== 'recognised') throw new Error(`intake did not recognise ${path}`);
    }
  };
  const bakeryFromDisk = async (): Promise<void> => {
    for (const path of paths) {
      const text = await extractWithBakery(readFileSync(path));
      if (!text.startsWith('{')) throw new Error(`bakery did not extract ${path}`);
    }
  };
  const files = paths.map((path) => readFileSync(path));
  const inspectInMemory = async (): Promise<void> => {
    for (const bytes of files) {
      const outcomes = await intake.inspect({ name: 'badge.png', bytes });
      if (outcomes[0]?.outcome !== 'recognised') throw new Error('intake did not recognise a badge');
    }
  };
  const bakeryInMemory = async (): Promise<void> => {
    for (const bytes of files) {
      const text = await extractWithBakery(bytes);
      if (!text.startsWith('{')) throw new Error('bakery did not extract a badge');
    }
  };

  const memory = new MemoryPeak();
  // The bakery's JIT warms up over several passes: give both sides the same warm-up.
  for (let i = 0; i < (quick ? 0 : 3); i++) {
    await inspectInMemory();
    await bakeryInMemory();
  }
  const diskOurs = await ratePerSecond(count, runs, inspectFromDisk);
  const diskBakery = await ratePerSecond(count, runs, bakeryFromDisk);
  const memoryOurs = await ratePerSecond(count, runs, inspectInMemory);
  const memoryBakery = await ratePerSecond(count, runs, bakeryInMemory);
  const peak = memory.stop();

  const figure = (name: string, ours: number[], peer: number[], extra: Partial<Figure>): Figure => ({
    suite: 'intake',
    name,
    unit: 'files/s',
    median: median(ours),
    min: Math.min(...ours),
    max: Math.max(...ours),
    runs,
    better: 'higher',
    peer: { name: 'openbadges-bakery extract', median: median(peer), ratio: median(ours) / median(peer), ...extra.peer },
    peakRssMb: peak,
    ...extra,
  });
  return [
    figure(`inspect ${String(count)} baked PNGs (~100 KB) from disk`, diskOurs, diskBakery, {
      target: { value: 2000, text: '≥ 2,000 files/s' },
      note: 'one core; each file read (page cache warm), recognised, normalised into the full credential model and hashed; the bakery only reads and extracts the text',
    }),
    {
      ...figure(`inspect ${String(count)} baked PNGs in memory`, memoryOurs, memoryBakery, {}),
      peer: {
        name: 'openbadges-bakery extract',
        median: median(memoryBakery),
        ratio: median(memoryOurs) / median(memoryBakery),
        ratioTarget: 10,
      },
      note: 'the same files already in memory: extraction work alone, ours doing more (parse, normalise, hash) than the bakery (extract)',
    },
  ];
}
