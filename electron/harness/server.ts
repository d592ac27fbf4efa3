import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { rendererMenuCommands, type RendererMenuCommand } from '../../shared/contract/events';
import { fail } from '../../shared/contract/result';
import { fromWire, toWire } from '../../shared/contract/wire';
import { dispatch, type DispatchLog } from '../core/dispatch';
import type { Handlers } from '../core/handlers';
import type { ShellEventHub } from '../core/shellEventHub';
import { mimeTypeFor, rendererResponseHeaders, resolveRendererFile } from '../security/contentPolicy';

export interface HarnessOptions {
  readonly rendererRoot: string;
  readonly handlers: Handlers;
  readonly bridgeScript: string;
  readonly port: number;
  readonly log?: DispatchLog;
  readonly shell?: HarnessShell;
}

/**
 * The desktop shell's side of the harness: main-to-renderer events, streamed to the page as
 * server-sent events, and stand-ins for what the OS and the menu do in the app, which the
 * end-to-end tests call (POST /__harness/open-files, POST /__harness/menu).
 */
export interface HarnessShell {
  readonly hub: ShellEventHub;
  /** A page started listening: tell it again what waits (files, notices). */
  connected(): void;
  /** As "Open with", the dock or a second launch would hand files to the app. */
  openFiles(paths: string[]): Promise<void>;
  /** As a badgefolio:// or openid-credential-offer:// link clicked in a browser would reach the app. */
  openLinks(links: string[]): Promise<void>;
  /** As the application menu would. */
  menu(command: RendererMenuCommand): void;
}

const openFilesRequest = z.object({ paths: z.array(z.string().min(1).max(4096)).min(1).max(500) }).strict();
const openLinksRequest = z
  .object({
    links: z
      .array(
        z
          .string()
          .min(1)
          .max(64 * 1024),
      )
      .min(1)
      .max(20),
  })
  .strict();
const menuRequest = z.object({ command: z.enum(rendererMenuCommands) }).strict();

export interface RunningHarness {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/** Imports of whole folders travel through here later: generous, but bounded. */
const maxRequestBytes = 128 * 1024 * 1024;
const tokenHeader = 'x-badgefolio-token';

function readBody(request: http.IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxRequestBytes) {
        resolve(null);
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
    request.on('error', reject);
  });
}

function sameSecret(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function escapeAttribute(text: string): string {
  return text.replace(/[&"<>]/g, (c) => `&#${String(c.charCodeAt(0))};`);
}

/**
 * The browser harness: the real renderer and the real main-side handlers, joined over
 * loopback instead of Electron IPC. A development and test tool; never shipped.
 *
 * SECURITY: listens on 127.0.0.1 only; answers only requests whose Host is exactly its own
 * address (no DNS rebinding); every contract call needs the random per-run token, which
 * only the served page can read, sent in a custom header that a foreign origin cannot set
 * without a CORS preflight this server never grants.
 */
export async function startHarness(options: HarnessOptions): Promise<RunningHarness> {
  const token = randomBytes(32).toString('base64url');
  const log = options.log ?? (() => undefined);
  let expectedHost = '';

  async function serveIndex(response: http.ServerResponse): Promise<void> {
    const html = await readFile(resolveRendererFile(options.rendererRoot, '/') ?? '', 'utf8');
    const injected = html.replace('<head>', `<head>\n<meta name="badgefolio-harness-token" content="${escapeAttribute(token)}">\n<script src="/__harness/bridge.js"></script>`);
    response.writeHead(200, rendererResponseHeaders('text/html; charset=utf-8'));
    response.end(injected);
  }

  async function serveStatic(pathname: string, response: http.ServerResponse): Promise<void> {
    const file = resolveRendererFile(options.rendererRoot, pathname);
    try {
      if (!file) throw new Error('outside');
      const body = await readFile(file);
      response.writeHead(200, rendererResponseHeaders(mimeTypeFor(file)));
      response.end(body);
    } catch {
      response.writeHead(404, { 'Content-Type': 'text/plain' });
      response.end('Not found');
    }
  }

  /** The per-run token in the custom header, and no foreign Origin. */
  function trusted(request: http.IncomingMessage): boolean {
    const origin = request.headers.origin;
    const headerToken = request.headers[tokenHeader];
    return (origin === undefined || origin === `http://${expectedHost}`) && sameSecret(typeof headerToken === 'string' ? headerToken : undefined, token);
  }

  function replyJson(response: http.ServerResponse, status: number, body: unknown): void {
    response.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
    response.end(toWire(body));
  }

  /** Server-sent events: one `event:`/`data:` frame per shell event, payloads in wire JSON. */
  function serveEvents(request: http.IncomingMessage, response: http.ServerResponse, shell: HarnessShell): void {
    if (!trusted(request)) {
      log('events refused: untrusted caller');
      replyJson(response, 403, fail('forbidden', 'This page may not use the wallet.'));
      return;
    }
    response.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store' });
    response.write(': badgefolio events\n\n');
    const unsubscribe = shell.hub.subscribe((name, payload) => {
      response.write(`event: ${name}\ndata: ${toWire(payload)}\n\n`);
    });
    // The response closes when the page goes away (or the harness stops): no listener is left behind.
    response.on('close', unsubscribe);
    shell.connected();
  }

  async function serveShellCommand(pathname: string, request: http.IncomingMessage, response: http.ServerResponse, shell: HarnessShell) {
    if (!trusted(request)) {
      log(`${pathname} refused: untrusted caller`);
      replyJson(response, 403, fail('forbidden', 'This page may not use the wallet.'));
      return;
    }
    const text = await readBody(request);
    let body: unknown;
    try {
      body = text === null ? null : JSON.parse(text);
    } catch {
      body = null;
    }
    if (pathname === '/__harness/open-files') {
      const parsed = openFilesRequest.safeParse(body);
      if (!parsed.success) {
        replyJson(response, 400, fail('bad-request', 'Expected {"paths": [absolute paths]}.'));
        return;
      }
      await shell.openFiles(parsed.data.paths);
    } else if (pathname === '/__harness/open-links') {
      const parsed = openLinksRequest.safeParse(body);
      if (!parsed.success) {
        replyJson(response, 400, fail('bad-request', 'Expected {"links": [badgefolio:// or openid-credential-offer:// links]}.'));
        return;
      }
      await shell.openLinks(parsed.data.links);
    } else {
      const parsed = menuRequest.safeParse(body);
      if (!parsed.success) {
        replyJson(response, 400, fail('bad-request', `Expected {"command": one of ${rendererMenuCommands.join(', ')}}.`));
        return;
      }
      shell.menu(parsed.data.command);
    }
    replyJson(response, 200, { ok: true, value: null });
  }

  async function serveCall(channel: string, request: http.IncomingMessage, response: http.ServerResponse) {
    const reply = (status: number, body: unknown): void => {
      replyJson(response, status, body);
    };
    if (!trusted(request)) {
      log(`${channel} refused: untrusted caller`);
      reply(403, fail('forbidden', 'This page may not use the wallet.'));
      return;
    }
    const text = await readBody(request);
    if (text === null) {
      reply(413, fail('bad-request', 'The request is too large.'));
      return;
    }
    let payload: unknown;
    try {
      payload = fromWire(text);
    } catch {
      reply(400, fail('bad-request', 'The request is not valid JSON.'));
      return;
    }
    reply(200, await dispatch(options.handlers, channel, payload, log));
  }

  const server = http.createServer((request, response) => {
    void (async () => {
      if (request.headers.host !== expectedHost) {
        response.writeHead(421, { 'Content-Type': 'text/plain' });
        response.end('Misdirected request');
        return;
      }
      const url = new URL(request.url ?? '/', `http://${expectedHost}`);
      if (request.method === 'POST' && url.pathname.startsWith('/__ipc/')) {
        await serveCall(decodeURIComponent(url.pathname.slice('/__ipc/'.length)), request, response);
      } else if (options.shell && request.method === 'POST' && ['/__harness/open-files', '/__harness/open-links', '/__harness/menu'].includes(url.pathname)) {
        await serveShellCommand(url.pathname, request, response, options.shell);
      } else if (options.shell && request.method === 'GET' && url.pathname === '/__events') {
        serveEvents(request, response, options.shell);
      } else if (request.method !== 'GET') {
        response.writeHead(405, { 'Content-Type': 'text/plain' });
        response.end('Method not allowed');
      } else if (url.pathname === '/__harness/bridge.js') {
        response.writeHead(200, rendererResponseHeaders('text/javascript; charset=utf-8'));
        response.end(options.bridgeScript);
      } else if (url.pathname === '/' || url.pathname === '/index.html') {
        await serveIndex(response);
      } else {
        await serveStatic(url.pathname, response);
      }
    })().catch(() => {
      if (!response.headersSent) response.writeHead(500, { 'Content-Type': 'text/plain' });
      response.end('Internal error');
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  expectedHost = `127.0.0.1:${String(port)}`;
  return {
    url: `http://${expectedHost}/`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}
