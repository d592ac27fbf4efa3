/**
 * What the verifier page has none of: threads (the page's engine is itself one Web Worker),
 * the OS, sockets and DNS (its fetches are the browser's, browserFetch.ts). Modules that import
 * these only to start worker pools or open sockets get this; calling anything here throws.
 */
function absent(): never {
  throw new Error('Not available in the verifier page.');
}

export function Worker(): never {
  absent();
}
export const parentPort = null;
export const workerData = undefined;
export const isMainThread = true;
export const availableParallelism = (): number => 1;
export const cpus = (): unknown[] => [];
export const tmpdir = (): string => '/tmp';
export const homedir = (): string => '/';
export const platform = (): string => 'browser';
export const isIP = (address: string): number => (/^\d{1,3}(\.\d{1,3}){3}$/.test(address) ? 4 : address.includes(':') ? 6 : 0);
export const lookup = absent;
export const request = absent;
export const get = absent;
export default { Worker, parentPort, workerData, isMainThread, availableParallelism, cpus, tmpdir, homedir, platform, isIP, lookup, request, get };
