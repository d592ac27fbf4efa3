import { readFile } from 'node:fs/promises';
import { Intake } from '../../electron/intake/intake';
import { extractWithBakery } from '../support/credentials';
import { median, MemoryPeak, ratePerSecond, type Figure } from './measure';
import { bakedPngBadges } from './workloads';

/**
 * Issue "Badge intake": inspect 1,000 baked PNG badges of ~100 KB at ≥ 2,000 files/s and
 * ≥ 10× openbadges-bakery's extraction, same files, same run. Both sides read each file
 * from disk; ours also parses, normalises and hashes, the bakery only extracts the text.
 */
export async function intakeBench(quick: boolean): Promise<Figure[]> {
  const count = quick ? 100 : 1000;
  const runs = quick ? 1 : 7;
  const files = bakedPngBadges(count);
  const intake = new Intake();

  const memory = new MemoryPeak();
  const ours = await ratePerSecond(count, runs, async () => {
    for (const file of files) {
      const outcomes = await intake.inspect({ name: file, bytes: await readFile(file) });
      if (outcomes[0]?.outcome !== 'recognised') throw new Error(`intake did not recognise ${file}`);
    }
  });
  const bakery = await ratePerSecond(count, quick ? 1 : 3, async () => {
    for (const file of files) {
      const text = await extractWithBakery(await readFile(file));
      if (!text.startsWith('{')) throw new Error(`bakery did not extract ${file}`);
    }
  });
  const peak = memory.stop();
  const oursMedian = median(ours);
  const bakeryMedian = median(bakery);
  return [
    {
      suite: 'intake',
      name: `inspect ${String(count)} baked PNG badges (~100 KB)`,
      unit: 'files/s',
      median: oursMedian,
      min: Math.min(...ours),
      max: Math.max(...ours),
      runs,
      better: 'higher',
      target: { value: 2000, text: '≥ 2,000 files/s' },
      peer: { name: 'openbadges-bakery extract', median: bakeryMedian, ratio: oursMedian / bakeryMedian, ratioTarget: 10 },
      peakRssMb: peak,
      note: 'one process, one core; each file read from disk (page cache warm), recognised, normalised and hashed',
    },
  ];
}
