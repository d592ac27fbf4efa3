import { existsSync } from 'node:fs';
import path from 'node:path';
import type { NormalizedCredential } from '../../../shared/credential/model';
import { noteMessage } from '../../../shared/credential/englishTemplates';
import { verificationReportSchema, type IssuerIdentity } from '../../../shared/credential/verification';
import { renderOr } from '../../../shared/credential/verificationMessages';
import { Vault, VaultError, type VaultEntry } from '../../vault/vault';
import { UsageError, type CliCommand } from '../command';
import { reportWalletError } from '../walletErrors';
import { credentialForJson } from '../credentialJson';
import { nameOrWhy } from '../credentialNames';
import { readPassphrase, strengthHint } from '../passphrase';
import { renderTable } from '../table';
import { parseCommand, walletFolder, walletOptions, walletOptionsHelp } from '../vaultOptions';
import { chosenLanguage, languageOption, languageOptionHelp, type CheckLanguage } from '../savedLanguage';
import { walletWords, type WalletWords } from '../walletWords';
import { forOneCredential, languageOf, withPassphrase, withWallet } from '../walletAccess';

// import.ts and receive.ts open the wallet as these commands do.
export { openWallet } from '../walletAccess';

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function entryRow(entry: VaultEntry, say: WalletWords): string[] {
  const credential = entry.credential;
  const issuer = (credential.issuer ?? {}) as Record<string, unknown>;
  // A badge whose name lives at its issuer and was not fetched yet says so, never a made-up name.
  const pending = ((credential.linked ?? {}) as Record<string, unknown>).state;
  return [
    entry.id,
    nameOrWhy(
      { name: text(credential.name), format: text(credential.format), linked: pending === 'not-fetched' || pending === 'incomplete' ? { state: pending } : undefined },
      say,
    ),
    text(issuer.name) || text(issuer.id),
    text(credential.format),
    text(credential.issuedOn).slice(0, 10),
    entry.addedAt.slice(0, 10),
    statusLabel(entry.verification, say),
  ];
}

/** The stored verdict and, beside it, how sure the issuer's name is: "verified, issuer unconfirmed". */
function statusLabel(verification: unknown, say: WalletWords): string {
  const report = verificationReportSchema.safeParse(verification);
  if (!report.success) return say.notChecked;
  const identity = report.data.issuerIdentity;
  const status = say.status(report.data.status);
  return identity && report.data.status === 'verified' ? `${status}, ${say.identityShort[identity.level]}` : status;
}

/** A listing entry: `id` is the wallet's short id; the credential's own id is `credentialId`. */
function entryJson(entry: VaultEntry) {
  const { id: credentialId, ...credential } = stripBlobs(entry.credential);
  const report = verificationReportSchema.safeParse(entry.verification);
  return {
    id: entry.id,
    identity: entry.identity,
    credentialId,
    addedAt: entry.addedAt,
    updatedAt: entry.updatedAt,
    // The verdict stored at import or at the last check (null: never checked).
    status: report.success ? report.data.status : null,
    checkedAt: report.success ? report.data.checkedAt : null,
    issuerIdentity: report.success ? identityJson(report.data.issuerIdentity) : null,
    ...credential,
  };
}

/** Blob references become their size: listings say how big, not where. */
function stripBlobs(value: unknown): Record<string, unknown> {
  const walk = (inner: unknown): unknown => {
    if (Array.isArray(inner)) return inner.map(walk);
    if (typeof inner === 'object' && inner !== null) {
      const record = inner as Record<string, unknown>;
      if (typeof record.$blob === 'string') return { bytes: record.size };
      return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, walk(v)]));
    }
    return inner;
  };
  return walk(value) as Record<string, unknown>;
}

export const initCommand: CliCommand = {
  name: 'init',
  help: `Usage: badgefolio init [--vault DIR] [--passphrase-file FILE]

Creates an encrypted wallet. Choose a passphrase you will remember: it cannot be
recovered, and without it nobody (you included) can open the wallet.

${walletOptionsHelp}
${languageOptionHelp}`,
  async run(args, io) {
    const { values, positionals } = parseCommand(args, { ...walletOptions, ...languageOption });
    if (positionals.length > 0) throw new UsageError((w) => w.takesNoFiles('init', positionals.join(' ')));
    const folder = walletFolder(values.vault, io);
    const language = chosenLanguage(values.language, folder);
    const say = walletWords(language);
    try {
      if (Vault.exists(folder)) throw new VaultError(say.alreadyWallet(folder));
      const passphrase = await readPassphrase({ file: values['passphrase-file'], envName: 'BADGEFOLIO_PASSPHRASE', prompt: 'New passphrase', confirm: true }, io);
      const hint = strengthHint(passphrase);
      if (hint) io.stderr(`${hint}\n`);
      const wallet = await Vault.create(folder, passphrase);
      wallet.lockWallet();
      io.stdout(`${say.created(folder)}\n`);
      return 0;
    } catch (error) {
      return reportWalletError(error, io, language);
    }
  },
};

/** The identity finding as scripts get it (the sentence is for people). */
export function identityJson(identity: IssuerIdentity | undefined) {
  return identity ? { level: identity.level, name: identity.name, source: identity.source, asOf: identity.asOf } : null;
}

export const listCommand: CliCommand = {
  name: 'list',
  help: `Usage: badgefolio list [--vault DIR] [--passphrase-file FILE] [--json]

${walletOptionsHelp}
${languageOptionHelp}
  --json                  the credentials as JSON (without their bytes)`,
  async run(args, io) {
    const { values } = parseCommand(args, { ...walletOptions, ...languageOption });
    return withWallet(io, values, false, (wallet, say) => {
      const entries = wallet.list().sort((a, b) => text(b.credential.issuedOn).localeCompare(text(a.credential.issuedOn)));
      if (values.json) io.stdout(`${JSON.stringify(entries.map(entryJson), null, 2)}\n`);
      else if (entries.length === 0) io.stdout(`${say.emptyWallet}\n`);
      else
        io.stdout(
          `${renderTable(
            say.listHeader,
            entries.map((entry) => entryRow(entry, say)),
          )}\n${say.credentialCount(entries.length)}\n`,
        );
      return 0;
    });
  },
};

/** What `show --json` prints. */
function jsonOf(credential: NormalizedCredential): string {
  return `${JSON.stringify(credentialForJson(credential), null, 2)}\n`;
}

function describe(credential: NormalizedCredential, say: WalletWords, language: CheckLanguage): string {
  const lines: string[] = [nameOrWhy(credential, say), ''];
  const label = say.showLabels;
  const add = (name: string, value: string | undefined): void => {
    if (value) lines.push(`${name.padEnd(14)}${value}`);
  };
  add(label.issuer, [credential.issuer.name, credential.issuer.url ?? credential.issuer.id].filter(Boolean).join(' — '));
  add(label.format, `${credential.format}${credential.formatVersion ? ` ${credential.formatVersion}` : ''} (${credential.container})`);
  add(label.kind, credential.kind);
  add(label.issued, credential.issuedOn);
  add(label.validFrom, credential.validFrom);
  add(label.expires, credential.expires);
  add(label.recipient, credential.recipient?.identity ? `${credential.recipient.identity}${credential.recipient.hashed ? ` (${say.hashed})` : ''}` : undefined);
  add(label.description, credential.description);
  add(label.criteria, credential.criteria?.narrative ?? credential.criteria?.id);
  add(label.skills, credential.skills.map((s) => s.name).join(', '));
  add(label.credits, credential.credits.map((c) => `${String(c.value)} ${c.unit}`).join(', '));
  add(label.tags, credential.tags.join(', '));
  add(label.signature, credential.verification.signature);
  add(label.links, credential.verification.links.join(' '));
  add(label.identity, credential.identity);
  add(label.original, `${credential.original.fileName} (${say.bytes(credential.original.bytes.length)})`);
  // Notes are stored in English as intake wrote them; the ones it writes are said in the reader's language.
  for (const note of credential.notes) lines.push(`${label.note}: ${renderOr(noteMessage(note), language, note)}`);
  return `${lines.join('\n')}\n`;
}

export const showCommand: CliCommand = {
  name: 'show',
  help: `Usage: badgefolio show <id> [--vault DIR] [--passphrase-file FILE] [--json]

<id> is the ID that "badgefolio list" shows (or its first characters, at least 4).

${walletOptionsHelp}
${languageOptionHelp}`,
  async run(args, io) {
    return forOneCredential(args, io, {
      write: false,
      find: (wallet, id) => wallet.get(id),
      said: (credential, say, values) => (values.json ? jsonOf(credential) : describe(credential, say, languageOf(io, values))),
    });
  },
};

export const removeCommand: CliCommand = {
  name: 'remove',
  help: `Usage: badgefolio remove <id> [--vault DIR] [--passphrase-file FILE]

${walletOptionsHelp}
${languageOptionHelp}`,
  async run(args, io) {
    return forOneCredential(args, io, {
      write: true,
      find: (wallet, id) => wallet.remove(id),
      said: (removed, say) => `${say.removed(text(removed.credential.name), removed.id)}\n`,
    });
  },
};

export const backupCommand: CliCommand = {
  name: 'backup',
  help: `Usage: badgefolio backup --out FILE [--vault DIR] [--passphrase-file FILE]

The backup is encrypted with the wallet's passphrase and can be restored on any
computer with "badgefolio restore FILE".

${walletOptionsHelp}
${languageOptionHelp}`,
  async run(args, io) {
    const { values, positionals } = parseCommand(args, { ...walletOptions, ...languageOption, out: { type: 'string' } });
    if (!values.out || positionals.length > 0) throw new UsageError((w) => w.backupOut);
    const out = path.resolve(io.cwd, values.out);
    return withPassphrase(
      io,
      values,
      async (folder, passphrase, say) => {
        if (!Vault.exists(folder)) throw new VaultError(say.noWallet(folder));
        return Vault.unlock(folder, passphrase);
      },
      async (wallet, passphrase, say) => {
        const { credentials } = await wallet.exportBackup(out, passphrase);
        io.stdout(`${say.backupWritten(credentials, out)}\n`);
        return 0;
      },
    );
  },
};

export const restoreCommand: CliCommand = {
  name: 'restore',
  help: `Usage: badgefolio restore FILE [--vault DIR] [--passphrase-file FILE]

Reads a backup made by "badgefolio backup". Into an empty folder it creates the
wallet with the backup's passphrase; into an existing wallet (same passphrase) it
adds what is missing and updates changed copies. Nothing is ever duplicated.

${walletOptionsHelp}
${languageOptionHelp}`,
  async run(args, io) {
    const { values, positionals } = parseCommand(args, { ...walletOptions, ...languageOption });
    const [file] = positionals;
    if (!file || positionals.length > 1) throw new UsageError((w) => w.oneBackup);
    const backup = path.resolve(io.cwd, file);
    if (!existsSync(backup)) {
      io.stderr(`${walletWords(languageOf(io, values)).noFile(backup)}\n`);
      return 1;
    }
    return withPassphrase(
      io,
      values,
      async (folder, passphrase) => (Vault.exists(folder) ? Vault.unlock(folder, passphrase, { write: true }) : Vault.create(folder, passphrase)),
      async (wallet, passphrase, say) => {
        const counts = await wallet.restoreBackup(backup, passphrase);
        io.stdout(`${say.restored(counts.added, counts['already-there'], counts.updated)}\n`);
        return 0;
      },
    );
  },
};

export const passwdCommand: CliCommand = {
  name: 'passwd',
  help: `Usage: badgefolio passwd [--vault DIR] [--passphrase-file FILE] [--new-passphrase-file FILE]

Only the wrapped key is re-encrypted, in one atomic step: the credentials are not
rewritten, and a crash leaves the old or the new passphrase working, never neither.
The new passphrase comes from --new-passphrase-file, BADGEFOLIO_NEW_PASSPHRASE, or a
hidden prompt (asked twice).

${walletOptionsHelp}
${languageOptionHelp}`,
  async run(args, io) {
    const { values, positionals } = parseCommand(args, { ...walletOptions, ...languageOption, 'new-passphrase-file': { type: 'string' } });
    if (positionals.length > 0) throw new UsageError((w) => w.takesNoFiles('passwd', ''));
    return withWallet(io, values, true, async (wallet, say) => {
      const next = await readPassphrase({ file: values['new-passphrase-file'], envName: 'BADGEFOLIO_NEW_PASSPHRASE', prompt: 'New passphrase', confirm: true }, io);
      const hint = strengthHint(next);
      if (hint) io.stderr(`${hint}\n`);
      await wallet.changePassphrase(next);
      io.stdout(`${say.passphraseChanged}\n`);
      return 0;
    });
  },
};
