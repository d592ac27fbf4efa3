import { RefusalError } from '../../../shared/contract/refusal';
import type { Vault } from '../../vault/vault';
import type { WalletSessionOptions } from './options';

/**
 * What the session's collaborators (the files in this folder) share: the options the session
 * was made with, the wallet open now, and the card pictures made from it. WalletSession owns
 * the state and hands this to each collaborator; none of them keeps a vault of its own.
 */
export interface SessionContext {
  readonly options: WalletSessionOptions;
  /** The open wallet, or null while locked. */
  current(): Vault | null;
  /** Forgets card pictures: one credential's (its picture may have changed), or all. */
  forgetThumbnail(id?: string): void;
}

/** The open wallet; a call while locked is refused with a sentence for the user. */
export function requireVault(context: SessionContext): Vault {
  const vault = context.current();
  if (!vault) throw new RefusalError('The wallet is locked.');
  return vault;
}

/** The ids given, each once, every one of them a credential in this wallet (else refused). */
export function knownIds(vault: Vault, ids: readonly string[]): string[] {
  const known = new Set(vault.list().map((entry) => entry.id));
  const unknown = ids.find((id) => !known.has(id));
  if (unknown) throw new RefusalError(`No credential with ID "${unknown}" in this wallet.`);
  return [...new Set(ids)];
}
