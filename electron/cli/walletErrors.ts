import { BackupError } from '../vault/backupFile';
import { VaultError } from '../vault/vault';
import { VaultCryptoError } from '../vault/vaultCrypto';
import { WalletHeaderError, WrongPassphraseError } from '../vault/walletHeader';
import { WalletBusyError } from '../vault/writerLock';
import type { CliIo } from './command';

/** Failures a person can act on (wrong passphrase, wallet busy, damaged header...): said plainly, exit 1, nothing changed. */
export function reportWalletError(error: unknown, io: CliIo): number {
  if (
    error instanceof WrongPassphraseError ||
    error instanceof WalletBusyError ||
    error instanceof VaultError ||
    error instanceof WalletHeaderError ||
    error instanceof BackupError ||
    error instanceof VaultCryptoError
  ) {
    io.stderr(`${error.message}\n`);
    return 1;
  }
  throw error;
}
