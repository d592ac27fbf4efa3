import { productName } from '../../shared/app';
import { packageVersion } from '../core/packageInfo';
import { UsageError, type CliCommand, type CliIo } from './command';
import { inspectCommand } from './commands/inspect';
import { verifyCommand } from './commands/verify';
import { exportPdfCommand, verifyPdfCommand } from './commands/portfolioPdf';
import {
  backupCommand,
  importCommand,
  initCommand,
  listCommand,
  passwdCommand,
  removeCommand,
  restoreCommand,
  showCommand,
} from './commands/wallet';

/**
 * The command table. Each capability adds its command module here; `--help` lists exactly
 * what is registered, so the help never promises a command that does not exist.
 */
export const commands: readonly CliCommand[] = [
  inspectCommand,
  verifyCommand,
  initCommand,
  importCommand,
  listCommand,
  showCommand,
  removeCommand,
  backupCommand,
  restoreCommand,
  passwdCommand,
  exportPdfCommand,
  verifyPdfCommand,
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
    io.stdout(`${target ? target.help : overview()}\n`);
    return rest[0] === undefined || target ? 0 : 2;
  }
  const command = commands.find((c) => c.name === first);
  if (!command) {
    io.stderr(`Unknown command "${first}". Run "badgefolio --help" to see the commands.\n`);
    return 2;
  }
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
