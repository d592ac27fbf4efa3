// Usage errors and the overview in the reader's language (issue #17 §2): a command given
// arguments it cannot use says so in German when `--language de` is given or the app is set to
// German; each command's full help stays English, and says so in German first.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../electron/cli/command';
import { commands } from '../../electron/cli/program';
import { parseErrorSaid, usageWords, type UsageWords } from '../../electron/cli/usageWords';
import { runBin } from '../support/cliRun';

let german: string;
let english: string;
const helpNote = 'Die Hilfe zu den einzelnen Befehlen gibt es nur auf Englisch:';

beforeAll(() => {
  // Wallet folders holding only the app's language setting: what a German user's machine has.
  german = mkdtempSync(path.join(os.tmpdir(), 'badgefolio-usage-de-'));
  writeFileSync(path.join(german, 'preferences.json'), JSON.stringify({ language: 'de' }));
  english = mkdtempSync(path.join(os.tmpdir(), 'badgefolio-usage-en-'));
});

describe('usage words', () => {
  it('say every usage error in German, none the same as its English', () => {
    const en = usageWords('en');
    const de = usageWords('de');
    const say = (words: UsageWords, key: keyof UsageWords): string | null => {
      const entry = words[key];
      return typeof entry === 'function' ? (entry as (...args: string[]) => string)('import', 'x.json') : entry;
    };
    const same = (Object.keys(en) as (keyof UsageWords)[]).filter((key) => key !== 'helpInEnglish' && say(en, key) === say(de, key));
    expect(same).toEqual([]);
  });

  it('turn what Node’s argument parser throws into the option it names', () => {
    const thrown = (code: string, message: string) => new UsageError(parseErrorSaid(Object.assign(new TypeError(message), { code })));
    const unknown = thrown('ERR_PARSE_ARGS_UNKNOWN_OPTION', "Unknown option '--bogus'. To specify a positional argument starting with a '-', place it at the end");
    expect([unknown.message, unknown.in('de')]).toEqual([
      'Unknown option --bogus. To give a file whose name starts with "-", put it after "--".',
      'Unbekannte Option --bogus. Eine Datei, deren Name mit „-“ beginnt, gehört hinter „--“.',
    ]);
    expect(thrown('ERR_PARSE_ARGS_INVALID_OPTION_VALUE', "Option '--vault <value>' argument missing").in('de')).toBe('--vault braucht einen Wert.');
    expect(thrown('ERR_PARSE_ARGS_INVALID_OPTION_VALUE', "Option '--json' does not take an argument").in('de')).toBe('--json nimmt keinen Wert.');
  });
});

describe('the badgefolio command', () => {
  it('says a usage error in German with --language de, then the English help under a German note', () => {
    const run = runBin(['import', '--bogus', '--language', 'de'], { env: { BADGEFOLIO_VAULT: english } });
    expect(run.status).toBe(2);
    expect(run.stderr.split('\n').slice(0, 3)).toEqual(['Unbekannte Option --bogus. Eine Datei, deren Name mit „-“ beginnt, gehört hinter „--“.', '', helpNote]);
    expect(run.stderr).toContain('Usage: badgefolio import');
  });

  it('follows the app’s language setting when no --language is given, and English stays as it was', () => {
    expect(runBin(['verify', '--offline'], { env: { BADGEFOLIO_VAULT: german } }).stderr).toMatch(/^Mindestens eine Datei oder einen Ordner zum Prüfen angeben\.\n/);
    expect(runBin(['list', '--vault'], { env: { BADGEFOLIO_VAULT: german } }).stderr).toMatch(/^--vault braucht einen Wert\.\n/);
    expect(runBin(['frobnicate'], { env: { BADGEFOLIO_VAULT: german } }).stderr).toBe('Unbekannter Befehl „frobnicate“. „badgefolio --help“ zeigt die Befehle.\n');
    // A bad --language value is said in the setting's language.
    expect(runBin(['list', '--language', 'fr'], { env: { BADGEFOLIO_VAULT: german } }).stderr).toMatch(/^--language ist en oder de\.\n/);
    const inEnglish = runBin(['verify', '--offline'], { env: { BADGEFOLIO_VAULT: english } });
    expect(inEnglish.stderr).toMatch(/^Give at least one file or folder to verify\.\n\nUsage: badgefolio verify/);
    // --language on the command line wins over the setting, either way.
    expect(runBin(['verify', '--language', 'en'], { env: { BADGEFOLIO_VAULT: german } }).stderr).toMatch(/^Give at least one file or folder to verify\./);
  });

  it('prints the overview in German, every command with its German line', () => {
    const run = runBin(['--help', '--language', 'de'], { env: { BADGEFOLIO_VAULT: english } });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Befehle:');
    for (const command of commands) expect(run.stdout).toContain(`${command.name.padEnd(15)}  ${command.summary.de}`);
    expect(run.stdout).not.toMatch(/\b(the|and|your|Show|Commands|Options|credentials?)\b/);
    const help = runBin(['help', 'import'], { env: { BADGEFOLIO_VAULT: german } });
    expect(help.stdout.startsWith(`${helpNote}\n\nUsage: badgefolio import`)).toBe(true);
    expect(runBin(['help', 'import'], { env: { BADGEFOLIO_VAULT: english } }).stdout).toMatch(/^Usage: badgefolio import/);
  });
});
