import { existsSync } from 'node:fs';
import type { VerificationMessage } from '../../shared/credential/verification';
import { msg } from '../../shared/credential/verificationMessages';

/** Where a pool's worker thread starts: the script Node runs, and the module it loads. */
export interface WorkerLocation {
  readonly script: URL;
  readonly entry: string;
}

/**
 * A worker entry point, declared by the module that hands the pool its tasks (intake/intakePool.ts,
 * verify/workerPool.ts, portfolio/fileReaders.ts): its TypeScript source, and where the build puts
 * it (an entry of electron.vite.config.ts's main build or of build/cliBundle.js).
 */
export interface WorkerEntry {
  /** The entry module in the sources, e.g. new URL('./intakeWorker.ts', import.meta.url). */
  readonly sources: URL;
  /** Where it is once built: beside the bundle, or one folder up when the module was put in a chunk. */
  readonly built: readonly URL[];
}

/** Whether this code runs from the TypeScript sources (tsx, vitest) rather than a build. */
function fromSources(moduleUrl: string): boolean {
  return moduleUrl.endsWith('.ts');
}

export function workerLocation(entry: WorkerEntry): WorkerLocation | undefined {
  if (fromSources(import.meta.url)) {
    // Loader hooks do not reach worker threads: the bootstrap registers tsx in the worker,
    // then imports the TypeScript entry.
    return { script: new URL('./workerBootstrap.js', import.meta.url), entry: entry.sources.href };
  }
  const built = entry.built.find((url) => existsSync(url));
  return built ? { script: built, entry: built.href } : undefined;
}

/** Why a task was given up: it took longer than `timeoutMs`. */
export function outOfTime(timeoutMs: number): VerificationMessage {
  const seconds = timeoutMs >= 1000 ? `${String(Math.round(timeoutMs / 100) / 10)} s` : `${String(timeoutMs)} ms`;
  return msg('damaged.tooSlow', { time: seconds });
}

/** Why a task was given up: its worker stopped (out of memory, or for another reason). */
export function stoppedReader(error: Error | undefined): VerificationMessage {
  const outOfMemory = (error as { code?: string } | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY';
  return outOfMemory ? msg('damaged.outOfMemory') : msg('damaged.stoppedReader');
}
