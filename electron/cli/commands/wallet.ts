import { existsSync } from 'node:fs';
import path from 'node:path';
import type { NormalizedCredential } from '../../../shared/credential/model';
import { verificationReportSchema, type IssuerIdentity } from '../../../shared/credential/verification';
import { Vault, VaultError, type VaultEntry } from '../../vault/vault';
import { UsageError, type CliCommand, type CliIo } from '../command';
import { reportWalletError } from '../walletErrors';
import { credentialForJson } from '../credentialJson';
import { nameOrWhy } from '../credentialNames';
import { readPassphrase, strengthHint } from '../passphrase';
import { renderTable } from '../table';
import { parseCommand, walletFolder, walletOptions, walletOptionsHelp } from '../vaultOptions';

export async function openWallet(io: CliIo, vault: string | undefined, passphraseFile: string | undefined, write: boolean): Promise<Vault> {
  const folder = walletFolder(vault, io);
  if (!Vault.exists(folder)) throw new VaultError(`There is no wallet in ${folder}. Create one with "badgefolio init".`);
  const passphrase = await readPassphrase({ file: passphraseFile, envName: 'BADGEFOLIO_PASSPHRASE', prompt: 'Passphrase' }, io);
  const wallet = await Vault.unlock(folder, passphrase, { write });
  for (const damaged of wallet.damaged) {
    const which = damaged.name ? `"${damaged.name}" (${damaged.id})` : damaged.id;
    const where = damaged.quarantinedAs ? `it was moved to ${damaged.quarantinedAs} for rescue` : 'run "badgefolio check" to set it aside for rescue';
    io.stderr(`Warning: credential ${which} could not be read (${damaged.reason}); ${where}.\n`);
  }
  return wallet;
}

/** Opens the wallet, runs `use`, always locks again; wallet errors become a message and exit 1. */
async function withWallet(
  io: CliIo,
  values: { vault?: string | undefined; 'passphrase-file'?: string | undefined },
  write: boolean,
  use: (wallet: Vault) => Promise<number> | number,
): Promise<number> {
  try {
    const wallet = await openWallet(io, values.vault, values['passphrase-file'], write);
    try {
      return await use(wallet);
    } finally {
      wallet.lockWallet();
    }
  } catch (error) {
    return reportWalletError(error, io);
  }
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function entryRow(entry: VaultEntry): string[] {
  const credential = entry.credential;
  const issuer = (credential.issuer ?? {}) as Record<string, unknown>;
  // A badge whose name lives at its issuer and was not fetched yet says so, never a made-up name.
  const pending = ((credential.linked ?? {}) as Record<string, unknown>).state;
  return [
    entry.id,
    // Only an OB 2.0 badge's name lives elsewhere; any other credential without one is untitled.
    text(credential.name) || (credential.format === 'ob2' && (pending === 'not-fetched' || pending === 'incomplete') ? '(details not fetched yet)' : '(untitled)'),
    text(issuer.name) || text(issuer.id),
    text(credential.format),
    text(credential.issuedOn).slice(0, 10),
    entry.addedAt.slice(0, 10),
    statusLabel(entry.verification),
  ];
}

const identityShort: Readonly<Record<IssuerIdentity['level'], string>> = {
  registry: 'issuer listed',
  domain: 'key on web',
  'trust-list': 'trust list',
  unconfirmed: 'issuer unconfirmed',
};

/** The stored verdict and, beside it, how sure the issuer's name is: "verified, issuer unconfirmed". */
function statusLabel(verification: unknown): string {
  const report = verificationReportSchema.safeParse(verification);
  if (!report.success) return 'not checked';
  const identity = report.data.issuerIdentity;
  return identity && report.data.status === 'verified' ? `${report.data.status}, ${identityShort[identity.level]}` : report.data.status;
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

${walletOptionsHelp}`,
  async run(args, io) {
    const { values, positionals } = parseCommand(args, walletOptions);
    if (positionals.length > 0) throw new UsageError(`init takes no files (got ${positionals.join(' ')}).`);
    const folder = walletFolder(values.vault, io);
    try {
      if (Vault.exists(folder)) throw new VaultError(`There is already a wallet in ${folder}.`);
      const passphrase = await readPassphrase({ file: values['passphrase-file'], envName: 'BADGEFOLIO_PASSPHRASE', prompt: 'New passphrase', confirm: true }, io);
      const hint = strengthHint(passphrase);
      if (hint) io.stderr(`${hint}\n`);
      const wallet = await Vault.create(folder, passphrase);
      wallet.lockWallet();
      io.stdout(`Created an encrypted wallet in ${folder}.\nKeep your passphrase safe: it cannot be recovered. Make a backup with "badgefolio backup --out FILE".\n`);
      return 0;
    } catch (error) {
      return reportWalletError(error, io);
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
  --json                  the credentials as JSON (without their bytes)`,
  async run(args, io) {
    const { values } = parseCommand(args, walletOptions);
    return withWallet(io, values, false, (wallet) => {
      const entries = wallet.list().sort((a, b) => text(b.credential.issuedOn).localeCompare(text(a.credential.issuedOn)));
      if (values.json) io.stdout(`${JSON.stringify(entries.map(entryJson), null, 2)}\n`);
      else if (entries.length === 0) io.stdout('Your wallet is empty. Add badges with "badgefolio import <file|dir>".\n');
      else
        io.stdout(
          `${renderTable(['ID', 'NAME', 'ISSUER', 'FORMAT', 'ISSUED', 'ADDED', 'STATUS'], entries.map(entryRow))}\n${String(entries.length)} credential${entries.length === 1 ? '' : 's'}\n`,
        );
      return 0;
    });
  },
};

function describe(credential: NormalizedCredential): string {
  const lines: string[] = [nameOrWhy(credential), ''];
  const add = (label: string, value: string | undefined): void => {
    if (value) lines.push(`${label.padEnd(14)}${value}`);
  };
  add('Issuer', [credential.issuer.name, credential.issuer.url ?? credential.issuer.id].filter(Boolean).join(' — '));
  add('Format', `${credential.format}${credential.formatVersion ? ` ${credential.formatVersion}` : ''} (${credential.container})`);
  add('Kind', credential.kind);
  add('Issued', credential.issuedOn);
  add('Valid from', credential.validFrom);
  add('Expires', credential.expires);
  add('Recipient', credential.recipient?.identity ? `${credential.recipient.identity}${credential.recipient.hashed ? ' (hashed)' : ''}` : undefined);
  add('Description', credential.description);
  add('Criteria', credential.criteria?.narrative ?? credential.criteria?.id);
  add('Skills', credential.skills.map((s) => s.name).join(', '));
  add('Credits', credential.credits.map((c) => `${String(c.value)} ${c.unit}`).join(', '));
  add('Tags', credential.tags.join(', '));
  add('Signature', credential.verification.signature);
  add('Links', credential.verification.links.join(' '));
  add('Identity', credential.identity);
  add('Original', `${credential.original.fileName} (${String(credential.original.bytes.length)} bytes)`);
  for (const note of credential.notes) lines.push(`Note: ${note}`);
  return `${lines.join('\n')}\n`;
}

export const showCommand: CliCommand = {
  name: 'show',
  help: `Usage: badgefolio show <id> [--vault DIR] [--passphrase-file FILE] [--json]

<id> is the ID that "badgefolio list" shows (or its first characters, at least 4).

${walletOptionsHelp}`,
  async run(args, io) {
    const { values, positionals } = parseCommand(args, walletOptions);
    const [id] = positionals;
    if (!id || positionals.length > 1) throw new UsageError('Give one credential ID (see "badgefolio list").');
    return withWallet(io, values, false, (wallet) => {
      const credential = wallet.get(id);
      if (!credential) {
        io.stderr(`No credential with ID "${id}" in this wallet.\n`);
        return 1;
      }
      io.stdout(values.json ? `${JSON.stringify(credentialForJson(credential), null, 2)}\n` : describe(credential));
      return 0;
    });
  },
};

export const removeCommand: CliCommand = {
  name: 'remove',
  help: `Usage: badgefolio remove <id> [--vault DIR] [--passphrase-file FILE]

${walletOptionsHelp}`,
  async run(args, io) {
    const { values, positionals } = parseCommand(args, walletOptions);
    const [id] = positionals;
    if (!id || positionals.length > 1) throw new UsageError('Give one credential ID (see "badgefolio list").');
    return withWallet(io, values, true, (wallet) => {
      const removed = wallet.remove(id);
      if (!removed) {
        io.stderr(`No credential with ID "${id}" in this wallet.\n`);
        return 1;
      }
      io.stdout(`Removed "${text(removed.credential.name)}" (${removed.id}).\n`);
      return 0;
    });
  },
};

export const backupCommand: CliCommand = {
  name: 'backup',
  help: `Usage: badgefolio backup --out FILE [--vault DIR] [--passphrase-file FILE]

The backup is encrypted with the wallet's passphrase and can be restored on any
computer with "badgefolio restore FILE".

${walletOptionsHelp}`,
  async run(args, io) {
    const { values, positionals } = parseCommand(args, { ...walletOptions, out: { type: 'string' } });
    if (!values.out || positionals.length > 0) throw new UsageError('Say where to write the backup: --out FILE.');
    const out = path.resolve(io.cwd, values.out);
    try {
      const passphrase = await readPassphrase({ file: values['passphrase-file'], envName: 'BADGEFOLIO_PASSPHRASE', prompt: 'Passphrase' }, io);
      const folder = walletFolder(values.vault, io);
      if (!Vault.exists(folder)) throw new VaultError(`There is no wallet in ${folder}. Create one with "badgefolio init".`);
      const wallet = await Vault.unlock(folder, passphrase);
      try {
        const { credentials } = await wallet.exportBackup(out, passphrase);
        io.stdout(`Wrote an encrypted backup of ${String(credentials)} credential${credentials === 1 ? '' : 's'} to ${out}.\n`);
        return 0;
      } finally {
        wallet.lockWallet();
      }
    } catch (error) {
      return reportWalletError(error, io);
    }
  },
};

export const restoreCommand: CliCommand = {
  name: 'restore',
  help: `Usage: badgefolio restore FILE [--vault DIR] [--passphrase-file FILE]

Reads a backup made by "badgefolio backup". Into an empty folder it creates the
wallet with the backup's passphrase; into an existing wallet (same passphrase) it
adds what is missing and updates changed copies. Nothing is ever duplicated.

${walletOptionsHelp}`,
  async run(args, io) {
    const { values, positionals } = parseCommand(args, walletOptions);
    const [file] = positionals;
    if (!file || positionals.length > 1) throw new UsageError('Give one backup file to restore.');
    const backup = path.resolve(io.cwd, file);
    if (!existsSync(backup)) {
      io.stderr(`There is no file ${backup}.\n`);
      return 1;
    }
    try {
      const passphrase = await readPassphrase({ file: values['passphrase-file'], envName: 'BADGEFOLIO_PASSPHRASE', prompt: 'Passphrase' }, io);
      const folder = walletFolder(values.vault, io);
      const wallet = Vault.exists(folder) ? await Vault.unlock(folder, passphrase, { write: true }) : await Vault.create(folder, passphrase);
      try {
        const counts = await wallet.restoreBackup(backup, passphrase);
        io.stdout(`Restored: added ${String(counts.added)}, already there ${String(counts['already-there'])}, updated ${String(counts.updated)}.\n`);
        return 0;
      } finally {
        wallet.lockWallet();
      }
    } catch (error) {
      return reportWalletError(error, io);
    }
  },
};

export const passwdCommand: CliCommand = {
  name: 'passwd',
  help: `Usage: badgefolio passwd [--vault DIR] [--passphrase-file FILE] [--new-passphrase-file FILE]

Only the wrapped key is re-encrypted, in one atomic step: the credentials are not
rewritten, and a crash leaves the old or the new passphrase working, never neither.
The new passphrase comes from --new-passphrase-file, BADGEFOLIO_NEW_PASSPHRASE, or a
hidden prompt (asked twice).

${walletOptionsHelp}`,
  async run(args, io) {
    const { values, positionals } = parseCommand(args, { ...walletOptions, 'new-passphrase-file': { type: 'string' } });
    if (positionals.length > 0) throw new UsageError('passwd takes no files.');
    return withWallet(io, values, true, async (wallet) => {
      const next = await readPassphrase({ file: values['new-passphrase-file'], envName: 'BADGEFOLIO_NEW_PASSPHRASE', prompt: 'New passphrase', confirm: true }, io);
      const hint = strengthHint(next);
      if (hint) io.stderr(`${hint}\n`);
      await wallet.changePassphrase(next);
      io.stdout('The passphrase was changed.\n');
      return 0;
    });
  },
};
