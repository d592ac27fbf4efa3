import { threadId } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { WorkerPool, type TaskStop } from '../../../electron/workers/workerPool';

/**
 * The one worker pool (electron/workers/workerPool.ts) that intake, verification, card pictures
 * and "Check a PDF" share, driven here through a worker entry of the test's own (testWorker.ts),
 * so what is under test is the pool: tasks by name, bytes and plain data there and back, a
 * worker that stops, a caller's thread that helps, and no worker left behind.
 */
const entry = { sources: new URL('./testWorker.ts', import.meta.url), built: [] };
const pools: WorkerPool[] = [];
afterEach(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.close()));
});

function pool(options: Partial<ConstructorParameters<typeof WorkerPool>[0]> = {}): WorkerPool {
  const made = new WorkerPool({ entry, setup: { greeting: 'hallo' }, size: 1, ...options });
  pools.push(made);
  return made;
}

const why = (stop: TaskStop): unknown => ({ stopped: stop });
const bytes = (n: number): Uint8Array => new Uint8Array(n).fill(7);

/** Three jobs, the middle one stopping its worker: it is answered as stopped, the other two are done. */
async function expectStopBlamedOthersDone(workers: WorkerPool): Promise<void> {
  const [before, stopped, after] = await Promise.all([
    workers.run('describe', { name: 'before', bytes: bytes(1) }, why),
    workers.run('stop', { name: 'stops', bytes: bytes(1) }, why),
    workers.run('describe', { name: 'after', bytes: bytes(3) }, why),
  ]);
  expect(before).toMatchObject({ name: 'before' });
  expect(stopped).toEqual({ stopped: { key: 'damaged.stoppedReader' } });
  expect(after).toMatchObject({ name: 'after', length: 3 });
}

describe('worker pool', () => {
  it('runs named tasks in a worker thread with the setup, the bytes and the plain data each was given', async () => {
    const workers = pool({ size: 2 });
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => workers.run('describe', { name: `job ${String(i)}`, bytes: bytes(i), extra: { i, list: [i] } }, why)));
    answers.forEach((answer, i) => {
      expect(answer).toMatchObject({ greeting: 'hallo', name: `job ${String(i)}`, length: i, extra: { i, list: [i] } });
      expect(answer).not.toMatchObject({ threadId });
    });
    expect(workers.workerAnswers).toBe(40);
    expect(workers.threads).toBe(2);
  });

  it('gives the same answers when the entry sends them by structured clone (verification reports) instead of packed', async () => {
    const packed = pool({ size: 1 });
    const cloned = pool({ size: 1, setup: { greeting: 'hallo', cloneAnswers: true } });
    const jobs = (workers: WorkerPool) =>
      Promise.all([
        ...Array.from({ length: 12 }, (_, i) =>
          workers.run('describe', { name: `job ${String(i)}`, bytes: bytes(i), extra: { i, text: 'x'.repeat(600 * i), list: [i, undefined, Infinity], zero: -0 } }, why),
        ),
        workers.run('throw', { name: 'throws', bytes: bytes(1) }, why),
      ]);
    // Each pool's worker is a thread of its own: its id is the one answer that differs.
    const withoutThread = (answers: unknown[]) => answers.map((answer) => (answer !== null && typeof answer === 'object' ? { ...answer, threadId: 0 } : answer));
    const zeroesAlike = (answers: unknown[] | undefined): unknown[] | undefined =>
      answers?.map((answer: unknown): unknown => {
        const described = answer as { extra?: Record<string, unknown> };
        return described.extra ? { ...described, extra: { ...described.extra, zero: 0 } } : answer;
      });
    const [viaPacking, viaCloning] = (await Promise.all([jobs(packed), jobs(cloned)])).map(withoutThread);
    // What JSON cannot carry and no answer relies on tells the two ways apart: -0.
    const zeroOf = (answers: unknown[] | undefined) => (answers?.[3] as { extra: { zero: number } }).extra.zero;
    expect(Object.is(zeroOf(viaPacking), 0)).toBe(true);
    expect(Object.is(zeroOf(viaCloning), -0)).toBe(true);
    expect(zeroesAlike(viaCloning)).toEqual(zeroesAlike(viaPacking));
    expect(viaCloning?.at(-1)).toEqual({ stopped: null, threadId: 0 });
    expect(viaCloning?.[5]).toMatchObject({ name: 'job 5', length: 5, extra: { i: 5, list: [5, undefined, Infinity] } });
    expect(cloned.workerAnswers).toBe(13);
  });

  it('answers a task that throws, or a task it does not know, as stopped with no reason, and carries on', async () => {
    const workers = pool();
    expect(await workers.run('throw', { name: 'x', bytes: bytes(1) }, why)).toEqual({ stopped: null });
    expect(await workers.run('no such task', { name: 'x', bytes: bytes(1) }, why)).toEqual({ stopped: null });
    expect(await workers.run('describe', { name: 'after', bytes: bytes(2) }, why)).toMatchObject({ name: 'after', length: 2 });
  });

  it('blames the task that stopped its worker, says so once, and does the others in a new worker', async () => {
    const failures: Error[] = [];
    const workers = pool({ onWorkerFailure: (error) => failures.push(error) });
    await workers.ready();
    await expectStopBlamedOthersDone(workers);
    expect(failures).toHaveLength(1);
    expect(workers.threads).toBe(1);
  });

  it('runs a batch side by side when the entry serves it so (verification), and retries, then blames, a job that keeps stopping its worker', async () => {
    const workers = pool({ setup: { greeting: 'hallo', concurrent: true } });
    await workers.ready();
    // Each of the pair waits for the other: answered only when both run at once.
    const pair = await Promise.all([workers.run('waitForPartner', { name: 'a', bytes: bytes(0) }, why), workers.run('partner', { name: 'b', bytes: bytes(0) }, why)]);
    expect(pair).toEqual(['met', 'arrived']);
    // Side by side, no one job can be blamed for a stop: each is tried again alone, and the one
    // that stops its worker a second time is answered as stopped.
    await expectStopBlamedOthersDone(workers);
  });

  it('lets the calling thread take jobs from the back of the queue while the workers take theirs from the front', async () => {
    const workers = pool();
    const answers = Array.from({ length: 30 }, (_, i) => workers.run('describe', { name: `job ${String(i)}`, bytes: bytes(i) }, why));
    const here: string[] = [];
    await workers.helpWith('describe', (input) => {
      here.push(input.name);
      return Promise.resolve({ name: input.name, threadId });
    });
    const all = await Promise.all(answers);
    expect(all.map((a) => (a as { name: string }).name)).toEqual(Array.from({ length: 30 }, (_, i) => `job ${String(i)}`));
    // This thread started with the last job, before any was sent.
    expect(here[0]).toBe('job 29');
    expect(workers.workerAnswers + here.length).toBe(30);
  });

  it('without workers, does a job in this thread only when it has a way to do it here', async () => {
    const workers = pool({ workerScript: new URL('./no-such-worker.js', import.meta.url) });
    expect(await workers.run('describe', { name: 'untrusted', bytes: bytes(1) }, why)).toEqual({ stopped: { key: 'damaged.stoppedReader' } });
    expect(await workers.run('describe', { name: 'safe here', bytes: bytes(1) }, why, () => Promise.resolve('done here'))).toBe('done here');
    expect(workers.workerAnswers).toBe(0);
    expect(workers.threads).toBe(0);
  });

  it('refuses jobs once closed and leaves no worker behind', async () => {
    const handles = (): number => process.getActiveResourcesInfo().filter((r) => r === 'MessagePort' || r === 'Worker').length;
    const before = handles();
    const workers = pool({ size: 2 });
    await workers.ready();
    await workers.close();
    await expect(workers.run('describe', { name: 'late', bytes: bytes(1) }, why)).rejects.toThrow('The worker pool is closed.');
    expect(workers.threads).toBe(0);
    expect(handles()).toBeLessThanOrEqual(before);
  });
});
