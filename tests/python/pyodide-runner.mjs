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

/**
 * `chosen` in the order to run them two at a time, so that the loop ends on
 * short ones: the longest when last measured first (tests/python/costs.json,
 * `side` "pyodide" or "cpython"), any exercise not measured yet before them,
 * in name order. The order changes how long the loop takes, never what it finds.
 */
export function heaviestFirst(chosen, side) {
  const measured = JSON.parse(fs.readFileSync(path.join(ROOT, "tests", "python", "costs.json"), "utf8"))[side];
  const cost = (slug) => (slug in measured ? measured[slug] : Infinity);
  return [...chosen].sort((a, b) => cost(b) - cost(a) || a.localeCompare(b));
}

/** The check every exercise gets from the harness when a program replaces its tools. */
export const TAMPER_CHECK = "your program leaves the checker and its measuring tools as they were";
/**
 * The rule the harness adds after every exercise's checks (heapwise_check.BYTES_RULE).
 * It is the harness's, not the exercise's: its own cases (provenance_program.RULE_CASES,
 * checks.test.mjs) show it failing, so no exercise needs a wrong program of its own for it.
 */
export const BYTES_RULE = "every figure in bytes it prints is one it measured";
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
    py.FS.writeFile(`${py.FS.cwd()}/solution.py`, source); // where __file__ points, as the page's worker writes it
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

/** tests/python/exercise_rules.py: the rules, the same code cpython_checks.py runs. */
const RULES = fs.readFileSync(path.join(ROOT, "tests", "python", "exercise_rules.py"), "utf8");

/** exercises/<slug>/programs/: its .py files and mutants.json, {name: text}. */
function programFiles(slug) {
  const folder = path.join(EXERCISES, slug, "programs");
  if (!fs.existsSync(folder)) return {};
  return Object.fromEntries(
    fs
      .readdirSync(folder)
      .filter((name) => name.endsWith(".py") || name === "mutants.json")
      .sort()
      .map((name) => [name, fs.readFileSync(path.join(folder, name), "utf8")]),
  );
}

/**
 * Everything asked of one exercise's programs under Pyodide: the reference
 * solved and ending with expected_output, then exercise_rules.py's rules
 * (the starter, a print-only program, tampered starters, every correct
 * program solved, every wrong one failing the checks it names, every check
 * failed by some wrong program), driven from Python, each program in a
 * fresh interpreter. A list of problems.
 *
 * `machineMade: false` leaves out the wrong programs of programs/mutants.json
 * (the reference with a replacement), and `handWrittenWrong: false` the
 * wrong programs/*.py, taking the checks they name as failed: the test
 * command judges every wrong program on CPython (cpython_checks.py
 * --beside-pyodide), where it runs in two thirds of the time, and here the
 * programs that must be Solved in the page's own interpreter (README,
 * "Tests"); programs.mjs alone judges all of them here. A wrong program
 * marked `# threads:` is judged on CPython alone (Pyodide has one thread).
 * `guards: false` (the test command) leaves the print-only and tampered
 * programs to CPython, and with them the question whether every check is
 * failed by some program: their verdicts are the harness's logic, the same
 * on both, and checks.test.mjs runs every tampering route in Pyodide.
 */
export async function exerciseProblems(runner, slug, { machineMade = true, handWrittenWrong = true, reference: judgeReference = true, guards = true } = {}) {
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

  // The driver runs in an interpreter of its own; each program in a fresh one.
  const driver = await runner.fresh();
  driver.FS.mkdirTree("/rules");
  driver.FS.writeFile("/rules/exercise_rules.py", RULES);
  driver.globals.set("RUN", async (source, named) =>
    JSON.stringify(await runner.run(source, named === undefined ? checks : namedOnly(checks, JSON.parse(named)))));
  driver.globals.set("ARGS", JSON.stringify({
    starter, expected, files: programFiles(slug), reference: read("reference.py"),
    wrong: handWrittenWrong, mutants: machineMade, guards,
  }));
  const found = await driver.runPythonAsync(`
import json, sys
sys.path.insert(0, "/rules")
import exercise_rules

async def run(source, named):
    return json.loads(await RUN(source, None if named is None else json.dumps(named)))

args = json.loads(ARGS)
json.dumps(await exercise_rules.judge(
    run, args["starter"], args["expected"], exercise_rules.programs(args["files"], args["reference"]),
    wrong=args["wrong"], mutants=args["mutants"], threads=False,
    guards=args["guards"], every_check=args["guards"]))
`);
  return problems.concat(JSON.parse(found));
}
