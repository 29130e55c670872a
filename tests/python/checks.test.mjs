// The exercise checker, in Pyodide (as the page runs it) and on CPython.
//
//   node --test tests/python/
//
// Pyodide is loaded once from node_modules/pyodide; www/python/heapwise_check.py
// is written into its file system and imported, as the page's worker does.
// For every folder in exercises/: reference.py passes its check.py and ends
// with expected_output; the starter fails a check with a message; a program
// that only prints the expected last line fails a check. The harness itself
// is unit-tested, and tests/python/cpython_checks.py (started first, run
// alongside) asks the same of CPython 3.11 natively.

import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const EXERCISES = path.join(ROOT, "exercises");
const PYODIDE = path.join(ROOT, "node_modules", "pyodide");
const slugs = fs
  .readdirSync(EXERCISES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

// CPython runs in its own processes while Pyodide works here.
const cpython = new Promise((resolve) => {
  const child = spawn("python3", [path.join(ROOT, "tests", "python", "cpython_checks.py")], { cwd: ROOT });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  child.on("close", (code) => resolve({ code, output }));
  child.on("error", (error) => resolve({ code: -1, output: String(error) }));
});

let pyodide;
let printed = [];

before(async () => {
  const { loadPyodide } = await import(pathToFileURL(path.join(PYODIDE, "pyodide.mjs")).href);
  pyodide = await loadPyodide({ indexURL: PYODIDE + path.sep });
  pyodide.setStdout({ batched: (line) => printed.push(line) });
  pyodide.FS.writeFile(
    "/home/pyodide/heapwise_check.py",
    fs.readFileSync(path.join(ROOT, "www", "python", "heapwise_check.py"), "utf8"),
  );
  pyodide.runPython("import json, tomllib, heapwise_check");
});

after(() => {
  pyodide = undefined;
});

/** run_exercise in Pyodide; the result dict as a plain object. */
function run(source, checkSource = null) {
  printed = [];
  pyodide.globals.set("SOURCE", source);
  pyodide.globals.set("CHECKS", checkSource);
  return JSON.parse(pyodide.runPython("json.dumps(heapwise_check.run_exercise(SOURCE, CHECKS))"));
}

/** exercise.toml, read by Pyodide's own tomllib. */
function content(slug) {
  pyodide.globals.set("TOML", fs.readFileSync(path.join(EXERCISES, slug, "exercise.toml"), "utf8"));
  return JSON.parse(pyodide.runPython("json.dumps(tomllib.loads(TOML))"));
}

const failing = (result) => result.checks.filter((c) => !c.passed);
const describeChecks = (result) =>
  result.checks.map((c) => `${c.passed ? "pass" : "FAIL"} ${c.name}: ${c.message}`).join("\n") +
  (result.error ? `\nerror: ${result.error.traceback}` : "");
const lastLine = (stdout) => stdout.replace(/\n+$/, "").split("\n").pop();

describe("the harness in Pyodide", () => {
  test("a syntax error reports its line, and no check can run", () => {
    const result = run("x = 1\ny = (\nprint(x)\n", 'from heapwise_check import check\n@check("c")\ndef _(p):\n    pass\n');
    assert.equal(result.ok, false);
    assert.equal(result.error.type, "SyntaxError");
    assert.equal(result.error.line, 2);
    assert.match(result.error.traceback, /solution\.py/);
    assert.equal(result.checks[0].passed, false);
    assert.match(result.checks[0].message, /line 2/);
  });

  test("a runtime error's traceback names solution.py and not the harness", () => {
    const result = run("print('before')\n\ndef f(n):\n    return 10 // n\n\nf(0)\n");
    assert.equal(result.error.type, "ZeroDivisionError");
    assert.equal(result.error.line, 4);
    assert.match(result.error.traceback, /File "solution\.py", line 6/);
    assert.match(result.error.traceback, /File "solution\.py", line 4, in f/);
    assert.doesNotMatch(result.error.traceback, /heapwise_check|<exec>|_pyodide/);
    assert.equal(result.stdout, "before\n");
  });

  test("prints are captured and passed on to sys.stdout", () => {
    const result = run("print('one')\nprint('two')\n");
    assert.equal(result.stdout, "one\ntwo\n");
    assert.deepEqual(printed, ["one", "two"]);
    assert.deepEqual(Object.keys(result).sort(), ["checks", "error", "figures", "notes", "ok", "pointer_bytes", "python", "stdout"]);
    assert.equal(result.pointer_bytes, 4);
    assert.match(result.python, /^3\.14\./);
  });

  test("the whole program is traced unless the program starts tracemalloc itself", () => {
    const untouched = run("data = [bytes(1000) for _ in range(1000)]\n");
    const whole = untouched.figures.find((f) => f.label === "whole program (peak traced)");
    assert.ok(whole && whole.bytes >= 1_000_000, JSON.stringify(untouched.figures));
    const own = run(
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

  test("tracemalloc filters by __file__ see the program's lines", () => {
    const result = run(
      "import os, tracemalloc\ntracemalloc.start()\nkept = [str(i) * 10 for i in range(1000)]\n" +
        "snap = tracemalloc.take_snapshot().filter_traces([tracemalloc.Filter(True, os.path.abspath(__file__))])\n" +
        "print(snap.statistics('lineno')[0].traceback[0].lineno)\n",
    );
    assert.equal(result.stdout, "3\n");
  });

  test("deep recursion raises RecursionError instead of killing the runtime", () => {
    const result = run("def walk(n):\n    return sum(walk(k) for k in [n])\n\nwalk(1)\n");
    assert.equal(result.error.type, "RecursionError");
    assert.match(result.notes.join(" "), /recursion limit/);
    assert.equal(run("print(2 + 2)\n").stdout, "4\n");
  });

  test("a thread that cannot start is explained", () => {
    const result = run("import threading\nthreading.Thread(target=print).start()\n");
    assert.equal(result.error.type, "RuntimeError");
    assert.equal(result.error.line, 2);
    assert.match(result.notes.join(" "), /single thread/);
  });

  test("a check that raises is reported in words; checks keep their order", () => {
    const result = run(
      "def broken():\n    return [][1]\n\nprint('done')\n",
      "from heapwise_check import check, fail\n" +
        "@check('first')\ndef _(p):\n    p.get('broken', callable)()\n" +
        "@check('second')\ndef _(p):\n    fail('said so')\n" +
        "@check('third')\ndef _(p):\n    return 'fine'\n",
    );
    assert.deepEqual(result.checks.map((c) => c.name), ["first", "second", "third"]);
    assert.match(result.checks[0].message, /IndexError.*solution\.py, line 2/);
    assert.equal(result.checks[1].message, "said so");
    assert.deepEqual(result.checks[2], { name: "third", passed: true, message: "fine" });
    assert.equal(result.ok, false);
  });
});

describe("every exercise, in Pyodide", () => {
  for (const slug of slugs) {
    test(slug, () => {
      const checkPath = path.join(EXERCISES, slug, "check.py");
      assert.ok(fs.existsSync(checkPath), `exercises/${slug}/check.py does not exist`);
      const checks = fs.readFileSync(checkPath, "utf8");
      const { starter, expected_output: expected } = content(slug);

      const reference = run(fs.readFileSync(path.join(EXERCISES, slug, "reference.py"), "utf8"), checks);
      assert.ok(reference.checks.length > 0, "check.py defines no checks");
      assert.ok(reference.ok, `reference.py does not pass:\n${describeChecks(reference)}`);
      assert.equal(lastLine(reference.stdout), expected);

      const started = run(starter, checks);
      assert.equal(started.error, null, `the starter raised:\n${started.error && started.error.traceback}`);
      assert.ok(failing(started).length > 0, "the starter passes every check");
      assert.ok(failing(started).every((c) => c.message.trim() !== ""), "a check failed the starter without a message");

      const faked = run(`print(${JSON.stringify(expected)})\n`, checks);
      assert.ok(failing(faked).length > 0, "a program printing only the expected last line passes every check");
    });
  }
});

test("the same holds on CPython (tests/python/cpython_checks.py)", async () => {
  const { code, output } = await cpython;
  assert.equal(code, 0, output);
});
