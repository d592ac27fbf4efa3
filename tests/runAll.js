#!/usr/bin/env node
// `npm test`: lint, typecheck, build, unit tests (vitest), end-to-end tests (Playwright in
// Chromium), in that order, every step run even when an earlier one fails, then one closing
// line "N passed, N failed, N skipped" summing all suites.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const results = path.join(root, 'test-results');

/** Steps whose outcome is one check: they pass or fail as a whole. */
const checks = [
  ['lint', 'npm', ['run', '--silent', 'lint']],
  ['typecheck', 'npm', ['run', '--silent', 'typecheck']],
  ['build', 'npm', ['run', '--silent', 'build']],
];

let passed = 0;
let failed = 0;
let skipped = 0;
const failures = [];
const skipReasons = new Set();

function run(label, command, args) {
  console.log(`\n━━ ${label}: ${[path.basename(command), ...args].join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  return result.status === 0;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

rmSync(results, { recursive: true, force: true });

for (const [label, command, args] of checks) {
  if (run(label, command, args)) passed++;
  else {
    failed++;
    failures.push(label);
  }
}

// Unit tests: vitest's JSON report counts every test.
const unitOk = run('unit tests', bin('vitest'), ['run']);
const unit = readJson(path.join(results, 'unit.json'));
if (unit) {
  passed += unit.numPassedTests;
  failed += unit.numFailedTests;
  skipped += unit.numPendingTests + unit.numTodoTests;
  if (unit.numFailedTests > 0 || !unitOk) failures.push('unit tests');
} else {
  failed++;
  failures.push('unit tests (no report)');
}

// End-to-end tests: Playwright's JSON report; skipped tests must say why.
const e2eOk = existsSync(path.join(root, 'out/renderer/index.html')) && run('end-to-end tests', bin('playwright'), ['test']);
const e2e = readJson(path.join(results, 'e2e.json'));
if (e2e) {
  const stats = e2e.stats ?? {};
  passed += stats.expected ?? 0;
  failed += (stats.unexpected ?? 0) + (stats.flaky ?? 0);
  skipped += stats.skipped ?? 0;
  const visit = (suite) => {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        for (const a of t.annotations ?? []) if (a.type === 'skip') skipReasons.add(`${spec.title}: ${a.description ?? 'no reason given'}`);
      }
    }
    for (const child of suite.suites ?? []) visit(child);
  };
  for (const suite of e2e.suites ?? []) visit(suite);
  if ((stats.unexpected ?? 0) > 0 || !e2eOk) failures.push('end-to-end tests');
} else {
  failed++;
  failures.push('end-to-end tests (no report)');
}

console.log('');
for (const reason of skipReasons) console.log(`skipped: ${reason}`);
if (failures.length > 0) console.log(`failed steps: ${failures.join(', ')}`);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exitCode = failures.length > 0 || failed > 0 ? 1 : 0;
