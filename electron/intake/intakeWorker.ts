import { serveTasks } from '../workers/workerLoop';
import { intakeTasks } from './intakeTasks';

/**
 * The intake pool's worker thread (see intakePool.ts, workers/workerLoop.ts): reads credentials,
 * with the pool's limits and language. portfolio/fileWorker.ts serves this task and more.
 */
serveTasks(intakeTasks);
