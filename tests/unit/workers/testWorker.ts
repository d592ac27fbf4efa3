import { threadId, workerData } from 'node:worker_threads';
import { serveTasks } from '../../../electron/workers/workerLoop';

/**
 * A worker entry for workerPool.test.ts: tasks that say what they were given and where they ran,
 * one that stops its worker thread, one that throws, and a pair that each wait for the other
 * (answered only when a batch's tasks run side by side). `setup.concurrent` serves a batch's
 * tasks side by side, as verification does; `setup.cloneAnswers` sends answers by structured clone, as
 * verification does.
 */
interface Setup {
  readonly greeting: string;
  readonly concurrent?: boolean;
  readonly cloneAnswers?: boolean;
}

let meet: () => void = () => undefined;
const met = new Promise<void>((resolve) => {
  meet = resolve;
});

const tasks = (setup: Setup) => ({
  describe: (input: { name: string; bytes: Uint8Array; extra?: unknown }) =>
    Promise.resolve({ greeting: setup.greeting, name: input.name, length: input.bytes.length, extra: input.extra, threadId }),
  stop: (): Promise<never> => {
    process.exit(1);
  },
  throw: (): Promise<never> => Promise.reject(new Error('a task that throws')),
  waitForPartner: async (): Promise<string> => {
    await met;
    return 'met';
  },
  partner: (): Promise<string> => {
    meet();
    return Promise.resolve('arrived');
  },
});

const setup = (workerData as { setup?: Setup } | null)?.setup;
serveTasks(tasks, { concurrent: setup?.concurrent === true, cloneAnswers: setup?.cloneAnswers === true });
