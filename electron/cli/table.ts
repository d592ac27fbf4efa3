/**
 * A plain-text table for terminals: columns padded to their widest cell, long cells cut.
 * Columns listed in `clipStart` lose their beginning instead (a path's end is what tells).
 */
export function renderTable(header: readonly string[], rows: readonly (readonly string[])[], options: { maxWidth?: number; clipStart?: readonly number[] } = {}): string {
  const maxWidth = options.maxWidth ?? 48;
  const clip = (cell: string, column: number): string => {
    if (cell.length <= maxWidth) return cell;
    return options.clipStart?.includes(column) ? `…${cell.slice(cell.length - maxWidth + 1)}` : `${cell.slice(0, maxWidth - 1)}…`;
  };
  const all = [header, ...rows].map((row) => row.map(clip));
  const widths = header.map((_, column) => Math.max(...all.map((row) => (row[column] ?? '').length)));
  const line = (row: readonly string[]): string =>
    row
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(all[0] ?? []), line(widths.map((w) => '-'.repeat(w))), ...all.slice(1).map(line)].join('\n');
}
