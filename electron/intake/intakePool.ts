import type { IntakeOutcome } from '../../shared/credential/intakeOutcome';
import { englishOf } from '../../shared/credential/verificationMessages';
import { WorkerPool, type TaskStop } from '../workers/workerPool';
import type { WorkerEntry } from '../workers/workerEntry';
import { Intake, type IntakeFile } from './intake';
import { inspectInput, inspectTask, intakeWorker, type IntakeSetup } from './intakeTasks';
import { languagesFor } from './formats/preferredLanguage';
import { defaultIntakeLimits, type IntakeLimits } from './limits';

/**
 * Intake over every core: recognising a badge is CPU-bound JavaScript (PNG chunks, UTF-8,
 * JSON, SHA-256, the normalised model), so a folder of files is spread over the worker pool
 * (workers/workerPool.ts), each worker with its own Intake and the same limits and language.
 *
 * - Same answers as Intake: one outcome per credential found, or one saying why there is
 *   none; the originals in the outcomes are the very byte arrays the caller handed in, left
 *   as they were.
 * - A file that takes longer than `fileTimeoutMs`, or stops its worker (out of memory, a
 *   bug), gets its own `malformed` outcome; every other file is read.
 * - Where it pays: files whose reading costs far more than moving them between threads
 *   (scanned certificates, PDFs, archives), and keeping that work and its risks off the
 *   calling thread. Not for small baked badges: copying one over and unpacking its outcome
 *   into this thread's heap costs more CPU than reading it here (npm run bench: about 88
 *   against 24 µs a file), so one thread reads a folder of them faster.
 * - Without workers, files are read in this thread.
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

/** A credential file given up: why, said as a malformed outcome. */
function malformed(name: string, why: TaskStop): IntakeOutcome[] {
  // A reader that threw (which Intake never means to) is said in general words.
  if (!why) return [{ outcome: 'malformed', file: name, reason: 'This file could not be read (it may be damaged).' }];
  return [{ outcome: 'malformed', file: name, reason: englishOf(why), reasonMessage: why }];
}

export class IntakePool {
  private readonly pool: WorkerPool;
  private readonly limits: IntakeLimits;
  private fallback: Intake | undefined;

  constructor(private readonly options: IntakePoolOptions = {}) {
    this.limits = options.limits ?? defaultIntakeLimits;
    // Refused here, in the caller's thread, rather than by each worker as it starts.
    languagesFor(options.language);
    const setup: IntakeSetup = { limits: this.limits, language: options.language };
    this.pool = new WorkerPool({
      entry: options.worker ?? intakeWorker,
      workerScript: options.workerScript,
      setup,
      size: options.size,
      taskTimeoutMs: options.fileTimeoutMs,
      workerHeapMb: options.workerHeapMb,
    });
  }

  /** Worker threads running (0: files are read in this thread). */
  get threads(): number {
    return this.pool.threads;
  }

  /** Answers that came from a worker thread so far (tests: proof that work was not done in this thread). */
  get workerAnswers(): number {
    return this.pool.workerAnswers;
  }

  /** Every credential in one file, as Intake.inspect answers. The file's bytes are not changed. */
  inspect(file: IntakeFile): Promise<IntakeOutcome[]> {
    // Refused before reading, as Intake would: no point copying it to a worker first.
    if (!this.pool.closed && file.bytes.length > this.limits.maxFileBytes) return new Intake(this.limits, { language: this.options.language }).inspect(file);
    const here = (): Promise<IntakeOutcome[]> => {
      this.fallback ??= new Intake(this.limits, { language: this.options.language });
      return this.fallback.inspect(file);
    };
    return this.pool.run(inspectTask, inspectInput(file), (why) => malformed(file.name, why), here);
  }

  /** Outcomes for each file, in the order given. */
  inspectAll(files: readonly IntakeFile[]): Promise<IntakeOutcome[][]> {
    return Promise.all(files.map((file) => this.inspect(file)));
  }

  /** Resolves once every worker has started (for benchmarks: start-up is not throughput). */
  ready(): Promise<void> {
    return this.pool.ready();
  }

  /** Ends the workers. Files still waiting are refused with an error. */
  close(): Promise<void> {
    return this.pool.close();
  }
}
