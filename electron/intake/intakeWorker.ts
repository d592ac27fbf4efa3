import { parentPort, workerData } from 'node:worker_threads';
import type { IntakeOutcome } from '../../shared/credential/intakeOutcome';
import { Intake } from './intake';
import type { IntakeLimits } from './limits';
import { packValue, type PackedValue } from './threadTransfer';

/**
 * One intake worker thread (see intakePool.ts): reads the files of each batch it is sent,
 * one after another, and answers with their outcomes. Before each file it notes in shared
 * memory which file it is on and since when, so the pool can tell which file a stuck or
 * stopped worker was reading without any message from it.
 */
export interface IntakeWorkerData {
  readonly role: 'badgefolio-intake-worker';
  readonly limits: IntakeLimits;
  /** The user's language, for this worker's Intake (see IntakeOptions.language). */
  readonly language?: string | undefined;
  /**
   * Int32Array over it: [file id being read or -1 between files, when that began (ms after
   * `epoch`), batches answered so far].
   */
  readonly progress: SharedArrayBuffer;
  readonly epoch: number;
  /** For the TypeScript-sources bootstrap: this module's URL. */
  readonly entry: string;
}

export interface IntakeBatchFile {
  readonly id: number;
  readonly name: string;
  /** Where the file's bytes lie in the batch's carrier buffer. */
  readonly offset: number;
  readonly length: number;
  /** The user asked to keep this picture as a self-reported certificate (IntakeFile.keepAsCertificate). */
  readonly keepAsCertificate?: boolean;
  /** An archive's files to read again and keep as certificates (IntakeFile.keepEntries). */
  readonly keepEntries?: readonly string[];
}

/** Pool to worker: files copied back to back into `carrier`, a buffer that travels both ways. */
export interface IntakeBatchMessage {
  readonly batch: number;
  readonly carrier: ArrayBuffer;
  readonly files: readonly IntakeBatchFile[];
}

/** Worker to pool: the carrier back for reuse, and per file [id, outcomes], packed. */
export type IntakeWorkerMessage =
  | { readonly kind: 'ready' }
  | { readonly kind: 'batch'; readonly batch: number; readonly carrier: ArrayBuffer; readonly results: PackedValue };

export type IntakeBatchResults = [number, IntakeOutcome[]][];

/** Nothing left idle: the pool reads this as "between files". */
export const idle = -1;

async function readBatch(intake: Intake, progress: Int32Array, epoch: number, message: IntakeBatchMessage): Promise<IntakeWorkerMessage> {
  const results: IntakeBatchResults = [];
  for (const file of message.files) {
    Atomics.store(progress, 1, Date.now() - epoch);
    Atomics.store(progress, 0, file.id);
    const bytes = new Uint8Array(message.carrier, file.offset, file.length);
    let outcomes: IntakeOutcome[];
    try {
      outcomes = await intake.inspect({ name: file.name, bytes, ...(file.keepAsCertificate ? { keepAsCertificate: true } : {}), ...(file.keepEntries ? { keepEntries: file.keepEntries } : {}) });
    } catch {
      // Intake answers every file itself; this is only for what it cannot foresee.
      outcomes = [{ outcome: 'malformed', file: file.name, reason: 'This file could not be read (it may be damaged).' }];
    }
    results.push([file.id, outcomes]);
  }
  Atomics.store(progress, 1, Date.now() - epoch);
  Atomics.store(progress, 0, idle);
  const files = message.files;
  // Bytes within a file (the original, a baked image, a stored zip member) go back as a
  // reference to it: the pool holds the file.
  const packed = packValue(results, (view) => {
    if (view.buffer !== message.carrier) return undefined;
    const index = files.findIndex((f) => view.byteOffset >= f.offset && view.byteOffset + view.byteLength <= f.offset + f.length);
    const file = files[index];
    return file ? [index, view.byteOffset - file.offset] : undefined;
  });
  return { kind: 'batch', batch: message.batch, carrier: message.carrier, results: packed };
}

const data = workerData as Partial<IntakeWorkerData> | null;
const port = parentPort;
if (port && data?.role === 'badgefolio-intake-worker' && data.limits && data.progress && data.epoch !== undefined) {
  const intake = new Intake(data.limits, { language: data.language });
  const progress = new Int32Array(data.progress);
  const epoch = data.epoch;
  // Batches are read strictly in turn, so the progress cell always names the file at work.
  let previous: Promise<void> = Promise.resolve();
  port.on('message', (message: IntakeBatchMessage) => {
    previous = previous.then(async () => {
      const answer = await readBatch(intake, progress, epoch, message);
      Atomics.add(progress, 2, 1);
      port.postMessage(answer, answer.kind === 'batch' ? [answer.carrier, ...answer.results.buffers] : []);
    });
  });
  port.postMessage({ kind: 'ready' } satisfies IntakeWorkerMessage);
}
