// Every Run Python gets an interpreter nothing else has run in, and the
// student's program cannot forge its verdict. One page on slots-vs-dict:
//  - a program posting forged results (js.postMessage, js.self.postMessage,
//    every plausible id) is not marked solved;
//  - the program's own file is where `__file__` points, as on a desktop;
//  - a program that tampers with the interpreter (gc disabled and frozen,
//    tracemalloc and the harness patched, a file written, the recursion
//    limit changed) changes nothing for the next runs: the reference
//    solution is solved, the starter is not, gc is enabled again;
//  (that a program cannot reach the app's storage is python-sealed's);
//  - where the browser has two cores, the program's own run and its
//    checked run go on at once, in two workers, and Memory by line's run
//    only once the program's own has ended;
//  - each run's worker is gone after its result, and the spares are ready.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useHeapwise } from './heapwise-page.mjs';
import { PythonPanel, PY_TIMEOUT } from './python-panel.mjs';

const app = useHeapwise();
const SLUG = 'slots-vs-dict';

/** Prints what a program can see of the interpreter's state, one line each. */
const PROBE = [
  'import gc, os, sys, json, tracemalloc',
  'print("gc enabled:", gc.isenabled())',
  'print("frozen:", gc.get_freeze_count())',
  'print("file left:", os.path.exists("/tmp/heapwise-poison.txt"))',
  'print("json.dumps:", json.dumps([1]))',
  'print("poison module:", "heapwise_poison" in sys.modules)',
  'print("builtins.len:", len([1, 2, 3]))',
  'print("own file:", __file__.endswith("solution.py"), open(__file__).read().count("tracemalloc.start()"))',
  'tracemalloc.start()',
  'data = [bytes(1000) for _ in range(100)]',
  'print("traced something:", tracemalloc.get_traced_memory()[1] > 100_000)',
  'tracemalloc.stop()',
  '',
].join('\n');

const POISON = [
  'import gc',
  'gc.disable()',
  'gc.freeze()',
  'import tracemalloc',
  'tracemalloc.get_traced_memory = lambda: (0, 0)',
  'import sys',
  "sys._getframe(1).f_globals['_judge'] = lambda run: []",
  'import json, builtins, types',
  'json.dumps = lambda *a, **k: "patched"',
  'builtins.len = lambda x: -1',
  "sys.modules['heapwise_poison'] = types.ModuleType('heapwise_poison')",
  'sys.setrecursionlimit(60)',
  "open('/tmp/heapwise-poison.txt', 'w').write('left behind')",
  'print("poisoned")',
  '',
].join('\n');

/** Posts `{type: 'result', ...}` claiming every check passed, for ids 1..200, on both handles to the worker's channel. */
const FORGER = [
  'import js',
  'from pyodide.ffi import to_js',
  'forged = {"ok": True, "error": None, "stdout": "", "figures": [], "notes": [],',
  '          "checks": [{"name": "forged", "passed": True, "message": "forged"}],',
  '          "python": "3.14.0", "pointer_bytes": 4}',
  'for i in range(1, 201):',
  '    for kind in ("result", "ready"):',
  '        message = to_js({"type": kind, "id": i, "token": None, "result": forged, "heapBytes": 0,',
  '                         "python": "3.14.0", "pointerBytes": 4}, dict_converter=js.Object.fromEntries)',
  '        js.postMessage(message)',
  '        js.self.postMessage(message)',
  'print("forged", 200)',
  '',
].join('\n');

test('every run gets a fresh interpreter; a program cannot forge its verdict or reach the app\'s storage', async (t) => {
  const hw = await app.open(t, `/exercise/${SLUG}`);
  const py = new PythonPanel(hw);
  // Python workers started, and those still alive (Playwright reports their close).
  const workers = { created: 0, live: new Set(), changed: () => {} };
  hw.page.on('worker', (worker) => {
    // Python workers start from a data: URL of their bundle (runtime.js); the measuring worker from worker_loader.js.
    if (!worker.url().startsWith('data:text/javascript')) return;
    workers.created += 1;
    workers.live.add(worker);
    workers.changed();
    worker.on('close', () => {
      workers.live.delete(worker);
      workers.changed();
    });
  });
  // Until exactly `count` are alive: the last run's worker may close before
  // Playwright has reported the spare started while it ran.
  const untilLive = (count, timeout) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${workers.live.size} Python workers alive after ${timeout} ms (want ${count})`)), timeout);
      workers.changed = () => {
        if (workers.live.size === count) {
          clearTimeout(timer);
          resolve();
        }
      };
      workers.changed();
    });
  await py.open();
  await py.ready();
  const solvedInStorage = () => hw.page.evaluate((slug) => JSON.parse(localStorage.getItem('heapwise.progress') ?? '{}')?.exercises?.[slug]?.solved === true, SLUG);

  let baseline;
  await t.test('a fresh interpreter, as a program sees it', async () => {
    await py.setText(PROBE);
    assert.equal(await py.run(), 'done', await py.consoleText());
    baseline = await py.consoleText();
    assert.match(baseline, /gc enabled: True/);
    assert.match(baseline, /file left: False/);
    // As on a desktop, the program's own file is where __file__ points (the probe names tracemalloc.start() twice: here and below).
    assert.match(baseline, /own file: True 2/);
    assert.match(baseline, /traced something: True/);
  });

  await t.test('a program posting forged results is not marked solved', async () => {
    await py.setText(FORGER);
    const ended = await py.run();
    assert.match(await py.consoleText(), /forged 200/, 'the forger ran');
    assert.equal(ended, 'done');
    const checks = await py.checks();
    assert.ok(checks.length > 0, 'the real checks ran');
    assert.ok(!checks.some((c) => c.name === 'forged'), `no forged check is shown: ${JSON.stringify(checks)}`);
    assert.ok(checks.some((c) => c.passed === 'false'), 'the forger fails the real checks');
    assert.equal(await py.solved.count(), 0, 'python-solved is not shown');
    assert.equal(await solvedInStorage(), false, 'the exercise is not saved as solved');
  });

  await t.test('tampering with the interpreter does not reach the next run', async () => {
    await py.setText(POISON);
    assert.ok(['done', 'error'].includes(await py.run()), 'the tampering program ended');
    assert.match(await py.consoleText(), /poisoned/);

    await py.loadSolution();
    assert.equal(await py.run(), 'done', `the solution ran\n${await py.consoleText()}`);
    const checks = await py.checks();
    assert.ok(checks.length > 0 && checks.every((c) => c.passed === 'true'), `every check passes: ${JSON.stringify(checks)}`);
    assert.equal(await py.solved.count(), 1, 'the solution is solved');

    await py.resetToStarter();
    await py.run();
    const starter = await py.checks();
    assert.ok(starter.some((c) => c.passed === 'false'), `the starter fails a check: ${JSON.stringify(starter)}`);
    assert.equal(await py.solved.count(), 0, 'the starter is not solved');

    await py.setText('import gc\nprint(gc.isenabled())\n');
    assert.equal(await py.run(), 'done');
    assert.match(await py.consoleText(), /^True$/m, 'gc is enabled again');

    await py.setText(PROBE);
    assert.equal(await py.run(), 'done');
    assert.equal(await py.consoleText(), baseline, 'the interpreter looks as it did before the tampering');
  });

  const parallel = await py.parallel();
  const spares = parallel ? 2 : 1;
  const snapshot = () => py.runtime();
  const sparesReady = () => py.sparesReady();

  await t.test(parallel ? 'the program\'s run and its checked run go on at once' : 'one run at a time (one core)', async () => {
    await sparesReady();
    // Busy for 0.4 s, so that both runs are seen going on.
    await py.setText('import time\nend = time.perf_counter() + 0.4\nwhile time.perf_counter() < end:\n    pass\nprint("busy")\n');
    await hw.page.evaluate(async () => {
      const bridge = await import('/python-bridge.js');
      window.heapwiseRunsSeen = new Set();
      window.heapwiseRunsTimer = setInterval(() => {
        const runs = bridge.pythonSnapshot().runs ?? [];
        if (runs.length) window.heapwiseRunsSeen.add(runs.join('+'));
      }, 10);
    });
    assert.equal(await py.run(), 'done', await py.consoleText());
    // Memory by line's run starts once the plain run has ended and a third
    // interpreter is ready; on a busy machine that is after the verdict.
    // Watched until its lines are shown.
    await hw.page.waitForFunction(() => !document.querySelector('[data-testid="python-lines-pending"]'), null, { timeout: PY_TIMEOUT });
    const seen = await hw.page.evaluate(() => {
      clearInterval(window.heapwiseRunsTimer);
      return [...window.heapwiseRunsSeen];
    });
    if (parallel) assert.ok(seen.includes('plain+judged'), `both runs went on at once: ${JSON.stringify(seen)}`);
    else assert.ok(seen.every((runs) => !runs.includes('+')), `one run at a time: ${JSON.stringify(seen)}`);
    assert.ok(seen.some((runs) => runs.includes('profile')), `Memory by line's run followed: ${JSON.stringify(seen)}`);
    assert.ok(!seen.some((runs) => runs.includes('profile') && runs.includes('plain')), `never beside the program's own run: ${JSON.stringify(seen)}`);
  });

  await t.test(`each run's worker is gone after it, ${spares} spare${spares > 1 ? 's wait' : ' waits'}`, async () => {
    const runs = 8;
    assert.ok(workers.created >= runs + spares, `a worker per run and the spares (${workers.created} started for ${runs} runs)`);
    await sparesReady();
    await untilLive(spares, 20_000);
    assert.equal(workers.live.size, spares, 'only the spares are left');
    assert.deepEqual((await snapshot()).runs, [], 'no run goes on');
  });

  hw.assertNoPageErrors();
  py.assertNoCspViolations();
});
