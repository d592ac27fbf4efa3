import { verify, type KeyObject } from 'node:crypto';

/**
 * An EdDSA (or other one-shot) signature check on libuv's thread pool rather than this
 * thread: given a callback, node:crypto's `verify` runs there. While it runs, this thread goes
 * on canonicalising the next credential, so a batch's signature checks (a tenth of a
 * 400-credential `badgefolio verify`) overlap with the rest of the work on a second core.
 * Answers false, never throws, for a signature the key's algorithm cannot read.
 */
export function verifyOffThread(data: Uint8Array, key: KeyObject, signature: Uint8Array): Promise<boolean> {
  return new Promise((resolve) => {
    try {
      verify(null, data, key, signature, (error, valid) => {
        resolve(error === null && valid);
      });
    } catch {
      resolve(false);
    }
  });
}
