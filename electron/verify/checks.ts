import type { CheckEvidence, CheckId, VerificationCheck, VerificationStatus } from '../../shared/credential/verification';
import type { ContextLoader } from './canonize';
import type { DocumentResolver } from './documents';

/** The checks made so far for one credential, in the order they were made. */
export class Checks {
  readonly list: VerificationCheck[] = [];

  pass(id: CheckId, label: string, sentence: string, evidence?: CheckEvidence): void {
    this.list.push({ id, label, outcome: 'passed', sentence, ...(evidence ? { evidence: clean(evidence) } : {}) });
  }

  fail(id: CheckId, label: string, sentence: string, implies: VerificationStatus, evidence?: CheckEvidence): void {
    this.list.push({ id, label, outcome: 'failed', sentence, implies, ...(evidence ? { evidence: clean(evidence) } : {}) });
  }

  /** A check not made: `implies` when it was required (usually unverifiable), with what it needs. */
  skip(id: CheckId, label: string, sentence: string, implies?: VerificationStatus, needs?: string, evidence?: CheckEvidence): void {
    this.list.push({
      id,
      label,
      outcome: 'skipped',
      sentence,
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

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
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

/** "3 March 2024", as a person reads a date (UTC, so every machine says the same). */
const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

export function humanDate(date: Date): string {
  // One shared formatter: building one per call costs more than the rest of a JWT check.
  return dateFormat.format(date);
}

/** Where a document came from, for a sentence: "from your documents map", "fetched on 2 May 2025". */
export function originPhrase(origin: string | undefined, fetchedAt?: string): string {
  switch (origin) {
    case 'documents-map':
      return 'from the documents you supplied';
    case 'network':
      return `fetched on ${fetchedAt ? humanDate(new Date(fetchedAt)) : 'this run'}`;
    case 'cache':
      return `as last fetched on ${fetchedAt ? humanDate(new Date(fetchedAt)) : 'an earlier date'}`;
    case 'bundled':
      return 'from the copy built into Badgefolio';
    default:
      return 'from the credential itself';
  }
}
