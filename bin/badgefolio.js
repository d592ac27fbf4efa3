#!/usr/bin/env node
// The badgefolio CLI: runs the bundle that build/cliBundle.js makes from electron/cli (by
// `npm install` and `npm run build`). A bundle that no longer matches its sources is rebuilt
// first, or the reason is reported: old code is never run silently.
import { pathToFileURL } from 'node:url';
import { ensureCliBundle } from '../build/cliBundle.js';

const entry = await ensureCliBundle();
if (entry === null) process.exitCode = 1;
else await import(pathToFileURL(entry).href);
