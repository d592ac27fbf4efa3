import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { UsageError, type CliIo } from '../../electron/cli/command';
import { checkCommand } from '../../electron/cli/commands/check';
import { historyCommand } from '../../electron/cli/commands/history';
import { makeImportCommand } from '../../electron/cli/commands/import';
import { inspectCommand } from '../../electron/cli/commands/inspect';
import { backupCommand, listCommand, showCommand } from '../../electron/cli/commands/wallet';
import { runCli } from '../../electron/cli/program';
import { Vault } from '../../electron/vault/vault';
import { bakeOb2WithBakery, generateEd25519Issuer, makeBadgePng, makeIssuerProfile, makeOb2Assertion, makeOb3Credential, signDataIntegrity } from '../support/credentials';
import { testKdf } from '../support/walletFixtures';

/**
 * The wallet commands speak the language chosen (`--language de`, else the app's setting in the
 * wallet folder), as export-pdf and verify do: a German reader finds no English sentence in what
 * `import`, `list`, `check`, `show`, `history`, `backup` and `inspect` print. What scripts read
 * stays the same in every language: `--json`, and the outcome word that starts each import line.
 */

const passphrase = 'juniper kettle 48 harbour';
let work: string;
let vault: string;

function io(): CliIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: (text) => (out += text),
    stderr: (text) => (err += text),
    env: { BADGEFOLIO_PASSPHRASE: passphrase, BADGEFOLIO_VAULT: path.join(os.tmpdir(), 'badgefolio-no-such-wallet') },
    cwd: '',
    interactive: false,
    out: () => out,
    err: () => err,
  };
}

/** English words that make a sentence English (function words and the CLI's own nouns), outside the allowed values. */
const englishWord =
  /\b(the|and|is|are|was|not|of|to|with|this|that|yet|could|be|there|added|updated|replaced|imported|credentials?|wallet|checked|damaged|file|files|issuer|untitled|recognised|earlier|versions?|wrote|backup|verified|unverifiable|expired|fetched)\b/i;

/** The English words left in `text` once the allowed values (file paths, names, commands) are taken out. */
function englishIn(text: string, allowed: readonly string[]): string[] {
  let rest = text;
  for (const value of [...allowed].sort((a, b) => b.length - a.length)) rest = rest.split(value).join(' ');
  // Each import line starts with its outcome word, the same in every language (scripts read it).
  rest = rest.replace(/^(added|already there|updated|not replaced|not a credential|malformed|offer found) {2}/gm, '');
  return rest.split('\n').filter((line) => englishWord.test(line));
}

beforeAll(async () => {
  work = mkdtempSync(path.join(os.tmpdir(), 'badgefolio-cli-language-'));
  vault = path.join(work, 'wallet');
  (await Vault.create(vault, passphrase, testKdf)).lockWallet();
  const issuer = await generateEd25519Issuer(new Uint8Array(32).fill(7));
  const ob3 = await signDataIntegrity(
    makeOb3Credential({ issuer: makeIssuerProfile({ id: issuer.did, name: 'Stadtbibliothek Köln' }), id: 'https://badges.example.org/c/1', achievementName: 'Datenkompetenz' }),
    issuer,
  );
  writeFileSync(path.join(work, 'datenkompetenz.json'), JSON.stringify(ob3));
  // An Open Badges 2.0 badge whose name lives at its issuer: offline, its details are not fetched.
  const ob2 = makeOb2Assertion({ origin: 'https://badges.language.example', embedBadge: false, embedIssuer: false, badgeName: 'Schweißen', issuerName: 'Schweißakademie' });
  writeFileSync(path.join(work, 'schweissen.png'), await bakeOb2WithBakery(makeBadgePng(2_000, 5), ob2.assertion));
  writeFileSync(path.join(work, 'notizen.json'), JSON.stringify({ einkauf: ['Milch', 'Brot'] }));
  writeFileSync(path.join(work, 'leer.json'), '');
}, 60_000);

describe('badgefolio import in German', () => {
  const files = () => ['datenkompetenz.json', 'schweissen.png', 'notizen.json', 'leer.json'].map((file) => path.join(work, file));

  it('says every line in German, each starting with the outcome word scripts read', async () => {
    const run = io();
    expect(await makeImportCommand().run([...files(), '--vault', vault, '--offline', '--language', 'de'], run)).toBe(1);
    const out = run.out();
    expect(out).toMatch(/^added {2}.*datenkompetenz\.json {2}"Datenkompetenz" {2}\[bestätigt\]$/m);
    expect(out).toMatch(/^added {2}.*schweissen\.png {2}\[nicht prüfbar\] {2}\(Details noch nicht abgerufen\)$/m);
    expect(out).toMatch(/^not a credential {2}.*notizen\.json {2}\(Diese Datei enthält Daten/m);
    expect(out).toMatch(/^malformed {2}.*leer\.json {2}\(Die Datei ist leer\.\)$/m);
    expect(out).toContain('Hinzugefügt 2, bereits vorhanden 0, aktualisiert 0, nicht ersetzt 0, nicht importiert 2.');
    expect(out).toContain('Bei einem Nachweis ließen sich die Details noch nicht ergänzen');
    expect(englishIn(out, [work, 'Datenkompetenz', '--online', 'W3C Verifiable Credential'])).toEqual([]);
  }, 60_000);

  it('keeps --json the same in English and German', async () => {
    const english = io();
    const german = io();
    await makeImportCommand().run([...files(), '--vault', vault, '--offline', '--json', '--language', 'en'], english);
    await makeImportCommand().run([...files(), '--vault', vault, '--offline', '--json', '--language', 'de'], german);
    expect(german.out()).toBe(english.out());
    const rows = JSON.parse(german.out()) as { outcome: string; reason?: string }[];
    expect(rows.map((row) => row.outcome)).toEqual(['already-there', 'already-there', 'not-a-credential', 'malformed']);
    expect(rows[3]?.reason).toBe('The file is empty.');
  }, 60_000);

  it('stays English by default, as it always was', async () => {
    const run = io();
    await makeImportCommand().run([path.join(work, 'leer.json'), '--vault', vault, '--offline'], run);
    expect(run.out()).toMatch(/^malformed {2}.*leer\.json {2}\(The file is empty\.\)\nAdded 0, already there 0, updated 0, not replaced 0, not imported 1\.\n$/);
    // The search for English finds it where it is.
    expect(englishIn(run.out(), [work])).not.toEqual([]);
  }, 60_000);
});

describe('badgefolio list, show, history, check and backup in German', () => {
  it('list: German headings, statuses and the reason a badge has no name yet', async () => {
    const run = io();
    expect(await listCommand.run(['--vault', vault, '--language', 'de'], run)).toBe(0);
    const out = run.out();
    expect(out).toMatch(/^ID\s+NAME\s+AUSSTELLER\s+FORMAT\s+AUSGESTELLT\s+HINZUGEFÜGT\s+STATUS$/m);
    expect(out).toMatch(/Datenkompetenz\s+Stadtbibliothek Köln\s+ob3\s.*bestätigt, Aussteller nicht bestätigt/);
    expect(out).toMatch(/\(Details noch nicht abgerufen\)\s+.*nicht prüfbar/);
    expect(out).toMatch(/\n2 Nachweise\n$/);
    expect(englishIn(out, [work, 'Datenkompetenz', 'Stadtbibliothek Köln'])).toEqual([]);
  });

  it('list follows the app’s language setting when no --language is given, and --language en overrides it', async () => {
    writeFileSync(path.join(vault, 'preferences.json'), JSON.stringify({ language: 'de' }));
    try {
      const german = io();
      await listCommand.run(['--vault', vault], german);
      expect(german.out()).toContain('2 Nachweise');
      const english = io();
      await listCommand.run(['--vault', vault, '--language', 'en'], english);
      expect(english.out()).toMatch(/^ID\s+NAME\s+ISSUER\s+FORMAT\s+ISSUED\s+ADDED\s+STATUS$/m);
      expect(english.out()).toContain('(details not fetched yet)');
      expect(english.out()).toContain('verified, issuer unconfirmed');
      expect(english.out()).toMatch(/\n2 credentials\n$/);
      // --json is the same whatever the setting.
      const json = io();
      await listCommand.run(['--vault', vault, '--json'], json);
      const jsonEnglish = io();
      await listCommand.run(['--vault', vault, '--json', '--language', 'en'], jsonEnglish);
      expect(json.out()).toBe(jsonEnglish.out());
    } finally {
      writeFileSync(path.join(vault, 'preferences.json'), JSON.stringify({ language: 'en' }));
    }
  });

  it('show, history and backup say their lines in German', async () => {
    const listed = io();
    await listCommand.run(['--vault', vault, '--json'], listed);
    const ids = (JSON.parse(listed.out()) as { id: string; name: string }[]).map((entry) => entry.id);
    const shown = io();
    expect(await showCommand.run([ids[0] ?? '', '--vault', vault, '--language', 'de'], shown)).toBe(0);
    expect(shown.out()).toMatch(/^Aussteller {4}/m);
    expect(shown.out()).toMatch(/^Original {6}.*\(\d[\d.]* Bytes\)$/m);
    const history = io();
    expect(await historyCommand.run([ids[0] ?? '', '--vault', vault, '--language', 'de'], history)).toBe(0);
    expect(history.out()).toContain('hat keine früheren Fassungen: Keine neuere Kopie hat ihn ersetzt.');
    const missing = io();
    expect(await showCommand.run(['zzzzzzzz', '--vault', vault, '--language', 'de'], missing)).toBe(1);
    expect(missing.err()).toBe('In dieser Brieftasche gibt es keinen Nachweis mit der ID „zzzzzzzz“.\n');
    const backup = io();
    expect(await backupCommand.run(['--out', path.join(work, 'sicherung.bfbackup'), '--vault', vault, '--language', 'de'], backup)).toBe(0);
    expect(backup.out()).toMatch(/^Verschlüsselte Sicherung von 2 Nachweisen nach .*sicherung\.bfbackup geschrieben\.\n$/);
    const wrong = io();
    await listCommand.run(['--vault', vault, '--language', 'de', '--passphrase-file', path.join(work, 'notizen.json')], wrong);
    expect(wrong.err()).toBe('Diese Passphrase öffnet diese Brieftasche nicht.\n');
    // What the credential itself says (its issuer's description and criteria) is printed as written.
    const content = (JSON.parse(listed.out()) as { description?: string; criteria?: { narrative?: string } }[]).flatMap((entry) => [
      entry.description ?? '',
      entry.criteria?.narrative ?? '',
    ]);
    for (const text of [shown.out(), history.out(), backup.out()]) expect(englishIn(text, [work, ...ids, ...content.filter(Boolean)])).toEqual([]);
  });

  it('check: a damaged picture named, set aside and how to restore, all in German', async () => {
    const copy = mkdtempSync(path.join(os.tmpdir(), 'badgefolio-cli-language-check-'));
    const restored = io();
    expect(await runCli(['restore', path.join(work, 'sicherung.bfbackup'), '--vault', copy, '--language', 'de'], restored)).toBe(0);
    expect(restored.out()).toBe('Wiederhergestellt: 2 hinzugefügt, 0 bereits vorhanden, 0 aktualisiert.\n');
    const clean = io();
    expect(await checkCommand.run(['--vault', copy, '--language', 'de'], clean)).toBe(0);
    expect(clean.out()).toMatch(/^2 Nachweise und \d+ gespeicherte Dateien geprüft: nichts ist beschädigt\.\n$/);
    // Damage the badge picture: the one blob both credentials do not share is enough to name.
    const wallet = await Vault.unlock(copy, passphrase);
    const blob = [...wallet.files().records.values()].map((record) => record.credential.image as { bytes?: { $blob?: string } } | undefined).find((image) => image?.bytes?.$blob);
    const file = blob?.bytes?.$blob ? wallet.files().blobFile(blob.bytes.$blob) : undefined;
    wallet.lockWallet();
    if (!file) throw new Error('no picture stored');
    const bytes = readFileSync(path.join(copy, file));
    bytes[40] = (bytes[40] ?? 0) ^ 0x10;
    writeFileSync(path.join(copy, file), bytes);
    const damaged = io();
    expect(await checkCommand.run(['--vault', copy, '--language', 'de'], damaged)).toBe(1);
    const out = damaged.out();
    expect(out).toMatch(/^Beschädigt: Das Bild von .*: auf dem Datenträger verändert oder beschädigt\.$/m);
    expect(out).toMatch(/^ {2}In Quarantäne aufbewahrt: /m);
    expect(out).toContain('1 Datei ist beschädigt.');
    expect(out).toContain('Um sie zurückzuholen, stell eine Sicherung von vor dem Schaden wieder her:');
    expect(englishIn(out, [copy, 'Datenkompetenz', 'badgefolio restore', 'badgefolio backup'])).toEqual([]);
  }, 60_000);
});

describe('badgefolio inspect and help', () => {
  it('inspect says its table and reasons in German', async () => {
    const run = io();
    expect(await inspectCommand.run([path.join(work, 'datenkompetenz.json'), path.join(work, 'leer.json'), '--language', 'de'], run)).toBe(1);
    expect(run.out()).toMatch(/^DATEI\s+FORMAT\s+CONTAINER\s+NAME\s+AUSSTELLER\s+AUSGESTELLT$/m);
    expect(run.out()).toMatch(/leer\.json: fehlerhaft: Die Datei ist leer\.$/m);
    expect(run.out()).toContain('1 Nachweis erkannt, 1 Eingabe nicht erkannt');
    expect(englishIn(run.out(), [work, 'Datenkompetenz', 'Stadtbibliothek Köln'])).toEqual([]);
  });

  it('refuses a language it does not speak, and the help says how the language is chosen', async () => {
    await expect(listCommand.run(['--vault', vault, '--language', 'fr'], io())).rejects.toThrow(UsageError);
    const help = io();
    expect(await runCli(['--help'], help)).toBe(0);
    expect(help.out()).toContain('every command prints its sentences in English or German, as --language en|de');
    const importHelp = io();
    await runCli(['help', 'import'], importHelp);
    expect(importHelp.out()).toContain('--language en|de');
  });
});
