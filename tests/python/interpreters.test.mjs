// Every reference program's recordings (exercises/<slug>/outputs/*.out, one
// per interpreter: CPython 3.8 to 3.13 and the page's Pyodide) are fresh, and
// every prediction's key is what each recording prints, or the prediction
// names that interpreter in `differs` with the reason (issue 31 items 5-6).
//
//   node --test tests/python/interpreters.test.mjs
//
// tests/python/interpreters.py does the work; --check re-runs each reference
// on every interpreter found here (one not installed is skipped and said so;
// on a CPython, a reference and recording unchanged since they were found
// fresh on that very version are not run again: recordings.json) and then
// reads the predictions, so the test fails when a recording is stale or a
// prediction flips unnamed.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SCRIPT = path.join(ROOT, 'tests', 'python', 'interpreters.py');

const run = (args) => spawnSync('python3', [SCRIPT, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });

test('every prediction prints its key on every recorded interpreter, or names it in differs', () => {
  const done = run(['--predictions']);
  assert.equal(done.status, 0, `${done.stdout}\n${done.stderr}`);
  assert.match(done.stdout, /\b30 exercise\(s\)/);
  assert.match(done.stdout, /^0 problem\(s\)/m);
});

test('every recording is what its interpreter prints today', () => {
  const done = run(['--check']);
  assert.equal(done.status, 0, `${done.stdout}\n${done.stderr}`);
  assert.match(done.stdout, /^0 problem\(s\)/m);
});
