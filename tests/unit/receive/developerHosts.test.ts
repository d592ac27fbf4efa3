import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../../electron/core/handlers';
import { appDevHosts } from '../../../electron/receive/devHosts';
import { channels } from '../../../shared/contract/channels';
import type { DeveloperHosts } from '../../../shared/developerHosts';
import { LoopbackInternet } from '../../support/loopbackInternet';
import { testWalletSession } from '../../support/testHandlers';

/**
 * The developer option "shown loudly when on" (issue #20): the app takes it from
 * BADGEFOLIO_DEV_HOSTS, and the window learns of it through the contract's appInfo, so that it
 * can warn for as long as it runs. Off, nothing is said and appInfo carries nothing.
 */
async function caFile(): Promise<string> {
  const internet = await LoopbackInternet.start();
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'badgefolio-dev-hosts-')), 'ca.pem');
  writeFileSync(file, internet.ca);
  await internet.close();
  return file;
}

function appInfoWith(developerHosts: DeveloperHosts | undefined) {
  const handlers = createHandlers({
    host: 'electron',
    version: '1.0.0',
    platform: 'linux',
    ...(developerHosts ? { developerHosts } : {}),
    preferences: { store: {}, set: () => undefined },
    wallet: testWalletSession(mkdtempSync(path.join(os.tmpdir(), 'badgefolio-dev-hosts-wallet-'))),
    openExternal: () => Promise.resolve(),
    saveFile: () => Promise.resolve(null),
  });
  return handlers.appInfo({}).then((info) => channels.appInfo.response.parse(info));
}

describe('developer hosts in the app', () => {
  it('are read from BADGEFOLIO_DEV_HOSTS with the certificate authority, announced in the log and given to the window', async () => {
    const ca = await caFile();
    const lines: string[] = [];
    const on = appDevHosts({ BADGEFOLIO_DEV_HOSTS: 'issuer.test=127.0.0.1:8443, other.test:444=localhost:9443', NODE_EXTRA_CA_CERTS: ca }, (line) => lines.push(line));
    expect(on?.view).toEqual({
      hosts: [
        { name: 'issuer.test', port: 8443 },
        { name: 'other.test:444', port: 9443 },
      ],
      caFile: ca,
    });
    expect(on?.network.resolve.get('issuer.test')).toBe(8443);
    expect(lines).toEqual([expect.stringMatching(/^WARNING: developer hosts are ON: issuer\.test -> 127\.0\.0\.1:8443, other\.test:444 -> 127\.0\.0\.1:9443/)]);
    expect((await appInfoWith(on?.view)).developerHosts).toEqual({
      hosts: [
        { name: 'issuer.test', port: 8443 },
        { name: 'other.test:444', port: 9443 },
      ],
      caFile: ca,
    });
  });

  it('are off, silently, without the variable; and off, with the reason logged, for a value that maps a name elsewhere', async () => {
    const lines: string[] = [];
    expect(appDevHosts({}, (line) => lines.push(line))).toBeUndefined();
    expect(lines).toEqual([]);
    expect(appDevHosts({ BADGEFOLIO_DEV_HOSTS: 'issuer.test=10.0.0.5:443', NODE_EXTRA_CA_CERTS: await caFile() }, (line) => lines.push(line))).toBeUndefined();
    expect(lines).toEqual([expect.stringMatching(/^BADGEFOLIO_DEV_HOSTS is not used: "issuer\.test=10\.0\.0\.5:443" is not a developer host/)]);
    expect(appDevHosts({ BADGEFOLIO_DEV_HOSTS: 'issuer.test=127.0.0.1:8443' }, (line) => lines.push(line))).toBeUndefined();
    expect(lines[1]).toMatch(/NODE_EXTRA_CA_CERTS/);
    expect(await appInfoWith(undefined)).not.toHaveProperty('developerHosts');
  });
});
