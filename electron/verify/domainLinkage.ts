import type { NormalizedCredential } from '../../shared/credential/model';
import type { VerificationMessage } from '../../shared/credential/verification';
import { englishOf, joinMessages, msg } from '../../shared/credential/verificationMessages';
import { asArray, checkLabel, idOf, isRecord, linkedSummaryMessage, typesOf, type Checks, type VerifyContext } from './checks';
import { resolveVerificationMethod } from './keys';
import { decodeCompactJws, verifyJwsSignature, type DecodedCompact } from './vcJwt';

/**
 * DIF Well-Known DID Configuration (identity.foundation/.well-known/resources/did-configuration):
 * a web site says which DIDs are its own by publishing, at
 * `https://<origin>/.well-known/did-configuration.json`, Domain Linkage Credentials that each DID
 * signed about that origin. When a credential's issuer profile names its web site (`url`) and
 * that site links the signing DID, the key is tied to the domain as firmly as a did:web is:
 * whoever controls the site vouches for the key. Only a credential whose signature held and
 * whose key is the issuer's own is looked at; nothing else would be confirmed by it.
 */

const wellKnownPath = '/.well-known/did-configuration.json';
const dlcContext = 'https://identity.foundation/.well-known/did-configuration/v1';
/** A site may link many DIDs; more than this is not a configuration a check should walk. */
const maxLinkedDids = 50;

/** The https origin of the issuer's web site, or undefined when it names none (or not over https). */
export function issuerOrigin(credential: NormalizedCredential): string | undefined {
  const url = credential.issuer.url;
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' ? parsed.origin : undefined;
  } catch {
    return undefined;
  }
}

const sameOrigin = (a: unknown, origin: string): boolean => {
  if (typeof a !== 'string') return false;
  try {
    return new URL(a).origin === origin;
  } catch {
    return false;
  }
};

/** Why an entry does not link, as a message. */
type Linkage = { readonly linked: true; readonly keyId: string } | { readonly linked: false; readonly why: VerificationMessage };

/** A Domain Linkage Credential in JWT form: signed by `did`, about `origin`, in date. */
async function jwtLinkage(jws: string, did: string, origin: string, context: VerifyContext): Promise<Linkage> {
  const decoded = decodeCompactJws(jws);
  if (!('jws' in decoded)) return { linked: false, why: decoded };
  const { header, claims, jws: parts }: DecodedCompact = decoded;
  const vc = isRecord(claims.vc) ? claims.vc : undefined;
  const subject = isRecord(vc?.credentialSubject) ? vc.credentialSubject : undefined;
  if (claims.iss !== did || claims.sub !== did || subject?.id !== did) return { linked: false, why: msg('linkage.otherDid') };
  if (!sameOrigin(subject.origin, origin)) return { linked: false, why: msg('linkage.otherSite') };
  if (!typesOf(vc).includes('DomainLinkageCredential')) return { linked: false, why: msg('linkage.notDlc') };
  const nowSeconds = Math.floor(context.now.getTime() / 1000);
  if (typeof claims.exp === 'number' && claims.exp <= nowSeconds) return { linked: false, why: msg('linkage.expired') };
  if (typeof claims.nbf === 'number' && claims.nbf > nowSeconds) return { linked: false, why: msg('linkage.notYetValid') };
  const kid = typeof header.kid === 'string' ? header.kid : undefined;
  if (!kid?.startsWith(`${did}#`) || typeof header.alg !== 'string') return { linked: false, why: msg('linkage.notDidKey') };
  const key = await resolveVerificationMethod(kid, context.resolver);
  if (!key.ok) return { linked: false, why: key.reasonMessage };
  if (!verifyJwsSignature(header.alg, parts, key.key)) return { linked: false, why: msg('linkage.signatureMismatch') };
  return { linked: true, keyId: kid };
}

/** A Domain Linkage Credential in JSON-LD form, checked by the engine like any linked credential. */
async function jsonLdLinkage(credential: Record<string, unknown>, did: string, origin: string, context: VerifyContext): Promise<Linkage> {
  const subject = isRecord(credential.credentialSubject) ? credential.credentialSubject : undefined;
  if (idOf(credential.issuer) !== did || subject?.id !== did) return { linked: false, why: msg('linkage.otherDid') };
  if (!sameOrigin(subject.origin, origin)) return { linked: false, why: msg('linkage.otherSite') };
  if (!typesOf(credential).includes('DomainLinkageCredential')) return { linked: false, why: msg('linkage.notDlc') };
  const result = await context.verifyLinked(credential, context.depth + 1);
  const signed = result.checks.find((c) => c.id === 'signature' && c.outcome === 'passed');
  const keyId = signed?.evidence?.keyId;
  if (result.status !== 'verified' || !keyId?.startsWith(`${did}#`)) {
    return { linked: false, why: msg('linkage.notVerified', { summary: linkedSummaryMessage(result) }) };
  }
  return { linked: true, keyId };
}

/**
 * Adds a `domain-linkage` check when the issuer's web site links the DID that signed the
 * credential; says why not, as a skipped check, when the site was asked and does not. Nothing
 * is added when there is no site to ask or the configuration could not be had (offline): the
 * identity finding then says what it says without it.
 */
export async function checkDomainLinkage(credential: NormalizedCredential, context: VerifyContext, checks: Checks): Promise<void> {
  const did = credential.issuer.id;
  const origin = issuerOrigin(credential);
  if (!did?.startsWith('did:') || did.startsWith('did:web:') || !origin) return;
  const signedByIssuer = checks.list.some((c) => c.id === 'issuer-key' && c.outcome === 'passed') && checks.list.some((c) => c.id === 'signature' && c.outcome === 'passed');
  if (!signedByIssuer) return;
  const url = `${origin}${wellKnownPath}`;
  const resolution = await context.resolver.resolveJson(url);
  if (!resolution.ok) return;
  const evidence = { url, origin: resolution.origin, ...(resolution.fetchedAt ? { fetchedAt: resolution.fetchedAt } : {}) };
  const host = new URL(origin).host;
  const configuration = resolution.json;
  const linked = isRecord(configuration) ? asArray(configuration.linked_dids).slice(0, maxLinkedDids) : [];
  const reasons: VerificationMessage[] = [];
  for (const entry of linked) {
    const linkage =
      typeof entry === 'string'
        ? await jwtLinkage(entry, did, origin, context)
        : isRecord(entry) && asArray(entry['@context']).includes(dlcContext)
          ? await jsonLdLinkage(entry, did, origin, context)
          : { linked: false as const, why: msg('linkage.neither') };
    if (linkage.linked) {
      checks.pass('domain-linkage', checkLabel('webSite'), msg('linkage.confirmed', { host }), { ...evidence, keyId: linkage.keyId });
      return;
    }
    reasons.push(linkage.why);
  }
  checks.skip('domain-linkage', checkLabel('webSite'), notConfirmed(host, linked.length, reasons), undefined, undefined, evidence);
}

/**
 * "The issuer's web site … publishes a DID configuration, but none of the 2 it links is this
 * DID …", with the first two different reasons.
 */
function notConfirmed(host: string, count: number, reasons: readonly VerificationMessage[]): VerificationMessage {
  const shown: VerificationMessage[] = [];
  const seen = new Set<string>();
  for (const why of reasons) {
    const text = englishOf(why);
    if (seen.has(text)) continue;
    seen.add(text);
    shown.push(why);
    if (shown.length === 2) break;
  }
  const list = joinMessages(shown);
  // Each DID the site links gives its reason; a site that links none has that as its reason.
  if (count === 0 || !list) return msg('linkage.notConfirmed', { host, why: msg('linkage.linksNone') });
  return msg('linkage.notConfirmed', { host, why: msg('linkage.noneValid', { count, reasons: list }) });
}
