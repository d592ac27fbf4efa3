import type { VerificationMessage } from '../../shared/credential/verification';
import { msg } from '../../shared/credential/verificationMessages';
import { asArray, checkLabel, idOf, isRecord, short, type Checks, type VerifyContext } from './checks';
import { parseDateTime } from './dates';

/**
 * A Blockcerts certificate and its issuer profile: the certificate names the key it was issued
 * with (v2 `verification.publicKey`, v3 the Merkle proof's `verificationMethod`), and the issuer
 * profile at the issuer's https address lists the keys the issuer uses, each with the dates it
 * was created and, when so, expired or revoked. A certificate issued outside its key's dates is
 * not genuine (as Blockcerts' own verifier judges). That the named key is the one that recorded
 * the certificate on the blockchain needs a blockchain lookup, which stays "not checked".
 */

type Json = Record<string, unknown>;

interface ProfileKey {
  readonly created?: Date;
  readonly expires?: Date;
  readonly revoked?: Date;
}

/** The certificate's issuer profile address: v2 `badge.issuer.id`, v3 `issuer`. */
function profileUrlOf(json: Json): string | undefined {
  const issuer = isRecord(json.badge) ? json.badge.issuer : json.issuer;
  const id = idOf(issuer);
  return id && /^https:\/\//i.test(id) ? id : undefined;
}

/** The key the certificate says it was issued with, and when it was issued. */
function claimOf(json: Json, merkleProof: Json | undefined): { key?: string; issued?: Date } {
  const verification = isRecord(json.verification) ? json.verification : undefined;
  const named =
    typeof merkleProof?.verificationMethod === 'string' ? merkleProof.verificationMethod : typeof verification?.publicKey === 'string' ? verification.publicKey : undefined;
  const issued = parseDateTime(json.issuedOn, true) ?? parseDateTime(merkleProof?.created) ?? parseDateTime(json.validFrom, true) ?? parseDateTime(json.issuanceDate, true);
  return { ...(named ? { key: named } : {}), ...(issued ? { issued } : {}) };
}

/** The profile's entry for a key: Blockcerts v2 `publicKey` (by id, or `publicKey` in older profiles), v3 `verificationMethod`. */
function findKey(profile: Json, key: string): ProfileKey | undefined {
  const bare = key.split('#')[0];
  const entries = [...asArray(profile.publicKey), ...asArray(profile.verificationMethod)].filter(isRecord);
  const entry = entries.find(
    (e) => e.id === key || e.publicKey === key || (key.includes('#') && typeof e.id === 'string' && e.id.startsWith('#') && `${bare ?? ''}${e.id}` === key),
  );
  if (!entry) return undefined;
  const date = (value: unknown): Date | undefined => parseDateTime(value, true);
  const created = date(entry.created);
  const expires = date(entry.expires);
  const revoked = date(entry.revoked);
  return { ...(created ? { created } : {}), ...(expires ? { expires } : {}), ...(revoked ? { revoked } : {}) };
}

/** Why a certificate issued on `issued` falls outside its key's dates, if it does. */
function outsideDates(key: ProfileKey, issued: Date): VerificationMessage | undefined {
  const when = issued.toISOString();
  if (key.revoked && issued.getTime() >= key.revoked.getTime()) return msg('blockcertsKey.afterRevoked', { issuedDate: when, revokedDate: key.revoked.toISOString() });
  if (key.expires && issued.getTime() >= key.expires.getTime()) return msg('blockcertsKey.afterExpired', { issuedDate: when, expiredDate: key.expires.toISOString() });
  if (key.created && issued.getTime() < key.created.getTime()) return msg('blockcertsKey.beforeCreated', { issuedDate: when, createdDate: key.created.toISOString() });
  return undefined;
}

/** The issuer key check of a Blockcerts certificate; nothing when its issuer is not an https address. */
export async function checkBlockcertsIssuerKey(json: Json, algorithm: string, merkleProof: Json | undefined, context: VerifyContext, checks: Checks): Promise<void> {
  const url = profileUrlOf(json);
  if (!url) return;
  const label = checkLabel('issuerKey');
  const { key, issued } = claimOf(json, merkleProof);
  if (!key) {
    checks.skip('issuer-key', label, msg('blockcertsKey.unnamed'), undefined, undefined, { algorithm, url });
    return;
  }
  const profile = await context.resolver.resolveJson(url);
  if (!profile.ok) {
    checks.skip('issuer-key', label, msg('blockcertsKey.profileUnavailable', { reason: profile.reasonMessage }), undefined, url, { algorithm, keyId: key, url });
    return;
  }
  const evidence = { algorithm, keyId: key, url, origin: profile.origin, ...(profile.fetchedAt ? { fetchedAt: profile.fetchedAt } : {}) };
  const listed = isRecord(profile.json) ? findKey(profile.json, key) : undefined;
  if (!listed) {
    checks.skip('issuer-key', label, msg('blockcertsKey.notListed', { key: short(key), url }), 'unverifiable', undefined, evidence);
    return;
  }
  const outside = issued ? outsideDates(listed, issued) : undefined;
  if (outside) {
    checks.fail('issuer-key', label, outside, 'invalid', evidence);
    return;
  }
  checks.pass('issuer-key', label, msg(issued ? 'blockcertsKey.listed' : 'blockcertsKey.listedUndated', { key: short(key), url }), evidence);
}
