import type { IntakeOutcome } from '../../shared/credential/intakeOutcome';
import { Intake, readsSlowly, type IntakeFile } from './intake';
import { IntakePool } from './intakePool';
import type { IntakeLimits } from './limits';

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
  private readonly here: Intake;
  private pool: IntakePool | undefined;

  constructor(private readonly limits: IntakeLimits) {
    this.here = new Intake(limits);
  }

  inspect(file: IntakeFile): Promise<IntakeOutcome[]> {
    if (!readsSlowly(file.bytes)) return this.here.inspect(file);
    // Idle workers do not keep the process alive. (The CLI reads in its own thread: it runs
    // from TypeScript sources, where starting workers costs about a second.)
    this.pool ??= new IntakePool({ limits: this.limits });
    return this.pool.inspect(file).catch(() => this.here.inspect(file));
  }
}

