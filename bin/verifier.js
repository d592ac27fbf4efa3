#!/usr/bin/env node
// `npm run verifier`: serves out/verifier/ (the static verifier page, built by `npm run build`)
// on the loopback interface only, for trying the page and for the tests. Publishing needs no
// server of ours: copy out/verifier/ to any static host (README, "The verifier page").
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';

const root = path.resolve(import.meta.dirname, '..', 'out', 'verifier');

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.jsonld': 'application/ld+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.ico': 'image/x-icon',
};

/** The same policy as the page's meta tag (renderer/verifier/index.html, which says why), also as a header: the worker, started from a blob: URL, inherits the page's policy. */
const policy =
  "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; worker-src blob:; img-src 'self'; font-src 'self'; connect-src https:; base-uri 'none'; form-action 'none'";

/** Starts the server; resolves with its address once listening. Port 0 picks a free one. */
export function serveVerifier({ port = 5190, host = '127.0.0.1' } = {}) {
  const server = createServer(async (request, response) => {
    const send = (status, body, type = 'text/plain; charset=utf-8') => {
      response.writeHead(status, {
        'content-type': type,
        'content-security-policy': policy,
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'cache-control': 'no-cache',
      });
      response.end(body);
    };
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(405, 'Method not allowed');
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    } catch {
      return send(400, 'Bad request');
    }
    // Only files inside out/verifier: a path climbing out of it is not found.
    const file = path.join(root, pathname.endsWith('/') ? `${pathname}index.html` : pathname);
    if (file !== root && !file.startsWith(`${root}${path.sep}`)) return send(404, 'Not found');
    try {
      if (!(await stat(file)).isFile()) return send(404, 'Not found');
      const body = await readFile(file);
      send(200, request.method === 'HEAD' ? undefined : body, types[path.extname(file)] ?? 'application/octet-stream');
    } catch {
      send(404, 'Not found');
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      resolve({ server, url: `http://${host}:${String(address.port)}/` });
    });
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { port: { type: 'string', default: '5190' } } });
  try {
    await stat(path.join(root, 'index.html'));
  } catch {
    console.error('out/verifier/ is not built yet: run `npm run build` first.');
    process.exit(1);
  }
  const { url } = await serveVerifier({ port: Number(values.port) });
  console.log(`Badgefolio verifier page at ${url} (loopback only; Ctrl+C stops it)`);
}
