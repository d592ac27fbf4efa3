import type { NormalizedCredential } from '../credential/model';
import { qrPrintedWidth, qrStaysReadable } from './qrModules';
import { sha256Hex } from './sha256';
import { bestVerificationLink, isPublicHttpsUrl, verifierBase, verifierLink as credentialLink } from './verificationLink';

/**
 * What an entry of the portfolio links to, decided before anything is drawn.
 *
 * Every entry gets the verifier link: the verifier page with the credential's original bytes in
 * its fragment (verifierFragment.ts), clickable on the printed address and on the QR code. The QR
 * code carries that same link only when it stays readable on paper (qrModules.ts); otherwise the
 * hosted assertion, where the issuer hosts one, or the verifier page with the credential's short
 * id, and the entry says where the link and the page are.
 */

/** What a QR code opens when scanned, which decides the words under it. */
export type QrTarget =
  /** The verifier page with the credential in the link: it verifies. */
  | 'credential-link'
  /** The issuer's hosted Open Badges 2.0 assertion: it verifies. */
  | 'hosted'
  /** The verifier page with the credential's short id: it asks for this PDF or its link. */
  | 'verifier-page'
  /** The issuer's page for the badge, or the credential's own address: it shows, it does not verify. */
  | 'issuer-page';

/** Whether opening a QR code of this kind verifies the credential. */
export function qrVerifies(target: QrTarget): boolean {
  return target === 'credential-link' || target === 'hosted';
}

export interface EntryLinks {
  /** The verifier page carrying the credential's original bytes; absent without a verifier page, or when the link would be too long to open. */
  readonly verifierLink?: string;
  /** What the QR code carries; absent when there is nothing public to link to. */
  readonly qr?: { readonly url: string; readonly target: QrTarget };
  /** The verifier page's address as printed in the entry's sentence (no `https://`). */
  readonly verifierAddress?: string;
}

/** The credential's short id: the start of the SHA-256 of its original bytes, as the PDF's manifest lists it. */
export async function credentialShortId(original: Uint8Array): Promise<string> {
  return (await sha256Hex(original)).slice(0, 12);
}

/** The printed form of a long link: its host and an ellipsis (the annotation carries all of it). */
export function shortAddress(link: string): string {
  const host = /^https:\/\/([^/?#]+)/i.exec(link)?.[1];
  return host === undefined ? link : `${host}/…`;
}

/** The hosted Open Badges 2.0 assertion, when the issuer hosts one (not a link read off a certificate). */
function hostedAssertion(credential: NormalizedCredential): string | undefined {
  const { signature, hostedUrl } = credential.verification;
  return signature === 'hosted' && isPublicHttpsUrl(hostedUrl) ? hostedUrl : undefined;
}

/** The links of one entry whose QR code is printed `qrWidth` points wide; `fragment`: its checked CBOR-LD fragment, if any. */
export async function planEntryLinks(credential: NormalizedCredential, verifierUrl: string | undefined, qrWidth = qrPrintedWidth, fragment?: string): Promise<EntryLinks> {
  const base = verifierBase(verifierUrl);
  if (base === undefined) {
    // No verifier page: the best public link there is, said for what it is.
    const best = bestVerificationLink(credential);
    if (!best) return {};
    return { qr: { url: best.url, target: best.url === hostedAssertion(credential) ? 'hosted' : 'issuer-page' } };
  }
  const verifierLink = credentialLink(credential, base, fragment);
  const withLink = verifierLink === undefined ? {} : { verifierLink };
  if (verifierLink !== undefined && qrStaysReadable(verifierLink, qrWidth)) return { ...withLink, qr: { url: verifierLink, target: 'credential-link' } };
  const verifierAddress = base.replace(/^https:\/\//i, '');
  const hosted = hostedAssertion(credential);
  if (hosted !== undefined && qrStaysReadable(hosted, qrWidth)) return { ...withLink, verifierAddress, qr: { url: hosted, target: 'hosted' } };
  const pageWithId = `${base}#id.${await credentialShortId(credential.original.bytes)}`;
  return { ...withLink, verifierAddress, ...(qrStaysReadable(pageWithId, qrWidth) ? { qr: { url: pageWithId, target: 'verifier-page' as const } } : {}) };
}
