import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPrivateAddress, safeFetch } from '../../../electron/verify/safeFetch';
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
