import { describe, expect, it } from 'vitest';
import type { Figure } from '../bench/measure';
import { markdown } from '../bench/report';

const figure = (suite: string, name: string, median: number): Figure => ({
  suite,
  name,
  unit: 'ms',
  median,
  min: median,
  max: median,
  runs: 5,
  better: 'lower',
  target: { value: 100, text: '≤ 100 ms' },
  peakRssMb: 1,
  note: `${name} note`,
});

describe('docs/benchmarks.md from npm run bench -- --update-docs', () => {
  const full = markdown([figure('cli', 'start', 90), figure('vault', 'unlock', 120), figure('details', 'import', 80)], 'npm run bench');

  it('re-measuring one suite replaces only its rows and notes, keeping the others in suite order', () => {
    const merged = markdown([figure('vault', 'unlock', 60)], 'npm run bench -- --only vault', full);
    const rows = merged.split('\n').filter((line) => /^\| [a-z]+ \| /.test(line) && !line.startsWith('| suite'));
    expect(rows.map((r) => r.split(' | ').slice(0, 3).join(' | '))).toEqual(['| cli | start | 90.0 ms', '| vault | unlock | 60.0 ms', '| details | import | 80.0 ms']);
    expect(rows[1]).toContain('| met |');
    expect(merged.match(/^- vault \/ unlock: /gm)).toHaveLength(1);
    expect(merged).toContain('- cli / start: start note');
    // Both dates stay readable: the earlier full run and this one.
    expect(merged).toMatch(/^Earlier: `npm run bench` on \d{4}-\d{2}-\d{2}\.$/m);
    expect(merged).toMatch(/^Measured with `npm run bench -- --only vault` on \d{4}-\d{2}-\d{2} \(suites vault\)\.$/m);
  });

  it('a full run writes the page afresh', () => {
    expect(full).not.toContain('Earlier:');
    expect(full.match(/^\| (cli|vault|details) \| /gm)).toHaveLength(3);
  });
});
