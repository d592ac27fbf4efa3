import { versionViews } from '../../core/credentialVersions';
import type { CredentialVersion } from '../../../shared/credential/versionViews';
import { Vault, VaultError, type VaultEntry } from '../../vault/vault';
import { maxVersionsPerCredential } from '../../vault/versionHistory';
import { UsageError, type CliCommand, type CliIo } from '../command';
import { readPassphrase } from '../passphrase';
import { renderTable } from '../table';
import { reportWalletError } from '../walletErrors';
import { parseCommand, walletFolder, walletOptions, walletOptionsHelp } from '../vaultOptions';

/**
 * `badgefolio history` and `badgefolio restore-version`: a credential's earlier versions (kept
 * when a newer copy replaced it, electron/vault/versionHistory.ts) and making one current
 * again. Not `badgefolio restore`, which restores a backup file.
 */

/** Opens the wallet, runs `use`, always locks again; wallet errors become their message and exit 1. */
async function withWallet(
  io: CliIo,
  values: { vault?: string | undefined; 'passphrase-file'?: string | undefined },
  write: boolean,
  use: (wallet: Vault) => number,
): Promise<number> {
  try {
    const folder = walletFolder(values.vault, io);
    if (!Vault.exists(folder)) throw new VaultError(`There is no wallet in ${folder}. Create one with "badgefolio init".`);
    const passphrase = await readPassphrase({ file: values['passphrase-file'], envName: 'BADGEFOLIO_PASSPHRASE', prompt: 'Passphrase' }, io);
    const wallet = await Vault.unlock(folder, passphrase, { write });
    try {
      return use(wallet);
    } finally {
      wallet.lockWallet();
    }
  } catch (error) {
    return reportWalletError(error, io);
  }
}

const problemWords: Readonly<Record<'damaged' | 'unreadable', string>> = { damaged: 'damaged on disk', unreadable: 'unreadable' };

function row(version: CredentialVersion): string[] {
  if (!version.readable) return [version.versionId, '', `(${problemWords[version.problem]}: cannot be restored)`, '', ''];
  return [version.versionId, version.replacedAt.slice(0, 10), version.name, (version.issuedOn ?? '').slice(0, 10), version.status ?? 'not checked'];
}

/** The name the wallet shows (a self-reported entry's correction included). */
function nameOf(entry: VaultEntry): string {
  return typeof entry.credential.name === 'string' ? entry.credential.name : entry.id;
}

export const historyCommand: CliCommand = {
  name: 'history',
  help: `Usage: badgefolio history <id> [--vault DIR] [--passphrase-file FILE] [--json]

Lists the earlier versions of a credential, newest first: each copy that a newer
one replaced (on import, or by "badgefolio restore-version"), with the date it was
replaced, its title and issue date then, and its verdict when it was last checked.
The wallet keeps the last ${String(maxVersionsPerCredential)} versions of each credential; removing the
credential removes them too.

<id> is the ID that "badgefolio list" shows (or its first characters, at least 4).
Make an earlier version current again with:
  badgefolio restore-version <id> <version>

${walletOptionsHelp}
  --json                  {"id", "name", "versions": [{"readable": true, "versionId",
                          "replacedAt", "name", "issuedOn", "status", "checkedAt"}, or
                          {"readable": false, "versionId", "problem"} for a damaged one]}

Exit code: 0 when the credential was found, 1 otherwise, 2 for a usage error.`,
  async run(args, io) {
    const { values, positionals } = parseCommand(args, walletOptions);
    const [id] = positionals;
    if (!id || positionals.length > 1) throw new UsageError('Give one credential ID (see "badgefolio list").');
    return withWallet(io, values, false, (wallet) => {
      const entries = wallet.versions(id);
      const entry = wallet.find(id);
      if (!entries || !entry) {
        io.stderr(`No credential with ID "${id}" in this wallet.\n`);
        return 1;
      }
      const versions = versionViews(entries);
      const name = nameOf(entry);
      if (values.json) io.stdout(`${JSON.stringify({ id: entry.id, name, versions }, null, 2)}\n`);
      else if (versions.length === 0) io.stdout(`"${name}" (${entry.id}) has no earlier versions: no newer copy has replaced it.\n`);
      else {
        const count = `${String(versions.length)} earlier version${versions.length === 1 ? '' : 's'}`;
        io.stdout(
          `Earlier versions of "${name}" (${entry.id}):\n${renderTable(['VERSION', 'REPLACED', 'NAME', 'ISSUED', 'STATUS'], versions.map(row))}\n${count}. Make one current again: badgefolio restore-version ${entry.id} <version>\n`,
        );
      }
      return 0;
    });
  },
};

export const restoreVersionCommand: CliCommand = {
  name: 'restore-version',
  help: `Usage: badgefolio restore-version <id> <version> [--vault DIR] [--passphrase-file FILE] [--json]

Makes an earlier version of a credential current again: <version> is one that
"badgefolio history <id>" lists (or its first characters, at least 4). The version
it replaces goes into the history in turn, so nothing is lost and the restore can
be undone the same way. The restored version comes back as it was, with its
verdict from when it was last checked ("badgefolio verify" or the app checks it
again). To restore a whole wallet from a backup file, use "badgefolio restore".

${walletOptionsHelp}
  --json                  {"id", "name", "restored": version id, "replacedAt",
                          "keptAs": the version id of the version it replaced}

Exit code: 0 when the version was restored; 1 when the credential or version is
unknown or the version is damaged (nothing is changed); 2 for a usage error.`,
  async run(args, io) {
    const { values, positionals } = parseCommand(args, walletOptions);
    const [id, versionId] = positionals;
    if (!id || !versionId || positionals.length > 2) throw new UsageError('Give a credential ID and one of its versions (see "badgefolio history <id>").');
    return withWallet(io, values, true, (wallet) => {
      const entries = wallet.versions(id);
      if (!entries) {
        io.stderr(`No credential with ID "${id}" in this wallet.\n`);
        return 1;
      }
      const { entry, keptAs } = wallet.restoreVersion(id, versionId);
      const restored = entries.find((version) => version.readable && version.versionId.startsWith(versionId.trim().toLowerCase()));
      const replacedAt = restored?.readable ? restored.replacedAt : null;
      const name = nameOf(entry);
      if (values.json) io.stdout(`${JSON.stringify({ id: entry.id, name, restored: restored?.versionId ?? versionId, replacedAt, keptAs }, null, 2)}\n`);
      else {
        io.stdout(
          `"${name}" (${entry.id}) is back to the version${replacedAt ? ` replaced on ${replacedAt.slice(0, 10)}` : ''} (${restored?.versionId ?? versionId}).\n` +
            `The version it replaced is kept as ${keptAs}; undo with: badgefolio restore-version ${entry.id} ${keptAs}\n`,
        );
      }
      return 0;
    });
  },
};
