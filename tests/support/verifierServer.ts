import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

export interface VerifierServer {
  readonly url: string;
  stop(): Promise<void>;
}

/** Builds out/verifier/ when it is missing (`npm run build` makes it; the tests need not rebuild the app). */
export function ensureVerifierPage(): void {
  if (existsSync(path.join(root, 'out/verifier/index.html'))) return;
  const built = spawnSync(process.execPath, [path.join(root, 'build/verifierPage.js')], { cwd: root, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`The verifier page did not build: ${built.stderr}`);
}

/** `npm run verifier` as a user runs it (bin/verifier.js), on a free loopback port. */
export async function startVerifierServer(): Promise<VerifierServer> {
  ensureVerifierPage();
  const child: ChildProcess = spawn(process.execPath, [path.join(root, 'bin/verifier.js'), '--port', '0'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) => {
      reject(new Error(`bin/verifier.js exited (${String(code)}): ${output}`));
    });
  });
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) {
          resolve();
          return;
        }
        child.once('exit', () => {
          resolve();
        });
        child.kill();
      }),
  };
}
