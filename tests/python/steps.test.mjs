// The steps each exercise's check.py names (STEPS), for Memory by line's
// comparison with the reference (tests/python/steps_check.py): the rules on
// a program of ours, every pattern found in the reference, and on the
// newest CPython pyenv has (Memory by line needs 3.12 or later) every step
// done by a line that held memory, in the reference and in every correct
// program in programs/.
//
//   node --test tests/python/steps.test.mjs

import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { ROOT } from "./pyodide-runner.mjs";

const SCRIPT = path.join(ROOT, "tests", "python", "steps_check.py");

function newestCPython() {
  const listed = spawnSync("pyenv", ["versions", "--bare"], { encoding: "utf8" });
  if (listed.status !== 0) return null;
  const versions = listed.stdout.split("\n").map((v) => v.trim()).filter((v) => /^3\.1[2-9]\.\d+$/.test(v));
  versions.sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
  return versions.at(-1) ?? null;
}

test("every exercise names its task's steps, and every step is found where memory is held", (t) => {
  const version = newestCPython();
  const env = version ? { ...process.env, PYENV_VERSION: version } : process.env;
  if (!version) t.diagnostic("pyenv has no CPython 3.12 or later: python3 checks the patterns only");
  // A guard against a hang, not a time target: it profiles some 200
  // programs with Memory by line, beside the rest of the layer at nice 19,
  // and took over 30 min in a local run of the test command with other
  // work on the machine.
  const done = spawnSync(version ? "python" : "python3", [SCRIPT], { cwd: ROOT, encoding: "utf8", env, timeout: 3_000_000 });
  assert.equal(done.status, 0, `${done.stdout}${done.stderr}`);
  assert.match(done.stdout, /steps_check: [1-9]\d* exercises, 0 problems/);
});
