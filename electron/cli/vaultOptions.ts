import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { defaultDataFolder } from '../core/dataFolder';
import { UsageError, type CliIo } from './command';
import { parseErrorSaid } from './usageWords';

/** Options every wallet command takes. */
export const walletOptions = {
  vault: { type: 'string' },
  'passphrase-file': { type: 'string' },
  json: { type: 'boolean', default: false },
} as const satisfies ParseArgsConfig['options'];

export function parseCommand<T extends NonNullable<ParseArgsConfig['options']>>(args: readonly string[], options: T) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(parseErrorSaid(error));
  }
}

/** The wallet folder: --vault DIR, else BADGEFOLIO_VAULT, else the app's own data folder. */
export function walletFolder(vault: string | undefined, io: CliIo): string {
  if (vault) return path.resolve(io.cwd, vault);
  const fromEnv = io.env.BADGEFOLIO_VAULT;
  return fromEnv ? path.resolve(io.cwd, fromEnv) : defaultDataFolder(process.platform, io.env);
}

export const walletOptionsHelp = `  --vault DIR             the wallet folder (default: the app's data folder, or BADGEFOLIO_VAULT)
  --passphrase-file FILE  read the passphrase from the first line of FILE
                          (else BADGEFOLIO_PASSPHRASE, else a hidden prompt)`;
