#!/usr/bin/env node
// What Memory by line costs (issue 18): each program run by the harness in
// Pyodide under Node, the way the page runs it (tests/python/pyodide-runner.mjs:
// a fresh interpreter per run, restored from a snapshot): the judged run
// without line profiling, the judged run with it (as the page ran it
// before the profile run), and the profile run (`run_profile`, which the
// page runs after the judged one when Memory by line is on: the time it
// adds); prints the fastest of K runs each, alternately, and the ratios.
// Asserts nothing.
//
//   node benches/line-memory.mjs [--runs K]      (default 5)
//
// Programs: the two exercises' reference programs (what "Load the solution"
// puts in the editor; they run tracemalloc themselves: in the judged run the
// sampler only snapshots where they stop tracing, in the profile run it
// sees the whole run), and two programs that do not, which
// the harness traces whole, so the sampler reads memory at their line
// events and snapshots as the memory grows: 100,000 slotted objects (300,000
// line events in __init__) and a 500,000-square list.

import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { pyodideRunner } = await import(path.join(ROOT, 'tests/python/pyodide-runner.mjs'));

const argv = process.argv.slice(2);
const runs = argv[0] === '--runs' ? Number(argv[1]) : 5;

const reference = (slug) => readFileSync(path.join(ROOT, 'exercises', slug, 'reference.py'), 'utf8');
const PROGRAMS = [
  ['slots-vs-dict solution', reference('slots-vs-dict')],
  ['generator-vs-list solution', reference('generator-vs-list')],
  ['100,000 slotted points, traced whole', [
    'class Point:',
    '    __slots__ = ("x", "y", "z")',
    '    def __init__(self, x, y, z):',
    '        self.x = x',
    '        self.y = y',
    '        self.z = z',
    'points = [Point(i, i * 2.0, i * 3.0) for i in range(100_000)]',
    'print(len(points))',
    ''].join('\n')],
  ['500,000 squares in a list, traced whole', 'squares = [k * k for k in range(500_000)]\nprint(sum(squares))\n'],
];

const runner = await pyodideRunner();
/** Milliseconds of one run_exercise call in a fresh interpreter (its start not counted). */
async function time(source, lineMemory, profile = false) {
  const py = await runner.fresh();
  py.globals.set('SOURCE', source);
  py.globals.set('LINES', lineMemory);
  const started = performance.now();
  const call = profile ? 'heapwise_check.run_profile(SOURCE)' : 'heapwise_check.run_exercise(SOURCE, None, "solution.py", LINES)';
  const result = py.runPython(call).toJs({ dict_converter: Object.fromEntries });
  const ms = performance.now() - started;
  if (result.get ? result.get('error') : result.error) throw new Error(`the program failed: ${JSON.stringify(result.error)}`);
  return { ms, lines: result.line_memory ?? null };
}

console.log(`Memory by line: the judged run without and with line profiling, and the profile run, fastest of ${runs} each (Pyodide in Node ${process.version}, load average ${loadavg()[0].toFixed(2)})\n`);
console.log('| program | judged, off ms | judged, on ms | ratio | profile run ms | ratio to off | snapshots | samples |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const [name, source] of PROGRAMS) {
  let off = Infinity;
  let on = Infinity;
  let profile = Infinity;
  let last = null;
  for (let i = 0; i < runs; i++) {
    off = Math.min(off, (await time(source, false)).ms);
    on = Math.min(on, (await time(source, true)).ms);
    const profiled = await time(source, true, true);
    profile = Math.min(profile, profiled.ms);
    last = profiled.lines;
  }
  console.log(`| ${name} | ${off.toFixed(0)} | ${on.toFixed(0)} | ${(on / off).toFixed(2)}x | ${profile.toFixed(0)} | ${(profile / off).toFixed(2)}x | ${last?.snapshots ?? '-'} | ${last?.samples ?? '-'} |`);
}
console.log(`\nload average after: ${loadavg()[0].toFixed(2)}`);
