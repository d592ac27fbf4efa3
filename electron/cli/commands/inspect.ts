import path from 'node:path';
import type { IntakeOutcome } from '../../../shared/credential/intakeOutcome';
import { Intake } from '../../intake/intake';
import { environmentLanguage } from '../../intake/formats/preferredLanguage';
import { readInputFiles } from '../../intake/inputFiles';
import { defaultIntakeLimits } from '../../intake/limits';
import { UsageError, type CliCommand } from '../command';
import { credentialForJson } from '../credentialJson';
import { nameOrWhy } from '../credentialNames';
import { renderTable } from '../table';
import { receiveHint } from '../offerHint';
import { chosenLanguage, languageOption, type CheckLanguage } from '../savedLanguage';
import { parseCommand, walletFolder } from '../vaultOptions';
import { walletWords } from '../walletWords';
import { renderOr } from '../../../shared/credential/verificationMessages';
import type { VerificationMessage } from '../../../shared/credential/verification';

const help = `Usage: badgefolio inspect <file|dir>... [--json] [--max-file-mb N]

Recognises every credential in the given files and folders (folders and .zip
archives are read recursively) and shows what each one says. Nothing is stored
and nothing is fetched from the network.

  --json           one JSON array of results, for scripts
  --max-file-mb N  largest file to read, in megabytes (default 50)
  --language en|de the language of what is printed for people (default: the app's
                   language setting); --json is the same in every language

Formats: ob2, ob3, clr2, blockcerts, europass-edc, vc, certificate.
Containers: png, svg, json, jwt, pdf, image, zip, xml.
Exit code: 0 when every input was recognised, 1 otherwise, 2 on usage errors.`;

type Result =
  | { file: string; outcome: 'recognised'; format: string; container: string; credential: ReturnType<typeof credentialForJson> }
  | { file: string; outcome: 'not-a-credential' | 'malformed' | 'unreadable'; format?: string; container?: string; error: string; where?: string }
  | { file: string; outcome: 'offer-found'; container?: string; error: string; link: string };

function toResult(outcome: IntakeOutcome): Result {
  if (outcome.outcome === 'recognised') {
    const { credential } = outcome;
    return { file: outcome.file, outcome: 'recognised', format: credential.format, container: credential.container, credential: credentialForJson(credential) };
  }
  if (outcome.outcome === 'offer-found') {
    return { file: outcome.file, outcome: 'offer-found', ...(outcome.container ? { container: outcome.container } : {}), error: outcome.reason, link: outcome.offer.link };
  }
  return {
    file: outcome.file,
    outcome: outcome.outcome,
    ...(outcome.format ? { format: outcome.format } : {}),
    ...(outcome.container ? { container: outcome.container } : {}),
    error: outcome.reason,
    ...(outcome.outcome === 'malformed' && outcome.where ? { where: outcome.where } : {}),
  };
}

function dateOnly(value: string | undefined): string {
  return value ? value.slice(0, 10) : '';
}

/** Inspect's words for people, in English or German; the reasons are intake's catalogue messages. */
const words = {
  en: {
    header: ['FILE', 'FORMAT', 'CONTAINER', 'NAME', 'ISSUER', 'ISSUED'],
    labels: { malformed: 'malformed', unreadable: 'unreadable', 'not-a-credential': 'not a credential', 'offer-found': 'offer found' },
    at: (where: string) => `at ${where}`,
    total: (recognised: number, problems: number) =>
      `${String(recognised)} credential${recognised === 1 ? '' : 's'} recognised` + (problems > 0 ? `, ${String(problems)} input${problems === 1 ? '' : 's'} not recognised` : ''),
  },
  de: {
    header: ['DATEI', 'FORMAT', 'CONTAINER', 'NAME', 'AUSSTELLER', 'AUSGESTELLT'],
    labels: { malformed: 'fehlerhaft', unreadable: 'nicht lesbar', 'not-a-credential': 'kein Nachweis', 'offer-found': 'Angebot gefunden' },
    at: (where: string) => `bei ${where}`,
    total: (recognised: number, problems: number) =>
      `${String(recognised)} ${recognised === 1 ? 'Nachweis' : 'Nachweise'} erkannt` +
      (problems > 0 ? `, ${String(problems)} ${problems === 1 ? 'Eingabe' : 'Eingaben'} nicht erkannt` : ''),
  },
} as const;

function humanReport(results: readonly Result[], messages: ReadonlyMap<Result, VerificationMessage>, language: CheckLanguage): string {
  const say = words[language];
  const recognised = results.filter((r) => r.outcome === 'recognised');
  const problems = results.filter((r) => r.outcome !== 'recognised');
  const lines: string[] = [];
  if (recognised.length > 0) {
    lines.push(
      renderTable(
        say.header,
        recognised.map((r) => [
          r.file,
          r.format,
          r.container,
          nameOrWhy(r.credential, walletWords(language)),
          r.credential.issuer.name ?? r.credential.issuer.id ?? '',
          dateOnly(r.credential.issuedOn),
        ]),
        { clipStart: [0] },
      ),
    );
  }
  if (problems.length > 0) {
    lines.push(
      problems
        .map((problem) => {
          const error = renderOr(messages.get(problem), language, problem.error);
          if (problem.outcome === 'offer-found') return `${problem.file}: ${say.labels['offer-found']}: ${error}\n${receiveHint(problem.link, language)}`;
          return `${problem.file}: ${say.labels[problem.outcome]}: ${error}${problem.where ? ` (${say.at(problem.where)})` : ''}`;
        })
        .join('\n'),
    );
  }
  lines.push(say.total(recognised.length, problems.length));
  return `${lines.join('\n\n')}\n`;
}

export const inspectCommand: CliCommand = {
  name: 'inspect',
  help,
  async run(args, io) {
    const parsed = parseCommand(args, { json: { type: 'boolean', default: false }, 'max-file-mb': { type: 'string' }, ...languageOption });
    if (parsed.positionals.length === 0) throw new UsageError((w) => w.giveFiles('inspect'));
    const maxFileMb = parsed.values['max-file-mb'] === undefined ? 50 : Number(parsed.values['max-file-mb']);
    if (!Number.isFinite(maxFileMb) || maxFileMb <= 0) throw new UsageError((w) => w.maxFileMb);
    const limits = { ...defaultIntakeLimits, maxFileBytes: Math.round(maxFileMb * 1024 * 1024) };
    // No wallet is opened: the app's language setting is read from the wallet folder it would use.
    const language = chosenLanguage(parsed.values.language, walletFolder(undefined, io));
    const messages = new Map<Result, VerificationMessage>();

    // Names given in several languages (Europass) are read in the language of the user's locale.
    const intake = new Intake(limits, { language: environmentLanguage(io.env) });
    const results: Result[] = [];
    // Files are named as the user typed them, so the report matches their command line.
    const inputs = parsed.positionals.map((p) => ({ path: path.resolve(io.cwd, p), label: p }));
    for await (const input of readInputFiles(inputs, limits, { blocking: true })) {
      const display = input.name;
      if (input.kind === 'unreadable') {
        const result: Result = { file: display, outcome: 'unreadable', error: input.reason };
        messages.set(result, input.reasonMessage);
        results.push(result);
        continue;
      }
      for (const outcome of await intake.inspect({ name: display, bytes: input.bytes })) {
        const result = toResult(outcome);
        if (outcome.outcome !== 'recognised' && outcome.reasonMessage) messages.set(result, outcome.reasonMessage);
        results.push(result);
      }
    }
    io.stdout(parsed.values.json ? `${JSON.stringify(results, null, 2)}\n` : humanReport(results, messages, language));
    return results.every((r) => r.outcome === 'recognised') ? 0 : 1;
  },
};
