"""What a check reads of the printed text (`_PrintedText`, a part of
`Program`): a line by its pattern, the last line, a conclusion, the sizes
printed in any unit a line, a table's heading or a legend gives them, the
lines naming something (on the line or on one it stands under), a line
number; and `fail`. The regexes and the rules for tables and legends are
in patterns.py.
"""
import re

from .figures import _covers
from .patterns import _SIZE, _UNITS, _column_heading, _column_unit, _concluded, _shorten, names_line, under


class CheckFailed(Exception):
    """Raised by fail(): the check did not pass, for the reason given."""


def fail(message: str):
    """Fails the running check with `message`, shown to the student as is."""
    raise CheckFailed(message)


_JUDGED = []  # the Program being judged: one per run


def heading_unit(match):
    """The unit ("KiB", "kB", "MiB" or "MB"; "" when none) that a table's
    heading or a legend gives a number a check's own regex found printed
    bare: `match` is a match on one of p.lines or of a re-run's lines (the
    same string object); the number is its first run of digits. A program
    may print its sizes with the unit once: in a table's heading ("plain
    KiB" over "1727.3") or a legend ("traced peak, KiB: {...}")."""
    program = _JUDGED[0] if _JUDGED else None
    digits = re.search(r"\d[\d,_]*(?:\.\d+)?", match.group(0))
    if program is None or digits is None:
        return ""
    begin, end = match.start() + digits.start(), match.start() + digits.end()
    texts = [program.lines] + [run.lines for run in program._reruns.values() if run is not None]
    for lines in texts:
        for index, line in enumerate(lines):
            if line is match.string:
                return _column_unit(lines, index, begin, end)
    return ""


def heading_of(match, lines=None):
    """The words of the table heading over the number a check's own regex
    found (`match`, on one of p.lines or of a re-run's lines, or of
    `lines`; its first run of digits), as one string ("" when it stands in
    no table): "peak" for the 10705152 under "phase   added   peak"."""
    program = _JUDGED[0] if _JUDGED else None
    digits = re.search(r"\d[\d,_]*(?:\.\d+)?", match.group(0))
    if (program is None and lines is None) or digits is None:
        return ""
    begin, end = match.start() + digits.start(), match.start() + digits.end()
    texts = [lines] if lines is not None else (
        [program.lines] + [run.lines for run in program._reruns.values() if run is not None])
    for lines in texts:
        for index, line in enumerate(lines):
            if line is match.string:
                return " ".join(cell.strip() for cell in _column_heading(lines, index, begin, end))
    return ""


def release_judged():
    """After the checks: the judged program's names are no longer held here."""
    _JUDGED.clear()


def _ratio(size, wanted):
    """How far apart two sizes are, as a ratio of at least 1."""
    return max(size, wanted) / max(min(size, wanted), 1)


class _PrintedText:
    """The printed text as checks read it; a part of `Program`, whose
    `lines`, `last_line`, `_reruns`, `_marks_of` and `_stopped_early` it uses."""

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
        program returned (provenance.py); `lines` are then lines of p.lines.
        With `measured="traced"`, only those tracemalloc traced; with
        `measured="peak"`, only traced peaks, with `measured="current"`,
        only the other traced figures (Program.measured)."""
        found = []
        chosen = self.lines if lines is None else lines
        for index, line in enumerate(chosen):
            marks = (self._marks_of(line, index if lines is None else None,
                                    measured if measured in ("traced", "peak", "current") else False)
                     if measured else None)
            for match in _SIZE.finditer(line):
                if measured and not _covers(line, marks, match.start(1), match.end(2) if match.group(2) else match.end(1)):
                    continue
                value = float(re.sub(r"[,_]", "", match.group(1)) + (match.group(2) or ""))
                unit = (match.group(3) or _column_unit(chosen, index, match.start(), match.end())).lower()
                for factor in _UNITS[unit]:
                    found.append(((index, match.start()), value * factor) if where else value * factor)
        return found

    def sizes_by_place(self, lines=None):
        """{(line index, place among the line's figures): {bytes, ...}}: every
        number printed (or in `lines`, a re-run's) as `sizes` reads it, by
        where it stands, so one figure can be followed from a run to its
        re-run even when it grows wider."""
        found = self.sizes(lines, where=True)
        columns = {}
        for (index, column), _ in found:
            columns.setdefault(index, set()).add(column)
        placed = {}
        for (index, column), value in found:
            placed.setdefault((index, sorted(columns[index]).index(column)), set()).add(value)
        return placed

    def naming(self, pattern, lines=None, flags=0):
        """The printed lines (of p.lines, or a re-run's `lines`) that name
        `pattern` (a regex), on the line itself or on a line it stands
        under: an outer key of printed JSON or a label with the figures
        indented below it (patterns.under). The line objects themselves,
        so p.measured reads their figures."""
        lines = self.lines if lines is None else lines
        return [line for index, line in enumerate(lines)
                if re.search(pattern, line, flags) or any(re.search(pattern, outer, flags) for outer in under(lines, index))]

    def sizes_naming(self, words, near):
        """For each regex in `words`, the size printed (in bytes, as p.sizes
        reads it) on a line that names it and none of the others, nearest
        by ratio to the matching value of `near` (what the check measured):
        (("slot", "dict"), (slotted, plain)) gives the two peaks as the
        program printed them. None when a word has no such line."""
        found = {}
        for index, line in enumerate(self.lines):
            named = [at for at, word in enumerate(words) if re.search(word, line, re.IGNORECASE)]
            if not named:  # named by the line it stands under
                named = [at for at, word in enumerate(words)
                         if any(re.search(word, outer, re.IGNORECASE) for outer in under(self.lines, index)[:1])]
            if len(named) != 1:
                continue
            at = named[0]
            for size in self.sizes([line]):
                if size > 0 and (at not in found or _ratio(size, near[at]) < _ratio(found[at], near[at])):
                    found[at] = size
        return tuple(found[at] for at in range(len(words))) if len(found) == len(words) else None

    def names_line(self, index, n, lines=None):
        """True when p.lines[index] (or a re-run's `lines[index]`) refers to
        line `n` of the program: "line 5", "lineno=5", "solution.py:5", or
        5 in a table's column headed "line" (patterns.names_line)."""
        return names_line(self.lines if lines is None else lines, index, n)
