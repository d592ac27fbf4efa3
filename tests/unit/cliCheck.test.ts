import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { NormalizedCredential } from '../../shared/credential/model';
import { UsageError, type CliIo } from '../../electron/cli/command';
import { checkCommand } from '../../electron/cli/commands/check';
import { isBlobRef } from '../../electron/vault/storedCredential';
import { Vault } from '../../electron/vault/vault';
import { sampleCredentials, testKdf } from '../support/walletFixtures';

const passphrase = 'cedar window 19 lantern';
const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function fakeIo(env: NodeJS.ProcessEnv = { BADGEFOLIO_PASSPHRASE: passphrase }): CliIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: (text) => {
      out += text;
    },
    stderr: (text) => {
      err += text;
    },
    env,
    cwd: os.tmpdir(),
    interactive: false,
    out: () => out,
    err: () => err,
  };
}

let credentials: NormalizedCredential[];
beforeAll(async () => {
  credentials = await sampleCredentials(3);
});

async function sampleWallet(): Promise<string> {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'badgefolio-cli-check-'));
  folders.push(folder);
  const wallet = await Vault.create(folder, passphrase, testKdf);
  for (const credential of credentials) wallet.put(credential);
  wallet.lockWallet();
  return folder;
}

/** The record file and picture blob of a credential (relative to the wallet folder). */
async function filesOf(folder: string, name: string): Promise<{ record: string; picture: string }> {
  const wallet = await Vault.unlock(folder, passphrase);
  try {
    const files = wallet.files();
    for (const [key, record] of files.records) {
      const image = record.credential.image as { bytes?: unknown } | undefined;
      if (record.credential.name === name && isBlobRef(image?.bytes)) {
        return { record: path.join('records', `${key}.rec`), picture: files.blobFile(image.bytes.$blob) };
      }
    }
    throw new Error(`no credential named ${name}`);
  } finally {
    wallet.lockWallet();
  }
}

function flipByte(file: string): void {
  const bytes = readFileSync(file);
  bytes[50] = (bytes[50] ?? 0) ^ 0x04;
  writeFileSync(file, bytes);
}

describe('badgefolio check', () => {
  it('says nothing is damaged and exits 0 for a sound wallet', async () => {
    const folder = await sampleWallet();
    const io = fakeIo();
    expect(await checkCommand.run(['--vault', folder], io)).toBe(0);
    expect(io.out()).toMatch(/^Checked 3 credentials and \d+ stored files: nothing is damaged\.\n$/);
    expect(io.err()).toBe('');

    const json = fakeIo();
    expect(await checkCommand.run(['--vault', folder, '--json'], json)).toBe(0);
    expect(JSON.parse(json.out())).toMatchObject({ checked: { credentials: 3 }, damaged: [], readOnly: false });
  });

  it('names each damaged file with its credential, moves it to quarantine, says how to restore, and exits 1', async () => {
    const folder = await sampleWallet();
    const [first, second] = [credentials[0]?.name ?? '', credentials[1]?.name ?? ''];
    const damagedRecord = (await filesOf(folder, first)).record;
    const damagedPicture = (await filesOf(folder, second)).picture;
    flipByte(path.join(folder, damagedRecord));
    flipByte(path.join(folder, damagedPicture));

    const io = fakeIo();
    expect(await checkCommand.run(['--vault', folder], io)).toBe(1);
    const text = io.out();
    expect(text).toContain(
      `Damaged: the record of "${first}" is changed or damaged on disk.\n  File: ${path.join(folder, damagedRecord)}\n  Kept in quarantine: ${path.join(folder, 'quarantine')}`,
    );
    // The picture the OB 3.0 credential shows is the issuer's logo in the baked badge too: both are named.
    expect(text).toMatch(new RegExp(`Damaged: the picture of .*"${second}".* is changed or damaged on disk\\.`));
    expect(text).toContain('Checked 3 credentials and');
    expect(text).toContain('2 files are damaged.');
    expect(text).toContain(`Damaged files are moved to ${path.join(folder, 'quarantine')}, where they are kept for rescue.`);
    expect(text).toContain('badgefolio restore FILE');
    expect(text).toContain('adds back every credential missing from this wallet');
    expect(existsSync(path.join(folder, damagedRecord))).toBe(false);
    expect(existsSync(path.join(folder, damagedPicture))).toBe(false);
    // Nothing a credential says beyond its name, and no passphrase.
    expect(text).not.toContain(passphrase);
    expect(text).not.toContain('badges.example.org');

    // The damaged credential is no longer counted; its picture is now missing, its copy in quarantine.
    const json = fakeIo();
    expect(await checkCommand.run(['--vault', folder, '--json'], json)).toBe(1);
    const report = JSON.parse(json.out()) as { checked: { credentials: number }; damaged: Record<string, unknown>[] };
    expect(report.checked.credentials).toBe(2);
    expect(report.damaged).toEqual([expect.objectContaining({ file: damagedPicture, kind: 'picture', reason: 'missing', problem: 'missing' })]);
    expect([report.damaged[0]?.name, ...((report.damaged[0]?.otherNames as string[] | undefined) ?? [])]).toContain(second);
    expect(String(report.damaged[0]?.quarantinedAs)).toMatch(new RegExp(`^${path.join(folder, 'quarantine', 'blobs').replaceAll('\\', '\\\\')}`));
  });

  it('still reports, moving nothing, while another Badgefolio has the wallet open for changes', async () => {
    const folder = await sampleWallet();
    const name = credentials[2]?.name ?? '';
    const { record } = await filesOf(folder, name);
    flipByte(path.join(folder, record));
    const app = await Vault.unlock(folder, passphrase, { write: true });
    try {
      const io = fakeIo();
      expect(await checkCommand.run(['--vault', folder, '--json'], io)).toBe(1);
      expect(JSON.parse(io.out())).toMatchObject({ damaged: [{ file: record, kind: 'record', name, quarantinedAs: null }], readOnly: true });
      const human = fakeIo();
      expect(await checkCommand.run(['--vault', folder], human)).toBe(1);
      expect(human.out()).toContain('Nothing was moved: another Badgefolio (the app?) has the wallet open for changes.');
      expect(existsSync(path.join(folder, record))).toBe(true);
    } finally {
      app.lockWallet();
    }
  });

  it('says plainly when there is no wallet or the passphrase is wrong (exit 1), and refuses files (usage error)', async () => {
    const empty = mkdtempSync(path.join(os.tmpdir(), 'badgefolio-cli-check-'));
    folders.push(empty);
    const none = fakeIo();
    expect(await checkCommand.run(['--vault', empty], none)).toBe(1);
    expect(none.err()).toContain('There is no wallet in');

    const folder = await sampleWallet();
    const wrong = fakeIo({ BADGEFOLIO_PASSPHRASE: 'not the passphrase' });
    expect(await checkCommand.run(['--vault', folder], wrong)).toBe(1);
    expect(wrong.err()).toContain('That passphrase does not open this wallet.');

    await expect(checkCommand.run(['--vault', folder, 'extra.png'], fakeIo())).rejects.toThrow(UsageError);
    expect(checkCommand.name).toBe('check');
    expect(checkCommand.help).toContain('Usage: badgefolio check [--vault DIR]');
  });
});
