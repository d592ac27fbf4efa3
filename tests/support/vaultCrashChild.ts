/**
 * A child process for the crash tests: it writes to a wallet in a loop and reports each
 * write that returned (so is committed), until the test kills it with SIGKILL at a random
 * moment. Bundled by the test with esbuild so that hundreds of starts stay quick.
 */
import { readFileSync, writeSync } from 'node:fs';
import type { NormalizedCredential } from '../../shared/credential/model';
import { fromWire } from '../../shared/contract/wire';
import { Vault } from '../../electron/vault/vault';

const [mode, folder, passphrase, input] = process.argv.slice(2);
const kdf = { N: 2 ** 14, r: 8, p: 1 };

function say(line: string): void {
  writeSync(1, `${line}\n`);
}

async function main(): Promise<void> {
  if (!mode || !folder || !passphrase || !input) throw new Error('usage: mode folder passphrase input');
  const wallet = await Vault.unlock(folder, passphrase, { write: true });
  say('ready');
  if (mode === 'import') {
    const credentials = fromWire(readFileSync(input, 'utf8')) as NormalizedCredential[];
    for (const credential of credentials) {
      wallet.put(credential);
      say(`committed ${credential.identity}`);
    }
  } else {
    // passwd: the input is a prefix; passphrases prefix-1, prefix-2, ... in turn.
    for (let i = 1; ; i++) {
      const next = `${input}-${String(i)}`;
      say(`changing ${next}`);
      await wallet.changePassphrase(next, kdf);
      say(`committed ${next}`);
    }
  }
  say('done');
}

main().catch((error: unknown) => {
  say(`error ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
