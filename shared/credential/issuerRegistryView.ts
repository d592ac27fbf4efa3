import { z } from 'zod';

/** One known-issuer registry as Settings lists it: whose list, how current, how many issuers. */
export const issuerRegistryViewSchema = z.object({
  name: z.string(),
  /** `own`: a list the user added; `bundled`: one of the DCC registries Badgefolio ships (maybe refreshed online since). */
  kind: z.enum(['own', 'bundled']),
  /** The list's own date (its meta.updated); null when it gives none. */
  asOf: z.string().nullable(),
  issuers: z.number().int(),
  /** A registry of test issuers (the DCC Sandbox). */
  test: z.boolean(),
  /** When the user added it (own lists). */
  addedAt: z.string().nullable(),
  /** When it was last fetched from where it is published (DCC lists); null: the bundled copy. */
  refreshedAt: z.string().nullable(),
});
export type IssuerRegistryView = z.infer<typeof issuerRegistryViewSchema>;

export const issuerRegistriesSchema = z.object({
  registries: z.array(issuerRegistryViewSchema),
  /** When an online refresh was last tried; null when never. */
  lastRefresh: z.string().nullable(),
});
export type IssuerRegistries = z.infer<typeof issuerRegistriesSchema>;
