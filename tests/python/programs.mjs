#!/usr/bin/env node
// One or more exercises' programs under Pyodide, as the test suite runs
// them (tests/python/checks.test.mjs), printing every problem:
//
//   node tests/python/programs.mjs SLUG [SLUG ...]
//
// Exit status 0 when nothing was found. With --no-machine-made the wrong
// programs of programs/mutants.json are left out (counted by the checks
// they name), and with --correct-only every wrong program, the print-only
// and tampered ones too, as the test suite leaves them to CPython; with --no-reference the reference is not
// judged (the test suite's end-to-end layer judges it in the page); with --json each
// exercise's findings are one line, {"slug": ..., "problems": [...]}, which
// is how checks.test.mjs runs two exercises at once.

import { exerciseProblems, pyodideRunner, slugs } from "./pyodide-runner.mjs";

const flags = process.argv.slice(2).filter((a) => a.startsWith("--"));
const chosen = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const runner = await pyodideRunner();
let count = 0;
for (const slug of chosen.length ? chosen : slugs()) {
  const started = performance.now();
  const correctOnly = flags.includes("--correct-only");
  const problems = await exerciseProblems(runner, slug, {
    machineMade: !correctOnly && !flags.includes("--no-machine-made"),
    handWrittenWrong: !correctOnly,
    reference: !flags.includes("--no-reference"),
    guards: !correctOnly,
  });
  count += problems.length;
  if (flags.includes("--json")) {
    console.log(JSON.stringify({ slug, problems, seconds: (performance.now() - started) / 1000 }));
    continue;
  }
  for (const problem of problems) console.log(`${slug}: ${problem}`);
  console.log(`${slug}: ${problems.length} problem(s), ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
process.exit(count ? 1 : 0);
