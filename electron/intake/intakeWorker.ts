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
  /** The file's own buffer, handed over (transferred); else it lies in the carrier. */
  readonly own?: ArrayBuffer;
  /** Where the file's bytes lie in the carrier (0 and the whole length when `own`). */
  readonly offset: number;
  readonly length: number;
}

/** Pool to worker: files handed over, or copied back to back into `carrier` (reused). */
export interface IntakeBatchMessage {
  readonly batch: number;
  readonly carrier: ArrayBuffer | null;
  readonly files: readonly IntakeBatchFile[];
}

/**
 * Worker to pool: per file [id, outcomes], packed; the carrier back for reuse; and each
 * handed-over file's buffer back, in file order (null for files in the carrier).
 */
export type IntakeWorkerMessage =
  | { readonly kind: 'ready' }
  | {
      readonly kind: 'batch';
      readonly batch: number;
      readonly carrier: ArrayBuffer | null;
      readonly returned: readonly (ArrayBuffer | null)[];
      readonly results: PackedValue;
    };

export type IntakeBatchResults = [number, IntakeOutcome[]][];

/** Nothing left idle: the pool reads this as "between files". */
export const idle = -1;

async function readBatch(intake: Intake, progress: Int32Array, epoch: number, message: IntakeBatchMessage): Promise<IntakeWorkerMessage> {
  const results: IntakeBatchResults = [];
  const T = ((globalThis as any).T ??= { inspect: 0, pack: 0, post: 0, wait: 0, n: 0, last: 0 });
  if (T.last) T.wait += performance.now() - T.last;
  let t0 = performance.now();
  for (const file of message.files) {
    Atomics.store(progress, 1, Date.now() - epoch);
    Atomics.store(progress, 0, file.id);
    const bytes = file.own ? new Uint8Array(file.own) : new Uint8Array(message.carrier ?? new ArrayBuffer(0), file.offset, file.length);
    let outcomes: IntakeOutcome[];
    try {
      outcomes = await intake.inspect({ name: file.name, bytes });
    } catch {
      // Intake answers every file itself; this is only for what it cannot foresee.
      outcomes = [{ outcome: 'malformed', file: file.name, reason: 'This file could not be read (it may be damaged).' }];
    }
    results.push([file.id, outcomes]);
  }
  Atomics.store(progress, 1, Date.now() - epoch);
  Atomics.store(progress, 0, idle);
  T.inspect += performance.now() - t0; T.n += message.files.length; t0 = performance.now();
  const files = message.files;
  // Bytes within a file (the original, a baked image, a stored zip member) go back as a
  // reference: the pool holds the file, or gets its buffer back with this answer.
  const packed = packValue(results, (view) => {
    const index = files.findIndex((f) =>
      f.own ? view.buffer === f.own : view.buffer === message.carrier && view.byteOffset >= f.offset && view.byteOffset + view.byteLength <= f.offset + f.length,
    );
    const file = files[index];
    return file ? [index, view.byteOffset - file.offset] : undefined;
  });
  T.pack += performance.now() - t0;
  return { kind: 'batch', batch: message.batch, carrier: message.carrier, returned: files.map((f) => f.own ?? null), results: packed, T } as IntakeWorkerMessage;
}

const data = workerData as Partial<IntakeWorkerData> | null;
const port = parentPort;
if (port && data?.role === 'badgefolio-intake-worker' && data.limits && data.progress && data.epoch !== undefined) {
  const intake = new Intake(data.limits);
  const progress = new Int32Array(data.progress);
  const epoch = data.epoch;
  // Batches are read strictly in turn, so the progress cell always names the file at work.
  let previous: Promise<void> = Promise.resolve();
  port.on('message', (message: IntakeBatchMessage) => {
    previous = previous.then(async () => {
      const answer = await readBatch(intake, progress, epoch, message);
      Atomics.add(progress, 2, 1);
      const transfer = answer.kind === 'batch' ? [...answer.results.buffers, ...answer.returned.filter((b) => b !== null)] : [];
      if (answer.kind === 'batch' && answer.carrier) transfer.push(answer.carrier);
      const Tx = (globalThis as any).T;
      let tz = performance.now();
      if (answer.kind === 'batch') { structuredClone(answer.results.values); Tx.cloneValues = (Tx.cloneValues ?? 0) + performance.now() - tz; tz = performance.now(); structuredClone(answer.results.json); Tx.cloneJson = (Tx.cloneJson ?? 0) + performance.now() - tz; tz = performance.now(); const sizes = answer.results.values.map((v: any) => typeof v === 'string' ? v.length : -1); Tx.valuesLen = sizes.reduce((a: number, b: number) => a + b, 0); Tx.nvalues = sizes.length; Tx.jsonLen = answer.results.json.length; }
      const t1 = performance.now();
      port.postMessage(answer, transfer);
      const T = (globalThis as any).T; T.post += performance.now() - t1; T.last = performance.now();
    });
  });
  port.postMessage({ kind: 'ready' } satisfies IntakeWorkerMessage);
}
