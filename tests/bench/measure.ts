import { performance } from 'node:perf_hooks';

/** One benchmark figure: repeated timings of the same work, with what the target demands. */
export interface Figure {
  readonly suite: string;
  readonly name: string;
  readonly unit: string;
  /** Median over runs. */
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly runs: number;
  /** Higher is better (throughput) or lower is better (latency). */
  readonly better: 'higher' | 'lower';
  readonly target?: { readonly value: number; readonly text: string };
  readonly peer?: { readonly name: string; readonly median: number; readonly ratio: number; readonly ratioTarget?: number };
  readonly peakRssMb: number;
  readonly note?: string;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** Samples resident memory while work runs, since maxRSS only ever grows over the process. */
export class MemoryPeak {
  private peak = process.memoryUsage.rss();
  private readonly timer = setInterval(() => {
    this.peak = Math.max(this.peak, process.memoryUsage.rss());
  }, 5);
  stop(): number {
    clearInterval(this.timer);
    this.peak = Math.max(this.peak, process.memoryUsage.rss());
    return this.peak / (1024 * 1024);
  }
}

/** Runs `work` `runs` times (after one warm-up) and returns per-run rates of `items` per second. */
export async function ratePerSecond(items: number, runs: number, work: () => Promise<void>): Promise<number[]> {
  await work();
  const rates: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    rates.push(items / ((performance.now() - start) / 1000));
  }
  return rates;
}

/** Runs `work` `runs` times (after one warm-up) and returns the milliseconds of each run. */
export async function durations(runs: number, work: () => Promise<void>): Promise<number[]> {
  await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  return times;
}
