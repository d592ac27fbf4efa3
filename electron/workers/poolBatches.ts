import type { Worker } from 'node:worker_threads';
import type { VerificationMessage } from '../../shared/credential/verification';
import type { BatchFile, TaskInput } from './workerLoop';

/**
 * How the worker pool (workerPool.ts) cuts its queue into batches and lays each batch's bytes
 * into one carrier buffer for the trip to a worker.
 */

/** Why a task gave no answer: its worker stopped or outlasted the timeout (the message), or the task threw (null). */
export type TaskStop = VerificationMessage | null;

export interface Job {
  readonly id: number;
  readonly input: TaskInput;
  /** The worker's task: a key of the tasks its entry serves. */
  readonly task: string;
  readonly resolve: (answer: unknown) => void;
  readonly reject: (error: Error) => void;
  /** The answer when the task gave none (see TaskStop). */
  readonly stopped: (why: TaskStop) => unknown;
  /** The same work in this thread, when no worker runs; absent: answered as stopped. */
  readonly here: (() => Promise<unknown>) | undefined;
  /** Times a worker stopped with this file in flight when no one file could be blamed. */
  failures: number;
}

export interface Batch {
  readonly jobs: readonly Job[];
}

export interface Slot {
  readonly worker: Worker;
  /** Written by the worker: see PoolWorkerData.progress. */
  readonly progress: Int32Array;
  /** Batches sent to this worker so far (compared with the batches it has answered). */
  sent: number;
  readonly batches: Map<number, Batch>;
  started: boolean;
  /** Set when the pool ends the worker itself, so its exit is not taken for a crash. */
  ending: boolean;
  /** Last sign of life (ms after the pool's epoch): a batch sent to it idle, or an answer. */
  activeSince: number;
  /** A large file is in flight: nothing more is sent until it is answered. */
  carryingLarge: boolean;
}

/** Files per batch: enough to amortise a message, few enough to spread a folder evenly. */
const maxBatchFiles = 16;
/** Batches in flight per worker: one being read while the next one waits. */
export const batchesPerWorker = 2;
/** Carrier buffers are reused; a batch copies at most this much into one. */
export const carrierBytes = 4 * 1024 * 1024;
/** A file this large travels alone, and nothing is sent after it until it is read. */
export const largeFileBytes = 2 * 1024 * 1024;
export { idle } from './workerLoop';
/** Files lie in a carrier at 8-byte boundaries, so each one's view suits any typed array. */
const aligned = (length: number): number => length + 7 - ((length + 7) % 8);

/**
 * The next batch: a fair share of the queue, within the file and byte limits. A file under
 * suspicion, or a large one, goes alone (and only to an idle worker), so that a second stop
 * is pinned on the right file and costs no other file.
 */
export function takeBatch(queue: Job[], workers: number, toIdleWorker: boolean): Job[] {
  const share = Math.ceil(queue.length / (workers * batchesPerWorker));
  const count = Math.min(maxBatchFiles, Math.max(1, share));
  const alone = (job: Job): boolean => job.failures > 0 || job.input.bytes.length >= largeFileBytes;
  const jobs: Job[] = [];
  let bytes = 0;
  for (const job of queue) {
    if (jobs.length >= count) break;
    if (alone(job)) {
      if (jobs.length === 0 && toIdleWorker) jobs.push(job);
      break;
    }
    if (jobs.length > 0 && bytes + job.input.bytes.length > carrierBytes) break;
    jobs.push(job);
    bytes += aligned(job.input.bytes.length);
  }
  queue.splice(0, jobs.length);
  return jobs;
}

/** The batch's files copied back to back into a carrier (a reused one when they fit), and where each lies. */
export function packBatch(jobs: readonly Job[], carriers: ArrayBuffer[]): { files: BatchFile[]; carrier: ArrayBuffer } {
  const files: BatchFile[] = [];
  let size = 0;
  for (const job of jobs) {
    const { name, bytes, extra } = job.input;
    files.push({ id: job.id, name, task: job.task, offset: size, length: bytes.length, ...(extra === undefined ? {} : { extra }) });
    size += aligned(bytes.length);
  }
  // Tasks without bytes (a credential to verify travels as `extra`) need no carrier.
  const carrier = size === 0 ? new ArrayBuffer(0) : size <= carrierBytes ? (carriers.pop() ?? new ArrayBuffer(carrierBytes)) : new ArrayBuffer(size);
  const target = new Uint8Array(carrier);
  jobs.forEach((job, i) => {
    target.set(job.input.bytes, files[i]?.offset);
  });
  return { files, carrier };
}
