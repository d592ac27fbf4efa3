#!/usr/bin/env node
// The badgefolio CLI: runs the bundle that build/cliBundle.js makes from electron/cli (by
// `npm install` and `npm run build`). A bundle that no longer matches its sources is rebuilt
// first, or the reason is reported: old code is never run silently. The builder itself is
// loaded only for that rebuild; a start with a fresh bundle checks it and runs it.
import { pathToFileURL } from 'node:url';
import { bundleEntry, staleReason } from '../build/cliFreshness.js';

let entry = bundleEntry;
if ((await staleReason()) !== null) {
  const { ensureCliBundle } = await import('../build/cliBundle.js');
  entry = await ensureCliBundle();
}
if (entry === null) process.exitCode = 1;
else await import(pathToFileURL(entry).href);
