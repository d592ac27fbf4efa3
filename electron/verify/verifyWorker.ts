import { serveTasks } from '../workers/workerLoop';
import { verifierFromConfig, type PoolConfig } from './poolConfig';
import { verifyInput, verifyTask } from './workerPool';

/**
 * The verification pool's worker thread (workerPool.ts): a verifier of its own (own caches)
 * made from the pool's PoolConfig. A batch's credentials are checked side by side, as they
 * wait on documents, and answered together.
 */
serveTasks(
  (config: PoolConfig) => {
    const verifier = verifierFromConfig(config);
    return { [verifyTask]: (input) => verifyInput(verifier, input) };
  },
  // Reports hold text alone: cloned, not packed.
  { concurrent: true, cloneAnswers: true },
);
