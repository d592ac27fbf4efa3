import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runBin } from '../../support/cliRun';
import { generateEd25519Issuer, makeIssuerProfile, makeOb3Credential, signDataIntegrity } from '../../support/credentials';
import { run } from './fixtures';

/**
 * The commands that print verification's sentences speak the language chosen: `export-pdf`
 * the PDF's (`--language de`, or the app's language setting in the wallet folder), `verify`
 * likewise; English stays the default and `--json` keeps its codes. Run through the real bin,
 * as a user's shell would, and the PDF read back by poppler.
 */

let folder: string;
let vault: string;
const env = (): NodeJS.ProcessEnv => ({ BADGEFOLIO_PASSPHRASE: 'plum tractor 99 seaside', BADGEFOLIO_VAULT: vault });

beforeAll(async () => {
  folder = mkdtempSync(path.join(os.tmpdir(), 'badgefolio-export-language-'));
  vault = path.join(folder, 'wallet');
  const issuer = await generateEd25519Issuer(new Uint8Array(32).fill(21));
  for (const [n, name] of ['Datenkompetenz', 'Teamarbeit'].entries()) {
    const signed = await signDataIntegrity(
      makeOb3Credential({
        issuer: makeIssuerProfile({ id: issuer.did, name: 'Open Data Institute' }),
        id: `https://badges.example.org/credentials/lang-${String(n)}`,
        achievementName: name,
        validFrom: '2025-01-01T00:00:00Z',
      }),
      issuer,
    );
    writeFileSync(path.join(folder, `badge-${String(n)}.json`), JSON.stringify(signed));
    // The same badge edited after signing: its signature no longer holds.
    if (n === 1) writeFileSync(path.join(folder, 'edited.json'), JSON.stringify({ ...signed, name: 'Teamarbeit (bearbeitet)' }));
  }
  expect(runBin(['init'], { env: env() }).status).toBe(0);
  expect(runBin(['import', path.join(folder, 'badge-0.json'), path.join(folder, 'badge-1.json'), '--offline'], { env: env() }).status).toBe(0);
}, 120_000);

describe('badgefolio export-pdf in the PDF’s language', () => {
  it('prints its lines in German with --language de, and the PDF is German', () => {
    const pdf = path.join(folder, 'de.pdf');
    const result = runBin(['export-pdf', '--out', pdf, '--offline', '--language', 'de'], { env: env() });
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^.*de\.pdf geschrieben: 2 Nachweise \(2 bestätigt\), \d+ KB\.\n$/);
    const cover = run('pdftotext', ['-enc', 'UTF-8', '-f', '1', '-l', '1', pdf, '-']).replace(/\s+/g, ' ');
    expect(cover).toContain('2 bestätigte Nachweise; bei keinem ist belegt, wer ihn ausgestellt hat.');
    // Credits given without a unit (1.5 each) are counted in the PDF's words and numbers.
    expect(cover).toContain('Umfang insgesamt: 3 Leistungspunkte');
    expect(cover).not.toContain('Leistungspunkte: 3');
    const text = run('pdftotext', ['-enc', 'UTF-8', pdf, '-']).replace(/\s+/g, ' ');
    expect(text).toContain('1,5 Leistungspunkte');
    expect(text).not.toMatch(/credits|1\.5/i);
  }, 120_000);

  it('says why nothing was written in German too', () => {
    const pdf = path.join(folder, 'none.pdf');
    const unknown = runBin(['export-pdf', '--out', pdf, '--offline', '--language', 'de', '--collection', 'Bewerbungen'], { env: env() });
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toBe('In dieser Brieftasche gibt es keine Sammlung namens „Bewerbungen“.\n');
    const wrong = runBin(['export-pdf', '--out', pdf, '--offline', '--language', 'de'], { env: { ...env(), BADGEFOLIO_PASSPHRASE: 'not the passphrase' } });
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toBe('Diese Passphrase öffnet diese Brieftasche nicht.\n');
    const noKey = runBin(['export-pdf', '--out', pdf, '--language', 'de', '--sign', path.join(folder, 'missing.pem')], { env: env() });
    expect(noKey.stderr).toContain('Die Schlüsseldatei');
  }, 120_000);

  it('stays English by default, with one credential said in the singular', () => {
    const pdf = path.join(folder, 'en.pdf');
    const list = runBin(['list', '--json'], { env: env() });
    const [first] = JSON.parse(list.stdout) as { id: string }[];
    const result = runBin(['export-pdf', '--out', pdf, '--offline', '--ids', first?.id ?? ''], { env: env() });
    expect(result.stdout).toMatch(/^Wrote .*en\.pdf: 1 credential \(1 verified\), \d+ KB\.\n$/);
    expect(run('pdftotext', ['-enc', 'UTF-8', pdf, '-']).replace(/\s+/g, ' ')).toContain('1.5 credits');
  }, 120_000);

  it('follows the app’s language setting when no --language is given', () => {
    writeFileSync(path.join(vault, 'preferences.json'), JSON.stringify({ language: 'de' }));
    const pdf = path.join(folder, 'setting.pdf');
    const result = runBin(['export-pdf', '--out', pdf, '--offline'], { env: env() });
    expect(result.stdout).toContain('setting.pdf geschrieben: 2 Nachweise (2 bestätigt)');
    expect(result.stdout).not.toContain('Wrote');
    const english = runBin(['export-pdf', '--out', pdf, '--offline', '--language', 'en'], { env: env() });
    expect(english.stdout).toContain('setting.pdf: 2 credentials (2 verified)');
  }, 120_000);
});

describe('badgefolio verify --language de', () => {
  it('says the statuses, summaries, issuer and checks in German', () => {
    const result = runBin(['verify', path.join(folder, 'badge-0.json'), path.join(folder, 'edited.json'), '--offline', '--language', 'de'], { env: env() });
    expect(result.status).toBe(1);
    const out = result.stdout;
    expect(out).toMatch(/DATEI\s+FORMAT\s+STATUS\s+NAME/);
    expect(out).toMatch(/badge-0\.json: bestätigt\n {2}Signiert und unverändert, aber nichts bestätigt, dass der Unterzeichner „Open Data Institute“ ist/);
    expect(out).toContain('Aussteller: nicht bestätigt – der Name ist die eigene Angabe des Ausstellers');
    expect(out).toMatch(/✓ Gültigkeit: Der Nachweis ist gültig: seit dem 1\. Januar 2025/);
    expect(out).toMatch(/edited\.json: Prüfung fehlgeschlagen\n/);
    expect(out).toMatch(/✗ Signatur: /);
    expect(out).toContain('1 bestätigt, 1 Prüfung fehlgeschlagen');
    for (const english of ['FILE', 'verified', 'invalid', 'Issuer', 'Signature', 'The credential']) expect(out, english).not.toContain(english);
  }, 120_000);

  it('keeps English by default, and the codes in --json whatever the language', () => {
    const english = runBin(['verify', path.join(folder, 'badge-0.json'), '--offline'], { env: { BADGEFOLIO_VAULT: path.join(folder, 'no-wallet') } });
    expect(english.stdout).toMatch(/badge-0\.json: verified\n {2}Signed and unchanged/);
    expect(english.stdout).toContain('✓ Dates: The credential is in date');
    const json = runBin(['verify', path.join(folder, 'badge-0.json'), '--offline', '--json', '--language', 'de'], { env: env() });
    expect((JSON.parse(json.stdout) as { status: string; summary: string }[])[0]).toMatchObject({
      status: 'verified',
      summary: expect.stringMatching(/^Signed and unchanged/) as unknown,
    });
    expect(runBin(['verify', path.join(folder, 'badge-0.json'), '--language', 'fr']).status).toBe(2);
  }, 120_000);
});
