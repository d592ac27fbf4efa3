import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { ShellEventSink } from '../../shared/contract/events';
import type { ImportOutcome, WalletState } from '../../shared/credential/walletViews';
import { readInputFiles } from '../intake/inputFiles';
import { defaultIntakeLimits, type IntakeLimits } from '../intake/limits';
import { RefusalError } from '../../shared/contract/refusal';
import { HeldUntilUnlock } from './heldUntilUnlock';

/**
 * Files that reach the app from outside its window: "Open with", a double-click on a file
 * type Badgefolio owns, the dock icon, the command line, a second launch, the menu's Import.
 * They are imported like files dropped on the window, with the same per-file summary; while
 * the wallet is locked (or not created yet) they wait, and the renderer is told how many.
 */

/** The extension of the file `badgefolio backup` writes; installers associate it with the app. */
export const backupExtension = 'badgefolio-backup';
/** First line of every backup file (electron/vault/backupFile.ts); found by content, not name. */
const backupMagic = new TextEncoder().encode('BADGEFOLIO-BACKUP-1\n');
/** What the menu's Import offers by default (any file may still be chosen under "All files"). */
export const importableExtensions = ['json', 'jsonld', 'jwt', 'jws', 'png', 'svg', 'pdf', 'zip', 'xml', 'jpg', 'jpeg', backupExtension] as const;
/** More than anyone opens at once, and a bound on what a runaway script can queue. */
const maxPendingPaths = 500;
/** Files handed to the wallet per call: a big folder does not sit in memory all at once. */
const importBatch = 50;

export interface CommandLineOptions {
  /** Where relative paths are resolved: the launching shell's working folder. */
  readonly cwd: string;
  /**
   * A packaged app's argv is the executable, then the user's arguments. Run as
   * `electron [switches] <app>` (development, tests), the first argument that is not a switch
   * is the app itself, not a file to open.
   */
  readonly packaged: boolean;
}

/**
 * The files named on a command line. Switches (anything starting with "-", which Chromium and
 * the OS add freely) are not files; `file://` URLs (Linux desktop files pass %U) become
 * paths; relative paths are taken from the launching folder. Whether each exists is found out
 * when it is read, so that a missing file gets its own line in the summary.
 */
export function filesFromCommandLine(argv: readonly string[], options: CommandLineOptions): string[] {
  const files: string[] = [];
  let appPathSeen = options.packaged;
  for (const arg of argv.slice(1)) {
    if (arg === '' || arg.startsWith('-')) continue;
    if (!appPathSeen) {
      appPathSeen = true;
      continue;
    }
    let file: string;
    if (/^file:\/\//i.test(arg)) {
      try {
        file = fileURLToPath(arg);
      } catch {
        continue;
      }
    } else if (/^[a-z][a-z0-9+.-]+:\/\//i.test(arg)) {
      continue; // another scheme: not a file
    } else {
      file = isAbsolute(arg) ? arg : resolve(options.cwd, arg);
    }
    if (!files.includes(file)) files.push(file);
  }
  return files;
}

/** What a second launch hands the first (`app.requestSingleInstanceLock(data)`). */
export const secondInstanceDataSchema = z.object({ files: z.array(z.string().min(1).max(4096)).max(maxPendingPaths) });
export type SecondInstanceData = z.infer<typeof secondInstanceDataSchema>;

/**
 * The files a second launch asked for. Its own parse of its command line travels as
 * additional data and is preferred: Chromium may reorder or add to the argv the first instance
 * sees. Without it (an older version launched second), the argv is parsed here.
 */
export function secondInstanceFiles(additionalData: unknown, argv: readonly string[], options: CommandLineOptions): string[] {
  const data = secondInstanceDataSchema.safeParse(additionalData);
  if (data.success) return data.data.files.filter((file) => isAbsolute(file));
  return filesFromCommandLine(argv, options);
}

function isBackup(bytes: Uint8Array): boolean {
  return bytes.length >= backupMagic.length && backupMagic.every((byte, index) => bytes[index] === byte);
}

export interface OpenFilesOptions {
  readonly wallet: {
    state(): Promise<WalletState>;
    import(files: readonly { name: string; bytes: Uint8Array }[]): Promise<ImportOutcome[]>;
  };
  readonly publish: ShellEventSink;
  /** After files were imported: notices may have changed. */
  readonly onImported?: () => void;
  readonly limits?: IntakeLimits;
  readonly log?: (line: string) => void;
}

export class OpenFiles extends HeldUntilUnlock<string> {
  private lastBackup: string | null = null;

  constructor(private readonly options: OpenFilesOptions) {
    super({ what: 'open-files', most: maxPendingPaths, wallet: options.wallet, ...(options.log ? { log: options.log } : {}) });
  }

  /**
   * Files to import. Before `start` (the app is not ready) they only queue; afterwards they
   * are imported at once if the wallet is unlocked, else they wait for `flush`.
   */
  open(paths: readonly string[]): Promise<void> {
    return this.hold(paths);
  }

  /** The path of the backup opened last, for a restore the user confirms with its passphrase. */
  openedBackup(): string | null {
    return this.lastBackup;
  }

  protected announceWaiting(): void {
    this.options.publish('filesWaiting', { count: this.pending.length, names: this.pending.slice(0, 20).map((file) => basename(file)) });
  }

  protected async handOn(taken: readonly string[]): Promise<void> {
    this.options.publish('filesWaiting', { count: 0, names: [] });
    const outcomes: ImportOutcome[] = [];
    let batch: { name: string; bytes: Uint8Array }[] = [];
    const importBatchNow = async (): Promise<void> => {
      if (batch.length === 0) return;
      const files = batch;
      batch = [];
      outcomes.push(...(await this.options.wallet.import(files)));
    };
    try {
      for (const file of taken) {
        // A folder is walked (the label of each file inside starts with the folder's name).
        for await (const input of readInputFiles([{ path: file, label: basename(file) }], this.options.limits ?? defaultIntakeLimits)) {
          if (input.kind === 'unreadable') {
            outcomes.push({ file: input.name, outcome: 'malformed', reason: input.reason, reasonMessage: input.reasonMessage });
          } else if (isBackup(input.bytes)) {
            this.lastBackup = join(dirname(file), input.name);
            this.options.publish('backupOpened', { fileName: input.name });
          } else {
            batch.push({ name: input.name, bytes: input.bytes });
            if (batch.length >= importBatch) await importBatchNow();
          }
        }
      }
      await importBatchNow();
    } catch (error) {
      // Locked in the middle (auto-lock, screen lock): what was not imported waits again.
      if (!(error instanceof RefusalError)) throw error;
      this.pending = [...taken, ...this.pending].slice(0, maxPendingPaths);
      this.announceWaiting();
    } finally {
      if (outcomes.length > 0) {
        this.options.publish('filesImported', { outcomes });
        this.options.onImported?.();
      }
      // A picture or PDF whose QR code holds an offer goes to the window's receive flow, as a
      // link opened with the app does: the user is asked there before anything is sent.
      for (const outcome of outcomes) if (outcome.offer) this.options.publish('linkOpened', { link: outcome.offer.link });
    }
  }
}
