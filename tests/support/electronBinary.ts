import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const electronPackage = path.resolve(import.meta.dirname, '../../node_modules/electron');

/**
 * The Electron executable if it is really on disk, else null. Reads what the electron
 * package's own index.js reads, without requiring it: requiring it starts a download,
 * which our build machines cannot make.
 */
export function electronBinary(): string | null {
  const pathFile = path.join(electronPackage, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const overrideDist = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const candidate = overrideDist ? path.join(overrideDist, relative ?? 'electron') : relative ? path.join(electronPackage, 'dist', relative) : null;
  return candidate && existsSync(candidate) ? candidate : null;
}
