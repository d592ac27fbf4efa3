import { productName } from '../../shared/app';
import { packageVersion } from '../core/packageInfo';
import { isUsageError, type CliCommand, type CliIo } from './command';
import { programWords } from './programWords';
import { savedLanguage, type CheckLanguage } from './savedLanguage';
import { usageWords } from './usageWords';
import { walletFolder } from './vaultOptions';

/** One line of the command list; the command's module is loaded only when it is run or its help is asked for. */
export interface CommandEntry {
  readonly name: string;
  /** One line for the command list, in each language the CLI speaks. */
  readonly summary: Readonly<Record<CheckLanguage, string>>;
  readonly load: () => Promise<CliCommand>;
}

/**
 * The command table. Each capability adds its command here; `--help` lists exactly what is
 * registered, so the help never promises a command that does not exist. Modules are imported
 * on demand: `--version` and `--help` load none of the verification, PDF or wallet code.
 */
export const commands: readonly CommandEntry[] = [
  {
    name: 'inspect',
    summary: { en: 'Recognise the credentials in files and folders and show what they say', de: 'Die Nachweise in Dateien und Ordnern erkennen und zeigen, was sie sagen' },
    load: async () => (await import('./commands/inspect')).inspectCommand,
  },
  {
    name: 'verify',
    summary: { en: 'Check that credentials are genuine, in date and not revoked', de: 'Prüfen, ob Nachweise echt, gültig und nicht widerrufen sind' },
    load: async () => (await import('./commands/verify')).verifyCommand,
  },
  {
    name: 'init',
    summary: { en: 'Create a new encrypted wallet', de: 'Eine neue verschlüsselte Brieftasche anlegen' },
    load: async () => (await import('./commands/wallet')).initCommand,
  },
  {
    name: 'import',
    summary: { en: 'Add credentials from files, folders and zip archives to the wallet', de: 'Nachweise aus Dateien, Ordnern und ZIP-Archiven in die Brieftasche aufnehmen' },
    load: async () => (await import('./commands/import')).importCommand,
  },
  {
    name: 'receive',
    summary: {
      en: 'Receive credentials from a link: OpenID4VCI offers, VC-API exchanges, request links, badge URLs',
      de: 'Nachweise über einen Link empfangen: OpenID4VCI-Angebote, VC-API-Austausche, Anfragelinks, Badge-URLs',
    },
    load: async () => (await import('./commands/receive')).receiveCommand,
  },
  {
    name: 'list',
    summary: { en: 'List the credentials in the wallet', de: 'Die Nachweise in der Brieftasche auflisten' },
    load: async () => (await import('./commands/wallet')).listCommand,
  },
  {
    name: 'show',
    summary: { en: 'Show everything one credential says', de: 'Alles zeigen, was ein Nachweis sagt' },
    load: async () => (await import('./commands/wallet')).showCommand,
  },
  {
    name: 'remove',
    summary: { en: 'Remove a credential from the wallet', de: 'Einen Nachweis aus der Brieftasche entfernen' },
    load: async () => (await import('./commands/wallet')).removeCommand,
  },
  {
    name: 'history',
    summary: {
      en: "List a credential's earlier versions (kept when a newer copy replaced them)",
      de: 'Die früheren Versionen eines Nachweises auflisten (aufbewahrt, wenn eine neuere Kopie sie ersetzt hat)',
    },
    load: async () => (await import('./commands/history')).historyCommand,
  },
  {
    name: 'restore-version',
    summary: {
      en: 'Make an earlier version of a credential current again (the current one is kept)',
      de: 'Eine frühere Version eines Nachweises wieder zur aktuellen machen (die aktuelle bleibt erhalten)',
    },
    load: async () => (await import('./commands/history')).restoreVersionCommand,
  },
  {
    name: 'backup',
    summary: { en: 'Write an encrypted backup of the whole wallet to one file', de: 'Eine verschlüsselte Sicherung der ganzen Brieftasche in eine Datei schreiben' },
    load: async () => (await import('./commands/wallet')).backupCommand,
  },
  {
    name: 'restore',
    summary: {
      en: 'Restore a backup into the wallet (creating it if needed), without duplicates',
      de: 'Eine Sicherung in die Brieftasche zurückspielen (sie wird bei Bedarf angelegt), ohne Doppelte',
    },
    load: async () => (await import('./commands/wallet')).restoreCommand,
  },
  {
    name: 'passwd',
    summary: { en: "Change the wallet's passphrase", de: 'Die Passphrase der Brieftasche ändern' },
    load: async () => (await import('./commands/wallet')).passwdCommand,
  },
  {
    name: 'check',
    summary: {
      en: 'Check every credential and stored file for damage; set damaged ones aside for rescue',
      de: 'Jeden Nachweis und jede gespeicherte Datei auf Schäden prüfen; beschädigte zur Rettung beiseitelegen',
    },
    load: async () => (await import('./commands/check')).checkCommand,
  },
  {
    name: 'export-pdf',
    summary: {
      en: 'Make a portfolio PDF for a job application, with the original credentials inside',
      de: 'Ein Portfolio-PDF für eine Bewerbung erstellen, mit den Original-Nachweisen darin',
    },
    load: async () => (await import('./commands/portfolioPdf')).exportPdfCommand,
  },
  {
    name: 'verify-pdf',
    summary: {
      en: 'Check a portfolio PDF: every credential inside, and that none was swapped or altered',
      de: 'Ein Portfolio-PDF prüfen: jeden Nachweis darin, und dass keiner ausgetauscht oder verändert wurde',
    },
    load: async () => (await import('./commands/portfolioPdf')).verifyPdfCommand,
  },
];

function overview(language: CheckLanguage): string {
  const w = programWords(language);
  const width = Math.max(8, ...commands.map((c) => c.name.length));
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary[language]}`);
  return [
    `${productName} ${packageVersion()}: ${w.tagline}`,
    '',
    `${w.usage}: badgefolio <command> [options]`,
    '       npm run cli -- <command> [options]',
    '',
    `${w.commands}:`,
    ...(lines.length > 0 ? lines : [`  ${w.noCommands}`]),
    `  ${'help'.padEnd(width)}  ${w.helpCommand}`,
    '',
    `${w.options}:`,
    `  -h, --help     ${w.showHelp}`,
    `  -v, --version  ${w.showVersion}`,
    '',
    ...w.language,
  ].join('\n');
}

/** The value given to `--name` (as `--name value` or `--name=value`), before any `--`. */
function optionValue(args: readonly string[], name: string): string | undefined {
  for (let i = 0; i < args.length && args[i] !== '--'; i++) {
    const arg = args[i] ?? '';
    if (arg === name) return args[i + 1];
    if (arg.startsWith(`${name}=`)) return arg.slice(name.length + 1);
  }
  return undefined;
}

/**
 * The language of what is said before or around a command (the overview, usage errors):
 * `--language en|de` on the command line, else the app's setting in the wallet folder named by
 * `--vault` or the usual one. A bad `--language` value is itself a usage error, said in the setting's language.
 */
function languageOf(args: readonly string[], io: CliIo): CheckLanguage {
  const given = optionValue(args, '--language');
  if (given === 'en' || given === 'de') return given;
  return savedLanguage(walletFolder(optionValue(args, '--vault'), io));
}

/** A command's help, which is written in English: in another language, a line says so first. */
function commandHelp(command: CliCommand, language: CheckLanguage): string {
  const note = usageWords(language).helpInEnglish;
  return note ? `${note}\n\n${command.help}` : command.help;
}

/** Runs one CLI invocation and returns its exit code; never calls process.exit itself. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv;
  if (first === '-v' || first === '--version') {
    io.stdout(`${packageVersion()}\n`);
    return 0;
  }
  const language = languageOf(argv, io);
  if (first === undefined || first === '-h' || first === '--help') {
    io.stdout(`${overview(language)}\n`);
    return first === undefined ? 2 : 0;
  }
  if (first === 'help') {
    const target = commands.find((c) => c.name === rest[0]);
    io.stdout(`${target ? commandHelp(await target.load(), language) : overview(language)}\n`);
    return rest[0] === undefined || target ? 0 : 2;
  }
  const entry = commands.find((c) => c.name === first);
  if (!entry) {
    io.stderr(`${usageWords(language).unknownCommand(first)}\n`);
    return 2;
  }
  const command = await entry.load();
  if (rest.includes('-h') || rest.includes('--help')) {
    io.stdout(`${commandHelp(command, language)}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (isUsageError(error)) {
      io.stderr(`${error.in(language)}\n\n${commandHelp(command, language)}\n`);
      return 2;
    }
    throw error;
  }
}
