// A credential's notes under `badgefolio show`, and the wallet's rarer errors (a damaged header,
// a file that is no backup), in German when German is chosen (issue #17 §3).
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../electron/cli/command';
import { makeImportCommand } from '../../electron/cli/commands/import';
import { listCommand, restoreCommand, showCommand } from '../../electron/cli/commands/wallet';
import { Intake } from '../../electron/intake/intake';
import { Vault } from '../../electron/vault/vault';
import { noteMessage, valuesIn } from '../../shared/credential/englishTemplates';
import { intakeMessagesEn } from '../../shared/credential/intakeCatalogueEn';
import { renderMessage } from '../../shared/credential/verificationMessages';
import { bakeOb2WithBakery, makeBadgePng, makeOb2Assertion } from '../support/credentials';
import { testKdf } from '../support/walletFixtures';

const passphrase = 'orchard pebble 73 violet';
let work: string;
let vault: string;
let hostedBadge: Uint8Array;

function cliIo(): CliIo & { out: () => string; err: () => string } {
  const said = { out: '', err: '' };
  return {
    stdout: (text) => void (said.out += text),
    stderr: (text) => void (said.err += text),
    env: { BADGEFOLIO_PASSPHRASE: passphrase },
    cwd: work,
    interactive: false,
    out: () => said.out,
    err: () => said.err,
  };
}

beforeAll(async () => {
  work = mkdtempSync(path.join(os.tmpdir(), 'badgefolio-notes-language-'));
  vault = path.join(work, 'wallet');
  (await Vault.create(vault, passphrase, testKdf)).lockWallet();
  // An Open Badges 2.0 badge whose name and picture live at its issuer: intake notes that they are not fetched yet.
  const ob2 = makeOb2Assertion({ origin: 'https://badges.notes.example', embedBadge: false, embedIssuer: false, badgeName: 'Holzbau', issuerName: 'Zimmerei Nord' });
  hostedBadge = await bakeOb2WithBakery(makeBadgePng(2_000, 3), ob2.assertion);
  writeFileSync(path.join(work, 'holzbau.png'), hostedBadge);
}, 60_000);

describe('notes intake stores with a credential', () => {
  it('are found again from the English stored, each note template with its values', () => {
    const keys = (Object.keys(intakeMessagesEn) as (keyof typeof intakeMessagesEn)[]).filter((key) => key.startsWith('note.'));
    expect(keys.length).toBeGreaterThan(10);
    for (const key of keys) {
      const values = Object.fromEntries([...intakeMessagesEn[key].matchAll(/\{(\w+)\}/g)].map((m) => [m[1] ?? '', `value of ${m[1] ?? ''}`]));
      const english = renderMessage({ key, params: values }, 'en');
      expect(noteMessage(english)).toEqual({ key, ...(Object.keys(values).length > 0 ? { params: values } : {}) });
      expect(renderMessage({ key, params: values }, 'de')).not.toBe(english);
    }
    expect(noteMessage('A note no template makes.')).toBeUndefined();
    expect(valuesIn('There is no wallet in {folder}.', 'There is no wallet in /home/a b.')).toEqual({ folder: '/home/a b' });
  });

  it('include what intake writes for a badge hosted at its issuer, said in German', async () => {
    const [outcome] = await new Intake().inspect({ name: 'holzbau.png', bytes: hostedBadge });
    const notes = outcome?.outcome === 'recognised' ? outcome.credential.notes : [];
    expect(notes).toHaveLength(1);
    const message = noteMessage(notes[0] ?? '');
    expect(message?.key).toBe('note.ob2Hosted');
    expect(renderMessage(message ?? { key: 'none' }, 'de')).toMatch(
      /^Name, Beschreibung und Bild des Badges sind unter https:\/\/badges\.notes\.example\/\S+ veröffentlicht: Badgefolio ruft/,
    );
  });

  it('show in German under `badgefolio show --language de`, in English without it', async () => {
    expect(await makeImportCommand().run(['holzbau.png', '--vault', vault, '--offline'], cliIo())).toBe(0);
    const listed = cliIo();
    await listCommand.run(['--vault', vault, '--json'], listed);
    const [entry] = JSON.parse(listed.out()) as { id: string }[];
    const german = cliIo();
    expect(await showCommand.run([entry?.id ?? '', '--vault', vault, '--language', 'de'], german)).toBe(0);
    expect(german.out()).toMatch(/^Hinweis: Name, Beschreibung und Bild des Badges sind unter \S+ veröffentlicht: .*„Details abrufen“ wählst\.$/m);
    expect(german.out()).not.toContain('published at');
    const english = cliIo();
    await showCommand.run([entry?.id ?? '', '--vault', vault, '--language', 'en'], english);
    expect(english.out()).toMatch(/^Note: +The badge's name, description and picture are published at \S+: Badgefolio fetches/m);
  });
});

describe('wallet errors in German', () => {
  it('say that a file is no backup', async () => {
    writeFileSync(path.join(work, 'einkauf.txt'), 'Milch, Brot');
    const run = cliIo();
    expect(await restoreCommand.run(['einkauf.txt', '--vault', vault, '--language', 'de'], run)).toBe(1);
    expect(run.err()).toBe('Diese Datei ist keine Sicherung von Badgefolio.\n');
  });

  it('say that the wallet’s header is damaged, naming the file', async () => {
    const broken = path.join(work, 'broken-wallet');
    cpSync(vault, broken, { recursive: true });
    for (const file of ['wallet.json', 'wallet.backup.json']) writeFileSync(path.join(broken, file), 'not a header');
    const run = cliIo();
    expect(await listCommand.run(['--vault', broken, '--language', 'de'], run)).toBe(1);
    expect(run.err()).toMatch(/^wallet(\.backup)?\.json lässt sich nicht lesen\.\n$/);
  });
});
