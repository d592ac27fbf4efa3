#!/usr/bin/env node
// `npm run test:loaded [-- --times N]`: the whole suite (`npm test`) N times in a row (5 unless
// told) while `npm run bench` runs beside it, restarted each time it ends, so the machine is as
// busy as a loaded CI runner or a laptop doing other work. It stops at the first round that
// fails. What it shows: no test depends on the machine's speed. Each round's output is kept in
// .tmp/loaded-suite/round-N.log (test-results/ is emptied by every round), the summary in
// .tmp/loaded-suite/summary.txt.
import { spawn } from 'node:child_process';
import { appendFileSync, mkdirSync, openSync, closeSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const root = path.resolve(import.meta.dirname, '..');
const logs = path.join(root, '.tmp', 'loaded-suite');
const { values } = parseArgs({ options: { times: { type: 'string', default: '5' } } });
const times = Number(values.times);
if (!Number.isInteger(times) || times < 1) {
  console.error('--times wants a whole number of rounds (at least 1)');
  process.exit(2);
}
mkdirSync(logs, { recursive: true });
const summary = path.join(logs, 'summary.txt');
writeFileSync(summary, '');
const say = (line) => {
  const stamped = `${new Date().toISOString()} ${line}`;
  console.log(stamped);
  appendFileSync(summary, `${stamped}\n`);
};

// The load: the benchmark, over and over, in its own process group so it can be stopped whole.
let stopping = false;
let bench;
let benchRuns = 0;
// A bench run that fails (exit 3; 1 only says a figure missed its target) still loaded the
// machine until it failed; counted, so the summary says so.
let benchFailures = 0;
function startBench() {
  if (stopping) return;
  const log = openSync(path.join(logs, 'bench.log'), 'a');
  bench = spawn('npm', ['run', '--silent', 'bench'], { cwd: root, detached: true, stdio: ['ignore', log, log] });
  closeSync(log);
  bench.on('exit', (code) => {
    benchRuns++;
    if (code !== 0 && code !== 1 && !stopping) benchFailures++;
    startBench();
  });
}
function stopBench() {
  stopping = true;
  if (bench?.pid) {
    try {
      process.kill(-bench.pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
  }
}
process.on('SIGINT', () => {
  stopBench();
  process.exit(130);
});

/** `npm test`, its output written to `log` as it comes. */
function runSuite(log) {
  writeFileSync(log, '');
  return new Promise((resolve) => {
    let output = '';
    const child = spawn('npm', ['test'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    const keep = (chunk) => {
      output += chunk;
      appendFileSync(log, chunk);
    };
    child.stdout.setEncoding('utf8').on('data', keep);
    child.stderr.setEncoding('utf8').on('data', keep);
    child.on('close', (status) => resolve({ status, output }));
  });
}

say(`the suite ${String(times)} times in a row, with npm run bench running beside it`);
startBench();
let passedRounds = 0;
for (let round = 1; round <= times; round++) {
  const started = Date.now();
  // How busy the machine was: the 1-minute load average, sampled through the round.
  const loads = [];
  const sampling = setInterval(() => loads.push(os.loadavg()[0] ?? 0), 15_000);
  const log = path.join(logs, `round-${String(round)}.log`);
  // Not spawnSync: this process must stay free to restart the bench whenever it ends.
  const result = await runSuite(log);
  clearInterval(sampling);
  const meanLoad = loads.length > 0 ? (loads.reduce((sum, value) => sum + value, 0) / loads.length).toFixed(1) : 'not sampled';
  const load = `mean load ${meanLoad} on ${String(os.availableParallelism())} cores; bench runs finished so far: ${String(benchRuns)}${benchFailures > 0 ? ` (${String(benchFailures)} failed: see bench.log)` : ''}`;
  const closing =
    result.output
      .trim()
      .split('\n')
      .filter((line) => /\d+ passed, \d+ failed, \d+ skipped/.test(line))
      .pop() ?? 'no closing line';
  const minutes = ((Date.now() - started) / 60000).toFixed(1);
  if (result.status !== 0) {
    say(`round ${String(round)}: FAILED after ${minutes} min (${closing}; ${load}); see ${path.relative(root, log)}`);
    break;
  }
  passedRounds++;
  say(`round ${String(round)}: passed in ${minutes} min (${closing}; ${load})`);
}
stopBench();
say(`${String(passedRounds)} of ${String(times)} rounds passed in a row`);
process.exitCode = passedRounds === times ? 0 : 1;
