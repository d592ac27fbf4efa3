import { z } from 'zod';

/**
 * The developer option of issue #20 as the window shows it: named hosts reached on this computer
 * (`--dev-host NAME=127.0.0.1:PORT`, BADGEFOLIO_DEV_HOSTS) and the extra certificate authority
 * trusted for them (NODE_EXTRA_CA_CERTS). Off unless given; when on, the app says so in a banner
 * that stays as long as the app runs (renderer/src/DeveloperHostsBanner.tsx).
 */
export const developerHostsSchema = z.object({
  hosts: z
    .array(z.object({ name: z.string().min(1).max(300), port: z.number().int().min(1).max(65535) }))
    .min(1)
    .max(100),
  /** The certificate authority's PEM file, as NODE_EXTRA_CA_CERTS names it. */
  caFile: z.string().min(1).max(4096),
});
export type DeveloperHosts = z.infer<typeof developerHostsSchema>;
