"""How long a verdict takes, and where the time goes: for each exercise,
its reference program (what "Load the solution" puts in the editor) run
plainly and then judged by the harness as the page's Check step runs it
(Memory by line off), on this CPython, each in a fresh interpreter, one at a
time. Prints per exercise the plain run, the judged run, the time of its
checks, and the slowest check; with --checks, every check's time. Asserts
nothing: the figures are read off the table (issue 30 asks for a verdict
within 3 s, median 1 s, in the page, where Pyodide is slower than this).

    python3 benches/verdict.py [SLUG ...] [--checks]

A check's time is read from the harness's own audit events
(`heapwise.check` as a check starts, `heapwise.checked` as it ends), with
a hook added before the harness runs, so nothing of the harness or the
checks is changed to time them. Most of a slow check's time is the
program run again (`Program.rerun`), which costs what the program costs."""
import json
import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXERCISES = os.path.join(ROOT, "exercises")


def one(slug):
    """In this (fresh) interpreter: the judged run of slug's reference, as JSON."""
    sys.dont_write_bytecode = True
    sys.path.insert(0, os.path.join(ROOT, "www", "python"))
    import io

    import heapwise_check

    folder = os.path.join(EXERCISES, slug)
    with open(os.path.join(folder, "reference.py")) as f:
        source = f.read()
    with open(os.path.join(folder, "check.py")) as f:
        check_source = f.read()
    marks = []

    def hook(event, args):
        if event in ("heapwise.check", "heapwise.checked"):
            marks.append((event, args[1], time.perf_counter()))

    sys.addaudithook(hook)
    real = sys.stdout
    sys.stdout = io.StringIO()
    started = time.perf_counter()
    try:
        result = heapwise_check.run_exercise(source, check_source, line_memory=False)
    finally:
        sys.stdout = real
    judged = time.perf_counter() - started
    begun = {index: at for event, index, at in marks if event == "heapwise.check"}
    checks = [{"name": c["name"], "passed": c["passed"]} for c in result["checks"]]
    for event, index, at in marks:
        if event == "heapwise.checked" and index in begun and index < len(checks):
            checks[index]["seconds"] = at - begun[index]
    json.dump({"judged": judged, "checks": checks}, sys.stdout)


def plain_seconds(slug):
    """The reference run as a script, in a fresh interpreter."""
    started = time.perf_counter()
    subprocess.run([sys.executable, os.path.join(EXERCISES, slug, "reference.py")],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT, check=False)
    return time.perf_counter() - started


def main(argv):
    if argv[:1] == ["--one"]:
        one(argv[1])
        return 0
    every_check = "--checks" in argv
    slugs = [a for a in argv if not a.startswith("--")] or sorted(
        d for d in os.listdir(EXERCISES) if os.path.isfile(os.path.join(EXERCISES, d, "check.py")))
    print(f"# {sys.implementation.name} {sys.version.split()[0]}, load average "
          f"{os.getloadavg()[0]:.2f} at the start")
    print(f"{'exercise':<24} {'plain':>7} {'judged':>7} {'checks':>7}  slowest check")
    totals = []
    for slug in slugs:
        plain = plain_seconds(slug)
        done = subprocess.run([sys.executable, os.path.abspath(__file__), "--one", slug],
                              capture_output=True, text=True, cwd=ROOT, check=False)
        try:
            found = json.loads(done.stdout)
        except ValueError:
            print(f"{slug:<24} failed: {done.stderr.strip()[-300:]}")
            continue
        timed = [c for c in found["checks"] if "seconds" in c]
        in_checks = sum(c["seconds"] for c in timed)
        slowest = max(timed, key=lambda c: c["seconds"], default=None)
        failing = sum(not c["passed"] for c in found["checks"])
        note = f"{slowest['seconds']:5.2f} s {slowest['name'][:60]}" if slowest else "-"
        if failing:
            note += f"  ({failing} check(s) FAILED)"
        print(f"{slug:<24} {plain:6.2f}s {found['judged']:6.2f}s {in_checks:6.2f}s  {note}", flush=True)
        if every_check:
            for c in timed:
                print(f"{'':<24} {'':>7} {'':>7} {c['seconds']:6.2f}s  {c['name'][:80]}")
        totals.append(found["judged"])
    if totals:
        print(f"# judged: median {statistics.median(totals):.2f} s, slowest {max(totals):.2f} s, over 3 s: "
              f"{sum(t > 3 for t in totals)} of {len(totals)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
