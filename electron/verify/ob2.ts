import { createPublicKey } from 'node:crypto';
import type { NormalizedCredential } from '../../shared/credential/model';
import { asArray, idOf, isRecord, originPhrase, short, type VerifyContext, type Checks } from './checks';
import { checkDates } from './dates';
import type { Resolution } from './documents';
import { checkRecipient } from './recipient';
import { decodeCompact, verifyJwsSignature } from './vcJwt';

/**
 * Open Badges 2.0: hosted assertions (the issuer's server is the proof: fetch the assertion,
 * check it lies within the issuer's `verification` policy, 410 or `revoked` means revoked)
 * and signed assertions (a JWS checked against the issuer's CryptographicKey, then the
 * issuer's RevocationList).
 */
type Json = Record<string, unknown>;

async function linked(value: unknown, context: VerifyContext): Promise<{ json?: Json; resolution?: Resolution; url?: string }> {
  if (isRecord(value)) return { json: value };
  if (typeof value !== 'string') return {};
  const resolution = await context.resolver.resolveJson(value);
  return resolution.ok && isRecord(resolution.json) ? { json: resolution.json, resolution, url: value } : { resolution, url: value };
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

/** The assertion must lie where the issuer says its badges live (OB 2.0 §VerificationObject). */
function inScope(assertionId: string, issuer: Json, badge: Json | undefined): { ok: boolean; rule: string } {
  const policy = [issuer.verification, badge?.verification].find(isRecord);
  const starts = asArray(policy?.startsWith).filter((s): s is string => typeof s === 'string');
  const origins = asArray(policy?.allowedOrigins).filter((s): s is string => typeof s === 'string');
  if (starts.length > 0) return { ok: starts.some((prefix) => assertionId.startsWith(prefix)), rule: `addresses starting with ${starts.join(' or ')}` };
  const host = hostOf(assertionId);
  if (origins.length > 0) return { ok: host !== undefined && origins.some((o) => o.toLowerCase() === host), rule: `the hosts ${origins.join(', ')}` };
  const issuerHost = idOf(issuer) === undefined ? undefined : hostOf(idOf(issuer) ?? '');
  return { ok: host !== undefined && host === issuerHost, rule: `the issuer's own host (${issuerHost ?? 'unknown'})` };
}

async function badgeAndIssuer(assertion: Json, context: VerifyContext, checks: Checks, required: boolean): Promise<{ badge?: Json; issuer?: Json }> {
  const badge = await linked(assertion.badge, context);
  if (!badge.json) {
    const url = badge.url ?? 'the BadgeClass';
    if (required) checks.skip('hosted', 'Issuer', `The badge description (${url}) is not available, so the issuer could not be checked.`, 'unverifiable', url, { url });
    return {};
  }
  const issuer = await linked(badge.json.issuer, context);
  if (!issuer.json) {
    const url = issuer.url ?? 'the issuer profile';
    if (required) checks.skip('hosted', 'Issuer', `The issuer's profile (${url}) is not available.`, 'unverifiable', url, { url });
    return { badge: badge.json };
  }
  return { badge: badge.json, issuer: issuer.json };
}

export async function verifyOb2Hosted(credential: NormalizedCredential, local: Json, context: VerifyContext, checks: Checks): Promise<void> {
  const id = typeof local.id === 'string' ? local.id : credential.verification.hostedUrl;
  if (!id || !/^https?:\/\//i.test(id)) {
    checks.fail('hosted', 'Hosted badge', 'A hosted badge must give the web address where the issuer keeps it; this one does not.', 'malformed');
    return;
  }
  const fetched = await context.resolver.resolve(id);
  if (!fetched.ok) {
    checks.skip('hosted', 'Hosted badge', `A hosted badge is verified by fetching it from the issuer's server: ${fetched.message}`, 'unverifiable', id, { url: id });
    checkLocalDates(local, context, checks);
    checkRecipient(credential.recipient, context.ownerEmails, checks);
    return;
  }
  const evidence = { url: id, origin: fetched.origin, ...(fetched.fetchedAt ? { fetchedAt: fetched.fetchedAt } : {}) };
  if (fetched.status === 410) {
    checks.fail('status', 'Revocation', `The issuer's server says this badge was revoked (HTTP 410, ${originPhrase(fetched.origin, fetched.fetchedAt)}).`, 'revoked', evidence);
    return;
  }
  let hosted: unknown;
  try {
    hosted = JSON.parse(fetched.body);
  } catch {
    hosted = undefined;
  }
  if (!isRecord(hosted)) {
    checks.fail('hosted', 'Hosted badge', `The issuer's server did not answer with a badge at ${id}.`, 'invalid', evidence);
    return;
  }
  const assertion = hosted;
  checks.pass('hosted', 'Hosted badge', `The issuer's server holds this badge (${short(id)}, ${originPhrase(fetched.origin, fetched.fetchedAt)}).`, evidence);
  if (assertion.revoked === true) {
    const reason = typeof assertion.revocationReason === 'string' ? `: ${assertion.revocationReason}` : '';
    checks.fail('status', 'Revocation', `The issuer revoked this badge${reason}.`, 'revoked', evidence);
    return;
  }
  const { issuer, badge } = await badgeAndIssuer(assertion, context, checks, true);
  const issuerIsWeb = /^https?:\/\//i.test(idOf(issuer) ?? '');
  const hasPolicy = [issuer?.verification, badge?.verification].some(isRecord);
  if (issuer && !issuerIsWeb && !hasPolicy) {
    checks.skip('issuer-key', 'Issuer', `The issuer's id (${idOf(issuer) ?? 'none'}) is not a web address, so the badge's address cannot be compared with it.`);
  } else if (issuer) {
    const scope = inScope(id, issuer, badge);
    if (scope.ok) checks.pass('issuer-key', 'Issuer', `The badge's address lies within what its issuer allows (${scope.rule}).`, { url: idOf(issuer) });
    else checks.fail('issuer-key', 'Issuer', `The badge's address (${id}) lies outside what its issuer allows (${scope.rule}), so it may not be the issuer's.`, 'invalid', { url: idOf(issuer) });
  }
  checks.skip('status', 'Revocation', 'The issuer keeps hosted badges on its own server; it still serves this one, so it is not revoked.');
  checkLocalDates(assertion, context, checks);
  checkRecipient(credential.recipient, context.ownerEmails, checks);
}

function checkLocalDates(assertion: Json, context: VerifyContext, checks: Checks): void {
  checkDates(checks, { fromName: 'issue date', untilName: 'expiry date', from: assertion.issuedOn, until: assertion.expires, allowDateOnly: true, allowUnixTime: true }, context.now);
}

export async function verifyOb2Signed(credential: NormalizedCredential, jws: string, context: VerifyContext, checks: Checks): Promise<void> {
  const decoded = decodeCompact(jws);
  if (typeof decoded === 'string') {
    checks.fail('structure', 'Structure', decoded, 'malformed');
    return;
  }
  const assertion = decoded.claims;
  const alg = decoded.header.alg;
  // OB 1.1 called it `verify`.
  const verification = isRecord(assertion.verification) ? assertion.verification : isRecord(assertion.verify) ? assertion.verify : {};
  const { issuer, badge } = await badgeAndIssuer(assertion, context, checks, false);
  const keyUrl = typeof verification.creator === 'string' ? verification.creator : typeof issuer?.publicKey === 'string' ? issuer.publicKey : undefined;
  if (typeof alg !== 'string' || !alg.startsWith('RS') && !alg.startsWith('PS') && !alg.startsWith('ES')) {
    checks.fail('signature', 'Signature', `The signature algorithm "${String(alg)}" is not allowed for Open Badges 2.0.`, 'invalid');
    return;
  }
  if (!keyUrl) {
    checks.skip('signature', 'Signature', 'The badge does not say where its signing key is, and the issuer profile is not available.', 'unverifiable', idOf(badge?.issuer) ?? 'the issuer profile');
  } else {
    const keyDoc = await context.resolver.resolveJson(keyUrl);
    if (!keyDoc.ok) {
      checks.skip('signature', 'Signature', `The issuer's public key is not available: ${keyDoc.message}`, 'unverifiable', keyUrl, { keyId: keyUrl, algorithm: alg });
    } else {
      const evidence = { keyId: keyUrl, algorithm: alg, url: keyUrl, origin: keyDoc.origin, ...(keyDoc.fetchedAt ? { fetchedAt: keyDoc.fetchedAt } : {}) };
      const pem = isRecord(keyDoc.json) ? keyDoc.json.publicKeyPem : undefined;
      let valid: boolean;
      try {
        valid = typeof pem === 'string' && verifyJwsSignature(alg, decoded.signingInput, decoded.signature, createPublicKey(pem));
      } catch {
        valid = false;
      }
      if (!valid) {
        checks.fail('signature', 'Signature', `The signature does not match the issuer's key (${short(keyUrl)}): the badge was changed after signing, or signed with another key.`, 'invalid', evidence);
        return;
      }
      checks.pass('signature', 'Signature', `The signature matches the issuer's key (${short(keyUrl)}, ${originPhrase(keyDoc.origin, keyDoc.fetchedAt)}).`, evidence);
      const owner = isRecord(keyDoc.json) ? idOf(keyDoc.json.owner) : undefined;
      const issuerId = idOf(issuer) ?? idOf(badge?.issuer);
      if (owner && issuerId && owner !== issuerId) {
        checks.fail('issuer-key', 'Issuer key', `The key belongs to ${owner}, not to the badge's issuer ${issuerId}.`, 'invalid', evidence);
        return;
      }
      if (owner && issuerId) checks.pass('issuer-key', 'Issuer key', `The key belongs to the issuer (${short(issuerId)}).`, evidence);
    }
  }
  await checkOb2Revocation(assertion, issuer, context, checks);
  checkLocalDates(assertion, context, checks);
  checkRecipient(credential.recipient, context.ownerEmails, checks);
}

async function checkOb2Revocation(assertion: Json, issuer: Json | undefined, context: VerifyContext, checks: Checks): Promise<void> {
  if (!issuer) {
    checks.skip('status', 'Revocation', "The issuer's profile is not available, so its revocation list could not be checked.", 'unverifiable', 'the issuer profile');
    return;
  }
  const listUrl = typeof issuer.revocationList === 'string' ? issuer.revocationList : undefined;
  if (!listUrl) {
    checks.skip('status', 'Revocation', 'The issuer publishes no revocation list.');
    return;
  }
  const list = await context.resolver.resolveJson(listUrl);
  if (!list.ok) {
    checks.skip('status', 'Revocation', `The issuer's revocation list could not be checked: ${list.message}`, 'unverifiable', listUrl, { url: listUrl });
    return;
  }
  const evidence = { url: listUrl, origin: list.origin, ...(list.fetchedAt ? { fetchedAt: list.fetchedAt } : {}) };
  const revoked = isRecord(list.json) ? asArray(list.json.revokedAssertions) : [];
  const ids = [idOf(assertion), typeof assertion.uid === 'string' ? assertion.uid : undefined].filter((v): v is string => v !== undefined);
  const hit = revoked.find((item) => {
    const itemId = idOf(item) ?? (isRecord(item) && typeof item.uid === 'string' ? item.uid : undefined);
    return itemId !== undefined && ids.includes(itemId);
  });
  const when = list.origin === 'cache' ? `revocation last checked on ${originPhrase('cache', list.fetchedAt).replace('as last fetched on ', '')}` : originPhrase(list.origin, list.fetchedAt);
  if (hit !== undefined) {
    const reason = isRecord(hit) && typeof hit.revocationReason === 'string' ? `: ${hit.revocationReason}` : '';
    checks.fail('status', 'Revocation', `The issuer revoked this badge${reason} (revocation list ${when}).`, 'revoked', evidence);
  } else {
    checks.pass('status', 'Revocation', `The issuer's revocation list does not list this badge (${when}).`, evidence);
  }
}
