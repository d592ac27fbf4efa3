import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { DetailsState, NormalizedCredential } from '../../../shared/credential/model';
import type { IntakeOutcome } from '../../../shared/credential/intakeOutcome';
import type { IssuerIdentity, VerificationCheck, VerificationMessage, VerificationReport, VerificationStatus } from '../../../shared/credential/verification';
import { englishOf, msg } from '../../../shared/credential/verificationMessages';
import { FillIn } from '../../core/fillIn';
import { DocumentsBeside, withDocumentsBeside } from '../../core/documentsBeside';
import { Intake } from '../../intake/intake';
import { environmentLanguage } from '../../intake/formats/preferredLanguage';
import { readInputFiles } from '../../intake/inputFiles';
import { defaultIntakeLimits } from '../../intake/limits';
import type { PoolConfig } from '../../verify/poolConfig';
import { registriesFromConfig } from '../../verify/poolConfig';
import { RegistryFormatError, type IssuerRegistry } from '../../verify/issuerRegistries';
import type { SafeFetchOptions, TestNetwork } from '../../verify/safeFetch';
import { createVerifier, type Verifier } from '../../verify/verifier';
import { verifyInOrder } from '../../verify/verifyInOrder';
import { UsageError, type CliCommand } from '../command';
import { knownName, nameOrWhy } from '../credentialNames';
import { walletWords } from '../walletWords';
import { readDocumentsMaps } from '../linkedDetails';
import { networkOptions, networkOptionsHelp, networkUse } from '../networkOption';
import { savedLanguage } from '../savedLanguage';
import { parseCommand, walletFolder } from '../vaultOptions';
import type { ResultMessages, ShownResult } from '../verifyReport';

const help = `Usage: badgefolio verify <file|dir>... [--json] [--language en|de] [--offline|--online] [--now ISO] [--documents MAP.json]

Verifies every credential in the given files and folders (folders and .zip
archives are read recursively) and says, for each, what was checked and with what.

What a credential links to is filled in first, as badgefolio import does: an Open
Badges 2.0 badge baked by Badgr, Canvas, OBF or Moodle carries only the addresses of its
badge and issuer, whose name and details are read from the documents given (--documents,
and documents given among the files: Open Badges 2.0 BadgeClass, issuer profile, key and
revocation list files, Blockcerts issuer profiles) or, online, fetched (at most 4 requests
per host). Otherwise it is shown as "details not fetched", never under a made-up name. Such
documents are not credentials: their status is not-a-credential, and they count neither
for nor against the exit code.

  --json            one JSON array of results (file, format, id, name (null when the
                    credential has none: see details), issuer {id, name}, status,
                    issuerIdentity, summary, checks, details (fetched, not-fetched,
                    incomplete) and problems where the credential links to documents)
${networkOptionsHelp}
  --now ISO         judge dates against this time (e.g. 2025-06-01T00:00:00Z), not the clock
  --documents FILE  a JSON map of URLs and DIDs to local files (paths relative to the map),
                    used instead of the network: pre-fetched documents for air-gapped use;
                    may be given more than once
  --email ADDRESS   one of your e-mail addresses, to match hashed badge recipients locally;
                    may be given more than once
  --registry FILE   a known-issuer registry of your own (the DCC format: {"registry":
                    {DID: {name, location, url}}}), consulted before the bundled DCC
                    registries; may be given more than once
  --language en|de  the language of the report (default: the app's language setting); --json
                    keeps the codes and English sentences
  --threads N       worker threads that verify beside this one (default: chosen from the
                    number of credentials and cores; 0: this thread only)

Online, documents are fetched over https only, with timeouts and size caps, never from
private or loopback addresses.
Statuses: verified, invalid, expired, not-yet-valid, revoked, unverifiable, unsigned, malformed,
not-a-credential.
Each result also says who stands behind the signing key (issuerIdentity.level): registry (the
issuer's DID is on a known-issuer registry), domain (the key is published at a web address),
trust-list, or unconfirmed (the issuer's name is only the signer's own claim).
Exit code: 0 when every credential is verified, 1 otherwise, 2 on usage errors.`;

export interface VerifyResult {
  readonly file: string;
  readonly format: string;
  readonly id: string;
  /** Null when the credential names itself nowhere, or its name lives at its issuer and was not had (`details`). */
  readonly name: string | null;
  /** The issuer as the credential names it (filled in from its issuer's documents where it links to them). */
  readonly issuer: { readonly id: string | null; readonly name: string | null };
  /** `not-a-credential`: a file that awards nothing (a BadgeClass, an issuer profile, a picture). */
  readonly status: VerificationStatus | 'not-a-credential';
  /** Who stands behind the key, and how sure that is (see IssuerIdentity). */
  readonly issuerIdentity?: {
    readonly level: IssuerIdentity['level'];
    readonly name: string | null;
    readonly source: string | null;
    readonly asOf: string | null;
    readonly sentence: string;
  };
  readonly summary: string;
  readonly checkedAt?: string;
  readonly now?: string;
  readonly checks: readonly VerificationCheck[];
  /** Whether what the credential links to was had: present only for credentials that link to documents. */
  readonly details?: DetailsState;
  /** One sentence for each linked document that could not be had. */
  readonly problems?: readonly string[];
}

/** A result with what it says as messages, for the human report in German (`said`, left out of --json). */
type SaidResult = VerifyResult & { readonly said?: ResultMessages | undefined };

/**
 * What only tests give the command: the loopback internet and shorter timeouts. The command
 * the CLI runs (`verifyCommand`) is made without them, and no flag, setting or environment
 * variable reaches them.
 */
export interface VerifyCommandDependencies {
  readonly testNetwork?: TestNetwork;
  readonly fetchOptions?: Pick<SafeFetchOptions, 'timeoutMs' | 'maxBytes' | 'maxRedirects'>;
}

/**
 * A slot of the results, in input order: a result already, a credential still to verify, or a
 * document given beside the credentials (said once they are filled in: whether it served one).
 */
type Slot =
  SaidResult | { readonly file: string; credential: NormalizedCredential } | { readonly file: string; readonly document: IntakeOutcome & { outcome: 'not-a-credential' } };

/**
 * A worker thread pays for itself only with this many credentials to verify: in a fresh
 * process, starting one and warming its compiler costs about as much as verifying a few hundred
 * credentials (measured on 2 cores: this thread alone and one worker helped by this thread break
 * even at 1,600 credentials, and this thread alone is 0.2 s faster at 400).
 */
const credentialsPerWorker = 800;

function workerThreads(count: number, requested: number | undefined): number {
  if (requested !== undefined) return requested;
  return Math.max(0, Math.min(availableParallelism() - 1, Math.floor(count / credentialsPerWorker)));
}

function failedIntake(file: string, reason: string, format?: string, reasonMessage?: VerificationMessage): SaidResult {
  return {
    said: reasonMessage ? { summary: msg('summary.withReason', { lead: msg('summary.lead.malformed'), reason: reasonMessage }), reason: reasonMessage } : undefined,
    file,
    format: format ?? 'unknown',
    id: '',
    // Nothing was read that names it: the file says which it is, a name would be made up.
    name: null,
    issuer: { id: null, name: null },
    status: 'malformed',
    summary: `Damaged or not a conformant credential: ${reason}`,
    checks: [{ id: 'structure', label: 'Structure', outcome: 'failed', sentence: reason, implies: 'malformed' }],
  };
}

/** A file that awards nothing: neither damaged nor a credential. */
function notACredential(outcome: {
  readonly file: string;
  readonly reason: string;
  readonly reasonMessage?: VerificationMessage | undefined;
  readonly format?: NormalizedCredential['format'] | undefined;
}): SaidResult {
  return {
    said: outcome.reasonMessage ? { summary: msg('intake.notACredentialSummary', { reason: outcome.reasonMessage }) } : undefined,
    file: outcome.file,
    format: outcome.format ?? 'unknown',
    // Not a credential, so no credential id.
    id: '',
    name: null,
    issuer: { id: null, name: null },
    status: 'not-a-credential',
    summary: `Not a credential: ${outcome.reason}`,
    checks: [],
  };
}

export function makeVerifyCommand(dependencies: VerifyCommandDependencies = {}): CliCommand {
  return {
    name: 'verify',
    help,
    async run(args, io) {
      const parsed = parseCommand(args, {
        json: { type: 'boolean', default: false },
        ...networkOptions,
        now: { type: 'string' },
        documents: { type: 'string', multiple: true },
        email: { type: 'string', multiple: true },
        threads: { type: 'string' },
        registry: { type: 'string', multiple: true },
        language: { type: 'string' },
      });
      if (parsed.positionals.length === 0) throw new UsageError((w) => w.giveFiles('verify'));
      const { language: chosen } = parsed.values;
      if (chosen !== undefined && chosen !== 'en' && chosen !== 'de') throw new UsageError((w) => w.languageIs);
      const language = chosen ?? savedLanguage(walletFolder(undefined, io));
      let now: string | undefined;
      if (parsed.values.now !== undefined) {
        const date = new Date(parsed.values.now);
        if (Number.isNaN(date.getTime()) || !/^\d{4}-\d\d-\d\d/.test(parsed.values.now)) throw new UsageError((w) => w.nowIso);
        now = date.toISOString();
      }
      let threads: number | undefined;
      if (parsed.values.threads !== undefined) {
        threads = Number(parsed.values.threads);
        if (!/^\d{1,3}$/.test(parsed.values.threads) || threads > 256) throw new UsageError((w) => w.threads);
      }
      const documentsMapFiles = (parsed.values.documents ?? []).map((file) => path.resolve(io.cwd, file));
      for (const file of documentsMapFiles) {
        if (!existsSync(file)) throw new UsageError((w) => w.documentsMapMissing(file));
      }
      const maps = readDocumentsMaps(documentsMapFiles);
      const network = networkUse(parsed.values, io);
      const config: PoolConfig = {
        network,
        ...(now ? { now } : {}),
        ownerEmails: parsed.values.email ?? [],
        documentsMapFiles,
        registryFiles: (parsed.values.registry ?? []).map((file) => path.resolve(io.cwd, file)),
        // Only the test suite sets this, to reach its loopback status-list server.
        allowPrivateNetworkForTests: io.env.BADGEFOLIO_TEST_ALLOW_PRIVATE_NETWORK === '1',
      };
      let registries: readonly IssuerRegistry[];
      try {
        registries = registriesFromConfig(config);
      } catch (error) {
        throw new UsageError((w) => (error instanceof RegistryFormatError ? w.registry(error.message) : w.badArguments(String(error))));
      }

      const inputs = parsed.positionals.map((p) => ({ path: path.resolve(io.cwd, p), label: p }));
      const onWorkerFailure = (error: Error): void => {
        io.stderr(`badgefolio: verifying in fewer threads than planned (a worker stopped: ${error.message.split('\n')[0] ?? ''}).\n`);
      };
      // Names given in several languages (Europass) are read in the language of the user's locale.
      const intake = new Intake(defaultIntakeLimits, { language: environmentLanguage(io.env) });
      const beside = new DocumentsBeside();
      const slots: Slot[] = [];
      for await (const input of readInputFiles(inputs, defaultIntakeLimits, { blocking: true })) {
        if (input.kind === 'unreadable') {
          slots.push(failedIntake(input.name, input.reason, undefined, input.reasonMessage));
          continue;
        }
        for (const outcome of await intake.inspect({ name: input.name, bytes: input.bytes })) {
          if (outcome.outcome === 'recognised') slots.push({ file: outcome.file, credential: outcome.credential });
          else if (outcome.outcome === 'not-a-credential') {
            // A BadgeClass, issuer profile, key or revocation list serves the credentials beside it.
            if (beside.add(outcome)) slots.push({ file: outcome.file, document: outcome });
            else slots.push(notACredential(outcome));
          } else if (outcome.outcome === 'offer-found') slots.push(notACredential(outcome));
          else slots.push(failedIntake(outcome.file, outcome.reason, outcome.format, outcome.reasonMessage));
        }
      }

      // What credentials link to is filled in as import does it (one FillIn for the batch: every
      // address once, at most 4 requests per host), then verified with the same documents.
      const fetchOptions: SafeFetchOptions = { ...dependencies.fetchOptions, ...(dependencies.testNetwork ? { testNetwork: dependencies.testNetwork } : {}) };
      const fillIn = new FillIn({ fetch: network === 'allowed', documents: withDocumentsBeside(maps, beside), fetchOptions, pictures: false });
      const pendingSlots = slots.filter((s): s is Extract<Slot, { credential: NormalizedCredential }> => 'credential' in s);
      await Promise.all(
        pendingSlots.map(async (slot) => {
          // A credential that cannot be filled in is verified as it came.
          slot.credential = await fillIn.fill(slot.credential).catch(() => slot.credential);
        }),
      );
      const credentials = pendingSlots.map((s) => s.credential);
      const inThread: Verifier = createVerifier({
        network,
        documents: fillIn.documents,
        ...(now ? { now: new Date(now) } : {}),
        ownerEmails: config.ownerEmails ?? [],
        allowPrivateNetworkForTests: config.allowPrivateNetworkForTests === true,
        registries,
        fetchOptions,
      });
      const size = workerThreads(credentials.length, threads);
      // Workers read the maps themselves and are handed what this thread obtained (with its dates).
      // The pool (and node:worker_threads) is loaded only when workers will run: most runs verify in this thread.
      const pool =
        size > 0 ? new (await import('../../verify/workerPool')).VerifierPool({ ...config, obtainedDocuments: fillIn.obtainedDocuments() }, { size, onWorkerFailure }) : undefined;
      try {
        // Failures are kept as values: a report awaited later must not leave a rejection unhandled now.
        const asOutcome = (report: Promise<VerificationReport>) => report.catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
        // Without workers, a few checks are under way at once on this thread (verifyInOrder).
        const pending: readonly (Promise<VerificationReport | Error> | undefined)[] = pool
          ? credentials.map((credential) => asOutcome(pool.verify(credential)))
          : verifyInOrder(inThread, credentials);
        // This thread verifies its share too: the workers take from the front, it from the back.
        await pool?.helpWith(inThread);
        let next = 0;
        const results: ShownResult[] = [];
        // Each verified result's report, for its sentences in the reader's language.
        const reports = new Map<ShownResult, VerificationReport>();
        for (const slot of slots) {
          if ('document' in slot) {
            results.push({ ...notACredential(beside.reported(slot.document)), shownName: '' });
            continue;
          }
          if (!('credential' in slot)) {
            results.push({ ...slot, shownName: '' });
            continue;
          }
          const report = await (pending[next++] ?? asOutcome(inThread.verify(slot.credential)));
          if (report instanceof Error) {
            const failed = failedIntake(slot.file, englishOf(msg('intake.notVerified')), undefined, msg('intake.notVerified'));
            results.push({ ...failed, shownName: '' });
            continue;
          }
          const credential = slot.credential;
          const result: ShownResult = {
            file: slot.file,
            format: credential.format,
            id: credential.id ?? credential.identity,
            name: knownName(credential),
            issuer: { id: credential.issuer.id ?? null, name: credential.issuer.name ?? null },
            status: report.status,
            ...(report.issuerIdentity
              ? {
                  issuerIdentity: {
                    level: report.issuerIdentity.level,
                    name: report.issuerIdentity.name,
                    source: report.issuerIdentity.source,
                    asOf: report.issuerIdentity.asOf,
                    sentence: report.issuerIdentity.sentence,
                  },
                }
              : {}),
            summary: report.summary,
            checkedAt: report.checkedAt,
            now: report.now,
            checks: report.checks,
            ...(credential.linked ? { details: credential.linked.state, problems: credential.linked.problems } : {}),
            shownName: nameOrWhy(credential, walletWords(language)),
          };
          results.push(result);
          reports.set(result, report);
        }
        // The human report is loaded only to be shown: with it, --json loaded the PDF words and
        // pdf-lib too (~0.8 MB of code: ~40 ms of this thread's CPU in every run, measured) for nothing.
        io.stdout(
          parsed.values.json
            ? `${JSON.stringify(
                results.map(({ shownName: _shown, said: _said, ...result }) => result),
                null,
                2,
              )}\n`
            : (await import('../verifyReport')).humanReport(results, reports, language),
        );
        // Documents given beside the credentials are neither credentials nor failures.
        const judged = results.filter((r, index) => !('document' in (slots[index] ?? {})));
        return judged.length > 0 && judged.every((r) => r.status === 'verified') ? 0 : 1;
      } finally {
        await pool?.close();
      }
    },
  };
}

export const verifyCommand: CliCommand = makeVerifyCommand();
