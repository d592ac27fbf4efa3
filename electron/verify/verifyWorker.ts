import { parentPort, workerData } from 'node:worker_threads';
import type { NormalizedCredential } from '../../shared/credential/model';
import { verifierFromConfig, type PoolConfig } from './poolConfig';

/** One verification worker: a verifier of its own (own caches), answering jobs by id. */
const port = parentPort;
if (port) {
  const { config } = workerData as { config: PoolConfig; entry: string };
  const verifier = verifierFromConfig(config);
  port.on('message', (message: { id: number; credential: NormalizedCredential }) => {
    verifier.verify(message.credential).then(
      (report) => {
        port.postMessage({ id: message.id, report });
      },
      (error: unknown) => {
        port.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) });
      },
    );
  });
  port.postMessage({ ready: true });
}
