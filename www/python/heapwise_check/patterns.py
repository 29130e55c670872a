"""Regexes for what a program may print, as checks use them (`number`,
`loose`, `line_ref`; the package's docstring is their manual), and the
readings of printed text the harness's own `Program` and `Rerun` share:
a line's True or False conclusion, a timing line, a size, a line shortened
for a message.
"""
import re


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

# A table's column heading that names a unit: "plain KiB", "(MB)", "peak_kib".
_HEADING_UNIT = re.compile(r"(?i)(?:^|[\W_])(kib|kb|mib|mb)(?![a-z])")
_CELL = re.compile(r"\S+")


def _column_heading(lines, index, begin, end):
    """The words a table's heading has over lines[index][begin:end]: going
    up from the line above, past rows whose text in those columns is a
    figure (or a rule of dashes), the first line with text there; its
    cells in those columns, or [] when a blank line or the top comes
    first. A program may print figures in a table, with what they are
    (a unit, "line") once, in its heading."""
    if not _TABLE_ROW.search(lines[index]):
        return []  # a sentence, not a row of a table
    for above in range(index - 1, max(index - 200, -1), -1):
        line = lines[above]
        if not line.strip() or _FIGURE_WITH_UNIT.search(line):
            return []  # the table starts below a blank line or a line of figures
        cells = [cell.group(0) for cell in _CELL.finditer(line) if cell.start() < end and cell.end() > begin]
        if not cells:
            continue
        if all(_SIZE.fullmatch(cell.strip("()[]|%x+-\u2212")) or not cell.strip("-=|+:") for cell in cells):
            continue  # a row of figures, or a rule of dashes
        return cells
    return []


# A table's row: its cells apart by two spaces or more, a tab or a bar.
_TABLE_ROW = re.compile(r"\S(?: {2,}|\t| ?\| ?)\S")
# A figure with its unit: a line holding one is a row of figures, not a heading.
_FIGURE_WITH_UNIT = re.compile(r"\d\s*(?i:bytes?|kib|kb|mib|mb|gib|gb|%)(?![a-z])|\dB\b")
_UNIT_AFTER = re.compile(r"\s*(?i:bytes?\b|b\b|kib|kb|mib|mb|gib|gb|%|k\b|m\b)")


_SPELLED = {"kib": "KiB", "kb": "kB", "mib": "MiB", "mb": "MB"}  # one spelling, whatever the heading's case


def _column_unit(lines, index, begin, end, bytes_too=False):
    """The byte unit ("KiB", "kB", "MiB", "MB") that a table's heading
    gives the bare number at lines[index][begin:end] ("plain KiB" over
    "1727.3"), or a legend (`_legend`); "" when the number has a unit of
    its own, or the heading names none, or two. With `bytes_too`, "bytes"
    where a legend names bytes (BYTES_RULE: a bare number is then a byte
    figure; to the checks it is bytes either way)."""
    if _UNIT_AFTER.match(lines[index], end):
        return ""
    said = {found.group(1).lower() for cell in _column_heading(lines, index, begin, end)
            for found in _HEADING_UNIT.finditer(cell)}
    if said:
        return _SPELLED[said.pop()] if len(said) == 1 else ""
    unit = _legend(lines, index, begin, end)
    return "" if unit is None or (unit == "bytes" and not bytes_too) else unit


# A legend: a label naming the unit once, then a colon ("traced peak, KiB:",
# "peaks for 50,000 records (MiB):"); a line saying it of every figure
# printed ("(all figures are bytes)", "every size in KiB").
_LEGEND = re.compile(r"^\s*([^:{}\[\]'\"]*?)\s*:\s*[{\[]?\s*$")
_LEGEND_UNIT = re.compile(r"(?i)(?:^|[\W_])(kib|kb|mib|mb|bytes?)(?![a-z])")
_EVERY_FIGURE = re.compile(r"(?i)^\D*\b(?:all|every|each)\b\D*\b(?:figures?|sizes?|numbers?|peaks?|values?)\b"
                           r"\D*\b(?:are|is|in)\s+(kib|kb|mib|mb|bytes?)(?![a-z])\D*$")
_NOT_IN_BLOCK = re.compile(r"^\S(?<![{}\[\]'\"])")


def _legend_says(label):
    """The unit a legend's label names ("KiB", ..., "bytes"), or None: none, two, or a figure with its unit."""
    if _FIGURE_WITH_UNIT.search(label):
        return None
    said = {found.group(1).lower().rstrip("s") for found in _LEGEND_UNIT.finditer(label)}
    if len(said) != 1:
        return None
    unit = said.pop()
    return "bytes" if unit == "byte" else _SPELLED[unit]


def _legend(lines, index, begin, end):
    """The unit ("KiB", ..., "bytes") a legend gives the bare number at
    lines[index][begin:end], or None: one earlier on its line, before the
    colon its values follow ("traced peak, KiB: {'churn': 15617.7}"); one
    on the line above a block of indented (or bracketed) lines the number
    is in ("peaks (MiB):" over "  slotted dataclass: 7.29"); a line of the
    output saying it of every figure ("(all figures are bytes)"). Never for
    a number inside quotes (a name such as "run/30000") or followed by a
    word (a count: "1,000 records"), unless it is a key's value."""
    line = lines[index]
    before = line[:begin]
    if before.count("'") % 2 or before.count('"') % 2:
        return None
    if re.match(r"\s*[A-Za-z]", line[end:]) and not re.search(r"[=:]\s*$", before):
        return None  # a count ("1,000 records"), unless the value of a key ("dict=2,336,320 list=...")
    label, colon, _ = before.partition(":")
    if colon:  # "rows + 3 inner lists (KiB): 23.688"; a label with a figure and its unit names no legend
        said = _legend_says(label)
        if said is not None:
            return said
    if not _NOT_IN_BLOCK.match(line):
        for above in range(index - 1, max(index - 200, -1), -1):
            text = lines[above]
            if not text.strip():
                break
            if _NOT_IN_BLOCK.match(text):
                found = _LEGEND.match(text)
                said = _legend_says(found.group(1)) if found else None
                if said is not None:
                    return said
                break
    return _every_figure(lines)


_EVERY_SEEN = [None, None]  # the last output read for a line said of every figure, and what it said


def _every_figure(lines):
    """The unit a line of `lines` says of every figure ("(all figures are
    bytes)"), or None; read once per output (short lines without digits)."""
    if _EVERY_SEEN[0] is not lines:
        said = {found.group(1).lower().rstrip("s") for line in lines
                if len(line) <= 200 and not any(c.isdigit() for c in line)
                for found in [_EVERY_FIGURE.match(line)] if found}
        unit = said.pop() if len(said) == 1 else None
        _EVERY_SEEN[:] = [lines, None if unit is None else "bytes" if unit == "byte" else _SPELLED[unit]]
    return _EVERY_SEEN[1]


_LINE_HEADING = re.compile(r"(?i)^(?:line(?:no|_?number)?s?|ln|#)\W*$")


def names_line(lines, index, n):
    """True when lines[index] refers to line `n` of the program: as
    line_ref reads it ("line 5", "solution.py:5"), or as the bare number
    in a table column headed "line" ("lineno", "#")."""
    line = lines[index]
    if re.search(line_ref(n), line):
        return True
    for found in re.finditer(r"(?<![\w.,+\-\u2212])0*" + str(int(n)) + r"(?![\w.,]\d|\d)", line):
        cells = _column_heading(lines, index, found.start(), found.end())
        if len(cells) == 1 and _LINE_HEADING.match(cells[0]):
            return True
    return False


def _concluded(lines, phrase):
    """(index, True or False) of the last of `lines` that says `phrase`
    followed by True or False (Program.conclusion), or None."""
    pattern = re.compile(loose(phrase) + r"[\W_]*\b(True|False)\b(?!.*\b(?:True|False)\b)", re.IGNORECASE)
    for index in range(len(lines) - 1, -1, -1):
        found = pattern.search(lines[index])
        if found:
            return index, found.group(1).lower() == "true"
    return None


def _a_or_an(word):
    return ("an " if word[:1].lower() in "aeiou" else "a ") + word


def _indent(line):
    return len(line) - len(line.lstrip())


def under(lines, index):
    """The lines lines[index] stands under: going up, each nearer line
    indented less than the last one found (an outer key of printed JSON,
    a label the figures below it belong to: "EagerView": { over
    "after_create": 416048), to a blank line or the top."""
    found, depth = [], _indent(lines[index])
    for above in range(index - 1, -1, -1):
        line = lines[above]
        if not line.strip():
            break
        if _indent(line) < depth:
            found.append(line)
            depth = _indent(line)
            if depth == 0:
                break
    return found

