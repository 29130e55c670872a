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
import { spawn, spawnSync } from "node:child_process";
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

test("the work measured at a tenth and scaled back may be marked equivalent only when no figure in bytes was scaled", () => {
  // never_equivalent's rule for `tenth` mutants, on made-up mutants: a figure in
  // bytes scaled up (or a mutant whose figures are not known) is never
  // equivalent; counts and times scaled up on a line the task does not ask
  // for may be marked, with a reason.
  const probe = `
import json, sys
sys.path.insert(0, "tests/python")
from mutate import never_equivalent as why
tenth = "reference.py:tenth:<module>:range(1000): 1000"
print(json.dumps([
    why(tenth, 1),
    why(tenth, mutant={"scaled": 2, "scaled_bytes": 1}),
    why(tenth, mutant={"scaled": 2, "scaled_bytes": 0}),
    why(tenth, mutant={"scaled": 0, "scaled_bytes": 0}),
    why(tenth),
]))
`;
  const run = spawnSync("python3", ["-c", probe], { cwd: ROOT, encoding: "utf8" });
  assert.equal(run.status, 0, run.stderr);
  const [unknown, bytes, counts, none, unprobed] = JSON.parse(run.stdout);
  assert.match(unknown, /1 figure\(s\) in bytes measured at a tenth/);
  assert.match(bytes, /1 figure\(s\) in bytes measured at a tenth/);
  assert.equal(counts, null);
  assert.equal(none, null);
  assert.equal(unprobed, null, "a tenth mutant not yet run has no scaled figures to refuse");
});
