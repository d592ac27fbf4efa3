// The bytes the intake reads from disk are the file's own, whichever way it reads them: through
// promises (the app) or with blocking calls up to the size fstat gave (the CLI's batches).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readInputFiles } from '../../../electron/intake/inputFiles';
import { defaultIntakeLimits } from '../../../electron/intake/limits';

const work = mkdtempSync(path.join(os.tmpdir(), 'badgefolio-input-bytes-'));
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

describe('files read for intake', () => {
  // Empty, one byte, under and over Node's 4 KB buffer pool, and over the 64 KB a read call often stops at.
  const sizes = [0, 1, 4095, 4097, 65_537, 3_000_001];
  const files = sizes.map((size) => {
    const file = path.join(work, `file-${String(size)}.bin`);
    const bytes = randomBytes(size);
    writeFileSync(file, bytes);
    return { file, bytes };
  });

  it.each([false, true])('are the bytes on disk, each file whole (blocking reads: %s)', async (blocking) => {
    const read = [];
    for await (const input of readInputFiles(
      files.map(({ file }) => ({ path: file, label: path.basename(file) })),
      defaultIntakeLimits,
      { blocking },
    ))
      read.push(input);
    expect(read.map((input) => input.name)).toEqual(files.map(({ file }) => path.basename(file)));
    for (const [index, input] of read.entries()) {
      expect(input.kind).toBe('file');
      if (input.kind === 'file') expect(Buffer.from(input.bytes).equals(files[index]?.bytes ?? Buffer.alloc(1))).toBe(true);
    }
  });
});
