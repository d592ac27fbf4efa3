import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { IntakeOutcome } from '../../shared/credential/intakeOutcome';
import { englishOf, msg } from '../../shared/credential/verificationMessages';
import { Intake, type IntakeFile } from './intake';
import type { IntakeBatchFile, IntakeBatchMessage, IntakeBatchResults, IntakeWorkerData, IntakeWorkerMessage } from './intakeWorker';
import { languagesFor } from './formats/preferredLanguage';
import { defaultIntakeLimits, type IntakeLimits } from './limits';
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
  /** The worker script; intakeWorker.js beside this module by default. */
  readonly workerScript?: URL;
}

interface Job {
  readonly id: number;
  readonly file: IntakeFile;
  readonly resolve: (outcomes: IntakeOutcome[]) => void;
  readonly reject: (error: Error) => void;
  /** Times a worker stopped with this file in flight when no one file could be blamed. */
  failures: number;
}

interface Batch {
  readonly jobs: readonly Job[];
}

interface Slot {
  readonly worker: Worker;
  /** Written by the worker: see IntakeWorkerData.progress. */
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
const batchesPerWorker = 2;
/** Carrier buffers are reused; a batch copies at most this much into one. */
const carrierBytes = 4 * 1024 * 1024;
/** A file this large travels alone, and nothing is sent after it until it is read. */
const largeFileBytes = 2 * 1024 * 1024;
const idle = -1;
/** Files lie in a carrier at 8-byte boundaries, so each one's view suits any typed array. */
const aligned = (length: number): number => length + 7 - ((length + 7) % 8);

interface WorkerLocation {
  readonly script: URL;
  readonly entry: string;
}

function workerLocation(override?: URL): WorkerLocation | undefined {
  if (override) return { script: override, entry: override.href };
  if (import.meta.url.endsWith('.ts')) {
    // Loader hooks do not reach worker threads: the verification pool's bootstrap registers
    // tsx in the worker, then imports the TypeScript entry.
    return {
      script: new URL('../verify/workerBootstrap.js', import.meta.url),
      entry: new URL('./intakeWorker.ts', import.meta.url).href,
    };
  }
  // Built: beside this module, or one folder up when the bundler put this module in a chunk.
  const built = [new URL('./intakeWorker.js', import.meta.url), new URL('../intakeWorker.js', import.meta.url)].find((url) => existsSync(url));
  return built ? { script: built, entry: built.href } : undefined;
}

function outOfTime(name: string, timeoutMs: number): IntakeOutcome {
  const seconds = timeoutMs >= 1000 ? `${String(Math.round(timeoutMs / 100) / 10)} s` : `${String(timeoutMs)} ms`;
  const reasonMessage = msg('damaged.tooSlow', { time: seconds });
  return { outcome: 'malformed', file: name, reason: englishOf(reasonMessage), reasonMessage };
}

function stoppedReader(name: string, error: Error | undefined): IntakeOutcome {
  const outOfMemory = (error as { code?: string } | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY';
  const reasonMessage = outOfMemory ? msg('damaged.outOfMemory') : msg('damaged.stoppedReader');
  return { outcome: 'malformed', file: name, reason: englishOf(reasonMessage), reasonMessage };
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

  constructor(private readonly options: IntakePoolOptions = {}) {
    this.limits = options.limits ?? defaultIntakeLimits;
    // Refused here, in the caller's thread, rather than by each worker as it starts.
    languagesFor(options.language);
    this.fileTimeoutMs = options.fileTimeoutMs ?? 30_000;
    this.location = workerLocation(options.workerScript);
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

  /** Every credential in one file, as Intake.inspect answers. The file's bytes are not changed. */
  inspect(file: IntakeFile): Promise<IntakeOutcome[]> {
    if (this.closed) return Promise.reject(new Error('The intake pool is closed.'));
    // Refused before reading, as Intake would: no point copying it to a worker first.
    if (file.bytes.length > this.limits.maxFileBytes) return new Intake(this.limits, { language: this.options.language }).inspect(file);
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextJob++ & 0x7fffffff, file, resolve, reject, failures: 0 });
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
    for (const [id, outcomes] of results) {
      byId.get(id)?.resolve(outcomes);
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
  private workerStopped(slot: Slot, error: Error | undefined, blame?: (name: string) => IntakeOutcome): void {
    if (!this.slots.includes(slot)) return;
    this.slots = this.slots.filter((s) => s !== slot);
    const current = Atomics.load(slot.progress, 0);
    const jobs = [...slot.batches.values()].flatMap((b) => b.jobs);
    slot.batches.clear();
    const culprit = jobs.find((job) => job.id === current);
    const again: Job[] = [];
    for (const job of jobs) {
      if (job === culprit) {
        job.resolve([(blame ?? ((name: string) => stoppedReader(name, error)))(job.file.name)]);
      } else if (!culprit && slot.started && ++job.failures >= 2) {
        job.resolve([stoppedReader(job.file.name, error)]);
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
      const jobs = this.takeBatch(slot.batches.size === 0);
      if (jobs.length === 0) break;
      this.send(slot, jobs);
    }
    this.updateWatchdog();
  }

  /**
   * The next batch: a fair share of the queue, within the file and byte limits. A file under
   * suspicion, or a large one, goes alone (and only to an idle worker), so that a second stop
   * is pinned on the right file and costs no other file.
   */
  private takeBatch(toIdleWorker: boolean): Job[] {
    const share = Math.ceil(this.queue.length / (this.slots.length * batchesPerWorker));
    const count = Math.min(maxBatchFiles, Math.max(1, share));
    const alone = (job: Job): boolean => job.failures > 0 || job.file.bytes.length >= largeFileBytes;
    const jobs: Job[] = [];
    let bytes = 0;
    for (const job of this.queue) {
      if (jobs.length >= count) break;
      if (alone(job)) {
        if (jobs.length === 0 && toIdleWorker) jobs.push(job);
        break;
      }
      if (jobs.length > 0 && bytes + job.file.bytes.length > carrierBytes) break;
      jobs.push(job);
      bytes += aligned(job.file.bytes.length);
    }
    this.queue.splice(0, jobs.length);
    return jobs;
  }

  private send(slot: Slot, jobs: readonly Job[]): void {
    const files: IntakeBatchFile[] = [];
    let size = 0;
    for (const job of jobs) {
      files.push({
        id: job.id,
        name: job.file.name,
        offset: size,
        length: job.file.bytes.length,
        ...(job.file.keepAsCertificate ? { keepAsCertificate: true } : {}),
        ...(job.file.keepEntries ? { keepEntries: job.file.keepEntries } : {}),
      });
      size += aligned(job.file.bytes.length);
    }
    const carrier = size <= carrierBytes ? (this.carriers.pop() ?? new ArrayBuffer(carrierBytes)) : new ArrayBuffer(size);
    const target = new Uint8Array(carrier);
    jobs.forEach((job, i) => {
      target.set(job.file.bytes, files[i]?.offset);
    });
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
      this.workerStopped(slot, undefined, (name) => outOfTime(name, this.fileTimeoutMs));
      void slot.worker.terminate();
    }
    this.updateWatchdog();
  }

  /** Without workers: the same reading, one file at a time, in this thread. */
  private async readHere(): Promise<void> {
    if (this.fallbackRunning) return;
    this.fallbackRunning = true;
    this.fallback ??= new Intake(this.limits, { language: this.options.language });
    try {
      for (let job = this.queue.shift(); job && !this.closed; job = this.queue.shift()) {
        job.resolve(await this.fallback.inspect(job.file));
      }
    } finally {
      this.fallbackRunning = false;
    }
  }
}
