import { Intake } from '../../electron/intake/intake';
import { inspectTask, serveTasks } from '../../electron/intake/workerLoop';

/**
 * The intake worker (electron/intake/intakeWorker.ts), except that a file named `stalls.json`
 * is never answered: a file that takes too long on every machine, however fast, so the pool's
 * time limit is tested without depending on how long a real file takes to read.
 */
serveTasks((data) => {
  const intake = new Intake(data.limits, { language: data.language });
  return { [inspectTask]: (file) => (file.name === 'stalls.json' ? new Promise<never>(() => undefined) : intake.inspect(file)) };
});
