// Wrong programs made by the machine (tests/python/mutate.py, issue 25):
// a fixed sample of the mutants of every reference (one mutant of one
// operator family a reference, 30 in all) runs through the harness under
// CPython with its exercise's check.py, and 8 mutants of the cheapest exercises
// run under Pyodide. Fails on a mutant that survives (is Solved)
// without being in tests/python/known-survivors.json or marked equivalent
// in exercises/<slug>/equivalent-mutants.json, on a listed survivor that is
// killed now (the list only shrinks), and on an equivalence mark the script
// refuses (a typed-in or scaled-up figure is never equivalent). The kill
// rates per exercise, overall and per operator are printed as diagnostics.
//
//   node --test tests/python/mutation.test.mjs
//   python3 tests/python/mutate.py --exercise SLUG                     # one exercise's sample
//   python3 tests/python/mutate.py --update-survivors --exercise SLUG  # its survivors list, anew

import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import path from "node:path";
import { ROOT } from "./pyodide-runner.mjs";

// Mutants run under Pyodide too (mutate.py's PYODIDE_EXERCISES, first by a hash of their ids).
const PYODIDE_MUTANTS = "8";

test("every mutant of the sample is killed, listed as a known survivor, or marked equivalent", async (t) => {
  const { code, output } = await new Promise((resolve) => {
    const child = spawn("python3", [path.join(ROOT, "tests", "python", "mutate.py"), "--pyodide", PYODIDE_MUTANTS], {
      cwd: ROOT,
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("close", (code) => resolve({ code, output }));
    child.on("error", (error) => resolve({ code: -1, output: String(error) }));
  });
  const lines = output.trimEnd().split("\n");
  const first = lines.findIndex((line) => line.startsWith("mutants of "));
  for (const line of first >= 0 ? lines.slice(first) : lines.slice(-3)) t.diagnostic(line);
  assert.equal(code, 0, output);
});
