import os from 'node:os';
import type { Figure } from './measure';

const format = (value: number): string => (value >= 100 ? Math.round(value).toLocaleString('en-US') : value >= 10 ? value.toFixed(1) : value.toFixed(2));

export function meetsTarget(figure: Figure): boolean | undefined {
  const checks: boolean[] = [];
  if (figure.target) checks.push(figure.better === 'higher' ? figure.median >= figure.target.value : figure.median <= figure.target.value);
  if (figure.peer?.ratioTarget !== undefined) checks.push(figure.peer.ratio >= figure.peer.ratioTarget);
  return checks.length === 0 ? undefined : checks.every(Boolean);
}

function row(figure: Figure): string[] {
  const verdict = meetsTarget(figure);
  return [
    figure.suite,
    figure.name,
    `${format(figure.median)} ${figure.unit}`,
    `${format(figure.min)}–${format(figure.max)} (${String(figure.runs)} runs)`,
    figure.peer ? `${figure.peer.name}: ${format(figure.peer.median)} ${figure.unit}; ${format(figure.peer.ratio)}×` : '',
    [figure.target?.text, figure.peer?.ratioTarget !== undefined ? `≥ ${String(figure.peer.ratioTarget)}× peer` : undefined].filter(Boolean).join('; '),
    verdict === undefined ? '' : verdict ? 'met' : 'NOT MET',
    `${format(figure.peakRssMb)} MB`,
  ];
}

const header = ['suite', 'figure', 'median', 'spread', 'peer', 'target', 'status', 'peak RSS'];

export function machineDescription(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return `${String(os.cpus().length)} × ${cpu.trim()}, ${format(os.totalmem() / 1024 ** 3)} GiB RAM, ${os.type()} ${os.release()}, Node ${process.version}`;
}

export function terminalTable(figures: readonly Figure[]): string {
  const rows = [header, ...figures.map(row)];
  const widths = header.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows
    .map((r) =>
      r
        .map((cell, c) => cell.padEnd(widths[c] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

export function markdown(figures: readonly Figure[], command: string, previous?: string): string {
  const today = new Date().toISOString().slice(0, 10);
  const measured = new Set(figures.map((f) => f.suite));
  // A run of some suites (--only) keeps the other suites' rows and notes from the page as it was,
  // each still under the line saying when it was measured.
  const kept = previous ? keptFromPrevious(previous, measured) : { rows: [], notes: [], dates: [] };
  const lines = [
    '# Benchmarks',
    '',
    ...kept.dates,
    `Measured with \`${command}\` on ${today}${kept.rows.length > 0 ? ` (suites ${[...measured].join(', ')})` : ''}.`,
    '',
    `Machine: ${machineDescription()}.`,
    '',
    'Each figure is the median of repeated runs after a warm-up; the spread is the fastest and slowest run.',
    'Peers run in the same process on the same generated data, so ratios hold on a noisy machine.',
    '',
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...sortedBySuite([...kept.rows, ...figures.map((f) => ({ suite: f.suite, text: `| ${row(f).join(' | ')} |` }))]).map((r) => r.text),
    '',
  ];
  const notes = [...kept.notes, ...figures.filter((f) => f.note).map((f) => ({ suite: f.suite, text: `- ${f.suite} / ${f.name}: ${f.note ?? ''}` }))];
  for (const note of sortedBySuite(notes)) lines.push(note.text);
  return `${lines.join('\n')}\n`;
}

/** The order `npm run bench` runs its suites in, so a merged page reads like a full run. */
export const suiteOrder = ['cli', 'intake', 'verify', 'vault', 'pdf', 'details', 'renderer', 'verifier'];

interface SuiteLine {
  readonly suite: string;
  readonly text: string;
}

function sortedBySuite(lines: readonly SuiteLine[]): SuiteLine[] {
  const rank = (suite: string) => (suiteOrder.includes(suite) ? suiteOrder.indexOf(suite) : suiteOrder.length);
  // Array.prototype.sort is stable: within a suite, lines keep the order they were measured in.
  return [...lines].sort((a, b) => rank(a.suite) - rank(b.suite));
}

function keptFromPrevious(previous: string, measured: ReadonlySet<string>): { rows: SuiteLine[]; notes: SuiteLine[]; dates: string[] } {
  const rows: SuiteLine[] = [];
  const notes: SuiteLine[] = [];
  const dates: string[] = [];
  for (const line of previous.split('\n')) {
    const tableSuite = /^\| ([a-z]+) \| /.exec(line)?.[1];
    const noteSuite = /^- ([a-z]+) \/ /.exec(line)?.[1];
    const suite = tableSuite ?? noteSuite;
    if (suite && suite !== 'suite' && !measured.has(suite)) (tableSuite ? rows : notes).push({ suite, text: line });
    // The earlier "Measured with" lines stay while any of their suites' rows do.
    if (line.startsWith('Measured with ')) dates.push(line);
  }
  if (rows.length === 0) return { rows, notes, dates: [] };
  return { rows, notes, dates: dates.map((d) => d.replace(/^Measured with/, 'Earlier:')).filter((d, i, all) => all.indexOf(d) === i) };
}
