import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { msg } from '../../shared/credential/verificationMessages';
import { ReceiveError } from './receiveNetwork';

/**
 * The redirect target of the OpenID4VCI authorization code flow, as RFC 8252 (OAuth for native
 * apps) has desktop apps do it: an http server on 127.0.0.1 at a port the OS picks, listening
 * for exactly one redirect to one random path, for a limited time. The browser comes back
 * here after the user signed in at the issuer; the code and state are taken from the query,
 * the browser is told it may close the tab, and the server closes.
 */
export interface LoopbackRedirect {
  readonly redirectUri: string;
  /** The query of the one redirect that arrived (code, state, iss, or error). */
  readonly arrived: Promise<URLSearchParams>;
  close(): void;
}

const page = (text: string): string => `<!doctype html><meta charset="utf-8"><title>Badgefolio</title><body style="font-family:sans-serif;margin:3em"><p>${text}</p></body>`;

export async function startLoopbackRedirect(path: string, timeoutMs: number): Promise<LoopbackRedirect> {
  let settle: { resolve: (query: URLSearchParams) => void; reject: (error: Error) => void } | undefined;
  const arrived = new Promise<URLSearchParams>((resolve, reject) => {
    settle = { resolve, reject };
  });
  // Observed by whoever awaits it; a rejection nobody awaits yet must not crash the process.
  arrived.catch(() => undefined);
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (request.method !== 'GET' || url.pathname !== path) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    const failed = url.searchParams.has('error');
    response
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
      .end(page(failed ? 'The issuer did not let you sign in. You can close this tab and return to Badgefolio.' : 'Signed in. You can close this tab and return to Badgefolio.'));
    clearTimeout(timer);
    settle?.resolve(url.searchParams);
    server.close();
  });
  const timer = setTimeout(() => {
    settle?.reject(new ReceiveError(msg('receive.auth.timeout', { seconds: Math.round(timeoutMs / 1000) })));
    server.close();
  }, timeoutMs);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    redirectUri: `http://127.0.0.1:${String(port)}${path}`,
    arrived,
    close() {
      clearTimeout(timer);
      server.close();
    },
  };
}
