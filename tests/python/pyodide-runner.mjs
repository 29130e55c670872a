// The page's Python for the tests: Pyodide from node_modules, with the
// harness (the package www/python/heapwise_check/) imported, as the page's
// worker has it. Every program runs in a fresh interpreter: a memory
// snapshot of a loaded runtime with the harness imported is made once, and
// each run restores a new interpreter from it (about 0.2 s in Node against
// 2 to 3 s for a plain load), so nothing one program does reaches the next.

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const EXERCISES = path.join(ROOT, "exercises");
const PYODIDE = path.join(ROOT, "node_modules", "pyodide");
const HARNESS_DIR = path.join(ROOT, "www", "python", "heapwise_check");
/** The harness's files by path under /heapwise, as the bundle's python/harness.json has them. */
const HARNESS = Object.fromEntries(
  fs
    .readdirSync(HARNESS_DIR)
    .filter((name) => name.endsWith(".py"))
    .sort()
    .map((name) => [`heapwise_check/${name}`, fs.readFileSync(path.join(HARNESS_DIR, name), "utf8")]),
);
const PRELOAD = "import json, tomllib, sys\nsys.path.insert(0, '/heapwise')\nimport heapwise_check\n";

export const slugs = () =>
  fs
    .readdirSync(EXERCISES, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();

/** The check every exercise gets from the harness when a program replaces its tools. */
export const TAMPER_CHECK = "your program leaves the checker and its measuring tools as they were";
/**
 * The rule the harness adds after every exercise's checks (heapwise_check.BYTES_RULE).
 * It is the harness's, not the exercise's: its own cases (provenance_program.RULE_CASES,
 * checks.test.mjs) show it failing, so no exercise needs a wrong program of its own for it.
 */
export const BYTES_RULE = "every figure in bytes it prints is one it measured";
/** Put in front of a starter, each must be refused by that check (as in cpython_checks.py). */
export const TAMPERING = {
  "replaces tracemalloc's figures": "import tracemalloc\ntracemalloc.get_traced_memory = lambda: (0, 0)\n",
  "replaces the harness's checks":
    "import sys\n" +
    "sys._getframe(1).f_globals['_judge'] = lambda run: [{'name': 'all', 'passed': True, 'message': ''}]\n",
};

/** exercises/<slug>/programs/*.py with their headers (see cpython_checks.py `programs`). */
export function programs(slug) {
  const folder = path.join(EXERCISES, slug, "programs");
  if (!fs.existsSync(folder)) return [];
  // Mutants: the reference with a few lines replaced (scripts/fold-mutants.py).
  const mutantsFile = path.join(folder, "mutants.json");
  const reference = fs.readFileSync(path.join(EXERCISES, slug, "reference.py"), "utf8");
  const mutants = fs.existsSync(mutantsFile)
    ? JSON.parse(fs.readFileSync(mutantsFile, "utf8")).map((entry) => {
        let source = reference;
        for (const [old, replacement] of entry.replace) {
          if (source.split(old).length !== 2) {
            source = null;
            break;
          }
          source = source.replace(old, () => replacement);
        }
        return { file: `mutants.json: ${entry.name}`, kind: "wrong", what: entry.what, fails: entry.fails, source };
      })
    : [];
  return fs
    .readdirSync(folder)
    .filter((name) => name.endsWith(".py"))
    .sort()
    .map((file) => {
      const source = fs.readFileSync(path.join(folder, file), "utf8");
      const kind = file.startsWith("correct-") ? "correct" : file.startsWith("wrong-") ? "wrong" : null;
      const header = source.split("\n").filter((line) => line.startsWith("#"));
      const said = header.find((line) => line.startsWith(`# ${kind}:`));
      const what = said ? said.slice(said.indexOf(":") + 1).trim() : null;
      const fails = header.filter((line) => line.startsWith("# fails:")).map((line) => line.slice(line.indexOf(":") + 1).trim());
      // "# threads: ..." marks a wrong program whose defect needs a second
      // thread to show; Pyodide has one, so only CPython judges it (the
      // header says why).
      const threadsOnly = header.some((line) => line.startsWith("# threads:"));
      return { file, kind, what, fails, source, threadsOnly };
    })
    .concat(mutants);
}

/** Writes the harness's files under /heapwise (the FS is not part of a memory snapshot). */
function writeHarness(py) {
  py.FS.mkdirTree("/heapwise/heapwise_check");
  for (const [name, text] of Object.entries(HARNESS)) py.FS.writeFile(`/heapwise/${name}`, text);
}

export async function pyodideRunner() {
  const { loadPyodide } = await import(pathToFileURL(path.join(PYODIDE, "pyodide.mjs")).href);
  const base = await loadPyodide({ indexURL: PYODIDE + path.sep, _makeSnapshot: true });
  writeHarness(base);
  base.runPython(PRELOAD);
  const snapshot = base.makeMemorySnapshot();
  let printed = [];

  /** A fresh interpreter, restored from the snapshot, its prints collected in `printed`. */
  async function fresh() {
    const py = await loadPyodide({ indexURL: PYODIDE + path.sep, _loadSnapshot: snapshot });
    writeHarness(py);
    py.setStdout({ batched: (line) => printed.push(line) });
    return py;
  }

  /** run_exercise in a fresh interpreter; the result dict as a plain object. */
  async function run(source, checkSource = null) {
    printed = [];
    const py = await fresh();
    py.globals.set("SOURCE", source);
    py.globals.set("CHECKS", checkSource ?? undefined); // undefined is None; null would be JsNull
    return JSON.parse(py.runPython("json.dumps(heapwise_check.run_exercise(SOURCE, CHECKS))"));
  }

  /** exercise.toml, read by Pyodide's own tomllib. */
  function content(slug) {
    base.globals.set("TOML", fs.readFileSync(path.join(EXERCISES, slug, "exercise.toml"), "utf8"));
    return JSON.parse(base.runPython("json.dumps(tomllib.loads(TOML))"));
  }

  return { run, content, fresh, printed: () => printed };
}

/**
 * check.py keeping only the checks a wrong program's `# fails:` lines name,
 * and the harness's byte rule (tests/python/named_checks.py says why; the
 * same text cpython_checks.py appends).
 */
const NAMED_CHECKS = fs.readFileSync(path.join(ROOT, "tests", "python", "named_checks.py"), "utf8");
export const namedOnly = (checkSource, names) => `${checkSource}\n_HEAPWISE_NAMED = ${JSON.stringify(names)}\n${NAMED_CHECKS}`;

export const failing = (result) => result.checks.filter((c) => !c.passed);
export const describeChecks = (result) =>
  result.checks.map((c) => `${c.passed ? "pass" : "FAIL"} ${c.name}: ${c.message}`).join("\n") +
  (result.error ? `\nerror: ${result.error.traceback}` : "");

/**
 * Everything asked of one exercise's programs under Pyodide: the reference
 * solved and ending with expected_output, the starter runs and fails a check
 * with a message, a print-only program and tampered starters fail, every
 * correct program solved, every wrong program failing its named checks (judged
 * by those alone, named_checks.py), and every check failed by some wrong
 * program. A list of problems.
 *
 * `machineMade: false` leaves out the wrong programs of programs/mutants.json
 * (the reference with a replacement; 184 of 672 programs), and
 * `handWrittenWrong: false` the wrong programs/*.py, taking the checks they
 * name as failed: the test command judges every wrong program on CPython
 * (cpython_checks.py --beside-pyodide), where it runs in two thirds of the
 * time, and here the programs that must be Solved in the page's own
 * interpreter (README, "Tests"); programs.mjs alone judges all of them here.
 */
export async function exerciseProblems(runner, slug, { machineMade = true, handWrittenWrong = true, reference: judgeReference = true } = {}) {
  const problems = [];
  const read = (name) => fs.readFileSync(path.join(EXERCISES, slug, name), "utf8");
  const checkPath = path.join(EXERCISES, slug, "check.py");
  if (!fs.existsSync(checkPath)) return [`exercises/${slug}/check.py does not exist`];
  const checks = read("check.py");
  const { starter, expected_output: expected } = runner.content(slug);
  const lastLine = (stdout) => stdout.replace(/\n+$/, "").split("\n").pop();

  // `reference: false` (the test command): the end-to-end layer judges every
  // reference in the page itself (tests/e2e/python-every-exercise.test.mjs),
  // and CPython's checks read its last line.
  if (judgeReference) {
    const reference = await runner.run(read("reference.py"), checks);
    if (!reference.ok) problems.push(`reference.py is not solved:\n${describeChecks(reference)}`);
    if (lastLine(reference.stdout) !== expected) problems.push(`reference.py ends with ${JSON.stringify(lastLine(reference.stdout))}`);
  }

  const started = await runner.run(starter, checks);
  // Every check, passed or failed, is in the starter's result.
  if (started.checks.length === 0) problems.push("check.py defines no checks");
  if (started.error) problems.push(`the starter raised:\n${started.error.traceback}`);
  if (failing(started).length === 0) problems.push("the starter passes every check");
  if (failing(started).some((c) => c.message.trim() === "")) problems.push("a check failed the starter without a message");
  const faked = await runner.run(`print(${JSON.stringify(expected)})\n`, checks);
  if (failing(faked).length === 0) problems.push("a program printing only the expected last line passes every check");
  const caught = new Set([...failing(started), ...failing(faked)].map((c) => c.name));

  for (const [what, prefix] of Object.entries(TAMPERING)) {
    const tampered = await runner.run(prefix + starter, checks);
    if (tampered.ok || !tampered.checks.some((c) => c.name === TAMPER_CHECK && !c.passed)) {
      problems.push(`a starter that ${what} is not refused ("${TAMPER_CHECK}")`);
    }
  }

  const listed = programs(slug);
  for (const program of listed) {
    const where = `programs/${program.file}`;
    if (program.source === null) {
      problems.push(`${where}: a replacement's text is not in reference.py exactly once`);
      continue;
    }
    if (!program.kind || !program.what) {
      problems.push(`${where}: needs a correct-/wrong- name and a '# correct: ...' or '# wrong: ...' header`);
      continue;
    }
    const leftOut = program.file.startsWith("mutants.json") ? !machineMade : !handWrittenWrong;
    if (program.kind === "wrong" && leftOut) {
      for (const name of program.fails) caught.add(name);
      continue;
    }
    if (program.threadsOnly) {
      if (program.kind !== "wrong") problems.push(`${where}: only a wrong program may be judged on CPython alone ('# threads:')`);
      continue;
    }
    // A wrong program is judged by the checks it names (named_checks.py says why).
    const result = await runner.run(program.source, program.kind === "wrong" ? namedOnly(checks, program.fails) : checks);
    const failed = new Set(failing(result).map((c) => c.name));
    if (program.kind === "correct") {
      if (!result.ok) problems.push(`${where} is correct (${program.what}) but is not solved:\n${describeChecks(result)}`);
      continue;
    }
    if (result.ok) problems.push(`${where} is wrong (${program.what}) but is solved`);
    if (program.fails.length === 0) problems.push(`${where}: a wrong program names the checks it fails ('# fails: ...')`);
    for (const name of program.fails) {
      if (!failed.has(name)) problems.push(`${where} (${program.what}) should fail "${name}"; it fails ${JSON.stringify([...failed])}`);
    }
    for (const name of failed) caught.add(name);
  }
  if (!listed.some((p) => p.kind === "correct")) problems.push(`exercises/${slug}/programs/ has no correct-*.py program`);
  if (!listed.some((p) => p.kind === "wrong")) problems.push(`exercises/${slug}/programs/ has no wrong-*.py program`);
  for (const c of started.checks) {
    if (!caught.has(c.name) && c.name !== BYTES_RULE) problems.push(`no wrong program, nor the starter, fails the check "${c.name}"`);
  }
  return problems;
}
