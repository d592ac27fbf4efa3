import { createPublicKey } from 'node:crypto';
import type { NormalizedCredential } from '../../shared/credential/model';
import type { VerificationMessage } from '../../shared/credential/verification';
import { msg } from '../../shared/credential/verificationMessages';
import { asArray, checkLabel, idOf, isRecord, originMessage, short, type VerifyContext, type Checks } from './checks';
import { checkDates } from './dates';
import type { Resolution } from './documents';
import { checkRecipient } from './recipient';
import { decodeCompactJws, verifyJwsSignature } from './vcJwt';

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
/** "a or b or c", as one nested message. */
function joinOr(parts: readonly string[]): VerificationMessage | string {
  const [first = '', ...rest] = parts;
  return rest.length === 0 ? first : msg('join.or', { first, rest: joinOr(rest) });
}

function inScope(assertionId: string, issuer: Json, badge: Json | undefined): { ok: boolean; rule: VerificationMessage } {
  const policy = [issuer.verification, badge?.verification].find(isRecord);
  const starts = asArray(policy?.startsWith).filter((s): s is string => typeof s === 'string');
  const origins = asArray(policy?.allowedOrigins).filter((s): s is string => typeof s === 'string');
  if (starts.length > 0) return { ok: starts.some((prefix) => assertionId.startsWith(prefix)), rule: msg('ob2.rule.starts', { prefixes: joinOr(starts) }) };
  const host = hostOf(assertionId);
  if (origins.length > 0) return { ok: host !== undefined && origins.some((o) => o.toLowerCase() === host), rule: msg('ob2.rule.hosts', { hosts: origins.join(', ') }) };
  const issuerHost = idOf(issuer) === undefined ? undefined : hostOf(idOf(issuer) ?? '');
  return { ok: host !== undefined && host === issuerHost, rule: msg('ob2.rule.issuerHost', { host: issuerHost ?? msg('ob2.unknown') }) };
}

async function badgeAndIssuer(assertion: Json, context: VerifyContext, checks: Checks, required: boolean): Promise<{ badge?: Json; issuer?: Json }> {
  const badge = await linked(assertion.badge, context);
  if (!badge.json) {
    const url = badge.url ?? 'the BadgeClass';
    if (required) checks.skip('hosted', msg('label.issuer'), msg('ob2.badgeUnavailable', { url: badge.url ?? msg('ob2.theBadgeClass') }), 'unverifiable', url, { url });
    return {};
  }
  const issuer = await linked(badge.json.issuer, context);
  if (!issuer.json) {
    const url = issuer.url ?? 'the issuer profile';
    if (required) checks.skip('hosted', msg('label.issuer'), msg('ob2.issuerUnavailable', { url: issuer.url ?? msg('ob2.theIssuerProfile') }), 'unverifiable', url, { url });
    return { badge: badge.json };
  }
  return { badge: badge.json, issuer: issuer.json };
}

export async function verifyOb2Hosted(credential: NormalizedCredential, local: Json, context: VerifyContext, checks: Checks): Promise<void> {
  const id = typeof local.id === 'string' ? local.id : credential.verification.hostedUrl;
  if (!id || !/^https?:\/\//i.test(id)) {
    checks.fail('hosted', msg('label.hosted'), msg('ob2.noAddress'), 'malformed');
    return;
  }
  const fetched = await context.resolver.resolve(id);
  if (!fetched.ok) {
    checks.skip('hosted', msg('label.hosted'), msg('ob2.fetchFailed', { reason: fetched.reasonMessage }), 'unverifiable', id, { url: id });
    checkLocalDates(local, context, checks);
    checkRecipient(credential.recipient, context.ownerEmails, checks);
    return;
  }
  const evidence = { url: id, origin: fetched.origin, ...(fetched.fetchedAt ? { fetchedAt: fetched.fetchedAt } : {}) };
  if (fetched.status === 410) {
    checks.fail('status', checkLabel('revocation'), msg('ob2.gone', { origin: originMessage(fetched.origin, fetched.fetchedAt) }), 'revoked', evidence);
    return;
  }
  let hosted: unknown;
  try {
    hosted = JSON.parse(fetched.body);
  } catch {
    hosted = undefined;
  }
  if (!isRecord(hosted)) {
    checks.fail('hosted', msg('label.hosted'), msg('ob2.notBadge', { url: id }), 'invalid', evidence);
    return;
  }
  const assertion = hosted;
  checks.pass('hosted', msg('label.hosted'), msg('ob2.hosted', { url: short(id), origin: originMessage(fetched.origin, fetched.fetchedAt) }), evidence);
  if (assertion.revoked === true) {
    const sentence = typeof assertion.revocationReason === 'string' ? msg('ob2.revokedReason', { reason: assertion.revocationReason }) : msg('ob2.revoked');
    checks.fail('status', checkLabel('revocation'), sentence, 'revoked', evidence);
    return;
  }
  const { issuer, badge } = await badgeAndIssuer(assertion, context, checks, true);
  const issuerIsWeb = /^https?:\/\//i.test(idOf(issuer) ?? '');
  const hasPolicy = [issuer?.verification, badge?.verification].some(isRecord);
  if (issuer && !issuerIsWeb && !hasPolicy) {
    checks.skip('issuer-key', msg('label.issuer'), msg('ob2.issuerNotWeb', { id: idOf(issuer) ?? msg('ob2.none') }));
  } else if (issuer) {
    const scope = inScope(id, issuer, badge);
    if (scope.ok) checks.pass('issuer-key', msg('label.issuer'), msg('ob2.inScope', { rule: scope.rule }), { url: idOf(issuer) });
    else checks.fail('issuer-key', msg('label.issuer'), msg('ob2.outOfScope', { url: id, rule: scope.rule }), 'invalid', { url: idOf(issuer) });
  }
  checks.skip('status', checkLabel('revocation'), msg('ob2.hostedNotRevoked'));
  checkLocalDates(assertion, context, checks);
  checkRecipient(credential.recipient, context.ownerEmails, checks);
}

function checkLocalDates(assertion: Json, context: VerifyContext, checks: Checks): void {
  checkDates(
    checks,
    { fromName: 'issue date', untilName: 'expiry date', from: assertion.issuedOn, until: assertion.expires, allowDateOnly: true, allowUnixTime: true },
    context.now,
  );
}

export async function verifyOb2Signed(credential: NormalizedCredential, jws: string, context: VerifyContext, checks: Checks): Promise<void> {
  const decoded = decodeCompactJws(jws);
  if (!('jws' in decoded)) {
    checks.fail('structure', checkLabel('structure'), decoded, 'malformed');
    return;
  }
  const assertion = decoded.claims;
  const alg = decoded.header.alg;
  // OB 1.1 called it `verify`.
  const verification = isRecord(assertion.verification) ? assertion.verification : isRecord(assertion.verify) ? assertion.verify : {};
  const { issuer, badge } = await badgeAndIssuer(assertion, context, checks, false);
  const keyUrl = typeof verification.creator === 'string' ? verification.creator : typeof issuer?.publicKey === 'string' ? issuer.publicKey : undefined;
  if (typeof alg !== 'string' || (!alg.startsWith('RS') && !alg.startsWith('PS') && !alg.startsWith('ES'))) {
    checks.fail('signature', checkLabel('signature'), msg('ob2.badAlgorithm', { alg: String(alg) }), 'invalid');
    return;
  }
  if (!keyUrl) {
    checks.skip('signature', checkLabel('signature'), msg('ob2.noKeyLocation'), 'unverifiable', idOf(badge?.issuer) ?? 'the issuer profile');
  } else {
    const keyDoc = await context.resolver.resolveJson(keyUrl);
    if (!keyDoc.ok) {
      checks.skip('signature', checkLabel('signature'), msg('ob2.keyUnavailable', { reason: keyDoc.reasonMessage }), 'unverifiable', keyUrl, { keyId: keyUrl, algorithm: alg });
    } else {
      const evidence = { keyId: keyUrl, algorithm: alg, url: keyUrl, origin: keyDoc.origin, ...(keyDoc.fetchedAt ? { fetchedAt: keyDoc.fetchedAt } : {}) };
      const pem = isRecord(keyDoc.json) ? keyDoc.json.publicKeyPem : undefined;
      let valid: boolean;
      try {
        valid = typeof pem === 'string' && verifyJwsSignature(alg, decoded.jws, createPublicKey(pem));
      } catch {
        valid = false;
      }
      if (!valid) {
        checks.fail('signature', checkLabel('signature'), msg('ob2.signatureMismatch', { keyId: short(keyUrl) }), 'invalid', evidence);
        return;
      }
      checks.pass('signature', checkLabel('signature'), msg('ob2.signatureMatches', { keyId: short(keyUrl), origin: originMessage(keyDoc.origin, keyDoc.fetchedAt) }), evidence);
      const owner = isRecord(keyDoc.json) ? idOf(keyDoc.json.owner) : undefined;
      const issuerId = idOf(issuer) ?? idOf(badge?.issuer);
      if (owner && issuerId && owner !== issuerId) {
        checks.fail('issuer-key', checkLabel('issuerKey'), msg('ob2.keyOtherOwner', { owner, issuer: issuerId }), 'invalid', evidence);
        return;
      }
      if (owner && issuerId) checks.pass('issuer-key', checkLabel('issuerKey'), msg('issuerKey.belongs', { issuer: short(issuerId) }), evidence);
    }
  }
  await checkOb2Revocation(assertion, issuer, context, checks);
  checkLocalDates(assertion, context, checks);
  checkRecipient(credential.recipient, context.ownerEmails, checks);
}

async function checkOb2Revocation(assertion: Json, issuer: Json | undefined, context: VerifyContext, checks: Checks): Promise<void> {
  if (!issuer) {
    checks.skip('status', checkLabel('revocation'), msg('ob2.noProfileForList'), 'unverifiable', 'the issuer profile');
    return;
  }
  const listUrl = typeof issuer.revocationList === 'string' ? issuer.revocationList : undefined;
  if (!listUrl) {
    checks.skip('status', checkLabel('revocation'), msg('ob2.noList'));
    return;
  }
  const list = await context.resolver.resolveJson(listUrl);
  if (!list.ok) {
    checks.skip('status', checkLabel('revocation'), msg('status.revocationListUnavailable', { reason: list.reasonMessage }), 'unverifiable', listUrl, { url: listUrl });
    return;
  }
  const evidence = { url: listUrl, origin: list.origin, ...(list.fetchedAt ? { fetchedAt: list.fetchedAt } : {}) };
  const revoked = isRecord(list.json) ? asArray(list.json.revokedAssertions) : [];
  const ids = [idOf(assertion), typeof assertion.uid === 'string' ? assertion.uid : undefined].filter((v): v is string => v !== undefined);
  const hit = revoked.find((item) => {
    const itemId = idOf(item) ?? (isRecord(item) && typeof item.uid === 'string' ? item.uid : undefined);
    return itemId !== undefined && ids.includes(itemId);
  });
  const when =
    list.origin !== 'cache'
      ? originMessage(list.origin, list.fetchedAt)
      : list.fetchedAt
        ? msg('status.checked.cache', { fetchedDate: list.fetchedAt })
        : msg('ob2.checkedCacheUndated');
  if (hit !== undefined) {
    const sentence =
      isRecord(hit) && typeof hit.revocationReason === 'string' ? msg('ob2.listRevokedReason', { reason: hit.revocationReason, when }) : msg('ob2.listRevoked', { when });
    checks.fail('status', checkLabel('revocation'), sentence, 'revoked', evidence);
  } else {
    checks.pass('status', checkLabel('revocation'), msg('ob2.notListed', { when }), evidence);
  }
}
