"""A lint over every exercises/<slug>/check.py: character-class ranges that
are probably accidents.

    python3 tests/python/lint_checks.py            # every check.py; exit status 1 on a finding
    python3 tests/python/lint_checks.py FILE ...   # some files

In a regular expression, `[+-−]` is not "a plus, a minus or a minus sign"
but every character from `+` (U+002B) to `−` (U+2212): the digits, the
letters and most of the punctuation in between. snapshot-diff's check read
"253,964 bytes" as 53,964 because of it (issue 25). A range is accepted when
its two ends are of one kind: two ASCII-or-other digits of the same run of
ten (`0-9`), two lowercase letters or two uppercase letters of the same
script (`a-z`, `A-F`, `α-ω`), or two ends written as explicit code points
(`\\x00-\\x1f`, `\\u0400-\\u04ff`: nobody types those by accident). Anything
else (`+-−`, `--/`, `A-z`, `,-.`) is reported with the file, the line and
the class; write the hyphen as `\\-` or put it first or last in the class.

Every string constant of a check.py is scanned (f-strings' literal parts
included), since a pattern is often built by adding strings together; a
string that is not a pattern rarely holds `[x-y]`.

And a second rule: a name a check looks up with `p.get("name")` (which
fails when the program does not define it) must be written, in backticks,
in the exercise's task text. A check requires what the task requires: a
program that does every step under names of its own is correct, and a
check that needs a starter's name (to call it, or to run the program again
with it replaced) says so in the task ("Keep the starter's name ..."). Also run by
`node --test tests/python/` (tests/python/lint.test.mjs), which first asks
`--self-test`: the old snapshot-diff line must be caught, sound classes not.
"""
import ast
import os
import re
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EXERCISES = os.path.join(ROOT, "exercises")
HEX_ESCAPES = {"x": 2, "u": 4, "U": 8}


def _item(pattern, i):
    """The class item at pattern[i]: (character or None, written as a code point, next index)."""
    char = pattern[i]
    if char != "\\" or i + 1 >= len(pattern):
        return char, False, i + 1
    kind = pattern[i + 1]
    if kind in HEX_ESCAPES:
        digits = pattern[i + 2:i + 2 + HEX_ESCAPES[kind]]
        try:
            return chr(int(digits, 16)), True, i + 2 + len(digits)
        except ValueError:
            return None, False, i + 2
    if kind == "N" and pattern[i + 2:i + 3] == "{":
        end = pattern.find("}", i)
        try:
            return unicodedata.lookup(pattern[i + 3:end]), True, end + 1
        except (KeyError, ValueError):
            return None, False, end + 1 if end > 0 else len(pattern)
    if kind in "01234567":
        j = i + 1
        while j < len(pattern) and j < i + 4 and pattern[j] in "01234567":
            j += 1
        return chr(int(pattern[i + 1:j], 8)), True, j
    if kind in "dDwWsSbB":
        return None, False, i + 2  # a class of its own: never a range's end
    simple = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v", "a": "\a"}
    return simple.get(kind, kind), False, i + 2


def ranges(pattern):
    """Every range in pattern's character classes: (low, high, both written as code points, the class's text)."""
    found = []
    i = 0
    while i < len(pattern):
        if pattern[i] == "\\":
            i += 2
            continue
        if pattern[i] != "[":
            i += 1
            continue
        start = i
        i += 1
        if pattern[i:i + 1] == "^":
            i += 1
        first = True
        items = []
        while i < len(pattern) and (first or pattern[i] != "]"):
            first = False
            low, low_point, i = _item(pattern, i)
            if pattern[i:i + 1] == "-" and i + 1 < len(pattern) and pattern[i + 1] != "]":
                high, high_point, i = _item(pattern, i + 1)
                items.append((low, high, low_point and high_point))
        text = pattern[start:i + 1]
        found += [(low, high, points, text) for low, high, points in items]
        i += 1
    return found


def _digit_run(char):
    """Where a digit's run of ten starts (so 0-9 and ٠-٩ are each one run), or None."""
    try:
        return ord(char) - unicodedata.digit(char)
    except (TypeError, ValueError):
        return None


def _script(char):
    return unicodedata.name(char, "?").split()[0]


def accidental(low, high, points):
    """Why the range low-high looks like an accident, or None when it is sound."""
    if low is None or high is None or points:
        return None
    if len(low) != 1 or len(high) != 1:
        return None
    run = _digit_run(low)
    if run is not None and run == _digit_run(high):
        return None
    same_case = (low.islower() and high.islower()) or (low.isupper() and high.isupper())
    if low.isalpha() and high.isalpha() and same_case and _script(low) == _script(high):
        return None
    spans = sum(1 for code in range(ord(low), ord(high) + 1) if chr(code).isalnum())
    return (f"{low!r}-{high!r} is the range U+{ord(low):04X} to U+{ord(high):04X}"
            + (f", {spans} letters and digits among them" if spans else "")
            + ": write a hyphen as \\- (or first or last in the class)")


def _strings(tree):
    """(line, text) of every string constant, f-strings' literal parts included."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield node.lineno, node.value


def task_names(toml_text):
    """Every identifier written in backticks in the `task = \"\"\"...\"\"\"` of an exercise.toml."""
    task = re.search(r'^task = """(.*?)"""', toml_text, re.S | re.M)
    return {name for code in re.findall(r"`([^`]+)`", task.group(1) if task else "")
            for name in re.findall(r"[A-Za-z_]\w*", code)}


def unnamed_lookups(source, named, path="check.py"):
    """(line, name) of each `p.get("name", ...)` in `source` whose name is not in `named`."""
    found = []
    for node in ast.walk(ast.parse(source, path)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "get" \
                and isinstance(node.func.value, ast.Name) and node.func.value.id == "p" and node.args \
                and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str) \
                and node.args[0].value not in named:
            found.append((node.lineno, node.args[0].value))
    return found


def findings(path):
    with open(path, encoding="utf-8") as f:
        source = f.read()
    found = []
    toml = os.path.join(os.path.dirname(path), "exercise.toml")
    if os.path.exists(toml):
        with open(toml, encoding="utf-8") as f:
            named = task_names(f.read())
        for line, name in unnamed_lookups(source, named, path):
            found.append(f"{os.path.relpath(path, ROOT)}:{line}: `p.get({name!r})` needs a name the task text does "
                         f"not name: write `{name}` into the task (\"Keep the starter's name ...\") or find it by what "
                         "it does")
    for line, text in _strings(ast.parse(source, path)):
        for low, high, points, written in ranges(text):
            why = accidental(low, high, points)
            if why:
                found.append(f"{os.path.relpath(path, ROOT)}:{line}: the class {written} holds a range {why}")
    return sorted(set(found))


def self_test():
    """The lint catches the accidents issue 25 names and lets sound classes be."""
    problems = []
    caught = [r"(?<![\w.])([+-−]?)\s?(\d{1,3}(?:[,_]\d{3})+|\d+)", r"[--/]", r"[A-z]", "[,-.]", r"[^\s+-−]"]
    sound = [r"([+\-−]?)", r"[-+]", r"[+−-]", r"[ -]", r"per[ -]?mille", r"[A-Za-z0-9_]", r"[\x00-\x1f]",
             r"[\u0400-\u04ff]", r"[^]-]", r"[\]-]", r"[α-ω]", r"[\d-]", r"[,_]", r"[\w'\"]", "[٠-٩]"]
    for pattern in caught:
        if not any(accidental(*r[:3]) for r in ranges(pattern)):
            problems.append(f"lint_checks: {pattern!r} is not caught")
    for pattern in sound:
        if any(accidental(*r[:3]) for r in ranges(pattern)):
            problems.append(f"lint_checks: {pattern!r} is reported, but its classes are sound")
    named = task_names('task = """\n1. Write `parse(lines)`, then `Pool(factory, reset)`.\n"""\n')
    lookups = unnamed_lookups('a = p.get("parse", callable)\nb = p.get("load_lines")\nc = p.names.get("x")\n'
                              'd = p.get("Pool", type)\ne = other.get("y")\n', named)
    if lookups != [(2, "load_lines")]:
        problems.append(f"lint_checks: the names rule found {lookups}, not [(2, 'load_lines')]")
    return problems


def main(argv):
    if argv[:1] == ["--self-test"]:
        problems = self_test()
        print("\n".join(problems) or "lint_checks: the self-test passed")
        return 1 if problems else 0
    paths = argv or sorted(os.path.join(EXERCISES, slug, "check.py") for slug in os.listdir(EXERCISES)
                           if os.path.exists(os.path.join(EXERCISES, slug, "check.py")))
    problems = self_test()
    for path in paths:
        problems += findings(path)
    for problem in problems:
        print(problem)
    print(f"lint_checks: {len(paths)} check.py file(s), {len(problems)} finding(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
