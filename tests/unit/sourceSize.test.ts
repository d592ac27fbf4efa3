import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * Small modules, each with one reason to change: no source file over 400 lines. Tests are
 * exempt (a test file reads best whole); vendored data (registries, schemas) is JSON, not source.
 */
const limit = 400;

function sourceFiles(): string[] {
  const listed = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '--', 'electron', 'renderer', 'shared', 'bin', 'build'], { encoding: 'utf8' });
  return listed.split('\n').filter((file) => /\.(ts|tsx|js)$/.test(file) && !file.endsWith('.d.ts') && existsSync(file));
}

describe('source files', () => {
  it(`are at most ${String(limit)} lines each`, () => {
    const files = sourceFiles();
    expect(files.length).toBeGreaterThan(100);
    const tooLong = files
      .map((file) => ({ file, lines: readFileSync(file, 'utf8').split('\n').length - 1 }))
      .filter(({ lines }) => lines > limit)
      .map(({ file, lines }) => `${file}: ${String(lines)} lines`);
    expect(tooLong).toEqual([]);
  });
});
