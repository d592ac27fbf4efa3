import type { NormalizedCredential } from '../../shared/credential/model';
import type { VerificationReport } from '../../shared/credential/verification';
import { englishOf } from '../../shared/credential/verificationMessages';
import type { ImageTarget, PreparedImage } from '../../shared/portfolio/types';
import type { IntakeSetup } from '../intake/intakeTasks';
import { defaultIntakeLimits, MalformedInputError } from '../intake/limits';
import type { WorkerEntry } from '../workers/workerEntry';
import { WorkerPool, type TaskStop } from '../workers/workerPool';
import type { PortfolioPdfReport } from './readPortfolioPdf';

/** A card picture: at most 160 px on its long side and 24 KB. */
export const cardPictureTarget: ImageTarget = { maxPixels: 160, maxBytes: 24 * 1024 };

/** What the worker made of a portfolio PDF: its report (not verified yet), or why it cannot be read. */
export type PdfReading = { readonly kind: 'read'; readonly report: PortfolioPdfReport } | { readonly kind: 'refused'; readonly reason: string };

/** The worker entry for these files, declared here and built as an entry of its own (electron.vite.config.ts). */
const fileWorker: WorkerEntry = {
  sources: new URL('./fileWorker.ts', import.meta.url),
  built: [new URL('./fileWorker.js', import.meta.url), new URL('../fileWorker.js', import.meta.url)],
};

/**
 * Untrusted files the wallet opens besides imports, decoded in worker threads with intake's
 * caps (pixels, sizes, the 30 s timeout, a worker that stops costs only that file), never on
 * the main thread: a stored credential's picture shrunk for its card, and a portfolio PDF for
 * "Check a PDF". The worker pool (workers/workerPool.ts) runs them, with no `here`: without
 * workers they are answered as stopped, never decoded in this thread. Its workers start on the
 * first file and do not keep the process alive while idle.
 */
export class FileReaders {
  private pool: WorkerPool | undefined;

  constructor(private readonly options: { readonly size?: number; readonly workerScript?: URL } = {}) {}

  private workers(): WorkerPool {
    const setup: IntakeSetup = { limits: defaultIntakeLimits };
    this.pool ??= new WorkerPool({ entry: fileWorker, setup, size: this.options.size, workerScript: this.options.workerScript });
    return this.pool;
  }

  /** Tasks answered by a worker thread so far (tests: proof that the decoding left this thread). */
  get workerAnswers(): number {
    return this.pool?.workerAnswers ?? 0;
  }

  /**
   * A PNG or JPEG as a card picture: a smaller copy, 'as-is' when it is small enough already,
   * or null (draw a placeholder) when it cannot be read, is refused (a decompression bomb) or
   * stopped its worker.
   */
  cardPicture(bytes: Uint8Array): Promise<PreparedImage | 'as-is' | null> {
    return this.workers().run<PreparedImage | 'as-is' | null>('thumbnail', { name: 'card picture', bytes }, () => null);
  }

  /**
   * A portfolio PDF read in a worker (readPortfolioPdf.ts), then each credential it holds
   * verified here in order with `verify` (the wallet's verifier). One that cannot be read is
   * refused with a MalformedInputError, as readPortfolioPdf refuses it.
   */
  async readPortfolioPdf(bytes: Uint8Array, verify: (credential: NormalizedCredential) => Promise<VerificationReport>): Promise<PortfolioPdfReport> {
    const stopped = (why: TaskStop): PdfReading => ({ kind: 'refused', reason: why ? englishOf(why) : 'This PDF could not be read: it is damaged or not a PDF.' });
    const reading = await this.workers().run<PdfReading>('portfolio-pdf', { name: 'portfolio.pdf', bytes }, stopped);
    if (reading.kind === 'refused') throw new MalformedInputError(reading.reason);
    for (const item of reading.report.credentials) {
      for (const credential of item.credentials) item.verification.push(await verify(credential));
    }
    return reading.report;
  }

  /** Ends the workers (tests; the app leaves idle workers be). */
  async close(): Promise<void> {
    const pool = this.pool;
    this.pool = undefined;
    await pool?.close();
  }
}

let shared: FileReaders | undefined;

/** The process's one set of file readers (the wallet session's thumbnails and PDF checks). */
export function sharedFileReaders(): FileReaders {
  shared ??= new FileReaders();
  return shared;
}
