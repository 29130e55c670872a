"""The steps of an exercise's task, and which lines of a program do them,
for Memory by line's comparison with the reference program.

An exercise's check.py names its task's steps, each with a pattern:

    STEPS = (
        ("points with a __dict__", r"\\bDictPoint\\b"),
        ("slotted points", r"\\bSlottedPoint\\b"),
    )

A line of a program does a step when the statement it belongs to matches
the step's pattern; else when a statement it is inside (a `def`, a `class`,
a `for` over the two kinds, a `with`) has a header that matches, the
innermost first; else, inside a function, it does the steps of the lines
that call that function or name it (a helper called for two steps does both).
A line that does none (an import, an experiment beyond the task) is left
out of the reference's side of the comparison.

STEPS is read with `ast.literal_eval` from check.py's text: nothing of
check.py runs in a profile run. Everything here runs after the program
has ended and its trace has stopped, so it changes no figure.
"""
from __future__ import annotations

import ast
import re


def declared(check_source: str | None) -> list[tuple[str, str]]:
    """The (label, pattern) pairs check.py assigns to STEPS at its top level, or []."""
    if not check_source:
        return []
    try:
        tree = ast.parse(check_source)
    except SyntaxError:
        return []
    for node in tree.body:
        if (isinstance(node, ast.Assign) and len(node.targets) == 1
                and isinstance(node.targets[0], ast.Name) and node.targets[0].id == "STEPS"):
            try:
                return [(str(label), str(pattern)) for label, pattern in ast.literal_eval(node.value)]
            except (ValueError, TypeError, SyntaxError):
                return []
    return []


_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)


def _own_lines(node):
    """The lines a statement's text takes that are its own: all of a
    simple statement's, a compound statement's header only."""
    end = node.end_lineno or node.lineno
    bodies = [getattr(node, name, None) for name in _BODIES]
    firsts = [part[0].lineno for part in bodies if isinstance(part, list) and part and hasattr(part[0], "lineno")]
    if firsts:
        end = min(end, min(firsts) - 1)
    return node.lineno, max(node.lineno, end)


_BODIES = ("body", "orelse", "finalbody", "handlers", "cases")


def _header(node):
    """Every expression node of a statement outside the statements it holds
    (a `for`'s target and iterable, a def's decorators and defaults)."""
    for name, value in ast.iter_fields(node):
        if name in _BODIES:
            continue
        for part in value if isinstance(value, list) else [value]:
            if isinstance(part, ast.AST):
                yield from ast.walk(part)


def of_lines(source: str, steps: list[tuple[str, str]]) -> dict[int, list[str]]:
    """Each line of `source` (1-based) that does a step: the labels of the
    steps it does, in STEPS's order. {} when the program does not parse."""
    if not steps:
        return {}
    try:
        tree = ast.parse(source)
        patterns = [(label, re.compile(pattern)) for label, pattern in steps]
    except (SyntaxError, ValueError, re.error):
        return {}
    text = source.splitlines()

    def matching(first, last):
        said = "\n".join(text[first - 1:last])
        return {label for label, pattern in patterns if pattern.search(said)}

    statement_of = {}  # line -> (its statement's own labels, the scopes it is in, innermost last)
    uses = {}  # a name -> lines of statements that call it or name it
    own_of = {}

    def visit(body, scopes):
        for node in body:
            if not isinstance(node, ast.stmt):
                continue
            first, last = _own_lines(node)
            own = matching(first, last)
            own_of[node] = own
            for line in range(first, last + 1):
                statement_of[line] = (own, scopes)
            for inner in _header(node):
                if isinstance(inner, ast.Name) and isinstance(inner.ctx, ast.Load):
                    uses.setdefault(inner.id, set()).add(first)
                elif isinstance(inner, ast.Attribute):
                    uses.setdefault(inner.attr, set()).add(first)
            if isinstance(node, _SCOPES):
                visit(node.body, (*scopes, node))
            else:  # a loop, a with, an if: its header counts for its body as a def's does
                inside = (*scopes, node)
                for name in ("body", "orelse", "finalbody"):
                    visit(getattr(node, name, None) or [], inside)
                for handler in getattr(node, "handlers", None) or []:
                    visit(handler.body, inside)
                for case in getattr(node, "cases", None) or []:
                    visit(case.body, inside)

    visit(tree.body, ())
    found = {}

    def labels(line, visiting):
        if line in found:
            return found[line]
        if line not in statement_of or line in visiting:
            return set()
        visiting = visiting | {line}
        own, scopes = statement_of[line]
        result = set(own)
        if not result:
            for scope in reversed(scopes):
                result = own_of.get(scope, set())
                if result:
                    break
        if not result:
            function = next((s for s in reversed(scopes) if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef))), None)
            if function is not None:
                for use in uses.get(function.name, ()):
                    result = result | labels(use, visiting)
        found[line] = result
        return result

    order = [label for label, _ in steps]
    answer = {}
    for line in sorted(statement_of):
        done = labels(line, frozenset())
        if done:
            answer[line] = [label for label in order if label in done]
    return answer
