import { packageBinaries } from 'badgefolio-package-binaries';
import { packageRoot } from './nodeModule';

/**
 * node:fs for the verifier page: readFileSync of the package files the engine reads from disk
 * in the app (the Blockcerts contexts in @blockcerts/schemas, electron/verify/blockcertsContextFiles.ts),
 * embedded at build time. Only the files the engine names are embedded (the package holds
 * 440 KB of schemas it never reads). Anything else is "not found", as a missing file is.
 */
const blockcertsFiles = import.meta.glob(
  [
    '../../../node_modules/@blockcerts/schemas/schemas/context_urls.json',
    '../../../node_modules/@blockcerts/schemas/schemas/2.0/context.json',
    '../../../node_modules/@blockcerts/schemas/schemas/2.1/context.json',
    '../../../node_modules/@blockcerts/schemas/schemas/2.1/obi.json',
    '../../../node_modules/@blockcerts/schemas/schemas/3.0/context.json',
    '../../../node_modules/@blockcerts/schemas/schemas/3.0/credential.json',
    '../../../node_modules/@blockcerts/schemas/schemas/3.0-beta/context.json',
    '../../../node_modules/@blockcerts/schemas/schemas/3.1/context.json',
    '../../../node_modules/@blockcerts/schemas/schemas/3.1/merkleProof2019Context.json',
    '../../../node_modules/@blockcerts/schemas/schemas/3.1/chainedProof2021Context.json',
    '../../../node_modules/@blockcerts/schemas/schemas/3.1/statusList2021Context.json',
    '../../../node_modules/@blockcerts/schemas/schemas/3.2/context.json',
    '../../../node_modules/@blockcerts/schemas/schemas/3.2/credential_v2.json',
    '../../../node_modules/@blockcerts/schemas/schemas/3.2/dataIntegrityProof.json',
  ],
  { eager: true, query: '?raw', import: 'default' },
);

const files = new Map<string, string>();
for (const [path, text] of Object.entries(blockcertsFiles)) {
  files.set(path.replace(/^(\.\.\/)+node_modules/, packageRoot), text);
}

/**
 * The WebAssembly the engine reads from its packages (libjpeg-turbo for JPEG pictures, zxing-cpp
 * for QR codes), embedded by the build as base64 by package name. Compiling them is what the
 * page's CSP allows 'wasm-unsafe-eval' for.
 */
const binaryFiles = new Map<string, string>(Object.entries(packageBinaries).map(([name, base64]) => [`${packageRoot}/${name}`, base64]));

export function readFileSync(file: unknown, encoding?: unknown): string | Buffer {
  const binary = typeof file === 'string' && encoding === undefined ? binaryFiles.get(file) : undefined;
  if (binary !== undefined) return Buffer.from(binary, 'base64');
  const text = typeof file === 'string' ? files.get(file) : undefined;
  if (text === undefined) {
    throw Object.assign(new Error(`ENOENT: the verifier page has no file ${String(file)}`), { code: 'ENOENT' });
  }
  return encoding === undefined ? Buffer.from(text, 'utf8') : text;
}

export function existsSync(file: unknown): boolean {
  return typeof file === 'string' && (files.has(file) || binaryFiles.has(file));
}

export default { readFileSync, existsSync };
