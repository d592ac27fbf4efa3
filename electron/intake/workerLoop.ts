import { parentPort, workerData } from 'node:worker_threads';
import type { IntakeFile } from './intake';
import type { IntakeLimits } from './limits';
import { packValue, type PackedValue } from './threadTransfer';

/**
 * The loop every pool worker thread runs (see intakePool.ts): reads the files of each batch it
 * is sent, one after another, each with the task named for it (reading a credential by
 * default), and answers with what each task made. Before each file it notes in shared memory
 * which file it is on and since when, so the pool can tell which file a stuck or stopped
 * worker was reading without any message from it. The entry points (intakeWorker.ts,
 * portfolio/fileWorker.ts) say which tasks they serve.
 */
export interface IntakeWorkerData {
  readonly role: 'badgefolio-intake-worker';
  readonly limits: IntakeLimits;
  /** The user's language, for this worker's Intake (see IntakeOptions.language). */
  readonly language?: string | undefined;
  /**
   * Int32Array over it: [file id being read or -1 between files, when that began (ms after
   * `epoch`), batches answered so far].
   */
  readonly progress: SharedArrayBuffer;
  readonly epoch: number;
  /** For the TypeScript-sources bootstrap: the entry module's URL. */
  readonly entry: string;
}

export interface IntakeBatchFile {
  readonly id: number;
  readonly name: string;
  /** What to do with the file (a key of the worker's tasks); absent: read it as a credential. */
  readonly task?: string;
  /** Where the file's bytes lie in the batch's carrier buffer. */
  readonly offset: number;
  readonly length: number;
  /** The user asked to keep this picture as a self-reported certificate (IntakeFile.keepAsCertificate). */
  readonly keepAsCertificate?: boolean;
  /** An archive's files to read again and keep as certificates (IntakeFile.keepEntries). */
  readonly keepEntries?: readonly string[];
}

/** Pool to worker: files copied back to back into `carrier`, a buffer that travels both ways. */
export interface IntakeBatchMessage {
  readonly batch: number;
  readonly carrier: ArrayBuffer;
  readonly files: readonly IntakeBatchFile[];
}

/** Worker to pool: the carrier back for reuse, and per file [id, answer], packed. */
export type IntakeWorkerMessage = { readonly kind: 'ready' } | { readonly kind: 'batch'; readonly batch: number; readonly carrier: ArrayBuffer; readonly results: PackedValue };

/** Per file: [id, what its task made] or, when the task threw, [id, null, true]. */
export type IntakeBatchResults = ([number, unknown] | [number, null, true])[];

/** What a worker can do with a file; `inspect` (reading credentials) is the default task. */
export type WorkerTasks = Readonly<Record<string, (file: IntakeFile) => Promise<unknown>>>;

/** The default task's name: reading the credentials in a file. */
export const inspectTask = 'inspect';

/** Nothing left idle: the pool reads this as "between files". */
export const idle = -1;

async function readBatch(tasks: WorkerTasks, progress: Int32Array, epoch: number, message: IntakeBatchMessage): Promise<IntakeWorkerMessage> {
  const results: IntakeBatchResults = [];
  for (const file of message.files) {
    Atomics.store(progress, 1, Date.now() - epoch);
    Atomics.store(progress, 0, file.id);
    const bytes = new Uint8Array(message.carrier, file.offset, file.length);
    const task = tasks[file.task ?? inspectTask];
    try {
      if (!task) throw new Error('no such task');
      results.push([
        file.id,
        await task({ name: file.name, bytes, ...(file.keepAsCertificate ? { keepAsCertificate: true } : {}), ...(file.keepEntries ? { keepEntries: file.keepEntries } : {}) }),
      ]);
    } catch {
      // Each task answers every file itself; this is only for what it cannot foresee.
      results.push([file.id, null, true]);
    }
  }
  Atomics.store(progress, 1, Date.now() - epoch);
  Atomics.store(progress, 0, idle);
  const files = message.files;
  // Bytes within a file (the original, a baked image, a stored zip member) go back as a
  // reference to it: the pool holds the file.
  const packed = packValue(results, (view) => {
    if (view.buffer !== message.carrier) return undefined;
    const index = files.findIndex((f) => view.byteOffset >= f.offset && view.byteOffset + view.byteLength <= f.offset + f.length);
    const file = files[index];
    return file ? [index, view.byteOffset - file.offset] : undefined;
  });
  return { kind: 'batch', batch: message.batch, carrier: message.carrier, results: packed };
}

/**
 * Runs the worker loop when this thread was started by a pool: `tasks` is made once, from the
 * pool's limits and language. Does nothing elsewhere, so an entry module can be imported.
 */
export function serveTasks(tasks: (data: IntakeWorkerData) => WorkerTasks): void {
  const data = workerData as Partial<IntakeWorkerData> | null;
  const port = parentPort;
  if (!port || data?.role !== 'badgefolio-intake-worker' || !data.limits || !data.progress || data.epoch === undefined) return;
  const served = tasks(data as IntakeWorkerData);
  const progress = new Int32Array(data.progress);
  const epoch = data.epoch;
  // Batches are read strictly in turn, so the progress cell always names the file at work.
  let previous: Promise<void> = Promise.resolve();
  port.on('message', (message: IntakeBatchMessage) => {
    previous = previous.then(async () => {
      const answer = await readBatch(served, progress, epoch, message);
      Atomics.add(progress, 2, 1);
      port.postMessage(answer, answer.kind === 'batch' ? [answer.carrier, ...answer.results.buffers] : []);
    });
  });
  port.postMessage({ kind: 'ready' } satisfies IntakeWorkerMessage);
}
