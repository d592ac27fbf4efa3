// Worker entry when Badgefolio runs from its TypeScript sources (the CLI via tsx, vitest):
// loader hooks registered in the main thread do not reach worker threads, so the worker
// registers tsx itself before importing the real (TypeScript) worker module.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
