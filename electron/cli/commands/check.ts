import path from 'node:path';
import { Vault, VaultError } from '../../vault/vault';
import { checkWallet, describeDamage, type WalletCheckResult } from '../../vault/walletCheck';
import { UsageError, type CliCommand } from '../command';
import { reportWalletError } from '../walletErrors';
import { readPassphrase } from '../passphrase';
import { parseCommand, walletFolder, walletOptions, walletOptionsHelp } from '../vaultOptions';

/** What `badgefolio restore` does, exactly (electron/cli/commands/wallet.ts, Vault.restoreBackup). */
const howToRestore = `To get them back, restore a backup made before the damage:
  badgefolio restore FILE [--vault DIR]
Restoring adds back every credential missing from this wallet and the stored files
(pictures, original files) missing from the credentials it still holds, and updates
a credential of which the backup has a newer copy; nothing is duplicated. Collections,
pathways and the profile photo come back where the wallet no longer has its own.
"badgefolio restore" opens the backup with the wallet's passphrase (as "badgefolio
backup" makes them); for a backup saved in the app under a passphrase of its own,
use the app: Settings > Backups > Restore from a backup.`;

const help = `Usage: badgefolio check [--vault DIR] [--passphrase-file FILE] [--json]

Reads every credential's record, every file stored with it (pictures, original
files, signed texts) and the wallet's own documents (collections and pathways,
profile photo), and checks each against its encryption tag: a single changed byte
is found. Each damaged file is named in plain words with its credential and moved
to the wallet's quarantine/ folder, where it is kept for rescue; the wallet then no
longer counts a credential with a damaged record among its healthy ones.

While the app (or another badgefolio command) has the wallet open for changes, the
check still reads and reports everything but moves nothing: close the app and run
it again.

${walletOptionsHelp}
  --json                  {"checked": {"credentials": N, "files": M}, "damaged": [{"file",
                          "kind", "name", "reason", "quarantinedAs", ...}]}; "file" is
                          relative to the wallet folder, "quarantinedAs" a full path
                          (null when nothing was moved)

Exit code: 0 when nothing is damaged, 1 when anything is (or the wallet cannot be
opened), 2 for a usage error.`;

function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
}

function checkedLine(result: WalletCheckResult): string {
  const { credentials, files } = result.checked;
  const damaged = result.damaged.length;
  return `Checked ${plural(credentials, 'credential', 'credentials')} and ${plural(files, 'stored file', 'stored files')}: ${
    damaged === 0 ? 'nothing is damaged.' : `${plural(damaged, 'file is', 'files are')} damaged.`
  }`;
}

function report(result: WalletCheckResult, folder: string): string {
  if (result.damaged.length === 0) return `${checkedLine(result)}\n`;
  const lines: string[] = [];
  for (const item of result.damaged) {
    lines.push(`Damaged: ${describeDamage(item)}.`, `  File: ${path.join(folder, item.file)}`);
    if (item.quarantinedAs) lines.push(`  Kept in quarantine: ${path.join(folder, item.quarantinedAs)}`);
  }
  lines.push('', checkedLine(result));
  const moved = result.damaged.some((item) => item.quarantinedAs !== null);
  if (moved) lines.push(`Damaged files are moved to ${result.quarantineFolder}, where they are kept for rescue.`);
  if (!result.writable) {
    lines.push(
      'Nothing was moved: another Badgefolio (the app?) has the wallet open for changes. Close it and run "badgefolio check" again to move the damaged files to quarantine.',
    );
  }
  lines.push(howToRestore);
  return `${lines.join('\n')}\n`;
}

export const checkCommand: CliCommand = {
  name: 'check',
  help,
  async run(args, io) {
    const { values, positionals } = parseCommand(args, walletOptions);
    if (positionals.length > 0) throw new UsageError(`check takes no files (got ${positionals.join(' ')}).`);
    const folder = walletFolder(values.vault, io);
    let result: WalletCheckResult;
    try {
      if (!Vault.exists(folder)) throw new VaultError(`There is no wallet in ${folder}. Create one with "badgefolio init".`);
      const passphrase = await readPassphrase({ file: values['passphrase-file'], envName: 'BADGEFOLIO_PASSPHRASE', prompt: 'Passphrase' }, io);
      // The lock when it is free (to move damaged files aside), else a read-only check that still reports.
      const wallet = await Vault.unlock(folder, passphrase, { write: 'if-free' });
      try {
        result = checkWallet(wallet);
      } finally {
        wallet.lockWallet();
      }
    } catch (error) {
      return reportWalletError(error, io);
    }
    if (values.json) {
      const damaged = result.damaged.map((item) => ({
        file: item.file,
        kind: item.kind,
        name: item.name,
        reason: item.reason,
        quarantinedAs: item.quarantinedAs === null ? null : path.join(folder, item.quarantinedAs),
        id: item.id,
        problem: item.problem,
        ...(item.otherNames.length > 0 ? { otherNames: item.otherNames } : {}),
        ...(item.document ? { document: item.document } : {}),
      }));
      io.stdout(`${JSON.stringify({ checked: result.checked, damaged, quarantine: result.quarantineFolder, readOnly: !result.writable }, null, 2)}\n`);
    } else io.stdout(report(result, folder));
    return result.damaged.length > 0 ? 1 : 0;
  },
};
