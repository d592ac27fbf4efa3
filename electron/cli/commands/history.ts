import { versionViews } from '../../core/credentialVersions';
import type { CredentialVersion } from '../../../shared/credential/versionViews';
import type { VaultEntry } from '../../vault/vault';
import { maxVersionsPerCredential } from '../../vault/versionHistory';
import { UsageError, type CliCommand } from '../command';
import { renderTable } from '../table';
import { parseCommand, walletOptions, walletOptionsHelp } from '../vaultOptions';
import { languageOption, languageOptionHelp } from '../savedLanguage';
import type { WalletWords } from '../walletWords';
import { parseOneId, withWallet } from '../walletAccess';

/**
 * `badgefolio history` and `badgefolio restore-version`: a credential's earlier versions (kept
 * when a newer copy replaced it, electron/vault/versionHistory.ts) and making one current
 * again. Not `badgefolio restore`, which restores a backup file.
 */

function row(version: CredentialVersion, say: WalletWords): string[] {
  if (!version.readable) return [version.versionId, '', say.history.cannotRestore(version.problem), '', ''];
  return [version.versionId, version.replacedAt.slice(0, 10), version.name, (version.issuedOn ?? '').slice(0, 10), version.status ? say.status(version.status) : say.notChecked];
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
${languageOptionHelp}
  --json                  {"id", "name", "versions": [{"readable": true, "versionId",
                          "replacedAt", "name", "issuedOn", "status", "checkedAt"}, or
                          {"readable": false, "versionId", "problem"} for a damaged one]}

Exit code: 0 when the credential was found, 1 otherwise, 2 for a usage error.`,
  async run(args, io) {
    const { values, id } = parseOneId(args);
    return withWallet(io, values, false, (wallet, say) => {
      const entries = wallet.versions(id);
      const entry = wallet.find(id);
      if (!entries || !entry) {
        io.stderr(`${say.noCredential(id)}\n`);
        return 1;
      }
      const versions = versionViews(entries);
      const name = nameOf(entry);
      if (values.json) io.stdout(`${JSON.stringify({ id: entry.id, name, versions }, null, 2)}\n`);
      else if (versions.length === 0) io.stdout(`${say.history.none(name, entry.id)}\n`);
      else {
        const table = renderTable(
          say.history.header,
          versions.map((version) => row(version, say)),
        );
        io.stdout(`${say.history.heading(name, entry.id)}\n${table}\n${say.history.footer(versions.length, entry.id)}\n`);
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
${languageOptionHelp}
  --json                  {"id", "name", "restored": version id, "replacedAt",
                          "keptAs": the version id of the version it replaced}

Exit code: 0 when the version was restored; 1 when the credential or version is
unknown or the version is damaged (nothing is changed); 2 for a usage error.`,
  async run(args, io) {
    const { values, positionals } = parseCommand(args, { ...walletOptions, ...languageOption });
    const [id, versionId] = positionals;
    if (!id || !versionId || positionals.length > 2) throw new UsageError((w) => w.idAndVersion);
    return withWallet(io, values, true, (wallet, say) => {
      const entries = wallet.versions(id);
      if (!entries) {
        io.stderr(`${say.noCredential(id)}\n`);
        return 1;
      }
      const { entry, keptAs } = wallet.restoreVersion(id, versionId);
      const restored = entries.find((version) => version.readable && version.versionId.startsWith(versionId.trim().toLowerCase()));
      const replacedAt = restored?.readable ? restored.replacedAt : null;
      const name = nameOf(entry);
      if (values.json) io.stdout(`${JSON.stringify({ id: entry.id, name, restored: restored?.versionId ?? versionId, replacedAt, keptAs }, null, 2)}\n`);
      else {
        io.stdout(`${say.history.restored(name, entry.id, replacedAt?.slice(0, 10) ?? null, restored?.versionId ?? versionId)}\n${say.history.keptAs(keptAs, entry.id)}\n`);
      }
      return 0;
    });
  },
};
