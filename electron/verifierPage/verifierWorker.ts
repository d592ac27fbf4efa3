// First: the Buffer global the engine's node-style code expects, before any engine module runs.
import './browser/bufferGlobal';
import type { VerifierRequest, VerifierResponse } from '../../shared/contract/verifierPage';
import { PageSession } from './pageSession';

/**
 * The verifier page's Web Worker: untrusted bytes (a link's credential, a dropped PDF) are
 * decoded and verified here, off the page's main thread, so a slow or hostile file cannot
 * freeze the page, and the window only ever receives plain results (shared/contract/verifierPage.ts).
 * Requests are handled one at a time, in order.
 */
interface WorkerScope {
  onmessage: ((event: { data: VerifierRequest }) => void) | null;
  postMessage(message: VerifierResponse): void;
}

const scope = globalThis as unknown as WorkerScope;
const session = new PageSession();
let queue: Promise<void> = Promise.resolve();

scope.onmessage = (event) => {
  const request = event.data;
  queue = queue.then(async () => {
    scope.postMessage(await session.handle(request));
  });
};
