/**
 * node:path (POSIX) for the verifier page: enough for the engine's joins of package file
 * names (nodeFs.ts) and the documents-map code the page never calls but still imports.
 */
function normalise(path: string): string {
  const absolute = path.startsWith('/');
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return (absolute ? '/' : '') + parts.join('/');
}

export const sep = '/';
export const join = (...parts: string[]): string => normalise(parts.join('/'));
export const resolve = (...parts: string[]): string => normalise(['/', ...parts].join('/'));
export const dirname = (path: string): string => normalise(path.replace(/\/[^/]*$/, '') || '/');
export const basename = (path: string, ext?: string): string => {
  const base = path.replace(/\/+$/, '').replace(/^.*\//, '');
  return ext !== undefined && base.endsWith(ext) ? base.slice(0, -ext.length) : base;
};
export const extname = (path: string): string => /(\.[^./]*)$/.exec(basename(path))?.[1] ?? '';
export const isAbsolute = (path: string): boolean => path.startsWith('/');

const path = { sep, join, resolve, dirname, basename, extname, isAbsolute, posix: {} as object };
path.posix = path;
export default path;
