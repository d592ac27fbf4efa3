import { gunzipSync } from 'node:zlib';
import type { CheckEvidence, VerificationMessage } from '../../shared/credential/verification';
import { msg, statusWord } from '../../shared/credential/verificationMessages';
import { asArray, checkLabel, idOf, isRecord, linkedSummaryMessage, originMessage, typesOf, type Checks, type VerifyContext } from './checks';
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

function checkedPhrase(resolution: Resolution & { ok: true }): VerificationMessage {
  return resolution.origin === 'cache' && resolution.fetchedAt
    ? msg('status.checked.cache', { fetchedDate: resolution.fetchedAt })
    : msg('status.checked.list', { origin: originMessage(resolution.origin, resolution.fetchedAt) });
}

/** A purpose as a word: the two the standard names by key, any other as the issuer wrote it. */
function purposeWord(purpose: string): VerificationMessage | string {
  return purpose === 'revocation' ? msg('purpose.revocation') : purpose === 'suspension' ? msg('purpose.suspension') : purpose;
}

export async function checkStatus(json: Record<string, unknown>, context: VerifyContext, checks: Checks): Promise<void> {
  const entries = asArray(json.credentialStatus);
  if (entries.length === 0) {
    checks.skip('status', checkLabel('revocation'), msg('status.none'));
    return;
  }
  for (const entry of entries) {
    if (!isRecord(entry)) {
      checks.fail('status', checkLabel('revocation'), msg('status.entryNotObject'), 'malformed');
      continue;
    }
    const type = typesOf(entry)[0] ?? 'unknown';
    const spec = listTypes[type];
    if (spec) await checkBitstringEntry(json, entry, type, spec, context, checks);
    else if (type === '1EdTechRevocationList') await checkOneEdTechList(json, entry, context, checks);
    else checks.skip('status', checkLabel('revocation'), msg('status.unknownMethod', { type }), 'unverifiable', `support for ${type}`);
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
  const label = checkLabel(purpose === 'suspension' ? 'suspension' : 'revocation');
  const url = typeof entry.statusListCredential === 'string' ? entry.statusListCredential : undefined;
  const index = Number(entry.statusListIndex);
  if (!url || !Number.isInteger(index) || index < 0) {
    checks.fail('status', label, msg('status.entryIncomplete', { type }), 'malformed');
    return;
  }
  const resolution = await context.resolver.resolveJson(url);
  if (!resolution.ok) {
    checks.skip('status', label, msg('status.listUnavailable', { reason: resolution.reasonMessage }), 'unverifiable', url, { url });
    return;
  }
  const list = resolution.json;
  const evidence = evidenceOf(resolution, `index ${String(index)}`);
  if (!isRecord(list)) {
    checks.fail('status', label, msg('status.notCredential', { url }), 'invalid', evidence);
    return;
  }
  // Issuers mix the two families (Blockcerts points StatusList2021Entry at a Bitstring list): either list type will do.
  const listKinds = Object.values(listTypes);
  if (!listKinds.some((kind) => typesOf(list).includes(kind.credential))) {
    checks.fail('status', label, msg('status.wrongType', { url, type: spec.credential }), 'invalid', evidence);
    return;
  }
  const subject = asArray(list.credentialSubject).find(isRecord);
  if (!subject || !listKinds.some((kind) => typesOf(subject).includes(kind.subject))) {
    checks.fail('status', label, msg('status.noSubject', { url, type: spec.subject }), 'invalid', evidence);
    return;
  }
  if (context.depth >= 3) {
    checks.skip('status', label, msg('status.tooDeep'), 'unverifiable', url, evidence);
    return;
  }
  const verdict = await context.verifyLinked(list, context.depth + 1);
  // A list whose own signature cannot be checked is still believed when it says "revoked"
  // (that can only make a credential look worse), never when it says "fine".
  const listUnverified = verdict.status === 'unverifiable';
  // The list's own verdict, in the reader's language.
  const listSummary = linkedSummaryMessage(verdict);
  if (!listUnverified && verdict.status !== 'verified') {
    checks.fail('status', label, msg('status.listUntrusted', { status: statusWord(verdict.status), summary: listSummary }), 'invalid', evidence);
    return;
  }
  if (typeof subject.statusPurpose === 'string' && subject.statusPurpose !== purpose) {
    checks.fail('status', label, msg('status.purposeMismatch', { listPurpose: purposeWord(subject.statusPurpose), purpose: purposeWord(purpose) }), 'invalid', evidence);
    return;
  }
  const bits = decodeList(subject.encodedList);
  if (!bits) {
    checks.fail('status', label, msg('status.undecodable', { url }), 'invalid', evidence);
    return;
  }
  if (index >= bits.length * 8) {
    checks.fail('status', label, msg('status.indexBeyond', { index }), 'invalid', evidence);
    return;
  }
  const set = (((bits[index >> 3] ?? 0) >> (7 - (index & 7))) & 1) === 1;
  const checked = checkedPhrase(resolution);
  if (listUnverified && !set) {
    checks.skip('status', label, msg('status.listUnverifiedClear', { summary: listSummary }), 'unverifiable', url, evidence);
  } else if (!set) {
    checks.pass('status', label, msg(purpose === 'suspension' ? 'status.notSuspended' : 'status.notRevoked', { checked }), evidence);
  } else if (purpose === 'revocation' || purpose === 'suspension') {
    checks.fail('status', label, msg(purpose === 'suspension' ? 'status.suspended' : 'status.revoked', { checked }), 'revoked', evidence);
  } else {
    checks.skip('status', label, msg('status.otherFlag', { purpose }), undefined, undefined, evidence);
  }
}

async function checkOneEdTechList(json: Record<string, unknown>, entry: Record<string, unknown>, context: VerifyContext, checks: Checks): Promise<void> {
  const url = idOf(entry);
  if (!url) {
    checks.fail('status', checkLabel('revocation'), msg('status.oneEdTechNoAddress'), 'malformed');
    return;
  }
  const resolution = await context.resolver.resolveJson(url);
  if (!resolution.ok) {
    checks.skip('status', checkLabel('revocation'), msg('status.revocationListUnavailable', { reason: resolution.reasonMessage }), 'unverifiable', url, { url });
    return;
  }
  const list = resolution.json;
  const revoked = isRecord(list) ? asArray(list.revokedCredentials ?? list.revokedAssertions) : undefined;
  if (!revoked) {
    checks.fail('status', checkLabel('revocation'), msg('status.notRevocationList', { url }), 'invalid', evidenceOf(resolution));
    return;
  }
  const id = idOf(json);
  const hit = id !== undefined && revoked.some((item) => idOf(item) === id && !(isRecord(item) && item.revoked === false));
  if (hit) checks.fail('status', checkLabel('revocation'), msg('status.revoked', { checked: checkedPhrase(resolution) }), 'revoked', evidenceOf(resolution));
  else checks.pass('status', checkLabel('revocation'), msg('status.notRevoked', { checked: checkedPhrase(resolution) }), evidenceOf(resolution));
}
