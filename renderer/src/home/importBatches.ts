/**
 * Files go to the main process in batches: a dropped folder of 2,000 badges shows progress and
 * never one giant message. A batch ends at 40 files or at 16 MB, whichever comes first, so a
 * folder of phone photos (several MB each) moves the progress along and never sends gigabytes
 * at once; a file bigger than that goes alone.
 */
const batchFiles = 40;
const batchBytes = 16 * 1024 * 1024;

/**
 * The files split into batches, in order, by count and by the bytes each will send:
 * `sentBytes` says how much of a file goes (none for one refused before reading).
 */
export function importBatches<F extends { readonly size: number }>(files: readonly F[], sentBytes: (file: F) => number = (file) => file.size): F[][] {
  const batches: F[][] = [];
  let current: F[] = [];
  let bytes = 0;
  for (const file of files) {
    const size = sentBytes(file);
    if (current.length > 0 && (current.length >= batchFiles || bytes + size > batchBytes)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(file);
    bytes += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
