// The bytes the intake reads from disk are the file's own, whichever way it reads them: through
// promises (the app) or with blocking calls up to the size fstat gave (the CLI's batches).
import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readInputFiles, type InputFile } from '../../../electron/intake/inputFiles';
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

  it.each([false, true])('named by the user, are what they point to: a link followed, a folder walked, a pipe refused unopened (blocking reads: %s)', async (blocking) => {
    const named = path.join(work, `named-${String(blocking)}`);
    mkdirSync(path.join(named, 'folder'), { recursive: true });
    writeFileSync(path.join(named, 'folder', 'inner.json'), '{"inner":true}');
    writeFileSync(path.join(named, 'plain.json'), '{"plain":true}');
    symlinkSync(path.join(named, 'plain.json'), path.join(named, 'link.json'));
    symlinkSync(path.join(named, 'folder'), path.join(named, 'folder-link'));
    symlinkSync(path.join(named, 'gone.json'), path.join(named, 'broken.json'));
    const names = ['plain.json', 'link.json', 'folder', 'folder-link', 'broken.json', 'missing.json'];
    // A named pipe with no writer: opening it for reading the usual way would wait for ever.
    const fifo = process.platform !== 'win32' && spawnSync('mkfifo', [path.join(named, 'pipe')]).status === 0;
    if (fifo) names.push('pipe');
    const read: InputFile[] = [];
    for await (const input of readInputFiles(
      names.map((name) => ({ path: path.join(named, name), label: name })),
      defaultIntakeLimits,
      { blocking },
    ))
      read.push(input);
    const seen = read.map((input) => (input.kind === 'file' ? `${input.name}: ${Buffer.from(input.bytes).toString('utf8')}` : `${input.name}: ${input.reason}`));
    expect(seen).toEqual([
      'plain.json: {"plain":true}',
      'link.json: {"plain":true}',
      `${path.join('folder', 'inner.json')}: {"inner":true}`,
      `${path.join('folder-link', 'inner.json')}: {"inner":true}`,
      'broken.json: There is no such file or folder.',
      'missing.json: There is no such file or folder.',
      ...(fifo ? ['pipe: This is not a regular file.'] : []),
    ]);
  });
});
