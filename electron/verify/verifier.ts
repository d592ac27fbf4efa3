import type { NormalizedCredential } from '../../shared/credential/model';
import type { VerificationCheck, VerificationReport, VerificationStatus } from '../../shared/credential/verification';
import { createContextLoader } from './canonize';
import { asArray, Checks, idOf, isRecord, typesOf, type LinkedResult, type VerifyContext } from './checks';
import { checkEmbeddedProofs, checkIssuerBinding } from './dataIntegrity';
import { checkDates } from './dates';
import { judgeIssuerIdentity } from './issuerIdentity';
import { bundledRegistries, type IssuerRegistry } from './issuerRegistries';
import { DocumentResolver, type DocumentSource } from './documents';
import type { FetchCache } from './fetchCache';
import { verifyJades } from './jades';
import { blockchainOnly, isMerkleProof2019, verifyBlockcertsV2, verifyMerkleProof2019 } from './merkleProof';
import { verifyOb2Hosted, verifyOb2Signed } from './ob2';
import { checkRecipient } from './recipient';
import type { SafeFetchOptions } from './safeFetch';
import { checkStatus } from './statusList';
import { summaryOf, verdictOf } from './verdict';
import { checkVcJwt } from './vcJwt';

export interface VerifierOptions {
  /** `offline` never touches the network; `allowed` fetches over https only, with limits. */
  readonly network: 'offline' | 'allowed';
  /** Pre-fetched documents (a --documents map) used instead of the network. */
  readonly documents?: DocumentSource;
  /** The clock dates are judged against; the time of each check unless given. */
  readonly now?: Date;
  /** The owner's own e-mail addresses, for hashed OB 2.0 recipients (matched locally). */
  readonly ownerEmails?: readonly string[];
  /** Tests only: lets the fetcher reach a loopback test server over http. */
  readonly allowPrivateNetworkForTests?: boolean;
  /** Dated cache of fetched documents (the vault persists it). */
  readonly cache?: FetchCache;
  /** Timeouts and size caps of fetches. */
  readonly fetchOptions?: SafeFetchOptions;
  /** Known-issuer registries, most authoritative first: the bundled DCC ones unless given. */
  readonly registries?: readonly IssuerRegistry[];
}

export interface Verifier {
  verify(credential: NormalizedCredential): Promise<VerificationReport>;
}

type Json = Record<string, unknown>;

function parseJson(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return undefined;
  }
}

const looksLikeJws = (text: string): boolean => /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(text.trim());

/**
 * The verification engine: one report per credential, saying what was checked, with what
 * and when. Never throws for a bad credential: anything unforeseen becomes a `malformed`
 * report with the reason. Plain Node; usable from the CLI, the app and worker threads.
 */
export function createVerifier(options: VerifierOptions): Verifier {
  const resolver = new DocumentResolver({
    network: options.network,
    documents: options.documents,
    cache: options.cache,
    fetchOptions: { ...options.fetchOptions, allowPrivateNetworkForTests: options.allowPrivateNetworkForTests === true },
  });
  const contexts = createContextLoader(options.documents);
  const ownerEmails = options.ownerEmails ?? [];
  const registries = options.registries ?? bundledRegistries;

  const makeContext = (now: Date, depth: number): VerifyContext => ({
    resolver,
    contexts,
    now,
    ownerEmails,
    depth,
    verifyLinked: (json, nextDepth) => verifyW3cLinked(json, makeContext(now, nextDepth)),
  });

  return {
    async verify(credential) {
      const checkedAt = new Date();
      const now = options.now ?? checkedAt;
      const checks = new Checks();
      try {
        await dispatch(credential, makeContext(now, 0), checks);
      } catch (error) {
        checks.fail('structure', 'Structure', `The credential could not be checked: ${error instanceof Error ? error.message : String(error)}.`, 'malformed');
      }
      const status = verdictOf(checks.list);
      const issuerIdentity = judgeIssuerIdentity({ credential, status, checks: checks.list, registries });
      return {
        status,
        checkedAt: checkedAt.toISOString(),
        now: now.toISOString(),
        network: options.network,
        summary: summaryOf(status, checks.list, issuerIdentity),
        checks: checks.list,
        issuerIdentity,
      };
    },
  };
}

async function verifyW3cLinked(item: Json | string, context: VerifyContext): Promise<LinkedResult> {
  const checks = new Checks();
  try {
    await verifyW3c(item, context, checks, false);
  } catch (error) {
    checks.fail('structure', 'Structure', `It could not be checked: ${error instanceof Error ? error.message : String(error)}.`, 'malformed');
  }
  const status = verdictOf(checks.list);
  return { status, checks: checks.list, summary: summaryOf(status, checks.list) };
}

async function dispatch(credential: NormalizedCredential, context: VerifyContext, checks: Checks): Promise<void> {
  const payload = credential.original.payload;
  if (credential.selfReported || credential.format === 'certificate') {
    checks.skip('signature', 'Signature', 'This is a self-reported entry (a PDF or image certificate): it carries no signed credential to check.');
    return;
  }
  if (payload === undefined) {
    checks.fail('structure', 'Structure', 'The credential text is missing, so nothing can be checked.', 'malformed');
    return;
  }
  const signature = credential.verification.signature;
  if (credential.format === 'ob2') {
    if (signature === 'jws') {
      await verifyOb2Signed(credential, payload.trim(), context, checks);
      return;
    }
    const json = parseJson(payload);
    const local = isRecord(json) ? json : { id: payload.trim() };
    await verifyOb2Hosted(credential, local, context, checks);
    return;
  }
  if (credential.format === 'europass-edc') {
    if (signature === 'xades') {
      checks.skip('signature', 'Seal signature', 'This Europass credential (ELM 2, XML) is sealed with XAdES, which Badgefolio cannot check yet.', 'unverifiable', 'XAdES support');
      return;
    }
    const json = parseJson(payload);
    if (!isRecord(json)) {
      checks.fail('structure', 'Structure', 'The Europass credential is not readable JSON.', 'malformed');
      return;
    }
    if (typeof json.payload === 'string' && Array.isArray(json.signatures)) {
      const inner = verifyJades(json, context, checks);
      if (inner) checkW3cDates(inner, context, checks);
      return;
    }
    await verifyW3c(json, context, checks, true);
    return;
  }
  if (credential.format === 'blockcerts') {
    const json = parseJson(payload);
    if (!isRecord(json)) {
      checks.fail('structure', 'Structure', 'The certificate is not readable JSON.', 'malformed');
      return;
    }
    await verifyBlockcerts(json, credential, context, checks);
    return;
  }
  // OB 3.0, CLR 2.0 and any W3C Verifiable Credential.
  const trimmed = payload.trim();
  if (looksLikeJws(trimmed)) {
    await verifyW3c(trimmed, context, checks, true);
  } else {
    const json = parseJson(payload);
    if (!isRecord(json)) {
      checks.fail('structure', 'Structure', 'The credential is not readable JSON.', 'malformed');
      return;
    }
    await verifyW3c(json, context, checks, true);
  }
  checkRecipient(credential.recipient, context.ownerEmails, checks);
}

/** Dates a VC states (VC 2.0 validFrom/validUntil, VC 1.1 issuanceDate/expirationDate). */
function checkW3cDates(json: Json, context: VerifyContext, checks: Checks): void {
  const v2 = json.validFrom !== undefined || json.validUntil !== undefined;
  checkDates(
    checks,
    {
      fromName: v2 || json.issuanceDate === undefined ? 'valid-from date' : 'issuance date',
      untilName: json.validUntil !== undefined ? 'valid-until date' : 'expiration date',
      from: json.validFrom ?? json.issuanceDate,
      until: json.validUntil ?? json.expirationDate,
      allowDateOnly: true,
    },
    context.now,
  );
}

/**
 * What the W3C data model (and 1EdTech's OB 3.0 / CLR 2.0 schemas) require of every credential
 * before anything it says can be vouched for: an issuer identified by an id, and a subject. A
 * signature over a credential that names no issuer proves only that someone signed it.
 */
function hasRequiredProperties(json: Json, checks: Checks): boolean {
  const issuer = json.issuer;
  const issuerId = typeof issuer === 'string' ? issuer : isRecord(issuer) && typeof issuer.id === 'string' ? issuer.id : undefined;
  const problem =
    issuer === undefined
      ? 'It names no issuer: every credential must say who issued it (the "issuer" property is required).'
      : !issuerId
        ? 'Its issuer has no identifier: the "issuer" must be an address or DID, or have an "id" that is one.'
        : asArray(json.credentialSubject).length === 0
          ? 'It names no subject: the "credentialSubject" property, what the credential says about whom, is required.'
          : undefined;
  if (!problem) return true;
  checks.fail('structure', 'Structure', problem, 'malformed');
  return false;
}

/** A W3C VC given as JSON (embedded proofs) or as a VC-JWT; with its CLR children when top-level. */
async function verifyW3c(item: Json | string, context: VerifyContext, checks: Checks, topLevel: boolean): Promise<void> {
  let json: Json;
  if (typeof item === 'string') {
    const reading = await checkVcJwt(item, context, checks);
    if (!reading) return;
    json = reading.credential;
    // VC-JWT 1.1 states the dates as claims; they count when the credential omits them.
    const nbf = typeof reading.claims.nbf === 'number' ? new Date(reading.claims.nbf * 1000).toISOString() : undefined;
    const exp = typeof reading.claims.exp === 'number' ? new Date(reading.claims.exp * 1000).toISOString() : undefined;
    json = { ...json, ...(json.validFrom === undefined && json.issuanceDate === undefined && nbf ? { validFrom: nbf } : {}), ...(json.validUntil === undefined && json.expirationDate === undefined && exp ? { validUntil: exp } : {}) };
  } else {
    json = item;
    if (!hasRequiredProperties(json, checks)) return;
    if (asArray(json.proof).length === 0) {
      checks.skip('signature', 'Signature', 'The credential carries no proof: it is not signed.');
    } else {
      const outcome = await checkEmbeddedProofs(json, context, checks);
      checkIssuerBinding(json.issuer, outcome.verifiedKeys, checks);
    }
  }
  checkW3cDates(json, context, checks);
  await checkStatus(json, context, checks);
  if (topLevel && typesOf(json).includes('ClrCredential')) await checkNested(json, context, checks);
}

/** Every credential a CLR carries is verified on its own; the worst of them counts for the CLR. */
async function checkNested(json: Json, context: VerifyContext, checks: Checks): Promise<void> {
  const subject = asArray(json.credentialSubject).find(isRecord);
  const nested = asArray(subject?.verifiableCredential);
  if (nested.length === 0) return;
  const results: { name: string; result: LinkedResult }[] = [];
  for (const [index, item] of nested.entries()) {
    const name = `credential ${String(index + 1)}`;
    if (!isRecord(item) && typeof item !== 'string') {
      results.push({ name, result: { status: 'malformed', checks: [], summary: 'not a credential' } });
      continue;
    }
    results.push({ name, result: await context.verifyLinked(item, context.depth + 1) });
  }
  const failing = results.filter((r) => r.result.status !== 'verified');
  if (failing.length === 0) {
    checks.pass('nested', 'Credentials inside', `All ${String(nested.length)} credentials inside this record verified.`);
    return;
  }
  const order: VerificationStatus[] = ['malformed', 'invalid', 'revoked', 'expired', 'not-yet-valid', 'unverifiable', 'unsigned'];
  const worst = order.find((s) => failing.some((f) => f.result.status === s)) ?? 'unverifiable';
  const first = failing.find((f) => f.result.status === worst);
  const sentence = `${String(failing.length)} of the ${String(nested.length)} credentials inside this record did not verify; ${first?.name ?? ''} is ${worst}: ${first?.result.summary ?? ''}`;
  // An unsigned inner credential is not a fault of the record, but it is not vouched for either.
  if (worst === 'unsigned') checks.skip('nested', 'Credentials inside', sentence);
  else checks.fail('nested', 'Credentials inside', sentence, worst);
}

async function verifyBlockcerts(json: Json, credential: NormalizedCredential, context: VerifyContext, checks: Checks): Promise<void> {
  const version = credential.formatVersion;
  if (version === 'v2') {
    await verifyBlockcertsV2(json, context, checks);
    checkDates(checks, { fromName: 'issue date', untilName: 'expiry date', from: json.issuedOn, until: json.expires, allowDateOnly: true }, context.now);
    checkRecipient(credential.recipient, context.ownerEmails, checks);
    return;
  }
  if (version === 'v1') {
    blockchainOnly(json, checks);
    return;
  }
  // v3: a VC with MerkleProof2019 and/or Data Integrity co-proofs.
  const proofs = asArray(json.proof).filter(isRecord);
  const merkle = proofs.filter(isMerkleProof2019);
  const others = proofs.filter((p) => !merkle.includes(p));
  if (others.length > 0) {
    const outcome = await checkEmbeddedProofs({ ...json, proof: others }, context, checks);
    checkIssuerBinding(json.issuer, outcome.verifiedKeys, checks);
  }
  // Several Merkle proofs (one per anchoring) each cover the certificate with the proofs before them.
  for (const proof of merkle) await verifyMerkleProof2019(json, proof, context, checks);
  if (proofs.length === 0) checks.skip('signature', 'Signature', 'The certificate carries no proof: it is not signed.');
  checkW3cDates(json, context, checks);
  await checkStatus(json, context, checks);
}

export type { VerificationCheck };
export { idOf };
