// The safe fetcher against the loopback internet: named hosts over real TLS with the test's own
// CA, only through the tests-only `testNetwork` option. Production defaults keep refusing
// loopback, private addresses and http, and no entry point can hand the option in.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HostLimiter } from '../../../electron/verify/linkedFetch';
import { safeFetch, safeFetchBytes } from '../../../electron/verify/safeFetch';
import { makeBadgePng } from '../../support/credentials';
import { LoopbackInternet } from '../../support/loopbackInternet';

let net: LoopbackInternet;
beforeAll(async () => {
  net = await LoopbackInternet.start();
  net.serve('https://issuer.example/.well-known/did.json', { body: { id: 'did:web:issuer.example' } });
  net.serve('https://issuer.example/moved', { status: 302, body: '' });
  net.serve('https://badges.example.org/picture.png', { body: makeBadgePng(1_000, 3), contentType: 'image/png' });
});
afterAll(async () => {
  await net.close();
});

describe('the loopback internet', () => {
  it('reaches named hosts over TLS with the test CA, by the real fetcher', async () => {
    const answer = await safeFetch('https://issuer.example/.well-known/did.json', { testNetwork: net.testNetwork });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ id: 'did:web:issuer.example' });
    const picture = await safeFetchBytes('https://badges.example.org/picture.png', { testNetwork: net.testNetwork });
    expect(Buffer.from(picture.bytes)).toEqual(Buffer.from(makeBadgePng(1_000, 3)));
    expect(picture.contentType).toBe('image/png');
  });

  it('is trusted only through its own CA: another CA fails the TLS handshake', async () => {
    const other = await LoopbackInternet.start();
    try {
      const before = net.statsFor('issuer.example').requests;
      await expect(safeFetch('https://issuer.example/.well-known/did.json', { testNetwork: { resolve: net.testNetwork.resolve, ca: other.ca } })).rejects.toThrow();
      expect(net.statsFor('issuer.example').requests).toBe(before);
    } finally {
      await other.close();
    }
  });

  it('never lets the test mapping open http, loopback addresses or unmapped hosts', async () => {
    await expect(safeFetch('http://issuer.example/.well-known/did.json', { testNetwork: net.testNetwork })).rejects.toThrow(/Only https/);
    await expect(safeFetch(`https://127.0.0.1:${String(net.port)}/`, { testNetwork: net.testNetwork })).rejects.toThrow(/private or loopback/);
    await expect(safeFetch(`https://localhost:${String(net.port)}/`, { testNetwork: net.testNetwork })).rejects.toThrow(/private or loopback/);
  });

  it('production defaults never reach it: the names are not mapped, loopback and http are refused', async () => {
    const before = net.totalRequests;
    await expect(safeFetch('https://issuer.example/.well-known/did.json', { timeoutMs: 2000 })).rejects.toThrow();
    await expect(safeFetch(`https://127.0.0.1:${String(net.port)}/.well-known/did.json`)).rejects.toThrow(/private or loopback/);
    await expect(safeFetch(`http://127.0.0.1:${String(net.port)}/`)).rejects.toThrow(/Only https/);
    expect(net.totalRequests).toBe(before);
  });

  it('says what a slow, oversized or streamed-past-the-cap answer was', async () => {
    net.serve('https://slow.example/x', { body: { ok: true }, delayMs: 800 });
    net.serve('https://big.example/x', { body: 'x'.repeat(50_000) });
    net.serve('https://big.example/streamed', { body: 'x'.repeat(300_000), streamed: true });
    await expect(safeFetch('https://slow.example/x', { testNetwork: net.testNetwork, timeoutMs: 300 })).rejects.toThrow(/No answer within 300 ms/);
    await expect(safeFetch('https://big.example/x', { testNetwork: net.testNetwork, maxBytes: 10_000 })).rejects.toThrow(/larger than 10000 bytes/);
    await expect(safeFetch('https://big.example/streamed', { testNetwork: net.testNetwork, maxBytes: 100_000 })).rejects.toThrow(/larger than 100000 bytes/);
  });
});

describe('the per-host limit', () => {
  it('runs at most N tasks per host at once, others in order, hosts independent', async () => {
    const limiter = new HostLimiter(4);
    const running = new Map<string, number>();
    const most = new Map<string, number>();
    const order: number[] = [];
    const task = (host: string, n: number) =>
      limiter.run(host, async () => {
        running.set(host, (running.get(host) ?? 0) + 1);
        most.set(host, Math.max(most.get(host) ?? 0, running.get(host) ?? 0));
        await new Promise((resolve) => setTimeout(resolve, 5));
        running.set(host, (running.get(host) ?? 0) - 1);
        if (host === 'a') order.push(n);
      });
    await Promise.all([...Array.from({ length: 20 }, (_, n) => task('a', n)), ...Array.from({ length: 6 }, (_, n) => task('b', n))]);
    expect(most.get('a')).toBe(4);
    expect(most.get('b')).toBe(4);
    expect(order.slice(4)).toEqual([...order.slice(4)].sort((x, y) => x - y));
  });

  it('frees a slot when a task fails', async () => {
    const limiter = new HostLimiter(1);
    await expect(limiter.run('a', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(limiter.run('a', () => Promise.resolve(7))).resolves.toBe(7);
  });
});

describe('no entry point can hand in the test network', () => {
  const root = path.resolve(import.meta.dirname, '../../..');
  const files = (dir: string): string[] =>
    readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? files(path.join(dir, entry.name)) : entry.name.endsWith('.ts') ? [path.join(dir, entry.name)] : [],
    );

  it('the app, the harness and the command line never set it, nor read it from the environment', () => {
    const entryPoints = [...files('electron/main'), ...files('electron/harness'), ...files('electron/preload'), 'electron/cli/main.ts', 'electron/cli/program.ts'];
    for (const file of entryPoints) {
      const text = readFileSync(path.join(root, file), 'utf8');
      // The one way in (issue #20): the developer option, built only by devNetwork() from
      // --dev-host / BADGEFOLIO_DEV_HOSTS (off unless given) and always announced.
      // The desktop app takes it through appDevHosts(), which does both (checked below).
      if (text.includes('testNetwork')) {
        expect(text, file).toMatch(/devNetwork\(|appDevHosts\(/);
        expect(text, file).toMatch(/devHostsWarning\(|appDevHosts\(/);
      }
    }
    const devHosts = readFileSync(path.join(root, 'electron/receive/devHosts.ts'), 'utf8');
    const appDevHosts = devHosts.slice(devHosts.indexOf('export function appDevHosts'), devHosts.indexOf('export function devHostsWarning'));
    expect(appDevHosts).toMatch(/devNetwork\(\[\], env\)/);
    expect(appDevHosts).toMatch(/log\(devHostsWarning\(network\)\)/);
    for (const file of [...files('electron'), ...files('shared')]) {
      const text = readFileSync(path.join(root, file), 'utf8');
      expect(text, file).not.toMatch(/env\.[A-Z_]*TEST_NETWORK|testNetwork\s*:\s*(io|process)\./);
    }
    // The command the CLI runs is made without dependencies.
    expect(readFileSync(path.join(root, 'electron/cli/commands/import.ts'), 'utf8')).toMatch(/export const importCommand: CliCommand = makeImportCommand\(\);/);
    const receive = readFileSync(path.join(root, 'electron/cli/commands/receive.ts'), 'utf8');
    expect(receive).toMatch(/export const receiveCommand: CliCommand = makeReceiveCommand\(\);/);
    expect(receive).toMatch(/devHostsWarning\(dev\b/);
  });
});
