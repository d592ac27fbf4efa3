import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { VerificationMessage } from '../../shared/credential/verification';
import { msg } from '../../shared/credential/verificationMessages';
import type { BatchResults, PoolWorkerData, PoolWorkerMessage, BatchMessage, TaskInput } from './workerLoop';
import { batchesPerWorker, carrierBytes, idle, largeFileBytes, packBatch, takeBatch, type Job, type Slot, type TaskStop } from './poolBatches';
import { outOfTime, stoppedReader, workerLocation, type WorkerEntry, type WorkerLocation } from './workerEntry';
import { unpackValue } from './threadTransfer';

/**
 * The one worker pool (issue #19): reading credentials (intake/intakePool.ts), verifying them
 * (verify/workerPool.ts), card pictures and "Check a PDF" (portfolio/fileReaders.ts) all run
 * here, each domain handing it named tasks for a worker entry it declares. Domain-neutral: it
 * knows tasks, bytes and plain data, not credentials.
 *
 * - Inputs are copied to the workers back to back in reused carrier buffers that travel there
 *   and back (a buffer per file, or fresh memory per copy, costs more in allocation and
 *   garbage collection than reading a badge does); answers come back packed
 *   (threadTransfer.ts), one JSON text per batch, bytes within an input as references to it.
 * - A task that takes longer than `taskTimeoutMs`, or stops its worker (out of memory past
 *   `workerHeapMb`, a bug), gets its own `stopped` answer; its worker is replaced and every
 *   other job it had is done again, so nothing stalls or is lost. Large inputs (the likely slow
 *   ones) travel alone with nothing queued behind them.
 * - Runs from the TypeScript sources (tsx, vitest: the worker registers tsx itself through
 *   workerBootstrap.js) and from built JavaScript with the entry beside the bundle. Without
 *   workers, a job is done in this thread by its `here`, or answered as stopped: untrusted
 *   decoding (pictures, PDFs) has no `here` and is never done in this thread.
 * - Idle workers do not keep the process alive; close() ends them.
 *
 * Ours rather than piscina: piscina runs one task per message with no carrier reuse, and cannot
 * tell which task of a batch stopped its worker; both are what this pool is for.
 */
export interface WorkerPoolOptions {
  /** The worker entry, declared by the module handing the tasks (see WorkerEntry). */
  readonly entry: WorkerEntry;
  /** The worker script itself, overriding `entry` (tests: one that does not exist). */
  readonly workerScript?: URL | undefined;
  /** Plain data each worker's entry makes its tasks from. */
  readonly setup: unknown;
  /** Worker threads; all cores by default. */
  readonly size?: number | undefined;
  /** Longest one task may take in a worker before it is given up (30 s by default; Infinity: no limit). */
  readonly taskTimeoutMs?: number | undefined;
  /** Heap ceiling of each worker in MB: a task that needs more stops only its worker. */
  readonly workerHeapMb?: number | undefined;
  /** Told once when a worker could not start or stopped, so a caller can say that work went slower. */
  readonly onWorkerFailure?: ((error: Error) => void) | undefined;
}

export type { TaskStop } from './poolBatches';
export type { TaskInput } from './workerLoop';

export class WorkerPool {
  private slots: Slot[] = [];
  private queue: Job[] = [];
  private readonly carriers: ArrayBuffer[] = [];
  private readonly timeoutMs: number;
  private readonly location: WorkerLocation | undefined;
  private readonly epoch = Date.now();
  private nextJob = 0;
  private nextBatch = 0;
  private pumpQueued = false;
  private ended = false;
  private failureReported = false;
  private watchdog: NodeJS.Timeout | undefined;
  private fallbackRunning = false;
  private answered = 0;

  constructor(private readonly options: WorkerPoolOptions) {
    this.timeoutMs = options.taskTimeoutMs ?? 30_000;
    this.location = options.workerScript ? { script: options.workerScript, entry: options.workerScript.href } : workerLocation(options.entry);
    const size = Math.max(1, options.size ?? availableParallelism());
    if (!this.location) this.reportFailure(new Error(`the worker entry ${options.entry.sources.pathname.split('/').pop() ?? ''} was not found beside the bundle`));
    for (let i = 0; i < size && this.location; i++) {
      try {
        this.slots.push(this.startWorker(this.location));
      } catch (error) {
        this.reportFailure(error instanceof Error ? error : new Error(String(error)));
        break;
      }
    }
  }

  /** Worker threads running (0: only jobs with a `here` are done, in this thread). */
  get threads(): number {
    return this.slots.length;
  }

  /** Answers that came from a worker thread so far (tests: proof that work was not done in this thread). */
  get workerAnswers(): number {
    return this.answered;
  }

  get closed(): boolean {
    return this.ended;
  }

  /**
   * One task of the worker entry on one input, in a worker thread. When it throws, stops or
   * outlasts its worker the answer is `stopped`'s; without workers it is `here`'s, or
   * `stopped`'s when there is no `here`.
   */
  run<T>(task: string, input: TaskInput, stopped: (why: TaskStop) => T, here?: () => Promise<T>): Promise<T> {
    if (this.ended) return Promise.reject(new Error('The worker pool is closed.'));
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ id: this.nextJob++ & 0x7fffffff, input, task, resolve: resolve as (answer: unknown) => void, reject, stopped, here, failures: 0 });
      this.schedulePump();
    });
  }

  /**
   * Does queued jobs of `task` in this thread too, with `perform`, taking them from the back
   * of the queue while the workers take theirs from the front, until none is left. For a
   * caller with nothing else to do (the CLI after reading its files): on two cores, it would
   * otherwise wait while one worker works.
   */
  async helpWith(task: string, perform: (input: TaskInput) => Promise<unknown>): Promise<void> {
    for (let at = this.lastQueued(task); at >= 0; at = this.lastQueued(task)) {
      const [job] = this.queue.splice(at, 1);
      if (!job) break;
      try {
        job.resolve(await perform(job.input));
      } catch (error) {
        job.reject(error instanceof Error ? error : new Error(String(error)));
      }
      // Let the workers' answers in, so that they are sent more before this thread takes another.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  private lastQueued(task: string): number {
    return this.queue.findLastIndex((job) => job.task === task);
  }

  /** Resolves once every worker has started (for benchmarks: start-up is not throughput). */
  async ready(): Promise<void> {
    const waiting = this.slots.filter((s) => !s.started);
    await Promise.all(
      waiting.map(
        (slot) =>
          new Promise<void>((resolve) => {
            const done = (): void => {
              slot.worker.off('message', done);
              slot.worker.off('exit', done);
              resolve();
            };
            slot.worker.on('message', done);
            slot.worker.on('exit', done);
          }),
      ),
    );
  }

  /** Ends the workers. Jobs still waiting are refused with an error. */
  async close(): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    this.stopWatchdog();
    const slots = this.slots;
    this.slots = [];
    const pending = [...this.queue, ...slots.flatMap((s) => [...s.batches.values()].flatMap((b) => b.jobs))];
    this.queue = [];
    for (const job of pending) job.reject(new Error('The worker pool was closed before this job was done.'));
    await Promise.all(
      slots.map((slot) => {
        slot.ending = true;
        slot.batches.clear();
        return slot.worker.terminate();
      }),
    );
  }

  private reportFailure(error: Error): void {
    if (this.failureReported) return;
    this.failureReported = true;
    this.options.onWorkerFailure?.(error);
  }

  private startWorker(location: WorkerLocation): Slot {
    const progress = new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT);
    const workerData: PoolWorkerData = { role: 'badgefolio-pool-worker', setup: this.options.setup, progress, epoch: this.epoch, entry: location.entry };
    const worker = new Worker(location.script, {
      workerData,
      ...(this.options.workerHeapMb ? { resourceLimits: { maxOldGenerationSizeMb: this.options.workerHeapMb } } : {}),
    });
    worker.unref();
    const slot: Slot = { worker, progress: new Int32Array(progress), batches: new Map(), sent: 0, started: false, ending: false, activeSince: this.now(), carryingLarge: false };
    Atomics.store(slot.progress, 0, idle);
    let failure: Error | undefined;
    worker.on('message', (message: PoolWorkerMessage) => {
      slot.activeSince = this.now();
      if (message.kind === 'ready') {
        slot.started = true;
        return;
      }
      this.finishBatch(slot, message);
    });
    worker.on('error', (error) => {
      failure = error;
    });
    worker.on('exit', () => {
      if (slot.ending) return;
      this.reportFailure(failure ?? new Error('a worker thread stopped'));
      this.workerStopped(slot, failure);
    });
    return slot;
  }

  private finishBatch(slot: Slot, message: Extract<PoolWorkerMessage, { kind: 'batch' }>): void {
    const batch = slot.batches.get(message.batch);
    if (!batch) return;
    slot.batches.delete(message.batch);
    slot.carryingLarge = false;
    if (slot.batches.size === 0) slot.worker.unref();
    const carrier = message.carrier;
    if (carrier.byteLength === carrierBytes && this.carriers.length < this.slots.length * batchesPerWorker) this.carriers.push(carrier);
    let results: BatchResults;
    try {
      results =
        'cloned' in message.results
          ? message.results.cloned
          : (unpackValue(
              message.results,
              batch.jobs.map((job) => job.input.bytes),
            ) as BatchResults);
    } catch (error) {
      for (const job of batch.jobs) job.reject(error instanceof Error ? error : new Error(String(error)));
      this.schedulePump();
      return;
    }
    const byId = new Map(batch.jobs.map((job) => [job.id, job]));
    for (const [id, answer, threw] of results) {
      const job = byId.get(id);
      if (!job) continue;
      this.answered++;
      job.resolve(threw ? job.stopped(null) : answer);
      byId.delete(id);
    }
    for (const job of byId.values()) job.reject(new Error(`A worker gave no answer for ${job.input.name}.`));
    this.schedulePump();
  }

  /**
   * A worker stopped (crashed, ran out of memory, or was ended for taking too long): the job
   * it was on gets its answer, the rest of its jobs go back in the queue, and a new worker
   * takes its place. A worker that stops before it ever started is not replaced.
   */
  private workerStopped(slot: Slot, error: Error | undefined, blame?: VerificationMessage): void {
    if (!this.slots.includes(slot)) return;
    this.slots = this.slots.filter((s) => s !== slot);
    const current = Atomics.load(slot.progress, 0);
    const jobs = [...slot.batches.values()].flatMap((b) => b.jobs);
    slot.batches.clear();
    const culprit = jobs.find((job) => job.id === current);
    const again: Job[] = [];
    for (const job of jobs) {
      if (job === culprit) {
        job.resolve(job.stopped(blame ?? stoppedReader(error)));
      } else if (!culprit && slot.started && ++job.failures >= 2) {
        job.resolve(job.stopped(stoppedReader(error)));
      } else {
        again.push(job);
      }
    }
    this.queue.unshift(...again);
    if (slot.started && !this.ended && this.location) {
      try {
        this.slots.push(this.startWorker(this.location));
      } catch {
        // No replacement: the other workers, or this thread, carry on.
      }
    }
    this.schedulePump();
  }

  private schedulePump(): void {
    if (this.pumpQueued) return;
    this.pumpQueued = true;
    // Jobs handed over in one go are batched together.
    queueMicrotask(() => {
      this.pumpQueued = false;
      this.pump();
    });
  }

  private pump(): void {
    if (this.ended) return;
    if (this.slots.length === 0) {
      void this.doHere();
      return;
    }
    while (this.queue.length > 0) {
      // Nothing queues behind a large input: it may be the one that stops its worker.
      const open = this.slots.filter((s) => s.batches.size < batchesPerWorker && !s.carryingLarge);
      if (open.length === 0) break;
      const slot = open.reduce((best, s) => (s.batches.size < best.batches.size ? s : best));
      const jobs = takeBatch(this.queue, this.slots.length, slot.batches.size === 0);
      if (jobs.length === 0) break;
      this.send(slot, jobs);
    }
    this.updateWatchdog();
  }

  private send(slot: Slot, jobs: readonly Job[]): void {
    const { files, carrier } = packBatch(jobs, this.carriers);
    const batch = this.nextBatch++;
    if (slot.batches.size === 0) slot.activeSince = this.now();
    slot.batches.set(batch, { jobs });
    slot.carryingLarge = jobs.some((job) => job.input.bytes.length >= largeFileBytes);
    slot.sent++;
    slot.worker.ref();
    const message: BatchMessage = { batch, carrier, files };
    slot.worker.postMessage(message, [carrier]);
  }

  /** Checks, while jobs are in flight, that no worker has spent too long on one. */
  private updateWatchdog(): void {
    const busy = this.slots.some((s) => s.batches.size > 0);
    if (!busy || !Number.isFinite(this.timeoutMs)) {
      this.stopWatchdog();
      return;
    }
    if (this.watchdog) return;
    this.watchdog = setInterval(
      () => {
        this.checkTimes();
      },
      Math.max(10, Math.min(1000, this.timeoutMs / 4)),
    );
    this.watchdog.unref();
  }

  private stopWatchdog(): void {
    if (this.watchdog) clearInterval(this.watchdog);
    this.watchdog = undefined;
  }

  private now(): number {
    return Date.now() - this.epoch;
  }

  /**
   * A worker on one job for too long is ended and that job blamed. A started worker that has
   * not answered every batch it was sent, yet has shown no sign of life for as long (stuck
   * between jobs), is ended too, with no job to blame: its jobs are done again, alone. Both
   * judge by the worker's own clock entries, so a busy main thread cannot mistake an answer it
   * has not handled yet for a stuck worker.
   */
  private checkTimes(): void {
    const now = this.now();
    for (const slot of this.slots) {
      if (slot.batches.size === 0 || !slot.started) continue;
      const current = Atomics.load(slot.progress, 0);
      const jobStarted = Atomics.load(slot.progress, 1);
      const stuckOnJob = current !== idle && now - jobStarted > this.timeoutMs;
      const unanswered = Atomics.load(slot.progress, 2) < slot.sent;
      const stuckBetween = current === idle && unanswered && now - Math.max(jobStarted, slot.activeSince) > this.timeoutMs;
      if (!stuckOnJob && !stuckBetween) continue;
      slot.ending = true;
      this.workerStopped(slot, undefined, outOfTime(this.timeoutMs));
      void slot.worker.terminate();
    }
    this.updateWatchdog();
  }

  /** Without workers: each job's `here`, one at a time, in this thread; a job without one is answered as stopped. */
  private async doHere(): Promise<void> {
    if (this.fallbackRunning) return;
    this.fallbackRunning = true;
    try {
      for (let job = this.queue.shift(); job && !this.ended; job = this.queue.shift()) {
        try {
          job.resolve(job.here ? await job.here() : job.stopped(msg('damaged.stoppedReader')));
        } catch (error) {
          job.reject(error instanceof Error ? error : new Error(String(error)));
        }
      }
    } finally {
      this.fallbackRunning = false;
    }
  }
}
