import { parentPort, workerData } from 'node:worker_threads';
import { verifierFromConfig, type PoolConfig } from './poolConfig';
import type { JobsMessage, ResultsMessage } from './workerPool';

/** One verification worker: a verifier of its own (own caches), answering batches of jobs by id. */
const port = parentPort;
if (port) {
  const { config } = workerData as { config: PoolConfig; entry: string };
  const verifier = verifierFromConfig(config);
  const verifyOne = async ({ id, credential }: JobsMessage['jobs'][number]): Promise<ResultsMessage['results'][number]> => {
    try {
      return { id, report: await verifier.verify(credential) };
    } catch (error) {
      return { id, error: error instanceof Error ? error.message : String(error) };
    }
  };
  // A batch is answered in one message once all of it is checked.
  port.on('message', (message: JobsMessage) => {
    void Promise.all(message.jobs.map(verifyOne)).then((results) => {
      const reply: ResultsMessage = { results };
      port.postMessage(reply);
    });
  });
  port.postMessage({ ready: true });
}
