import os from 'node:os';
import type { Figure } from './measure';

const format = (value: number): string =>
  value >= 100 ? Math.round(value).toLocaleString('en-US') : value >= 10 ? value.toFixed(1) : value.toFixed(2);

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
    [figure.target?.text, figure.peer?.ratioTarget !== undefined ? `≥ ${String(figure.peer.ratioTarget)}× peer` : undefined]
      .filter(Boolean)
      .join('; '),
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
  return rows.map((r) => r.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join('  ').trimEnd()).join('\n');
}

export function markdown(figures: readonly Figure[], command: string): string {
  const lines = [
    '# Benchmarks',
    '',
    `Measured with \`${command}\` on ${new Date().toISOString().slice(0, 10)}.`,
    '',
    `Machine: ${machineDescription()}.`,
    '',
    'Each figure is the median of repeated runs after a warm-up; the spread is the fastest and slowest run.',
    'Peers run in the same process on the same generated data, so ratios hold on a noisy machine.',
    '',
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...figures.map((f) => `| ${row(f).join(' | ')} |`),
    '',
  ];
  for (const figure of figures) if (figure.note) lines.push(`- ${figure.suite} / ${figure.name}: ${figure.note}`);
  return `${lines.join('\n')}\n`;
}
