import { gunzipSync } from 'node:zlib';
import type { CheckEvidence } from '../../shared/credential/verification';
import { asArray, humanDate, idOf, isRecord, originPhrase, typesOf, type VerifyContext, type Checks } from './checks';
import type { Resolution } from './documents';
import { multibaseDecode } from './multibase';

/**
 * Revocation and suspension: W3C Bitstring Status List (and its predecessor StatusList2021),
 * whose list credential is itself verified (signature, dates, issuer) before its bit is read,
 * and 1EdTech's revocation list. A list that cannot be fetched leaves the credential
 * unverifiable, never "verified"; a list from the cache says when it was fetched.
 */
const listTypes: Readonly<Record<string, { credential: string; subject: string }>> = {
  BitstringStatusListEntry: { credential: 'BitstringStatusListCredential', subject: 'BitstringStatusList' },
  StatusList2021Entry: { credential: 'StatusList2021Credential', subject: 'StatusList2021' },
};

const maxListBytes = 16 * 1024 * 1024;

function decodeList(encoded: unknown): Uint8Array | undefined {
  if (typeof encoded !== 'string' || encoded === '') return undefined;
  // Bitstring Status List: multibase base64url (`u…`); StatusList2021: plain base64(url).
  const compressed = /^u[A-Za-z0-9_-]+$/.test(encoded) ? multibaseDecode(encoded) : Buffer.from(encoded, /[+/=]/.test(encoded) ? 'base64' : 'base64url');
  if (!compressed) return undefined;
  try {
    return gunzipSync(compressed, { maxOutputLength: maxListBytes });
  } catch {
    return undefined;
  }
}

function evidenceOf(resolution: Resolution & { ok: true }, detail?: string): CheckEvidence {
  return { url: resolution.url, origin: resolution.origin, ...(resolution.fetchedAt ? { fetchedAt: resolution.fetchedAt } : {}), ...(detail ? { detail } : {}) };
}

function checkedPhrase(resolution: Resolution & { ok: true }): string {
  return resolution.origin === 'cache' && resolution.fetchedAt ? `revocation last checked on ${humanDate(new Date(resolution.fetchedAt))}` : `list ${originPhrase(resolution.origin, resolution.fetchedAt)}`;
}

export async function checkStatus(json: Record<string, unknown>, context: VerifyContext, checks: Checks): Promise<void> {
  const entries = asArray(json.credentialStatus);
  if (entries.length === 0) {
    checks.skip('status', 'Revocation', 'The issuer gave this credential no revocation list, so there is nothing to check.');
    return;
  }
  for (const entry of entries) {
    if (!isRecord(entry)) {
      checks.fail('status', 'Revocation', 'The credential status entry is not a JSON object.', 'malformed');
      continue;
    }
    const type = typesOf(entry)[0] ?? 'unknown';
    const spec = listTypes[type];
    if (spec) await checkBitstringEntry(json, entry, type, spec, context, checks);
    else if (type === '1EdTechRevocationList') await checkOneEdTechList(json, entry, context, checks);
    else checks.skip('status', 'Revocation', `Badgefolio does not know the "${type}" status method, so revocation was not checked.`, 'unverifiable', `support for ${type}`);
  }
}

async function checkBitstringEntry(
  json: Record<string, unknown>,
  entry: Record<string, unknown>,
  type: string,
  spec: { credential: string; subject: string },
  context: VerifyContext,
  checks: Checks,
): Promise<void> {
  const purpose = typeof entry.statusPurpose === 'string' ? entry.statusPurpose : 'revocation';
  const label = purpose === 'suspension' ? 'Suspension' : 'Revocation';
  const url = typeof entry.statusListCredential === 'string' ? entry.statusListCredential : undefined;
  const index = Number(entry.statusListIndex);
  if (!url || !Number.isInteger(index) || index < 0) {
    checks.fail('status', label, `The ${type} entry lacks a list address or a valid index.`, 'malformed');
    return;
  }
  const resolution = await context.resolver.resolveJson(url);
  if (!resolution.ok) {
    checks.skip('status', label, `The issuer's status list could not be checked: ${resolution.message}`, 'unverifiable', url, { url });
    return;
  }
  const list = resolution.json;
  const evidence = evidenceOf(resolution, `index ${String(index)}`);
  if (!isRecord(list)) {
    checks.fail('status', label, `The status list at ${url} is not a credential.`, 'invalid', evidence);
    return;
  }
  // Issuers mix the two families (Blockcerts points StatusList2021Entry at a Bitstring list): either list type will do.
  const listKinds = Object.values(listTypes);
  if (!listKinds.some((kind) => typesOf(list).includes(kind.credential))) {
    checks.fail('status', label, `The status list at ${url} is not a ${spec.credential}, so it cannot be trusted.`, 'invalid', evidence);
    return;
  }
  const subject = asArray(list.credentialSubject).find(isRecord);
  if (!subject || !listKinds.some((kind) => typesOf(subject).includes(kind.subject))) {
    checks.fail('status', label, `The status list at ${url} does not hold a ${spec.subject}.`, 'invalid', evidence);
    return;
  }
  if (context.depth >= 3) {
    checks.skip('status', label, 'Status lists nested this deep are not followed.', 'unverifiable', url, evidence);
    return;
  }
  const verdict = await context.verifyLinked(list, context.depth + 1);
  // A list whose own signature cannot be checked is still believed when it says "revoked"
  // (that can only make a credential look worse), never when it says "fine".
  const listUnverified = verdict.status === 'unverifiable';
  if (!listUnverified && verdict.status !== 'verified') {
    checks.fail('status', label, `The issuer's status list cannot be trusted (${verdict.status}): ${verdict.summary}`, 'invalid', evidence);
    return;
  }
  if (typeof subject.statusPurpose === 'string' && subject.statusPurpose !== purpose) {
    checks.fail('status', label, `The status list is for ${subject.statusPurpose}, but the credential points to it for ${purpose}.`, 'invalid', evidence);
    return;
  }
  const bits = decodeList(subject.encodedList);
  if (!bits) {
    checks.fail('status', label, `The status list at ${url} cannot be decoded.`, 'invalid', evidence);
    return;
  }
  if (index >= bits.length * 8) {
    checks.fail('status', label, `The credential's place in the status list (${String(index)}) lies beyond its end.`, 'invalid', evidence);
    return;
  }
  const set = (((bits[index >> 3] ?? 0) >> (7 - (index & 7))) & 1) === 1;
  const checked = checkedPhrase(resolution);
  if (listUnverified && !set) {
    checks.skip('status', label, `The issuer's status list does not mark this credential, but the list itself could not be verified: ${verdict.summary}`, 'unverifiable', url, evidence);
  } else if (!set) {
    checks.pass('status', label, `The issuer has not ${purpose === 'suspension' ? 'suspended' : 'revoked'} this credential (${checked}).`, evidence);
  } else if (purpose === 'revocation' || purpose === 'suspension') {
    checks.fail('status', label, `The issuer has ${purpose === 'suspension' ? 'suspended' : 'revoked'} this credential (${checked}).`, 'revoked', evidence);
  } else {
    checks.skip('status', label, `The issuer's status list sets a "${purpose}" flag for this credential, which Badgefolio does not interpret.`, undefined, undefined, evidence);
  }
}

async function checkOneEdTechList(json: Record<string, unknown>, entry: Record<string, unknown>, context: VerifyContext, checks: Checks): Promise<void> {
  const url = idOf(entry);
  if (!url) {
    checks.fail('status', 'Revocation', 'The 1EdTech revocation list entry has no address.', 'malformed');
    return;
  }
  const resolution = await context.resolver.resolveJson(url);
  if (!resolution.ok) {
    checks.skip('status', 'Revocation', `The issuer's revocation list could not be checked: ${resolution.message}`, 'unverifiable', url, { url });
    return;
  }
  const list = resolution.json;
  const revoked = isRecord(list) ? asArray(list.revokedCredentials ?? list.revokedAssertions) : undefined;
  if (!revoked) {
    checks.fail('status', 'Revocation', `The revocation list at ${url} is not one.`, 'invalid', evidenceOf(resolution));
    return;
  }
  const id = idOf(json);
  const hit = id !== undefined && revoked.some((item) => idOf(item) === id && !(isRecord(item) && item.revoked === false));
  if (hit) checks.fail('status', 'Revocation', `The issuer has revoked this credential (${checkedPhrase(resolution)}).`, 'revoked', evidenceOf(resolution));
  else checks.pass('status', 'Revocation', `The issuer has not revoked this credential (${checkedPhrase(resolution)}).`, evidenceOf(resolution));
}
