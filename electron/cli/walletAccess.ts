import { Vault, VaultError } from '../vault/vault';
import { UsageError, type CliIo } from './command';
import { readPassphrase } from './passphrase';
import { chosenLanguage, languageOption, type CheckLanguage } from './savedLanguage';
import { parseCommand, walletFolder, walletOptions } from './vaultOptions';
import { reportWalletError } from './walletErrors';
import { walletWords, type WalletWords } from './walletWords';

/**
 * How wallet commands open the wallet and close it again: the passphrase read, the wallet
 * unlocked (damaged records named), the command's work, the wallet locked whatever happened,
 * wallet errors said plainly with exit 1. One course for every command (wallet.ts, history.ts). (The app's session is core/walletSession.ts.)
 */

/** The passphrase that opens the wallet: --passphrase-file, else BADGEFOLIO_PASSPHRASE, else a hidden prompt. */
function readWalletPassphrase(file: string | undefined, io: CliIo): Promise<string> {
  return readPassphrase({ file, envName: 'BADGEFOLIO_PASSPHRASE', prompt: 'Passphrase' }, io);
}

export async function openWallet(io: CliIo, vault: string | undefined, passphraseFile: string | undefined, write: boolean, language: CheckLanguage = 'en'): Promise<Vault> {
  const folder = walletFolder(vault, io);
  const say = walletWords(language);
  if (!Vault.exists(folder)) throw new VaultError(say.noWallet(folder));
  const passphrase = await readWalletPassphrase(passphraseFile, io);
  const wallet = await Vault.unlock(folder, passphrase, { write });
  for (const damaged of wallet.damaged) {
    const which = damaged.name ? `"${damaged.name}" (${damaged.id})` : damaged.id;
    io.stderr(`${say.damagedOnOpen(which, damaged.reason, damaged.quarantinedAs)}\n`);
  }
  return wallet;
}

interface WalletValues {
  vault?: string | undefined;
  'passphrase-file'?: string | undefined;
  language?: string | undefined;
}

/** The language a wallet command speaks: `--language`, else the app's setting in the wallet folder. */
export function languageOf(io: CliIo, values: WalletValues): CheckLanguage {
  return chosenLanguage(values.language, walletFolder(values.vault, io));
}

/** Opens the wallet with `open`, runs `use`, always locks again; wallet errors become a message and exit 1. */
async function usingWallet<Opened extends { wallet: Vault }>(
  io: CliIo,
  values: WalletValues,
  open: (folder: string, language: CheckLanguage) => Promise<Opened>,
  use: (opened: Opened, say: WalletWords) => Promise<number> | number,
): Promise<number> {
  const folder = walletFolder(values.vault, io);
  const language = chosenLanguage(values.language, folder);
  try {
    const opened = await open(folder, language);
    try {
      return await use(opened, walletWords(language));
    } finally {
      opened.wallet.lockWallet();
    }
  } catch (error) {
    return reportWalletError(error, io, language);
  }
}

/** A wallet command's usual course: the wallet opened as `openWallet` does, then `use`. */
export function withWallet(io: CliIo, values: WalletValues, write: boolean, use: (wallet: Vault, say: WalletWords) => Promise<number> | number): Promise<number> {
  return usingWallet(
    io,
    values,
    async (_folder, language) => ({ wallet: await openWallet(io, values.vault, values['passphrase-file'], write, language) }),
    ({ wallet }, say) => use(wallet, say),
  );
}

/**
 * Backup and restore need the passphrase itself (it encrypts the backup file), so it is read
 * first, before `open` opens (or creates) the wallet with it.
 */
export function withPassphrase(
  io: CliIo,
  values: WalletValues,
  open: (folder: string, passphrase: string, say: WalletWords) => Promise<Vault>,
  use: (wallet: Vault, passphrase: string, say: WalletWords) => Promise<number>,
): Promise<number> {
  return usingWallet(
    io,
    values,
    async (folder, language) => {
      const passphrase = await readWalletPassphrase(values['passphrase-file'], io);
      return { wallet: await open(folder, passphrase, walletWords(language)), passphrase };
    },
    ({ wallet, passphrase }, say) => use(wallet, passphrase, say),
  );
}

/** The options and the one credential id that `show`, `remove` and `history` take. */
export function parseOneId(args: readonly string[]) {
  const { values, positionals } = parseCommand(args, { ...walletOptions, ...languageOption });
  const [id] = positionals;
  if (!id || positionals.length > 1) throw new UsageError((w) => w.oneCredentialId);
  return { values, id };
}

/** `show` and `remove`: one credential by its id, what `said` prints about it, or exit 1 saying the wallet has none by that id. */
export function forOneCredential<Found>(
  args: readonly string[],
  io: CliIo,
  how: {
    readonly write: boolean;
    readonly find: (wallet: Vault, id: string) => Found | null | undefined;
    readonly said: (found: Found, say: WalletWords, values: ReturnType<typeof parseOneId>['values']) => string;
  },
): Promise<number> {
  const { values, id } = parseOneId(args);
  return withWallet(io, values, how.write, (wallet, say) => {
    const found = how.find(wallet, id);
    if (!found) {
      io.stderr(`${say.noCredential(id)}\n`);
      return 1;
    }
    io.stdout(how.said(found, say, values));
    return 0;
  });
}
