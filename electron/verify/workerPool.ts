import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { NormalizedCredential } from '../../shared/credential/model';
import type { VerificationReport } from '../../shared/credential/verification';
import { verifierFromConfig, type PoolConfig } from './poolConfig';
import type { Verifier } from './verifier';

/**
 * Batch verification over every core: canonicalisation is CPU-bound JavaScript, so a folder
 * of credentials is spread over worker threads, each with its own verifier. Runs from the
 * TypeScript sources (tsx, vitest: the worker registers tsx itself) and from built JavaScript;
 * if workers cannot start, verification still happens, in this thread.
 */
export interface PoolOptions {
  /** Worker threads; all cores by default. */
  readonly size?: number;
  /** Jobs in flight per worker (hides message latency). */
  readonly window?: number;
  /** Most jobs sent in one message: a VC-JWT checks in well under the cost of a message. */
  readonly batch?: number;
  /** Told once when a worker could not start or stopped, so a caller can say that work went slower. */
  readonly onWorkerFailure?: (error: Error) => void;
}

/** What the pool and a worker say to each other. */
export interface JobsMessage {
  readonly jobs: readonly { readonly id: number; readonly credential: NormalizedCredential }[];
}
export interface ResultsMessage {
  readonly results: readonly { readonly id: number; readonly report?: VerificationReport; readonly error?: string }[];
}

interface Job {
  readonly id: number;
  readonly credential: NormalizedCredential;
  readonly resolve: (report: VerificationReport) => void;
  readonly reject: (error: Error) => void;
}

interface Slot {
  readonly worker: Worker;
  readonly ready: Promise<void>;
  readonly inFlight: Map<number, Job>;
}

/** What a worker needs of a credential: its signed text and hints, not the image bytes. */
function slim(credential: NormalizedCredential): NormalizedCredential {
  const { image: _image, ...rest } = credential;
  return { ...rest, original: { ...credential.original, bytes: new Uint8Array(0) } };
}

function workerEntry(): { file: URL; entry: string } {
  const fromSources = import.meta.url.endsWith('.ts');
  const worker = new URL(fromSources ? './verifyWorker.ts' : './verifyWorker.js', import.meta.url);
  return fromSources ? { file: new URL('./workerBootstrap.js', import.meta.url), entry: worker.href } : { file: worker, entry: worker.href };
}

export class VerifierPool {
  private slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 0;
  private fallback: Verifier | undefined;
  private readonly window: number;
  private readonly batch: number;
  private failureReported = false;

  constructor(
    private readonly config: PoolConfig,
    private readonly options: PoolOptions = {},
  ) {
    this.batch = Math.max(1, options.batch ?? 16);
    this.window = Math.max(this.batch, options.window ?? 2 * this.batch);
    const size = Math.max(1, options.size ?? availableParallelism());
    const { file, entry } = workerEntry();
    for (let i = 0; i < size; i++) {
      try {
        this.slots.push(this.startWorker(file, entry));
      } catch (error) {
        if (!this.failureReported) {
          this.failureReported = true;
          options.onWorkerFailure?.(error instanceof Error ? error : new Error(String(error)));
        }
        break;
      }
    }
  }

  /** How many worker threads are running (0: verifying in this thread). */
  get threads(): number {
    return this.slots.length;
  }

  private startWorker(file: URL, entry: string): Slot {
    const worker = new Worker(file, { workerData: { config: this.config, entry } });
    const inFlight = new Map<number, Job>();
    const ready = new Promise<void>((resolve, reject) => {
      worker.once('message', () => {
        resolve();
      });
      worker.once('error', reject);
    });
    const slot: Slot = { worker, ready, inFlight };
    worker.on('message', (message: Partial<ResultsMessage>) => {
      if (!message.results) return;
      for (const result of message.results) {
        const job = inFlight.get(result.id);
        if (!job) continue;
        inFlight.delete(result.id);
        if (result.report) job.resolve(result.report);
        else job.reject(new Error(result.error ?? 'verification failed'));
      }
      this.pump();
    });
    worker.on('error', (error) => {
      this.retire(slot, error);
    });
    worker.on('exit', () => {
      this.retire(slot, new Error('verification worker stopped'));
    });
    return slot;
  }

  /** A worker that failed hands its jobs back; with none left, this thread takes over. */
  private retire(slot: Slot, error: Error): void {
    if (!this.slots.includes(slot)) return;
    if (!this.failureReported) {
      this.failureReported = true;
      this.options.onWorkerFailure?.(error);
    }
    this.slots = this.slots.filter((s) => s !== slot);
    this.queue.unshift(...slot.inFlight.values());
    slot.inFlight.clear();
    this.pump();
  }

  verify(credential: NormalizedCredential): Promise<VerificationReport> {
    const report = this.enqueue(credential);
    this.pump();
    return report;
  }

  /** Queues everything before sending anything, so that the workers get full batches. */
  verifyAll(credentials: readonly NormalizedCredential[]): Promise<VerificationReport[]> {
    const reports = credentials.map((c) => this.enqueue(c));
    this.pump();
    return Promise.all(reports);
  }

  private enqueue(credential: NormalizedCredential): Promise<VerificationReport> {
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, credential: slim(credential), resolve, reject });
    });
  }

  private pump(): void {
    if (this.slots.length === 0) {
      this.fallback ??= verifierFromConfig(this.config);
      const verifier = this.fallback;
      for (const job of this.queue.splice(0)) verifier.verify(job.credential).then(job.resolve, job.reject);
      return;
    }
    while (this.queue.length > 0) {
      const slot = this.slots.reduce((best, s) => (s.inFlight.size < best.inFlight.size ? s : best));
      const room = Math.min(this.batch, this.window - slot.inFlight.size);
      if (room <= 0) return;
      // Split what is left evenly, so that one worker does not get the last full batch alone.
      const share = Math.ceil(this.queue.length / this.slots.length);
      const jobs = this.queue.splice(0, Math.max(1, Math.min(room, share)));
      for (const job of jobs) slot.inFlight.set(job.id, job);
      const message: JobsMessage = { jobs: jobs.map((job) => ({ id: job.id, credential: job.credential })) };
      slot.worker.postMessage(message);
    }
  }

  /**
   * Verifies queued credentials in this thread too, taking them from the back of the queue
   * while the workers take theirs from the front, until none is left. For a caller with
   * nothing else to do (the CLI after reading its files): on two cores, it would otherwise
   * wait while one worker works.
   */
  async helpWith(verifier: Verifier): Promise<void> {
    for (let job = this.queue.pop(); job; job = this.queue.pop()) {
      try {
        job.resolve(await verifier.verify(job.credential));
      } catch (error) {
        job.reject(error instanceof Error ? error : new Error(String(error)));
      }
      // Let the workers' answers in, so that they are sent more before this thread takes another.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  /** Waits until every worker has started (for benchmarks: start-up is not throughput). */
  async ready(): Promise<void> {
    await Promise.allSettled(this.slots.map((s) => s.ready));
  }

  async close(): Promise<void> {
    const slots = this.slots;
    this.slots = [];
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }
}
