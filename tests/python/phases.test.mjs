// python/runtime.js's runs of one Run Python, in Node: which runs a
// request makes (`phases`) and how their results become one (`combined`).
// (tests/e2e/python-line-memory.test.mjs checks in the page that the console
// shows the plain run, whatever the Memory by line switch says.)
//
//   node --test tests/python/phases.test.mjs

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { combined, phases } from '../../www/python/runtime.js';

test('a checked run is a plain run, a judged one and, with Memory by line, a profile; the reference only profiled', () => {
  assert.deepEqual(phases({ lineMemory: true, checks: true }), ['plain', 'judged', 'profile']);
  assert.deepEqual(phases({ lineMemory: false, checks: true }), ['plain', 'judged']);
  assert.deepEqual(phases({ lineMemory: true, checks: false }), ['profile']);
  assert.deepEqual(phases({ lineMemory: false, checks: false }), ['plain']);
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

const profileRun = (over = {}) => ({
  ok: true,
  judged: false,
  error: null,
  stdout: '',
  figures: [{ label: 'whole program (peak traced)', bytes: 5678 }],
  checks: [],
  notes: [],
  python: '3.14.2',
  pointer_bytes: 4,
  line_memory: { available: true, lines: [{ line: 3, bytes: 4000 }] },
  ...over,
});

test('with a profile run, the whole-program figure and the lines are its own; the checks\' figures stay', () => {
  const measured = { label: 'dict points', bytes: 999 };
  const all = combined(plainRun(), judgedRun({ figures: [measured, { label: 'whole program (peak traced)', bytes: 1234 }], line_memory: null }), profileRun());
  assert.deepEqual(all.figures, [measured, { label: 'whole program (peak traced)', bytes: 5678 }], 'one whole-program figure, the profile\'s');
  assert.deepEqual(all.line_memory, { available: true, lines: [{ line: 3, bytes: 4000 }] });
  assert.equal(all.stdout, 'size: 56 bytes\n', 'the console is still the plain run\'s');
  assert.deepEqual(all.checks, [{ name: 'prints a size', passed: true, message: '' }], 'the verdict is still the judged run\'s');
  // A program that traced itself: the judged run had no whole-program figure; the profile has one.
  const own = combined(plainRun(), judgedRun({ figures: [], line_memory: null }), profileRun());
  assert.deepEqual(own.figures, [{ label: 'whole program (peak traced)', bytes: 5678 }]);
  // A profile run that lost the trace (the program reached the real stop()) gives none, and says nothing false.
  const lost = combined(plainRun(), judgedRun(), profileRun({ figures: [], line_memory: { available: false, lines: [] } }));
  assert.deepEqual(lost.figures, []);
});
