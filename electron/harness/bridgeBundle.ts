import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const bridgeEntry = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../renderer/harness/bridge.ts');

/** Bundles the harness's window.wallet bridge (renderer/harness/bridge.ts) into one script. */
export async function bundleBridge(): Promise<string> {
  const result = await build({
    entryPoints: [bridgeEntry],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    logLevel: 'silent',
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error('The harness bridge did not build.');
  return output.text;
}
