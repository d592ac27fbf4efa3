import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { NormalizedCredential } from '../../../shared/credential/model';
import type { IssuerIdentity, VerificationCheck, VerificationReport, VerificationStatus } from '../../../shared/credential/verification';
import { Intake } from '../../intake/intake';
import { environmentLanguage } from '../../intake/formats/preferredLanguage';
import { readInputFiles } from '../../intake/inputFiles';
import { defaultIntakeLimits } from '../../intake/limits';
import type { PoolConfig } from '../../verify/poolConfig';
import { verifierFromConfig } from '../../verify/poolConfig';
import { RegistryFormatError } from '../../verify/issuerRegistries';
import type { Verifier } from '../../verify/verifier';
import { VerifierPool } from '../../verify/workerPool';
import { UsageError, type CliCommand } from '../command';
import { networkOptions, networkOptionsHelp, networkUse } from '../networkOption';
import { renderTable } from '../table';

const help = `Usage: badgefolio verify <file|dir>... [--json] [--offline|--online] [--now ISO] [--documents MAP.json]

Verifies every credential in the given files and folders (folders and .zip
archives are read recursively) and says, for each, what was checked and with what.

  --json            one JSON array of results (file, format, id, name, status, checks)
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
  --threads N       worker threads that verify beside this one (default: chosen from the
                    number of credentials and cores; 0: this thread only)

Online, documents are fetched over https only, with timeouts and size caps, never from
private or loopback addresses.
Statuses: verified, invalid, expired, not-yet-valid, revoked, unverifiable, unsigned, malformed.
Each result also says who stands behind the signing key (issuerIdentity.level): registry (the
issuer's DID is on a known-issuer registry), domain (the key is published at a web address),
trust-list, or unconfirmed (the issuer's name is only the signer's own claim).
Exit code: 0 when every credential is verified, 1 otherwise, 2 on usage errors.`;

export interface VerifyResult {
  readonly file: string;
  readonly format: string;
  readonly id: string;
  readonly name: string;
  /** The issuer as the credential names it. */
  readonly issuer: { readonly id: string | null; readonly name: string | null };
  readonly status: VerificationStatus;
  /** Who stands behind the key, and how sure that is (see IssuerIdentity). */
  readonly issuerIdentity?: { readonly level: IssuerIdentity['level']; readonly name: string | null; readonly source: string | null; readonly asOf: string | null; readonly sentence: string };
  readonly summary: string;
  readonly checkedAt?: string;
  readonly now?: string;
  readonly checks: readonly VerificationCheck[];
}

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

function failedIntake(file: string, reason: string, format?: string): VerifyResult {
  return {
    file,
    format: format ?? 'unknown',
    id: '',
    name: path.basename(file),
    issuer: { id: null, name: null },
    status: 'malformed',
    summary: `Damaged or not a conformant credential: ${reason}`,
    checks: [{ id: 'structure', label: 'Structure', outcome: 'failed', sentence: reason, implies: 'malformed' }],
  };
}

const identityWords: Readonly<Record<IssuerIdentity['level'], string>> = {
  registry: 'listed in a registry',
  domain: 'key published on the web',
  'trust-list': 'on the EU trust list',
  unconfirmed: 'not confirmed',
};

function humanReport(results: readonly VerifyResult[]): string {
  if (results.length === 0) return 'No credentials found.\n';
  const table = renderTable(
    ['FILE', 'FORMAT', 'STATUS', 'NAME'],
    results.map((r) => [r.file, r.format, r.status, r.name]),
    { clipStart: [0] },
  );
  const details = results.map((r) => {
    const lines = r.checks.map((c) => `    ${c.outcome === 'passed' ? '✓' : c.outcome === 'failed' ? '✗' : '–'} ${c.label}: ${c.sentence}`);
    const identity = r.issuerIdentity ? [`  Issuer (${identityWords[r.issuerIdentity.level]}): ${r.issuerIdentity.sentence}`] : [];
    return [`${r.file}: ${r.status}`, `  ${r.summary}`, ...identity, ...lines].join('\n');
  });
  const counts = new Map<string, number>();
  for (const r of results) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
  const tally = [...counts].map(([status, n]) => `${String(n)} ${status}`).join(', ');
  return `${table}\n\n${details.join('\n\n')}\n\n${tally}\n`;
}

export const verifyCommand: CliCommand = {
  name: 'verify',
  help,
  async run(args, io) {
    let parsed;
    try {
      parsed = parseArgs({
        args: [...args],
        allowPositionals: true,
        options: {
          json: { type: 'boolean', default: false },
          ...networkOptions,
          now: { type: 'string' },
          documents: { type: 'string', multiple: true },
          email: { type: 'string', multiple: true },
          threads: { type: 'string' },
          registry: { type: 'string', multiple: true },
        },
      });
    } catch (error) {
      throw new UsageError(error instanceof Error ? error.message : String(error));
    }
    if (parsed.positionals.length === 0) throw new UsageError('Give at least one file or folder to verify.');
    let now: string | undefined;
    if (parsed.values.now !== undefined) {
      const date = new Date(parsed.values.now);
      if (Number.isNaN(date.getTime()) || !/^\d{4}-\d\d-\d\d/.test(parsed.values.now)) throw new UsageError('--now takes an ISO 8601 date, e.g. 2025-06-01T00:00:00Z.');
      now = date.toISOString();
    }
    let threads: number | undefined;
    if (parsed.values.threads !== undefined) {
      threads = Number(parsed.values.threads);
      if (!/^\d{1,3}$/.test(parsed.values.threads) || threads > 256) throw new UsageError('--threads takes a number of threads from 0 to 256.');
    }
    const documentsMapFiles = (parsed.values.documents ?? []).map((file) => path.resolve(io.cwd, file));
    for (const file of documentsMapFiles) {
      if (!existsSync(file)) throw new UsageError(`The documents map ${file} does not exist.`);
    }
    const config: PoolConfig = {
      network: networkUse(parsed.values, io),
      ...(now ? { now } : {}),
      ownerEmails: parsed.values.email ?? [],
      documentsMapFiles,
      registryFiles: (parsed.values.registry ?? []).map((file) => path.resolve(io.cwd, file)),
      // Only the test suite sets this, to reach its loopback status-list server.
      allowPrivateNetworkForTests: io.env.BADGEFOLIO_TEST_ALLOW_PRIVATE_NETWORK === '1',
    };
    let inThread: Verifier;
    try {
      inThread = verifierFromConfig(config);
    } catch (error) {
      throw new UsageError(error instanceof RegistryFormatError ? `--registry: ${error.message}` : `--documents: ${error instanceof Error ? error.message : String(error)}`);
    }

    const inputs = parsed.positionals.map((p) => ({ path: path.resolve(io.cwd, p), label: p }));
    const onWorkerFailure = (error: Error): void => {
      io.stderr(`badgefolio: verifying in fewer threads than planned (a worker stopped: ${error.message.split('\n')[0] ?? ''}).\n`);
    };
    // Names given in several languages (Europass) are read in the language of the user's locale.
    const intake = new Intake(defaultIntakeLimits, { language: environmentLanguage(io.env) });
    const slots: (VerifyResult | { file: string; credential: NormalizedCredential })[] = [];
    for await (const input of readInputFiles(inputs, defaultIntakeLimits, { blocking: true })) {
      if (input.kind === 'unreadable') {
        slots.push(failedIntake(input.name, input.reason));
        continue;
      }
      for (const outcome of await intake.inspect({ name: input.name, bytes: input.bytes })) {
        if (outcome.outcome === 'recognised') slots.push({ file: outcome.file, credential: outcome.credential });
        else slots.push(failedIntake(outcome.file, outcome.outcome === 'not-a-credential' ? `This is not a credential: ${outcome.reason}` : outcome.reason, outcome.format));
      }
    }
    const credentials = slots.filter((s): s is { file: string; credential: NormalizedCredential } => 'credential' in s).map((s) => s.credential);
    const size = workerThreads(credentials.length, threads);
    const pool = size > 0 ? new VerifierPool(config, { size, onWorkerFailure }) : undefined;
    try {
      // Failures are kept as values: a report awaited later must not leave a rejection unhandled now.
      const asOutcome = (report: Promise<VerificationReport>) => report.catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
      const pending = credentials.map((credential) => (pool ? asOutcome(pool.verify(credential)) : undefined));
      // This thread verifies its share too: the workers take from the front, it from the back.
      await pool?.helpWith(inThread);
      let next = 0;
      const results: VerifyResult[] = [];
      for (const slot of slots) {
        if (!('credential' in slot)) {
          results.push(slot);
          continue;
        }
        const report = await (pending[next++] ?? asOutcome(inThread.verify(slot.credential)));
        if (report instanceof Error) {
          results.push(failedIntake(slot.file, 'The credential could not be verified.'));
          continue;
        }
        results.push({
          file: slot.file,
          format: slot.credential.format,
          id: slot.credential.id ?? slot.credential.identity,
          name: slot.credential.name,
          issuer: { id: slot.credential.issuer.id ?? null, name: slot.credential.issuer.name ?? null },
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
        });
      }
      io.stdout(parsed.values.json ? `${JSON.stringify(results, null, 2)}\n` : humanReport(results));
      return results.length > 0 && results.every((r) => r.status === 'verified') ? 0 : 1;
    } finally {
      await pool?.close();
    }
  },
};
