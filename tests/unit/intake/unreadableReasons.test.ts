// Why a path could not be read at all (missing, too large, not a file, folders too deep), in the
// reader's language (issue #17 §1): the app's import summary and the CLI's `import`, `inspect`
// and `verify` say it in German when German is chosen; --json keeps the English reason.
import { mkdirSync, mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { OpenFiles } from '../../../electron/core/openFiles';
import { WalletSession } from '../../../electron/core/walletSession';
import { readInputFiles, type InputFile } from '../../../electron/intake/inputFiles';
import { defaultIntakeLimits } from '../../../electron/intake/limits';
import { Vault } from '../../../electron/vault/vault';
import type { ImportOutcome } from '../../../shared/credential/walletViews';
import { intakeMessagesEn } from '../../../shared/credential/intakeCatalogueEn';
import { renderMessage } from '../../../shared/credential/verificationMessages';
import { runBin } from '../../support/cliRun';
import { testKdf } from '../../support/walletFixtures';

const passphrase = 'meadow lantern 62 copper';
let work: string;
let vault: string;
/** Over the CLI's 50 MB limit without taking the disk space: a sparse file, refused by its size before it is read. */
let huge: string;
let deep: string;

/** The English reasons a German reader must not see. */
const englishReasons = ['fileUnreadable', 'notRegularFile', 'noSuchPath', 'foldersNested', 'folderUnopened', 'fileTooLarge'].map(
  (key) => intakeMessagesEn[`damaged.${key}` as keyof typeof intakeMessagesEn] as string,
);
const germanMissing = 'Diese Datei oder diesen Ordner gibt es nicht.';
const germanTooLarge = 'Die Datei ist größer als die Grenze von 50 MB.';

function noEnglishReason(text: string): void {
  for (const english of englishReasons) expect(text).not.toContain(english.split('{')[0]);
}

beforeAll(async () => {
  work = mkdtempSync(path.join(os.tmpdir(), 'badgefolio-unreadable-'));
  vault = path.join(work, 'wallet');
  (await Vault.create(vault, passphrase, testKdf)).lockWallet();
  huge = path.join(work, 'riesig.json');
  writeFileSync(huge, '');
  truncateSync(huge, defaultIntakeLimits.maxFileBytes + 1);
  deep = path.join(work, 'a');
  mkdirSync(path.join(deep, 'b', 'c'), { recursive: true });
  writeFileSync(path.join(deep, 'b', 'c', 'x.json'), '{}');
}, 60_000);

async function readAll(paths: readonly string[], blocking: boolean): Promise<InputFile[]> {
  const files: InputFile[] = [];
  const limits = { ...defaultIntakeLimits, maxFileBytes: 10 * 1024 * 1024, maxNestingDepth: 1 };
  for await (const file of readInputFiles(
    paths.map((p) => ({ path: p, label: path.basename(p) })),
    limits,
    { blocking },
  ))
    files.push(file);
  return files;
}

describe('reasons a path could not be read', () => {
  it.each([false, true])('are catalogue messages, English in `reason` and German when rendered (blocking reads: %s)', async (blocking) => {
    const read = await readAll([path.join(work, 'fehlt.json'), huge, '/dev/null', deep], blocking);
    const said = read.map((file) => (file.kind === 'unreadable' ? [file.name, file.reason, renderMessage(file.reasonMessage, 'de')] : [file.name]));
    expect(said).toEqual([
      ['fehlt.json', 'There is no such file or folder.', germanMissing],
      ['riesig.json', 'The file is larger than the 10 MB limit.', 'Die Datei ist größer als die Grenze von 10 MB.'],
      ['null', 'This is not a regular file.', 'Dies ist keine gewöhnliche Datei.'],
      [path.join('a', 'b'), 'Folders are nested more than 1 levels deep.', 'Ordner sind mehr als 1 Ebenen tief verschachtelt.'],
    ]);
  });
});

describe('the app’s import summary', () => {
  let session: WalletSession | null = null;
  afterEach(() => {
    session?.lock();
    session = null;
  });

  it('carries the German reason for a missing or too large file opened from outside the window', async () => {
    session = new WalletSession({ folder: mkdtempSync(path.join(os.tmpdir(), 'badgefolio-unreadable-app-')), keyProtector: () => Promise.resolve(null), kdf: testKdf });
    await session.create(passphrase, false);
    const imported: ImportOutcome[] = [];
    const openFiles = new OpenFiles({
      wallet: session,
      publish: (name, payload) => {
        if (name === 'filesImported') imported.push(...(payload as { outcomes: ImportOutcome[] }).outcomes);
      },
    });
    await openFiles.start();
    await openFiles.open([path.join(work, 'fehlt.json'), huge]);
    const shown = imported.map((o) => [o.file, o.outcome, o.reasonMessage ? renderMessage(o.reasonMessage, 'de') : o.reason]);
    expect(shown).toEqual([
      ['fehlt.json', 'malformed', germanMissing],
      ['riesig.json', 'malformed', germanTooLarge],
    ]);
    expect(imported.map((o) => o.reason)).toEqual(['There is no such file or folder.', 'The file is larger than the 50 MB limit.']);
  });
});

describe('the CLI in German', () => {
  const env = () => ({ BADGEFOLIO_PASSPHRASE: passphrase, BADGEFOLIO_VAULT: vault });
  const missing = () => path.join(work, 'fehlt.json');

  it('import says why in German; the outcome word and --json stay as scripts read them', () => {
    const run = runBin(['import', missing(), huge, '--vault', vault, '--language', 'de'], { env: env() });
    expect(run.stdout).toContain(`malformed  ${missing()}  (${germanMissing})`);
    expect(run.stdout).toContain(`malformed  ${huge}  (${germanTooLarge})`);
    noEnglishReason(run.stdout);
    const json = runBin(['import', missing(), '--vault', vault, '--language', 'de', '--json'], { env: env() });
    expect(JSON.parse(json.stdout)).toEqual([{ file: missing(), outcome: 'malformed', reason: 'There is no such file or folder.' }]);
  });

  it('inspect and verify say why in German', () => {
    const inspect = runBin(['inspect', missing(), huge, '--language', 'de'], { env: env() });
    expect(inspect.stdout).toContain(`${missing()}: `);
    expect(inspect.stdout).toContain(germanMissing);
    expect(inspect.stdout).toContain(germanTooLarge);
    noEnglishReason(inspect.stdout);
    const verify = runBin(['verify', missing(), '--offline', '--language', 'de'], { env: env() });
    expect(verify.stdout).toContain(`Beschädigt`);
    expect(verify.stdout).toContain(`Aufbau: ${germanMissing}`);
    expect(verify.stdout).not.toMatch(/Damaged|Structure/);
    noEnglishReason(verify.stdout);
    const json = runBin(['verify', missing(), '--offline', '--language', 'de', '--json'], { env: env() });
    expect(JSON.parse(json.stdout)).toMatchObject([{ status: 'malformed', summary: 'Damaged or not a conformant credential: There is no such file or folder.' }]);
    expect(json.stdout).not.toContain('said');
  });
});
