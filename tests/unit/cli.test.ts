import { updateOrganiser } from '../../electron/core/organiserStore';
import { Vault } from '../../electron/vault/vault';
import { describe, expect, it } from 'vitest';
import { defaultCacheFolder, defaultDataFolder } from '../../electron/core/dataFolder';
import { runBin } from '../support/cliRun';

describe('the badgefolio CLI, run as a user would', () => {
  it('prints the commands for --help and exits 0', () => {
    const result = runBin(['--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Usage: badgefolio <command> [options]');
    expect(result.stdout).toContain('Commands:');
    expect(result.stdout).toContain('--version');
  });

  it('prints the package version for --version', () => {
    const result = runBin(['--version']);
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('rejects an unknown command with exit 2 and a pointer to --help', () => {
    const result = runBin(['frobnicate']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Unknown command "frobnicate"');
    expect(result.stderr).toContain('--help');
  });
});

describe('the default data folder', () => {
  it('matches where Electron keeps the app data on each platform', () => {
    expect(defaultDataFolder('linux', {}, '/home/ana')).toBe('/home/ana/.config/Badgefolio');
    expect(defaultDataFolder('linux', { XDG_CONFIG_HOME: '/xdg' }, '/home/ana')).toBe('/xdg/Badgefolio');
    expect(defaultDataFolder('darwin', {}, '/Users/ana')).toBe('/Users/ana/Library/Application Support/Badgefolio');
    expect(defaultDataFolder('win32', { APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, 'C:\\Users\\ana')).toBe('C:\\Users\\ana\\AppData\\Roaming\\Badgefolio');
  });

  it("has a cache folder beside it where each platform keeps a user's caches", () => {
    expect(defaultCacheFolder('linux', {}, '/home/ana')).toBe('/home/ana/.cache/Badgefolio');
    expect(defaultCacheFolder('linux', { XDG_CACHE_HOME: '/xdg-cache' }, '/home/ana')).toBe('/xdg-cache/Badgefolio');
    // Empty or relative: ignored, never the folder the command happens to run in.
    expect(defaultCacheFolder('linux', { XDG_CACHE_HOME: '' }, '/home/ana')).toBe('/home/ana/.cache/Badgefolio');
    expect(defaultCacheFolder('linux', { XDG_CACHE_HOME: 'cache' }, '/home/ana')).toBe('/home/ana/.cache/Badgefolio');
    expect(defaultCacheFolder('win32', { LOCALAPPDATA: '' }, 'C:\\Users\\ana')).toBe('C:\\Users\\ana\\AppData\\Local\\Badgefolio\\Cache');
    expect(defaultCacheFolder('darwin', {}, '/Users/ana')).toBe('/Users/ana/Library/Caches/Badgefolio');
    expect(defaultCacheFolder('win32', { LOCALAPPDATA: 'C:\\Users\\ana\\AppData\\Local' }, 'C:\\Users\\ana')).toBe('C:\\Users\\ana\\AppData\\Local\\Badgefolio\\Cache');
  });
});

describe('badgefolio inspect', () => {
  it('reports each credential in a folder and a zip, as JSON for scripts, exit 0 when all are recognised', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const { bakePngItxt, makeBadgePng, makeOb2Assertion, makeZip } = await import('../support/credentials');
    const folder = mkdtempSync(path.join(os.tmpdir(), 'badgefolio-inspect-'));
    const { assertion } = makeOb2Assertion({ badgeName: 'Grafikdesign für Anfänger' });
    writeFileSync(path.join(folder, 'design.png'), bakePngItxt(makeBadgePng(4_000, 2), 'openbadges', JSON.stringify(assertion)));
    const other = makeOb2Assertion({ badgeName: 'Zipped badge' }).assertion;
    writeFileSync(path.join(folder, 'export.zip'), makeZip([{ name: 'z.json', bytes: new TextEncoder().encode(JSON.stringify(other)) }]));

    const result = runBin(['inspect', folder, '--json']);
    expect(result.status).toBe(0);
    const parsed = JSON.parse(result.stdout) as { file: string; outcome: string; format: string; container: string; credential: { name: string } }[];
    expect(parsed.map((r) => [path.basename(r.file), r.outcome, r.format, r.container, r.credential.name])).toEqual([
      ['design.png', 'recognised', 'ob2', 'png', 'Grafikdesign für Anfänger'],
      ['export.zip › z.json', 'recognised', 'ob2', 'json', 'Zipped badge'],
    ]);

    writeFileSync(path.join(folder, 'notes.txt'), 'not a badge');
    const human = runBin(['inspect', folder]);
    expect(human.status).toBe(1);
    expect(human.stdout).toMatch(/FILE\s+FORMAT\s+CONTAINER\s+NAME/);
    expect(human.stdout).toContain('Grafikdesign für Anfänger');
    expect(human.stdout).toContain('notes.txt: not a credential');
    expect(human.stdout).toContain('2 credentials recognised, 1 input not recognised');
  });

  it('refuses a call without files as a usage error (exit 2)', () => {
    const result = runBin(['inspect']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Give at least one file or folder');
  });
});

describe('the wallet commands', () => {
  it('init, import, list, show, remove, backup, restore and passwd work end to end', async () => {
    const { mkdtempSync, writeFileSync, existsSync } = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const { bakePngItxt, makeBadgePng, makeOb2Assertion } = await import('../support/credentials');
    const folder = mkdtempSync(path.join(os.tmpdir(), 'badgefolio-cli-wallet-'));
    const vault = path.join(folder, 'wallet');
    const env = { BADGEFOLIO_PASSPHRASE: 'plum tractor 99 seaside' };
    const badges = path.join(folder, 'badges');
    (await import('node:fs')).mkdirSync(badges);
    for (const name of ['Welding basics', 'Сварка для начинающих']) {
      const { assertion } = makeOb2Assertion({ badgeName: name, assertionId: `https://badges.example.org/a/${encodeURIComponent(name)}` });
      writeFileSync(path.join(badges, `${name}.png`), bakePngItxt(makeBadgePng(2_000, name.length), 'openbadges', JSON.stringify(assertion)));
    }
    writeFileSync(path.join(badges, 'notes.txt'), 'not a badge');

    expect(runBin(['init', '--vault', vault], { env }).status).toBe(0);
    expect(runBin(['init', '--vault', vault], { env }).stderr).toContain('already a wallet');

    const imported = runBin(['import', badges, '--vault', vault], { env });
    expect(imported.status).toBe(1);
    expect(imported.stdout).toContain('Added 2, already there 0, updated 0, not replaced 0, not imported 1.');
    // One line per file, starting with its outcome; each credential verified as it was stored (offline: the hosted copy is not fetched).
    expect(imported.stdout).toMatch(/^not a credential {2}\S*notes\.txt/m);
    expect(imported.stdout).toMatch(/^added {2}\S*Welding basics\.png {2}"Welding basics" {2}\[unverifiable\]$/m);
    const again = runBin(['import', badges, '--vault', vault, '--json'], { env });
    expect((JSON.parse(again.stdout) as { outcome: string }[]).map((r) => r.outcome).sort()).toEqual(['already-there', 'already-there', 'not-a-credential']);

    const listed = JSON.parse(runBin(['list', '--vault', vault, '--json'], { env }).stdout) as { id: string; name: string; status: string; issuerIdentity: { level: string } }[];
    expect(listed.map((e) => e.name).sort()).toEqual(['Welding basics', 'Сварка для начинающих']);
    // The stored verdict and issuer identity travel with each credential.
    expect(listed.map((e) => [e.status, e.issuerIdentity.level])).toEqual([
      ['unverifiable', 'unconfirmed'],
      ['unverifiable', 'unconfirmed'],
    ]);
    const welding = listed.find((e) => e.name === 'Welding basics');
    if (!welding) throw new Error('missing');
    const shown = runBin(['show', welding.id.slice(0, 6), '--vault', vault], { env });
    expect(shown.status).toBe(0);
    expect(shown.stdout).toContain('Welding basics');
    expect(shown.stdout).toContain('Example Academy');

    const wrong = runBin(['list', '--vault', vault], { env: { BADGEFOLIO_PASSPHRASE: 'nope' } });
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain('That passphrase does not open this wallet.');

    const backup = path.join(folder, 'my.backup');
    expect(runBin(['backup', '--out', backup, '--vault', vault], { env }).status).toBe(0);
    expect(existsSync(backup)).toBe(true);
    expect(runBin(['remove', welding.id, '--vault', vault], { env }).stdout).toContain('Removed "Welding basics"');
    const restored = runBin(['restore', backup, '--vault', vault], { env });
    expect(restored.stdout).toContain('Restored: added 1, already there 1, updated 0.');
    const elsewhere = runBin(['restore', backup, '--vault', path.join(folder, 'other')], { env });
    expect(elsewhere.stdout).toContain('Restored: added 2, already there 0, updated 0.');

    const passwordFile = path.join(folder, 'new-pass');
    writeFileSync(passwordFile, 'a brand new passphrase\n');
    expect(runBin(['passwd', '--vault', vault, '--new-passphrase-file', passwordFile], { env }).status).toBe(0);
    expect(runBin(['list', '--vault', vault], { env }).status).toBe(1);
    expect(runBin(['list', '--vault', vault, '--passphrase-file', passwordFile], { env: {} }).stdout).toContain('2 credentials');
  }, 120_000);
});

describe('export-pdf and verify-pdf', () => {
  it('exports the wallet to a portfolio PDF that verify-pdf reads back intact', async () => {
    const { mkdtempSync, writeFileSync, readFileSync } = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const { generateEd25519Issuer, makeIssuerProfile, makeOb3Credential, signDataIntegrity } = await import('../support/credentials');
    const folder = mkdtempSync(path.join(os.tmpdir(), 'badgefolio-cli-pdf-'));
    const vault = path.join(folder, 'wallet');
    const env = { BADGEFOLIO_PASSPHRASE: 'plum tractor 99 seaside' };
    const issuer = await generateEd25519Issuer(new Uint8Array(32).fill(3));
    const signed = await signDataIntegrity(
      makeOb3Credential({
        issuer: makeIssuerProfile({ id: issuer.did, name: 'Open Data Institute' }),
        id: 'https://badges.example.org/credentials/4242',
        achievementName: 'Open data literacy',
        validFrom: '2025-01-01T00:00:00Z',
      }),
      issuer,
    );
    writeFileSync(path.join(folder, 'literacy.json'), JSON.stringify(signed));
    expect(runBin(['init', '--vault', vault], { env }).status).toBe(0);
    expect(runBin(['import', path.join(folder, 'literacy.json'), '--vault', vault], { env }).status).toBe(0);

    const pdf = path.join(folder, 'portfolio.pdf');
    const exported = runBin(['export-pdf', '--out', pdf, '--vault', vault, '--paper', 'letter', '--for', 'Acme Ltd'], { env });
    expect(exported.stderr).toBe('');
    expect(exported.stdout).toMatch(/Wrote .*portfolio\.pdf: 1 credential \(1 verified\)/);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    // A did:key names itself: the entry and the cover say that nothing confirms the issuer.
    const { run } = await import('../support/pdfTools');
    const text = run('pdftotext', ['-enc', 'UTF-8', pdf, '-']).replace(/\s+/g, ' ');
    expect(text).toContain("Issuer: not confirmed — the name is the issuer's own claim");
    expect(text).toContain('1 verified credential; nothing confirms who its issuer is.');

    const checked = runBin(['verify-pdf', pdf, '--json']);
    expect(checked.status).toBe(0);
    const report = JSON.parse(checked.stdout) as { intact: boolean; credentials: { integrity: string; status: string; name: string; issuerIdentity?: unknown }[] };
    expect(report.intact).toBe(true);
    expect(report.credentials).toMatchObject([{ integrity: 'intact', status: 'verified', name: 'Open data literacy' }]);
    expect(report.credentials[0]?.issuerIdentity).toMatchObject({ level: 'unconfirmed', name: 'Open Data Institute', source: null, asOf: null });

    const unknownCollection = runBin(['export-pdf', '--out', pdf, '--vault', vault, '--collection', 'Jobs'], { env });
    expect(unknownCollection.status).toBe(1);
    expect(unknownCollection.stderr).toContain('no collection named "Jobs"');

    // A collection made in the app (kept in the wallet) chooses what the CLI exports.
    const wallet = await Vault.unlock(vault, env.BADGEFOLIO_PASSPHRASE, { write: true });
    const [only] = wallet.list();
    updateOrganiser(wallet, (current) => ({
      ...current,
      collections: [{ id: 'c0llection01', name: 'Data jobs', credentialIds: [only?.id ?? ''], createdAt: '2026-01-01T00:00:00Z' }],
    }));
    wallet.lockWallet();
    const fromCollection = runBin(['export-pdf', '--out', pdf, '--vault', vault, '--collection', 'data JOBS'], { env });
    expect(fromCollection.stderr).toBe('');
    expect(fromCollection.stdout).toMatch(/1 credential \(1 verified\)/);

    // The PDF's own words in German; a language it cannot write is refused before anything is read.
    const german = runBin(['export-pdf', '--out', pdf, '--vault', vault, '--language', 'de', '--for', 'Nordwind GmbH'], { env });
    expect(german.stderr).toBe('');
    const germanText = run('pdftotext', ['-enc', 'UTF-8', pdf, '-']).replace(/\s+/g, ' ');
    expect(germanText).toContain('Erstellt für Nordwind GmbH');
    expect(germanText).toContain('Aussteller: nicht bestätigt');
    expect(germanText).toContain('Seite 1 von 2');
    expect(germanText).not.toContain('Prepared for');
    const french = runBin(['export-pdf', '--out', pdf, '--vault', vault, '--language', 'fr'], { env });
    expect(french.status).toBe(2);
    expect(french.stderr).toContain('--language is en or de.');
  }, 120_000);
});
