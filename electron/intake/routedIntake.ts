import type { IntakeOutcome } from '../../shared/credential/intakeOutcome';
import { primaryLanguage } from './formats/preferredLanguage';
import { Intake, readsSlowly, type IntakeFile } from './intake';
import { IntakePool } from './intakePool';
import type { IntakeLimits } from './limits';

export interface RoutedIntakeOptions {
  /**
   * The user's language (see IntakeOptions.language), asked for each file: the app's setting
   * can change while it runs, and the next file is then read in the new one. A value that
   * names no language counts as none: a setting read at run time never stops an import.
   */
  readonly language?: () => string | undefined;
}

/** The readers for one language: this thread's Intake and, once a slow file comes, a pool. */
interface Readers {
  readonly language: string | undefined;
  readonly here: Intake;
  pool: IntakePool | undefined;
  /** Files the pool is reading now. */
  inFlight: number;
  /** Another language has been chosen since: the pool is closed once its files are read. */
  retired: boolean;
}

/**
 * Intake for the app's imports, which bring files of every kind: each file is read where it
 * costs least.
 *
 * - Pictures and documents (a QR search, a PDF, an archive: up to a second each) go to the
 *   intake pool, started on the first of them, so they are read on the other cores while
 *   this thread stays free (in the app: for the window and the other calls).
 * - Credential text and baked badges are read here: microseconds each, less than handing
 *   them to a worker would cost (npm run bench: the pool is slower for them).
 *
 * `inspect` starts the work at once and answers with the file's outcomes, as Intake does;
 * callers that start many files and then await them in turn keep their order and still get
 * the slow ones read side by side. It never rejects: should the pool be closed, the file is
 * read here after all.
 */
export class RoutedIntake {
  /** Made on the first file (the language is asked for then, not while the owner is being built). */
  private readers: Readers | undefined;

  constructor(
    private readonly limits: IntakeLimits,
    private readonly options: RoutedIntakeOptions = {},
  ) {}

  inspect(file: IntakeFile): Promise<IntakeOutcome[]> {
    const readers = this.readersNow();
    if (!readsSlowly(file.bytes)) return readers.here.inspect(file);
    // Idle workers do not keep the process alive. (The CLI reads in its own thread: it runs
    // from TypeScript sources, where starting workers costs about a second.)
    readers.pool ??= new IntakePool({ limits: this.limits, language: readers.language });
    readers.inFlight++;
    return readers.pool
      .inspect(file)
      .catch(() => readers.here.inspect(file))
      .finally(() => {
        readers.inFlight--;
        this.closeWhenDone(readers);
      });
  }

  /** The readers for the language chosen now; those of a language chosen before are retired. */
  private readersNow(): Readers {
    const asked = this.options.language?.();
    const language = asked === undefined ? undefined : primaryLanguage(asked);
    const current = this.readers;
    if (current !== undefined && current.language === language) return current;
    this.readers = { language, here: new Intake(this.limits, { language }), pool: undefined, inFlight: 0, retired: false };
    if (current) {
      current.retired = true;
      this.closeWhenDone(current);
    }
    return this.readers;
  }

  /** A retired pool's workers are ended once the files it was given are answered. */
  private closeWhenDone(readers: Readers): void {
    if (!readers.retired || readers.inFlight > 0 || !readers.pool) return;
    const pool = readers.pool;
    readers.pool = undefined;
    void pool.close();
  }
}
