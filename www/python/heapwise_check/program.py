"""What a check is given and works with: `Program` (what the student's
program was and did), `fail`, and regexes for what a program may print
(`number`, `loose`, `line_ref`). The package's docstring is their manual.
"""
import ast
import builtins
import contextlib
import gc
import importlib
import io
import re
import sys
import time
import tokenize
import types

import _tracemalloc

from .watching import _RUN, _Counting


class CheckFailed(Exception):
    """Raised by fail(): the check did not pass, for the reason given."""


def fail(message: str):
    """Fails the running check with `message`, shown to the student as is."""
    raise CheckFailed(message)



def number(n: int) -> str:
    """A regex matching the whole number n as a program may print it: with or
    without thousands separators (1,168 or 1168), not inside a longer number."""
    forms = sorted({f"{n:,}", str(n)}, key=len, reverse=True)
    return r"(?<![\d,.])(?:" + "|".join(re.escape(f) for f in forms) + r")(?![\d]|,\d)"



def loose(phrase: str) -> str:
    """A regex for `phrase` as a program may print it: any case, and any run
    of spaces, punctuation or quotes between its words (and none needed
    around punctuation)."""
    words = re.findall(r"\w+", phrase)
    return "(?i:" + r"[\W_]*".join(re.escape(w) for w in words) + ")"


def line_ref(n: int) -> str:
    """A regex for a reference to line `n` as a program may print it:
    "line 5", "lineno=5", "Line: 5", "solution.py:5", "('solution.py', 5)"."""
    return r"(?i:(?:\blines?(?:no)?\b|\.py)\W{0,4}0*" + str(int(n)) + r")(?!\d)"



# A timing line as the reference programs print it (p.require_real_timing).
_TIMING = re.compile(r"^timing:.*?(inf|nan|\d[\d,]*(?:\.\d+)?)\s*us per call", re.IGNORECASE)


def _shorten(text, limit=80):
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# A byte figure as a program may print it: 3234431, 3,234,431, 3_234_431,
# 1562.5, 3.2 MB, 434.5 KiB, 38.1M. A unit is read only where no letter
# follows it (10 ms is not 10 MB); a bare number only where no digit does.
_SIZE = re.compile(r"(?<![\w.,])(\d{1,3}(?:[,_]\d{3})+|\d+)(\.\d+)?"
                   r"(?:\s*(kib|kb|k|mib|mb|m)(?![a-z])|(?!\d|\.\d))", re.IGNORECASE)
# Each unit in bytes, every way a program may have meant it.
_UNITS = {"": (1,), "k": (1000, 1024), "kb": (1000, 1024), "kib": (1024,),
          "m": (1e6, 2 ** 20), "mb": (1e6, 2 ** 20), "mib": (2 ** 20,)}


# A figure printed as bytes: a number with a byte unit after it ("8,000,056
# bytes", "14 B", "3.2 MB", "434.5 KiB"), or after "bytes:" / "bytes=".
_NUMBER = r"(?:\d{1,3}(?:[,_]\d{3})+|\d+)(?:\.\d+)?"
_BYTE_UNIT = r"(?i:bytes?|kib|kb|mib|mb|gib|gb)|B"
_BYTES_SAID = r"(?i:\bbytes)[ \t]*[:=][ \t]*"
_BYTE_FIGURE = re.compile(
    r"(?<![\w.,])(?P<n>" + _NUMBER + r")[ \t]*(?P<u>" + _BYTE_UNIT + r")(?![A-Za-z])"
    r"|" + _BYTES_SAID + r"(?P<n2>" + _NUMBER + r")(?![\d.]|,\d)")
_BYTE_UNITS = {"": (1,), "b": (1,), "byte": (1,), "bytes": (1,), "kb": (1000, 1024), "kib": (1024,),
               "mb": (10 ** 6, 2 ** 20), "mib": (2 ** 20,), "gb": (10 ** 9, 2 ** 30), "gib": (2 ** 30,)}


def byte_values(text):
    """Every value in bytes a byte figure's text may mean ("100 KB": 100,000
    and 102,400), as floats; () if `text` holds no byte figure."""
    found = _BYTE_FIGURE.search(text)
    if found is None:
        return ()
    number, _, factors = _read_figure(found)
    return tuple(number * factor for factor in factors)


def _read_figure(found):
    """A _BYTE_FIGURE match as (number, decimals printed, unit factors)."""
    digits = found.group("n") or found.group("n2")
    plain = re.sub(r"[,_]", "", digits)
    decimals = len(plain.partition(".")[2])
    return float(plain), decimals, _BYTE_UNITS[(found.group("u") or "").lower()]


def _means(found, values):
    """True when the figure `found` (a _BYTE_FIGURE match) is one of
    `values` (in bytes) as printed: in its unit, to its decimals."""
    number, decimals, factors = _read_figure(found)
    within = 0.5 * 10 ** -decimals + 1e-9
    return any(abs(value / factor - number) <= within for value in values for factor in factors)


def _round(found):
    """True for a round size: a _BYTE_FIGURE match of one significant digit
    ("2 bytes", "100 bytes", "500 kB", "1 MB", "8 GB"), a size a program
    names in its own words (an input's, a unit's), not a copy of what a
    measurement returned, which is precise ("1,000,936 bytes", "56 bytes",
    "976.6 KiB", "1.0 MB"). In bytes, 10 to 90 are not round: one small
    object's `sys.getsizeof` lands there (an empty list of three lists is
    80 bytes, a weak reference 80 on 64-bit CPython)."""
    number, _, factors = _read_figure(found)
    whole, _, decimals = re.sub(r"[,_]", "", found.group("n") or found.group("n2")).partition(".")
    digits = (whole + decimals).lstrip("0")
    if not decimals:
        digits = digits.rstrip("0")
    return len(digits) == 1 and not (factors == (1,) and 10 <= number < 100)


def layout_facts(names):
    """Byte sizes the program's module-level objects state themselves, read
    after it ran: an array's `itemsize` and data size (`len(a) *
    a.itemsize`), a `struct.Struct`'s `size`, a ctypes structure's fields'
    sizes. Their attributes cannot return marked numbers (provenance.py),
    so BYTES_RULE takes a figure equal to one of these as measured."""
    import array
    import struct
    facts = set()
    for value in list(names.values()):
        try:
            if isinstance(value, array.array):
                facts.update((value.itemsize, len(value) * value.itemsize))
            elif isinstance(value, struct.Struct):
                facts.add(value.size)
            elif isinstance(value, type) and isinstance(getattr(value, "_fields_", None), (list, tuple)):
                for field in value._fields_:
                    size = getattr(getattr(value, field[0], None), "size", None)
                    if type(size) is int:
                        facts.add(size)
        except Exception:  # an object that answers oddly is no fact
            continue
    return frozenset(float(fact) for fact in facts)


# Any number as a program may print it (Program.printed_figures), with the
# byte unit after it if there is one: "1,024", "3.2 MB", "56 bytes". Not a
# part of a word or of a longer number: "x86", "0x7f3a", "1e6", "3.11.7".
_PRINTED = re.compile(r"(?<![\w.,])(?P<n>" + _NUMBER + r")(?![\w.]*\d)"
                      r"(?:[ \t]*(?P<u>" + _BYTE_UNIT + r")(?![A-Za-z]))?")
# What joins the two ends of a change or a range whose unit follows the
# second ("40 -> 48 bytes", "40 to 48 bytes"), and "bytes:" before a number.
_RANGE = re.compile(r"[ \t]*(?:->|\u2192|to)[ \t]*")
_BYTES_BEFORE = re.compile(_BYTES_SAID + r"\Z")


class Figure:
    """A number the program printed (Program.printed_figures, Program.unmoved).

    `text` is the number as printed ("1,024", "3.2"); `unit` its byte unit
    as printed ("bytes", "B", "MB", "KiB"), or "" when it has none;
    `number` its value (an int, a float when printed with decimals);
    `values` the figure in bytes once per reading of its unit ("3.2 MB" is
    3.2e6 and 3.2 * 2**20), or (number,) without a unit; `line` the printed
    line it is on, `index` that line's index in p.lines and `column` where
    the number starts. A byte figure is what BYTES_RULE reads as one, and
    each end of a change or range the unit follows ("40 -> 48 bytes",
    "40 to 48 bytes")."""

    __slots__ = ("line", "index", "column", "text", "unit", "number", "values")

    def __init__(self, line, index, column, text, unit):
        self.line, self.index, self.column, self.text, self.unit = line, index, column, text, unit
        plain = re.sub(r"[,_]", "", text)
        self.number = float(plain) if "." in plain else int(plain)
        self.values = tuple(self.number * factor for factor in _BYTE_UNITS[unit.lower()])

    def means(self, value):
        """True when the figure is `value` (in bytes, where it has a unit) as
        printed: in any reading of its unit, to its decimals ("9.8 KiB"
        means 10,000)."""
        decimals = len(self.text.partition(".")[2])
        within = 0.5 * 10 ** -decimals + 1e-9
        return any(abs(value / factor - self.number) <= within for factor in _BYTE_UNITS[self.unit.lower()])

    def __repr__(self):
        return f"Figure({self.text!r}, unit={self.unit!r}, line {self.index})"


def _read_line(line, index):
    """(the line's shape, its Figures): the shape is the line with each
    number blanked to "#" and its runs of spaces made one, so the same
    line in another run has the same shape."""
    found = list(_PRINTED.finditer(line))
    units = [match.group("u") or "" for match in found]
    for at in range(len(found) - 1, -1, -1):
        if units[at]:
            continue
        if at + 1 < len(found) and units[at + 1] and _RANGE.fullmatch(line, found[at].end(), found[at + 1].start()):
            units[at] = units[at + 1]
        elif _BYTES_BEFORE.search(line, 0, found[at].start()):
            units[at] = "bytes"
    figures = [Figure(line, index, match.start(), match.group("n"), unit) for match, unit in zip(found, units)]
    shape = _PRINTED.sub(lambda match: "#" + match.group(0)[len(match.group("n")):], line)
    return " ".join(shape.split()), figures


def _by_shape(lines):
    """{(shape, k): the Figures of the k-th line of that shape} for `lines`."""
    seen, found = {}, {}
    for index, line in enumerate(lines):
        shape, figures = _read_line(line, index)
        k = seen[shape] = seen.get(shape, -1) + 1
        found[(shape, k)] = figures
    return found


def _concluded(lines, phrase):
    """(index, True or False) of the last of `lines` that says `phrase`
    followed by True or False (Program.conclusion), or None."""
    pattern = re.compile(loose(phrase) + r"[\W_]*\b(True|False)\b(?!.*\b(?:True|False)\b)", re.IGNORECASE)
    for index in range(len(lines) - 1, -1, -1):
        found = pattern.search(lines[index])
        if found:
            return index, found.group(1).lower() == "true"
    return None


class _ModuleView(types.ModuleType):
    """A module as a re-run program sees it: the attributes set on the
    view, and the real module's (read when asked, so always current) for
    the rest."""

    def __getattr__(self, attribute):
        return getattr(vars(self)["__heapwise_real__"], attribute)


def _importing_views(modules):
    """Builtins whose __import__ gives, for each module named in `modules`
    ({name: {attribute: make(real attribute)}}), a view of that module with
    those attributes replaced (Program.rerun)."""
    views = {}
    for module_name, replaced in modules.items():
        real = importlib.import_module(module_name)
        view = views[module_name] = _ModuleView(module_name)
        vars(view)["__heapwise_real__"] = real
        for attribute, make in replaced.items():
            setattr(view, attribute, make(getattr(real, attribute)))
    real_import = builtins.__import__

    def __import__(name, globals=None, locals=None, fromlist=(), level=0):
        if level == 0 and name in views:
            return views[name]
        return real_import(name, globals, locals, fromlist, level)

    space = dict(vars(builtins))
    space["__import__"] = __import__
    return space


def struct_view(formats):
    """The `struct` a re-run imports with other record formats, for
    `p.rerun(key, modules={"struct": struct_view({"<HIdB": "<HIdB3x"})})`:
    each format of `formats` ({format: the one used instead}; spaces do not
    count, a bytes format is read as ASCII) is replaced where `calcsize`,
    `pack`, `pack_into`, `unpack`, `unpack_from` and `iter_unpack` take a
    format, and where `Struct` is made; any other format is used as given.
    With a record three bytes longer, a program that takes its record's
    size from `struct` follows the change; one that typed the size in does
    not."""
    instead = {"".join(old.split()): new for old, new in formats.items()}

    def replaced(fmt):
        text = fmt.decode("ascii", "replace") if isinstance(fmt, (bytes, bytearray)) else fmt
        return instead.get("".join(text.split()), fmt) if isinstance(text, str) else fmt

    def taking_format(real):
        def function(fmt, *args, **kwargs):
            return real(replaced(fmt), *args, **kwargs)
        function.__name__ = function.__qualname__ = getattr(real, "__name__", "function")
        return function

    def struct_class(real):
        class Struct(real):
            def __new__(cls, format, *args, **kwargs):
                return real.__new__(cls, replaced(format), *args, **kwargs)

            def __init__(self, format, *args, **kwargs):
                real.__init__(self, replaced(format), *args, **kwargs)

        Struct.__module__ = real.__module__
        return Struct

    view = {name: taking_format for name in ("calcsize", "pack", "pack_into", "unpack", "unpack_from", "iter_unpack")}
    view["Struct"] = struct_class
    return view


class Rerun:
    """What a re-run of the program printed (Program.rerun): `text`, its
    `lines`, and `raised`, the name of the exception that ended it (None
    when it ran to its end or called sys.exit)."""

    __slots__ = ("text", "lines", "raised")

    def __init__(self, text, raised):
        self.text = text
        self.lines = text.splitlines()
        self.raised = raised

    def said(self, phrase):
        """True or False, what the last line saying `phrase` followed by
        True or False concludes; None if no line says it."""
        found = _concluded(self.lines, phrase)
        return None if found is None else found[1]


class Program:
    """What the student's program was and did; the argument of every check."""

    def __init__(self, source, filename, stdout, names, error, figures, measured=(), derived=(),
                 facts_seen=frozenset()):
        self.source = source
        self.filename = filename
        self.stdout = stdout
        self.lines = stdout.splitlines()
        self.last_line = next((line for line in reversed(self.lines) if line.strip()), "")
        self.names = names
        self.error = error
        self._figures = figures
        # line index -> [(begin, end)]: where a measured value's text is in that line (provenance.py)
        self._measured = _by_line(stdout, measured)
        # line index -> [(begin, end)]: a derived value's text (provenance.DerivedInt), for BYTES_RULE only
        self._derived = _by_line(stdout, derived)
        self._layout_facts = layout_facts(names) | facts_seen
        self._reruns = {}  # key -> Rerun or None (rerun)
        self._printed = None  # {(shape, k): [Figure]} of p.lines (printed_figures, unmoved)

    def get(self, name, kind=None):
        """The module-level `name`; fails in words if it is not there or not
        of the `kind` asked for (`type` for a class, `callable`, or a type)."""
        if name not in self.names:
            fail(f"Your program does not define `{name}`; the exercise looks for it by that name, "
                 "as the task and the starter call it."
                 + self._stopped_early())
        value = self.names[name]
        if kind is None:
            return value
        if kind is type:
            if not isinstance(value, type):
                fail(f"`{name}` should be a class (a `class {name}:` statement), "
                     f"but in your program it is {_a_or_an(type(value).__name__)}.")
        elif kind is callable:
            if not callable(value):
                fail(f"`{name}` should be a function (`def {name}(...)`), "
                     f"but in your program it is {_a_or_an(type(value).__name__)}.")
        elif not isinstance(value, kind):
            fail(f"`{name}` should be {_a_or_an(kind.__name__)}, "
                 f"but in your program it is {_a_or_an(type(value).__name__)}.")
        return value

    def printed(self, pattern, missing):
        """The first printed line in which `pattern` is found; fail(missing) if none."""
        compiled = re.compile(pattern)
        for line in self.lines:
            found = compiled.search(line)
            if found:
                return found
        fail(missing + self._stopped_early())

    def expect_last_line(self, pattern, example):
        """re.fullmatch of `pattern` on the last printed line."""
        found = re.fullmatch(pattern, self.last_line.rstrip())
        if found is None:
            if self.last_line:
                said = f"The last line your program printed is \"{_shorten(self.last_line)}\""
            else:
                said = "Your program printed nothing"
            fail(f"{said}; the task asks it to finish with a line like \"{example}\"." + self._stopped_early())
        return found

    @property
    def code(self):
        """The source without comments and string literals (tokens kept in
        order, one space between them), or the source itself if it cannot
        be tokenized."""
        skip = {tokenize.COMMENT, tokenize.STRING}
        for name in ("FSTRING_START", "FSTRING_MIDDLE", "FSTRING_END"):
            if hasattr(tokenize, name):
                skip.add(getattr(tokenize, name))
        try:
            tokens = tokenize.generate_tokens(io.StringIO(self.source).readline)
            return " ".join(t.string for t in tokens if t.type not in skip and t.string.strip())
        except (tokenize.TokenError, SyntaxError, IndentationError):
            return self.source

    def conclusion(self, phrase, example=None, last=True):
        """True or False: what the last printed line saying `phrase`
        followed by True or False concludes. Case, spacing, quotes and
        the separator (`:`, `=`, `->`) are free; fails in words if no line
        says it, or, with `last` (every task's expected last line), if the
        program printed more after it."""
        example = example or f"{phrase}: True"
        found = _concluded(self.lines, phrase)
        if found is None:
            fail(f"No line your program printed says \"{phrase}\" followed by True or False; the task asks "
                 f"for a line like \"{example}\"." + self._stopped_early())
        index, said = found
        if last and any(later.strip() for later in self.lines[index + 1:]):
            fail(f"Your program prints \"{_shorten(self.lines[index])}\" and then more lines, the last "
                 f"\"{_shorten(self.last_line)}\"; the task asks for the line like \"{example}\" last.")
        return said

    def sizes(self, lines=None, where=False, measured=False):
        """Every number printed (or in `lines`), in bytes: once for each way
        its unit may be meant (a kB as 1,000 and as 1,024 bytes). With
        `where`, ((line index, column), bytes) pairs, to tell figures apart.
        With `measured`, only the figures that are what a measurement of the
        program returned (provenance.py); `lines` are then lines of p.lines."""
        found = []
        chosen = self.lines if lines is None else lines
        for index, line in enumerate(chosen):
            marks = self._marks_of(line, index if lines is None else None) if measured else None
            for match in _SIZE.finditer(line):
                if measured and not _covers(line, marks, match.start(1), match.end(2) if match.group(2) else match.end(1)):
                    continue
                value = float(re.sub(r"[,_]", "", match.group(1)) + (match.group(2) or ""))
                for factor in _UNITS[(match.group(3) or "").lower()]:
                    found.append(((index, match.start()), value * factor) if where else value * factor)
        return found

    def printed_figures(self):
        """Every number printed, as a Figure, in the order printed."""
        return [figure for figures in self._shapes().values() for figure in figures]

    def printed_again(self, run):
        """(figure, the figure in its place in the re-run) for each number
        printed on a line the re-run `run` (a Rerun, or its lines) printed
        again with the same shape: the line with its numbers blanked and its
        spaces made one; the k-th line of a shape pairs with the k-th line of
        that shape in the re-run. In the order printed."""
        again = _by_shape(getattr(run, "lines", run))
        return [pair for key, figures in self._shapes().items() if key in again and len(again[key]) == len(figures)
                for pair in zip(figures, again[key])]

    def unmoved(self, run, *more):
        """The figures the program printed (Figures, in the order printed)
        that the re-run `run`, and each of `more`, printed again unchanged in
        their place (printed_again). Where a re-run changed what the
        program's code measures or counts, a figure that followed the change
        moved; one typed in, or worked out from something else, did not: a
        check keeps the figures whose values it cares about
        (`figure.number in sizes`, `figure.unit and figure.means(10_000)`)."""
        kept = None
        for lines in (run,) + more:
            same = {id(figure) for figure, again in self.printed_again(lines) if again.text == figure.text}
            kept = same if kept is None else kept & same
        return [figure for figure in self.printed_figures() if id(figure) in kept]

    def _shapes(self):
        if self._printed is None:
            self._printed = _by_shape(self.lines)
        return self._printed

    def measured(self, match, group=1):
        """True when the text of `group` of `match` (a regex match on one of
        p.lines, as p.printed gives) is a figure a measurement of the program
        returned, formatted as it printed it (provenance.py); False for a
        typed figure, or one scaled from a smaller measurement. `group` may
        be a tuple of groups (the number's whole part and its fraction):
        their matched text together."""
        line = match.string
        spans = [match.span(g) for g in (group if isinstance(group, tuple) else (group,)) if match.start(g) >= 0]
        begin, end = min(b for b, _ in spans), max(e for _, e in spans)
        text = line[begin:end]
        begin += len(text) - len(text.lstrip(" +-\u2212"))
        end -= len(text) - len(text.rstrip(" %"))
        return _covers(line, self._marks_of(line, None), begin, end)

    def require_measured(self, match, what, group=1):
        """fail() unless p.measured(match, group), saying in plain words that
        `what` (e.g. "the peak") must be the figure the measurement returned."""
        if not self.measured(match, group):
            groups = group if isinstance(group, tuple) else (group,)
            figure = "".join(match.group(g) or "" for g in groups).strip()
            fail(f"{what[:1].upper()}{what[1:]} your program printed ({figure}, on the line "
                 f"\"{_shorten(match.string)}\") is not a figure your program measured: print the figure "
                 "your measurement returned (what `sys.getsizeof`, `tracemalloc` or the file's size gave, "
                 "or a difference, sum or ratio of such figures, or one divided by a count or a unit), not "
                 "a number typed in or scaled up from a smaller measurement.")

    def _marks_of(self, line, index):
        """The measured texts' spans in `line`, one of p.lines (found at
        `index`, or by identity, then by equality)."""
        if index is None:
            index = next((i for i, kept in enumerate(self.lines) if kept is line), None)
            if index is None:
                index = next((i for i, kept in enumerate(self.lines) if kept == line), None)
        return self._measured.get(index, ()) if index is not None else ()

    def require_real_timing(self, prepare, what, rounds=5, share=20):
        """fail() unless every timing line the program printed (as the
        references print theirs for the page's comparison with Rust:
        "timing: ... 42.5 us per call ...") timed work really done: a finite
        figure of at least 1/`share` of the fastest of `rounds` calls here of
        the callable `prepare()` returns (called only when such a line was
        printed; the inputs it builds are not timed). `what` names the work
        in the message ("`in_chunks(100_000, 1_000)`"). An empty timed loop,
        or nothing timed (inf), fails. The work timed here is the task's
        size, so a line that times a much smaller size (under 1/`share` of
        it) fails too: the size the line names is not read yet."""
        own = None
        for line in self.lines:
            found = _TIMING.search(line)
            if not found:
                continue
            printed = float(found.group(1).replace(",", ""))
            if own is None:
                work = prepare()
                fastest = float("inf")
                for _ in range(rounds):
                    started = time.perf_counter()
                    work()
                    fastest = min(fastest, time.perf_counter() - started)
                own = fastest * 1e6
            if not (printed == printed and printed != float("inf") and printed >= own / share):
                fail(f"Your program printed the timing \"{line.strip()[:120]}\", but {what} takes about "
                     f"{own:,.1f} us here: a timing must time the work it names (call it inside the timed loop, "
                     "and keep the fastest round), not an empty loop or nothing at all. Drop the line if you do "
                     "not need it.")

    def unmeasured_byte_figures(self, task_values=()):
        """The byte figures printed that are not what a measurement returned,
        as (line, figure) pairs: every number printed with a byte unit
        ("bytes", "B", "KB", "KiB", "MB", "MiB", "GB", "GiB", or after
        "bytes:") whose digits no provenance mark covers (measured, or
        derived from a measurement), except a round size (`_round`: one
        significant digit), a figure the task names (`task_values`: its
        values in bytes) and a size the program's objects state
        (`layout_facts`). A precise figure typed into a line's text is
        refused like one typed into a name: where it came from is what
        the rule cannot take on trust."""
        found = []
        for index, line in enumerate(self.lines):
            marks = self._measured.get(index, []) + self._derived.get(index, [])
            for match in _BYTE_FIGURE.finditer(line):
                group = "n" if match.group("n") is not None else "n2"
                if _covers(line, marks, match.start(group), match.end(group)):
                    continue
                if _round(match) or _means(match, task_values) or _means(match, self._layout_facts):
                    continue
                found.append((line, match.group(0)))
        return found

    def calls(self, target):
        """What the watched callable `target` saw (check.py must `watch` it)."""
        watched = _RUN.watches.get(target)
        if watched is None:
            raise RuntimeError(f"check.py asks about calls of {target!r} but does not watch({target!r})")
        return watched.calls

    def counting(self, target):
        """`with p.counting(target) as c:`; then c.count is the calls made inside."""
        return _Counting(self.calls(target))

    def measure(self, label, fn):
        """Runs fn() under a fresh tracemalloc trace; records the peak as a
        figure called `label` and returns (fn's result, peak bytes)."""
        was_tracing = _tracemalloc.is_tracing()
        if was_tracing:
            _tracemalloc.stop()
        gc.collect()
        _tracemalloc.start()
        try:
            start = _tracemalloc.get_traced_memory()[0]
            result = fn()
            if not _tracemalloc.is_tracing():
                fail(f"Measuring {label} did not work: the code it runs stopped tracemalloc itself.")
            peak = _tracemalloc.get_traced_memory()[1] - start
        finally:
            _tracemalloc.stop()
            if was_tracing:
                _tracemalloc.start()
        self._figures.append({"label": label, "bytes": int(peak)})
        return result, peak

    def peak(self, label, fn):
        """Like measure(), returning only the peak bytes."""
        return self.measure(label, fn)[1]

    def rerun(self, key, name=None, wrap=None, names=None, modules=None, opener=None):
        """The program's source run again here, as `__main__`, and what it
        printed: a `Rerun`. With `name`, the top-level function or class of
        that name is replaced, right after the statement that defines it, by
        wrap(the program's own) (a wrap that changes a class in place may
        return None); a program whose answer follows from its own code then
        prints a different answer, a typed answer does not. `modules` maps a
        module's name to {attribute: make(the real one)}: the program's
        `import` of that module gives a view with those replaced (`sys`'s
        getsizeof, `pickle`'s loads). `names` go into the run's globals
        first. `opener` stands for `open` wherever the run opens a file: the
        program's `open`, `io.open` as its `import io` sees it, and the real
        `io.open` that `pathlib.Path.open` and `read_bytes` call (put back
        after the run). None when the program defines no top-level `name`. Kept by
        `key`: each re-run costs as much as the program. What the run changes
        of the interpreter's state (tracing, the collector, the recursion
        limit, hooks) is put back."""
        if key in self._reruns:
            return self._reruns[key]
        tree = ast.parse(self.source, self.filename)
        if name is not None:
            at = next((i for i, node in enumerate(tree.body)
                       if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
                       and node.name == name), None)
            if at is None:
                self._reruns[key] = None
                return None
            tree.body.insert(at + 1, ast.parse(f"{name} = __heapwise_rerun__({name})").body[0])
            ast.fix_missing_locations(tree)
        program_file = self.names.get("__file__") or self.filename

        def replace(real):
            replacement = wrap(real)
            return real if replacement is None else replacement

        module = types.ModuleType("__main__")
        space = module.__dict__
        space.update({"__file__": program_file, "__builtins__": builtins, "__heapwise_rerun__": replace})
        if opener is not None:
            names = {"open": opener, **(names or {})}
            modules = dict(modules or {})
            modules["io"] = {**modules.get("io", {}), "open": lambda real: opener}
        if modules:
            space["__builtins__"] = _importing_views(modules)
        space.update(names or {})
        real_open = io.open
        out = io.StringIO()
        raised = None
        limit, profile, trace = sys.getrecursionlimit(), sys.getprofile(), sys.gettrace()
        collecting, thresholds = gc.isenabled(), gc.get_threshold()
        main = sys.modules.get("__main__")
        sys.modules["__main__"] = module
        with contextlib.redirect_stdout(out):
            try:
                if opener is not None:
                    io.open = opener
                exec(compile(tree, program_file, "exec", dont_inherit=True), space)
            except SystemExit:
                pass
            except BaseException as error:  # what it printed before is what counts
                raised = type(error).__name__
            finally:
                io.open = real_open
                if _tracemalloc.is_tracing():
                    _tracemalloc.stop()
                sys.setrecursionlimit(limit)
                sys.setprofile(profile)
                sys.settrace(trace)
                (gc.enable if collecting else gc.disable)()
                gc.set_threshold(*thresholds)
                if main is None:
                    sys.modules.pop("__main__", None)
                else:
                    sys.modules["__main__"] = main
        space.clear()
        self._reruns[key] = Rerun(out.getvalue(), raised)
        return self._reruns[key]

    def _stopped_early(self):
        if self.error is None:
            return ""
        where = f" on line {self.error['line']}" if self.error.get("line") else ""
        return f" (Your program stopped with {self.error['type']}{where}, so the lines after it did not run.)"


def _by_line(stdout, spans):
    """{line index: [(begin, end)]} for (begin, end) offsets into stdout,
    lines as str.splitlines() makes them."""
    if not spans:
        return {}
    starts, at = [], 0
    for line in stdout.splitlines(True):
        starts.append(at)
        at += len(line)
    import bisect
    found = {}
    for begin, end in spans:
        index = bisect.bisect_right(starts, begin) - 1
        if index < 0:
            continue
        found.setdefault(index, []).append((begin - starts[index], end - starts[index]))
    return found


def _covers(line, marks, begin, end):
    """True when one of the `marks` in `line`, less its spaces, sign and
    `%`, is exactly line[begin:end]."""
    for mark_begin, mark_end in marks:
        text = line[mark_begin:mark_end]
        first = mark_begin + len(text) - len(text.lstrip(" +-"))
        last = mark_end - (len(text) - len(text.rstrip(" %")))
        if first == begin and last == end:
            return True
    return False


def _a_or_an(word):
    return ("an " if word[:1].lower() in "aeiou" else "a ") + word
