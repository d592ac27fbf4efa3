import type { NormalizedCredential } from '../credential/model';
import { bestVerificationLink } from './verificationLink';

/**
 * LinkedIn's "add to profile" link for a certification, pre-filled (see STANDARDS.md, Sharing
 * conventions). `organizationId` (the issuer's LinkedIn company id, where known) makes the
 * issuer a link to its company page; without it LinkedIn shows `organizationName` as text.
 */
function yearMonth(iso: string | undefined): { year: string; month: string } | undefined {
  const match = /^(\d{4})-(\d{2})/.exec(iso ?? '');
  if (!match?.[1] || !match[2]) return undefined;
  const month = Number(match[2]);
  if (month < 1 || month > 12) return undefined;
  return { year: match[1], month: String(month) };
}

export function linkedInAddCertificationUrl(credential: NormalizedCredential, organizationId?: string | number, verifierUrl?: string): string {
  const params: [string, string][] = [
    ['startTask', 'CERTIFICATION_NAME'],
    ['name', credential.name],
  ];
  const orgId = organizationId === undefined ? undefined : String(organizationId).trim();
  if (orgId !== undefined && /^\d+$/.test(orgId)) params.push(['organizationId', orgId]);
  if (credential.issuer.name !== undefined && credential.issuer.name.trim() !== '') params.push(['organizationName', credential.issuer.name.trim()]);
  const issued = yearMonth(credential.issuedOn ?? credential.validFrom);
  if (issued) params.push(['issueYear', issued.year], ['issueMonth', issued.month]);
  const expires = yearMonth(credential.expires);
  if (expires) params.push(['expirationYear', expires.year], ['expirationMonth', expires.month]);
  const link = bestVerificationLink(credential, verifierUrl);
  if (link) params.push(['certUrl', link.url]);
  const certId = credential.id ?? (credential.identity.startsWith('sha256:') ? undefined : credential.identity);
  if (certId !== undefined) params.push(['certId', certId]);
  return `https://www.linkedin.com/profile/add?${params.map(([key, value]) => `${key}=${encodeURIComponent(value)}`).join('&')}`;
}
