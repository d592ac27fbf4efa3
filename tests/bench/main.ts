import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { cliBench } from './cliBench';
import { detailsBench } from './detailsBench';
import { intakeBench } from './intakeBench';
import { pdfBench } from './pdfBench';
import { rendererBench } from './rendererBench';
import { vaultBench } from './vaultBench';
import { verifierBench } from './verifierBench';
import { verifyBench } from './verifyBench';
import type { Figure } from './measure';
import { markdown, meetsTarget, terminalTable } from './report';

/**
 * `npm run bench`: every figure the issues name, measured on generated data beside the tools
 * people would otherwise use. `--quick` is a smoke run (small data, one run) that keeps the
 * benchmark working in CI; its numbers mean nothing.
 */
const suites: Readonly<Record<string, (quick: boolean) => Promise<Figure[]>>> = {
  // First: whole processes timed from outside are the most sensitive to what ran before (the
  // renderer suite's Chromium leaves the machine busy for a while).
  cli: cliBench,
  intake: intakeBench,
  verify: verifyBench,
  vault: vaultBench,
  pdf: pdfBench,
  // Issue #16 §2: importing badges whose details live at their issuers (the loopback internet).
  details: detailsBench,
  renderer: rendererBench,
  // Issue #18: the static verifier page in Chromium (link and dropped PDF).
  verifier: verifierBench,
};

const usage = `Usage: npm run bench -- [--quick] [--json] [--only SUITE,...] [--update-docs]

  --quick        smoke run: small workloads, one run each (numbers are not meaningful)
  --json         print the figures as JSON
  --only LIST    run only these suites (${Object.keys(suites).join(', ')})
  --update-docs  write the figures into docs/benchmarks.md (with --only: those suites' rows)

Exit code: 0 every figure met its target, 1 one did not, 2 usage error, 3 a suite failed.`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      only: { type: 'string' },
      'update-docs': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(usage);
    return 0;
  }
  const selected = values.only ? values.only.split(',') : Object.keys(suites);
  const unknown = selected.filter((name) => !(name in suites));
  if (unknown.length > 0) {
    console.error(`Unknown suite: ${unknown.join(', ')}\n\n${usage}`);
    return 2;
  }
  const figures: Figure[] = [];
  for (const name of selected) {
    const suite = suites[name];
    if (!suite) continue;
    if (!values.json) console.error(`running ${name}${values.quick ? ' (quick)' : ''}...`);
    figures.push(...(await suite(values.quick)));
  }
  console.log(values.json ? JSON.stringify({ quick: values.quick, figures }, null, 2) : terminalTable(figures));
  if (values['update-docs']) {
    if (values.quick) {
      console.error('Refusing to write docs/benchmarks.md from a --quick run.');
      return 2;
    }
    const command = `npm run bench${values.only ? ` -- --only ${values.only}` : ''}`;
    const page = path.resolve(import.meta.dirname, '../../docs/benchmarks.md');
    // --only replaces those suites' rows and keeps the rest of the page.
    const previous = values.only && existsSync(page) ? readFileSync(page, 'utf8') : undefined;
    writeFileSync(page, markdown(figures, command, previous));
  }
  // A quick run checks that the benchmark works, not the figures.
  return values.quick || figures.every((f) => meetsTarget(f) !== false) ? 0 : 1;
}

/**
 * A suite that fails part-way may leave a server, a child process or a worker pool open, and
 * the process would then wait forever: an unattended run (CI's smoke run, npm run test:loaded,
 * which restarts the bench whenever it ends) must end. Once the figures are out, whatever is
 * still open gets a few seconds; the timer does not itself keep the process alive.
 */
function endSoon(code: number): void {
  process.exitCode = code;
  setTimeout(() => process.exit(), 10_000).unref();
}

main().then(endSoon, (error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  // Not 1, which says a figure missed its target: tests/loadedSuite.js tells the two apart.
  endSoon(3);
});
