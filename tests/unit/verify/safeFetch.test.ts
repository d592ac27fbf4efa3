import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPrivateAddress, safeFetch, safeRequest } from '../../../electron/verify/safeFetch';
import { startTestServer, type TestServer } from './helpers';

describe('safeFetch', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
    server.set('/ok', { hello: 'world' });
    server.set('/big', 'x'.repeat(10_000));
  });
  afterAll(async () => {
    await server.close();
  });

  it('knows private, loopback and link-local addresses', () => {
    for (const address of ['127.0.0.1', '10.1.2.3', '192.168.0.1', '172.20.0.1', '169.254.169.254', '::1', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1', '0.0.0.0']) {
      expect(isPrivateAddress(address), address).toBe(true);
    }
    for (const address of ['93.184.216.34', '2606:4700::1111', '8.8.8.8']) expect(isPrivateAddress(address), address).toBe(false);
  });

  it('refuses http, loopback and localhost unless the test setting allows them', async () => {
    await expect(safeFetch(`${server.origin}/ok`)).rejects.toThrow(/https/);
    await expect(safeFetch('https://127.0.0.1/x')).rejects.toThrow(/private or loopback/);
    await expect(safeFetch('https://localhost/x')).rejects.toThrow(/private or loopback/);
    await expect(safeFetch('file:///etc/passwd')).rejects.toThrow(/https/);
    const answer = await safeFetch(`${server.origin}/ok`, { allowPrivateNetworkForTests: true });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ hello: 'world' });
  });

  it('caps the size of what it reads', async () => {
    await expect(safeFetch(`${server.origin}/big`, { allowPrivateNetworkForTests: true, maxBytes: 1000 })).rejects.toThrow(/larger than/);
  });
});

/**
 * A server that has closed a kept-alive connection by the time the next request comes over it
 * (its idle timeout, often 5 s, ran out as the request went out): here, made certain rather
 * than timed, by hanging up on any request that is not the first on its connection.
 */
async function serverClosingIdleConnections(answerFirst = true): Promise<{ origin: string; connections: () => number; requests: () => number; close: () => Promise<void> }> {
  const served = new WeakSet<Socket>();
  let connections = 0;
  let requests = 0;
  const server: Server = createServer((request, response) => {
    requests++;
    if (served.has(request.socket) || !answerFirst) {
      request.socket.destroy();
      return;
    }
    served.add(request.socket);
    response.writeHead(200, { 'content-type': 'application/json', connection: 'keep-alive' }).end(JSON.stringify({ answer: requests }));
  });
  server.on('connection', () => {
    connections++;
  });
  await new Promise<void>((resolve) => {
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${String(port)}`,
    connections: () => connections,
    requests: () => requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}

describe('a kept-alive connection the server has closed', () => {
  it('costs a GET nothing: it is sent again on a new connection and answered', async () => {
    const server = await serverClosingIdleConnections();
    try {
      const first = await safeFetch(`${server.origin}/status`, { allowPrivateNetworkForTests: true });
      expect(JSON.parse(first.body)).toEqual({ answer: 1 });
      // The second GET goes out over the first one's kept-alive connection, which the server drops.
      const second = await safeFetch(`${server.origin}/status`, { allowPrivateNetworkForTests: true });
      expect(second.status).toBe(200);
      expect(JSON.parse(second.body)).toEqual({ answer: 3 });
      expect(server.connections()).toBe(2);
    } finally {
      await server.close();
    }
  });

  it('is not a licence to resend: a new connection that hangs up, and any POST, fail as they are', async () => {
    const silent = await serverClosingIdleConnections(false);
    try {
      await expect(safeFetch(`${silent.origin}/status`, { allowPrivateNetworkForTests: true })).rejects.toThrow(/socket hang up/);
      expect(silent.requests()).toBe(1);
    } finally {
      await silent.close();
    }
    const server = await serverClosingIdleConnections();
    try {
      await safeFetch(`${server.origin}/token`, { allowPrivateNetworkForTests: true });
      await expect(safeRequest(`${server.origin}/token`, { method: 'POST', body: 'grant_type=x' }, { allowPrivateNetworkForTests: true })).rejects.toThrow(/socket hang up/);
      expect(server.requests()).toBe(2);
    } finally {
      await server.close();
    }
  });
});
