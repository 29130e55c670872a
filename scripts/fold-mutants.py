#!/usr/bin/env python3
"""Folds wrong programs that are the reference with a few lines changed into
`programs/mutants.json`, as text replacements on reference.py, so the
exercise keeps one copy of the reference and each mutant says only what it
changes. A wrong program written on its own (most of its lines differ from
the reference) stays a file. The test runners read both
(tests/python/exercise_rules.py `programs`, run on CPython and Pyodide).

    python3 scripts/fold-mutants.py [SLUG ...]    # all exercises by default

Each entry: {"name": "wrong-never-evicts", "what": "...", "fails": [...],
"replace": [[old, new], ...]}: applied in order, each `old` found exactly
once in the text so far.
"""
import difflib
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXERCISES = os.path.join(ROOT, "exercises")
MOST_CHANGED = 0.3  # a larger share of changed lines: written on its own, kept as a file


def header_and_body(source):
    lines = source.splitlines(True)
    n = 0
    while n < len(lines) and (lines[n].startswith("# wrong:") or lines[n].startswith("# fails:")):
        n += 1
    return lines[:n], "".join(lines[n:])


def replacements(reference, body):
    """Text replacements turning `reference` into `body`, or None."""
    old_lines, new_lines = reference.splitlines(True), body.splitlines(True)
    matcher = difflib.SequenceMatcher(a=old_lines, b=new_lines, autojunk=False)
    changed = sum(max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal")
    if changed > MOST_CHANGED * max(len(old_lines), 1):
        return None
    steps = []
    text = reference
    # From the end backwards, so earlier line numbers stay valid in `reference`.
    for tag, i1, i2, j1, j2 in reversed(matcher.get_opcodes()):
        if tag == "equal":
            continue
        before, after = i1, i2
        while True:
            old = "".join(old_lines[before:after])
            new = "".join(old_lines[before:i1]) + "".join(new_lines[j1:j2]) + "".join(old_lines[i2:after])
            if old and text.count(old) == 1:
                break
            if before > 0:
                before -= 1
            elif after < len(old_lines):
                after += 1
            else:
                return None
        text = text.replace(old, new, 1)
        steps.append([old, new])
    # Applied in order (they were made back to front on the original text).
    check = reference
    for old, new in steps:
        if check.count(old) != 1:
            return None
        check = check.replace(old, new, 1)
    return steps if check == body else None


def fold(slug):
    folder = os.path.join(EXERCISES, slug, "programs")
    if not os.path.isdir(folder):
        return 0
    with open(os.path.join(EXERCISES, slug, "reference.py")) as f:
        reference = f.read()
    path = os.path.join(folder, "mutants.json")
    entries = json.load(open(path)) if os.path.exists(path) else []
    folded = 0
    for name in sorted(os.listdir(folder)):
        if not (name.startswith("wrong-") and name.endswith(".py")):
            continue
        with open(os.path.join(folder, name)) as f:
            source = f.read()
        header, body = header_and_body(source)
        what = next((h.split(":", 1)[1].strip() for h in header if h.startswith("# wrong:")), None)
        fails = [h.split(":", 1)[1].strip() for h in header if h.startswith("# fails:")]
        steps = replacements(reference, body)
        if what is None or not fails or steps is None:
            continue
        entries.append({"name": name[:-3], "what": what, "fails": fails, "replace": steps})
        os.unlink(os.path.join(folder, name))
        folded += 1
    if entries:
        entries.sort(key=lambda e: e["name"])
        with open(path, "w") as f:
            json.dump(entries, f, indent=1, ensure_ascii=False)
            f.write("\n")
    return folded


def main(argv):
    slugs = argv or sorted(os.listdir(EXERCISES))
    for slug in slugs:
        n = fold(slug)
        if n:
            print(f"{slug}: {n} wrong program(s) folded into programs/mutants.json")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
