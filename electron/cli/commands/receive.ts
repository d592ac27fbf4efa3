import type { ConsentAnswer, ConsentQuestion, ReceiveResult } from '../../../shared/credential/receiving';
import { receiveCredentials } from '../../core/receiveCredentials';
import { environmentLanguage } from '../../intake/formats/preferredLanguage';
import { devHostsWarning, devNetwork, DevHostsError } from '../../receive/devHosts';
import type { Vault } from '../../vault/vault';
import type { SafeFetchOptions, TestNetwork } from '../../verify/safeFetch';
import { UsageError, type CliCommand, type CliIo } from '../command';
import { askLine, consentLines, openInBrowser } from '../consentPrompt';
import { parseSafeExternalUrl } from '../../security/externalLinks';
import { networkOptions, networkOptionsHelp, networkUse } from '../networkOption';
import { parseCommand, walletOptions, walletOptionsHelp } from '../vaultOptions';
import { reportWalletError } from '../walletErrors';
import { openWallet } from './wallet';
import { outcomeWords } from '../outcomeWords';
import { receiveWords } from '../consentPrompt';
import { renderOr } from '../../../shared/credential/verificationMessages';
import type { Language } from '../../../shared/preferences';
import { savedLanguage } from '../savedLanguage';
import { walletFolder } from '../vaultOptions';

/** What only tests give the command in-process: the loopback internet and a scripted terminal. */
export interface ReceiveCommandDependencies {
  readonly testNetwork?: TestNetwork;
  readonly prompt?: (question: string) => Promise<string>;
  readonly terminal?: boolean;
}

const help = `Usage: badgefolio receive <link> [--vault DIR] [--passphrase-file FILE] [--yes]
                         [--tx-code PIN] [--json] [--offline|--online] [--language en|de]
                         [--dev-host NAME=127.0.0.1:PORT]...

Receives credentials the way issuers hand them out, from a link: an OpenID4VCI
credential offer (openid-credential-offer://… or an https link holding one), a
VC-API interaction URL, a DCC / Learner Credential Wallet request link
(…request.html?issuer=…&vc_request_url=…&challenge=…, dccrequest://…), a
badgefolio:// link wrapping one of these, or the https address of a credential
(a hosted Open Badge, a credential's JSON, a baked badge picture).

Before anything of yours is sent, it says who asks, what would be sent (your
wallet's identifier, a proof signed with your wallet's key, a transaction code)
and what you would receive, and asks. What arrives goes through the same import
as files: verified, its issuer's identity judged, and a worse copy never replaces
what you hold. A credential made out to someone else, of another kind than
offered, or that does not verify is not stored. An offer that needs you to sign in
at the issuer opens its sign-in page in your browser (the address is printed too)
and waits up to 5 minutes for it to come back to this computer.

${walletOptionsHelp}
  --yes                   agree without being asked (needed when not run in a terminal)
  --tx-code PIN           the transaction code (PIN) the issuer sent you, when the
                          offer needs one (else asked for in a terminal)
  --json                  one JSON object: state (received, declined, failed),
                          issuerHost, reason, and outcomes (outcome, id, name, status,
                          issuerIdentity, reason) as "import --json" gives them
                          (reasons in English, with reasonMessage: their catalogue key)
  --language en|de        the language of the question and of what is said about the
                          result (default: the app's language setting); the outcome
                          words and --json stay the same in every language
${networkOptionsHelp}
                    (these decide what verifying the received credentials may fetch)
  --dev-host NAME=127.0.0.1:PORT
                          developers only: reach NAME on this computer, trusting
                          the certificate authority in NODE_EXTRA_CA_CERTS; also
                          BADGEFOLIO_DEV_HOSTS=NAME=127.0.0.1:PORT,… Off by default;
                          announced on stderr whenever it is on.

Exit code: 0 when every offered credential was stored (added, already there or
updated), 1 otherwise (declined, refused, or a credential not stored), 2 for a
usage error.`;

function renderResult(result: ReceiveResult, io: CliIo, language: Language): void {
  const say = receiveWords(language);
  if (result.state === 'failed') {
    io.stderr(`${say('receive.cli.notReceived', { why: renderOr(result.reasonMessage, language, result.reason) })}\n`);
    return;
  }
  if (result.state === 'declined') {
    io.stderr(`${say('receive.cli.declined', { host: result.issuerHost })}\n`);
    return;
  }
  for (const o of result.outcomes) {
    const verdict = o.status && o.outcome !== 'not-replaced' ? `  [${o.status}]` : '';
    const reason = o.reason ? `  (${renderOr(o.reasonMessage, language, o.reason)})` : '';
    io.stdout(`${outcomeWords[o.outcome]}  ${result.issuerHost}${o.name ? `  "${o.name}"` : ''}${verdict}${reason}\n`);
  }
  if (result.outcomes.length === 0) io.stdout(`${say('receive.cli.none', { host: result.issuerHost })}\n`);
}

export function makeReceiveCommand(dependencies: ReceiveCommandDependencies = {}): CliCommand {
  return {
    name: 'receive',
    help,
    async run(args, io) {
      const { values, positionals } = parseCommand(args, {
        ...walletOptions,
        ...networkOptions,
        yes: { type: 'boolean', default: false },
        'tx-code': { type: 'string' },
        'dev-host': { type: 'string', multiple: true },
        language: { type: 'string' },
      });
      if (positionals.length !== 1 || positionals[0] === undefined) throw new UsageError((w) => w.oneLink);
      if (values.language !== undefined && values.language !== 'en' && values.language !== 'de') throw new UsageError((w) => w.languageIs);
      const language: Language = values.language ?? savedLanguage(walletFolder(values.vault, io));
      const say = receiveWords(language);
      const link = positionals[0];
      let network: TestNetwork | undefined = dependencies.testNetwork;
      try {
        const dev = devNetwork(values['dev-host'] ?? [], io.env);
        if (dev) {
          io.stderr(`${devHostsWarning(dev, language)}\n`);
          network = dev;
        }
      } catch (error) {
        if (error instanceof DevHostsError) throw new UsageError((w) => w.badArguments(error.message));
        throw error;
      }
      const verification = networkUse(values, io);
      const terminal = dependencies.terminal ?? (io.interactive && process.stdin.isTTY);
      const prompt = dependencies.prompt ?? askLine;
      const ask = async (question: ConsentQuestion): Promise<ConsentAnswer> => {
        const lines = consentLines(question, language);
        let transactionCode = values['tx-code'];
        if (values.yes) {
          io.stderr(`${lines.join('\n')}\n${say('receive.ask.agreed')}\n`);
        } else if (!terminal) {
          io.stderr(`${lines.join('\n')}\n${say('receive.ask.notAgreed')}\n`);
          return { consent: false };
        } else {
          io.stderr(`${lines.join('\n')}\n`);
          const answer = (await prompt(say('receive.ask.prompt'))).trim().toLowerCase();
          // "j" and "ja" are yes in German too.
          if (!['y', 'yes', 'j', 'ja'].includes(answer)) return { consent: false };
        }
        if (question.transactionCode && !transactionCode) {
          if (!terminal) {
            io.stderr(`${say('receive.ask.needsCode')}\n`);
            return { consent: false };
          }
          transactionCode = (await prompt(say('receive.ask.codePrompt'))).trim();
        }
        return { consent: true, ...(transactionCode ? { transactionCode } : {}) };
      };
      let wallet: Vault;
      try {
        wallet = await openWallet(io, values.vault, values['passphrase-file'], true);
      } catch (error) {
        return reportWalletError(error, io);
      }
      let result: ReceiveResult;
      try {
        const fetchOptions: SafeFetchOptions = network ? { testNetwork: network } : {};
        result = await receiveCredentials(link, ask, {
          vault: wallet,
          verification,
          fetchOptions,
          language: environmentLanguage(io.env),
          openBrowser: (url) => openInBrowser(parseSafeExternalUrl(url).href, io, terminal),
        });
      } finally {
        wallet.lockWallet();
      }
      if (values.json) io.stdout(`${JSON.stringify(result, null, 2)}\n`);
      else renderResult(result, io, language);
      const stored =
        result.state === 'received' &&
        result.outcomes.length > 0 &&
        result.outcomes.every((o) => o.outcome === 'added' || o.outcome === 'already-there' || o.outcome === 'updated');
      return stored ? 0 : 1;
    },
  };
}

export const receiveCommand: CliCommand = makeReceiveCommand();
