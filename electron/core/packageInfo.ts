import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export function packageJson(): Record<string, unknown> {
  const file = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../package.json');
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
}

/** The version in package.json, for the CLI and the harness (the app asks Electron). */
export function packageVersion(): string {
  const { version } = packageJson();
  return typeof version === 'string' ? version : '0.0.0';
}
