import { BackupError } from '../vault/backupFile';
import { VaultError } from '../vault/vault';
import { VaultCryptoError } from '../vault/vaultCrypto';
import { WalletHeaderError, WrongPassphraseError } from '../vault/walletHeader';
import { WalletBusyError } from '../vault/writerLock';
import type { CliIo } from './command';
import type { CheckLanguage } from './savedLanguage';
import { walletErrorInGerman } from './walletErrorWords';
import { walletWords } from './walletWords';

/**
 * Failures a person can act on (wrong passphrase, wallet busy, damaged header...): said plainly,
 * exit 1, nothing changed. In English as the wallet words them; in German from walletWords (a
 * mistyped passphrase, the app holding the wallet) or walletErrorWords (the rest it lists).
 */
export function reportWalletError(error: unknown, io: CliIo, language: CheckLanguage = 'en'): number {
  if (
    error instanceof WrongPassphraseError ||
    error instanceof WalletBusyError ||
    error instanceof VaultError ||
    error instanceof WalletHeaderError ||
    error instanceof BackupError ||
    error instanceof VaultCryptoError
  ) {
    const say = walletWords(language);
    const message =
      error instanceof WrongPassphraseError
        ? say.wrongPassphrase
        : error instanceof WalletBusyError
          ? (say.busy ?? error.message)
          : language === 'de'
            ? (walletErrorInGerman(error.message) ?? error.message)
            : error.message;
    io.stderr(`${message}\n`);
    return 1;
  }
  throw error;
}
