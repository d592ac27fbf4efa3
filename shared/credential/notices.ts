import { z } from 'zod';
import { damagedKinds, walletDocumentKinds, type CredentialSummary, type DamagedItemView } from './walletViews';

/**
 * Notices: what the owner should hear about without looking. A credential that expires soon
 * (so they can ask the issuer to renew it before a job application needs it), one that its
 * last check found revoked, and a file the wallet check found damaged (moved to quarantine; a
 * backup restores it). Pure: the caller gives the clock.
 */
export const expiryNoticeDays = 30;
const dayMs = 24 * 60 * 60 * 1000;

export const credentialNoticeSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('expiring'),
    id: z.string(),
    name: z.string(),
    /** As the credential states it (ISO 8601). */
    expires: z.string(),
    /** Whole days left, rounded up: 1 means "within a day". */
    daysLeft: z.number().int().min(0),
  }),
  z.object({ kind: z.literal('revoked'), id: z.string(), name: z.string() }),
  z.object({
    kind: z.literal('damaged'),
    /** The damaged file, relative to the wallet folder: one notice per file. */
    id: z.string(),
    /** The credentials it belongs to; none for a wallet document or a record whose name is unknown. */
    names: z.array(z.string()),
    what: z.enum(damagedKinds),
    document: z.enum(walletDocumentKinds).optional(),
  }),
]);
export type CredentialNotice = z.infer<typeof credentialNoticeSchema>;
export type StatusNotice = Exclude<CredentialNotice, { kind: 'damaged' }>;
export type DamageNotice = Extract<CredentialNotice, { kind: 'damaged' }>;

/** One notice per file the wallet check found damaged. */
export function damageNotices(damaged: readonly DamagedItemView[]): DamageNotice[] {
  return damaged.map((item) => ({
    kind: 'damaged',
    id: item.file,
    names: [item.name, ...item.otherNames].filter((name): name is string => name !== null),
    what: item.kind,
    ...(item.document ? { document: item.document } : {}),
  }));
}

/** One key per notice and credential: "already told" is remembered by it. */
export function noticeKey(notice: CredentialNotice): string {
  return `${notice.kind}:${notice.id}`;
}

/**
 * The notices for a wallet's credentials at `now`: revoked ones first, then those expiring
 * within `days` (soonest first). An expired credential is not "expiring" (its card already
 * says Expired), a revoked one is reported as revoked only, and an unreadable expiry date is
 * ignored rather than guessed at.
 */
export function credentialNotices(credentials: readonly CredentialSummary[], now: Date, days: number = expiryNoticeDays): StatusNotice[] {
  const revoked: StatusNotice[] = [];
  const expiring: (StatusNotice & { kind: 'expiring' })[] = [];
  const nowMs = now.getTime();
  for (const credential of credentials) {
    if (credential.status === 'revoked') {
      revoked.push({ kind: 'revoked', id: credential.id, name: credential.name });
      continue;
    }
    if (credential.expires === undefined) continue;
    const expiresMs = Date.parse(credential.expires);
    if (Number.isNaN(expiresMs)) continue;
    const left = expiresMs - nowMs;
    if (left <= 0 || left > days * dayMs) continue;
    expiring.push({ kind: 'expiring', id: credential.id, name: credential.name, expires: credential.expires, daysLeft: Math.ceil(left / dayMs) });
  }
  expiring.sort((a, b) => Date.parse(a.expires) - Date.parse(b.expires) || a.name.localeCompare(b.name));
  revoked.sort((a, b) => a.name.localeCompare(b.name));
  return [...revoked, ...expiring];
}
