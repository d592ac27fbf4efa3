import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ShellEventName } from '../../shared/contract/events';
import type { WalletEventsApi } from '../../shared/contract/walletEventsApi';
import { makeOb3Credential } from '../support/credentials';
import { expect, test } from './fixtures';

/**
 * The harness bridge's window.walletEvents in Chromium: the events the desktop shell sends
 * (menu commands, files opened from outside, notices) reach the page over the event stream.
 * The stand-ins POST /__harness/menu and /__harness/open-files play the menu and the OS.
 */
test('the page hears the shell: menu commands, files waiting for the wallet, and their import', async ({ page, request, harness }) => {
  await page.goto(harness.url);
  const html = await (await request.get(harness.url)).text();
  const token = /name="badgefolio-harness-token" content="([^"]+)"/.exec(html)?.[1] ?? '';
  const headers = { 'X-Badgefolio-Token': token };

  await page.evaluate(() => {
    const heard: { name: string; payload: unknown }[] = [];
    (window as unknown as { heard: typeof heard }).heard = heard;
    const events = (window as unknown as { walletEvents: WalletEventsApi }).walletEvents;
    for (const name of ['menuCommand', 'filesWaiting', 'filesImported', 'notices'] satisfies ShellEventName[]) {
      events.on(name, (payload: unknown) => heard.push({ name, payload }));
    }
  });
  const heard = () => page.evaluate(() => (window as unknown as { heard: { name: string; payload: unknown }[] }).heard);

  expect((await request.post(`${harness.url}__harness/menu`, { headers, data: { command: 'preferences' } })).status()).toBe(200);
  await expect.poll(heard).toContainEqual({ name: 'menuCommand', payload: { command: 'preferences' } });

  const folder = mkdtempSync(path.join(os.tmpdir(), 'badgefolio-e2e-opened-'));
  const badge = path.join(folder, 'opened.badge.json');
  writeFileSync(badge, JSON.stringify(makeOb3Credential({ issuer: 'did:example:issuer', idSeed: 5, achievementName: 'Opened with Badgefolio' })));
  await request.post(`${harness.url}__harness/open-files`, { headers, data: { paths: [badge] } });
  await expect.poll(heard).toContainEqual({ name: 'filesWaiting', payload: { count: 1, names: ['opened.badge.json'] } });

  // Creating the wallet (through the page, as the user would) imports what waited.
  const created = await page.evaluate(() => window.wallet.createWallet({ passphrase: 'maple cinema 81 harbour', remember: false }));
  expect(created).toMatchObject({ ok: true, value: { state: 'unlocked' } });
  await expect
    .poll(async () => (await heard()).find((event) => event.name === 'filesImported'))
    .toMatchObject({
      name: 'filesImported',
      payload: { outcomes: [{ file: 'opened.badge.json', outcome: 'added', name: 'Opened with Badgefolio', id: expect.stringMatching(/^[0-9a-f]{12}$/) }] },
    });

  // Without the token, the stand-ins refuse.
  expect((await request.post(`${harness.url}__harness/menu`, { data: { command: 'preferences' } })).status()).toBe(403);
});
