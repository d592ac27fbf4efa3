/**
 * Words a job seeker (or the employer reading a portfolio) cannot act on: DIDs, web and URN
 * addresses (JSON-LD contexts, status lists, key documents) and the network library's error
 * codes ("getaddrinfo ENOTFOUND"). The verification engine puts them into its sentences for
 * the technically minded; the app shows them behind "Technical details" and the portfolio
 * PDF never prints them.
 */
const technicalPatterns: readonly RegExp[] = [
  // did:key:z6Mk…, did:web:example.org
  /\bdid:[a-z0-9]+:/i,
  // https://…, http://…, ipfs://…
  /\b[a-z][a-z0-9+.-]*:\/\/\S/i,
  // urn:uuid:…
  /\burn:[a-z0-9-]+:/i,
  // Node's resolver and socket errors, HTTP status codes.
  /\bgetaddrinfo\b/i,
  /\b(?:ENOTFOUND|ECONNREFUSED|ECONNRESET|ECONNABORTED|ETIMEDOUT|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|EPROTO|EPIPE)\b/,
  /\bHTTP \d{3}\b/,
  // CERT_HAS_EXPIRED, ERR_TLS_CERT_ALTNAME_INVALID, UND_ERR_CONNECT_TIMEOUT
  /\b[A-Z][A-Z0-9]*_[A-Z0-9_]*[A-Z0-9]\b/,
];

/** Whether the text holds an address or an error code. */
export function hasTechnicalText(text: string): boolean {
  return technicalPatterns.some((pattern) => pattern.test(text));
}

/**
 * The sentence without its technical asides: "…signed with another key (did:key:z6Mk…)." becomes
 * "…signed with another key.". Where addresses or codes are part of a sentence itself
 * ("https://… could not be fetched: …"), the plain sentences before it are kept (an unsigned
 * credential's "Not signed: … Also not fully checked: https://…" still says it is not signed);
 * undefined when there are none: the caller then says it in plain words of its own.
 */
export function withoutTechnicalAsides(text: string): string | undefined {
  const stripped = text
    .replace(/\s*\(([^()]*)\)/g, (whole, inner: string) => (hasTechnicalText(inner) ? '' : whole))
    .replace(/\s+([.,;:!?])/g, '$1')
    .trim();
  if (!hasTechnicalText(stripped)) return stripped;
  const sentences = stripped.split(/(?<=[.!?])\s+(?=\p{Lu})/u);
  const firstTechnical = sentences.findIndex(hasTechnicalText);
  return firstTechnical > 0 ? sentences.slice(0, firstTechnical).join(' ') : undefined;
}
