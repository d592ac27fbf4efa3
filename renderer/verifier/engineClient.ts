import type { VerifierRequest, VerifierResponse } from '../../shared/contract/verifierPage';
// The engine's worker (electron/verifierPage/verifierWorker.ts) as the text of a classic script,
// built into the page's own script by build/verifierPage.js: a page saved to disk (file://) may not
// start a worker from a file, but may from a blob: URL it made itself (CSP: `worker-src blob:`).
import { workerSource } from 'badgefolio-verifier-worker';

/** A request without its id: the client numbers them. */
export type EngineRequest = VerifierRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

/**
 * The page's side of the worker contract (shared/contract/verifierPage.ts): one Web Worker
 * running the verification engine, requests answered in order, each matched by its id.
 */
export class EngineClient {
  private readonly worker: Worker;
  private next = 1;
  private readonly waiting = new Map<number, (response: VerifierResponse) => void>();

  constructor() {
    // The worker revokes the URL once it runs (build/verifierPage.js).
    this.worker = new Worker(URL.createObjectURL(new Blob([workerSource], { type: 'text/javascript' })), { name: 'badgefolio-verifier' });
    this.worker.onmessage = (event: MessageEvent<VerifierResponse>) => {
      const resolve = this.waiting.get(event.data.id);
      this.waiting.delete(event.data.id);
      resolve?.(event.data);
    };
    this.worker.onerror = (event) => {
      // The worker itself failed (it did not load): every waiting request gets a failure.
      for (const [id, resolve] of this.waiting) resolve({ kind: 'failed', id, reason: 'engine-failed', detail: event.message, fetches: [] });
      this.waiting.clear();
    };
  }

  check(request: EngineRequest): Promise<VerifierResponse> {
    const id = this.next++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      const message = { ...request, id } as VerifierRequest;
      // A dropped file's bytes move to the worker rather than being copied.
      this.worker.postMessage(message, message.kind === 'file' ? [message.bytes.buffer] : []);
    });
  }
}
