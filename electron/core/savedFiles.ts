import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../vault/atomicFile';

/**
 * A file name the renderer suggested, made safe to use: no folders, no control characters,
 * no names the OS reserves, never empty, not too long.
 */
export function safeFileName(suggested: string, fallback: string): string {
  const base = path
    .basename(suggested.replaceAll('\\', '/'))
    // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]/g, '_')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(0, 150);
  return base === '' || /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i.test(base) ? fallback : base;
}

/** Writes into `folder` under the suggested name, never over an existing file ("name (2).pdf"). */
export function saveIntoFolder(folder: string, suggested: string, bytes: Uint8Array): string {
  mkdirSync(folder, { recursive: true });
  const name = safeFileName(suggested, 'Badgefolio export');
  const extension = path.extname(name);
  const stem = name.slice(0, name.length - extension.length);
  let target = path.join(folder, name);
  for (let n = 2; existsSync(target); n++) target = path.join(folder, `${stem} (${String(n)})${extension}`);
  writeFileAtomic(target, bytes);
  return target;
}
