import type { CheckLanguage } from './savedLanguage';
import { usageWords, type UsageSaid } from './usageWords';

/** What a command can touch of the outside world: injected so tests run commands in-process. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  /** True when stdout is a terminal: progress and colour only then. */
  readonly interactive: boolean;
}

export interface CliCommand {
  readonly name: string;
  /** The full help text: usage line, options, examples. */
  readonly help: string;
  /** Exit code: 0 success, 1 a failure the command reports, 2 a usage error. */
  run(args: readonly string[], io: CliIo): Promise<number>;
}

/*
 * In the built CLI the dispatcher and the commands are separate bundles, each with its own copy
 * of this module (build/cliBundle.js), so `instanceof UsageError` would not see a command's
 * error: a mark in the process-wide symbol registry does.
 */
const usageErrorMark = Symbol.for('badgefolio.cli.usageError');

/**
 * A usage error: the message and the command's help go to stderr, exit code 2. It is said in
 * the reader's language (usageWords.ts); `message` is its English.
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  readonly [usageErrorMark] = true;

  constructor(private readonly said: UsageSaid) {
    super(said(usageWords('en')));
  }

  /** The error in a language. */
  in(language: CheckLanguage): string {
    return this.said(usageWords(language));
  }
}

/** Whether `error` is a UsageError, from whichever bundle's copy of this module. */
export function isUsageError(error: unknown): error is UsageError {
  return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[usageErrorMark] === true;
}
