import { parentPort, workerData } from 'node:worker_threads';
import { packValue, type PackedValue } from './threadTransfer';

/**
 * The loop every pool worker thread runs (see workerPool.ts): does the tasks of each batch it is
 * sent and answers with what each task made. Before each task it notes in shared memory which
 * one it is on and since when, so the pool can tell which input a stuck or stopped worker was
 * on without any message from it. The entry points (intake/intakeWorker.ts,
 * verify/verifyWorker.ts, portfolio/fileWorker.ts) say which tasks they serve.
 */
export interface PoolWorkerData {
  readonly role: 'badgefolio-pool-worker';
  /** Plain data the entry makes its tasks from (intake's limits and language, the verifier's settings). */
  readonly setup: unknown;
  /**
   * Int32Array over it: [job id at work or -1 between jobs, when that began (ms after `epoch`),
   * batches answered so far].
   */
  readonly progress: SharedArrayBuffer;
  readonly epoch: number;
  /** For the TypeScript-sources bootstrap: the entry module's URL. */
  readonly entry: string;
}

/** What a task is given: a name (for messages), bytes, and plain data of its own. */
export interface TaskInput {
  readonly name: string;
  readonly bytes: Uint8Array;
  /** Structured-cloned beside the bytes (a credential to verify, the files of an archive to keep). */
  readonly extra?: unknown;
}

export interface BatchFile {
  readonly id: number;
  readonly name: string;
  /** What to do with it: a key of the worker's tasks. */
  readonly task: string;
  /** Where its bytes lie in the batch's carrier buffer. */
  readonly offset: number;
  readonly length: number;
  readonly extra?: unknown;
}

/** Pool to worker: the inputs' bytes copied back to back into `carrier`, a buffer that travels both ways. */
export interface BatchMessage {
  readonly batch: number;
  readonly carrier: ArrayBuffer;
  readonly files: readonly BatchFile[];
}

/** Answers sent as they are, by structured clone (see ServeOptions.cloneAnswers). */
export interface ClonedResults {
  readonly cloned: BatchResults;
}

/** Worker to pool: the carrier back for reuse, and per job [id, answer], packed or cloned. */
export type PoolWorkerMessage =
  { readonly kind: 'ready' } | { readonly kind: 'batch'; readonly batch: number; readonly carrier: ArrayBuffer; readonly results: PackedValue | ClonedResults };

/** Per job: [id, what its task made] or, when the task threw, [id, null, true]. */
export type BatchResults = ([number, unknown] | [number, null, true])[];

/** What a worker can do with an input. */
export type WorkerTasks = Readonly<Record<string, (input: TaskInput) => Promise<unknown>>>;

export interface ServeOptions {
  /**
   * Tasks run side by side, within a batch and across batches, rather than one after another
   * (verification, which waits on documents): the pool can then blame no single one of them for
   * a stopped worker.
   */
  readonly concurrent?: boolean;
  /**
   * Answers go by structured clone rather than packed (threadTransfer.ts): for answers that hold
   * no byte arrays, V8's serializer costs less than JSON at both ends (a VC-JWT's verification
   * report: 37 against 48 µs there and back). Only for such answers: a byte array viewing the
   * batch's carrier would arrive as a view on a buffer the pool reuses.
   */
  readonly cloneAnswers?: boolean;
}

/** Nothing at work: the pool reads this as "between jobs". */
export const idle = -1;

async function runTask(tasks: WorkerTasks, file: BatchFile, carrier: ArrayBuffer): Promise<BatchResults[number]> {
  const task = tasks[file.task];
  try {
    if (!task) throw new Error('no such task');
    return [file.id, await task({ name: file.name, bytes: new Uint8Array(carrier, file.offset, file.length), ...(file.extra === undefined ? {} : { extra: file.extra }) })];
  } catch {
    // Each task answers every input itself; this is only for what it cannot foresee.
    return [file.id, null, true];
  }
}

async function runBatch(tasks: WorkerTasks, progress: Int32Array, epoch: number, message: BatchMessage, options: ServeOptions): Promise<PoolWorkerMessage> {
  let results: BatchResults = [];
  if (options.concurrent === true) {
    Atomics.store(progress, 1, Date.now() - epoch);
    results = await Promise.all(message.files.map((file) => runTask(tasks, file, message.carrier)));
  } else {
    for (const file of message.files) {
      Atomics.store(progress, 1, Date.now() - epoch);
      Atomics.store(progress, 0, file.id);
      results.push(await runTask(tasks, file, message.carrier));
    }
  }
  Atomics.store(progress, 1, Date.now() - epoch);
  Atomics.store(progress, 0, idle);
  if (options.cloneAnswers === true) return { kind: 'batch', batch: message.batch, carrier: message.carrier, results: { cloned: results } };
  const files = message.files;
  // Bytes within an input (the original, a baked image, a stored zip member) go back as a
  // reference to it: the pool holds the input.
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
 * pool's setup. Does nothing elsewhere, so an entry module can be imported.
 */
export function serveTasks(tasks: (setup: never) => WorkerTasks, options: ServeOptions = {}): void {
  const data = workerData as Partial<PoolWorkerData> | null;
  const port = parentPort;
  if (!port || data?.role !== 'badgefolio-pool-worker' || !data.progress || data.epoch === undefined) return;
  // The entry names the setup's type (its pool's `setup`): it is plain data from there.
  const served = tasks(data.setup as never);
  const progress = new Int32Array(data.progress);
  const epoch = data.epoch;
  const concurrent = options.concurrent === true;
  const answer = async (message: BatchMessage): Promise<void> => {
    const reply = await runBatch(served, progress, epoch, message, options);
    Atomics.add(progress, 2, 1);
    const transfer = reply.kind === 'batch' ? [reply.carrier, ...('buffers' in reply.results ? reply.results.buffers : [])] : [];
    port.postMessage(reply, transfer);
  };
  // Batches are done strictly in turn, so the progress cell always names the job at work;
  // side by side, each batch starts as it comes.
  let previous: Promise<void> = Promise.resolve();
  port.on('message', (message: BatchMessage) => {
    previous = concurrent ? answer(message) : previous.then(() => answer(message));
  });
  port.postMessage({ kind: 'ready' } satisfies PoolWorkerMessage);
}
