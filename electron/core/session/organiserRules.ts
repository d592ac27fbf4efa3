import { RefusalError } from '../../../shared/contract/refusal';
import { pathwayFromClr, pathwaySchema, type Collection, type Organiser, type Pathway } from '../../../shared/organiser';
import type { Vault } from '../../vault/vault';
import { summariesOf } from '../credentialSummary';
import { organiserId, updateOrganiser } from '../organiserStore';
import { knownIds } from './context';

/**
 * The rules of the organiser (collections and pathways) over the wallet's organiser file
 * (organiserStore.ts): unique collection names, steps that name credentials the wallet holds,
 * one pathway per CLR.
 */

export interface CollectionInput {
  id?: string | undefined;
  name: string;
  credentialIds: readonly string[];
}

export interface PathwayInput {
  id?: string | undefined;
  name: string;
  description?: string | undefined;
  required: number;
  steps: readonly { id?: string | undefined; title: string; credentialId?: string | undefined }[];
}

export function saveCollection(vault: Vault, input: CollectionInput): Organiser {
  const credentialIds = knownIds(vault, input.credentialIds);
  return updateOrganiser(vault, (current) => {
    const name = input.name.trim();
    if (current.collections.some((c) => c.id !== input.id && c.name.toLowerCase() === name.toLowerCase())) {
      throw new RefusalError(`There is already a collection named "${name}".`);
    }
    const existing = current.collections.find((c) => c.id === input.id);
    if (input.id && !existing) throw new RefusalError('That collection no longer exists.');
    const next: Collection = { id: existing?.id ?? organiserId(), name, credentialIds, createdAt: existing?.createdAt ?? new Date().toISOString() };
    return { ...current, collections: existing ? current.collections.map((c) => (c.id === next.id ? next : c)) : [...current.collections, next] };
  });
}

export function removeCollection(vault: Vault, id: string): Organiser {
  return updateOrganiser(vault, (current) => ({ ...current, collections: current.collections.filter((c) => c.id !== id) }));
}

export function savePathway(vault: Vault, input: PathwayInput): Organiser {
  knownIds(
    vault,
    input.steps.flatMap((step) => (step.credentialId ? [step.credentialId] : [])),
  );
  return updateOrganiser(vault, (current) => {
    const existing = current.pathways.find((p) => p.id === input.id);
    if (input.id && !existing) throw new RefusalError('That pathway no longer exists.');
    const candidate = {
      id: existing?.id ?? organiserId(),
      name: input.name.trim(),
      ...(input.description && input.description.trim() !== '' ? { description: input.description.trim() } : {}),
      required: input.required,
      steps: input.steps.map((step) => ({ id: step.id ?? organiserId(), title: step.title.trim(), ...(step.credentialId ? { credentialId: step.credentialId } : {}) })),
      ...(existing?.fromClr ? { fromClr: existing.fromClr } : {}),
      createdAt: existing?.createdAt ?? new Date().toISOString(),
    };
    const parsed = pathwaySchema.safeParse(candidate);
    if (!parsed.success) throw new RefusalError(parsed.error.issues[0]?.message ?? 'That pathway cannot be kept.');
    const next: Pathway = parsed.data;
    return { ...current, pathways: existing ? current.pathways.map((p) => (p.id === next.id ? next : p)) : [...current.pathways, next] };
  });
}

export function removePathway(vault: Vault, id: string): Organiser {
  return updateOrganiser(vault, (current) => ({ ...current, pathways: current.pathways.filter((p) => p.id !== id) }));
}

/** A pathway from a CLR held in the wallet: its nested achievements become the steps. */
export function pathwayFromHeldClr(vault: Vault, id: string): Organiser {
  const summaries = summariesOf(vault.list());
  const clr = summaries.find((s) => s.id === id);
  if (clr?.format !== 'clr2') throw new RefusalError('Only a CLR transcript can become a pathway.');
  const children = summaries.filter((s) => clr.childIds.includes(s.id));
  return updateOrganiser(vault, (current) => {
    if (current.pathways.some((p) => p.fromClr === id)) throw new RefusalError(`There is already a pathway from "${clr.name}".`);
    return { ...current, pathways: [...current.pathways, pathwayFromClr(clr, children, organiserId, new Date())] };
  });
}
