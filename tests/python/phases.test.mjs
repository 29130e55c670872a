// python/runtime.js's runs of one Run Python, in Node: which runs a
// request makes (`phases`) and how their results become one (`combined`).
// (tests/e2e/python-line-memory.test.mjs checks in the page that the console
// shows the plain run, whatever the Memory by line switch says.)
//
//   node --test tests/python/phases.test.mjs

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { combined, follows, parallelRuns, phaseLimitMs, phases } from '../../www/python/runtime.js';

test('a checked run is a plain run, a judged one and, with Memory by line, a profile; the reference only profiled', () => {
  assert.deepEqual(phases({ lineMemory: true, checks: true }), ['plain', 'judged', 'profile']);
  assert.deepEqual(phases({ lineMemory: false, checks: true }), ['plain', 'judged']);
  assert.deepEqual(phases({ lineMemory: true, checks: false }), ['profile']);
  assert.deepEqual(phases({ lineMemory: false, checks: false }), ['plain']);
});

test('the program\'s own run has the time limit; the runs that add the checks or Memory by line, the checks\' limit', () => {
  const run = { timeLimitMs: 60_000, checksLimitMs: 600_000 };
  assert.equal(phaseLimitMs(run, 'plain'), 60_000);
  assert.equal(phaseLimitMs(run, 'objects'), 60_000);
  assert.equal(phaseLimitMs(run, 'judged'), 600_000);
  assert.equal(phaseLimitMs(run, 'profile'), 600_000);
  assert.equal(phaseLimitMs({ timeLimitMs: 5_000 }, 'judged'), 5_000, 'no checks\' limit given: the time limit');
  assert.equal(phaseLimitMs({ timeLimitMs: 5_000, checksLimitMs: 1_000 }, 'judged'), 5_000, 'never less than the time limit');
});

const plainRun = (over = {}) => ({ ok: true, judged: false, error: null, stdout: 'size: 56 bytes\n', figures: [], checks: [], notes: [], python: '3.14.2', pointer_bytes: 4, line_memory: null, ...over });
const judgedRun = (over = {}) => ({
  ok: true,
  judged: true,
  error: null,
  stdout: 'size: 72 bytes\n',
  figures: [{ label: 'whole program (peak traced)', bytes: 1234 }],
  checks: [{ name: 'prints a size', passed: true, message: '' }],
  notes: [],
  python: '3.14.2',
  pointer_bytes: 4,
  line_memory: { available: true, lines: [] },
  ...over,
});

test('the console keeps the plain run; the verdict, figures and lines are the judged run\'s', () => {
  const both = combined(plainRun(), judgedRun());
  assert.equal(both.stdout, 'size: 56 bytes\n');
  assert.equal(both.checked_stdout, 'size: 72 bytes\n');
  assert.equal(both.ok, true);
  assert.equal(both.judged, true);
  assert.deepEqual(both.figures, [{ label: 'whole program (peak traced)', bytes: 1234 }]);
  assert.deepEqual(both.checks, [{ name: 'prints a size', passed: true, message: '' }]);
  assert.deepEqual(both.line_memory, { available: true, lines: [] });
});

test('an error of the plain run is the run\'s error, and it is not ok even when the checks pass', () => {
  const error = { type: 'ZeroDivisionError', message: 'division by zero', line: 4, traceback: 'Traceback…' };
  const both = combined(plainRun({ ok: false, error, notes: ['a note'] }), judgedRun({ error, ok: false, notes: ['a note', 'another'] }));
  assert.deepEqual(both.error, error);
  assert.equal(both.ok, false);
  assert.deepEqual(both.notes, ['a note', 'another'], 'a note both runs made is said once');
  const passed = combined(plainRun({ ok: false, error }), judgedRun());
  assert.equal(passed.ok, false, 'checks that passed on the judged run do not hide the plain run\'s error');
});

test('an error only the judged run met is said in a note, and the run is not ok', () => {
  const error = { type: 'MemoryError', message: '', line: 7, traceback: 'Traceback…' };
  const both = combined(plainRun(), judgedRun({ ok: false, error }));
  assert.equal(both.error, null, 'the console\'s run ended normally');
  assert.equal(both.ok, false);
  assert.match(both.notes.at(-1), /checked run .* raised MemoryError on line 7/);
});

test('a verdict with a profile run to follow says so; its lines and whole-program figure come from that run', () => {
  const now = combined(plainRun(), judgedRun({ line_memory: null }), true);
  assert.equal(now.profiling, true, 'the panel waits for the profile run\'s answer (page/panel/events.rs merges it)');
  assert.equal(now.line_memory, null);
  assert.deepEqual(now.checks, [{ name: 'prints a size', passed: true, message: '' }], 'the verdict is complete without it');
  assert.equal(combined(plainRun(), judgedRun()).profiling, false);
});

test('with a second core the plain and judged runs start together, and the profile run once the plain one has ended; without, one after another', () => {
  assert.deepEqual(follows(['plain', 'judged', 'profile'], true), { plain: [], judged: [], profile: ['plain'] });
  assert.deepEqual(follows(['plain', 'judged'], true), { plain: [], judged: [] });
  assert.deepEqual(follows(['profile'], true), { profile: [] });
  assert.deepEqual(follows(['objects'], true), { objects: [] });
  assert.deepEqual(follows(['plain', 'judged', 'profile'], false), { plain: [], judged: ['plain'], profile: ['judged'] });
  assert.deepEqual(follows(['plain'], false), { plain: [] });
});

test('two runs at once only where the browser has two cores and says it has 4 GiB or more, or says nothing of its memory', () => {
  assert.equal(parallelRuns({ hardwareConcurrency: 2 }), true);
  assert.equal(parallelRuns({ hardwareConcurrency: 8, deviceMemory: 8 }), true);
  assert.equal(parallelRuns({ hardwareConcurrency: 4, deviceMemory: 4 }), true);
  assert.equal(parallelRuns({ hardwareConcurrency: 8, deviceMemory: 2 }), false, 'a phone with 2 GiB: one interpreter at a time');
  assert.equal(parallelRuns({ hardwareConcurrency: 1 }), false);
  assert.equal(parallelRuns({}), false, 'a browser that says nothing of its cores: one at a time');
  assert.equal(parallelRuns(undefined), false);
});
