import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The version in package.json, for the CLI and the harness (the app asks Electron). */
export function packageVersion(): string {
  const file = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../package.json');
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { version?: unknown };
  return typeof parsed.version === 'string' ? parsed.version : '0.0.0';
}
