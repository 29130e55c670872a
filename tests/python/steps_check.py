"""The steps each exercise's check.py names (STEPS, read by
www/python/heapwise_check/steps.py), held against the programs: Memory by
line's comparison with the reference sets side by side the lines that do
the same step, so a step must be found where the work is done.

    python3 tests/python/steps_check.py              # every exercise; exit status 1 on a problem
    python3 tests/python/steps_check.py SLUG ...     # some
    python3 tests/python/steps_check.py --show SLUG  # each program's largest lines and their steps

For every exercise: STEPS is declared, each pattern compiles and matches a
line of reference.py. On Python 3.12 and later (Memory by line's sampler),
the reference program and every correct program in programs/ are profiled
as the page profiles them (run_profile, with check.py's text): for every
step, a line that held memory at some snapshot must do it, in the
reference and in each correct program, so that the page can pair them. `steps_program` below tests the rules themselves.
"""
import io
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "www", "python"))

import heapwise_check  # noqa: E402
from heapwise_check.steps import declared, of_lines  # noqa: E402

EXERCISES = os.path.join(ROOT, "exercises")

# The rules on one program: a class's body, a helper called for two steps,
# a function passed by name, a line of its own, and lines that do none.
RULES_PROGRAM = """\
import sys


class Plain:
    def __init__(self, x):
        self.x = x


class Slim:
    __slots__ = ("x",)

    def __init__(self, x):
        self.x = x


def build(kind, n):
    return [kind(i) for i in range(n)]


def twice(x):
    return 2 * x


plain = build(Plain, 10)
slim = build(Slim, 10)
doubled = list(map(twice, range(10)))
print(sys.getsizeof(plain))
"""
RULES_STEPS = [("plain", r"\bPlain\b"), ("slim", r"\bSlim\b"), ("doubled", r"\bdoubled\b")]
RULES_EXPECTED = {
    4: ["plain"], 5: ["plain"], 6: ["plain"],
    9: ["slim"], 10: ["slim"], 12: ["slim"], 13: ["slim"],
    17: ["plain", "slim"],
    21: ["doubled"],
    24: ["plain"], 25: ["slim"], 26: ["doubled"],
}


def steps_program():
    """Problems of the rules themselves (none expected)."""
    problems = []
    got = of_lines(RULES_PROGRAM, RULES_STEPS)
    if got != RULES_EXPECTED:
        problems.append(f"steps.of_lines on the rules' program: {got} (expected {RULES_EXPECTED})")
    check = 'import re\nSTEPS = (\n    ("plain", r"\\bPlain\\b"),\n    ("slim", "Slim"),\n)\nSTEPS_NOT = 1\n'
    if declared(check) != [("plain", r"\bPlain\b"), ("slim", "Slim")]:
        problems.append(f"steps.declared read {declared(check)}")
    for text in (None, "", "STEPS = make()\n", "def (:\n", "x = 1\n"):
        if declared(text) != []:
            problems.append(f"steps.declared({text!r}) is not []")
    if of_lines("def (:\n", RULES_STEPS) != {} or of_lines(RULES_PROGRAM, []) != {}:
        problems.append("a program that does not parse, or no steps, should name no line")
    return problems


def read(*parts):
    with open(os.path.join(*parts), encoding="utf-8") as f:
        return f.read()


def profile(source, check, task_only=False):
    real = sys.stdout
    sys.stdout = io.StringIO()
    try:
        return heapwise_check.run_profile(source, check=check, task_only=task_only)["line_memory"]
    finally:
        sys.stdout = real


def steps_of(memory):
    """[(label, line or 0, bytes)] of a profile's steps."""
    return [(label, line, size) for label, (line, size) in zip(memory["step_labels"], memory["steps"])]


def shown(name, memory, source):
    text = source.splitlines()
    print(f"  {name}")
    for label, line, size in steps_of(memory):
        code = text[line - 1].strip()[:60] if line else ""
        print(f"    {label:<40} line {line:>4} {size:>12,} B  {code}")


def slugs():
    return sorted(d for d in os.listdir(EXERCISES) if os.path.isfile(os.path.join(EXERCISES, d, "check.py")))


def correct_programs(slug):
    folder = os.path.join(EXERCISES, slug, "programs")
    if not os.path.isdir(folder):
        return []
    return sorted(os.path.join(folder, name) for name in os.listdir(folder) if name.startswith("correct") and name.endswith(".py"))


def exercise_problems(slug, show=False):
    problems = []
    check = read(EXERCISES, slug, "check.py")
    reference = read(EXERCISES, slug, "reference.py")
    steps = declared(check)
    if not steps:
        return [f"{slug}: check.py declares no STEPS"]
    for label, pattern in steps:
        try:
            compiled = re.compile(pattern)
        except re.error as exc:
            problems.append(f"{slug}: step {label!r}: the pattern does not compile ({exc})")
            continue
        if not any(compiled.search(line) for line in reference.splitlines()):
            problems.append(f"{slug}: step {label!r}: no line of reference.py matches {pattern!r}")
    if sys.version_info < (3, 12) or problems:
        return problems
    # As the page profiles the reference: only the lines doing a step.
    ours = profile(reference, check, task_only=True)
    if show:
        print(slug)
        shown("reference.py", ours, reference)
    if [label for label, _ in steps] != ours["step_labels"] or len(ours["steps"]) != len(steps):
        problems.append(f"{slug}: the profile's steps {ours['step_labels']} are not check.py's")
    for label, _, size in steps_of(ours):
        if not size:
            problems.append(f"{slug}: no line of reference.py that held memory does step {label!r}")
    doing = of_lines(reference, steps)
    left = [row["line"] for row in ours["lines"] if row["line"] not in doing]
    if left or not ours["lines"]:
        problems.append(f"{slug}: the reference's table keeps lines that do no step ({left}) or none at all")
    for path in correct_programs(slug):
        source = read(path)
        theirs = profile(source, check)
        if show:
            shown(os.path.basename(path), theirs, source)
        for label, _, size in steps_of(theirs):
            if not size:
                problems.append(f"{os.path.relpath(path, ROOT)}: no line that held memory does step {label!r}")
    return problems


def main(argv):
    show = argv[:1] == ["--show"]
    chosen = [a for a in argv if not a.startswith("--")] or slugs()
    problems = steps_program()
    for slug in chosen:
        problems += exercise_problems(slug, show)
    for problem in problems:
        print(problem)
    print(f"steps_check: {len(chosen)} exercises, {len(problems)} problems (Python {sys.version.split()[0]})")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
