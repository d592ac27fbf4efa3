import type { NormalizedCredential } from '../../shared/credential/model';
import type { ConsentAnswer, ConsentQuestion, ReceivedOutcome, ReceiveResult } from '../../shared/credential/receiving';
import type { VerificationMessage, VerificationReport } from '../../shared/credential/verification';
import { englishOf, msg, reportSummaryMessage } from '../../shared/credential/verificationMessages';
import { isRecord } from '../../shared/jsonValue';
import { Intake } from '../intake/intake';
import { defaultIntakeLimits } from '../intake/limits';
import { walletHolderKey, walletIdentifier } from '../receive/holderKey';
import { receiveFromLink } from '../receive/receiveFromLink';
import { ReceiveError, ReceiveNetwork } from '../receive/receiveNetwork';
import type { ReceivedItem } from '../receive/receiveSession';
import type { Vault } from '../vault/vault';
import { base64UrlDecode } from '../verify/multibase';
import { registriesFromConfig } from '../verify/poolConfig';
import type { SafeFetchOptions } from '../verify/safeFetch';
import { createVerifier, type Verifier } from '../verify/verifier';
import { FillIn, keptFor } from './fillIn';
import { storeCredential } from './storeCredential';
import { VaultFetchCache } from './vaultFetchCache';

/**
 * Receiving credentials from a link, for the app and `badgefolio receive` alike: the link's
 * protocol runs (electron/receive), asking `ask` before anything of the user's is sent, and
 * every credential that comes back goes through the one import routine files go through
 * (intake, fill-in, verification, trust findings, `storeCredential` and its no-downgrade rule).
 *
 * Received credentials are held to more than files: one the issuer did not bind to this
 * wallet (its subject is another DID), one of another type than offered, or one that fails
 * verification (invalid, malformed) is not stored at all: the issuer answered wrongly.
 */
export interface ReceiveCredentialsOptions {
  readonly vault: Vault;
  /** Whether verification may fetch what the credentials link to (the user's network setting). */
  readonly verification: 'offline' | 'allowed';
  /** Timeouts and caps; the loopback internet in tests, developer hosts from `receive --dev-host`. */
  readonly fetchOptions?: SafeFetchOptions;
  /** The user's language, for names given in several. */
  readonly language?: string;
  /** Opens the issuer's sign-in page in the system browser (offers that need a sign-in); without it they are refused. */
  readonly openBrowser?: (url: string) => Promise<void>;
  readonly signInTimeoutMs?: number;
}

export { walletIdentifier };

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function bytesOf(item: ReceivedItem): { bytes: Uint8Array; extension: string } {
  if (item.credential instanceof Uint8Array) return { bytes: item.credential, extension: '' };
  if (typeof item.credential === 'string') return { bytes: encoder.encode(item.credential), extension: '.jwt' };
  return { bytes: encoder.encode(JSON.stringify(item.credential)), extension: '.json' };
}

/** The subject DIDs a credential names (JSON-LD, or a VC-JWT's `vc` / `sub`). */
function subjectIds(credential: unknown): string[] {
  let json: unknown = credential;
  if (typeof credential === 'string') {
    const payload = base64UrlDecode(credential.split('.')[1] ?? '');
    try {
      const claims = payload ? (JSON.parse(decoder.decode(payload)) as unknown) : undefined;
      json = isRecord(claims) ? (isRecord(claims.vc) ? { ...claims.vc, sub: claims.sub } : claims) : undefined;
    } catch {
      return [];
    }
  }
  if (!isRecord(json)) return [];
  const subjects = Array.isArray(json.credentialSubject) ? json.credentialSubject : [json.credentialSubject];
  const ids = subjects.map((s) => (isRecord(s) ? s.id : undefined)).filter((id): id is string => typeof id === 'string');
  if (ids.length === 0 && typeof json.sub === 'string') ids.push(json.sub);
  return ids;
}

/** Why a received credential is the wrong one, or undefined. */
function wrongCredential(item: ReceivedItem, credential: NormalizedCredential, holderDid: string): VerificationMessage | undefined {
  if (item.fromWebAddress) return undefined;
  const others = subjectIds(item.credential).filter((id) => id.startsWith('did:') && id !== holderDid);
  if (others.length > 0) return msg('receive.wrongSubject', { other: others[0] ?? '', holder: holderDid });
  const missing = item.expectedTypes.filter((type) => !credential.types.includes(type));
  if (missing.length > 0) return msg('receive.wrongType', { types: missing.join(', ') });
  return undefined;
}

/** A reason, in English and as a message. */
function because(reasonMessage: VerificationMessage): { reason: string; reasonMessage: VerificationMessage } {
  return { reason: englishOf(reasonMessage), reasonMessage };
}

const refusedStatuses = new Set(['invalid', 'malformed']);

/** A verifier that remembers the report it gave for a content hash, so storing does not check twice. */
function remembering(verifier: Verifier): Verifier & { readonly reports: Map<string, VerificationReport> } {
  const reports = new Map<string, VerificationReport>();
  return {
    reports,
    async verify(credential) {
      const known = reports.get(credential.contentHash);
      if (known) return known;
      const report = await verifier.verify(credential);
      reports.set(credential.contentHash, report);
      return report;
    },
  };
}

function identityOf(report: VerificationReport | undefined): ReceivedOutcome['issuerIdentity'] {
  const identity = report?.issuerIdentity;
  return identity ? { level: identity.level, name: identity.name, source: identity.source, asOf: identity.asOf } : undefined;
}

async function importItems(items: readonly ReceivedItem[], options: ReceiveCredentialsOptions, holderDid: string): Promise<ReceivedOutcome[]> {
  const { vault } = options;
  const fetchOptions = options.fetchOptions ?? {};
  const cache = new VaultFetchCache(() => vault);
  const fillIn = new FillIn({ fetch: options.verification === 'allowed', cache, fetchOptions });
  const verifier = remembering(
    createVerifier({ network: options.verification, documents: fillIn.documents, cache, fetchOptions, registries: registriesFromConfig({ network: options.verification }) }),
  );
  const intake = new Intake(defaultIntakeLimits, { language: options.language });
  const outcomes: ReceivedOutcome[] = [];
  for (const [index, item] of items.entries()) {
    const { bytes, extension } = bytesOf(item);
    const name = item.fromWebAddress ? item.label : `${item.label} (${String(index + 1)})${extension}`;
    for (const read of await intake.inspect({ name, bytes })) {
      if (read.outcome !== 'recognised') {
        // An issuer that answers with a picture of another offer's QR code gave no credential.
        outcomes.push({
          outcome: read.outcome === 'offer-found' ? 'not-a-credential' : read.outcome,
          reason: read.reason,
          ...(read.reasonMessage ? { reasonMessage: read.reasonMessage } : {}),
        });
        continue;
      }
      const wrong = wrongCredential(item, read.credential, holderDid);
      if (wrong) {
        outcomes.push({ outcome: 'malformed', name: read.credential.name, ...because(wrong) });
        continue;
      }
      const filled = await fillIn.fill(read.credential, keptFor(vault, read.credential)).catch(() => read.credential);
      const report = await verifier.verify(filled);
      if (refusedStatuses.has(report.status)) {
        const summary = reportSummaryMessage(report) ?? msg('receive.detail', { detail: report.summary });
        outcomes.push({ outcome: 'malformed', name: filled.name, status: report.status, ...because(msg('receive.doesNotCheck', { summary })) });
        continue;
      }
      const stored = await storeCredential(vault, verifier, filled);
      const finalReport = stored.report ?? report;
      outcomes.push({
        outcome: stored.outcome,
        id: stored.id,
        name: filled.name,
        status: finalReport.status,
        ...(identityOf(finalReport) ? { issuerIdentity: identityOf(finalReport) } : {}),
        ...(stored.reason ? { reason: stored.reason } : {}),
        ...(stored.reasonMessage ? { reasonMessage: stored.reasonMessage } : {}),
      });
    }
  }
  return outcomes;
}

/**
 * Receives what `link` offers into the wallet. `ask` renders the consent question (the app's
 * dialog, the CLI's prompt, `--yes`); nothing of the user's is sent unless it answers yes.
 * Never throws for a bad link, an odd issuer or a refusal: the result says what happened.
 */
export async function receiveCredentials(link: string, ask: (question: ConsentQuestion) => Promise<ConsentAnswer>, options: ReceiveCredentialsOptions): Promise<ReceiveResult> {
  const fetchOptions = options.fetchOptions ?? {};
  const holder = walletHolderKey(options.vault);
  let receipt;
  try {
    receipt = await receiveFromLink(
      {
        network: new ReceiveNetwork(fetchOptions),
        fetchOptions,
        holder,
        ask,
        ...(options.openBrowser ? { openBrowser: options.openBrowser } : {}),
        ...(options.signInTimeoutMs === undefined ? {} : { signInTimeoutMs: options.signInTimeoutMs }),
        registries: registriesFromConfig({ network: options.verification }),
      },
      link,
    );
  } catch (error) {
    if (error instanceof ReceiveError) return { state: 'failed', ...because(error.reasonMessage) };
    throw error;
  }
  if (receipt.items === 'declined') return { state: 'declined', issuerHost: receipt.issuerHost };
  return { state: 'received', issuerHost: receipt.issuerHost, outcomes: await importItems(receipt.items, options, holder.did) };
}
