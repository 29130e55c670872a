// The exercise checker, in Pyodide (as the page runs it) and on CPython.
//
//   node --test tests/python/
//
// Pyodide comes from node_modules/pyodide with the harness package
// (www/python/heapwise_check/) imported, as the page's worker has it, and
// every program runs in a fresh interpreter restored from a memory snapshot
// (tests/python/pyodide-runner.mjs). For every folder in exercises/: the
// reference passes its check.py and ends with expected_output; the starter
// fails a check with a message; a program that only prints the expected
// last line fails a check, and so does a starter that replaces tracemalloc's
// functions or the harness's (those two on CPython only: their verdicts are
// the harness's logic, and every tampering route runs in Pyodide below);
// every program in programs/ gets its verdict
// (correct-*.py solved by every check; wrong-*.py judged by the checks its
// `# fails:` lines name, named_checks.py, and failing each), and every
// check is named by some wrong program or failed by the starter or the
// print-only one. The harness itself is unit-tested, and tests/python/cpython_checks.py --beside-pyodide (started first, run
// alongside) asks the same of CPython 3.11 natively, each program in a
// process of its own, for what this loop does not judge (every wrong
// program: mutants.json's, the `# threads:` ones and the hand-written ones)
// and for the references, starters and tampering. Each program is judged
// once, within CI's 90 minutes: a correct one where it must be Solved, in
// the page's interpreter; a wrong one where it is refused in two thirds of
// the time, by the checks it names, whose logic is the same on both.
// `node tests/python/programs.mjs SLUG` runs one exercise's part alone.

import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { BYTES_RULE, ROOT, describeChecks, heaviestFirst, pyodideRunner, slugs } from "./pyodide-runner.mjs";

// CPython runs in its own processes while Pyodide works here.
const cpython = new Promise((resolve) => {
  const child = spawn("python3", [path.join(ROOT, "tests", "python", "cpython_checks.py"), "--beside-pyodide"], { cwd: ROOT });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  child.on("close", (code) => resolve({ code, output }));
  child.on("error", (error) => resolve({ code: -1, output: String(error) }));
});

let runner;
const run = (source, checkSource = null) => runner.run(source, checkSource);

before(async () => {
  runner = await pyodideRunner();
});

// The harness's own tests (tampering.py's routes among them) on every
// CPython pyenv has (3.8 to 3.13 on the project's machines); python3 runs
// them with everything else.
test("the harness's tests pass on every CPython pyenv has", (t) => {
  const listed = spawnSync("pyenv", ["versions", "--bare"], { encoding: "utf8" });
  if (listed.status !== 0) {
    t.skip("pyenv is not installed here: the harness's tests ran on python3 only");
    return;
  }
  const versions = listed.stdout.split("\n").map((v) => v.trim()).filter((v) => /^3\.(?:[89]|1\d)\.\d+$/.test(v));
  assert.ok(versions.length > 0, `pyenv lists no CPython 3.8 or later: ${listed.stdout}`);
  for (const version of versions) {
    const done = spawnSync("python", [path.join(ROOT, "tests", "python", "cpython_checks.py"), "--harness"], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, PYENV_VERSION: version },
      timeout: 1_800_000, // a hang; this layer runs at a low priority, beside the others (scripts/test.sh)
    });
    assert.equal(done.status, 0, `CPython ${version}:\n${done.stdout}${done.stderr}`);
  }
});

// Memory by line (CPython 3.12 and later) changes no verdict: the reference
// programs whose printed figures it is known to move (the content review's
// list, issue 31: a map's slice, a generator's peak, a pipeline's ratio,
// slices without copies, memory held after `del`, a snapshot's new line),
// judged with it on and off, pass and fail the same checks, on the newest
// CPython pyenv has. `cpython_checks.py --switch` with no names judges all
// 30 (60 judged runs, about a tenth of this layer's time, which CI's 90
// minutes no longer hold). Started here, like CPython's checks, and awaited
// by its test, so it does not hold up the Pyodide loop.
const SWITCHED = ["memory-mapped-file", "generator-vs-list", "lazy-pipeline", "slices-and-copies", "collection-pauses", "snapshot-diff"];
const memorySwitch = (() => {
  const listed = spawnSync("pyenv", ["versions", "--bare"], { encoding: "utf8" });
  const versions = listed.status === 0 ? listed.stdout.split("\n").map((v) => v.trim()).filter((v) => /^3\.1[2-9]\.\d+$/.test(v)) : [];
  if (versions.length === 0) return Promise.resolve({ skip: "no CPython 3.12 or later under pyenv: Memory by line needs sys.monitoring" });
  const newest = versions.sort((a, b) => a.localeCompare(b, "en", { numeric: true })).at(-1);
  return new Promise((resolve) => {
    const child = spawn("python", [path.join(ROOT, "tests", "python", "cpython_checks.py"), "--switch", ...SWITCHED], {
      cwd: ROOT,
      env: { ...process.env, PYENV_VERSION: newest },
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("close", (code) => resolve({ code, output: `CPython ${newest}:\n${output}` }));
    child.on("error", (error) => resolve({ code: -1, output: String(error) }));
  });
})();

describe("the harness in Pyodide", () => {
  // Memory by line against plain tracemalloc, after a snapshot: a snapshot's
  // tuples, and on 3.14 its ints, left on CPython's free lists once hid what
  // the program built next (cpython_checks.py line_figure_problems, on CPython).
  test("Memory by line counts tuples, ints and objects built after a snapshot as tracemalloc does", async () => {
    const program = "big = [str(i) for i in range(20000)]\nkeep = 1\npairs = [(i, i, i, i) for i in range(1000, 3000)]\n"
      + "numbers = [i * 1000 for i in range(1000, 3000)]\nthings = [object() for _ in range(2000)]\n";
    const result = await run(program);
    const table = Object.fromEntries(result.line_memory.lines.map((row) => [row.line, row.bytes]));
    const py = await runner.fresh();
    py.globals.set("SOURCE", program);
    const traced = JSON.parse(py.runPython(
      "import gc, json, tracemalloc\ngc.collect()\ntracemalloc.start()\nnamespace = {'__name__': '__main__'}\nexec(compile(SOURCE, 'solution.py', 'exec'), namespace)\n"
      + "snapshot = tracemalloc.take_snapshot()\n"
      + "json.dumps({s.traceback[0].lineno: s.size for s in snapshot.statistics('lineno') if s.traceback[0].filename == 'solution.py'})"));
    for (const line of [3, 4, 5]) {
      const [got, wanted] = [table[line] ?? 0, traced[line] ?? 0];
      assert.ok(wanted > 0 && Math.abs(got - wanted) <= 0.01 * wanted, `line ${line}: ${got} B in the table, ${wanted} B under plain tracemalloc`);
    }
  });

  test("a syntax error reports its line, and no check can run", async () => {
    const result = await run("x = 1\ny = (\nprint(x)\n", 'from heapwise_check import check\n@check("c")\ndef _(p):\n    pass\n');
    assert.equal(result.ok, false);
    assert.equal(result.error.type, "SyntaxError");
    assert.equal(result.error.line, 2);
    assert.match(result.error.traceback, /solution\.py/);
    assert.equal(result.checks[0].passed, false);
    assert.match(result.checks[0].message, /line 2/);
  });

  test("an error naming a line the program does not have reports no line, and a message as text", async () => {
    for (const [named, line] of [["-1", null], ["10**20", null], ["True", null], ["0", null], ["3", 3], ["4", 3]]) {
      const result = await run(`print(1)\nprint(2)\nraise SyntaxError(12345, (__file__, ${named}, 1, "x"))\n`);
      assert.equal(result.error.type, "SyntaxError");
      assert.equal(result.error.line, line, `a SyntaxError naming line ${named}`);
      assert.equal(result.error.message, "12345");
    }
  });

  test("a runtime error's traceback names solution.py and not the harness", async () => {
    const result = await run("print('before')\n\ndef f(n):\n    return 10 // n\n\nf(0)\n");
    assert.equal(result.error.type, "ZeroDivisionError");
    assert.equal(result.error.line, 4);
    assert.match(result.error.traceback, /File "solution\.py", line 6/);
    assert.match(result.error.traceback, /File "solution\.py", line 4, in f/);
    assert.doesNotMatch(result.error.traceback, /heapwise_check|<exec>|_pyodide/);
    assert.equal(result.stdout, "before\n");
  });

  test("prints are captured and passed on to sys.stdout", async () => {
    const result = await run("print('one')\nprint('two')\n");
    assert.equal(result.stdout, "one\ntwo\n");
    assert.deepEqual(runner.printed(), ["one", "two"]);
    assert.deepEqual(Object.keys(result).sort(), ["checks", "error", "figures", "judged", "line_memory", "notes", "ok", "pointer_bytes", "python", "stdout"]);
    assert.equal(result.pointer_bytes, 4);
    assert.match(result.python, /^3\.14\./);
  });

  test("the whole program is traced unless the program starts tracemalloc itself", async () => {
    const untouched = await run("data = [bytes(1000) for _ in range(1000)]\n");
    const whole = untouched.figures.find((f) => f.label === "whole program (peak traced)");
    assert.ok(whole && whole.bytes >= 1_000_000, JSON.stringify(untouched.figures));
    const own = await run(
      "import tracemalloc\n" +
        "print(tracemalloc.is_tracing(), tracemalloc.get_traced_memory())\n" +
        "junk = bytes(5_000_000)\n" +
        "tracemalloc.start()\n" +
        "small = bytes(1000)\n" +
        "print(1000 <= tracemalloc.get_traced_memory()[1] < 10_000)\n",
    );
    assert.equal(own.stdout, "False (0, 0)\nTrue\n");
    assert.equal(own.figures.length, 0);
    assert.match(own.notes.join(" "), /line 4/);
  });

  test("Memory by line's own run: the whole run's peak and the line that held it, whoever traces (profile_run.py)", async () => {
    // The same file cpython_checks.py --harness runs on every CPython here.
    const py = await runner.fresh();
    py.FS.writeFile("/tmp/profile_run.py", fs.readFileSync(path.join(ROOT, "tests", "python", "profile_run.py"), "utf8"));
    const problems = JSON.parse(py.runPython("import sys, json\nsys.path.insert(0, '/tmp')\nimport profile_run\njson.dumps(profile_run.problems())"));
    assert.deepEqual(problems, [], problems.join("\n"));
  });

  test("tracemalloc filters by __file__ see the program's lines", async () => {
    const result = await run(
      "import os, tracemalloc\ntracemalloc.start()\nkept = [str(i) * 10 for i in range(1000)]\n" +
        "snap = tracemalloc.take_snapshot().filter_traces([tracemalloc.Filter(True, os.path.abspath(__file__))])\n" +
        "print(snap.statistics('lineno')[0].traceback[0].lineno)\n",
    );
    assert.equal(result.stdout, "3\n");
  });

  test("deep recursion raises RecursionError instead of killing the runtime", async () => {
    const result = await run("def walk(n):\n    return sum(walk(k) for k in [n])\n\nwalk(1)\n");
    assert.equal(result.error.type, "RecursionError");
    assert.match(result.notes.join(" "), /recursion limit/);
    assert.equal((await run("print(2 + 2)\n")).stdout, "4\n");
  });

  test("input() has no keyboard, os._exit ends only the program, a raised recursion limit is held", async () => {
    const asked = await run("print('a')\nname = input('name? ')\n");
    assert.equal(asked.error.type, "EOFError");
    assert.match(asked.notes.join(" "), /no keyboard/);
    const exited = await run("import os\nprint('bye')\nos._exit(0)\nprint('never')\n");
    assert.equal(exited.error, null);
    assert.equal(exited.stdout, "bye\n");
    const deep = await run("import sys\nsys.setrecursionlimit(10**6)\ndef down(n):\n    return down(n + 1)\ndown(0)\n");
    assert.equal(deep.error.type, "RecursionError");
    assert.match(deep.notes.join(" "), /1,000,000/);
    assert.equal(deep.checks.length, 0);
    assert.ok(!deep.checks.some((c) => c.name.startsWith("your program leaves")));
  });

  test("a thread that cannot start is explained", async () => {
    const result = await run("import threading\nthreading.Thread(target=print).start()\n");
    assert.equal(result.error.type, "RuntimeError");
    assert.equal(result.error.line, 2);
    assert.match(result.notes.join(" "), /single thread/);
  });

  test("a program that replaces the harness's tools is not judged, and the next run is untouched", async () => {
    const passing = "from heapwise_check import check\n@check('c')\ndef _(p):\n    pass\n";
    const tampered = await run(
      "import gc, sys, tracemalloc\ngc.disable()\ngc.freeze()\n" +
        "tracemalloc.get_traced_memory = lambda: (0, 0)\n" +
        "sys._getframe(1).f_globals['_judge'] = lambda run: []\n",
      passing,
    );
    assert.equal(tampered.ok, false);
    assert.equal(tampered.judged, false);
    assert.equal(tampered.checks[0].name, "your program leaves the checker and its measuring tools as they were");
    assert.match(tampered.checks[0].message, /^Not judged: .*tracemalloc\.get_traced_memory.*heapwise_check\.running\._judge/);
    const next = await run("import gc, sys\nprint(gc.isenabled(), gc.get_freeze_count(), sys._getframe(1).f_globals['_judge'].__name__)\n", passing);
    assert.equal(next.stdout, "True 0 _judge\n");
    assert.equal(next.ok, true);
  });

  test("every way into the checker of tampering.py gets its answer in Pyodide", async () => {
    // The routes are Python data: read by a Pyodide of their own.
    const reader = await runner.fresh();
    reader.FS.writeFile("/tmp/tampering.py", fs.readFileSync(path.join(ROOT, "tests", "python", "tampering.py"), "utf8"));
    const { routes, program, checks, version } = JSON.parse(
      reader.runPython(
        "import sys, json\nsys.path.insert(0, '/tmp')\nimport tampering\n" +
          "json.dumps({'routes': tampering.ROUTES, 'program': tampering.PROGRAM, 'checks': tampering.CHECKS, " +
          "'version': list(sys.version_info[:2])})",
      ),
    );
    const plain = await run(program, checks);
    assert.ok(plain.ok && plain.judged, describeChecks(plain));
    const older = (since) => version[0] < since[0] || (version[0] === since[0] && version[1] < since[1]);
    for (const [what, code, answer, since] of routes) {
      if (older(since)) continue;
      const result = await run(code + program, checks);
      if (answer === "not judged") {
        assert.equal(result.ok, false, `${what}: ${describeChecks(result)}`);
        assert.equal(result.judged, false, `${what}: ${describeChecks(result)}`);
        assert.match(result.checks[0].message, /^Not judged: your program /, what);
      } else {
        assert.equal(result.error?.type, "ImportError", `${what}: ${describeChecks(result)}`);
        assert.match(result.error.message, /cannot import the checker/, what);
      }
    }
  });

  test("a printed figure is told measured only when a measurement returned it, traced only when tracemalloc did, and a peak only when it is one (provenance_program.py)", async () => {
    // The program is Python data: read, and run plainly, by a Pyodide of its own.
    const reader = await runner.fresh();
    reader.FS.writeFile(
      "/tmp/provenance_program.py",
      fs.readFileSync(path.join(ROOT, "tests", "python", "provenance_program.py"), "utf8"),
    );
    const { program, checks, measured, traced, peaks, current } = JSON.parse(
      reader.runPython(
        "import sys, json\nsys.path.insert(0, '/tmp')\nimport provenance_program as pp\n" +
          "json.dumps({'program': pp.PROGRAM, 'checks': pp.CHECKS, 'measured': pp.MEASURED, 'traced': pp.TRACED_LINES, " +
          "'peaks': pp.PEAK_LINES, 'current': pp.CURRENT_LINES})",
      ),
    );
    const result = await run(program, checks);
    assert.equal(result.error, null, describeChecks(result));
    assert.ok(result.checks[0].passed, describeChecks(result));
    const told = JSON.parse(result.checks[0].message.replace(/True/g, "true").replace(/False/g, "false"));
    const lines = result.stdout.split("\n");
    measured.forEach((wanted, i) => assert.equal(told[i], wanted, `${lines[i]}: told ${told[i] ? "" : "not "}measured`));
    const toldTraced = JSON.parse(result.checks[1].message.replace(/True/g, "true").replace(/False/g, "false"));
    traced.forEach((wanted, i) => assert.equal(toldTraced[i], wanted, `${lines[i]}: told ${toldTraced[i] ? "" : "not "}traced`));
    const toldPeaks = JSON.parse(result.checks[2].message.replace(/True/g, "true").replace(/False/g, "false"));
    assert.equal(toldPeaks.length, peaks.length + 1, "one answer a line (the last, printing every way, not listed)");
    peaks.forEach((wanted, i) => assert.equal(toldPeaks[i], wanted, `${lines[i]}: told ${toldPeaks[i] ? "" : "not "}a peak`));
    const toldCurrent = JSON.parse(result.checks[3].message.replace(/True/g, "true").replace(/False/g, "false"));
    current.forEach((wanted, i) => assert.equal(toldCurrent[i], wanted, `${lines[i]}: told ${toldCurrent[i] ? "" : "not "}traced and no peak`));
    reader.globals.set("under_harness", result.stdout);
    const same = reader.runPython(
      "import io, contextlib\nout = io.StringIO()\nwith contextlib.redirect_stdout(out):\n" +
        "    exec(compile(pp.PROGRAM, 'plain.py', 'exec'), {'__name__': '__main__'})\n" +
        "pp.same_printing(under_harness.splitlines(), out.getvalue().splitlines())",
    );
    assert.equal(same, true, `printing differs from a plain run: ${result.stdout}`);
  });

  test("the figures a re-run printed again unchanged are read as on CPython (figures_program.py)", async () => {
    const reader = await runner.fresh();
    reader.FS.writeFile("/tmp/figures_program.py", fs.readFileSync(path.join(ROOT, "tests", "python", "figures_program.py"), "utf8"));
    const { program, checks } = JSON.parse(
      reader.runPython("import sys, json\nsys.path.insert(0, '/tmp')\nimport figures_program as fp\n" +
        "json.dumps({'program': fp.PROGRAM, 'checks': fp.CHECKS})"),
    );
    reader.globals.set("RESULT", JSON.stringify(await run(program, checks)));
    const problems = JSON.parse(reader.runPython("json.dumps(fp.problems(json.loads(RESULT)))"));
    assert.deepEqual(problems, [], problems.join("\n"));
  });

  test("the objects picture's walk agrees with a deep-size walk of its own (objects_picture.py)", async () => {
    // The same file objects.test.mjs runs on every CPython here.
    const py = await runner.fresh();
    py.FS.writeFile("/tmp/objects_picture.py", fs.readFileSync(path.join(ROOT, "tests", "python", "objects_picture.py"), "utf8"));
    const problems = JSON.parse(
      py.runPython("import sys, json\nsys.path.insert(0, '/tmp')\nimport objects_picture\njson.dumps(objects_picture.problems())"),
    );
    assert.deepEqual(problems, [], problems.join("\n"));
    // Asked of run_plain, the picture comes after the program: what it printed is the same.
    py.globals.set("SOURCE", "class P:\n    __slots__ = ('x',)\n    def __init__(self, x):\n        self.x = x\n"
      + "import sys\npoints = [P(i) for i in range(1000)]\nprint(sys.getsizeof(points), len(points))\n");
    const [plain, pictured, roots] = JSON.parse(py.runPython(
      "import io, contextlib, json\nfrom heapwise_check import run_plain\ndef printed(**options):\n"
      + "    out = io.StringIO()\n    with contextlib.redirect_stdout(out):\n        result = run_plain(SOURCE, **options)\n"
      + "    return out.getvalue(), result\n"
      + "plain, _ = printed()\npictured, result = printed(objects=True)\n"
      + "json.dumps([plain, pictured, [(r['name'], r['deep']) for r in result['objects']['roots']]])"));
    assert.equal(pictured, plain, "run_plain prints the same with the picture asked for");
    assert.deepEqual(roots.map(([name]) => name), ["points"]);
    assert.ok(roots[0][1] > 1000 * 16, `points' deep size: ${roots[0][1]}`);
  });

  test("the rule after every exercise's checks refuses an unmeasured byte figure (provenance_program.RULE_CASES)", async () => {
    const reader = await runner.fresh();
    reader.FS.writeFile(
      "/tmp/provenance_program.py",
      fs.readFileSync(path.join(ROOT, "tests", "python", "provenance_program.py"), "utf8"),
    );
    const { checks, cases } = JSON.parse(
      reader.runPython(
        "import sys, json\nsys.path.insert(0, '/tmp')\nimport provenance_program as pp\n" +
          "json.dumps({'checks': pp.RULE_CHECKS, 'cases': pp.RULE_CASES})",
      ),
    );
    for (const [what, passes, source] of cases) {
      const result = await run(source, checks);
      const rule = result.checks.at(-1);
      assert.equal(rule.name, BYTES_RULE, what);
      assert.equal(rule.passed, passes, `${what}: ${rule.message}`);
    }
  });

  test("watched callables count the program's calls and the checks' calls", async () => {
    const result = await run(
      "from sys import intern\nimport array\nnames = [intern(str(k % 3)) for k in range(500)]\n" +
        "def again(text):\n    return intern(text)\ntyped = array.array('i', [1, 2])\n" +
        "print('Interning shrinks the list = \"True\"')  # said in its own words\n",
      "from heapwise_check import check, watch, line_ref, loose\nimport re\n" +
        "watch('sys.intern')\nwatch('array.array')\n" +
        "@check('c')\ndef _(p):\n    calls = p.calls('sys.intern')\n" +
        "    with p.counting('sys.intern') as inside:\n        p.get('again')('x')\n" +
        "    assert isinstance(p.get('typed'), __import__('array').array)\n" +
        "    assert re.search(line_ref(12), \"('solution.py', 12)\") and re.search(line_ref(5), 'lineno=5')\n" +
        "    assert not re.search(line_ref(5), 'line 55')\n" +
        "    return f\"{calls.program_count} {calls.count} {sorted(calls.lines)} {inside.count} " +
        "{p.calls('array.array').program_count} {p.conclusion('interning shrinks the list')} {'said' in p.code}\"\n",
    );
    // Lines are found for the first 64 calls only (no frame object after
    // them): the 500 calls of line 3 come first, so line 5's is not listed.
    assert.deepEqual(result.checks, [
      { name: "c", passed: true, message: "500 501 [3] 1 1 True False" },
      { name: BYTES_RULE, passed: true, message: "" },
    ]);
  });

  test("printed sizes are read in any grouping and unit, and a unit only where it is one", async () => {
    const result = await run(
      "print('peak 3,234,431 bytes; 3_000 B; 1562.5')\nprint('list: 38.1 MiB, array 2 kB, took 10 ms, 7M')\nprint('v2 n1000 1024B')\n",
      "from heapwise_check import check\n" +
        "@check('c')\ndef _(p):\n    return repr((p.sizes(), p.sizes(['1 KiB']), p.sizes(where=True)[:2]))\n",
    );
    const [all, given, where] = JSON.parse(result.checks[0].message.replaceAll("(", "[").replaceAll(")", "]"));
    assert.deepEqual(all, [3234431, 3000, 1562.5, 38.1 * 2 ** 20, 2000, 2048, 10, 7e6, 7 * 2 ** 20, 1024]);
    assert.deepEqual(given, [1024]);
    assert.deepEqual(where, [[[0, 5], 3234431], [[0, 22], 3000]]);
  });

  test("a check that raises is reported in words; checks keep their order", async () => {
    const result = await run(
      "def broken():\n    return [][1]\n\nprint('done')\n",
      "from heapwise_check import check, fail\n" +
        "@check('first')\ndef _(p):\n    p.get('broken', callable)()\n" +
        "@check('second')\ndef _(p):\n    fail('said so')\n" +
        "@check('third')\ndef _(p):\n    return 'fine'\n",
    );
    // The exercise's checks in order, then the rule the harness ends every exercise's checks with.
    assert.deepEqual(result.checks.map((c) => c.name), ["first", "second", "third", BYTES_RULE]);
    assert.match(result.checks[0].message, /IndexError.*solution\.py, line 2/);
    assert.equal(result.checks[1].message, "said so");
    assert.deepEqual(result.checks[2], { name: "third", passed: true, message: "fine" });
    assert.equal(result.ok, false);
  });
});

/**
 * One exercise's problems under Pyodide (exerciseProblems), in a process of
 * its own (programs.mjs --json): Pyodide runs a program synchronously, so
 * two exercises at once need two processes. The wrong programs, hand-written
 * and machine-made, run under CPython here (below; each by the checks it
 * names), and under Pyodide too with HEAPWISE_PYODIDE_WRONG=1 or
 * programs.mjs alone.
 */
function pyodideProblems(slug) {
  // The reference is judged in the page by the end-to-end layer
  // (python-every-exercise.test.mjs), and on CPython below.
  const flags = process.env.HEAPWISE_PYODIDE_WRONG === "1" ? ["--json"] : ["--json", "--correct-only", "--no-reference"];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, "tests", "python", "programs.mjs"), ...flags, slug], { cwd: ROOT });
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    child.stderr.on("data", (chunk) => (err += chunk));
    child.on("close", (code) => {
      const line = out.trim().split("\n").filter((l) => l.startsWith("{")).pop();
      try {
        const { problems, seconds } = JSON.parse(line);
        resolve({ problems, seconds });
      } catch {
        resolve({ problems: [`the Pyodide run of ${slug} ended (exit ${code}) without its findings:\n${err.slice(-2000)}${out.slice(-1000)}`] });
      }
    });
    child.on("error", (error) => resolve({ problems: [`the Pyodide run of ${slug} did not start: ${error}`] }));
  });
}

// Two at a time: while CPython's checks (two processes) run beside, the
// machine's two cores stay busy, and once they end, the second core is not
// left idle for the loop's last half.
const CHOSEN = heaviestFirst(process.env.HEAPWISE_EXERCISES ? process.env.HEAPWISE_EXERCISES.split(",") : slugs(), "pyodide");
describe("every exercise, in Pyodide", { concurrency: 2 }, () => {
  for (const slug of CHOSEN) {
    test(slug, async (t) => {
      const { problems, seconds } = await pyodideProblems(slug);
      // For tests/python/costs.json (measured on an idle machine, not here).
      if (seconds !== undefined) t.diagnostic(`${seconds.toFixed(0)} s`);
      assert.deepEqual(problems, [], problems.join("\n"));
    });
  }
});

test("the same holds on CPython (tests/python/cpython_checks.py)", async (t) => {
  const { code, output } = await cpython;
  // Its closing lines (each exercise's time, the slowest, the total) in the test's report.
  for (const line of output.trimEnd().split("\n").slice(-3)) t.diagnostic(line);
  assert.equal(code, 0, output);
});

// Last in the file, as CPython's test above: node:test runs a file's tests in
// turn, so awaiting it earlier would hold the Pyodide loop until it ended.
test("Memory by line on or off, the references whose figures it moves get the same verdict", async (t) => {
  const { skip, code, output } = await memorySwitch;
  if (skip) {
    t.skip(skip);
    return;
  }
  t.diagnostic(output.trimEnd().split("\n").at(-1));
  assert.equal(code, 0, output);
});
