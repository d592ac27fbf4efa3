import { z } from 'zod';
import type { ShellEventSink } from '../../shared/contract/events';
import type { WalletState } from '../../shared/credential/walletViews';
import { HeldUntilUnlock } from './heldUntilUnlock';

/**
 * Links that reach the app from outside its window (issue #20): a `badgefolio://` or
 * `openid-credential-offer://` link clicked in a browser, which the OS hands over on the command
 * line (Windows, Linux: at first start, or through the single-instance hand-off) or as macOS's
 * `open-url`. Like files opened with the app (openFiles.ts), they wait while the wallet is locked
 * (the window is told how many) and, once it is open, go to the window's receive flow, which
 * asks the user before anything is sent. Nothing here touches the network.
 */

/** The URL schemes the installed app registers with the OS (build/electron-builder.yml `protocols`). */
export const linkSchemes = ['badgefolio', 'openid-credential-offer'] as const;

/** As long as a link the receive flow takes (the contract's limit). */
const maxLinkLength = 64 * 1024;
/** More than anyone clicks at once, and a bound on what a runaway page can queue. */
const maxPendingLinks = 20;

const schemePattern = new RegExp(`^(?:${linkSchemes.join('|')}):`, 'i');

/** Whether a command-line argument is a link for the app (not a file, not a switch). */
export function isAppLink(arg: string): boolean {
  return arg.length <= maxLinkLength && schemePattern.test(arg);
}

/**
 * The links on a command line. The OS passes a clicked link as an argument of its own; other
 * arguments (the executable, the app folder in development, switches, files) are not links.
 */
export function linksFromCommandLine(argv: readonly string[]): string[] {
  const links: string[] = [];
  for (const arg of argv.slice(1)) if (isAppLink(arg) && !links.includes(arg)) links.push(arg);
  return links.slice(0, maxPendingLinks);
}

/** What a second launch hands the first beside its files (`app.requestSingleInstanceLock(data)`). */
export const secondInstanceLinksSchema = z.object({ links: z.array(z.string().min(1).max(maxLinkLength)).max(maxPendingLinks) });

/**
 * The links a second launch brought. Its own parse of its command line, sent as additional
 * data, is preferred (Chromium may reorder or add to the argv the first instance sees);
 * without it (an older version launched second), the argv is read here.
 */
export function secondInstanceLinks(additionalData: unknown, argv: readonly string[]): string[] {
  const data = secondInstanceLinksSchema.safeParse(additionalData);
  if (data.success) return data.data.links.filter(isAppLink);
  return linksFromCommandLine(argv);
}

/** One `app.setAsDefaultProtocolClient(scheme, path?, args?)` call. */
export interface ProtocolRegistration {
  readonly scheme: (typeof linkSchemes)[number];
  readonly path?: string;
  readonly args?: readonly string[];
}

/**
 * Which schemes to claim at startup. The installed app claims both. A development run claims
 * none unless asked to (BADGEFOLIO_REGISTER_PROTOCOLS=1): it would take the links over from an
 * installed Badgefolio, and test runs would leave the OS pointing at a temporary build. When it
 * does, Electron's documentation says how: run as `electron <app>` (`process.defaultApp`), the
 * OS must start the executable with the app's folder as its argument.
 */
export function protocolRegistrations(options: {
  readonly packaged: boolean;
  readonly defaultApp: boolean;
  readonly argv: readonly string[];
  readonly execPath: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly resolvePath: (path: string) => string;
}): ProtocolRegistration[] {
  if (options.packaged) return linkSchemes.map((scheme) => ({ scheme }));
  if (options.env.BADGEFOLIO_REGISTER_PROTOCOLS !== '1') return [];
  const appFolder = options.argv[1];
  if (!options.defaultApp || appFolder === undefined) return linkSchemes.map((scheme) => ({ scheme }));
  return linkSchemes.map((scheme) => ({ scheme, path: options.execPath, args: [options.resolvePath(appFolder)] }));
}

export interface OpenLinksOptions {
  readonly wallet: { state(): Promise<WalletState> };
  /** `linkOpened` goes to the window's receive flow; `linksWaiting` tells it how many wait. */
  readonly publish: ShellEventSink;
  readonly log?: (line: string) => void;
}

export class OpenLinks extends HeldUntilUnlock<string> {
  constructor(private readonly options: OpenLinksOptions) {
    super({ what: 'open-links', most: maxPendingLinks, wallet: options.wallet, ...(options.log ? { log: options.log } : {}) });
  }

  /** Links opened with the app. Before `start` they only queue; afterwards they go on at once if the wallet is open. */
  open(links: readonly string[]): Promise<void> {
    return this.hold(links.filter(isAppLink));
  }

  protected announceWaiting(): void {
    this.options.publish('linksWaiting', { count: this.pending.length });
  }

  protected handOn(taken: readonly string[]): Promise<void> {
    this.options.publish('linksWaiting', { count: 0 });
    for (const link of taken) this.options.publish('linkOpened', { link });
    return Promise.resolve();
  }
}
