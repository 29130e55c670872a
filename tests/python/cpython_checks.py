"""The checker on CPython itself (python3, 3.11 here): for every exercise,
reference.py passes its check.py and prints what reference.out recorded,
judged (run_exercise) and run plainly (run_plain, what the page's console
shows), the starter runs and fails a check, and a program that only prints the
expected last line fails a check. Also unit tests of the harness.

    python3 tests/python/cpython_checks.py              # everything
    python3 tests/python/cpython_checks.py SLUG ...     # some exercises
    python3 tests/python/cpython_checks.py --verbose    # also: which checks each program fails
    python3 tests/python/cpython_checks.py --harness    # the harness's own tests only (3.8 and later)
    python3 tests/python/cpython_checks.py --beside-pyodide   # as the test command runs it (below)

And for every exercise, the programs in exercises/<slug>/programs/, each in
a fresh interpreter: every correct-*.py is solved,
every wrong-*.py fails the checks its `# fails:` lines name, every check
fails on at least one wrong program (or the starter, or the print-only
program), and a starter that replaces tracemalloc's functions or the
harness's is refused by the harness.

With --beside-pyodide (what checks.test.mjs passes, on two cores beside its
Pyodide loop, within CI's 90 minutes) the correct programs/*.py, which that
loop judges in the page's interpreter, are left out here: the references
are judged here and in the page itself (layer 4's python-every-exercise),
the starters on both, the print-only and tampered programs here (their
verdicts are the harness's logic; checks.test.mjs runs every tampering
route in Pyodide), every wrong
program (hand-written, mutants.json's, the `# threads:` ones) here, by the
checks it names, and the correct ones there, each once.

Each exercise runs in a fresh interpreter (`--one SLUG` prints its findings
as JSON), two at a time; each program in one of its own (`--result CHECK
PROGRAM` prints run_exercise's dict). Exit status 0 when nothing was found.

Running the reference under the harness cannot reproduce reference.out to
the byte: which freed objects CPython keeps for reuse (its free lists)
depends on everything the interpreter did before, so figures move by a few
hundred bytes between any two ways of starting a program. The comparison
asks for the same text and every number within 5% (or 4,096) of the
recording; the harness's own trace is never in the program's figures.
The timing line (`timing: variant ...: <micros> us per call, ...`) is
compared without its figure: variant, parameters and repeats must match.
"""
import asyncio
import concurrent.futures
import contextlib
import io
import json
import os
import re
import subprocess
import sys
import tempfile
import time

sys.dont_write_bytecode = True  # no __pycache__ left in www/python or tests/python
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "www", "python"))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import exercise_rules  # noqa: E402
import heapwise_check  # noqa: E402

EXERCISES = os.path.join(ROOT, "exercises")
VERBOSE = "--verbose" in sys.argv
# Limits that catch a hang, not a slow machine: the test command runs this
# at a low priority beside the builds and the end-to-end specs, which can
# leave it a small share of a core for minutes at a time. A program's run
# is limited in processor time (a starved run uses none), and only loosely
# on the clock (a program waiting on something that never comes uses none
# either). One exercise's own process (it judges the reference itself) the
# same way: the clock's limit is only there to end a run left alone (a
# starved exercise took 3,299 s on the clock here, beside the builds).
PROGRAM_CPU_LIMIT = 300
PROGRAM_WALL_LIMIT = 3600
ONE_EXERCISE_CPU_LIMIT = 1200
ONE_EXERCISE_LIMIT = 3 * 3600
NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
# The line where a reference program reports its own timing (heapwise::content::CpythonTiming).
TIMING = re.compile(r"^timing: variant (?P<variant>[a-z0-9-]+) at (?P<params>[a-z0-9_]+=\d+(?:, [a-z0-9_]+=\d+)*): "
                    r"(?P<us>\d+\.\d) us per call, best of (?P<k>\d+) \(tracemalloc off\)$")


def slugs():
    return sorted(name for name in os.listdir(EXERCISES) if os.path.isdir(os.path.join(EXERCISES, name)))


def heaviest_first(chosen):
    """`chosen` in the order to run them two at a time, so that the loop ends
    on short ones: the longest when last measured first (tests/python/costs.json),
    any exercise not measured yet before them. Only how long the loop takes
    depends on it."""
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "costs.json")) as f:
        measured = json.load(f)["cpython"]
    return sorted(chosen, key=lambda slug: (-measured.get(slug, float("inf")), slug))


NAMED_CHECKS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "named_checks.py")


def cpu_limit(seconds):
    """A preexec_fn giving the process `seconds` of processor time; then
    SIGXCPU ends it (SIGKILL ten seconds later). Its children have their own."""
    def limited():
        import resource

        resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds + 10))
    return limited


def ended_why(done, failure):
    """Why a program's process gave no answer, in words."""
    import signal

    if done is not None and done.returncode in (-signal.SIGXCPU, -signal.SIGKILL):
        return f"it used more than {PROGRAM_CPU_LIMIT} s of processor time (a loop without end?)"
    if isinstance(failure, subprocess.TimeoutExpired):
        return f"it did not end within {PROGRAM_WALL_LIMIT} s (waiting on something?)"
    return (getattr(done, "stderr", "") or "")[-2000:] or str(failure)


def named_only(check_source, names):
    """check.py keeping only the checks `names` (a wrong program's `# fails:`
    lines) and the harness's byte rule: tests/python/named_checks.py says why."""
    with open(NAMED_CHECKS) as f:
        return f"{check_source}\n_HEAPWISE_NAMED = {json.dumps(list(names))}\n{f.read()}"


@contextlib.contextmanager
def program_placed(source):
    """A working directory of the run's own holding solution.py, as the
    page's worker has it (python-worker.js writes the program where
    `__file__` points): a program may read its own source, and the files
    it writes land there, not in the checkout. Removed afterwards."""
    before = os.getcwd()
    with tempfile.TemporaryDirectory(prefix="heapwise-run-") as place:
        with open(os.path.join(place, "solution.py"), "w", encoding="utf-8") as f:
            f.write(source)
        os.chdir(place)
        try:
            yield place
        finally:
            os.chdir(before)


def run(source, check_source, line_memory=True):
    """run_exercise with the program's prints kept out of our stdout."""
    real = sys.stdout
    sys.stdout = io.StringIO()
    try:
        return heapwise_check.run_exercise(source, check_source, line_memory=line_memory)
    finally:
        sys.stdout = real


def failing(result):
    return [c for c in result["checks"] if not c["passed"]]


def without_micros(line):
    """A timing line with its figure blanked out (the figure moves from run to
    run; the variant, parameters and repeats must not), or None for any other line."""
    found = TIMING.match(line)
    return found and line[:found.start("us")] + "#" + line[found.end("us"):]


def same_output(recorded, printed):
    """Problems comparing the harness's output with reference.out."""
    old, new = recorded.splitlines(), printed.splitlines()
    timed_old = [line for line in old if TIMING.match(line)]
    timed_new = [line for line in new if TIMING.match(line)]
    if len(timed_old) != len(timed_new):
        return [f"{len(timed_new)} timing line(s) printed under the harness, {len(timed_old)} in reference.out"]
    if len(old) != len(new):
        return [f"{len(new)} lines printed under the harness, {len(old)} in reference.out"]
    problems = []
    for number, (a, b) in enumerate(zip(old, new), start=1):
        if without_micros(a) or without_micros(b):
            if without_micros(a) != without_micros(b):
                problems.append(f"line {number}: the timing lines differ in more than their figure:\n    {a}\n    {b}")
            continue
        if NUMBER.sub("#", a) != NUMBER.sub("#", b):
            problems.append(f"line {number} differs in its text:\n    {a}\n    {b}")
            continue
        for x, y in zip(NUMBER.findall(a), NUMBER.findall(b)):
            x, y = float(x.replace(",", "")), float(y.replace(",", ""))
            if abs(x - y) > max(4096, 0.05 * max(abs(x), abs(y))):
                problems.append(f"line {number}: {x:,} recorded, {y:,} under the harness:\n    {a}\n    {b}")
    return problems


def check_exercise(slug, beside_pyodide=False):
    """Everything about one exercise; a list of problems. `beside_pyodide`
    (the test command's run, beside checks.test.mjs's Pyodide loop): the
    correct programs/*.py, which that loop judges in the page's interpreter,
    are left out here; every wrong one is judged here, and that loop counts
    the checks each names as failed."""
    folder = os.path.join(EXERCISES, slug)
    problems = []
    check_path = os.path.join(folder, "check.py")
    if not os.path.exists(check_path):
        return [f"{slug}: exercises/{slug}/check.py does not exist"]
    with open(check_path) as f:
        check_source = f.read()
    import tomllib  # Python 3.11 and later; the harness tests below run on 3.8 too

    with open(os.path.join(folder, "exercise.toml"), "rb") as f:
        content = tomllib.load(f)
    with open(os.path.join(folder, "reference.py")) as f:
        reference = f.read()
    with open(os.path.join(folder, "reference.out")) as f:
        recorded = f.read().replace("reference.py", "solution.py")

    result = run(reference, check_source)
    reference_checks = result["checks"]
    # The page lists the checks before the first run from the `@check("...")`
    # lines, read at build time (heapwise::content::planned_checks): they must be
    # the checks the harness runs, in its order.
    listed_names = [re.sub(r"\\(.)", r"\1", m.group(2)) for m in
                    re.finditer(r"""^[ \t]*@check\((["'])((?:\\.|(?!\1).)*)\1(?:,[ \t]*step[ \t]*=[ \t]*[1-9][0-9]*[ \t]*)?\)[ \t]*$""",
                                check_source, re.M)] + [heapwise_check.BYTES_RULE]
    problems += step_problems(content["task"], check_source)
    problems += task_figure_problems(content["task"], check_source)
    ran_names = [c["name"] for c in reference_checks]
    if listed_names != ran_names:
        problems.append(f"the page would list the checks {listed_names} (from the @check(\"...\") lines) but the "
                        f"harness runs {ran_names}: name every check in a one-line @check(\"...\") decorator")
    if result["error"]:
        problems.append(f"reference.py raised {result['error']['type']}: {result['error']['message']}")
    for c in failing(result):
        problems.append(f"reference.py fails \"{c['name']}\": {c['message']}")
    if not result["checks"]:
        problems.append("check.py defines no checks")
    last = result["stdout"].rstrip("\n").split("\n")[-1]
    if last != content["expected_output"]:
        problems.append(f"reference.py's last line is {last!r}, expected_output is {content['expected_output']!r}")
    problems += [f"reference.py under the harness: {p}" for p in same_output(recorded, result["stdout"])]
    # Memory by line never changes the verdict: the same checks pass with it
    # off. Before 3.12 (no sys.monitoring) it cannot sample, so on is off and
    # a second run would judge the same run again: --switch asks it of 3.12+.
    unsampled = run(reference, check_source, line_memory=False) if sys.version_info >= (3, 12) else result
    if [(c["name"], c["passed"]) for c in unsampled["checks"]] != [(c["name"], c["passed"]) for c in reference_checks]:
        problems.append("reference.py's checks with Memory by line off differ from with it on:\n"
                        + describe(unsampled) + "\n  on:\n" + describe(result))
    # What the page's console shows: the plain run (heapwise_check.run_plain).
    plain = run_plain_fresh(reference)
    if plain["error"]:
        problems.append(f"reference.py run plainly raised {plain['error']['type']}: {plain['error']['message']}")
    problems += [f"reference.py run plainly: {p}" for p in same_output(recorded, plain["stdout"])]

    starter = content["starter"]
    with tempfile.TemporaryDirectory() as folder_for_starter:
        alone = subprocess.run([sys.executable, "-c", starter], cwd=folder_for_starter,
                               capture_output=True, text=True, timeout=PROGRAM_WALL_LIMIT, preexec_fn=cpu_limit(PROGRAM_CPU_LIMIT))
    if alone.returncode != 0:
        problems.append(f"the starter exits with {alone.returncode} under python3: "
                        f"{alone.stderr.strip().splitlines()[-1:]}")
    problems += asyncio.run(judge_programs(slug, check_path, content, reference, beside_pyodide))
    return [f"{slug}: {p}" for p in problems]


async def judge_programs(slug, check_path, content, reference, beside_pyodide):
    """The rules every exercise's programs are held to (exercise_rules.py,
    the same code Pyodide runs), each program in a fresh process. Beside
    the Pyodide loop (`beside_pyodide`), the correct programs are left to
    it; whether every check is failed by the starter, the print-only program
    or some wrong program is asked here, where all of them are judged."""
    folder = os.path.join(EXERCISES, slug, "programs")
    files = {}
    for name in sorted(os.listdir(folder)) if os.path.isdir(folder) else []:
        if name.endswith(".py") or name == "mutants.json":
            with open(os.path.join(folder, name)) as f:
                files[name] = f.read()

    async def judged(source, named):
        return run_fresh(check_path, source, slug, named=named)

    def said(file, failed):
        print(f"{slug} / {file}: fails {failed}", file=sys.stderr)

    return await exercise_rules.judge(
        judged, content["starter"], content["expected_output"], exercise_rules.programs(files, reference),
        correct=not beside_pyodide, all_checks=VERBOSE,
        said=said if VERBOSE else None)


def describe(result):
    lines = [f"    {'pass' if c['passed'] else 'FAIL'} {c['name']}: {c['message']}" for c in result["checks"]]
    if result.get("error"):
        lines.append("    error: " + result["error"]["traceback"].strip().replace("\n", "\n    "))
    return "\n".join(lines)


def run_fresh(check_path, source, slug, line_memory=True, named=None):
    """run_exercise in a fresh interpreter, so nothing one program does reaches the next;
    with `named` (a wrong program's `# fails:`), only those checks and the byte rule."""
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as f:
        f.write(source)
    answer = f.name + ".json"
    try:
        # The answer goes to a file: a program may print at exit (a
        # weakref.finalize callback), after the harness is done.
        done = subprocess.run([sys.executable, os.path.abspath(__file__), "--result", check_path, f.name, answer]
                              + ([] if line_memory else ["--no-line-memory"])
                              + ([] if named is None else ["--named", json.dumps(list(named))]),
                              capture_output=True, text=True, cwd=ROOT, timeout=PROGRAM_WALL_LIMIT,
                              preexec_fn=cpu_limit(PROGRAM_CPU_LIMIT))
        with open(answer) as written:
            return json.load(written)
    except (OSError, ValueError, subprocess.TimeoutExpired) as failure:
        why = ended_why(locals().get("done"), failure)
        return {"ok": False, "error": {"type": "crash", "traceback": why},
                "checks": [{"name": "the run", "passed": False, "message": why}]}
    finally:
        for path in (f.name, answer):
            if os.path.exists(path):
                os.unlink(path)


def run_plain_fresh(source):
    """run_plain in a fresh interpreter, as the page's first run of a
    program; its dict with "stdout", what the process printed."""
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as f:
        f.write(source)
    answer = f.name + ".json"
    try:
        done = subprocess.run([sys.executable, os.path.abspath(__file__), "--plain", f.name, answer],
                              capture_output=True, text=True, cwd=ROOT, timeout=PROGRAM_WALL_LIMIT,
                              preexec_fn=cpu_limit(PROGRAM_CPU_LIMIT))
        with open(answer) as written:
            result = json.load(written)
        result["stdout"] = done.stdout
        return result
    except (OSError, ValueError, subprocess.TimeoutExpired) as failure:
        why = ended_why(locals().get("done"), failure)
        return {"error": {"type": "crash", "message": why, "line": None, "traceback": why}, "notes": [], "stdout": ""}
    finally:
        for path in (f.name, answer):
            if os.path.exists(path):
                os.unlink(path)


# A program that prints what a plain run lets it see; plain_problems() reads it.
PLAIN_PROBE = """\
import gc, io, os, sys, tracemalloc
print("trace", sys.gettrace() is None, sys.getprofile() is None)
monitoring = getattr(sys, "monitoring", None)
print("monitoring", monitoring is None or all(monitoring.get_tool(i) is None for i in range(6)))
print("tracemalloc", tracemalloc.is_tracing(), tracemalloc.get_traced_memory() == (0, 0))
print("plain ints", type(sys.getsizeof(1)) is int, type(len("ab")) is int)
print("stdout", type(sys.stdout).__name__)
print("argv", sys.argv, __name__, os.path.basename(__file__))
try:
    import heapwise_check
    print("checker reached")
except ImportError:
    print("checker out of reach")
try:
    input()
except EOFError:
    print("no keyboard")
sys.stdout.flush()
os._exit(3)
print("after exit")
"""


def plain_problems():
    """run_plain: the program runs as `python3 solution.py` would, with no instrument."""
    problems = []

    def expect(condition, what):
        if not condition:
            problems.append(f"run_plain: {what}")

    result = run_plain_fresh(PLAIN_PROBE)
    wanted = ["trace True True", "monitoring True", "tracemalloc False True", "plain ints True True",
              "stdout TextIOWrapper", "argv ['solution.py'] __main__ solution.py", "checker out of reach",
              "no keyboard"]
    expect(result["stdout"].splitlines() == wanted, f"the probe printed {result['stdout'].splitlines()}")
    expect((result["error"] or {}).get("type") == "SystemExit" and result["error"].get("line") == 19,
           f"os._exit(3) on line 19 is reported as {result['error']}")
    failed = run_plain_fresh("print('a')\n\ndef f():\n    return 1 // 0\nf()\n")
    expect(failed["stdout"] == "a\n" and (failed["error"] or {}).get("type") == "ZeroDivisionError"
           and failed["error"].get("line") == 4, f"a division by zero on line 4: {failed}")
    expect("cpython_checks" not in failed["error"]["traceback"] and "plain.py" not in failed["error"]["traceback"],
           f"the harness's frames in a traceback: {failed['error']['traceback']}")
    broken = run_plain_fresh("x = (\n")
    expect(broken["stdout"] == "" and (broken["error"] or {}).get("type") == "SyntaxError",
           f"a syntax error: {broken}")
    asked = run_plain_fresh("x = input()\n")
    expect(any("no keyboard" in note for note in asked["notes"]), f"input() has no note: {asked['notes']}")
    return problems


def switch_problems(chosen):
    """Every reference program judged with Memory by line on and off, each
    way in a fresh interpreter: the same checks pass and fail."""
    problems = []

    def verdicts(result):
        return [(c["name"], c["passed"]) for c in result["checks"]]

    for slug in chosen:
        folder = os.path.join(EXERCISES, slug)
        check_path = os.path.join(folder, "check.py")
        with open(os.path.join(folder, "reference.py")) as f:
            reference = f.read()
        on = run_fresh(check_path, reference, slug)
        off = run_fresh(check_path, reference, slug, line_memory=False)
        if sys.version_info >= (3, 12) and not (on.get("line_memory") or {}).get("available"):
            problems.append(f"{slug}: Memory by line did not sample the reference: {on.get('line_memory')}")
        if verdicts(on) != verdicts(off) or on.get("ok") != off.get("ok"):
            problems.append(f"{slug}: the verdict with Memory by line on differs from off:\n  on:\n"
                            + describe(on) + "\n  off:\n" + describe(off))
    return problems


# ---------------------------------------------------------------------------
# The harness itself
# ---------------------------------------------------------------------------

def clock_problems():
    """A timing check still times where the processor time cannot be read
    (Pyodide's clock() past about 36 minutes of a runtime's life raises
    RuntimeError): the clock's time alone is used."""
    from heapwise_check import program as program_module

    def unreadable():
        raise RuntimeError("the processor time used is not available or its value cannot be represented")

    real = program_module.process_time
    program_module.process_time = unreadable
    try:
        took = program_module._fastest(lambda: sum(range(1000)), 3)
    except Exception as error:  # noqa: BLE001 (the problem is that it raised)
        return [f"harness: a timing check raised where the processor time cannot be read: {error!r}"]
    finally:
        program_module.process_time = real
    return [] if 0 < took < 1 else [f"harness: a timing check with no processor time read {took!r} s"]


def exit_problems():
    """os._exit in the program, in a function a check calls and in a re-run
    ends that program, not the interpreter: the verdict still comes. In a
    process of its own (here the process would end, quietly)."""
    program = ("import os\n\ndef stop():\n    os._exit(3)\n\nprint('all printed')\nos._exit(0)\n")
    checker = ("from heapwise_check import check\n"
               "@check('calls stop')\ndef _(p):\n    p.get('stop', callable)()\n    return 'came back'\n"
               "@check('runs it again')\ndef _(p):\n    return repr(p.rerun('again').text)\n")
    with tempfile.TemporaryDirectory() as folder:
        paths = [os.path.join(folder, name) for name in ("solution.py", "check.py", "answer.json")]
        for path, text in zip(paths, (program, checker)):
            with open(path, "w") as f:
                f.write(text)
        done = subprocess.run([sys.executable, os.path.abspath(__file__), "--result", paths[1], paths[0], paths[2],
                               "--no-line-memory"], capture_output=True, text=True, timeout=PROGRAM_WALL_LIMIT)
        if not os.path.exists(paths[2]) or os.path.getsize(paths[2]) == 0:
            return [f"harness: os._exit in a check's call or a re-run ended the interpreter before the verdict "
                    f"(exit {done.returncode}): {done.stderr[-500:]}"]
        with open(paths[2]) as f:
            answer = json.load(f)
    checks = {c["name"]: c for c in answer["checks"]}
    said = checks.get("calls stop", {}).get("message", "")
    again = checks.get("runs it again", {}).get("message", "")
    if "all printed" not in again or answer["stdout"] != "all printed\n":
        return [f"harness: os._exit: the run printed {answer['stdout']!r}, a re-run {again!r}, the check calling it "
                f"{said!r}"]
    return []


def harness_problems():
    problems = plain_problems()

    def expect(condition, what):
        if not condition:
            problems.append(f"harness: {what}")

    broken = run("x = 1\ny = (\nprint(x)\n", None)
    # The parser before 3.10 names the line where the text ended (3) for an unclosed bracket.
    where = 2 if sys.version_info >= (3, 10) else 3
    expect(broken["error"] and broken["error"]["type"] == "SyntaxError" and broken["error"]["line"] == where,
           f"a syntax error on line {where} is reported as {broken['error']}")
    expect(not broken["ok"], "a program with a syntax error is ok")

    crash = run("print('before')\n\ndef f(n):\n    return 10 // n\n\nf(0)\n", None)
    error = crash["error"] or {}
    expect(error.get("type") == "ZeroDivisionError" and error.get("line") == 4,
           f"a ZeroDivisionError on line 4 is reported as {error}")
    expect('File "solution.py", line 4' in error.get("traceback", "")
           and 'File "solution.py", line 6' in error.get("traceback", ""),
           f"the traceback does not name solution.py's lines: {error.get('traceback')!r}")
    expect("heapwise_check" not in error.get("traceback", ""), "the traceback shows the harness's frames")
    expect(crash["stdout"] == "before\n", f"stdout before the error is {crash['stdout']!r}")

    out = io.StringIO()
    real = sys.stdout
    sys.stdout = out
    try:
        streamed = heapwise_check.run_exercise("print('one')\nprint('two', end='!')\n", None)
    finally:
        sys.stdout = real
    expect(streamed["stdout"] == "one\ntwo!" and out.getvalue() == "one\ntwo!",
           "prints are not both captured and passed on to sys.stdout")
    expect(set(streamed) == {"ok", "error", "stdout", "figures", "checks", "notes", "python", "pointer_bytes",
                             "line_memory", "judged"},
           f"the result's keys are {sorted(streamed)}")
    # Memory by line needs sys.monitoring (3.12+); before it, the result says so.
    lines = streamed["line_memory"]
    if sys.version_info < (3, 12):
        expect(not lines["available"] and lines["why"] == "Memory by line needs Python 3.12 or later (sys.monitoring)."
               and not lines["lines"] and not lines["timeline"],
               f"line_memory before 3.12: {lines!r}")
    else:
        expect(lines["available"], f"line_memory on {sys.version_info[:2]}: {lines!r}")
    json.dumps(streamed)

    # A timing line's check takes the processor's time when it is less than
    # the clock's: waiting (as a process starved beside builds waits) does
    # not count, work does; a short work's processor time, which the clock
    # may not resolve (it moves in 4 ms steps under a processor-time limit),
    # is not taken for nothing.
    from heapwise_check.program import _fastest

    def busy_then_wait():
        started = time.process_time()
        while time.process_time() - started < 0.03:
            pass
        time.sleep(0.15)
    starved = _fastest(busy_then_wait, 3)
    short = _fastest(lambda: sum(range(20_000)), 5)
    expect(0.02 < starved < 0.1 and short > 0,
           f"the check's timing of 30 ms of work then a 0.15 s wait is {starved:.3f} s, of a 0.2 ms sum {short:.6f} s")

    untouched = run("data = [bytes(1000) for _ in range(1000)]\n", None)
    whole = [f for f in untouched["figures"] if f["label"] == heapwise_check.WHOLE_PROGRAM]
    expect(whole and whole[0]["bytes"] >= 1_000_000, f"whole-program figure: {untouched['figures']}")

    view = run(
        "import tracemalloc\n"
        "print(tracemalloc.is_tracing(), tracemalloc.get_traced_memory())\n"
        "tracemalloc.stop()\n"
        "try:\n    tracemalloc.take_snapshot()\nexcept RuntimeError:\n    print('no snapshot')\n"
        "junk = bytes(5_000_000)\n"
        "tracemalloc.start()\n"
        "small = bytes(1000)\n"
        "current, peak = tracemalloc.get_traced_memory()\n"
        "print(tracemalloc.is_tracing(), 1000 <= peak < 10_000)\n", None)
    expect(view["stdout"] == "False (0, 0)\nno snapshot\nTrue True\n",
           f"the program's view of tracemalloc: {view['stdout']!r}")
    expect(not any(f["label"] == heapwise_check.WHOLE_PROGRAM for f in view["figures"])
           and any("line 9" in n for n in view["notes"]),
           f"after the program's own start(): figures {view['figures']}, notes {view['notes']}")

    problems += profile_problems()

    checks = run(
        "class Thing:\n    pass\n\ndef broken():\n    return [][1]\n\nprint('done')\n",
        "from heapwise_check import check, fail\n"
        "@check('first')\ndef _(p):\n    p.get('Thing', type)\n    return 'fine'\n"
        "@check('second')\ndef _(p):\n    p.get('Missing')\n"
        "@check('third')\ndef _(p):\n    p.get('broken', callable)()\n"
        "@check('fourth')\ndef _(p):\n    p.expect_last_line(r'finished', 'finished')\n"
        "@check('fifth')\ndef _(p):\n    p.peak('a megabyte', lambda: bytes(1_000_000))\n")
    by_name = {c["name"]: c for c in checks["checks"]}
    expect(list(by_name) == ["first", "second", "third", "fourth", "fifth", heapwise_check.BYTES_RULE],
           f"check order (the exercise's, then the rule every exercise ends with) {list(by_name)}")
    expect(by_name["first"]["passed"] and by_name["first"]["message"] == "fine", "a passing check's message")
    expect(not by_name["second"]["passed"] and "`Missing`" in by_name["second"]["message"], "p.get of a missing name")
    expect(not by_name["third"]["passed"] and "IndexError" in by_name["third"]["message"]
           and "line 5" in by_name["third"]["message"], f"an exception in the program's code: {by_name['third']}")
    expect(not by_name["fourth"]["passed"] and '"done"' in by_name["fourth"]["message"], "expect_last_line")
    expect(by_name["fifth"]["passed"] and any(f["label"] == "a megabyte" and f["bytes"] >= 1_000_000
                                              for f in checks["figures"]), "p.peak records a figure")
    expect(not checks["ok"], "a run with failing checks is ok")
    # A re-run may replace more of the program's top-level names where it
    # defines them (`optional`), each right after its definition, and says
    # which it replaced; the name it must replace missing: no re-run (None).
    both = run(
        "def f():\n    return 1\n\nclass G:\n    n = 2\n\nprint(f(), G.n)\n",
        "from heapwise_check import check\n"
        "def g(cls):\n    cls.n = 20\n"
        "@check('both replaced')\ndef _(p):\n"
        "    again = p.rerun('both', 'f', lambda real: lambda: real() + 10, optional={'G': g, 'h': g})\n"
        "    return again.text + ' '.join(sorted(again.replaced))\n"
        "@check('one missing')\ndef _(p):\n"
        "    return repr(p.rerun('missing', 'h', lambda real: real, optional={'f': lambda real: real}))\n")
    said = {c["name"]: c["message"] for c in both["checks"]}
    expect(both["stdout"] == "1 2\n" and said.get("both replaced") == "11 20\nG f" and said.get("one missing") == "None",
           f"a re-run replacing two names: {said}")

    stopped = run("import sys\nprint('bye')\nsys.exit(0)\nprint('never')\n", None)
    expect(stopped["error"] is None and stopped["stdout"] == "bye\n", "sys.exit(0) ends the program quietly")
    # A table's heading, or a line saying what every figure is in, names the
    # unit of the bare figures it covers: the byte rule reads them too (a
    # count stays a count, and so does a number after a word: "trial 12345").
    measured = ("import tracemalloc\ntracemalloc.start()\ndata = [float(i) for i in range(10_000)]\n"
                "peak = tracemalloc.get_traced_memory()[1]\ntracemalloc.stop()\n")
    for what, shown, typed, refused in (
            ("under 'peak KiB'", "print(f\"{'what':<10}{'peak KiB':>10}\")\nprint(f\"{'measured':<10}{peak / 1024:>10.1f}\")\n",
             "print(f\"{'typed':<10}{'1727.3':>10}\")\n", "1727.3 (under KiB)"),
            ("under '(all figures are bytes)'",
             "print(f'10,000 floats: peak={peak}')\nprint('trial 12345')\nprint('(all figures are bytes)')\n",
             "print('10 times more: peak=4481872')\n", "4481872 (under bytes)")):
        ruled = {c["name"]: c for c in run(measured + shown, "from heapwise_check import check\n")["checks"]}
        expect(ruled[exercise_rules.BYTES_RULE]["passed"], f"a measured figure {what} is refused: {ruled}")
        said = {c["name"]: c for c in run(measured + shown + typed, "from heapwise_check import check\n")["checks"]}
        said = said[exercise_rules.BYTES_RULE]
        expect(not said["passed"] and refused in said["message"],
               f"a typed figure {what} is not refused by the byte rule: {said}")
    problems += exit_problems()
    problems += clock_problems()
    problems += provenance_problems()
    problems += figure_problems()
    problems += tampering_problems()
    problems += line_figure_problems()
    return problems


def profile_problems():
    """Memory by line's own run (tests/python/profile_run.py, which
    checks.test.mjs also runs in Pyodide)."""
    import profile_run
    return [f"profile: {problem}" for problem in profile_run.problems()]


# Lines that build tuples, ints and small objects after a large allocation
# (which makes the sampler take a snapshot before them).
AFTER_A_SNAPSHOT = """\
big = [str(i) for i in range(20000)]
keep = 1
pairs = [(i, i, i, i) for i in range(1000, 3000)]
numbers = [i * 1000 for i in range(1000, 3000)]
things = [object() for _ in range(2000)]
"""


def line_figure_problems():
    """Memory by line's figures for lines 3-5 of AFTER_A_SNAPSHOT against
    plain tracemalloc's for the same program in a fresh interpreter, after a
    collection as the harness makes before a program: within
    1% (a snapshot's own tuples, left on CPython's free lists, once made
    2,000 4-tuples vanish from line 3: 80,184 B against 224,456 B)."""
    if sys.version_info < (3, 12):
        return []
    problems = []
    real = sys.stdout
    sys.stdout = io.StringIO()
    try:
        result = heapwise_check.run_exercise(AFTER_A_SNAPSHOT, None)
    finally:
        sys.stdout = real
    table = {row["line"]: row["bytes"] for row in (result["line_memory"] or {}).get("lines", [])}
    plain = subprocess.run(
        [sys.executable, "-c",
         "import gc, tracemalloc\ngc.collect()\ntracemalloc.start()\n"
         f"exec(compile({AFTER_A_SNAPSHOT!r}, 'solution.py', 'exec'))\n"
         "snapshot = tracemalloc.take_snapshot()\n"
         "print({s.traceback[0].lineno: s.size for s in snapshot.statistics('lineno')"
         " if s.traceback[0].filename == 'solution.py'})"],
        capture_output=True, text=True, timeout=PROGRAM_WALL_LIMIT, preexec_fn=cpu_limit(PROGRAM_CPU_LIMIT))
    traced = eval(plain.stdout)  # a dict of ints this test printed
    for line in (3, 4, 5):
        got, wanted = table.get(line, 0), traced.get(line, 0)
        if abs(got - wanted) > 0.01 * wanted:
            problems.append(f"Memory by line: line {line} holds {got:,} B in the table, {wanted:,} B under "
                            f"plain tracemalloc")
    return problems


def task_figure_problems(task, check_source):
    """Every figure check.py declares with task_figures(...) (which BYTES_RULE
    lets a program print as typed) is one the task's text names, word for word."""
    problems = []
    for call in re.finditer(r"^task_figures\((.*)\)", check_source, re.M):
        for text in re.findall(r"""["']([^"']*)["']""", call.group(1)):
            if " ".join(text.split()) not in " ".join(task.split()):
                problems.append(f"task_figures({text!r}): the task does not name this figure")
    return problems


def step_problems(task, check_source):
    """What the content test (tests/content/rules.rs, check_steps) says of the
    steps, said here too, so a check.py edited under this script hears it at
    once: every numbered step of the task has a check, every check a step."""
    steps = [int(m.group(1)) for m in re.finditer(r"^([0-9]+)\. \S", task, re.M)]
    named = [(m.group(2), m.group(3)) for m in
             re.finditer(r"""^[ \t]*@check\((["'])((?:\\.|(?!\1).)*)\1(?:,[ \t]*step[ \t]*=[ \t]*([0-9]+)[ \t]*)?\)""",
                         check_source, re.M)]
    problems = [f"check {name!r} names no step: @check({name!r}, step=N)" for name, step in named if step is None]
    problems += [f"check {name!r} names step {step}, which the task does not have"
                 for name, step in named if step is not None and int(step) not in steps]
    problems += [f"no check verifies step {step} of the task" for step in steps
                 if not any(s is not None and int(s) == step for _, s in named)]
    return problems


def provenance_problems():
    """Measured figures, and only they, are told measured; printing is the same with and without the marks."""
    import provenance_program

    problems = []
    result = run(provenance_program.PROGRAM, provenance_program.CHECKS)
    if result["error"] or not result["checks"] or not result["checks"][0]["passed"]:
        return [f"harness: the provenance program did not run: {describe(result)}"]
    said = eval(result["checks"][0]["message"])
    lines = result["stdout"].splitlines()
    for line, wanted, told in zip(lines, provenance_program.MEASURED, said):
        if wanted != told:
            problems.append(f"harness: provenance: {line!r} is told {'measured' if told else 'not measured'}")
    for index, (wanted_lines, kind) in enumerate(((provenance_program.TRACED_LINES, "traced"),
                                                 (provenance_program.PEAK_LINES, "a peak"),
                                                 (provenance_program.CURRENT_LINES, "traced, not a peak")), 1):
        said = eval(result["checks"][index]["message"])
        if len(said) != len(wanted_lines) + 1:  # the last line, printing every way, is not listed
            problems.append(f"harness: provenance: {len(said)} lines printed, {len(wanted_lines) + 1} expected")
        for line, wanted, told in zip(lines, wanted_lines, said):
            if wanted != told:
                problems.append(f"harness: provenance: {line!r} is told {kind if told else 'not ' + kind}")
    # The same program run plainly: the same text, byte for byte.
    out = io.StringIO()
    real = sys.stdout
    sys.stdout = out
    try:
        exec(compile(provenance_program.PROGRAM, "plain.py", "exec"), {"__name__": "__main__"})
    finally:
        sys.stdout = real
    plain = out.getvalue().splitlines()
    if not provenance_program.same_printing(lines, plain):
        problems.append(f"harness: provenance changes what a program prints: {lines!r} plainly {plain!r}")
    for what, passes, source in provenance_program.RULE_CASES:
        rule = run(source, provenance_program.RULE_CHECKS)["checks"][-1]
        if rule["name"] != heapwise_check.BYTES_RULE or rule["passed"] != passes:
            problems.append(f"harness: the byte rule on {what}: {'passed' if rule['passed'] else 'failed'} "
                            f"({rule['name']}: {rule['message'][:200]})")
    return problems


def figure_problems():
    """p.printed_figures, p.printed_again, p.unmoved and struct_view (tests/python/figures_program.py)."""
    import figures_program

    return [f"harness: {problem}" for problem in
            figures_program.problems(run(figures_program.PROGRAM, figures_program.CHECKS))]


def tampering_problems():
    """Each way into the checker of tests/python/tampering.py gets its answer
    (on this interpreter; the same list runs in Pyodide in checks.test.mjs)."""
    import tampering

    problems = []
    plain = run(tampering.PROGRAM, tampering.CHECKS)
    if not plain["ok"] or not plain["judged"]:
        problems.append(f"harness: the untampered program of tampering.py is not solved: {describe(plain)}")
    for what, code, answer, since in tampering.ROUTES:
        if sys.version_info < since:
            continue
        result = run(code + tampering.PROGRAM, tampering.CHECKS)
        first = result["checks"][0] if result["checks"] else {}
        if answer == "not judged":
            right = (not result["ok"] and not result["judged"] and first.get("name") == exercise_rules.TAMPER_CHECK
                     and first.get("message", "").startswith("Not judged: your program "))
        else:
            right = not result["ok"] and (result["error"] or {}).get("type") == "ImportError" \
                and "cannot import the checker" in result["error"]["message"]
        if not right:
            problems.append(f"harness: a program that {what} is not answered \"{answer}\":\n{describe(result)}")
    return problems


def comparison_problems():
    """same_output on made-up recordings: what it must accept and refuse."""
    problems = []
    recorded = ("CPython 3.11.7, 64-bit\nlist: 8,056 bytes\n"
                "timing: variant optimized at n=1000, chunk_size=64: 1234.5 us per call, best of 5 (tracemalloc off)\n"
                "smaller: True\n")

    def expect(printed, wanted, what):
        found = same_output(recorded, printed)
        if bool(found) != wanted:
            problems.append(f"same_output: {what}: {found or 'no problem found'}")

    expect(recorded, False, "the recording itself")
    expect(recorded.replace("1234.5", "98765.4"), False, "another micros figure")
    expect(recorded.replace("8,056", "8,120"), False, "a size within the tolerance")
    expect(recorded.replace("8,056", "18,056"), True, "a size far off")
    expect(recorded.replace("variant optimized", "variant naive"), True, "another variant")
    expect(recorded.replace("n=1000", "n=1001"), True, "another parameter value")
    expect(recorded.replace(", chunk_size=64", ""), True, "a parameter left out")
    expect(recorded.replace("best of 5", "best of 7"), True, "other repeats")
    expect(recorded.replace("1234.5", "1234.56"), True, "a malformed figure")
    no_timing = "".join(line for line in recorded.splitlines(True) if not line.startswith("timing:"))
    expect(no_timing, True, "a missing timing line")
    expect(recorded.replace("smaller: True", "timing: variant optimized at n=1000, chunk_size=64: 1.0 us per call, "
                            "best of 5 (tracemalloc off)\nsmaller: True"), True, "an extra timing line")
    expect(recorded.replace("timing: variant", "list: 9 bytes\ntiming: variant"), True, "an extra line")
    return problems


def main(argv):
    if argv[:1] == ["--result"]:
        with open(argv[1]) as f:
            check_source = f.read()
        if "--named" in argv:  # a wrong program: only the checks it names (named_checks.py)
            check_source = named_only(check_source, json.loads(argv[argv.index("--named") + 1]))
        with open(argv[2]) as f:
            source = f.read()
        answer_path = os.path.abspath(argv[3])
        with program_placed(source):
            result = run(source, check_source, line_memory="--no-line-memory" not in argv)
        with open(answer_path, "w") as answer:
            json.dump(result, answer)
        return 0
    if argv[:1] == ["--plain"]:
        # run_plain as the page's first run: the program's prints go to this process's stdout.
        with open(argv[1]) as f:
            source = f.read()
        answer_path = os.path.abspath(argv[2])
        with program_placed(source):
            result = heapwise_check.run_plain(source)
        with open(answer_path, "w") as answer:
            json.dump(result, answer)
        return 0
    if argv[:1] == ["--switch"]:
        # Memory by line (3.12 and later) on and off: the same verdicts for every reference.
        problems = switch_problems(argv[1:] or slugs())
        for problem in problems:
            print(problem)
        print(f"CPython {sys.version.split()[0]}: Memory by line on and off, {len(problems)} problem(s)")
        return 1 if problems else 0
    if argv[:1] == ["--harness"]:
        # The harness's own tests only (no exercise): they run on 3.8 and later.
        problems = harness_problems()
        for problem in problems:
            print(problem)
        print(f"CPython {sys.version.split()[0]}: the harness, {len(problems)} problem(s)")
        return 1 if problems else 0
    if argv[:1] == ["--one"]:
        print(json.dumps(check_exercise(argv[1], beside_pyodide="--beside-pyodide" in argv)))
        return 0
    passed_on = [flag for flag in ("--beside-pyodide",) if flag in argv]
    chosen = heaviest_first([a for a in argv if not a.startswith("--")] or slugs())
    started = time.time()
    problems = harness_problems() + comparison_problems()

    timings = {}

    def one(slug):
        args = [sys.executable, os.path.abspath(__file__), "--one", slug] + passed_on
        began = time.time()
        try:
            done = subprocess.run(args, capture_output=True, text=True, cwd=ROOT, timeout=ONE_EXERCISE_LIMIT,
                                  preexec_fn=cpu_limit(ONE_EXERCISE_CPU_LIMIT))
        except subprocess.TimeoutExpired:
            return [f"{slug}: its checks did not finish in {ONE_EXERCISE_LIMIT} s"]
        finally:
            timings[slug] = time.time() - began
        try:
            return json.loads(done.stdout.strip().splitlines()[-1])
        except (IndexError, ValueError):
            import signal

            if done.returncode in (-signal.SIGXCPU, -signal.SIGKILL):
                return [f"{slug}: its own process used more than {ONE_EXERCISE_CPU_LIMIT} s of processor time"]
            return [f"{slug}: the check run crashed:\n{done.stderr[-2000:]}"]

    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        for found in pool.map(one, chosen):
            problems += found
    for problem in problems:
        print(problem)
    print("seconds per exercise on the clock (tests/python/costs.json takes them from an idle machine): "
          + json.dumps({slug: round(seconds) for slug, seconds in sorted(timings.items(), key=lambda item: -item[1])}))
    slowest = sorted(timings.items(), key=lambda item: -item[1])[:5]
    print("slowest: " + ", ".join(f"{slug} {seconds:.0f} s" for slug, seconds in slowest))
    print(f"CPython {sys.version.split()[0]}: {len(chosen)} exercises, {len(problems)} problem(s), "
          f"{time.time() - started:.1f} s")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
