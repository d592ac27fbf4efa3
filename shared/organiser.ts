import { z } from 'zod';

/**
 * How a person organises their wallet: named collections (used for exports), pathways toward a
 * goal, and the log of what they exported for whom. Kept encrypted in the vault (it tells
 * where someone applied), changed only through the main process.
 */

const id = z.string().min(4).max(64);
const walletId = z.string().min(4).max(64);
const name = z.string().trim().min(1, 'Give it a name.').max(120);

/** A named set of credentials, e.g. "Data analyst applications". */
export const collectionSchema = z.object({
  id,
  name,
  credentialIds: z.array(walletId).max(20_000),
  createdAt: z.string(),
});
export type Collection = z.infer<typeof collectionSchema>;

/** One credential a pathway asks for; `credentialId` is set once a credential in the wallet fulfils it. */
export const pathwayStepSchema = z.object({
  id,
  title: z.string().trim().min(1, 'Each step needs a title.').max(200),
  credentialId: walletId.optional(),
});
export type PathwayStep = z.infer<typeof pathwayStepSchema>;

/** A goal made of steps, of which `required` must be done (4 of 6, say). */
export const pathwaySchema = z
  .object({
    id,
    name,
    description: z.string().max(1000).optional(),
    required: z.number().int().min(1).max(200),
    steps: z.array(pathwayStepSchema).min(1, 'A pathway needs at least one step.').max(200),
    /** The CLR it was derived from (wallet id), when it came from one. */
    fromClr: walletId.optional(),
    createdAt: z.string(),
  })
  .refine((pathway) => pathway.required <= pathway.steps.length, { message: 'A pathway cannot require more steps than it has.', path: ['required'] });
export type Pathway = z.infer<typeof pathwaySchema>;

/** One PDF export, as the user described it: what went to whom, and when. */
export const exportRecordSchema = z.object({
  id,
  exportedAt: z.string(),
  recipient: z.string().max(200),
  fileName: z.string().max(500),
  paper: z.enum(['a4', 'letter']),
  credentialIds: z.array(walletId).max(20_000),
  credentialNames: z.array(z.string().max(500)).max(20_000),
});
export type ExportRecord = z.infer<typeof exportRecordSchema>;

export const organiserSchema = z.object({
  v: z.literal(1),
  collections: z.array(collectionSchema).max(1000),
  pathways: z.array(pathwaySchema).max(1000),
  exports: z.array(exportRecordSchema).max(10_000),
});
export type Organiser = z.infer<typeof organiserSchema>;

export const emptyOrganiser: Organiser = { v: 1, collections: [], pathways: [], exports: [] };

/** What a credential brings to a pathway's progress. */
export interface PathwayCredential {
  readonly id: string;
  readonly name: string;
  readonly credits?: readonly { readonly value: number; readonly unit: string }[];
}

export interface PathwayProgress {
  readonly done: number;
  readonly required: number;
  readonly complete: boolean;
  /** Steps without a credential in the wallet (a linked credential that was removed counts as missing). */
  readonly missing: readonly PathwayStep[];
  /** Credits of the fulfilling credentials, summed per unit as the issuers gave them (never converted). */
  readonly credits: readonly { readonly unit: string; readonly value: number }[];
}

export function pathwayProgress(pathway: Pathway, credentials: ReadonlyMap<string, PathwayCredential>): PathwayProgress {
  const missing: PathwayStep[] = [];
  const credits = new Map<string, number>();
  let done = 0;
  for (const step of pathway.steps) {
    const credential = step.credentialId ? credentials.get(step.credentialId) : undefined;
    if (!credential) {
      missing.push(step);
      continue;
    }
    done++;
    for (const credit of credential.credits ?? []) credits.set(credit.unit, (credits.get(credit.unit) ?? 0) + credit.value);
  }
  return {
    done,
    required: pathway.required,
    complete: done >= pathway.required,
    missing,
    credits: [...credits].map(([unit, value]) => ({ unit, value: Math.round(value * 100) / 100 })),
  };
}

/**
 * A pathway read from a CLR: the transcript's nested achievements are the steps, each already
 * fulfilled by the nested credential the wallet holds. All are required unless the CLR's
 * associations say otherwise (CLR gives no "n of m" rule, so we do not invent one).
 */
export function pathwayFromClr(
  clr: { readonly id: string; readonly name: string },
  children: readonly { readonly id: string; readonly name: string }[],
  makeId: () => string,
  now: Date,
): Pathway {
  const steps = children.map((child) => ({ id: makeId(), title: child.name, credentialId: child.id }));
  return {
    id: makeId(),
    name: clr.name,
    required: Math.max(1, steps.length),
    steps: steps.length > 0 ? steps : [{ id: makeId(), title: clr.name, credentialId: clr.id }],
    fromClr: clr.id,
    createdAt: now.toISOString(),
  };
}

/** Drops references to credentials that left the wallet from collections (pathway steps keep their title and become missing). */
export function withoutCredential(organiser: Organiser, credentialId: string): Organiser {
  return {
    ...organiser,
    collections: organiser.collections.map((c) => ({ ...c, credentialIds: c.credentialIds.filter((x) => x !== credentialId) })),
    pathways: organiser.pathways.map((p) => ({
      ...p,
      steps: p.steps.map((s) => (s.credentialId === credentialId ? { id: s.id, title: s.title } : s)),
    })),
  };
}
