import { readFileSync } from 'node:fs';
import path from 'node:path';
import { UsageError, type CliIo } from './command';

/**
 * Where a passphrase comes from, in order: a file (`--passphrase-file`), the environment
 * (`BADGEFOLIO_PASSPHRASE`), or a hidden prompt on the terminal. It is never an argument on
 * the command line, where other users of the machine could read it in the process list.
 */
export interface PassphraseSource {
  readonly file?: string | undefined;
  readonly envName: string;
  readonly prompt: string;
  /** Ask twice (new passphrases) when prompting. */
  readonly confirm?: boolean;
}

export type PromptFn = (question: string) => Promise<string>;

/** A prompt that echoes nothing: raw mode on the terminal, characters collected by hand. */
export const hiddenPrompt: PromptFn = (question) =>
  new Promise((resolve, reject) => {
    const input = process.stdin;
    if (!input.isTTY) {
      reject(new UsageError((w) => w.noPassphrase));
      return;
    }
    process.stderr.write(question);
    input.setRawMode(true);
    input.resume();
    input.setEncoding('utf8');
    let answer = '';
    const done = (error?: Error): void => {
      input.setRawMode(false);
      input.pause();
      input.removeListener('data', onData);
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(answer);
    };
    const onData = (chunk: string): void => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') {
          done();
          return;
        }
        if (char === '\u0003') {
          done(new UsageError((w) => w.cancelled));
          return;
        }
        if (char === '\u007f' || char === '\b') answer = answer.slice(0, -1);
        else answer += char;
      }
    };
    input.on('data', onData);
  });

export async function readPassphrase(source: PassphraseSource, io: CliIo, prompt: PromptFn = hiddenPrompt): Promise<string> {
  const file = source.file;
  if (file) {
    const text = readFileSync(path.resolve(io.cwd, file), 'utf8');
    const firstLine = text.split(/\r?\n/)[0] ?? '';
    if (firstLine === '') throw new UsageError((w) => w.emptyPassphraseFile(file));
    return firstLine;
  }
  const fromEnv = io.env[source.envName];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  const answer = await prompt(`${source.prompt}: `);
  if (answer === '') throw new UsageError((w) => w.emptyPassphrase);
  if (source.confirm) {
    const again = await prompt(`${source.prompt} (again): `);
    if (again !== answer) throw new UsageError((w) => w.passphrasesDiffer);
  }
  return answer;
}

/** A rough strength hint for new passphrases: length and variety, in words a person reads. */
export function strengthHint(passphrase: string): string | null {
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(passphrase)).length;
  if (passphrase.length < 10) return 'This passphrase is short. Several unrelated words are easier to remember and much harder to guess.';
  if (passphrase.length < 16 && classes < 3) return 'This passphrase could be stronger: add a few more words.';
  return null;
}
