import { randomUUID } from 'node:crypto';
import { emptyOrganiser, organiserSchema, withoutCredential, type Organiser } from '../../shared/organiser';
import type { Vault } from '../vault/vault';
import { RefusalError } from '../../shared/contract/refusal';

/** A fresh id for a collection, pathway, step or export record. */
export function organiserId(): string {
  return randomUUID().replaceAll('-', '').slice(0, 16);
}

/** Reads the organiser from the vault; a file that no longer fits the schema is refused, never overwritten unseen. */
export function readOrganiser(vault: Vault): Organiser {
  const bytes = vault.readDocument('organiser');
  if (!bytes) return emptyOrganiser;
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new RefusalError('The collections and pathways file of this wallet is damaged.');
  }
  const parsed = organiserSchema.safeParse(json);
  if (!parsed.success) throw new RefusalError('The collections and pathways file of this wallet is damaged.');
  return parsed.data;
}

/** Applies a change and stores the result; a change that would break the schema is refused before anything is written. */
export function updateOrganiser(vault: Vault, change: (current: Organiser) => Organiser): Organiser {
  const next = organiserSchema.safeParse(change(readOrganiser(vault)));
  if (!next.success) throw new RefusalError(next.error.issues[0]?.message ?? 'That change cannot be kept.');
  vault.writeDocument('organiser', Buffer.from(JSON.stringify(next.data)));
  return next.data;
}

export function forgetCredential(vault: Vault, credentialId: string): void {
  if (vault.readDocument('organiser')) updateOrganiser(vault, (current) => withoutCredential(current, credentialId));
}
