"""Real answers of the harness, kept as fixtures the page's decoder is
tested on (tests/python_results.rs, in the browser layer): a renamed or
dropped key on either side fails a test.

    python3.12 tests/python/result_fixtures.py --write   # writes tests/fixtures/python-results/*.json
    python3.12 tests/python/result_fixtures.py --check   # the harness still answers in the fixtures' shape

CPython 3.12 or later (Memory by line needs `sys.monitoring`, so the
judged run's `line_memory` has every field). Each fixture is one call of
the harness on a small program of ours or an exercise's reference:

  judged-solved.json   run_exercise(slots-vs-dict's reference, its check.py), Memory by line on
  judged-raised.json   run_exercise(a program that prints, then raises ValueError on line 2)
  judged-syntax.json   run_exercise(a program with a SyntaxError on line 2)
  plain.json           run_plain(the program that raises): what the console's run answers
  profiled.json        run_profile(slots-vs-dict's reference, its check.py's STEPS): Memory by line's own run,
                       whose answer the panel puts into the verdict's (page/panel/events.rs)

--check runs the same calls and compares their shape with the fixtures':
the same keys at every level, each value of the same JSON type (a list's
items compared with the first item's shape), so figures and timings may
move but a key may not. Exit status 0 when they agree."""
import io
import json
import os
import sys

sys.dont_write_bytecode = True
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "www", "python"))
FIXTURES = os.path.join(ROOT, "tests", "fixtures", "python-results")

import heapwise_check  # noqa: E402

RAISES = 'print("start")\nraise ValueError("no")\n'
SYNTAX = 'print("start")\nx = (\n'


def read(*parts):
    with open(os.path.join(ROOT, *parts), encoding="utf-8") as f:
        return f.read()


def quietly(call, *args, **kwargs):
    real = sys.stdout
    sys.stdout = io.StringIO()
    try:
        return call(*args, **kwargs)
    finally:
        sys.stdout = real


def answers():
    check = read("exercises", "slots-vs-dict", "check.py")
    return {
        "judged-solved": quietly(heapwise_check.run_exercise, read("exercises", "slots-vs-dict", "reference.py"),
                                 check, line_memory=True),
        "judged-raised": quietly(heapwise_check.run_exercise, RAISES, check, line_memory=True),
        "judged-syntax": quietly(heapwise_check.run_exercise, SYNTAX, check, line_memory=True),
        "plain": quietly(heapwise_check.run_plain, RAISES),
        "profiled": quietly(heapwise_check.run_profile, read("exercises", "slots-vs-dict", "reference.py"), check=check),
    }


def shape(value):
    """The value's keys and JSON types, all the way down."""
    if isinstance(value, dict):
        return {key: shape(item) for key, item in value.items()}
    if isinstance(value, list):
        return [shape(value[0])] if value else []
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, (int, float)):
        return "number"
    if value is None:
        return "null"
    return type(value).__name__


def differences(old, new, where="answer"):
    if isinstance(old, dict) and isinstance(new, dict):
        found = [f"{where}: key {key!r} is gone" for key in old if key not in new]
        found += [f"{where}: key {key!r} is new" for key in new if key not in old]
        for key in old:
            if key in new:
                found += differences(old[key], new[key], f"{where}.{key}")
        return found
    if isinstance(old, list) and isinstance(new, list):
        if old and new:
            return differences(old[0], new[0], f"{where}[0]")
        return [] if not old and not new else [f"{where}: one is empty, the other not"]
    return [] if old == new else [f"{where}: {old} in the fixture, {new} now"]


def main(argv):
    if sys.version_info < (3, 12):
        print("result_fixtures.py needs CPython 3.12 or later (sys.monitoring, for Memory by line)")
        return 2
    if argv not in (["--write"], ["--check"]):
        print(__doc__)
        return 2
    made = answers()
    if not made["judged-solved"]["line_memory"] or not made["judged-solved"]["line_memory"].get("available"):
        print("Memory by line was not available in the judged run: the fixture would miss its fields")
        return 1
    problems = []
    for name, answer in made.items():
        path = os.path.join(FIXTURES, f"{name}.json")
        if argv == ["--write"]:
            os.makedirs(FIXTURES, exist_ok=True)
            with open(path, "w", encoding="utf-8", newline="\n") as f:
                json.dump(answer, f, indent=1, sort_keys=False)
                f.write("\n")
            continue
        with open(path, encoding="utf-8") as f:
            kept = json.load(f)
        # The same program gives the same verdict: a key may not move, nor a check's result.
        problems += [f"{name}.json: {p}" for p in differences(shape(kept), shape(answer))]
        if [c["passed"] for c in kept.get("checks", [])] != [c["passed"] for c in answer.get("checks", [])]:
            problems.append(f"{name}.json: the checks' results differ from the fixture's")
    for problem in problems:
        print(problem)
    print(f"{len(made)} harness answer(s) {'written' if argv == ['--write'] else 'compared'}; {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
