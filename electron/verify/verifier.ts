import type { NormalizedCredential } from '../../shared/credential/model';
import type { VerificationCheck, VerificationMessage, VerificationReport, VerificationStatus } from '../../shared/credential/verification';
import { createContextLoader } from './canonize';
import { englishOf, msg, statusWord } from '../../shared/credential/verificationMessages';
import { asArray, checkLabel, Checks, idOf, isRecord, linkedSummaryMessage, typesOf, type LinkedResult, type VerifyContext, type Words } from './checks';
import { checkEmbeddedProofs, checkIssuerBinding } from './dataIntegrity';
import { checkDates } from './dates';
import { checkDomainLinkage } from './domainLinkage';
import { judgeIssuerIdentity } from './issuerIdentity';
import { bundledRegistries, type IssuerRegistry } from './issuerRegistries';
import { DocumentResolver, type DocumentSource } from './documents';
import type { FetchCache } from './fetchCache';
import { checkBlockcertsIssuerKey } from './blockcertsIssuerKey';
import { verifyOb2Hosted, verifyOb2Signed } from './ob2';
import { checkRecipient } from './recipient';
import type { SafeFetchOptions } from './safeFetch';
import { checkSchemaConformance } from './schemaConformance';
import { checkStatus } from './statusList';
import { summaryMessageOf, summaryOf, verdictOf } from './verdict';
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
        // Who stands behind the key: the issuer's own web site may say (it needs the signature's outcome).
        await checkDomainLinkage(credential, makeContext(now, 0), checks);
      } catch (error) {
        checks.fail('structure', checkLabel('structure'), msg('engine.uncheckable', { error: error instanceof Error ? error.message : String(error) }), 'malformed');
      }
      const status = verdictOf(checks.list);
      const issuerIdentity = judgeIssuerIdentity({ credential, status, checks: checks.list, registries });
      return {
        status,
        checkedAt: checkedAt.toISOString(),
        now: now.toISOString(),
        network: options.network,
        summary: summaryOf(status, checks.list, issuerIdentity),
        ...withSummaryMessage(summaryMessageOf(status, checks.list, issuerIdentity)),
        checks: checks.list,
        issuerIdentity,
      };
    },
  };
}

/** The report's `summaryMessage`, when its sentence has one (exactOptionalPropertyTypes: no undefined value). */
function withSummaryMessage(message: VerificationMessage | undefined): { summaryMessage?: VerificationMessage } {
  return message ? { summaryMessage: message } : {};
}

async function verifyW3cLinked(item: Json | string, context: VerifyContext): Promise<LinkedResult> {
  const checks = new Checks();
  try {
    await verifyW3c(item, context, checks, false);
  } catch (error) {
    checks.fail('structure', checkLabel('structure'), msg('engine.linkedUncheckable', { error: error instanceof Error ? error.message : String(error) }), 'malformed');
  }
  const status = verdictOf(checks.list);
  return { status, checks: checks.list, summary: summaryOf(status, checks.list) };
}

async function dispatch(credential: NormalizedCredential, context: VerifyContext, checks: Checks): Promise<void> {
  const payload = credential.original.payload;
  if (credential.selfReported || credential.format === 'certificate') {
    checks.skip('signature', checkLabel('signature'), msg('engine.selfReported'));
    return;
  }
  if (payload === undefined) {
    checks.fail('structure', checkLabel('structure'), msg('engine.textMissing'), 'malformed');
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
      checks.skip('signature', checkLabel('sealSignature'), msg('engine.xades'), 'unverifiable', 'XAdES support');
      return;
    }
    if (credential.original.mediaType.includes('xml') || payload.trimStart().startsWith('<')) {
      // An ELM 2 credential in XML with no seal (the EU platform's own samples): nothing signed
      // to check, which makes it unsigned, not damaged; its dates as intake read them.
      checks.skip('signature', checkLabel('signature'), msg('engine.noProof'));
      checkDates(checks, { fromName: 'issue date', untilName: 'expiry date', from: credential.issuedOn, until: credential.expires, allowDateOnly: true }, context.now);
      return;
    }
    const json = parseJson(payload);
    if (!isRecord(json)) {
      checks.fail('structure', checkLabel('structure'), msg('engine.europassNotJson'), 'malformed');
      return;
    }
    if (typeof json.payload === 'string' && Array.isArray(json.signatures)) {
      // Loaded here (with the trust-list XML reader) rather than with every verification: see verifyBlockcerts.
      const { verifyJades } = await import('./jades');
      const inner = await verifyJades(json, context, checks);
      if (inner) checkW3cDates(inner, context, checks);
      return;
    }
    await verifyW3c(json, context, checks, true);
    return;
  }
  if (credential.format === 'blockcerts') {
    const json = parseJson(payload);
    if (!isRecord(json)) {
      checks.fail('structure', checkLabel('structure'), msg('engine.certificateNotJson'), 'malformed');
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
      checks.fail('structure', checkLabel('structure'), msg('engine.notJson'), 'malformed');
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
 * What the W3C data model (and the OB 3.0 / CLR 2.0 data models) require of every credential
 * before anything it says can be vouched for: an issuer identified by an id, and a subject. A
 * signature over a credential that names no issuer proves only that someone signed it.
 */
function hasRequiredProperties(json: Json, checks: Checks): boolean {
  const issuer = json.issuer;
  const issuerId = typeof issuer === 'string' ? issuer : isRecord(issuer) && typeof issuer.id === 'string' ? issuer.id : undefined;
  const problem =
    issuer === undefined ? msg('engine.noIssuer') : !issuerId ? msg('engine.issuerNoId') : asArray(json.credentialSubject).length === 0 ? msg('engine.noSubject') : undefined;
  if (!problem) return true;
  checks.fail('structure', checkLabel('structure'), problem, 'malformed');
  return false;
}

/** A W3C VC given as JSON (embedded proofs) or as a VC-JWT; with its CLR children when top-level. */
async function verifyW3c(item: Json | string, context: VerifyContext, checks: Checks, topLevel: boolean): Promise<void> {
  let json: Json;
  // What the OB 3.0 / CLR 2.0 schemas judge: the credential as written (a VC-JWT's `vc` claim or
  // payload, before its nbf/exp are read in), with the JWT's claims for what VC-JWT 1.1 lets them state.
  let written: Json;
  let jwtClaims: Json | undefined;
  if (typeof item === 'string') {
    const reading = await checkVcJwt(item, context, checks);
    if (!reading) return;
    json = reading.credential;
    written = json;
    jwtClaims = reading.claims;
    // VC-JWT 1.1 states the dates as claims; they count when the credential omits them.
    const nbf = typeof reading.claims.nbf === 'number' ? new Date(reading.claims.nbf * 1000).toISOString() : undefined;
    const exp = typeof reading.claims.exp === 'number' ? new Date(reading.claims.exp * 1000).toISOString() : undefined;
    json = {
      ...json,
      ...(json.validFrom === undefined && json.issuanceDate === undefined && nbf ? { validFrom: nbf } : {}),
      ...(json.validUntil === undefined && json.expirationDate === undefined && exp ? { validUntil: exp } : {}),
    };
  } else {
    json = item;
    written = json;
    if (!hasRequiredProperties(json, checks)) return;
    if (asArray(json.proof).length === 0) {
      checks.skip('signature', checkLabel('signature'), msg('engine.noProof'));
    } else {
      const outcome = await checkEmbeddedProofs(json, context, checks);
      checkIssuerBinding(json.issuer, outcome.verifiedKeys, checks);
    }
  }
  checkW3cDates(json, context, checks);
  await checkStatus(json, context, checks);
  // After the signature, dates and status: a reader (and storeCredential's "why worse") meets those first.
  await checkSchemaConformance(written, checks, jwtClaims);
  if (topLevel && typesOf(json).includes('ClrCredential')) await checkNested(json, context, checks);
}

/** Every credential a CLR carries is verified on its own; the worst of them counts for the CLR. */
async function checkNested(json: Json, context: VerifyContext, checks: Checks): Promise<void> {
  const subject = asArray(json.credentialSubject).find(isRecord);
  const nested = asArray(subject?.verifiableCredential);
  if (nested.length === 0) return;
  const results: { index: number; result: LinkedResult; summary: VerificationMessage }[] = [];
  for (const [index, item] of nested.entries()) {
    if (!isRecord(item) && typeof item !== 'string') {
      const summary = msg('nested.notCredential');
      results.push({ index: index + 1, result: { status: 'malformed', checks: [], summary: englishOf(summary) }, summary });
      continue;
    }
    const result = await context.verifyLinked(item, context.depth + 1);
    results.push({ index: index + 1, result, summary: linkedSummaryMessage(result) });
  }
  const failing = results.filter((r) => r.result.status !== 'verified');
  if (failing.length === 0) {
    checks.pass('nested', msg('label.nested'), msg('nested.allVerified', { count: nested.length }));
    return;
  }
  const order: VerificationStatus[] = ['malformed', 'invalid', 'revoked', 'expired', 'not-yet-valid', 'unverifiable', 'unsigned'];
  const worst = order.find((s) => failing.some((f) => f.result.status === s)) ?? 'unverifiable';
  const first = failing.find((f) => f.result.status === worst);
  // `first` is one of `failing`, which holds the worst status by construction.
  const reason = first ?? failing[0] ?? results[0];
  if (!reason) return;
  const sentence: Words = msg('nested.someFailed', {
    failing: failing.length,
    count: nested.length,
    name: msg('nested.name', { index: reason.index }),
    status: statusWord(worst),
    summary: reason.summary,
  });
  // An unsigned inner credential is not a fault of the record, but it is not vouched for either.
  if (worst === 'unsigned') checks.skip('nested', msg('label.nested'), sentence);
  else checks.fail('nested', msg('label.nested'), sentence, worst);
}

async function verifyBlockcerts(json: Json, credential: NormalizedCredential, context: VerifyContext, checks: Checks): Promise<void> {
  // Blockcerts' Merkle receipts (and their CBOR decoder) are loaded only for Blockcerts: a CLI run
  // on Open Badges then loads ~70 KB less code.
  const { blockchainOnly, isMerkleProof2019, verifyBlockcertsV2, verifyMerkleProof2019 } = await import('./merkleProof');
  const version = credential.formatVersion;
  if (version === 'v2') {
    await verifyBlockcertsV2(json, context, checks);
    await checkBlockcertsIssuerKey(json, 'MerkleProof2017', undefined, context, checks);
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
  if (merkle[0]) await checkBlockcertsIssuerKey(json, 'MerkleProof2019', merkle[0], context, checks);
  if (proofs.length === 0) checks.skip('signature', checkLabel('signature'), msg('engine.certificateNoProof'));
  checkW3cDates(json, context, checks);
  await checkStatus(json, context, checks);
}

export type { VerificationCheck };
export { idOf };
