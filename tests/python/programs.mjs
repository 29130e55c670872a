#!/usr/bin/env node
// One or more exercises' programs under Pyodide, as the test suite runs
// them (tests/python/checks.test.mjs), printing every problem:
//
//   node tests/python/programs.mjs SLUG [SLUG ...]
//
// Exit status 0 when nothing was found.

import { exerciseProblems, pyodideRunner, slugs } from "./pyodide-runner.mjs";

const chosen = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const runner = await pyodideRunner();
let count = 0;
for (const slug of chosen.length ? chosen : slugs()) {
  const started = performance.now();
  const problems = await exerciseProblems(runner, slug);
  count += problems.length;
  for (const problem of problems) console.log(`${slug}: ${problem}`);
  console.log(`${slug}: ${problems.length} problem(s), ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
process.exit(count ? 1 : 0);
