import type { ShellEventSink } from '../../shared/contract/events';
import type { UpdateSettings } from '../../shared/preferences';
import { parseSafeExternalUrl } from '../security/externalLinks';

/**
 * Update checks: off until the user turns them on. A wallet app that calls home on its own
 * would tell a server when and from where its owner uses it; so the default is silence, and
 * the feed (a release server or a mirror) is the user's to choose.
 */
export type UpdatePlan =
  | { readonly check: false; readonly reason: 'off' | 'not-packaged' | 'no-feed' | 'unsafe-feed' }
  /** `feedUrl` null: the feed built into the release (electron-builder's `publish`, app-update.yml). */
  | { readonly check: true; readonly feedUrl: string | null };

export interface UpdateContext {
  /** Only a packaged app can update itself. */
  readonly packaged: boolean;
  /** The release carries app-update.yml (its build had a `publish` entry). */
  readonly builtInFeed: boolean;
}

export function updatePlan(settings: UpdateSettings, context: UpdateContext): UpdatePlan {
  if (!settings.enabled) return { check: false, reason: 'off' };
  if (!context.packaged) return { check: false, reason: 'not-packaged' };
  const feed = settings.feedUrl?.trim();
  if (feed) {
    try {
      // SECURITY: https only, no credentials in the URL: the feed names what gets installed.
      return { check: true, feedUrl: parseSafeExternalUrl(feed).href };
    } catch {
      return { check: false, reason: 'unsafe-feed' };
    }
  }
  return context.builtInFeed ? { check: true, feedUrl: null } : { check: false, reason: 'no-feed' };
}

/** The part of electron-updater's autoUpdater used here (the shell adapts the real one). */
export interface Updater {
  setFeed(url: string): void;
  /** Resolves when the check (and a download it starts) has been set going. */
  check(): Promise<void>;
  onStatus(listener: (status: UpdateStatus) => void): void;
}

export type UpdateStatus =
  | { readonly state: 'checking' | 'not-available' }
  | { readonly state: 'available' | 'downloaded'; readonly version: string }
  | { readonly state: 'error'; readonly message: string };

export interface UpdateServiceOptions extends UpdateContext {
  /** Loads electron-updater only when checks are on: off, it is never even imported. */
  readonly loadUpdater: () => Promise<Updater>;
  readonly publish: ShellEventSink;
  readonly log?: (line: string) => void;
  /** Between checks while the app runs (default 6 hours). */
  readonly intervalMs?: number;
  readonly timers?: { set: (fn: () => void, ms: number) => unknown; clear: (handle: unknown) => void };
}

export class UpdateService {
  private updater: Updater | null = null;
  private handle: unknown = null;
  private feed: string | null | undefined;
  private readonly timers: NonNullable<UpdateServiceOptions['timers']>;

  constructor(private readonly options: UpdateServiceOptions) {
    this.timers = options.timers ?? {
      set: (fn, ms) => setInterval(fn, ms).unref(),
      clear: (handle) => {
        clearInterval(handle as NodeJS.Timeout);
      },
    };
  }

  /** At start and whenever the setting changes: starts, moves or stops the checks. */
  async apply(settings: UpdateSettings): Promise<UpdatePlan> {
    const plan = updatePlan(settings, this.options);
    this.stop();
    if (!plan.check) {
      if (plan.reason !== 'off') this.options.log?.(`update checks not started: ${plan.reason}`);
      return plan;
    }
    const updater = await this.load();
    if (plan.feedUrl !== null && plan.feedUrl !== this.feed) updater.setFeed(plan.feedUrl);
    this.feed = plan.feedUrl;
    await this.check();
    this.handle = this.timers.set(
      () => {
        void this.check();
      },
      this.options.intervalMs ?? 6 * 60 * 60 * 1000,
    );
    return plan;
  }

  stop(): void {
    if (this.handle !== null) this.timers.clear(this.handle);
    this.handle = null;
  }

  private async load(): Promise<Updater> {
    if (this.updater) return this.updater;
    const updater = await this.options.loadUpdater();
    updater.onStatus((status) => {
      this.options.publish('updateStatus', status);
    });
    this.updater = updater;
    return updater;
  }

  private async check(): Promise<void> {
    try {
      await this.updater?.check();
    } catch (error) {
      // Offline, a feed that is down: reported, never fatal.
      const message = error instanceof Error ? error.message.slice(0, 300) : 'The update check failed.';
      this.options.publish('updateStatus', { state: 'error', message });
    }
  }
}
