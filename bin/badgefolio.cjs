#!/usr/bin/env node
// The badgefolio CLI: runs the bundle that build/cliBundle.js makes from electron/cli (by
// `npm install` and `npm run build`). A bundle that no longer matches its sources is rebuilt
// first, or the reason is reported: old code is never run silently. The builder itself is
// loaded only for that rebuild; a start with a fresh bundle checks it and runs it.
//
// CommonJS, as are the freshness check and the bundle: an ES-module entry costs every start
// Node's ES-module loader: `badgefolio --version` took 121 ms with an ES-module launcher and
// 97 ms with this one (hyperfine, means of 40 runs; `node -e 0` took 101 ms).
'use strict';
const { bundleEntry, staleReason } = require('../build/cliFreshness.cjs');

if (staleReason() === null) {
  require(bundleEntry);
} else {
  // The builder is an ES module (it drives esbuild); loaded only for this rebuild.
  import('../build/cliBundle.js')
    .then(async ({ ensureCliBundle }) => {
      const entry = await ensureCliBundle();
      if (entry === null) process.exitCode = 1;
      else require(entry);
    })
    .catch((error) => {
      // Said plainly and with exit code 1, whatever Node's setting for unhandled rejections.
      process.stderr.write(`badgefolio: the CLI could not be started (${error instanceof Error ? error.message : String(error)}).\n`);
      process.exitCode = 1;
    });
}
