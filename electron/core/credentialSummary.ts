import type { CredentialSummary } from '../../shared/credential/walletViews';
import { issuerIdentityLevels, verificationStatuses } from '../../shared/credential/verification';
import { detailsStates } from '../../shared/credential/model';
import type { VaultEntry } from '../vault/vault';

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

function withDefined<T extends object>(target: T, optional: Record<string, unknown>): T {
  for (const [key, value] of Object.entries(optional)) if (value !== undefined) (target as Record<string, unknown>)[key] = value;
  return target;
}

/**
 * Whether the stored picture is one a card can show as a thumbnail (an <img>): it has bytes
 * and an image/* type. A Blockcerts certificate keeps its HTML display (text/html) as its
 * picture, for the details to show sanitised in a sandboxed frame; as a card's <img> it would
 * only ever be a broken image, so the card shows the placeholder mark instead.
 */
function isPicture(image: Record<string, unknown>): boolean {
  return typeof image.bytes === 'object' && typeof image.mediaType === 'string' && image.mediaType.toLowerCase().startsWith('image/');
}

/**
 * The card's part of a stored report's issuer identity: its level and what ties key and name
 * (the registry's name, the domain), checked field by field (no schema library: listing is hot).
 * Undefined for reports stored before identity was judged, or not shaped as one: never invented.
 */
export function identityOf(report: Record<string, unknown>): CredentialSummary['issuerIdentity'] {
  const identity = record(report.issuerIdentity);
  const level = issuerIdentityLevels.find((l) => l === identity.level);
  if (!level) return undefined;
  const nullableText = (value: unknown): string | null => (typeof value === 'string' ? value : null);
  return withDefined({ level, source: nullableText(identity.source), asOf: nullableText(identity.asOf) }, { test: identity.test === true ? true : undefined });
}

/**
 * The portfolio's line for each credential, from the stored record alone (no blob is read):
 * listing 10,000 credentials after unlock must stay cheap. `idOfIdentity` turns a CLR's
 * parent/child identities into wallet ids, for the ones the wallet holds.
 */
export function summariesOf(entries: readonly VaultEntry[]): CredentialSummary[] {
  const idByIdentity = new Map(entries.map((entry) => [entry.identity, entry.id]));
  return entries.map((entry) => {
    const c = entry.credential;
    const issuer = record(c.issuer);
    const skills = (Array.isArray(c.skills) ? c.skills : []).flatMap((raw) => {
      const skill = record(raw);
      const name = text(skill.name);
      return name ? [withDefined({ name }, { framework: text(skill.framework), code: text(skill.code), url: text(skill.url) })] : [];
    });
    const credits = (Array.isArray(c.credits) ? c.credits : []).flatMap((raw) => {
      const credit = record(raw);
      return typeof credit.value === 'number' && Number.isFinite(credit.value) && typeof credit.unit === 'string' ? [{ value: credit.value, unit: credit.unit }] : [];
    });
    const childIds = (Array.isArray(c.childIdentities) ? c.childIdentities : []).flatMap((identity) => {
      const id = typeof identity === 'string' ? idByIdentity.get(identity) : undefined;
      return id ? [id] : [];
    });
    const report = record(entry.verification);
    const details = detailsStates.find((state) => state === record(c.linked).state);
    const summary: CredentialSummary = {
      id: entry.id,
      // No name of its own stays empty: the window says why in the reader's language ("details
      // not fetched yet" when `details` says so, else "untitled"), never a made-up English one.
      name: text(c.name) ?? '',
      format: c.format as CredentialSummary['format'],
      container: c.container as CredentialSummary['container'],
      kind: c.kind as CredentialSummary['kind'],
      addedAt: entry.addedAt,
      skills,
      credits,
      selfReported: c.selfReported === true,
      hasImage: isPicture(record(c.image)),
      childIds,
    };
    const parentIdentity = text(c.parentIdentity);
    return withDefined(summary, {
      description: text(c.description),
      issuerName: text(issuer.name) ?? text(issuer.id),
      issuedOn: text(c.issuedOn),
      expires: text(c.expires),
      status: verificationStatuses.find((s) => s === report.status),
      checkedAt: text(report.checkedAt),
      issuerIdentity: identityOf(report),
      parentId: parentIdentity ? idByIdentity.get(parentIdentity) : undefined,
      details,
    });
  });
}
