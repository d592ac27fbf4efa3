import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { filesFromCommandLine, OpenFiles, secondInstanceFiles } from '../../../electron/core/openFiles';
import { WalletSession } from '../../../electron/core/walletSession';
import { Vault } from '../../../electron/vault/vault';
import { credentialNotices } from '../../../shared/credential/notices';
import type { ShellEventName } from '../../../shared/contract/events';
import { bakePngItxt, makeBadgePng, makeOb2Assertion, makeOb3Credential } from '../../support/credentials';
import { testKdf } from '../../support/walletFixtures';

const passphrase = 'open files test passphrase';
const tmp = (prefix: string) => mkdtempSync(path.join(os.tmpdir(), `badgefolio-${prefix}-`));

describe('files named on a command line', () => {
  const cwd = path.resolve('/home/learner/Downloads');

  it('takes the arguments after the executable (packaged) or after Electron and the app (development)', () => {
    expect(filesFromCommandLine(['/opt/Badgefolio/badgefolio', 'a.png', '/tmp/b.jwt'], { cwd, packaged: true })).toEqual([path.join(cwd, 'a.png'), path.resolve('/tmp/b.jwt')]);
    expect(filesFromCommandLine(['/usr/bin/electron', '/work/app', 'c.pdf'], { cwd, packaged: false })).toEqual([path.join(cwd, 'c.pdf')]);
    // Playwright and electron-vite put switches before the app's path.
    const launched = ['/usr/bin/electron', '--inspect=0', '--remote-debugging-port=0', 'out/main/index.js', '--no-sandbox'];
    expect(filesFromCommandLine(launched, { cwd, packaged: false })).toEqual([]);
  });

  it('skips switches Chromium and the OS add, other URL schemes and repeats; turns file URLs into paths', () => {
    const file = path.resolve('/tmp/my badge.badge.json');
    const argv = ['exe', '--no-sandbox', '--enable-features=X', '-psn_0_1234', pathToFileURL(file).href, 'https://evil.example/x.png', 'b.svg', 'b.svg', ''];
    expect(filesFromCommandLine(argv, { cwd, packaged: true })).toEqual([file, path.join(cwd, 'b.svg')]);
  });

  it('prefers the files a second launch resolved itself, and falls back to its argv', () => {
    const argv = ['exe', '--flag', 'from-argv.png'];
    expect(secondInstanceFiles({ files: ['/abs/one.png', 'relative-ignored.png'] }, argv, { cwd, packaged: true })).toEqual(['/abs/one.png']);
    expect(secondInstanceFiles({ files: 'not a list' }, argv, { cwd, packaged: true })).toEqual([path.join(cwd, 'from-argv.png')]);
    expect(secondInstanceFiles(undefined, argv, { cwd, packaged: true })).toEqual([path.join(cwd, 'from-argv.png')]);
  });
});

describe('files opened from outside the window', () => {
  let downloads: string;
  let badgePng: string;
  let badgeJson: string;
  let notes: string;
  let backup: string;

  beforeAll(async () => {
    downloads = tmp('downloads');
    const { assertion } = makeOb2Assertion({ assertionId: 'https://badges.example.org/assertions/open-with.json', badgeName: 'Opened from the dock' });
    badgePng = path.join(downloads, 'dock.png');
    writeFileSync(badgePng, bakePngItxt(makeBadgePng(1_000, 3), 'openbadges', JSON.stringify(assertion)));
    badgeJson = path.join(downloads, 'expiring.badge.json');
    const soon = new Date(Date.now() + 10 * 24 * 60 * 60 * 1000);
    const credential = makeOb3Credential({ issuer: 'did:example:issuer', idSeed: 7, achievementName: 'Expires soon', validUntil: soon });
    writeFileSync(badgeJson, JSON.stringify(credential));
    notes = path.join(downloads, 'notes.txt');
    writeFileSync(notes, 'shopping list');
    // A real backup, made by the vault, opened by name as the OS would hand it over.
    const other = tmp('backup-source');
    const vault = await Vault.create(other, passphrase, testKdf);
    backup = path.join(downloads, 'wallet.badgefolio-backup');
    await vault.exportBackup(backup, passphrase, testKdf);
    vault.lockWallet();
  });

  let session: WalletSession | null = null;
  afterEach(() => {
    session?.lock();
    session = null;
  });

  function setup() {
    const folder = tmp('open-files');
    session = new WalletSession({ folder, keyProtector: () => Promise.resolve(null), kdf: testKdf });
    const events: { name: ShellEventName; payload: unknown }[] = [];
    let imported = 0;
    const openFiles = new OpenFiles({
      wallet: session,
      publish: (name, payload) => events.push({ name, payload }),
      onImported: () => imported++,
    });
    return { wallet: session, events, openFiles, importedCount: () => imported };
  }

  it('queues files opened before the app is ready, and while no wallet exists, then imports them on unlock', async () => {
    const { wallet, events, openFiles } = setup();
    await openFiles.open([badgePng]);
    expect(events).toEqual([]); // not started: nothing to tell yet
    await openFiles.start();
    expect(events).toEqual([{ name: 'filesWaiting', payload: { count: 1, names: ['dock.png'] } }]);
    await openFiles.open([badgeJson, badgePng]);
    expect(openFiles.waiting()).toEqual([badgePng, badgeJson]);

    await wallet.create(passphrase, false);
    events.length = 0;
    await openFiles.flush();
    expect(events[0]).toEqual({ name: 'filesWaiting', payload: { count: 0, names: [] } });
    expect(events[1]).toMatchObject({
      name: 'filesImported',
      payload: {
        outcomes: [
          { file: 'dock.png', outcome: 'added', name: 'Opened from the dock' },
          { file: 'expiring.badge.json', outcome: 'added', name: 'Expires soon' },
        ],
      },
    });
    expect(openFiles.waiting()).toEqual([]);
    // The imported credential is what the notices are computed from.
    expect(credentialNotices(wallet.list(), new Date()).map((n) => [n.kind, n.name])).toEqual([['expiring', 'Expires soon']]);
  });

  it('imports at once while unlocked, with one line per file, including the ones that are not credentials', async () => {
    const { wallet, events, openFiles, importedCount } = setup();
    await wallet.create(passphrase, false);
    await openFiles.start();
    await openFiles.open([badgePng, notes, path.join(downloads, 'missing.jwt')]);
    const imported = events.find((event) => event.name === 'filesImported')?.payload as { outcomes: { file: string; outcome: string; reason?: string }[] };
    expect(imported.outcomes.map((o) => [o.file, o.outcome])).toEqual([
      ['missing.jwt', 'malformed'],
      ['dock.png', 'added'],
      ['notes.txt', 'not-a-credential'],
    ]);
    expect(imported.outcomes[0]?.reason).toBe('There is no such file or folder.');
    expect(importedCount()).toBe(1);
    // Opening the same badge again is a no-op, reported as such.
    events.length = 0;
    await openFiles.open([badgePng]);
    expect(events.at(-1)).toMatchObject({ name: 'filesImported', payload: { outcomes: [{ file: 'dock.png', outcome: 'already-there' }] } });
  });

  it('walks a folder opened from outside', async () => {
    const { wallet, events, openFiles } = setup();
    const folder = path.join(tmp('folder'), 'badges');
    mkdirSync(folder);
    writeFileSync(path.join(folder, 'one.badge.json'), JSON.stringify(makeOb3Credential({ issuer: 'did:example:issuer', idSeed: 11, achievementName: 'In a folder' })));
    await wallet.create(passphrase, false);
    await openFiles.start();
    await openFiles.open([folder]);
    expect(events.at(-1)).toMatchObject({ name: 'filesImported', payload: { outcomes: [{ file: path.join('badges', 'one.badge.json'), outcome: 'added' }] } });
  });

  it('recognises a backup by its content and hands it to a restore instead of importing it', async () => {
    const { wallet, events, openFiles, importedCount } = setup();
    await wallet.create(passphrase, false);
    await openFiles.start();
    await openFiles.open([backup]);
    expect(events).toEqual([
      { name: 'filesWaiting', payload: { count: 0, names: [] } },
      { name: 'backupOpened', payload: { fileName: 'wallet.badgefolio-backup' } },
    ]);
    expect(openFiles.openedBackup()).toBe(backup);
    expect(importedCount()).toBe(0);
    expect(wallet.list()).toEqual([]);
  });

  it('imports each file once when launches arrive in quick succession', async () => {
    const { wallet, events, openFiles } = setup();
    await wallet.create(passphrase, false);
    await openFiles.start();
    await Promise.all([openFiles.open([badgePng]), openFiles.open([badgePng]), openFiles.open([badgeJson])]);
    const outcomes = events.filter((event) => event.name === 'filesImported').flatMap((event) => (event.payload as { outcomes: { outcome: string }[] }).outcomes);
    expect(outcomes.filter((o) => o.outcome === 'added')).toHaveLength(2);
    expect(wallet.list()).toHaveLength(2);
  });

  it('puts files back in the queue when the wallet locks between reading and importing them', async () => {
    const folder = tmp('locks-midway');
    const real = new WalletSession({ folder, keyProtector: () => Promise.resolve(null), kdf: testKdf });
    session = real;
    await real.create(passphrase, false);
    const events: { name: ShellEventName; payload: unknown }[] = [];
    const openFiles = new OpenFiles({
      // The real session, locked by auto-lock just as the files reach it.
      wallet: {
        state: () => real.state(),
        import: (files) => {
          real.lock();
          return real.import(files);
        },
      },
      publish: (name, payload) => events.push({ name, payload }),
    });
    await openFiles.start();
    await openFiles.open([badgePng, badgeJson]);
    expect(openFiles.waiting()).toEqual([badgePng, badgeJson]);
    expect(events.map((event) => event.name)).toEqual(['filesWaiting', 'filesWaiting']);
    expect(events.at(-1)?.payload).toEqual({ count: 2, names: ['dock.png', 'expiring.badge.json'] });
  });

  it('lets files wait when the wallet locked before they were imported, and says so again to a new window', async () => {
    const { wallet, events, openFiles } = setup();
    await wallet.create(passphrase, false);
    await openFiles.start();
    const importing = openFiles.open([badgePng, badgeJson]);
    wallet.lock(); // auto-lock fires while the files are read
    await importing;
    expect(openFiles.waiting()).toEqual([badgePng, badgeJson]);
    expect(events.at(-1)).toEqual({ name: 'filesWaiting', payload: { count: 2, names: ['dock.png', 'expiring.badge.json'] } });
    openFiles.announce();
    expect(events.at(-1)).toEqual({ name: 'filesWaiting', payload: { count: 2, names: ['dock.png', 'expiring.badge.json'] } });
  });
});
