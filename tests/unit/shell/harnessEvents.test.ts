import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createHandlers } from '../../../electron/core/handlers';
import { openFilePreferences } from '../../../electron/core/filePreferences';
import { WalletSession } from '../../../electron/core/walletSession';
import { harnessShell } from '../../../electron/harness/harnessShell';
import { startHarness, type RunningHarness } from '../../../electron/harness/server';
import { fromWire } from '../../../shared/contract/wire';
import { makeOb3Credential } from '../../support/credentials';
import { testKdf } from '../../support/walletFixtures';

interface Frame {
  name: string;
  payload: unknown;
}

/** Reads the harness's event stream the way the bridge does: frames separated by a blank line. */
interface Stream {
  status: number;
  frames: Frame[];
  /** The next frame of that event (that also passes `test`), from now on. */
  next: (name: string, test?: (payload: unknown) => boolean) => Promise<Frame>;
  close: () => void;
}

function openStream(port: number, headers: Record<string, string>): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const frames: Frame[] = [];
    const waiters: { name: string; test: (payload: unknown) => boolean; resolve: (frame: Frame) => void }[] = [];
    const request = http.get({ host: '127.0.0.1', port, path: '/__events', headers }, (response) => {
      let buffer = '';
      response.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        let end;
        while ((end = buffer.indexOf('\n\n')) !== -1) {
          const text = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const name = /^event: (.*)$/m.exec(text)?.[1];
          const data = /^data: (.*)$/m.exec(text)?.[1];
          if (!name || data === undefined) continue;
          const frame = { name, payload: fromWire(data) };
          frames.push(frame);
          const waiter = waiters.findIndex((w) => w.name === name && w.test(frame.payload));
          if (waiter !== -1) waiters.splice(waiter, 1)[0]?.resolve(frame);
        }
      });
      resolve({
        status: response.statusCode ?? 0,
        frames,
        next: (name, test = () => true) =>
          new Promise((done) => {
            waiters.push({ name, test, resolve: done });
          }),
        close: () => {
          request.destroy();
        },
      });
    });
    request.on('error', reject);
  });
}

function post(port: number, pathName: string, body: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port, method: 'POST', path: pathName, headers }, (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString()));
      response.on('end', () => {
        resolve({ status: response.statusCode ?? 0, body: text });
      });
    });
    request.on('error', reject);
    request.end(body);
  });
}

describe('the harness streams the shell events to the page', () => {
  let harness: RunningHarness;
  let token = '';
  let host = '';
  const vault = mkdtempSync(path.join(os.tmpdir(), 'badgefolio-harness-events-'));
  const wallet = new WalletSession({ folder: vault, keyProtector: () => Promise.resolve(null), kdf: testKdf });
  const badge = path.join(vault, 'opened.badge.json');
  const printed: string[] = [];
  let desktop: ReturnType<typeof harnessShell>;

  beforeAll(async () => {
    const renderer = path.join(vault, 'renderer');
    mkdirSync(renderer);
    writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><html><head><title>Badgefolio</title></head></html>');
    const soon = new Date(Date.now() + 3 * 24 * 60 * 60 * 1000);
    writeFileSync(badge, JSON.stringify(makeOb3Credential({ issuer: 'did:example:issuer', idSeed: 21, achievementName: 'Opened in the harness', validUntil: soon })));
    const preferences = openFilePreferences(vault);
    preferences.set({ osNotifications: true });
    desktop = harnessShell({ wallet, preferences, log: () => undefined });
    const originalLog = console.log;
    console.log = (line: string) => printed.push(line);
    afterAll(() => {
      console.log = originalLog;
    });
    harness = await startHarness({
      rendererRoot: renderer,
      bridgeScript: '/* bridge */',
      port: 0,
      shell: desktop.shell,
      handlers: desktop.wrap(
        createHandlers({
          host: 'harness',
          version: '1.2.3',
          platform: 'linux',
          preferences,
          wallet,
          openExternal: () => Promise.resolve(),
          saveFile: () => Promise.resolve(null),
        }),
      ),
    });
    host = `127.0.0.1:${String(harness.port)}`;
    const page = await new Promise<string>((resolve) => {
      http.get({ host: '127.0.0.1', port: harness.port, path: '/', headers: { Host: host } }, (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () => {
          resolve(text);
        });
      });
    });
    token = /name="badgefolio-harness-token" content="([^"]+)"/.exec(page)?.[1] ?? '';
  });
  afterAll(async () => {
    wallet.lock();
    await harness.close();
  });

  it('refuses the stream and the stand-ins without the token', async () => {
    const stream = await openStream(harness.port, { Host: host });
    expect(stream.status).toBe(403);
    stream.close();
    expect((await post(harness.port, '/__harness/menu', '{"command":"exportPdf"}', { Host: host })).status).toBe(403);
    expect((await post(harness.port, '/__harness/open-files', `{"paths":["${badge}"]}`, { Host: host, 'X-Badgefolio-Token': 'guess' })).status).toBe(403);
  });

  it('delivers menu commands, files waiting for the wallet, their import on creation, and notices', async () => {
    const auth = { Host: host, 'X-Badgefolio-Token': token };
    const stream = await openStream(harness.port, auth);
    expect(stream.status).toBe(200);
    try {
      const menu = stream.next('menuCommand');
      expect((await post(harness.port, '/__harness/menu', '{"command":"exportPdf"}', auth)).status).toBe(200);
      expect((await menu).payload).toEqual({ command: 'exportPdf' });
      expect((await post(harness.port, '/__harness/menu', '{"command":"format-disk"}', auth)).status).toBe(400);

      const waiting = stream.next('filesWaiting');
      await post(harness.port, '/__harness/open-files', JSON.stringify({ paths: [badge] }), auth);
      expect((await waiting).payload).toEqual({ count: 1, names: ['opened.badge.json'] });

      const imported = stream.next('filesImported');
      const notices = stream.next('notices', (payload) => (payload as { notices: unknown[] }).notices.length > 0);
      const created = await post(harness.port, '/__ipc/createWallet', JSON.stringify({ passphrase: 'harness events passphrase', remember: false }), auth);
      expect(JSON.parse(created.body)).toMatchObject({ ok: true, value: { state: 'unlocked' } });
      expect((await imported).payload).toMatchObject({ outcomes: [{ file: 'opened.badge.json', outcome: 'added', name: 'Opened in the harness' }] });
      expect((await notices).payload).toMatchObject({ notices: [{ kind: 'expiring', name: 'Opened in the harness', daysLeft: 3 }] });
      // Opted in: the harness reports the OS notification it would have shown, once.
      const notified = ['os-notification A credential expires soon: “Opened in the harness” expires in 3 days.'];
      await vi.waitFor(() => {
        expect(printed.filter((line) => line.startsWith('os-notification'))).toEqual(notified);
      });

      const cleared = stream.next('notices');
      await post(harness.port, '/__ipc/lockWallet', '{}', auth);
      expect((await cleared).payload).toEqual({ notices: [] });
      // Still once: no second notification came in while the wallet was locked.
      expect(printed.filter((line) => line.startsWith('os-notification'))).toEqual(notified);
    } finally {
      stream.close();
    }
    // The page went away: its listener goes too.
    await vi.waitFor(() => {
      expect(desktop.shell.hub.size).toBe(0);
    });
  });
});
