import { inspectTask, intakeTasks, type IntakeSetup } from '../../electron/intake/intakeTasks';
import { serveTasks } from '../../electron/workers/workerLoop';

/**
 * The intake worker (electron/intake/intakeWorker.ts), except that a file named `stalls.json`
 * is never answered: a file that takes too long on every machine, however fast, so the pool's
 * time limit is tested without depending on how long a real file takes to read.
 */
serveTasks((setup: IntakeSetup) => {
  const inspect = intakeTasks(setup)[inspectTask];
  return { [inspectTask]: (input) => (input.name === 'stalls.json' || !inspect ? new Promise<never>(() => undefined) : inspect(input)) };
});
