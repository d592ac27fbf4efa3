import type { NormalizedCredential } from '../../shared/credential/model';
import type { VerificationReport } from '../../shared/credential/verification';
import { englishOf } from '../../shared/credential/verificationMessages';
import type { WorkerEntry } from '../workers/workerEntry';
import { WorkerPool, type TaskInput, type TaskStop } from '../workers/workerPool';
import { verifierFromConfig, type PoolConfig } from './poolConfig';
import type { Verifier } from './verifier';

/**
 * Batch verification over every core: canonicalisation is CPU-bound JavaScript, so a folder
 * of credentials is spread over the worker pool (workers/workerPool.ts), each worker with its
 * own verifier made from the same PoolConfig (verifyWorker.ts). If workers cannot start,
 * verification still happens, in this thread.
 */
export interface PoolOptions {
  /** Worker threads; all cores by default. */
  readonly size?: number;
  /** Told once when a worker could not start or stopped, so a caller can say that work went slower. */
  readonly onWorkerFailure?: (error: Error) => void;
}

/** The task's name, served by verifyWorker.ts. */
export const verifyTask = 'verify';

/** What verifying one credential gave: its report, or why there is none (the verifier threw). */
export type VerifyAnswer = { readonly report: VerificationReport } | { readonly error: string };

/** The verification worker, declared here and built as an entry of the CLI bundle (build/cliBundle.js). */
const verifyWorker: WorkerEntry = {
  sources: new URL('./verifyWorker.ts', import.meta.url),
  built: [new URL('./verifyWorker.js', import.meta.url), new URL('../verifyWorker.js', import.meta.url)],
};

/** Verifies the credential a task input carries, answering rather than throwing. */
export async function verifyInput(verifier: Verifier, input: TaskInput): Promise<VerifyAnswer> {
  try {
    return { report: await verifier.verify(input.extra as NormalizedCredential) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** What a worker needs of a credential: its signed text and hints, not the image bytes. */
function slimInput(credential: NormalizedCredential): TaskInput {
  const { image: _image, ...rest } = credential;
  return { name: credential.name, bytes: new Uint8Array(0), extra: { ...rest, original: { ...credential.original, bytes: new Uint8Array(0) } } };
}

function reportOf(answer: VerifyAnswer): VerificationReport {
  if ('error' in answer) throw new Error(answer.error);
  return answer.report;
}

export class VerifierPool {
  private readonly pool: WorkerPool;
  private fallback: Verifier | undefined;

  constructor(
    private readonly config: PoolConfig,
    options: PoolOptions = {},
  ) {
    // No time limit: a verification waits on documents and status lists, each fetch bounded by safeFetch's own.
    this.pool = new WorkerPool({ entry: verifyWorker, setup: config, size: options.size, taskTimeoutMs: Infinity, onWorkerFailure: options.onWorkerFailure });
  }

  /** How many worker threads are running (0: verifying in this thread). */
  get threads(): number {
    return this.pool.threads;
  }

  verify(credential: NormalizedCredential): Promise<VerificationReport> {
    const here = (): Promise<VerifyAnswer> => {
      this.fallback ??= verifierFromConfig(this.config);
      return verifyInput(this.fallback, input);
    };
    const input = slimInput(credential);
    const stopped = (why: TaskStop): VerifyAnswer => ({ error: why ? englishOf(why) : 'verification failed' });
    return this.pool.run(verifyTask, input, stopped, here).then(reportOf);
  }

  /** Every credential queued before any is sent, so that the workers get full batches. */
  verifyAll(credentials: readonly NormalizedCredential[]): Promise<VerificationReport[]> {
    return Promise.all(credentials.map((c) => this.verify(c)));
  }

  /**
   * Verifies queued credentials in this thread too, with `verifier`, taking them from the back
   * of the queue while the workers take theirs from the front (see WorkerPool.helpWith).
   */
  helpWith(verifier: Verifier): Promise<void> {
    return this.pool.helpWith(verifyTask, (input) => verifyInput(verifier, input));
  }

  /** Waits until every worker has started (for benchmarks: start-up is not throughput). */
  ready(): Promise<void> {
    return this.pool.ready();
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
