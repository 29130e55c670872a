"""The figures a program printed, read from its text: byte figures as
BYTES_RULE reads them (`byte_values`, `_round`, `layout_facts`), every
printed number as a `Figure` (`p.printed_figures`, `p.printed_again`,
`p.unmoved`, through `_PrintedFigures`, a part of `Program`), and where the
provenance marks (provenance.py) stand in each printed line (`_by_line`,
`_covers`).
"""
import re

from .patterns import _column_heading, _column_unit, number


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


def _read_line(line, index, lines):
    """(the line's shape, its Figures): the shape is the line with each
    number blanked to "#" and its runs of spaces made one, so the same
    line in another run has the same shape. A bare number takes the unit
    its table column's heading or a legend gives it (patterns._column_unit,
    as BYTES_RULE reads it), in `lines`, the output the line is in."""
    found = list(_PRINTED.finditer(line))
    units = [match.group("u") or "" for match in found]
    for at in range(len(found) - 1, -1, -1):
        if units[at]:
            continue
        if at + 1 < len(found) and units[at + 1] and _RANGE.fullmatch(line, found[at].end(), found[at + 1].start()):
            units[at] = units[at + 1]
        elif _BYTES_BEFORE.search(line, 0, found[at].start()):
            units[at] = "bytes"
        else:
            units[at] = _column_unit(lines, index, found[at].start("n"), found[at].end("n"))
    figures = [Figure(line, index, match.start(), match.group("n"), unit) for match, unit in zip(found, units)]
    shape = _PRINTED.sub(lambda match: "#" + match.group(0)[len(match.group("n")):], line)
    return " ".join(shape.split()), figures


def _by_shape(lines):
    """{(shape, k): the Figures of the k-th line of that shape} for `lines`."""
    seen, found = {}, {}
    for index, line in enumerate(lines):
        shape, figures = _read_line(line, index, lines)
        k = seen[shape] = seen.get(shape, -1) + 1
        found[(shape, k)] = figures
    return found


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


class _PrintedFigures:
    """The part of `Program` (program.py) that reads the numbers it
    printed as Figures, and its byte figures no measurement returned."""

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

    def size_matches(self, *sizes):
        """Regex matches on p.lines (for p.measured, p.require_measured) of
        every printed figure that is one of `sizes` in bytes: the whole
        number itself ("56", "1,024"), or a figure in a unit of bytes that
        is that size to its decimals ("0.0547 KiB", "434.0 KiB"; the unit
        after it, or heading its column or legend: "shallow (KiB): 0.086").
        In the order printed, whole numbers first."""
        whole = re.compile("(" + "|".join(number(size) for size in sizes) + ")")
        found = [m for m in (whole.search(line) for line in self.lines) if m]
        found += [re.compile(f"({re.escape(figure.text)})").match(figure.line, figure.column)
                  for figure in self.printed_figures()
                  if figure.unit and any(figure.number != size and figure.means(size) for size in sizes)]
        return [m for m in found if m]

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

    def unmeasured_byte_figures(self, task_values=()):
        """The byte figures printed that are not what a measurement returned,
        as (line, figure) pairs: every number printed with a byte unit
        ("bytes", "B", "KB", "KiB", "MB", "MiB", "GB", "GiB", or after
        "bytes:") whose digits no provenance mark covers (measured, or
        derived from a measurement), except a round size (`_round`: one
        significant digit), a figure the task names (`task_values`: its
        values in bytes) and a size the program's objects state
        (`layout_facts`). A bare number in a table column whose heading
        names the unit, or under a legend that does (patterns._column_unit),
        counts as one in that unit. A precise figure typed into a line's
        text is refused like one typed into a name: where it came from is
        what the rule cannot take on trust."""
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
            # A bare number in a table column whose heading names the unit ("peak KiB"), or under a legend
            # naming one ("(all figures are bytes)"), is a byte figure too.
            for match in _PRINTED.finditer(line):
                if match.group("u"):
                    continue
                unit = _column_unit(self.lines, index, match.start("n"), match.end("n"), bytes_too=True)
                if not unit or _covers(line, marks, match.start("n"), match.end("n")):
                    continue
                if unit == "bytes" and float(re.sub(r"[,_]", "", match.group("n"))) < 1_000:
                    continue  # a legend's small bare numbers: offsets, alignments, counts as often as sizes
                if not _column_heading(self.lines, index, match.start("n"), match.end("n")) and \
                        re.search(r"[A-Za-z_]\s*$", line[:match.start("n")]):
                    continue  # under a legend, a number after a word ("run 12") names something; a value follows = or :
                said = _BYTE_FIGURE.match(f"{match.group('n')} {unit}")
                if said is None or _round(said) or _means(said, task_values) or _means(said, self._layout_facts):
                    continue
                found.append((line, f"{match.group('n')} (under {unit})"))
        return found
