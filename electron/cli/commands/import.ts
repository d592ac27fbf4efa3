import { existsSync } from 'node:fs';
import path from 'node:path';
import type { DetailsState, NormalizedCredential } from '../../../shared/credential/model';
import type { IntakeOutcome } from '../../../shared/credential/intakeOutcome';
import { DocumentsBeside, withDocumentsBeside } from '../../core/documentsBeside';
import { FillIn, keptFor } from '../../core/fillIn';
import { storeCredential } from '../../core/storeCredential';
import { VaultFetchCache } from '../../core/vaultFetchCache';
import { Intake } from '../../intake/intake';
import { environmentLanguage } from '../../intake/formats/preferredLanguage';
import { readInputFiles } from '../../intake/inputFiles';
import { defaultIntakeLimits } from '../../intake/limits';
import type { Vault } from '../../vault/vault';
import { registriesFromConfig } from '../../verify/poolConfig';
import type { SafeFetchOptions, TestNetwork } from '../../verify/safeFetch';
import { createVerifier } from '../../verify/verifier';
import { UsageError, type CliCommand } from '../command';
import { readDocumentsMaps } from '../linkedDetails';
import { networkOptions, networkOptionsHelp, networkUse } from '../networkOption';
import { parseCommand, walletFolder, walletOptions, walletOptionsHelp } from '../vaultOptions';
import { chosenLanguage, languageOption, languageOptionHelp } from '../savedLanguage';
import { importWords } from '../importWords';
import type { VerificationMessage } from '../../../shared/credential/verification';
import { reportWalletError } from '../walletErrors';
import { identityJson, openWallet } from './wallet';
import { outcomeWords, type ImportOutcomeWord } from '../outcomeWords';
import { receiveHint } from '../offerHint';

/** Credentials filled in ahead of the one being stored, their documents fetched meanwhile. */
const readAhead = 64;

/**
 * What only tests give the command: the loopback internet and shorter timeouts. The command
 * the CLI runs (`importCommand`) is made without them, and no flag, setting or environment
 * variable reaches them.
 */
export interface ImportCommandDependencies {
  readonly testNetwork?: TestNetwork;
  readonly fetchOptions?: Pick<SafeFetchOptions, 'timeoutMs' | 'maxBytes' | 'maxRedirects'>;
}

/** A credential read, and (once within the window ahead of storing) filled in. */
interface Read {
  readonly file: string;
  readonly credential: NormalizedCredential;
  filled?: Promise<NormalizedCredential>;
}

interface Result {
  file: string;
  outcome: ImportOutcomeWord;
  id?: string;
  name?: string;
  status?: string;
  issuerIdentity?: unknown;
  details?: DetailsState;
  problems?: string[];
  reason?: string;
  /** For `offer-found`: the link the file's QR code holds (`badgefolio receive` takes it). */
  link?: string;
}

export function makeImportCommand(dependencies: ImportCommandDependencies = {}): CliCommand {
  return {
    name: 'import',
    help: `Usage: badgefolio import <file|dir>... [--vault DIR] [--passphrase-file FILE] [--json]
                                 [--offline|--online] [--documents MAP.json] [--keep-pictures]

Recognises every credential in the given files (folders and .zip archives
recursively), fills in what it links to, verifies it, and stores it, encrypted,
with its verdict, exactly as the app does. A credential already in the wallet is
left as it is. A changed copy of one replaces it only when it checks at least as
well (verified, then not fully checked, then expired or revoked, then broken): a
tampered copy is not stored and your original is kept. A different credential
that reuses an id is kept beside it.

What a credential links to (an Open Badges 2.0 badge's name, description, picture,
issuer and criteria, published by its issuer; keys, revocation and status lists,
did:web documents) is fetched once, at most 4 requests per host, and kept in the
wallet with its date, so the credential can be checked again offline later. With
--offline (or when the network is not in use) nothing is fetched: such a badge is
stored at once, marked "details not fetched yet"; import it again online, or use
"Fetch details" in the app. Documents given among the files (Open Badges 2.0 BadgeClass,
issuer profile, key and revocation list files, Blockcerts issuer profiles) fill in the
credentials beside them, as fetched ones would; they are not credentials themselves.

Prints one line per file, starting with its outcome: added, already there,
updated, not replaced, not a credential, malformed, offer found. A picture or PDF
whose QR code holds a credential offer or request (OpenID4VCI, VC-API, a DCC request,
a badgefolio:// link) is "offer found": nothing is sent; the line after it gives the
"badgefolio receive" command that asks you and then receives it.

${walletOptionsHelp}
${networkOptionsHelp}
${languageOptionHelp}
  --documents FILE        pre-fetched documents, used before (and instead of) the
                          network: a JSON object mapping URLs and DIDs to files,
                          relative to the map (pictures too: "https://…/badge.png")
  --keep-pictures         keep pictures with no badge and no QR code in them (PNG,
                          JPEG, SVG; in folders and zips too) as self-reported
                          certificates; without it they are "not a credential"
                          (a logo, a photo), as in the app until you choose
                          "Keep as a certificate"
  --json                  one JSON array of per-file results: file, outcome (added,
                          already-there, updated, not-replaced, not-a-credential,
                          malformed, offer-found), id, name, status, issuerIdentity,
                          details (fetched, not-fetched, incomplete), problems,
                          reason, link (an offer's)

Exit code: 0 when every file was added, already there or updated (documents given
beside credentials aside), 1 otherwise.`,
    async run(args, io) {
      const { values, positionals } = parseCommand(args, {
        ...walletOptions,
        ...networkOptions,
        ...languageOption,
        documents: { type: 'string', multiple: true },
        'keep-pictures': { type: 'boolean', default: false },
      });
      const keepPictures = values['keep-pictures'] ? { keepAsCertificate: true } : {};
      if (positionals.length === 0) throw new UsageError((w) => w.giveFiles('import'));
      const documentsMapFiles = (values.documents ?? []).map((file) => path.resolve(io.cwd, file));
      for (const file of documentsMapFiles) if (!existsSync(file)) throw new UsageError((w) => w.documentsMapMissing(file));
      const documents = readDocumentsMaps(documentsMapFiles);
      const network = networkUse(values, io);
      const language = chosenLanguage(values.language, walletFolder(values.vault, io));
      const say = importWords(language);
      let wallet: Vault;
      try {
        wallet = await openWallet(io, values.vault, values['passphrase-file'], true, language);
      } catch (error) {
        return reportWalletError(error, io, language);
      }
      const fetchOptions: SafeFetchOptions = { ...dependencies.fetchOptions, ...(dependencies.testNetwork ? { testNetwork: dependencies.testNetwork } : {}) };
      const cache = new VaultFetchCache(() => wallet);
      const showProgress = io.interactive && !values.json;
      let seen = 0;
      const beside = new DocumentsBeside();
      const fillIn = new FillIn({
        fetch: network === 'allowed',
        documents: withDocumentsBeside(documents, beside),
        cache,
        fetchOptions,
        onProgress: showProgress
          ? ({ done, total }) => {
              process.stderr.write(`\r\u001b[2K${say.fillingIn(seen, done, total)}`);
            }
          : undefined,
      });
      const verifier = createVerifier({ network, documents: fillIn.documents, cache, fetchOptions, registries: registriesFromConfig({ network }) });
      // Names given in several languages (Europass) are read in the language of the user's locale.
      const intake = new Intake(defaultIntakeLimits, { language: environmentLanguage(io.env) });
      const results: Result[] = [];
      /** Each reason as its catalogue message, for the reader's language; not in --json, which keeps the English. */
      const reasonMessages = new Map<Result, VerificationMessage>();
      /** Documents given beside the credentials: reported, but neither imported nor failed. */
      const documentResults = new Map<Result, IntakeOutcome & { outcome: 'not-a-credential' }>();
      // Every file is read first, so that a credential is filled in from documents given
      // anywhere among the files (a BadgeClass after its assertion); then their documents are
      // fetched ahead (a window of 64, all hosts side by side), and stored strictly in the order read.
      const queue: ((Result & { reasonMessage?: VerificationMessage | undefined }) | Read | { document: IntakeOutcome & { outcome: 'not-a-credential' } })[] = [];
      const fillAhead = (): void => {
        for (const item of queue.slice(0, readAhead)) {
          if ('credential' in item && !item.filled) {
            const credential = item.credential;
            item.filled = fillIn.fill(credential, keptFor(wallet, credential)).catch(() => credential);
          }
        }
      };
      const storeNext = async (): Promise<void> => {
        fillAhead();
        const next = queue.shift();
        if (!next) return;
        if ('document' in next) {
          // Said once every credential is in: whether one of them used it.
          const result: Result = { file: next.document.file, outcome: next.document.outcome, reason: next.document.reason };
          if (next.document.reasonMessage) reasonMessages.set(result, next.document.reasonMessage);
          documentResults.set(result, next.document);
          results.push(result);
          return;
        }
        if (!('credential' in next)) {
          const { reasonMessage, ...result } = next;
          if (reasonMessage) reasonMessages.set(result, reasonMessage);
          results.push(result);
          return;
        }
        const credential = await (next.filled ?? next.credential);
        const stored = await storeCredential(wallet, verifier, credential);
        const result: Result = {
          file: next.file,
          outcome: stored.outcome,
          id: stored.id,
          ...(credential.name ? { name: credential.name } : {}),
          ...(stored.report ? { status: stored.report.status, issuerIdentity: identityJson(stored.report.issuerIdentity) } : {}),
          ...(credential.linked ? { details: credential.linked.state, problems: credential.linked.problems } : {}),
          ...(stored.reason ? { reason: stored.reason } : {}),
        };
        if (stored.reasonMessage) reasonMessages.set(result, stored.reasonMessage);
        results.push(result);
      };
      try {
        const inputs = positionals.map((p) => ({ path: path.resolve(io.cwd, p), label: p }));
        for await (const input of readInputFiles(inputs, defaultIntakeLimits, { blocking: true })) {
          seen++;
          if (showProgress) process.stderr.write(`\r\u001b[2K${say.reading(seen, input.name.slice(-60))}`);
          if (input.kind === 'unreadable') {
            queue.push({ file: input.name, outcome: 'malformed', reason: input.reason, reasonMessage: input.reasonMessage });
            continue;
          }
          for (const outcome of await intake.inspect({ name: input.name, bytes: input.bytes, ...keepPictures })) {
            if (outcome.outcome === 'recognised') queue.push({ file: outcome.file, credential: outcome.credential });
            else if (outcome.outcome === 'not-a-credential' && beside.add(outcome)) queue.push({ document: outcome });
            else if (outcome.outcome === 'offer-found')
              queue.push({ file: outcome.file, outcome: outcome.outcome, reason: outcome.reason, link: outcome.offer.link, reasonMessage: outcome.reasonMessage });
            else queue.push({ file: outcome.file, outcome: outcome.outcome, reason: outcome.reason, reasonMessage: outcome.reasonMessage });
          }
        }
        while (queue.length > 0) await storeNext();
        for (const [result, document] of documentResults) {
          const reported = beside.reported(document);
          result.reason = reported.reason;
          if (reported.reasonMessage) reasonMessages.set(result, reported.reasonMessage);
        }
        if (showProgress) process.stderr.write('\r\u001b[2K');
      } finally {
        wallet.lockWallet();
      }
      const count = (outcome: ImportOutcomeWord) => results.filter((r) => r.outcome === outcome).length;
      if (values.json) io.stdout(`${JSON.stringify(results, null, 2)}\n`);
      else {
        for (const r of results) {
          const verdict = r.status && r.outcome !== 'not-replaced' ? `  [${say.status(r.status)}]` : '';
          const problem = say.showProblems && r.problems?.[0] ? `: ${r.problems[0]}` : '';
          const details = r.details && say.details[r.details] ? `  (${say.details[r.details]}${problem})` : '';
          const reason = r.reason ? `  (${say.reason(reasonMessages.get(r), r.reason)})` : '';
          io.stdout(`${outcomeWords[r.outcome]}  ${r.file}${r.name ? `  "${r.name}"` : ''}${verdict}${details}${reason}\n`);
          // Import never sends anything: an offer is received by the command that asks first.
          if (r.link) io.stdout(`${receiveHint(r.link, language)}\n`);
        }
        const failed = results.length - documentResults.size - count('added') - count('already-there') - count('updated');
        const summary = { added: count('added'), alreadyThere: count('already-there'), updated: count('updated'), notReplaced: count('not-replaced') };
        io.stdout(`${say.summary({ ...summary, notImported: failed - summary.notReplaced, documents: documentResults.size })}\n`);
        const pending = results.filter((r) => r.details === 'not-fetched' || r.details === 'incomplete').length;
        if (pending > 0) io.stdout(`${say.pending(pending)}\n`);
      }
      return results.every((r) => documentResults.has(r) || r.outcome === 'added' || r.outcome === 'already-there' || r.outcome === 'updated') ? 0 : 1;
    },
  };
}

export const importCommand: CliCommand = makeImportCommand();
