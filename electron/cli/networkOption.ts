import { readFileSync } from 'node:fs';
import path from 'node:path';
import { UsageError, type CliIo } from './command';
import { walletFolder } from './vaultOptions';

/** The flags every verifying command takes, with the same meaning everywhere. */
export const networkOptions = {
  offline: { type: 'boolean', default: false },
  online: { type: 'boolean', default: false },
} as const;

export const networkOptionsHelp = `  --offline         never touch the network: what needs it is reported as not checked
  --online          let verification fetch what it needs (issuer keys, status lists,
                    hosted badges) over https, with timeouts and size caps
                    Without either, the app's setting decides (Settings › Network use):
                    "allowed" goes online; "offline only" and "ask" (the default) stay offline`;

/**
 * --offline or --online, else the network setting the user chose in the app. The setting is
 * only read: a command that verifies never creates the data folder or its preferences file.
 * It is read as plain JSON rather than through the preferences store (conf, ajv, zod): one
 * field decides, and loading the store cost a verify more time than verifying a credential.
 * Only an explicit "allowed" goes online; anything else, or an unreadable file, stays offline.
 */
function savedNetworkUse(folder: string): 'offline' | 'allowed' {
  try {
    const saved = JSON.parse(readFileSync(path.join(folder, 'preferences.json'), 'utf8')) as { network?: unknown } | null;
    return saved?.network === 'allowed' ? 'allowed' : 'offline';
  } catch {
    return 'offline';
  }
}

export function networkUse(values: { offline?: boolean; online?: boolean; vault?: string | undefined }, io: CliIo): 'offline' | 'allowed' {
  if (values.offline && values.online) throw new UsageError((w) => w.offlineOrOnline);
  if (values.offline) return 'offline';
  if (values.online) return 'allowed';
  return savedNetworkUse(walletFolder(values.vault, io));
}
