import type { NormalizedCredential } from '../credential/model';
import { maxFragmentCredentialBytes, verifierPageLink } from './verifierFragment';

/**
 * The best public link an employer can open to check a credential, in order of strength:
 * the hosted assertion (or the verification link printed on a certificate), the issuer's
 * public page for the badge, the credential's own https id, then the verifier page with the
 * credential in its link.
 * Only https addresses count. When there is none, there is none: the PDF says so rather
 * than invent one.
 */
export type VerificationLinkKind = 'hosted' | 'badge-page' | 'credential-id' | 'verifier';

export interface VerificationLink {
  readonly url: string;
  readonly kind: VerificationLinkKind;
  /** What the link is, for people: "Hosted assertion", "Issuer's badge page"... */
  readonly label: string;
}

const labels: Record<VerificationLinkKind, string> = {
  hosted: 'Hosted credential',
  'badge-page': "Issuer's badge page",
  'credential-id': 'Credential link',
  verifier: 'Verification service',
};

/** An absolute https URL with a host and no white space or control characters. */
export function isPublicHttpsUrl(text: string | undefined): text is string {
  // eslint-disable-next-line no-control-regex -- control characters make a URL unusable
  return text !== undefined && text.length <= 2000 && /^https:\/\/[^\s/?#@]+\.[^\s/?#@]+(?:[/?#][^\s]*)?$/i.test(text) && !/[\u0000-\u001f\u007f]/.test(text);
}

function link(url: string, kind: VerificationLinkKind): VerificationLink {
  return { url, kind, label: labels[kind] };
}

/**
 * The longest verifier link a credential gets. A PDF reader hands a link to the browser through
 * the system (on Windows, a command line of at most 32,767 characters), and 32,767 bytes is the
 * longest string older PDF readers accept: a longer link would print but not open. A 20 KB JSON
 * credential compresses to well under this; a large baked image or PDF certificate may not, and
 * is then verified from the attached original instead.
 */
export const maxVerifierLinkLength = 32_000;

/** The verifier page's address without any fragment, when it is a public https address. */
export function verifierBase(verifierUrl: string | undefined): string | undefined {
  const base = verifierUrl?.trim().replace(/#.*$/, '');
  return isPublicHttpsUrl(base) ? base : undefined;
}

/**
 * The verifier page at `verifierUrl` with the credential in its fragment (verifierFragment.ts):
 * `fragment` (a checked CBOR-LD one) when given and shorter, otherwise the original bytes.
 */
export function verifierLink(credential: NormalizedCredential, verifierUrl: string, fragment?: string): string | undefined {
  const base = verifierBase(verifierUrl);
  const original = credential.original.bytes;
  if (base === undefined || original.length === 0 || original.length > maxFragmentCredentialBytes) return undefined;
  const link = verifierPageLink(base, original, fragment);
  return link.length <= maxVerifierLinkLength ? link : undefined;
}

export function bestVerificationLink(credential: NormalizedCredential, verifierUrl?: string): VerificationLink | undefined {
  const { hostedUrl, links } = credential.verification;
  if (isPublicHttpsUrl(hostedUrl)) return link(hostedUrl, 'hosted');
  const ownId = credential.id;
  const badgePage = [...links, credential.achievementId].find((candidate) => isPublicHttpsUrl(candidate) && candidate !== ownId);
  if (badgePage !== undefined) return link(badgePage, 'badge-page');
  if (isPublicHttpsUrl(ownId)) return link(ownId, 'credential-id');
  if (verifierUrl !== undefined) {
    const url = verifierLink(credential, verifierUrl);
    if (url !== undefined) return link(url, 'verifier');
  }
  return undefined;
}

/** The sentence printed where the QR code would be when a credential has no public link. */
export const noPublicLinkSentence = 'No public verification link exists for this credential. Verify it offline from the original file attached to this PDF.';
