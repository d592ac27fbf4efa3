import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/dispatch';
import { createHandlers, type Handlers } from '../../electron/core/handlers';
import type { PreferencesBackend } from '../../electron/core/preferences';
import { RefusalError } from '../../shared/contract/refusal';
import { WalletSession } from '../../electron/core/walletSession';
import { testKdf } from '../support/walletFixtures';
import { defaultPreferences } from '../../shared/preferences';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

function memoryPreferences(initial: Record<string, unknown> = {}): PreferencesBackend & { data: Record<string, unknown> } {
  const backend = {
    data: { ...initial },
    get store() {
      return { ...backend.data };
    },
    set(values: Record<string, unknown>) {
      backend.data = { ...backend.data, ...values };
    },
  };
  return backend;
}

function handlersWith(overrides: Partial<Handlers> = {}, prefs = memoryPreferences()): Handlers {
  const opened: string[] = [];
  return {
    ...createHandlers({
      host: 'harness',
      version: '9.9.9',
      platform: 'linux',
      preferences: prefs,
      wallet: new WalletSession({ folder: mkdtempSync(path.join(os.tmpdir(), 'badgefolio-dispatch-')), keyProtector: () => Promise.resolve(null), kdf: testKdf }),
      // Nothing here saves files; the organiser tests cover saving.
      saveFile: () => Promise.resolve(null),
      openExternal: (url) => {
        opened.push(url.href);
        return Promise.resolve();
      },
    }),
    ...overrides,
  };
}

describe('dispatch', () => {
  it('refuses a channel the contract does not have', async () => {
    await expect(dispatch(handlersWith(), 'deleteEverything', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'unknown-channel' },
    });
    await expect(dispatch(handlersWith(), '__proto__', {})).resolves.toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
  });

  it('names the offending field of a malformed request', async () => {
    const result = await dispatch(handlersWith(), 'setPreferences', { language: 'tlh' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('bad-request');
      expect(result.error.message).toContain('language');
    }
  });

  it('refuses extra fields rather than storing them', async () => {
    const prefs = memoryPreferences();
    const result = await dispatch(handlersWith({}, prefs), 'setPreferences', { theme: 'dark', password: 'x' });
    expect(result).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(prefs.data).toEqual({});
  });

  it('keeps unexpected failures in the main process and logs no message text', async () => {
    const lines: string[] = [];
    const failing = handlersWith({
      appInfo: () => Promise.reject(new Error('/home/alice/secret-path exploded')),
    });
    const result = await dispatch(failing, 'appInfo', {}, (line) => lines.push(line));
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('secret-path');
    expect(lines.join('\n')).not.toContain('secret-path');
    expect(lines).toEqual(['appInfo failed: Error']);
  });

  it('passes on a refusal message meant for the user', async () => {
    const refusing = handlersWith({ appInfo: () => Promise.reject(new RefusalError('Not now.')) });
    await expect(dispatch(refusing, 'appInfo', {})).resolves.toEqual({
      ok: false,
      error: { code: 'refused', message: 'Not now.' },
    });
  });

  it('checks the response against the contract too', async () => {
    const broken = handlersWith({ appInfo: () => Promise.resolve({ name: 1 } as never) });
    await expect(dispatch(broken, 'appInfo', {})).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('stores a preference change and reads it back', async () => {
    const prefs = memoryPreferences();
    const handlers = handlersWith({}, prefs);
    await expect(dispatch(handlers, 'setPreferences', { theme: 'dark' })).resolves.toEqual({
      ok: true,
      value: { ...defaultPreferences, theme: 'dark' },
    });
    await expect(dispatch(handlers, 'getPreferences', {})).resolves.toEqual({
      ok: true,
      value: { ...defaultPreferences, theme: 'dark' },
    });
  });

  it('falls back to defaults field by field when the stored file was edited badly', async () => {
    const prefs = memoryPreferences({ theme: 'neon', language: 'de' });
    await expect(dispatch(handlersWith({}, prefs), 'getPreferences', {})).resolves.toEqual({
      ok: true,
      value: { ...defaultPreferences, language: 'de' },
    });
  });
});
