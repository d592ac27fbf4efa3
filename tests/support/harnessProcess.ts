import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface HarnessProcess {
  readonly url: string;
  readonly vault: string;
  readonly output: () => string;
  stop(): Promise<void>;
}

const projectRoot = path.resolve(import.meta.dirname, '../..');

/**
 * Starts `npm run harness` exactly as a developer would (node bin/harness.js), on a free
 * port with a fresh vault folder, and waits for its "Badgefolio harness at URL" line.
 */
export async function startHarnessProcess(vault?: string, extra: { args?: readonly string[]; env?: Readonly<Record<string, string>> } = {}): Promise<HarnessProcess> {
  const folder = vault ?? mkdtempSync(path.join(os.tmpdir(), 'badgefolio-e2e-'));
  // `extra`: the developer option (--dev-host and NODE_EXTRA_CA_CERTS) that reaches a test issuer on the loopback internet.
  const child: ChildProcess = spawn(process.execPath, ['bin/harness.js', '--vault', folder, '--port', '0', '--renderer', 'out/renderer', ...(extra.args ?? [])], {
    cwd: projectRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(extra.env ? { env: { ...process.env, ...extra.env } } : {}),
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`harness did not start:\n${output}`));
    }, 20_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /Badgefolio harness at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`harness exited with ${String(code)}:\n${output}`));
    });
  });
  return {
    url,
    vault: folder,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => {
          if (!vault) rmSync(folder, { recursive: true, force: true });
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}
