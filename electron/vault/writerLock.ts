import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export class WalletBusyError extends Error {
  override readonly name = 'WalletBusyError';
}

interface LockOwner {
  readonly pid: number;
  readonly host: string;
  readonly since: string;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One writer at a time: the app and the CLI never write the same wallet at once. The lock
 * is a file created with O_EXCL (atomic on every OS we ship for); a lock left by a process
 * that died on this machine is taken over, one held by a live process is respected.
 */
export class WriterLock {
  private released = false;

  private constructor(private readonly file: string) {}

  static acquire(folder: string): WriterLock {
    const file = path.join(folder, 'wallet.lock');
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const fd = openSync(file, 'wx', 0o600);
        const owner: LockOwner = { pid: process.pid, host: os.hostname(), since: new Date().toISOString() };
        writeSync(fd, JSON.stringify(owner));
        closeSync(fd);
        return new WriterLock(file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const owner = WriterLock.owner(file);
        const stale = owner !== null && owner.host === os.hostname() && !processAlive(owner.pid);
        if (!stale || attempt > 0) {
          throw new WalletBusyError(
            owner
              ? `The wallet is open for changes in another Badgefolio (process ${String(owner.pid)} since ${owner.since}). Close it and try again.`
              : 'The wallet is open for changes in another Badgefolio. Close it and try again.',
          );
        }
        unlinkSync(file);
      }
    }
    throw new WalletBusyError('The wallet is open for changes in another Badgefolio.');
  }

  private static owner(file: string): LockOwner | null {
    try {
      const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockOwner>;
      return typeof parsed.pid === 'number' && typeof parsed.host === 'string'
        ? { pid: parsed.pid, host: parsed.host, since: typeof parsed.since === 'string' ? parsed.since : 'unknown' }
        : null;
    } catch {
      // A lock file being written right now, or garbage: treat as held (not stale).
      return null;
    }
  }

  release(): void {
    if (this.released) return;
    this.released = true;
    try {
      unlinkSync(this.file);
    } catch {
      // Already gone: nothing to release.
    }
  }
}
