// A lint over every exercises/<slug>/check.py (tests/python/lint_checks.py):
// no character-class range whose ends are not two letters or two digits of
// one kind, such as `[+-−]`, which holds the digits (issue 25); and no
// `p.get("name")` of a name the exercise's task text does not name.
//
//   node --test tests/python/lint.test.mjs

import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { ROOT } from "./pyodide-runner.mjs";

const lint = (...args) =>
  spawnSync("python3", [path.join(ROOT, "tests", "python", "lint_checks.py"), ...args], { cwd: ROOT, encoding: "utf8" });

test("the lint catches accidental ranges such as [+-−] and lets sound classes be", () => {
  const done = lint("--self-test");
  assert.equal(done.status, 0, done.stdout + done.stderr);
});

test("no check.py holds an accidental character range or looks up a name its task does not give", () => {
  const done = lint();
  assert.equal(done.status, 0, done.stdout + done.stderr);
});
