import { Intake } from './intake';
import { inspectTask, serveTasks } from './workerLoop';

/**
 * The intake pool's worker thread (see intakePool.ts, workerLoop.ts): reads credentials, with
 * the pool's limits and language. portfolio/fileWorker.ts serves this task and more.
 */
serveTasks((data) => {
  const intake = new Intake(data.limits, { language: data.language });
  return { [inspectTask]: (file) => intake.inspect(file) };
});
