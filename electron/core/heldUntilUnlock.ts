import type { WalletState } from '../../shared/credential/walletViews';

/**
 * What reaches the app from outside its window (files opened with it, links clicked in a
 * browser) while it starts or while the wallet is locked: queued without repeats and up to a
 * bound, then handed on once the wallet is open, one hand-over at a time (two launches in quick
 * succession must not hand the same thing on twice). OpenFiles and OpenLinks say what a
 * hand-over does and how the window is told what waits.
 */
export abstract class HeldUntilUnlock<T> {
  protected pending: T[] = [];
  private started = false;
  private chain: Promise<unknown> = Promise.resolve();

  protected constructor(
    private readonly held: { readonly what: string; readonly most: number; readonly log?: (line: string) => void; readonly wallet: { state(): Promise<WalletState> } },
  ) {}

  /** Before `start` these only queue; afterwards they go on at once if the wallet is open. */
  protected hold(items: readonly T[]): Promise<void> {
    for (const item of items) {
      if (this.pending.length >= this.held.most) {
        this.held.log?.(`${this.held.what}: more than ${String(this.held.most)} waiting, the rest ignored`);
        break;
      }
      if (!this.pending.includes(item)) this.pending.push(item);
    }
    return this.started ? this.flush() : Promise.resolve();
  }

  /** The app is ready: what queued during startup may go on. */
  start(): Promise<void> {
    this.started = true;
    return this.flush();
  }

  /** Hands on what waits if the wallet is open now; else tells the window it waits. */
  flush(): Promise<void> {
    const next = this.chain.then(() => this.flushNow());
    this.chain = next.catch(() => undefined);
    return next;
  }

  /** Says again what waits (a freshly loaded window knows nothing yet). */
  announce(): void {
    if (this.pending.length > 0) this.announceWaiting();
  }

  waiting(): readonly T[] {
    return this.pending;
  }

  private async flushNow(): Promise<void> {
    if (!this.started || this.pending.length === 0) return;
    if ((await this.held.wallet.state()).state !== 'unlocked') {
      this.announceWaiting();
      return;
    }
    const taken = this.pending;
    this.pending = [];
    await this.handOn(taken);
  }

  /** The window is told how many wait (and may show them). */
  protected abstract announceWaiting(): void;

  /** What to do with what waited, now that the wallet is open (it is no longer pending). */
  protected abstract handOn(taken: readonly T[]): Promise<void>;
}
