import { describe, expect, it } from 'vitest';
import { importBatches } from '../../renderer/src/home/importBatches';

const megabyte = 1024 * 1024;
/** A File of `size` bytes (the bytes are never read when batching). */
const fileOf = (name: string, size: number): File => new File([new Uint8Array(size)], name);

describe('import batches: what goes to the wallet in one message', () => {
  it('sends small badges 40 at a time, in order', () => {
    const files = Array.from({ length: 100 }, (_, i) => fileOf(`badge-${String(i)}.png`, 100_000));
    const batches = importBatches(files);
    expect(batches.map((b) => b.length)).toEqual([40, 40, 20]);
    expect(batches.flat().map((f) => f.name)).toEqual(files.map((f) => f.name));
  });

  it('ends a batch at 16 MB, so phone photos move the progress along and no message is huge', () => {
    const photos = Array.from({ length: 7 }, (_, i) => fileOf(`photo-${String(i)}.jpg`, 5 * megabyte));
    expect(importBatches(photos).map((b) => b.length)).toEqual([3, 3, 1]);
  });

  it('sends a file bigger than a batch alone, and nothing is lost around it', () => {
    const files = [fileOf('a.png', megabyte), fileOf('scan.pdf', 30 * megabyte), fileOf('b.png', megabyte)];
    expect(importBatches(files).map((b) => b.map((f) => f.name))).toEqual([['a.png'], ['scan.pdf'], ['b.png']]);
    expect(importBatches([])).toEqual([]);
  });

  it('lets a file that will not be sent (over the size limit) take no room', () => {
    const files = [fileOf('a.jpg', 10 * megabyte), fileOf('huge.pdf', 60 * megabyte), fileOf('b.jpg', 5 * megabyte)];
    const sent = (file: File): number => (file.size > 50 * megabyte ? 0 : file.size);
    expect(importBatches(files, sent).map((b) => b.map((f) => f.name))).toEqual([['a.jpg', 'huge.pdf', 'b.jpg']]);
  });
});
