import { productName } from '../../shared/app';
import { packageVersion } from '../core/packageInfo';
import { UsageError, type CliCommand, type CliIo } from './command';

/** One line of the command list; the command's module is loaded only when it is run or its help is asked for. */
export interface CommandEntry {
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  readonly load: () => Promise<CliCommand>;
}

/**
 * The command table. Each capability adds its command here; `--help` lists exactly what is
 * registered, so the help never promises a command that does not exist. Modules are imported
 * on demand: `--version` and `--help` load none of the verification, PDF or wallet code.
 */
export const commands: readonly CommandEntry[] = [
  { name: 'inspect', summary: 'Recognise the credentials in files and folders and show what they say', load: async () => (await import('./commands/inspect')).inspectCommand },
  { name: 'verify', summary: 'Check that credentials are genuine, in date and not revoked', load: async () => (await import('./commands/verify')).verifyCommand },
  { name: 'init', summary: 'Create a new encrypted wallet', load: async () => (await import('./commands/wallet')).initCommand },
  { name: 'import', summary: 'Add credentials from files, folders and zip archives to the wallet', load: async () => (await import('./commands/import')).importCommand },
  {
    name: 'receive',
    summary: 'Receive credentials from a link: OpenID4VCI offers, VC-API exchanges, request links, badge URLs',
    load: async () => (await import('./commands/receive')).receiveCommand,
  },
  { name: 'list', summary: 'List the credentials in the wallet', load: async () => (await import('./commands/wallet')).listCommand },
  { name: 'show', summary: 'Show everything one credential says', load: async () => (await import('./commands/wallet')).showCommand },
  { name: 'remove', summary: 'Remove a credential from the wallet', load: async () => (await import('./commands/wallet')).removeCommand },
  {
    name: 'history',
    summary: "List a credential's earlier versions (kept when a newer copy replaced them)",
    load: async () => (await import('./commands/history')).historyCommand,
  },
  {
    name: 'restore-version',
    summary: 'Make an earlier version of a credential current again (the current one is kept)',
    load: async () => (await import('./commands/history')).restoreVersionCommand,
  },
  { name: 'backup', summary: 'Write an encrypted backup of the whole wallet to one file', load: async () => (await import('./commands/wallet')).backupCommand },
  {
    name: 'restore',
    summary: 'Restore a backup into the wallet (creating it if needed), without duplicates',
    load: async () => (await import('./commands/wallet')).restoreCommand,
  },
  { name: 'passwd', summary: "Change the wallet's passphrase", load: async () => (await import('./commands/wallet')).passwdCommand },
  {
    name: 'check',
    summary: 'Check every credential and stored file for damage; set damaged ones aside for rescue',
    load: async () => (await import('./commands/check')).checkCommand,
  },
  {
    name: 'export-pdf',
    summary: 'Make a portfolio PDF for a job application, with the original credentials inside',
    load: async () => (await import('./commands/portfolioPdf')).exportPdfCommand,
  },
  {
    name: 'verify-pdf',
    summary: 'Check a portfolio PDF: every credential inside, and that none was swapped or altered',
    load: async () => (await import('./commands/portfolioPdf')).verifyPdfCommand,
  },
];

function overview(): string {
  const width = Math.max(8, ...commands.map((c) => c.name.length));
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    `${productName} ${packageVersion()}: your micro-credentials wallet, from the command line.`,
    '',
    'Usage: badgefolio <command> [options]',
    '       npm run cli -- <command> [options]',
    '',
    'Commands:',
    ...(lines.length > 0 ? lines : ['  (none yet)']),
    `  ${'help'.padEnd(width)}  Show help for a command: badgefolio help <command>`,
    '',
    'Options:',
    '  -h, --help     Show this help',
    '  -v, --version  Show the version',
    '',
    'Language: every command prints its sentences in English or German, as --language en|de',
    "says, else as the app's language setting (Settings). --json output, and the outcome words",
    'that start the lines of import and receive, are the same in every language.',
  ].join('\n');
}

/** Runs one CLI invocation and returns its exit code; never calls process.exit itself. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '-h' || first === '--help') {
    io.stdout(`${overview()}\n`);
    return first === undefined ? 2 : 0;
  }
  if (first === '-v' || first === '--version') {
    io.stdout(`${packageVersion()}\n`);
    return 0;
  }
  if (first === 'help') {
    const target = commands.find((c) => c.name === rest[0]);
    io.stdout(`${target ? (await target.load()).help : overview()}\n`);
    return rest[0] === undefined || target ? 0 : 2;
  }
  const entry = commands.find((c) => c.name === first);
  if (!entry) {
    io.stderr(`Unknown command "${first}". Run "badgefolio --help" to see the commands.\n`);
    return 2;
  }
  const command = await entry.load();
  if (rest.includes('-h') || rest.includes('--help')) {
    io.stdout(`${command.help}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`${error.message}\n\n${command.help}\n`);
      return 2;
    }
    throw error;
  }
}
