import type { TaskInput, WorkerTasks } from '../workers/workerLoop';
import type { WorkerEntry } from '../workers/workerEntry';
import { Intake, type IntakeFile } from './intake';
import type { IntakeLimits } from './limits';

/**
 * Reading credentials as a task of the worker pool (workers/workerPool.ts): what intakePool.ts
 * hands it, and what the worker entries that serve it (intakeWorker.ts, portfolio/fileWorker.ts)
 * do with it.
 */

/** The task's name. */
export const inspectTask = 'inspect';

/** What every worker's Intake is made from: the pool's limits and the user's language. */
export interface IntakeSetup {
  readonly limits: IntakeLimits;
  readonly language?: string | undefined;
}

/** What an IntakeFile says besides its name and bytes, carried as the task's `extra`. */
interface KeepWishes {
  readonly keepAsCertificate?: boolean;
  readonly keepEntries?: readonly string[];
}

/** An IntakeFile as a task input. */
export function inspectInput(file: IntakeFile): TaskInput {
  // Most files carry no wishes: nothing beside the bytes to clone for them.
  if (!file.keepAsCertificate && !file.keepEntries) return { name: file.name, bytes: file.bytes };
  const wishes: KeepWishes = { ...(file.keepAsCertificate ? { keepAsCertificate: true } : {}), ...(file.keepEntries ? { keepEntries: file.keepEntries } : {}) };
  return { name: file.name, bytes: file.bytes, extra: wishes };
}

/** A task input back as the IntakeFile it was made from. */
export function inspectedFile(input: TaskInput): IntakeFile {
  return { name: input.name, bytes: input.bytes, ...((input.extra ?? {}) as KeepWishes) };
}

/** The reading task of a worker, with an Intake of its own made from the pool's setup. */
export function intakeTasks(setup: IntakeSetup): WorkerTasks {
  const intake = new Intake(setup.limits, { language: setup.language });
  return { [inspectTask]: (input) => intake.inspect(inspectedFile(input)) };
}

/** The intake worker, declared here and built as an entry of its own (electron.vite.config.ts, build/cliBundle.js). */
export const intakeWorker: WorkerEntry = {
  sources: new URL('./intakeWorker.ts', import.meta.url),
  built: [new URL('./intakeWorker.js', import.meta.url), new URL('../intakeWorker.js', import.meta.url)],
};
