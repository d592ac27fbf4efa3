import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { IntakeOutcome } from '../../shared/credential/intakeOutcome';
import type { VerificationMessage } from '../../shared/credential/verification';
import { englishOf, msg } from '../../shared/credential/verificationMessages';
import { Intake, type IntakeFile } from './intake';
import type { IntakeBatchMessage, IntakeBatchResults, IntakeWorkerData, IntakeWorkerMessage } from './workerLoop';
import { batchesPerWorker, carrierBytes, idle, largeFileBytes, packBatch, takeBatch, type Job, type Slot, type TaskStop } from './poolBatches';
import { languagesFor } from './formats/preferredLanguage';
import { defaultIntakeLimits, type IntakeLimits } from './limits';
import { outOfTime, stoppedReader, workerLocation, type WorkerEntry, type WorkerLocation } from './poolWorkers';
import { unpackValue } from './threadTransfer';

/**
 * Intake over every core: recognising a badge is CPU-bound JavaScript (PNG chunks, UTF-8,
 * JSON, SHA-256, the normalised model), so a folder of files is spread over worker threads,
 * each with its own Intake and the same limits and language.
 *
 * - Same answers as Intake: one outcome per credential found, or one saying why there is
 *   none; the originals in the outcomes are the very byte arrays the caller handed in, left
 *   as they were.
 * - Files are copied to the workers back to back in reused carrier buffers that travel there
 *   and back (a buffer per file, or fresh memory per copy, costs more in allocation and
 *   garbage collection than reading a badge does); outcomes come back packed
 *   (threadTransfer.ts), one JSON text per batch, bytes within a file as references to it.
 * - A file that takes longer than `fileTimeoutMs`, or stops its worker (out of memory, a
 *   bug), gets its own `malformed` outcome; its worker is replaced and every other file it
 *   had is read again, so nothing stalls or is lost. Large files (the likely slow ones)
 *   travel alone with nothing queued behind them.
 * - Where it pays: files whose reading costs far more than moving them between threads
 *   (scanned certificates, PDFs, archives), and keeping that work and its risks off the
 *   calling thread. Not for small baked badges: copying one over and unpacking its outcome
 *   into this thread's heap costs more CPU than reading it here (npm run bench: about 88
 *   against 24 µs a file), so one thread reads a folder of them faster.
 * - Runs from the TypeScript sources (tsx, vitest: the worker registers tsx itself, as the
 *   verification pool's does) and from built JavaScript with intakeWorker.js beside this
 *   module (the electron-vite main build emits it as a second entry). Without workers, files
 *   are read in this thread.
 * - Idle workers do not keep the process alive; close() ends them.
 * - Other tasks than reading credentials (`run`: a card picture, a portfolio PDF) go the same
 *   way, with the same limits, timeout and heap ceiling, to a worker entry that serves them
 *   (`worker`: portfolio/fileWorker.ts); those are never done in this thread.
 */
export interface IntakePoolOptions {
  /** Worker threads; all cores by default. */
  readonly size?: number;
  readonly limits?: IntakeLimits;
  /** The user's language, for every worker's Intake (see IntakeOptions.language). */
  readonly language?: string | undefined;
  /** Longest one file may take in a worker before it is given up (30 s by default). */
  readonly fileTimeoutMs?: number;
  /** Heap ceiling of each worker in MB: a file that needs more stops only its worker. */
  readonly workerHeapMb?: number;
  /** The worker entry; intakeWorker (intakeWorker.ts) by default. */
  readonly worker?: WorkerEntry;
  /** The worker script itself, overriding `worker` (tests: one that does not exist). */
  readonly workerScript?: URL;
}

export type { TaskStop } from './poolBatches';

/** The intake worker, declared here and built as an entry of its own (electron.vite.config.ts, build/cliBundle.js). */
const intakeWorker: WorkerEntry = {
  sources: new URL('./intakeWorker.ts', import.meta.url),
  built: [new URL('./intakeWorker.js', import.meta.url), new URL('../intakeWorker.js', import.meta.url)],
};

/** A credential file given up: why, said as a malformed outcome. */
function malformed(name: string, why: TaskStop): IntakeOutcome[] {
  // A reader that threw (which Intake never means to) is said in general words.
  if (!why) return [{ outcome: 'malformed', file: name, reason: 'This file could not be read (it may be damaged).' }];
  return [{ outcome: 'malformed', file: name, reason: englishOf(why), reasonMessage: why }];
}

export class IntakePool {
  private slots: Slot[] = [];
  private queue: Job[] = [];
  private readonly carriers: ArrayBuffer[] = [];
  private readonly limits: IntakeLimits;
  private readonly fileTimeoutMs: number;
  private readonly location: WorkerLocation | undefined;
  private readonly epoch = Date.now();
  private nextJob = 0;
  private nextBatch = 0;
  private pumpQueued = false;
  private closed = false;
  private watchdog: NodeJS.Timeout | undefined;
  private fallback: Intake | undefined;
  private fallbackRunning = false;
  private answered = 0;

  constructor(private readonly options: IntakePoolOptions = {}) {
    this.limits = options.limits ?? defaultIntakeLimits;
    // Refused here, in the caller's thread, rather than by each worker as it starts.
    languagesFor(options.language);
    this.fileTimeoutMs = options.fileTimeoutMs ?? 30_000;
    this.location = options.workerScript ? { script: options.workerScript, entry: options.workerScript.href } : workerLocation(options.worker ?? intakeWorker, import.meta.url);
    const size = Math.max(1, options.size ?? availableParallelism());
    for (let i = 0; i < size && this.location; i++) {
      try {
        this.slots.push(this.startWorker(this.location));
      } catch {
        break;
      }
    }
  }

  /** Worker threads running (0: files are read in this thread). */
  get threads(): number {
    return this.slots.length;
  }

  /** Answers that came from a worker thread so far (tests: proof that work was not done in this thread). */
  get workerAnswers(): number {
    return this.answered;
  }

  /** Every credential in one file, as Intake.inspect answers. The file's bytes are not changed. */
  inspect(file: IntakeFile): Promise<IntakeOutcome[]> {
    // Refused before reading, as Intake would: no point copying it to a worker first.
    if (!this.closed && file.bytes.length > this.limits.maxFileBytes) return new Intake(this.limits, { language: this.options.language }).inspect(file);
    const here = (): Promise<IntakeOutcome[]> => {
      this.fallback ??= new Intake(this.limits, { language: this.options.language });
      return this.fallback.inspect(file);
    };
    return this.enqueue(undefined, file, (why) => malformed(file.name, why), here);
  }

  /**
   * One task of the worker entry (`worker`) on one file, in a worker thread, never in this
   * one: without workers, or when the task throws, stops or outlasts its worker, the answer
   * is `stopped`'s.
   */
  run<T>(task: string, file: { readonly name: string; readonly bytes: Uint8Array }, stopped: (why: TaskStop) => T): Promise<T> {
    return this.enqueue(task, file, stopped, undefined);
  }

  private enqueue<T>(task: string | undefined, file: IntakeFile, stopped: (why: TaskStop) => T, here: (() => Promise<T>) | undefined): Promise<T> {
    if (this.closed) return Promise.reject(new Error('The intake pool is closed.'));
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ id: this.nextJob++ & 0x7fffffff, file, task, resolve: resolve as (answer: unknown) => void, reject, stopped, here, failures: 0 });
      this.schedulePump();
    });
  }

  /** Outcomes for each file, in the order given. */
  inspectAll(files: readonly IntakeFile[]): Promise<IntakeOutcome[][]> {
    return Promise.all(files.map((file) => this.inspect(file)));
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

  /** Ends the workers. Files still waiting are refused with an error. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.stopWatchdog();
    const slots = this.slots;
    this.slots = [];
    const pending = [...this.queue, ...slots.flatMap((s) => [...s.batches.values()].flatMap((b) => b.jobs))];
    this.queue = [];
    for (const job of pending) job.reject(new Error('The intake pool was closed before this file was read.'));
    await Promise.all(
      slots.map((slot) => {
        slot.ending = true;
        slot.batches.clear();
        return slot.worker.terminate();
      }),
    );
  }

  private startWorker(location: WorkerLocation): Slot {
    const progress = new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT);
    const workerData: IntakeWorkerData = {
      role: 'badgefolio-intake-worker',
      limits: this.limits,
      language: this.options.language,
      progress,
      epoch: this.epoch,
      entry: location.entry,
    };
    const worker = new Worker(location.script, {
      workerData,
      ...(this.options.workerHeapMb ? { resourceLimits: { maxOldGenerationSizeMb: this.options.workerHeapMb } } : {}),
    });
    worker.unref();
    const slot: Slot = { worker, progress: new Int32Array(progress), batches: new Map(), sent: 0, started: false, ending: false, activeSince: this.now(), carryingLarge: false };
    Atomics.store(slot.progress, 0, idle);
    let failure: Error | undefined;
    worker.on('message', (message: IntakeWorkerMessage) => {
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
      if (!slot.ending) this.workerStopped(slot, failure);
    });
    return slot;
  }

  private finishBatch(slot: Slot, message: Extract<IntakeWorkerMessage, { kind: 'batch' }>): void {
    const batch = slot.batches.get(message.batch);
    if (!batch) return;
    slot.batches.delete(message.batch);
    slot.carryingLarge = false;
    if (slot.batches.size === 0) slot.worker.unref();
    const carrier = message.carrier;
    if (carrier.byteLength === carrierBytes && this.carriers.length < this.slots.length * batchesPerWorker) this.carriers.push(carrier);
    let results: IntakeBatchResults;
    try {
      results = unpackValue(
        message.results,
        batch.jobs.map((job) => job.file.bytes),
      ) as IntakeBatchResults;
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
    for (const job of byId.values()) job.reject(new Error(`The intake worker gave no outcome for ${job.file.name}.`));
    this.schedulePump();
  }

  /**
   * A worker stopped (crashed, ran out of memory, or was ended for taking too long): the file
   * it was reading gets its outcome, the rest of its files go back in the queue, and a new
   * worker takes its place. A worker that stops before it ever started is not replaced.
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
    if (slot.started && !this.closed && this.location) {
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
    // Files handed over in one go are batched together.
    queueMicrotask(() => {
      this.pumpQueued = false;
      this.pump();
    });
  }

  private pump(): void {
    if (this.closed) return;
    if (this.slots.length === 0) {
      void this.readHere();
      return;
    }
    while (this.queue.length > 0) {
      // Nothing queues behind a large file: it may be the one that stops its worker.
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
    slot.carryingLarge = jobs.some((job) => job.file.bytes.length >= largeFileBytes);
    slot.sent++;
    slot.worker.ref();
    const message: IntakeBatchMessage = { batch, carrier, files };
    slot.worker.postMessage(message, [carrier]);
  }

  /** Checks, while files are in flight, that no worker has spent too long on one file. */
  private updateWatchdog(): void {
    const busy = this.slots.some((s) => s.batches.size > 0);
    if (!busy) {
      this.stopWatchdog();
      return;
    }
    if (this.watchdog) return;
    this.watchdog = setInterval(
      () => {
        this.checkTimes();
      },
      Math.max(10, Math.min(1000, this.fileTimeoutMs / 4)),
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
   * A worker on one file for too long is ended and that file blamed. A started worker that
   * has not answered every batch it was sent, yet has shown no sign of life for as long (stuck
   * between files), is ended too, with no file to blame: its files are read again, alone.
   * Both judge by the worker's own clock entries, so a busy main thread cannot mistake an
   * answer it has not handled yet for a stuck worker.
   */
  private checkTimes(): void {
    const now = this.now();
    for (const slot of this.slots) {
      if (slot.batches.size === 0 || !slot.started) continue;
      const current = Atomics.load(slot.progress, 0);
      const fileStarted = Atomics.load(slot.progress, 1);
      const stuckOnFile = current !== idle && now - fileStarted > this.fileTimeoutMs;
      const unanswered = Atomics.load(slot.progress, 2) < slot.sent;
      const stuckBetween = current === idle && unanswered && now - Math.max(fileStarted, slot.activeSince) > this.fileTimeoutMs;
      if (!stuckOnFile && !stuckBetween) continue;
      slot.ending = true;
      this.workerStopped(slot, undefined, outOfTime(this.fileTimeoutMs));
      void slot.worker.terminate();
    }
    this.updateWatchdog();
  }

  /** Without workers: the same reading, one file at a time, in this thread; other tasks are not done here. */
  private async readHere(): Promise<void> {
    if (this.fallbackRunning) return;
    this.fallbackRunning = true;
    try {
      for (let job = this.queue.shift(); job && !this.closed; job = this.queue.shift()) {
        job.resolve(job.here ? await job.here() : job.stopped(msg('damaged.stoppedReader')));
      }
    } finally {
      this.fallbackRunning = false;
    }
  }
}
