/**
 * Locks the wallet after the computer has been idle for the chosen minutes. It polls the
 * system's idle time (the shell gives it Electron's powerMonitor) instead of watching the
 * window, so activity in other programs counts too, as a user would expect; screen lock and
 * suspend lock at once (the shell calls `lockNow`).
 */
export interface AutoLockOptions {
  readonly minutes: number;
  readonly idleSeconds: () => number;
  readonly lock: () => void;
  readonly pollSeconds?: number;
  readonly timers?: { set: (fn: () => void, ms: number) => unknown; clear: (handle: unknown) => void };
}

export class AutoLock {
  private handle: unknown = null;
  private minutes: number;
  private readonly timers: NonNullable<AutoLockOptions['timers']>;

  constructor(private readonly options: AutoLockOptions) {
    this.minutes = options.minutes;
    this.timers = options.timers ?? {
      set: (fn, ms) => setInterval(fn, ms),
      clear: (handle) => {
        clearInterval(handle as NodeJS.Timeout);
      },
    };
  }

  /** Starts watching (when the wallet is unlocked). 0 minutes means never. */
  start(): void {
    this.stop();
    if (this.minutes <= 0) return;
    this.handle = this.timers.set(
      () => {
        this.check();
      },
      (this.options.pollSeconds ?? 15) * 1000,
    );
  }

  setMinutes(minutes: number): void {
    this.minutes = minutes;
    if (this.handle !== null) this.start();
  }

  check(): void {
    if (this.minutes > 0 && this.options.idleSeconds() >= this.minutes * 60) this.lockNow();
  }

  lockNow(): void {
    this.stop();
    this.options.lock();
  }

  stop(): void {
    if (this.handle !== null) this.timers.clear(this.handle);
    this.handle = null;
  }
}
