import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../electron/core/handlers';
import { openFilePreferences } from '../../electron/core/filePreferences';
import { WalletSession } from '../../electron/core/walletSession';
import { testKdf } from '../support/walletFixtures';
import { startHarness, type RunningHarness } from '../../electron/harness/server';

/** Raw HTTP, so the test can send the Host and Origin headers a browser would not let it. */
function request(
  port: number,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, body, headers: res.headers });
      });
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('the browser harness server', () => {
  let harness: RunningHarness;
  let token = '';
  const vault = mkdtempSync(path.join(os.tmpdir(), 'badgefolio-harness-'));

  beforeAll(async () => {
    const renderer = path.join(vault, 'renderer');
    mkdirSync(renderer);
    writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><html><head><title>Badgefolio</title></head></html>');
    harness = await startHarness({
      rendererRoot: renderer,
      bridgeScript: '/* bridge */',
      port: 0,
      handlers: createHandlers({
        host: 'harness',
        version: '1.2.3',
        platform: 'linux',
        preferences: openFilePreferences(vault),
        wallet: new WalletSession({ folder: vault, keyProtector: () => Promise.resolve(null), kdf: testKdf }),
        openExternal: () => Promise.resolve(),
        saveFile: () => Promise.resolve(null),
      }),
    });
    const page = await request(harness.port, { path: '/', headers: { Host: `127.0.0.1:${String(harness.port)}` } });
    token = /name="badgefolio-harness-token" content="([^"]+)"/.exec(page.body)?.[1] ?? '';
  });
  afterAll(async () => {
    await harness.close();
  });

  const call = (channel: string, body: string, headers: Record<string, string> = {}) =>
    request(harness.port, {
      method: 'POST',
      path: `/__ipc/${channel}`,
      headers: { Host: `127.0.0.1:${String(harness.port)}`, 'X-Badgefolio-Token': token, ...headers },
      body,
    });

  it('prints its URL on loopback and injects a fresh token and the bridge into the page', () => {
    expect(harness.url).toBe(`http://127.0.0.1:${String(harness.port)}/`);
    expect(token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
  });

  it('answers a contract call carrying the token', async () => {
    const response = await call('appInfo', '{}');
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual({
      ok: true,
      value: { name: 'Badgefolio', version: '1.2.3', platform: 'linux', host: 'harness' },
    });
  });

  it('refuses a wrong token, a foreign Origin and a foreign Host (DNS rebinding)', async () => {
    expect((await call('appInfo', '{}', { 'X-Badgefolio-Token': 'guess' })).status).toBe(403);
    expect((await call('appInfo', '{}', { Origin: 'https://evil.example' })).status).toBe(403);
    expect((await call('appInfo', '{}', { Host: 'evil.example' })).status).toBe(421);
  });

  it('answers broken JSON and wrong shapes with bad-request, and keeps serving', async () => {
    expect(JSON.parse((await call('setPreferences', '{not json')).body)).toMatchObject({ error: { code: 'bad-request' } });
    expect(JSON.parse((await call('setPreferences', '[1,2]')).body)).toMatchObject({ error: { code: 'bad-request' } });
    expect((await call('appInfo', '{}')).status).toBe(200);
  });

  it('persists preferences in the vault folder', async () => {
    await call('setPreferences', '{"theme":"dark"}');
    expect(openFilePreferences(vault).store).toMatchObject({ theme: 'dark' });
  });

  it('serves no file outside the renderer folder', async () => {
    const response = await request(harness.port, {
      path: '/..%2fpreferences.json',
      headers: { Host: `127.0.0.1:${String(harness.port)}` },
    });
    expect(response.status).toBe(404);
  });
});
