"""Wrong programs made by the machine (issue 25, item 5): every correct
program of every exercise (reference.py and programs/correct-*.py) is
mutated by generic operators, each mutant runs through the harness under
CPython with the exercise's check.py, and the report says per exercise how
many were made, killed (a check failed, or the harness reported an error,
a timeout or a crash), survived (Solved) and marked equivalent.

    python3 tests/python/mutate.py                  # what the test command runs (a sample, see Budget)
    python3 tests/python/mutate.py --exercise SLUG  # the same sample, one exercise (or SLUG,SLUG; or SLUG ...)
    python3 tests/python/mutate.py --update-survivors --exercise SLUG
                                                    # the wide run of SLUG (all 30 without --exercise),
                                                    # written into tests/python/known-survivors.json
    python3 tests/python/mutate.py --wide           # every mutant but deletions (25 of those a program)
    python3 tests/python/mutate.py --all            # every mutant of every correct program
    python3 tests/python/mutate.py --list SLUG      # the mutants and their ids, without running them
    python3 tests/python/mutate.py --show TEXT SLUG # the same, with a diff, for ids containing TEXT
    python3 tests/python/mutate.py --verbose        # every mutant's verdict and the checks it failed
    python3 tests/python/mutate.py --family literal,unused   # only those operators' mutants
    python3 tests/python/mutate.py --report FILE    # every verdict as JSON, for reading the survivors
    python3 tests/python/mutate.py --pyodide N      # also N mutants of PYODIDE_EXERCISES under Pyodide

Operators. Each mutant changes the program's text in place (its line
numbers stay the program's, which snapshot-based checks compare) and is
named by a stable id, `program:operator:scope:code`, where scope is the
function or class it sits in (`<module>` outside any) and code the changed
expression or statement, e.g. `reference.py:delete:two_snapshots:del
lines`. A mutant whose text equals an earlier one is dropped.
  literal   a printed figure that came from the program's work (an f-string
            field, a print argument, a `.format`/`%` argument, or the
            argument a printing helper was called with) replaced by the
            number it printed in an unmutated run. Figures made only of
            constants (`n`, `n * 8`) are not mutated, nor timings (read from
            a clock: no two runs agree); a figure printed from a loop with
            changing values cannot be one literal and is skipped.
  tenth     a size constant (an int of at least 1,000 assigned at module
            level and passed to a call, or passed to a call directly) divided
            by 10, and every printed figure that shrank about tenfold with
            it (seen in an instrumented run of the divided program)
            multiplied back by 10: the work measured small and scaled up.
  delete    each statement of the module and of every function, class and
            block body replaced by `pass`, in turn; docstrings, imports,
            `def`/`class` statements as a whole and prints of fixed text
            are left alone.
  naive-*   the technique swapped for its naive form: `genexp-list` (a
            generator expression made a list comprehension), `no-slots`
            (`__slots__` removed; `slots=True` made False), `no-intern`
            (`sys.intern(x)` is `x`), `strong-ref` (`weakref.ref(x)` is
            `lambda: x`, `proxy(x)` is `x`, the weak containers plain ones),
            `array-list` (`array(code, items)` is `list(items)`), `mmap-read`
            (the memory map is the whole file read into bytes), `struct-tuple`
            (`pack` stores a tuple, `unpack` gives it back), `yield-list` (a
            generator function makes all its items in a list at the call),
            `unbounded-cache` (`lru_cache(maxsize=N)` gets None), `no-gc-freeze`
            and `gc-enabled` (`gc.freeze()`, `gc.disable()` removed),
            `eager-islice`, `eager-chain`, `eager-map`, `eager-filter` (the
            whole input listed first), `read-whole` (`f.read(n)` reads it
            all), `readlines` (a loop over an open file reads every line
            first), `copy-view` (`memoryview(x)` is `x`). The naive forms
            that need code live in tests/python/heapwise_naive.py.
  unused    a variable fed by a measuring call (tracemalloc, getsizeof,
            the program's own functions that measure; not clocks) kept, but
            every later read of it replaced by the number it held in an
            unmutated run: the measurement is made and thrown away.
  exit      `sys.exit(0)` right after the program's last printed line (at
            the time that print ran last); made only when something runs
            after it.
The numbers come from an instrumented run of the program (probes around
the figures, after the assignments and after every print) under the
harness without checks; see tests/python/heapwise_naive.py.

Equivalent mutants (the program stays correct for the task: a statement
deleted or a technique swapped where only the reference's timing line, kept
for the page's comparison with Rust, or a line the task does not ask for
changes; or a check dropped whose condition always holds) are listed in
exercises/<slug>/equivalent-mutants.json as {"id": ..., "reason": "..."}.
A mutant that prints a figure in bytes typed in (`literal` where a byte
unit follows the figure in its f-string, or the figure is printed other
than as an f-string field, unless the figure is one the task text itself
gives, such as a budget it fixes; `unused` unless the value thrown away was 0, a
baseline read before anything was traced), measured at a tenth and
multiplied back (`tenth` with a figure in bytes scaled), or a timing of nothing
(`delete` of a statement other than an assert or a raise in a function
that reads a clock: the best time stays inf, or an empty loop is timed) is
never equivalent, whichever line prints it: every figure in bytes must be
a measurement of the program's own work (BYTES_RULE; never_equivalent). A
figure that is not in bytes (a count, an index, a checksum, a timing
line's parameter or time), typed or measured at a tenth and multiplied
back, may be marked only where the task does not ask for that figure (on
a line it does not ask for, or beside a figure it does ask for on that
line), and the reason says which: a check requires what the task requires
and reads no figure the task does not define, so nothing can tell the
typed or scaled number from the counted one there. A figure the task asks
for, typed or scaled, is a survivor the checks must kill. Marking a
mutant that is never equivalent is refused (the `tenth` ones when they
run): they are survivors the checks must kill.
Marked mutants run in the wide run, not in the sample: a killed equivalent
is a check rejecting a correct program (or a wrong mark) and fails the run.
An entry whose id matches no mutant of a program the run mutated is
refused: the program changed, look again.

Survivors. Every mutant that is not equivalent should be killed; today
many survive (issue 25 fixes them). tests/python/known-survivors.json lists
the survivors of the last wide run, by exercise. The run fails on a mutant
that survives (is Solved) without being listed or marked, on a listed
survivor that is now killed, and on a listed one that is no longer made:
delete such entries, the list only shrinks. A listed or equivalent mutant
that was killed runs a second time before that is said (a verdict near a
tolerance can flip; Solved once is Solved). `--update-survivors` runs the
wide run of the exercises named (all without `--exercise`) and rewrites
their entries in the list (survivors added, killed ones dropped; other
exercises' entries stay): after strengthening a check, one command and a
review of the diff.

Budget. One run of a program with its checks takes 1 to 30 s here (the
references time their work, the checks re-run it at the task's size), so
all 2,700 mutants of the 30 references (`--every`) take hours, and those
of the other 68 correct programs as many again (`--all`). The test command
runs a sample (test_sample): of each reference, one mutant that is not
marked equivalent from each of SAMPLE_FAMILIES operator families, the
families in the order of a hash of the exercise's name, the mutant first by
a hash of its id: 90 mutants, the same ones every run (on 2026-11-23:
literal 17, tenth 19, delete 20, naive 15, unused 19; exit is never made). `--wide` takes WIDE_DELETIONS deletions
per program (by the same hash) and every other mutant: 1,279 for the
references, about 90 minutes on two busy cores. Mutants run two at a time
(WORKERS), each in a process forked from this one (the harness imported
once), with its own working and temporary directory, an address-space
limit and a limit of TIMEOUT_FACTOR times its program's instrumented run
(at least MIN_TIMEOUT seconds) in processor time, which a run waiting for
a core on a busy machine does not use (and WALL_FACTOR times that on the
clock, for a run that waits on nothing). The sample also needs the instrumented
runs of the 30 references (the literal, unused and exit operators' numbers)
and one more of each tenth mutant. The test command's step
(`node --test tests/python/mutation.test.mjs`, with 8 mutants under
Pyodide) used 217 s of CPU, 338 s of wall time on two cores shared with
other work (load average 7 to 10, run with nice -n 10).
"""
import ast
import difflib
import hashlib
import io
import json
import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
EXERCISES = os.path.join(ROOT, "exercises")
KNOWN = os.path.join(HERE, "known-survivors.json")
FIRST_FAILURE = os.path.join(HERE, "first_failure.py")
EQUIVALENTS = "equivalent-mutants.json"
WORKERS = 2
TIMEOUT = 600  # seconds for an instrumented run of a correct program
MIN_TIMEOUT, TIMEOUT_FACTOR = 120, 8  # a mutant's: 8 times its program's own run, at least 2 minutes
WALL_FACTOR = 10  # these are processor seconds; on the clock a run may take ten times as long
MEMORY = 6 << 30  # address space per run
FAMILIES = ("literal", "tenth", "delete", "naive", "unused", "exit")
SAMPLE_FAMILIES = 1  # the test command's sample: one mutant of one family a reference (3 took 293 s of CI's 90 minutes)
TYPED = ("literal", "unused")  # families whose mutants print a number typed in from an earlier run
WIDE_DELETIONS = 25
PYODIDE_EXERCISES = ("bounded-lru-cache", "copy-on-write", "object-pool", "slots-inheritance", "slots-vs-dict",
                     "snapshot-diff", "weak-references")  # the ones whose runs take under a second
NAIVE = "heapwise_naive"  # the module of naive forms and probes (tests/python/heapwise_naive.py)
if HERE not in sys.path:
    sys.path.insert(0, HERE)


def harness():
    """The checker, loaded as tests/python/cpython_checks.py loads it."""
    path = os.path.join(ROOT, "www", "python")
    if path not in sys.path:
        sys.path.insert(0, path)
    import heapwise_check

    return heapwise_check


# ---------------------------------------------------------------------------
# A program's text and tree
# ---------------------------------------------------------------------------

SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)


class Program:
    """One correct program: its text, its tree, and where each node sits."""

    def __init__(self, slug, name, text):
        self.slug, self.name, self.text = slug, name, text
        self.tree = ast.parse(text)
        self.lines = text.splitlines(True)
        self.starts = [0]
        for line in self.lines:
            self.starts.append(self.starts[-1] + len(line))
        self.parent = {}
        self.scope = {}  # node -> the qualified name of the def/class it sits in
        self._annotate(self.tree, None, "<module>")

    def _annotate(self, node, parent, scope):
        self.parent[node] = parent
        self.scope[node] = scope
        inner = scope
        if isinstance(node, SCOPES):
            inner = node.name if scope == "<module>" else f"{scope}.{node.name}"
        for child in ast.iter_child_nodes(node):
            self._annotate(child, node, inner)

    def at(self, line, column):
        """A character offset in the text from the tree's (line, UTF-8 byte column)."""
        text = self.lines[line - 1] if line <= len(self.lines) else ""
        return self.starts[line - 1] + len(text.encode("utf-8")[:column].decode("utf-8", "ignore"))

    def span(self, node):
        return self.at(node.lineno, node.col_offset), self.at(node.end_lineno, node.end_col_offset)

    def segment(self, node):
        start, end = self.span(node)
        return self.text[start:end]

    def ancestors(self, node):
        node = self.parent.get(node)
        while node is not None:
            yield node
            node = self.parent.get(node)

    def in_fstring(self, node):
        """The f-string (JoinedStr) node sits in, or None."""
        return next((a for a in self.ancestors(node) if isinstance(a, ast.JoinedStr)), None)

    def quote(self, node):
        """A quote character usable in code put where node is (3.11: not the f-string's own)."""
        joined = self.in_fstring(node)
        if joined is None:
            return '"'
        opening = self.segment(joined).lstrip("rRfFbBuU")[:1]
        nested = sum(isinstance(a, ast.JoinedStr) for a in self.ancestors(node))
        if nested > 1:
            return None
        return "'" if opening == '"' else '"'

    def naive(self, node, call):
        """Code calling heapwise_naive.<call> that can stand where node is, or None."""
        q = self.quote(node)
        return None if q is None else f"__import__({q}{NAIVE}{q}).{call}"


def excerpt(node, limit=60):
    text = " ".join(ast.unparse(node).split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def apply(text, edits):
    """text with the edits [(start, end, new)] made; None when two overlap."""
    out, at = [], 0
    for start, end, new in sorted(edits, key=lambda e: (e[0], e[1])):
        if start < at:
            return None
        out.append(text[at:start])
        out.append(new)
        at = end
    out.append(text[at:])
    return "".join(out)


def compiles(text):
    try:
        compile(text, "mutant.py", "exec", dont_inherit=True)
        return True
    except (SyntaxError, ValueError):
        return False


def call_name(node):
    """The name a call is made by: `f` for f(...), `attr` for x.attr(...)."""
    func = node.func if isinstance(node, ast.Call) else node
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def dotted(node):
    """`a.b.c` for an attribute chain of names, else None."""
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return ".".join(reversed(parts))
    return None


def imported_from(tree, module):
    """Names bound by `from module import name [as alias]`: alias -> name."""
    found = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == module:
            for alias in node.names:
                found[alias.asname or alias.name] = alias.name
    return found


def module_names(tree, module):
    """Names a module is bound to: `import array`, `import array as arr`."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name == module:
                    found.add(alias.asname or alias.name)
    return found


def refers_to(tree, func, module, name):
    """func (a call's func node) is module.name, by attribute or by a from-import."""
    if isinstance(func, ast.Attribute) and func.attr == name and isinstance(func.value, ast.Name):
        return func.value.id in module_names(tree, module)
    if isinstance(func, ast.Name):
        return imported_from(tree, module).get(func.id) == name
    return False


# ---------------------------------------------------------------------------
# What a program measures, and which values are fixed by its constants
# ---------------------------------------------------------------------------

MEASURING_CALLS = {
    "getsizeof", "get_traced_memory", "take_snapshot", "statistics", "compare_to", "perf_counter",
    "perf_counter_ns", "process_time", "process_time_ns", "monotonic", "monotonic_ns", "getrusage", "getsize",
    "stat", "fstat", "sizeof", "get_count", "get_stats", "get_objects", "get_referrers", "get_referents",
    "getrefcount", "get_freeze_count", "getallocatedblocks", "get_tracemalloc_memory", "tell", "timeit",
    "cache_info", "buffer_info", "calcsize", "alignment"}
MEASURING_ATTRIBUTES = {"size_diff", "count_diff", "size", "count", "nbytes", "itemsize", "st_size", "ru_maxrss",
                        "offset"}
PURE = {"len", "range", "int", "float", "str", "abs", "round", "min", "max", "sum", "pow", "divmod", "bool",
        "calcsize"}


TIMERS = {"perf_counter", "perf_counter_ns", "process_time", "process_time_ns", "monotonic", "monotonic_ns",
          "time", "time_ns", "timeit", "repeat"}


def timing_functions(tree):
    """The program's functions that read a clock, or call one that does."""
    functions = {node.name: node for node in ast.walk(tree) if isinstance(node, FUNCTIONS)}
    found = set()
    changed = True
    while changed:
        changed = False
        for name, node in functions.items():
            if name not in found and any(isinstance(sub, ast.Call) and call_name(sub) in TIMERS | found
                                         for sub in ast.walk(node)):
                found.add(name)
                changed = True
    return found


def assigned_values(scope, name):
    """Every expression assigned to name in a scope (whole right-hand sides)."""
    values = []
    for node in own_nodes(scope):
        if isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)) and node.value is not None:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(isinstance(n, ast.Name) and n.id == name for t in targets for n in ast.walk(t)):
                values.append(node.value)
    return values


def timed(program, node, clocks, depth=0):
    """node's value comes from a clock (directly, or through a name or a function that reads one):
    no two runs agree on it, and it is not a figure the checks judge."""
    for sub in ast.walk(node):
        if isinstance(sub, ast.Call) and call_name(sub) in TIMERS | clocks:
            return True
        if isinstance(sub, ast.Name) and isinstance(sub.ctx, ast.Load) and depth < 3:
            scope = scope_node(program, sub)
            values = assigned_values(scope, sub.id) or (
                assigned_values(program.tree, sub.id) if scope is not program.tree else [])
            if any(value is not node and timed(program, value, clocks, depth + 1) for value in values):
                return True
    return False


def measuring_functions(tree):
    """The program's functions that measure: they call a measuring function, or one of these."""
    functions = {node.name: node for node in ast.walk(tree) if isinstance(node, FUNCTIONS)}
    found = set()
    changed = True
    while changed:
        changed = False
        for name, node in functions.items():
            if name not in found and measures(node, found):
                found.add(name)
                changed = True
    return found


def measures(node, functions):
    for sub in ast.walk(node):
        if isinstance(sub, ast.Call) and call_name(sub) in MEASURING_CALLS | functions:
            return True
        if isinstance(sub, ast.Attribute) and sub.attr in MEASURING_ATTRIBUTES and isinstance(sub.ctx, ast.Load):
            return True
    return False


def scope_node(program, node):
    """The function (or the module) whose local names node reads."""
    for ancestor in program.ancestors(node):
        if isinstance(ancestor, FUNCTIONS):
            return ancestor
    return program.tree


def own_nodes(scope):
    """The nodes of a scope's body, not of the functions and classes inside it."""
    stack = list(ast.iter_child_nodes(scope))
    while stack:
        node = stack.pop()
        yield node
        if not isinstance(node, SCOPES + (ast.Lambda,)):
            stack.extend(ast.iter_child_nodes(node))


def bindings(scope):
    """name -> [the values assigned to it in this scope; None for any other kind of binding]."""
    found = {}

    def bind(target, value):
        if isinstance(target, ast.Name):
            found.setdefault(target.id, []).append(value)
        elif isinstance(target, (ast.Tuple, ast.List)):
            values = value.elts if isinstance(value, (ast.Tuple, ast.List)) and len(value.elts) == len(
                target.elts) else [None] * len(target.elts)
            for t, v in zip(target.elts, values):
                bind(t, v)
        elif isinstance(target, ast.Starred):
            bind(target.value, None)

    if isinstance(scope, FUNCTIONS):
        args = scope.args
        for a in args.posonlyargs + args.args + args.kwonlyargs + [args.vararg, args.kwarg]:
            if a is not None:
                found.setdefault(a.arg, []).append(None)
    for node in own_nodes(scope):
        if isinstance(node, ast.Assign):
            for target in node.targets:
                bind(target, node.value)
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            bind(node.target, node.value)
        elif isinstance(node, (ast.AugAssign, ast.For, ast.AsyncFor)):
            bind(node.target, None)
        elif isinstance(node, ast.withitem) and node.optional_vars is not None:
            bind(node.optional_vars, None)
        elif isinstance(node, ast.NamedExpr):
            bind(node.target, None)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            for alias in node.names:
                found.setdefault((alias.asname or alias.name).split(".")[0], []).append(None)
        elif isinstance(node, SCOPES):
            found.setdefault(node.name, []).append(None)
        elif isinstance(node, ast.ExceptHandler) and node.name:
            found.setdefault(node.name, []).append(None)
        elif isinstance(node, ast.comprehension):
            pass  # a comprehension's names are its own
    return found


class Fixed:
    """Which expressions are made of constants only (n = 500_000; n * 8; len(LABELS))."""

    def __init__(self, program):
        self.program = program
        self.cache = {}

    def names(self, scope):
        if scope not in self.cache:
            bound = bindings(scope)
            fixed = {name for name, values in bound.items() if all(v is not None for v in values)}
            self.cache[scope] = (bound, fixed)
            changed = True
            while changed:
                changed = False
                for name in sorted(fixed):
                    if not all(self.expr(v, scope) for v in bound[name]):
                        fixed.discard(name)
                        changed = True
        return self.cache[scope]

    def name(self, name, scope):
        bound, fixed = self.names(scope)
        if name in bound:
            return name in fixed
        if scope is not self.program.tree:
            return self.name(name, self.program.tree)
        return False

    def expr(self, node, scope):
        if isinstance(node, ast.Constant):
            return True
        if isinstance(node, ast.Name):
            return self.name(node.id, scope)
        if isinstance(node, (ast.BinOp, ast.UnaryOp, ast.BoolOp, ast.Compare, ast.IfExp, ast.Tuple, ast.List,
                             ast.Set, ast.JoinedStr, ast.FormattedValue)):
            return all(self.expr(child, scope) for child in ast.iter_child_nodes(node)
                       if isinstance(child, ast.expr))
        if isinstance(node, ast.Call) and call_name(node) in PURE and not node.keywords:
            return all(self.expr(arg, scope) for arg in node.args)
        return False

    def __call__(self, node):
        """node (an expression) holds nothing but constants, as far as the text shows."""
        program = self.program
        local = set()
        for ancestor in program.ancestors(node):
            if isinstance(ancestor, ast.Lambda):
                local |= {a.arg for a in ancestor.args.args}
            if isinstance(ancestor, (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)):
                for generator in ancestor.generators:
                    local |= {n.id for n in ast.walk(generator.target) if isinstance(n, ast.Name)}
        if any(isinstance(n, ast.Name) and n.id in local for n in ast.walk(node)):
            return False
        return self.expr(node, scope_node(program, node))


# ---------------------------------------------------------------------------
# Sites: printed figures, prints, measured assignments, size constants
# ---------------------------------------------------------------------------

def is_print(node):
    if not isinstance(node, ast.Call):
        return False
    if isinstance(node.func, ast.Name) and node.func.id == "print":
        return True
    return dotted(node.func) == "sys.stdout.write"


def expand(node):
    """The figures in one print argument."""
    if isinstance(node, ast.JoinedStr):
        return [v.value for v in node.values if isinstance(v, ast.FormattedValue)]
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format" \
            and isinstance(node.func.value, ast.Constant):
        return [a for a in node.args if not isinstance(a, ast.Starred)] + [k.value for k in node.keywords if k.arg]
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod) and isinstance(node.left, ast.Constant):
        return list(node.right.elts) if isinstance(node.right, ast.Tuple) else [node.right]
    if isinstance(node, (ast.Constant, ast.Starred)):
        return []
    return [node]


def figure_sites(program):
    """Expressions whose values a print shows: [(node, via)], via naming the printing helper or None."""
    sites = []
    for node in ast.walk(program.tree):
        if is_print(node):
            for arg in node.args:
                sites += [(figure, None) for figure in expand(arg)]
    # One level up: a helper that prints its parameter; its callers' arguments are figures too.
    functions = {n.name: n for n in ast.walk(program.tree) if isinstance(n, FUNCTIONS)}
    more = []
    for figure, _ in sites:
        if not isinstance(figure, ast.Name):
            continue
        function = scope_node(program, figure)
        if not isinstance(function, FUNCTIONS) or functions.get(function.name) is not function:
            continue
        params = [a.arg for a in function.args.posonlyargs + function.args.args]
        if figure.id not in params or len(bindings(function).get(figure.id, [])) != 1:
            continue
        index = params.index(figure.id)
        method = isinstance(program.parent[function], ast.ClassDef)
        for call in ast.walk(program.tree):
            if not isinstance(call, ast.Call) or call_name(call) != function.name:
                continue
            position = index - (1 if method and isinstance(call.func, ast.Attribute) else 0)
            chosen = [k.value for k in call.keywords if k.arg == figure.id]
            if not chosen and 0 <= position < len(call.args) and not any(
                    isinstance(a, ast.Starred) for a in call.args[:position + 1]):
                chosen = [call.args[position]]
            more += [(arg, function.name) for arg in chosen if not isinstance(arg, ast.Constant)]
    # Keep each node once, in the order of the text.
    seen, ordered = set(), []
    for node, via in sorted(sites + more, key=lambda s: (s[0].lineno, s[0].col_offset)):
        if id(node) not in seen and not isinstance(node, (ast.Starred, ast.Lambda)):
            seen.add(id(node))
            ordered.append((node, via))
    return ordered


def print_statements(program):
    return [node for node in ast.walk(program.tree)
            if isinstance(node, ast.Expr) and is_print(node.value)]


def measured_assignments(program, functions):
    """[(statement, [target names])] whose value comes from a measuring call."""
    found = []
    for node in ast.walk(program.tree):
        if isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None:
            if not measures(node.value, functions):
                continue
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names = [n.id for t in targets for n in ast.walk(t) if isinstance(n, ast.Name) and n.id != "_"
                     and isinstance(n.ctx, ast.Store)]
            if names:
                found.append((node, names))
    return found


def size_constants(program):
    """Ints of at least 1,000 that size the work: [(Constant node, where)]."""
    tree = program.tree
    loaded_in_calls = set()
    for call in ast.walk(tree):
        if isinstance(call, ast.Call):
            for arg in call.args + [k.value for k in call.keywords]:
                loaded_in_calls |= {n.id for n in ast.walk(arg) if isinstance(n, ast.Name)}
    found = []
    for node in tree.body:
        if isinstance(node, ast.Assign):
            targets = node.targets[0]
            values = [node.value]
            names = [targets]
            if isinstance(targets, ast.Tuple) and isinstance(node.value, ast.Tuple) and \
                    len(targets.elts) == len(node.value.elts):
                names, values = targets.elts, node.value.elts
            for name, value in zip(names, values):
                if isinstance(name, ast.Name) and name.id in loaded_in_calls and is_size(value):
                    found.append((value, name.id))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and scope_node(program, node) is tree and not is_print(node):
            for arg in node.args + [k.value for k in node.keywords]:
                if is_size(arg):
                    found.append((arg, excerpt(node, 40)))
    return sorted(found, key=lambda f: (f[0].lineno, f[0].col_offset))


def is_size(node):
    return isinstance(node, ast.Constant) and type(node.value) is int and node.value >= 1000


BYTE_UNIT = re.compile(r"\s*(bytes?|B|kB|KB|KiB|MB|MiB|GB|GiB)\b")


def unit_after(program, node):
    """What follows a printed figure in its f-string: "bytes" when a byte unit does, "" when
    other text does, None when the figure is not an f-string field (printed some other way:
    then it is taken as one in bytes, the strict reading)."""
    for joined in ast.walk(program.tree):
        if not isinstance(joined, ast.JoinedStr):
            continue
        for index, part in enumerate(joined.values):
            if isinstance(part, ast.FormattedValue) and part.value is node:
                after = joined.values[index + 1] if index + 1 < len(joined.values) else None
                text = after.value if isinstance(after, ast.Constant) and isinstance(after.value, str) else ""
                return "bytes" if BYTE_UNIT.match(text) else ""
    return None


def literal(value):
    text = repr(value)
    return f"({text})" if text.startswith("-") else text


def steady(entry):
    """The one value a probe saw every time it ran, or None."""
    if not entry or not entry["values"] or entry["count"] != len(entry["values"]):
        return None
    values = set(entry["values"])
    if len(values) != 1:
        return None
    value = entry["values"][0]
    if value is None or (isinstance(value, float) and (value != value or value in (float("inf"), float("-inf")))):
        return None
    return value


# ---------------------------------------------------------------------------
# Instrumenting a program (probes) and the mutants
# ---------------------------------------------------------------------------

class Sites:
    """Everything of a program the operators need, and its instrumented text."""

    def __init__(self, program):
        self.program = program
        self.functions = measuring_functions(program.tree)
        self.clocks = timing_functions(program.tree)
        self.fixed = Fixed(program)
        self.figures = figure_sites(program)
        self.prints = print_statements(program)
        self.assignments = measured_assignments(program, self.functions)
        self.sizes = size_constants(program)

    def probes(self, figures=True, rest=True):
        """Edits that record every figure (key: its index), every print (key "p<index>") and every
        measured assignment's names (key "a<index>:<name>")."""
        program = self.program
        edits = []
        if figures:
            for index, (node, _) in enumerate(self.figures):
                call = program.naive(node, "probe")
                if call is None:
                    continue
                start, end = program.span(node)
                edits.append((start, end, f"{call}({index}, ({program.text[start:end]}))"))
        if rest:
            for index, node in enumerate(self.prints):
                _, end = program.span(node)
                edits.append((end, end, f'; __import__("{NAIVE}").printed("p{index}")'))
            for index, (node, names) in enumerate(self.assignments):
                _, end = program.span(node)
                edits.append((end, end, "".join(f'; __import__("{NAIVE}").probe("a{index}:{name}", {name})'
                                                for name in names)))
        return edits

    def instrumented(self, extra=()):
        text = apply(self.program.text, self.probes() + list(extra))
        if text is not None and compiles(text):
            return text
        # A probe that does not fit (an f-string inside an f-string): figures only where each compiles.
        edits = []
        for edit in self.probes(figures=True, rest=False) + self.probes(figures=False, rest=True):
            trial = apply(self.program.text, edits + [edit] + list(extra))
            if trial is not None and compiles(trial):
                edits.append(edit)
        return apply(self.program.text, edits + list(extra))


class Mutants:
    """Collects mutants of one program, each once (by text), with unique ids."""

    def __init__(self, program):
        self.program = program
        self.made = []
        self.texts = set()
        self.ids = {}
        self.dropped = 0
        self.clocks = timing_functions(program.tree)

    def add(self, operator, node, what, edits, code=None, **facts):
        program = self.program
        text = apply(program.text, edits)
        if text is None or text == program.text or not compiles(text):
            self.dropped += 1
            return
        if text in self.texts:
            return
        self.texts.add(text)
        scope = program.scope.get(node, "<module>") if node is not None else "<module>"
        base = f"{program.name}:{operator}:{scope}:{code if code is not None else excerpt(node)}"
        self.ids[base] = self.ids.get(base, 0) + 1
        mutant_id = base if self.ids[base] == 1 else f"{base}#{self.ids[base]}"
        family = operator.split("-")[0]
        line = node.lineno if node is not None else None
        self.made.append({"id": mutant_id, "operator": operator, "family": family, "program": program.name,
                          "line": line, "what": what, "source": text, **facts})
        if family == "delete" and node is not None:
            # Where a deletion sits: in a function that reads a clock, and whether it only guards.
            function = scope_node(program, node)
            self.made[-1]["in_timer"] = isinstance(function, FUNCTIONS) and function.name in self.clocks and any(
                isinstance(sub, ast.Call) and call_name(sub) in TIMERS for sub in ast.walk(function))
            self.made[-1]["guard"] = isinstance(node, (ast.Assert, ast.Raise)) or (
                isinstance(node, ast.If) and not node.orelse and all(isinstance(b, ast.Raise) for b in node.body))


def statement_pass(program, node):
    """Edits that put `pass` where a statement was, keeping the line count."""
    start, end = program.span(node)
    return [(start, end, "pass" + "\n" * program.text.count("\n", start, end))]


def deletable(node):
    if isinstance(node, (ast.Import, ast.ImportFrom, ast.Pass, ast.Global, ast.Nonlocal) + SCOPES):
        return False
    if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
        return False  # a docstring, or a bare constant
    if isinstance(node, ast.Expr) and is_print(node.value):
        fixed_text = all(isinstance(a, ast.Constant) or (isinstance(a, ast.JoinedStr) and not any(
            isinstance(v, ast.FormattedValue) for v in a.values)) for a in node.value.args)
        return not fixed_text
    return True


def body_statements(tree):
    for node in ast.walk(tree):
        for field in ("body", "orelse", "finalbody"):
            block = getattr(node, field, None)
            if isinstance(block, list):
                for statement in block:
                    if isinstance(statement, ast.stmt):
                        yield statement
        if isinstance(node, ast.Try):
            for handler in node.handlers:
                yield from handler.body


def naive_rewrites(program, mutants):
    """Operator 4: each use of a technique swapped for its naive form."""
    tree = program.tree
    text = program.text

    def call_args(call):
        return [program.segment(a) for a in call.args] + [program.segment(k) for k in call.keywords]

    def replace(node, new, operator, what):
        start, end = program.span(node)
        mutants.add(operator, node, what, [(start, end, new)])

    struct_names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call) and \
                refers_to(tree, node.value.func, "struct", "Struct"):
            struct_names |= {t.id for t in node.targets if isinstance(t, ast.Name)}
    files = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.withitem) and isinstance(node.context_expr, ast.Call) and \
                call_name(node.context_expr) == "open" and isinstance(node.optional_vars, ast.Name):
            files.add(node.optional_vars.id)
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call) and call_name(node.value) == "open":
            files |= {t.id for t in node.targets if isinstance(t, ast.Name)}

    for node in ast.walk(tree):
        if any(is_print(a) for a in program.ancestors(node)):
            continue  # what a print shows is not the technique at work
        if isinstance(node, ast.GeneratorExp):
            seg = program.segment(node)
            if seg.startswith("(") and seg.endswith(")"):
                replace(node, "([" + seg[1:-1] + "])", "naive-genexp-list", "a generator expression made a list")
        elif isinstance(node, ast.ClassDef):
            for statement in node.body:
                if isinstance(statement, (ast.Assign, ast.AnnAssign)) and any(
                        isinstance(t, ast.Name) and t.id == "__slots__" for t in
                        (statement.targets if isinstance(statement, ast.Assign) else [statement.target])):
                    mutants.add("naive-no-slots", statement, f"`{node.name}` without __slots__",
                                statement_pass(program, statement))
            for decorator in node.decorator_list:
                if isinstance(decorator, ast.Call):
                    for keyword in decorator.keywords:
                        if keyword.arg == "slots" and isinstance(keyword.value, ast.Constant) and keyword.value.value:
                            replace(keyword.value, "False", "naive-no-slots", f"`{node.name}` made without slots")
        elif isinstance(node, ast.FunctionDef) and not node.decorator_list:
            yields = [n for n in own_nodes(node) if isinstance(n, (ast.Yield, ast.YieldFrom))]
            sends = [n for n in yields if not isinstance(program.parent[n], ast.Expr)]
            if yields and not sends:
                following = node.end_lineno  # index of the line after the def, 0-based
                indent = " " * node.col_offset
                rebind = f'{node.name} = __import__("{NAIVE}").listed({node.name})'
                if following < len(program.lines) and not program.lines[following].strip():
                    start = program.starts[following]
                    newline = "\n" if program.lines[following].endswith("\n") else ""
                    edit = (start, start + len(program.lines[following]), indent + rebind + newline)
                elif following >= len(program.lines) and node.col_offset == 0:
                    end = len(text)
                    edit = (end, end, ("" if text.endswith("\n") else "\n") + rebind + "\n")
                else:
                    continue
                mutants.add("naive-yield-list", node, f"`{node.name}` makes all its items in a list at the call",
                            [edit], code=f"def {node.name}")
        elif isinstance(node, ast.Call):
            func, args = node.func, call_args(node)
            if refers_to(tree, func, "sys", "intern") and len(node.args) == 1:
                replace(node, "(" + args[0] + ")", "naive-no-intern", "the string is not interned")
            elif refers_to(tree, func, "weakref", "ref") or refers_to(tree, func, "weakref", "WeakMethod"):
                if node.args:
                    replace(node, f"(lambda _kept: lambda: _kept)({args[0]})", "naive-strong-ref",
                            "a strong reference instead of a weak one")
            elif refers_to(tree, func, "weakref", "proxy") and node.args:
                replace(node, "(" + args[0] + ")", "naive-strong-ref", "the object itself instead of a proxy")
            elif any(refers_to(tree, func, "weakref", name) for name in
                     ("WeakValueDictionary", "WeakKeyDictionary", "WeakSet")):
                plain = "set" if call_name(node) == "WeakSet" else "dict"
                replace(node, f"{plain}({', '.join(args)})", "naive-strong-ref", f"a plain {plain} holds strongly")
            elif refers_to(tree, func, "array", "array"):
                items = args[1] if len(node.args) > 1 else ""
                replace(node, f"list({items})", "naive-array-list", "a list instead of a typed array")
            elif refers_to(tree, func, "mmap", "mmap") and node.args:
                call = program.naive(node, "whole_file")
                if call:
                    replace(node, f"{call}({', '.join(args)})", "naive-mmap-read", "the whole file read instead of mapped")
            elif refers_to(tree, func, "struct", "pack") and node.args:
                call = program.naive(node, "pack")
                if call:
                    replace(node, f"{call}({', '.join(args)})", "naive-struct-tuple", "a tuple stored instead of packed bytes")
            elif refers_to(tree, func, "struct", "unpack") and len(node.args) == 2:
                call = program.naive(node, "unpack")
                if call:
                    replace(node, f"{call}({', '.join(args)})", "naive-struct-tuple", "unpack takes a stored tuple as it is")
            elif isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and \
                    func.value.id in struct_names and func.attr in ("pack", "unpack"):
                call = program.naive(node, func.attr)
                if call:
                    replace(node, f"{call}({', '.join([func.value.id] + args)})", "naive-struct-tuple",
                            f"`{func.value.id}.{func.attr}` stores a tuple")
            elif refers_to(tree, func, "functools", "lru_cache"):
                for keyword in node.keywords:
                    if keyword.arg == "maxsize" and not (isinstance(keyword.value, ast.Constant)
                                                         and keyword.value.value is None):
                        replace(keyword.value, "None", "naive-unbounded-cache", "the cache is unbounded")
                if node.args and not (isinstance(node.args[0], ast.Constant) and node.args[0].value is None):
                    replace(node.args[0], "None", "naive-unbounded-cache", "the cache is unbounded")
            elif refers_to(tree, func, "itertools", "islice") and node.args:
                call = program.naive(node, "islice")
                if call:
                    replace(node, f"{call}({', '.join(args)})", "naive-eager-islice", "the whole input listed, then sliced")
            elif refers_to(tree, func, "itertools", "chain") and node.args:
                call = program.naive(node, "chain")
                if call:
                    replace(node, f"{call}({', '.join(args)})", "naive-eager-chain", "the inputs listed into one list")
            elif isinstance(func, ast.Name) and func.id in ("map", "filter") and node.args and \
                    call_name(program.parent[node]) not in ("list", "tuple", "set", "sorted"):
                replace(node, f"list({program.segment(node)})", f"naive-eager-{func.id}", f"`{func.id}` made a list")
            elif isinstance(func, ast.Name) and func.id == "memoryview" and len(node.args) == 1:
                replace(node, f"({args[0]})", "naive-copy-view", "slices copy: the object itself instead of a view")
            elif isinstance(func, ast.Attribute) and func.attr == "read" and len(node.args) == 1 and \
                    isinstance(func.value, ast.Name) and func.value.id in files:
                replace(node, f"{program.segment(func)}()", "naive-read-whole", "one read() of everything")
        elif isinstance(node, ast.Expr) and isinstance(node.value, ast.Call):
            name = dotted(node.value.func)
            if name in ("gc.freeze", "gc.disable"):
                operator = "naive-no-gc-freeze" if name == "gc.freeze" else "naive-gc-enabled"
                mutants.add(operator, node, f"`{name}()` left out", statement_pass(program, node))
        if isinstance(node, (ast.For, ast.AsyncFor)) and isinstance(node.iter, ast.Name) and node.iter.id in files:
            replace(node.iter, f"{node.iter.id}.readlines()", "naive-readlines", "every line read before the loop")


def scale_back(mutant, program, sites, probed, after):
    """A `tenth` mutant's printed figures that shrank about tenfold (after: the probes of the
    divided program's run) multiplied by 10."""
    start, end = program.span(sites.sizes[mutant["size"]][0])
    edits = [(start, end, str(sites.sizes[mutant["size"]][0].value // 10))]
    grown = in_bytes = 0
    for figure_index, (figure, _) in enumerate(sites.figures):
        before_entry, after_entry = probed.get(str(figure_index)), after.get(str(figure_index))
        if not before_entry or not after_entry or before_entry["count"] != after_entry["count"]:
            continue
        pairs = list(zip(before_entry["values"], after_entry["values"]))
        if pairs and all(b is not None and a is not None and a != 0 and b != 0 and 5 <= b / a <= 20
                         for b, a in pairs):
            f_start, f_end = program.span(figure)
            edits.append((f_start, f_end, f"({program.text[f_start:f_end]}) * 10"))
            grown += 1
            in_bytes += unit_after(program, figure) != ""
    text = apply(program.text, edits)
    if text is not None and compiles(text):
        mutant["source"] = text
        mutant["scaled"] = grown
        mutant["scaled_bytes"] = in_bytes
        mutant["what"] += f", {grown} printed figure(s) multiplied by 10" + (f" ({in_bytes} in bytes)" if grown else "")


def make_mutants(program, sites, probed):
    """Every mutant of one program (probed: the instrumented run's probes); `tenth`
    mutants get their figures multiplied back later (scale_back)."""
    mutants = Mutants(program)
    naive_rewrites(program, mutants)

    # Operator 3: each statement in turn.
    for statement in body_statements(program.tree):
        if deletable(statement):
            mutants.add("delete", statement, f"line {statement.lineno} left out", statement_pass(program, statement))

    # Operator 1: each printed figure typed in.
    for index, (node, via) in enumerate(sites.figures):
        value = steady(probed.get(str(index)))
        if value is None or sites.fixed(node) or timed(program, node, sites.clocks):
            continue
        start, end = program.span(node)
        where = f" (printed by `{via}`)" if via else ""
        mutants.add("literal", node, f"the figure `{excerpt(node, 40)}`{where} typed in as {value!r}",
                    [(start, end, literal(value))], unit=unit_after(program, node), value=value)

    # Operator 5: a measured value thrown away.
    for index, (statement, names) in enumerate(sites.assignments):
        scope = scope_node(program, statement)
        if timed(program, statement.value, sites.clocks):
            continue
        for name in names:
            value = steady(probed.get(f"a{index}:{name}"))
            if value is None:
                continue
            _, after = program.span(statement)
            rebound = sorted(program.span(n)[0] for n in own_nodes(scope)
                             if isinstance(n, ast.Name) and n.id == name and isinstance(n.ctx, ast.Store)
                             and program.span(n)[0] > after)
            until = rebound[0] if rebound else len(program.text)
            reads = [n for n in own_nodes(scope) if isinstance(n, ast.Name) and n.id == name
                     and isinstance(n.ctx, ast.Load) and after < program.span(n)[0] < until]
            if not reads:
                continue
            edits = [program.span(n) + (literal(value),) for n in reads]
            mutants.add("unused", statement, f"`{name}` measured, then {value!r} used in its place", edits,
                        code=f"{name} = {excerpt(statement.value, 40)}", typed=value)

    # Operator 2: the work at a tenth of its size (the figures are multiplied back by
    # scale_back, once a run of the divided program has shown which ones shrank).
    for index, (node, where) in enumerate(sites.sizes):
        start, end = program.span(node)
        mutants.add("tenth", node, f"{node.value:,} ({where}) made {node.value // 10:,}",
                    [(start, end, str(node.value // 10))], code=f"{where}: {node.value}")
        if mutants.made and mutants.made[-1]["operator"] == "tenth" and "size" not in mutants.made[-1]:
            mutants.made[-1]["size"] = index

    # Operator 6: sys.exit(0) after the last printed line.
    order = probed.get("__order__") or []
    if order:
        index = int(order[-1][1:])
        statement = sites.prints[index]
        times = probed.get(order[-1], {}).get("count", 0)
        last_top = program.tree.body[-1] if program.tree.body else None
        top = next((a for a in [statement] + list(program.ancestors(statement)) if program.parent.get(a) is program.tree),
                   None)
        nothing_after = statement is last_top or (top is last_top and top is statement)
        if times and not nothing_after:
            _, end = program.span(statement)
            mutants.add("exit", statement, f"sys.exit(0) right after the last printed line (line {statement.lineno})",
                        [(end, end, f'; __import__("{NAIVE}").exit_after("last", {times})')],
                        code=f"after {excerpt(statement, 40)}")
    return mutants


# ---------------------------------------------------------------------------
# Running programs: forked children, two at a time
# ---------------------------------------------------------------------------

class Runner:
    """Runs jobs in forked children: each job's program through the harness (with the
    check, or alone), in a fresh working directory, under a timeout."""

    def __init__(self, workers=WORKERS):
        self.H = harness()
        import heapwise_naive  # noqa: F401  (imported before forking, as the mutants import it)

        self.workers = workers
        self.scratch = tempfile.mkdtemp(prefix="heapwise-mutate-")

    def close(self):
        shutil.rmtree(self.scratch, ignore_errors=True)

    def run(self, jobs, done=None):
        """jobs: [{"source", "check" (text or None), "timeout"}]; each gets a "result"."""
        waiting = list(jobs)
        running = {}
        counter = 0
        while waiting or running:
            while waiting and len(running) < self.workers:
                job = waiting.pop(0)
                counter += 1
                folder = os.path.join(self.scratch, f"run-{counter}")
                os.mkdir(folder)
                answer = os.path.join(self.scratch, f"run-{counter}.json")
                sys.stdout.flush()
                sys.stderr.flush()
                pid = os.fork()
                if pid == 0:
                    self._child(job, folder, answer)
                running[pid] = (job, folder, answer)
            pid, status, usage = os.wait3(0)
            if pid not in running:
                continue
            job, folder, answer = running.pop(pid)
            job["seconds"] = usage.ru_utime + usage.ru_stime  # processor time, as the limits count it
            try:
                with open(answer) as f:
                    job["result"] = json.load(f)
            except (OSError, ValueError):
                if os.WIFSIGNALED(status) and os.WTERMSIG(status) in (signal.SIGPROF, signal.SIGALRM):
                    job["result"] = {"verdict": "timeout", "failed": [],
                                     "error": f"over {job['timeout']:.0f} s of processor time"
                                     if os.WTERMSIG(status) == signal.SIGPROF else
                                     f"over {WALL_FACTOR * job['timeout']:.0f} s on the clock"}
                else:
                    code = os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status)
                    job["result"] = {"verdict": "crash", "failed": [], "error": f"the run ended ({code})"}
            for path in (answer,):
                if os.path.exists(path):
                    os.unlink(path)
            shutil.rmtree(folder, ignore_errors=True)
            if done:
                done(job)
        return jobs

    def _child(self, job, folder, answer):
        try:
            os.chdir(folder)
            tempfile.tempdir = folder
            os.environ["TMPDIR"] = folder
            resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))
            # Processor time, not the clock: the test command runs this at a low
            # priority beside other layers, where a run can wait long for a core.
            # The clock's limit only catches a run that waits on nothing.
            signal.setitimer(signal.ITIMER_PROF, job["timeout"])
            signal.alarm(int(WALL_FACTOR * job["timeout"]))
            sys.stdout = io.StringIO()
            sys.stderr = io.StringIO()
            import heapwise_naive

            result = self.H.run_exercise(job["source"], job["check"], line_memory=False)
            failed = [c["name"] for c in result["checks"] if not c["passed"]]
            error = result.get("error")
            if error is not None:
                verdict = "error"
            elif job["check"] is None:
                verdict = "ran"
            else:
                verdict = "solved" if result["ok"] and not failed else "killed"
            answer_data = {"verdict": verdict, "failed": failed,
                           "messages": {c["name"]: c["message"][:300] for c in result["checks"] if not c["passed"]},
                           "error": error and f"{error.get('type')}: {str(error.get('message'))[:200]}"}
            if job.get("probe"):
                answer_data["probed"] = dict(heapwise_naive.PROBED)
                answer_data["probed"]["__order__"] = list(heapwise_naive.ORDER)
            signal.alarm(0)
            signal.setitimer(signal.ITIMER_PROF, 0)
            with open(answer, "w") as f:
                json.dump(answer_data, f)
        except BaseException as exc:  # noqa: BLE001 - any failure is the run's, reported as a crash
            try:
                with open(answer, "w") as f:
                    json.dump({"verdict": "crash", "failed": [], "error": f"{type(exc).__name__}: {exc}"[:300]}, f)
            except BaseException:  # noqa: BLE001
                pass
        finally:
            os._exit(0)


# ---------------------------------------------------------------------------
# Exercises, equivalents, the survivors list
# ---------------------------------------------------------------------------

def slugs():
    return sorted(n for n in os.listdir(EXERCISES) if os.path.isdir(os.path.join(EXERCISES, n)))


def correct_programs(slug, everything):
    folder = os.path.join(EXERCISES, slug)
    names = ["reference.py"]
    if everything:
        names += sorted(f"programs/{n}" for n in os.listdir(os.path.join(folder, "programs"))
                        if n.startswith("correct-") and n.endswith(".py")) \
            if os.path.isdir(os.path.join(folder, "programs")) else []
    programs = []
    for name in names:
        with open(os.path.join(folder, name)) as f:
            programs.append(Program(slug, name, f.read()))
    return programs


def equivalents(slug):
    path = os.path.join(EXERCISES, slug, EQUIVALENTS)
    if not os.path.exists(path):
        return {}
    with open(path) as f:
        return {entry["id"]: entry["reason"] for entry in json.load(f)}


def known_survivors():
    if not os.path.exists(KNOWN):
        return {}
    with open(KNOWN) as f:
        return {slug: set(ids) for slug, ids in json.load(f).items() if not slug.startswith("_")}


def by_hash(text):
    return hashlib.sha1(text.encode()).hexdigest()


def sampled(mutants, caps):
    """At most caps[family] mutants of each family of each program (all when the cap is None),
    the first by a hash of their ids: the same ones every run, and a larger cap takes in the
    smaller cap's mutants."""
    chosen = []
    for program in dict.fromkeys(m["program"] for m in mutants):
        for family, most in caps.items():
            members = [m for m in mutants if m["family"] == family and m["program"] == program]
            members.sort(key=lambda m: by_hash(m["id"]))
            chosen += members if most is None else members[:most]
    return sorted(chosen, key=lambda m: mutants.index(m))


def test_sample(mutants, marked, slug):
    """The test command's sample: of each program, one mutant (not marked equivalent) of each of
    SAMPLE_FAMILIES families, the families taken in the order of a hash of the exercise's name and
    the program's, the mutant first by a hash of its id. The same mutants every run; over the 30
    references every family comes up about 15 times. A new statement changes no other choice
    unless it is the one chosen."""
    chosen = []
    for program in dict.fromkeys(m["program"] for m in mutants):
        families = sorted(FAMILIES, key=lambda f: by_hash(f"{slug}/{program}/{f}"))
        taken = 0
        for family in families:
            members = sorted((m for m in mutants if m["family"] == family and m["program"] == program
                              and m["id"] not in marked), key=lambda m: by_hash(m["id"]))
            if members and taken < SAMPLE_FAMILIES:
                chosen.append(members[0])
                taken += 1
    return sorted(chosen, key=lambda m: mutants.index(m))


def task_byte_figures(slug):
    """The values in bytes of every byte figure the exercise's task text
    itself gives ("a budget of 10,000 bytes"), or () where its data cannot
    be read (tomllib: 3.11 and later)."""
    try:
        import tomllib
    except ImportError:
        return ()
    with open(os.path.join(ROOT, "exercises", slug, "exercise.toml"), "rb") as f:
        task = tomllib.load(f).get("task", "")
    # Each number with the word after it, read as the harness reads a byte figure.
    byte_values = harness().figures.byte_values
    return tuple(value for found in re.finditer(r"\d[\d,_]*(?:\.\d+)?\s*\w+", task)
                 for value in byte_values(found.group(0)))


def never_equivalent(mutant_id, scaled=None, mutant=None, task_bytes=()):
    """Why a mutant cannot be marked equivalent, or None. A program that prints a figure in bytes
    typed in (from an earlier run) or measured small and multiplied up is wrong whatever line prints
    it: every figure in bytes must be a measurement of the program's own work (issue 25). So is one
    whose timing function lost a statement that is not a guard (an assert, a raise): it prints the
    number its best time starts from (inf) or the time of an empty loop. The checks must kill
    these; until they do they are known survivors. A count or other number not in bytes, typed or
    measured small and multiplied up, may be marked where the task does not ask for that figure
    (the reason says so, for a reviewer; no check may read a line the task does not define); a
    measurement thrown away only when it was 0 (a baseline taken before anything was traced)."""
    family = mutant_id.split(":")[1].split("-")[0] if mutant_id.count(":") >= 2 else ""
    if family == "literal" and (mutant is None or mutant.get("unit") != ""):
        value = (mutant or {}).get("value")
        # A figure the task itself gives (a budget it fixes) typed in is no
        # run's figure: it may be marked where the task does not ask for it.
        if not (isinstance(value, (int, float)) and not isinstance(value, bool) and value in task_bytes):
            return "it prints a figure in bytes typed in from an earlier run, not measured"
    if family == "unused" and (mutant is None or mutant.get("typed") != 0):
        return "it prints a number typed in from an earlier run, not measured"
    scaled = scaled if scaled is not None else (mutant or {}).get("scaled")
    in_bytes = scaled if mutant is None else mutant.get("scaled_bytes", scaled)
    if family == "tenth" and scaled and in_bytes:
        return f"it prints {in_bytes} figure(s) in bytes measured at a tenth of the size and multiplied by 10"
    if mutant is not None and mutant.get("in_timer") and not mutant.get("guard"):
        return "a statement of a timing function left out: the timing printed is inf or of an empty loop"
    return None


# ---------------------------------------------------------------------------
# Pyodide (optional): a sample through tests/python/pyodide-runner.mjs
# ---------------------------------------------------------------------------

PYODIDE_SCRIPT = r"""
import fs from "node:fs";
import { pyodideRunner } from "./pyodide-runner.mjs";
const [jobsFile, naiveFile, outFile] = process.argv.slice(2);
const jobs = JSON.parse(fs.readFileSync(jobsFile, "utf8"));
const naive = fs.readFileSync(naiveFile, "utf8");
const runner = await pyodideRunner();
const out = [];
for (const job of jobs) {
  // A mutant that calls the naive forms writes their module beside the harness
  // (on sys.path) first, on its own first line, so its line numbers stay.
  const prelude = `open("/heapwise/heapwise_naive.py", "w").write(${JSON.stringify(naive)}); `;
  const source = job.source.includes("heapwise_naive") ? prelude + job.source : job.source;
  const result = await runner.run(source, job.check);
  out.push({ id: job.id, ok: result.ok, error: result.error && result.error.type,
             failed: result.checks.filter((c) => !c.passed).map((c) => c.name) });
}
fs.writeFileSync(outFile, JSON.stringify(out));
"""


def pyodide_sample(made, count, marked, known):
    """Runs `count` mutants of the exercises in PYODIDE_EXERCISES under Pyodide (the page's Python), half
    not marked equivalent and half marked, each first by a hash of their ids, the same every run; not
    those whose numbers came from a CPython run
    (literal, unused, tenth: a figure typed from CPython is wrong on wasm32 anyway). The same rule as
    under CPython: a mutant Solved there must be a known survivor or marked equivalent, and one marked
    equivalent must be Solved there."""
    pool = sorted((m for slug in PYODIDE_EXERCISES for m in made.get(slug, [])
                   if m["family"] not in TYPED + ("tenth",) and m["program"] == "reference.py"),
                  key=lambda m: by_hash(m["id"]))
    # Half of them wrong programs (not marked equivalent), half correct ones (marked): both verdicts are tried.
    wrong = [m for m in pool if m["id"] not in marked.get(m["slug"], {})]
    # Taken in turn from each family (naive, delete, exit), so the technique swapped is among them.
    rank = {}
    for m in wrong:
        rank[m["id"]] = sum(other["family"] == m["family"] for other in wrong[:wrong.index(m)])
    wrong.sort(key=lambda m: (rank[m["id"]], m["family"] != "naive", m["family"]))
    right = [m for m in pool if m["id"] in marked.get(m["slug"], {})]
    chosen = wrong[:count - count // 2] + right[:count // 2]
    checks = {}
    for m in chosen:
        if m["slug"] not in checks:
            with open(os.path.join(EXERCISES, m["slug"], "check.py")) as f:
                checks[m["slug"]] = f.read()
    jobs = [{"id": m["id"], "source": m["source"], "check": checks[m["slug"]]} for m in chosen]
    with tempfile.TemporaryDirectory() as folder:
        script = os.path.join(HERE, f".mutate-pyodide-{os.getpid()}.mjs")
        with open(script, "w") as f:
            f.write(PYODIDE_SCRIPT)
        with open(os.path.join(folder, "jobs.json"), "w") as f:
            json.dump(jobs, f)
        try:
            subprocess.run(["node", script, os.path.join(folder, "jobs.json"), os.path.join(HERE, "heapwise_naive.py"),
                            os.path.join(folder, "out.json")], cwd=ROOT, check=True, timeout=900)
            with open(os.path.join(folder, "out.json")) as f:
                answers = {a["id"]: a for a in json.load(f)}
        finally:
            os.unlink(script)
    lines, problems = [], []
    for m in chosen:
        answer = answers.get(m["id"], {})
        solved = bool(answer.get("ok")) and not answer.get("failed")
        equivalent = m["id"] in marked.get(m["slug"], {})
        listed = m["id"] in known.get(m["slug"], set())
        said = "solved" if solved else f"killed ({', '.join(answer.get('failed') or []) or answer.get('error')})"
        lines.append(f"  pyodide {m['slug']}  {m['id']}: {said}"
                     + (" [equivalent]" if equivalent else " [known survivor]" if listed else ""))
        if solved and not equivalent and not listed:
            problems.append(f"{m['slug']}: a new survivor under Pyodide (Solved): {m['id']}\n    {m['what']}")
        if equivalent and not solved:
            problems.append(f"{m['slug']}: {m['id']} is marked equivalent but is not Solved under Pyodide: a check "
                            "rejects a correct program in the page")
    return chosen, lines, problems


# ---------------------------------------------------------------------------
# The run
# ---------------------------------------------------------------------------

def main(argv):
    started = time.time()
    everything = "--all" in argv or "--alternatives" in argv  # programs/correct-*.py too
    every = "--all" in argv or "--every" in argv  # every mutant, not a sample
    update = "--update" in argv or "--update-survivors" in argv
    # The survivors list is made from the wide run: --update-survivors runs that, unless --every says more.
    wide = "--wide" in argv or (update and not every)  # every mutant but deletions, WIDE_DELETIONS of those
    families = set(argv[argv.index("--family") + 1].split(",")) if "--family" in argv else None
    verbose = "--verbose" in argv
    listing = "--list" in argv
    report_path = argv[argv.index("--report") + 1] if "--report" in argv else None
    show = argv[argv.index("--show") + 1] if "--show" in argv else None
    listing = listing or show is not None
    pyodide = int(argv[argv.index("--pyodide") + 1]) if "--pyodide" in argv else 0
    with_values = ("--report", "--pyodide", "--show", "--family", "--exercise")
    options_with_values = {i + 1 for i, a in enumerate(argv) if a in with_values}
    named = [slug for i, a in enumerate(argv) if a == "--exercise" and i + 1 < len(argv)
             for slug in argv[i + 1].split(",") if slug]
    chosen = [a for i, a in enumerate(argv) if not a.startswith("--") and i not in options_with_values] + named
    chosen = list(dict.fromkeys(chosen)) or slugs()
    if update and families:
        print("mutate: --update-survivors runs every family (a partial run would drop the others' survivors)")
        return 2
    unknown = [s for s in chosen if s not in slugs()]
    if unknown:
        print(f"mutate: no exercise {unknown}")
        return 2

    runner = Runner()
    problems = []
    try:
        # 1. Instrumented runs (the program alone, under the harness): the numbers the operators need.
        programs = [(slug, program) for slug in chosen for program in correct_programs(slug, everything)]
        sites = {(slug, program.name): Sites(program) for slug, program in programs}
        jobs = [{"key": (slug, program.name), "source": sites[(slug, program.name)].instrumented(), "check": None,
                 "timeout": TIMEOUT, "probe": True} for slug, program in programs]
        runner.run(jobs)
        probed, timeouts = {}, {}
        for job in jobs:
            result = job["result"]
            if result["verdict"] != "ran":
                problems.append(f"{job['key'][0]}: {job['key'][1]}, instrumented, does not run: {result.get('error')}")
            probed[job["key"]] = result.get("probed", {})
            # The checks re-run the program's work: a mutant gets several times the program's own time.
            timeouts[job["key"]] = max(MIN_TIMEOUT, TIMEOUT_FACTOR * job["seconds"])

        # 2. The mutants, and the sample of them that runs.
        made = {slug: [] for slug in chosen}
        by_program = {}
        for slug, program in programs:
            mutants = make_mutants(program, sites[(slug, program.name)], probed[(slug, program.name)])
            for m in mutants.made:
                m["slug"] = slug
            made[slug].extend(mutants.made)
            by_program[(slug, program.name)] = program
        if listing:
            for slug in chosen:
                for m in made[slug]:
                    if show is not None and show not in m["id"]:
                        continue
                    print(f"{slug}  {m['id']}\n    {m['what']}")
                    if show is not None:
                        old = by_program[(slug, m["program"])].text.splitlines(True)
                        print("".join(difflib.unified_diff(old, m["source"].splitlines(True), n=0))
                              .replace("\n", "\n    ").rstrip())
                print(f"{slug}: {len(made[slug])} mutants "
                      + ", ".join(f"{f} {sum(m['family'] == f for m in made[slug])}" for f in FAMILIES))
            return 0
        marked = {slug: equivalents(slug) for slug in chosen}
        if every or wide:
            caps = {f: None for f in FAMILIES}
            if wide and not every:
                caps["delete"] = WIDE_DELETIONS
            picked = {slug: sampled(made[slug], caps) for slug in chosen}
        else:
            picked = {slug: test_sample(made[slug], marked[slug], slug) for slug in chosen}
        to_run = [m for slug in chosen for m in picked[slug] if not families or m["family"] in families]

        # The work at a tenth: one more instrumented run each, to see which figures shrank.
        tenths = [m for m in to_run if "size" in m]
        jobs = []
        for m in tenths:
            found = sites[(m["slug"], m["program"])]
            node = found.sizes[m["size"]][0]
            start, end = found.program.span(node)
            jobs.append({"mutant": m, "probe": True, "check": None, "timeout": timeouts[(m["slug"], m["program"])],
                         "source": found.instrumented([(start, end, str(node.value // 10))])})
        runner.run(jobs)
        for job in jobs:
            m = job["mutant"]
            if job["result"]["verdict"] == "ran":
                scale_back(m, by_program[(m["slug"], m["program"])], sites[(m["slug"], m["program"])],
                           probed[(m["slug"], m["program"])], job["result"].get("probed", {}))

        # 3. Equivalents and listed survivors must still be made (for the programs this run made mutants of),
        # and no mutant that prints a typed-in figure may be marked equivalent.
        known = known_survivors()
        names = {slug: {program.name for s, program in programs if s == slug} for slug in chosen}
        for slug in chosen:
            ids = {m["id"] for m in made[slug]}
            for stale in sorted(set(marked[slug]) - ids):
                if stale.split(":")[0] in names[slug]:
                    problems.append(f"{slug}: {EQUIVALENTS} marks {stale!r}, which is no longer made: delete "
                                    "the entry (or, if the program changed, look at its mutants again)")
            by_id = {m["id"]: m for m in made[slug]}
            task_bytes = task_byte_figures(slug)
            for entry in sorted(marked[slug]):
                why = never_equivalent(entry, mutant=by_id.get(entry), task_bytes=task_bytes)
                if why:
                    problems.append(f"{slug}: {EQUIVALENTS} marks {entry!r}, which is never equivalent: {why}")
            for stale in sorted(known.get(slug, set()) - ids):
                if stale.split(":")[0] in names[slug] and not update:
                    problems.append(f"{slug}: tests/python/known-survivors.json lists {stale!r}, which is no "
                                    "longer made: delete it")
        checks = {}
        # The test command's sample stops judging a mutant at its first failed check
        # (tests/python/first_failure.py); the wide run, --verbose and --update-survivors
        # run every check, as they report which checks kill it.
        until_failed = "" if every or wide or update or verbose else "\n" + open(FIRST_FAILURE).read()
        for slug in chosen:
            with open(os.path.join(EXERCISES, slug, "check.py")) as f:
                checks[slug] = f.read() + until_failed
        jobs = [{"mutant": m, "source": m["source"], "check": checks[m["slug"]],
                 "timeout": timeouts[(m["slug"], m["program"])]} for m in to_run]
        total = len(jobs)
        progress = {"n": 0}

        def done(job):
            progress["n"] += 1
            m, result = job["mutant"], job["result"]
            if verbose:
                said = "SOLVED" if result["verdict"] == "solved" else result["verdict"]
                print(f"[{progress['n']}/{total}] {m['slug']}  {m['id']}: {said} {job['seconds']:.1f} s"
                      + (f"; fails {result['failed']}" if result["failed"] else "")
                      + (f"; {result['error']}" if result.get("error") else ""), flush=True)

        runner.run(jobs, done)
        for job in jobs:
            job["mutant"]["verdict"] = job["result"]["verdict"]
            job["mutant"]["failed"] = job["result"]["failed"]
            job["mutant"]["error"] = job["result"].get("error")
            job["mutant"]["messages"] = job["result"].get("messages", {})
            job["mutant"]["seconds"] = round(job["seconds"], 1)

        # 4. Against the list. A listed (or equivalent) mutant that was killed runs again: a verdict
        # near a tolerance can flip, and Solved once is Solved (a student can get that run).
        again = [{"mutant": m, "source": m["source"], "check": checks[m["slug"]],
                  "timeout": timeouts[(m["slug"], m["program"])]} for m in to_run
                 if m["verdict"] != "solved" and (m["id"] in known.get(m["slug"], set()) or m["id"] in marked[m["slug"]])]
        runner.run(again)
        for job in again:
            if job["result"]["verdict"] == "solved":
                job["mutant"]["verdict"] = "solved"
                job["mutant"]["flaky"] = True
        for m in to_run:
            slug = m["slug"]
            listed = m["id"] in known.get(slug, set())
            equivalent = m["id"] in marked[slug]
            why = ", ".join(m["failed"]) or m["error"]
            if m["verdict"] == "solved" and not equivalent and not listed and not update:
                problems.append(f"{slug}: a new survivor (Solved): {m['id']}\n    {m['what']}")
            if m["verdict"] != "solved" and listed and not update:
                problems.append(f"{slug}: {m['id']} is killed now ({why}): delete it from "
                                "tests/python/known-survivors.json (the list only shrinks)")
            if m["verdict"] != "solved" and equivalent:
                problems.append(f"{slug}: {m['id']} is marked equivalent but is not Solved ({why}): a check "
                                "rejects a correct program, or the mark is wrong")
            if equivalent and m["family"] == "tenth" and never_equivalent(m["id"], m.get("scaled"), m):
                problems.append(f"{slug}: {EQUIVALENTS} marks {m['id']!r}, which is never equivalent: "
                                f"{never_equivalent(m['id'], m.get('scaled'), m)}")

        if update:
            # The run's own mutants replace their entries; entries of programs not processed stay.
            for slug in chosen:
                ids = {m["id"] for m in made[slug]}
                kept = {i for i in known.get(slug, set()) if i.split(":")[0] not in names[slug] or i in ids}
                ran = {m["id"]: m for m in to_run if m["slug"] == slug}
                kept -= set(ran)
                kept |= {i for i, m in ran.items() if m["verdict"] == "solved" and (
                    i not in marked[slug] or never_equivalent(i, m.get("scaled"), m))}
                known[slug] = kept
            data = {"_": "Mutants that survive today, from the wide run (python3 tests/python/mutate.py "
                         "--update-survivors [--exercise SLUG]): the list may only shrink; a test-command run "
                         "fails on a listed mutant that is killed."}
            data.update({slug: sorted(ids) for slug, ids in sorted(known.items()) if ids})
            with open(KNOWN, "w") as f:
                json.dump(data, f, indent=1, ensure_ascii=False)
                f.write("\n")

        if report_path:
            def described(m):
                old = by_program[(m["slug"], m["program"])].text.splitlines(True)
                diff = "".join(list(difflib.unified_diff(old, m["source"].splitlines(True), n=0))[2:])
                return {k: v for k, v in m.items() if k != "source"} | {
                    "equivalent": marked[m["slug"]].get(m["id"]), "diff": diff}

            with open(report_path, "w") as f:
                json.dump([described(m) for m in to_run], f, indent=1, ensure_ascii=False)

        pyodide_lines, pyodide_run = [], []
        if pyodide:
            pyodide_started = time.time()
            pyodide_run, pyodide_lines, found = pyodide_sample(made, pyodide, marked, known)
            problems += found
            pyodide_seconds = time.time() - pyodide_started
    finally:
        runner.close()

    # 5. The report: problems first, the kill rates last.
    for problem in problems:
        print(problem)
    kind = "every mutant" if every else f"{WIDE_DELETIONS} deletions and every other mutant" if wide else \
        f"a sample: one mutant of each of {SAMPLE_FAMILIES} families a program"
    print(f"mutants of {'every correct program' if everything else 'each reference'} ({kind}), under CPython "
          f"{sys.version.split()[0]}; kill rate = killed / (run - equivalent); 'by a check': killed by a failing "
          "check, not by the program raising or timing out")
    print(f"  {'exercise':<26} {'made':>5} {'run':>4} {'equiv':>5} {'killed':>6} {'by a check':>10} "
          f"{'survived':>8} {'kill rate':>9}")

    def row(label, ran, made_count):
        equivalent = [m for m in ran if m["id"] in marked[m["slug"]]]
        counted = [m for m in ran if m["id"] not in marked[m["slug"]]]
        killed = [m for m in counted if m["verdict"] != "solved"]
        by_check = [m for m in killed if m["verdict"] == "killed"]
        rate = f"{100 * len(killed) / len(counted):.1f}%" if counted else "-"
        print(f"  {label:<26} {made_count:>5} {len(ran):>4} {len(equivalent):>5} {len(killed):>6} "
              f"{len(by_check):>10} {len(counted) - len(killed):>8} {rate:>9}")
        return len(killed), len(counted)

    for slug in chosen:
        row(slug, [m for m in to_run if m["slug"] == slug], len(made[slug]))
    all_killed, all_counted = row(f"all {len(chosen)}", to_run, sum(len(made[slug]) for slug in chosen))
    print("  by operator:")
    for family in FAMILIES:
        row(family, [m for m in to_run if m["family"] == family],
            sum(m["family"] == family for slug in chosen for m in made[slug]))
    if pyodide_run:
        for line in pyodide_lines:
            print(line)
        solved = sum(": solved" in line for line in pyodide_lines)
        print(f"  under Pyodide: {len(pyodide_run)} mutants of {', '.join(sorted({m['slug'] for m in pyodide_run}))}, "
              f"{len(pyodide_run) - solved} killed, {solved} solved, {int(pyodide_seconds)} s")
    elapsed = time.time() - started
    rate = f"{100 * all_killed / all_counted:.1f}%" if all_counted else "-"
    print(f"mutate: {len(chosen)} exercises, kill rate {rate} ({all_killed} of {all_counted} non-equivalent mutants "
          f"killed), {len(problems)} problem(s), {int(elapsed // 60)} min {int(elapsed % 60)} s")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
