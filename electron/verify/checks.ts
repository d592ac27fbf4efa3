import type { CheckEvidence, CheckId, VerificationCheck, VerificationMessage, VerificationStatus } from '../../shared/credential/verification';
import { englishOf, msg, summaryLeadOf, summaryMessageOf } from '../../shared/credential/verificationMessages';
import type { ContextLoader } from './canonize';
import type { DocumentResolver } from './documents';
import { isRecord } from '../../shared/jsonValue';
/** Re-exported for this module's many readers; its home is shared/jsonValue.ts. */
export { isRecord };

/**
 * What a check says: always a catalogue message, so that the app renders it in the reader's
 * language; its English is stored beside it as the sentence (what the CLI prints).
 */
export type Words = VerificationMessage;

function labelled(label: Words): Pick<VerificationCheck, 'label' | 'labelKey' | 'labelParams'> {
  return { label: englishOf(label), labelKey: label.key, ...(label.params ? { labelParams: label.params } : {}) };
}

function worded(sentence: Words): Pick<VerificationCheck, 'sentence' | 'message'> {
  return { sentence: englishOf(sentence), message: sentence };
}

/** A check label by key: `checkLabel('signature')` is "Signature". */
export function checkLabel(
  name:
    | 'structure'
    | 'signature'
    | 'revocation'
    | 'suspension'
    | 'dates'
    | 'recipient'
    | 'sealSignature'
    | 'sealTrust'
    | 'contexts'
    | 'hash'
    | 'merklePath'
    | 'anchor'
    | 'issuerKey'
    | 'claims'
    | 'webSite',
): VerificationMessage {
  return msg(`label.${name}`);
}

/** "Signature (proof 2 of 3)": the label of one proof among several, or the plain label for a lone proof. */
export function proofLabel(base: VerificationMessage, index: number, count: number): VerificationMessage {
  return count > 1 ? msg('label.proofOf', { label: base, index: index + 1, count }) : base;
}

/** The checks made so far for one credential, in the order they were made. */
export class Checks {
  readonly list: VerificationCheck[] = [];

  pass(id: CheckId, label: Words, sentence: Words, evidence?: CheckEvidence): void {
    this.list.push({ id, ...labelled(label), outcome: 'passed', ...worded(sentence), ...(evidence ? { evidence: clean(evidence) } : {}) });
  }

  fail(id: CheckId, label: Words, sentence: Words, implies: VerificationStatus, evidence?: CheckEvidence): void {
    this.list.push({ id, ...labelled(label), outcome: 'failed', ...worded(sentence), implies, ...(evidence ? { evidence: clean(evidence) } : {}) });
  }

  /** A check not made: `implies` when it was required (usually unverifiable), with what it needs. */
  skip(id: CheckId, label: Words, sentence: Words, implies?: VerificationStatus, needs?: string, evidence?: CheckEvidence): void {
    this.list.push({
      id,
      ...labelled(label),
      outcome: 'skipped',
      ...worded(sentence),
      ...(implies ? { implies } : {}),
      ...(needs ? { needs } : {}),
      ...(evidence ? { evidence: clean(evidence) } : {}),
    });
  }

  has(id: CheckId): boolean {
    return this.list.some((c) => c.id === id);
  }
}

function clean(evidence: CheckEvidence): CheckEvidence {
  const copy: CheckEvidence = {};
  for (const key of Object.keys(evidence) as (keyof CheckEvidence)[]) {
    const value = evidence[key];
    if (value !== undefined) Object.assign(copy, { [key]: value });
  }
  return copy;
}

/** A value from a credential, shown in a sentence. */
export function display(value: unknown): string {
  if (typeof value === 'string') return value;
  const json = JSON.stringify(value) as unknown;
  return typeof json === 'string' ? json : String(value);
}

/** What every check module needs: documents, contexts, the clock, and a way to verify a linked credential. */
export interface VerifyContext {
  readonly resolver: DocumentResolver;
  readonly contexts: ContextLoader;
  readonly now: Date;
  readonly ownerEmails: readonly string[];
  /** Verifies a credential found through another (a status list credential, a CLR's inner credential). */
  readonly verifyLinked: (json: Record<string, unknown> | string, depth: number) => Promise<LinkedResult>;
  readonly depth: number;
}

export interface LinkedResult {
  readonly status: VerificationStatus;
  readonly checks: readonly VerificationCheck[];
  readonly summary: string;
}

export function asArray(value: unknown): unknown[] {
  return value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];
}

export function typesOf(value: unknown): string[] {
  if (!isRecord(value)) return [];
  return asArray(value.type ?? value['@type']).filter((t): t is string => typeof t === 'string');
}

export function idOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (isRecord(value) && typeof value.id === 'string') return value.id;
  return undefined;
}

/** "did:key:z6MkhaXg…2doK": identifiers shortened for sentences (the evidence keeps them whole). */
export function short(id: string, max = 48): string {
  return id.length <= max ? id : `${id.slice(0, max - 12)}…${id.slice(-8)}`;
}

/** Where a document came from, as a phrase: "from your documents map", "fetched on 2 May 2025". */
export function originMessage(origin: string | undefined, fetchedAt?: string): VerificationMessage {
  switch (origin) {
    case 'documents-map':
      return msg('origin.documentsMap');
    case 'given':
      return msg('origin.givenBeside');
    case 'network':
      return fetchedAt ? msg('origin.network', { fetchedDate: fetchedAt }) : msg('origin.networkUndated');
    case 'cache':
      return fetchedAt ? msg('origin.cache', { fetchedDate: fetchedAt }) : msg('origin.cacheUndated');
    case 'bundled':
      return msg('origin.bundled');
    default:
      return msg('origin.credential');
  }
}

/**
 * A linked credential's verdict sentence (a status list's, a domain linkage credential's) as a
 * message: the one its English summary is made from (summaryOf, with no identity, as linked
 * credentials are judged). Every check speaks in messages, so there always is one; the lead
 * alone stands for a result whose deciding check is not among those given.
 */
export function linkedSummaryMessage(result: LinkedResult): VerificationMessage {
  return summaryMessageOf(result.status, result.checks) ?? summaryLeadOf(result.status);
}
