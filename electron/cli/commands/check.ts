import path from 'node:path';
import { Vault, VaultError } from '../../vault/vault';
import { checkWallet, type WalletCheckResult } from '../../vault/walletCheck';
import { checkWords, type CheckWords } from '../checkWords';
import { chosenLanguage, languageOption, languageOptionHelp } from '../savedLanguage';
import { walletWords } from '../walletWords';
import { UsageError, type CliCommand } from '../command';
import { reportWalletError } from '../walletErrors';
import { readPassphrase } from '../passphrase';
import { parseCommand, walletFolder, walletOptions, walletOptionsHelp } from '../vaultOptions';

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
${languageOptionHelp}
  --json                  {"checked": {"credentials": N, "files": M}, "damaged": [{"file",
                          "kind", "name", "reason", "quarantinedAs", ...}]}; "file" is
                          relative to the wallet folder, "quarantinedAs" a full path
                          (null when nothing was moved)

Exit code: 0 when nothing is damaged, 1 when anything is (or the wallet cannot be
opened), 2 for a usage error.`;

function report(result: WalletCheckResult, folder: string, say: CheckWords): string {
  if (result.damaged.length === 0) return `${say.checked(result)}\n`;
  const lines: string[] = [];
  for (const item of result.damaged) {
    lines.push(say.damaged(item), say.file(path.join(folder, item.file)));
    if (item.quarantinedAs) lines.push(say.kept(path.join(folder, item.quarantinedAs)));
  }
  lines.push('', say.checked(result));
  if (result.damaged.some((item) => item.quarantinedAs !== null)) lines.push(say.moved(result.quarantineFolder));
  if (!result.writable) lines.push(say.readOnly);
  lines.push(say.howToRestore);
  return `${lines.join('\n')}\n`;
}

export const checkCommand: CliCommand = {
  name: 'check',
  help,
  async run(args, io) {
    const { values, positionals } = parseCommand(args, { ...walletOptions, ...languageOption });
    if (positionals.length > 0) throw new UsageError((w) => w.takesNoFiles('check', positionals.join(' ')));
    const folder = walletFolder(values.vault, io);
    const language = chosenLanguage(values.language, folder);
    let result: WalletCheckResult;
    try {
      if (!Vault.exists(folder)) throw new VaultError(walletWords(language).noWallet(folder));
      const passphrase = await readPassphrase({ file: values['passphrase-file'], envName: 'BADGEFOLIO_PASSPHRASE', prompt: 'Passphrase' }, io);
      // The lock when it is free (to move damaged files aside), else a read-only check that still reports.
      const wallet = await Vault.unlock(folder, passphrase, { write: 'if-free' });
      try {
        result = checkWallet(wallet);
      } finally {
        wallet.lockWallet();
      }
    } catch (error) {
      return reportWalletError(error, io, language);
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
    } else io.stdout(report(result, folder, checkWords(language)));
    return result.damaged.length > 0 ? 1 : 0;
  },
};
