// Wrong programs made by the machine (tests/python/mutate.py, issue 25):
// a sample of the mutants of every reference program runs through the
// harness under CPython with its exercise's check.py. Fails on a mutant
// that survives (is Solved) without being in tests/python/known-survivors.json
// or marked equivalent in exercises/<slug>/equivalent-mutants.json, and on a
// listed survivor that is killed now (delete it from the list: it only
// shrinks). The kill rates per exercise are printed as diagnostics.
//
//   node --test tests/python/mutation.test.mjs
//   python3 tests/python/mutate.py --help-less: see its docstring

import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import path from "node:path";
import { ROOT } from "./pyodide-runner.mjs";

test("every mutant of the sample is killed, listed as a known survivor, or marked equivalent", async (t) => {
  const { code, output } = await new Promise((resolve) => {
    const child = spawn("python3", [path.join(ROOT, "tests", "python", "mutate.py")], { cwd: ROOT });
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
