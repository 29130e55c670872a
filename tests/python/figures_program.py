"""The figures a check reads (Program.printed_figures, printed_again,
unmoved) and struct_view, tested on one program by cpython_checks.py (every
pyenv CPython) and checks.test.mjs (Pyodide): CHECKS re-runs PROGRAM with
`size` answering 1,000 more and a `struct` whose "<HIdB" is three bytes
longer, and returns what it read, then with an `opener` that sees each
file the program opens (its `open`, pathlib's); `problems(result)` says what is wrong in
the result run_exercise gave.
"""

PROGRAM = """\
import pathlib
import struct
import tempfile
where = pathlib.Path(tempfile.mkdtemp()) / "kept.bin"
where.write_bytes(b"abc")
with open(where, "rb") as handle:
    handle.read()
where.read_bytes()
def size():
    return 56
print(f"one: {size()} bytes, typed: 80 bytes, total 3")
for k in range(size() // 28):
    print(f"round {k}:   {size() + k} bytes")
print("weakref: 40 -> 48 bytes, 40 to 48 B, bytes: 1,024, 9.8 KiB, 1.0 MiB; x86 0x7f3a 1e6 3.11.7 50%")
print(f"record: {struct.calcsize('<HIdB')} bytes, {struct.Struct(b'<HIdB').size} again, {struct.calcsize('<H')} bytes")
if size() < 100:
    print("a small size: no figure, and a line the re-run does not print")
"""

# A table as a program may print one: the unit in the heading, line numbers
# under "line". The 40 in "saved B/rec" stays bytes; 13 and 8 are lines,
# the 40 on the last line is not (its column says "blocks").
TABLE = """\
 line  peak KiB  size MB  blocks  saved B/rec
-----  --------  -------  ------  -----------
   13    1727.3      1.5      40         40.5
    8      -2.0     0.25       2           13
"""

# A unit said once, in a legend: before the colon its values follow, or on
# the line above an indented block. Not for a number in quotes (a name) or
# followed by a word (a count), nor past the block.
LEGEND = """\
traced peak, KiB: {'churn': 15617.7, 'run/30000': 57.3}
peaks for 50,000 records (MiB):
  slotted: 7.29
  after 1,000 records: 3.5
done: 12
"""
# A legend said of every figure printed.
EVERY_FIGURE = """\
peaks: dict=233,632 list=480,144 for 5,000 ids
(all figures are KiB)
"""

# Figures named by the line they stand under: printed JSON's outer key.
NAMED = """\
traced bytes per kind:
{
  "EagerView": {
    "after_create": 416048
  },
  "CowView": {
    "after_create": 816
  }
}
EagerView in all: 5
"""

CHECKS = """\
import re
from heapwise_check import check, heading_of, struct_view
TABLE = TABLE_TEXT
LEGEND = LEGEND_TEXT
NAMED = NAMED_TEXT
EVERY_FIGURE = EVERY_TEXT
@check('c')
def _(p):
    run = p.rerun('moved', 'size', lambda real: lambda: real() + 1000,
                  modules={'struct': struct_view({'< HIdB': '<HIdB3x'})})
    every = [(f.text, f.unit, f.number, f.values, f.index, f.column) for f in p.printed_figures()]
    unmoved = [(f.text, f.index) for f in p.unmoved(run)]
    both = [(f.text, f.index) for f in p.unmoved(run, run.lines[:1])]
    pairs = [(f.text, g.text, g.index) for f, g in p.printed_again(run) if f.index == 2]
    kib = [f for f in p.printed_figures() if f.unit == 'KiB'][0]
    return repr((every, unmoved, both, pairs, kib.means(10_000), kib.means(10_100), run.lines[-1]))
@check('opener')
def _(p):
    import io, pathlib
    seen = []
    def opener(file, mode='r', *args, **kwargs):
        seen.append(mode)
        return open(file, mode, *args, **kwargs)
    accessor = vars(getattr(pathlib, '_NormalAccessor', object))
    before = accessor.get('open')
    p.rerun('opened', opener=opener)
    return repr((seen, io.open is open and accessor.get('open') is before))
@check('table')
def _(p):
    table = TABLE.splitlines()
    sizes = p.sizes(table, where=True)
    read = {(at[0], at[1]): size for at, size in sizes}
    named = [(n, [index for index in range(len(table)) if p.names_line(index, n, table)]) for n in (13, 8, 40)]
    headings = [heading_of(m, table) for m in re.finditer(r"-?[0-9][0-9.]*", table[2])]
    return repr((read[(2, 9)], read[(2, 21)], read[(3, 20)], read[(2, 30)], named, headings))
@check('naming')
def _(p):
    lines = NAMED.splitlines()
    named = p.naming('EagerView', lines)
    return repr([index for index, line in enumerate(lines) if any(line is found for found in named)])
@check('legend')
def _(p):
    return repr((sorted((at[0], at[1], size) for at, size in p.sizes(LEGEND.splitlines(), where=True)),
                 [size for _, size in p.sizes(EVERY_FIGURE.splitlines(), where=True)]))
"""
CHECKS = CHECKS.replace("TABLE_TEXT", repr(TABLE)).replace("LEGEND_TEXT", repr(LEGEND)).replace("NAMED_TEXT", repr(NAMED)).replace("EVERY_TEXT", repr(EVERY_FIGURE))


def _legend_read():
    """What p.sizes should read in LEGEND: (line, column, bytes)."""
    lines = LEGEND.splitlines()
    at = lambda index, text: (index, lines[index].index(text))
    return sorted([(*at(0, "15617.7"), 15617.7 * 1024), (*at(0, "30000"), 30000.0), (*at(0, "57.3"), 57.3 * 1024),
                   (*at(1, "50,000"), 50000.0), (*at(2, "7.29"), 7.29 * 2 ** 20), (*at(3, "1,000"), 1000.0),
                   (*at(3, "3.5"), 3.5 * 2 ** 20), (*at(4, "12"), 12.0)])

# Every number PROGRAM prints: (text, unit, number, values in bytes, line, column).
# "x86 0x7f3a 1e6 3.11.7" holds none; each end of "40 -> 48 bytes" is in bytes.
EVERY = [("56", "bytes", 56, (56,), 0, 5), ("80", "bytes", 80, (80,), 0, 22), ("3", "", 3, (3,), 0, 38),
         ("0", "", 0, (0,), 1, 6), ("56", "bytes", 56, (56,), 1, 11),
         ("1", "", 1, (1,), 2, 6), ("57", "bytes", 57, (57,), 2, 11),
         ("40", "bytes", 40, (40,), 3, 9), ("48", "bytes", 48, (48,), 3, 15),
         ("40", "B", 40, (40,), 3, 25), ("48", "B", 48, (48,), 3, 31),
         ("1,024", "bytes", 1024, (1024,), 3, 44), ("9.8", "KiB", 9.8, (9.8 * 1024,), 3, 51),
         ("1.0", "MiB", 1.0, (2.0 ** 20,), 3, 60), ("50", "", 50, (50,), 3, 91),
         ("15", "bytes", 15, (15,), 4, 8), ("15", "", 15, (15,), 4, 18), ("2", "bytes", 2, (2,), 4, 28)]

# Moved in the re-run: `size()` and what follows it, the record's size. The
# 2-byte record stays, on a line the re-run prints 35 lines later (37 rounds).
UNMOVED = [("80", 0), ("3", 0), ("0", 1), ("1", 2)] + [
    (text, 3) for text in ("40", "48", "40", "48", "1,024", "9.8", "1.0", "50")] + [("2", 4)]


def problems(result):
    """What is wrong in run_exercise(PROGRAM, CHECKS)'s result, in words."""
    check = result["checks"][0] if result["checks"] else {}
    if not check.get("passed"):
        return [f"the figures program did not run: {result['error']} {result['checks']}"]
    every, unmoved, both, pairs, means, means_not, record = eval(check["message"])  # the check's repr
    found = []
    if every != EVERY:
        found.append(f"p.printed_figures() of the figures program: {every!r}")
    if unmoved != UNMOVED:
        found.append(f"p.unmoved(run) of the figures program: {unmoved!r}")
    if both != [("80", 0), ("3", 0)]:
        found.append(f"p.unmoved(run, its first line): {both!r}")
    # The k-th line of a shape pairs with the k-th of the re-run.
    if pairs != [("1", "1", 2), ("57", "1057", 2)]:
        found.append(f"p.printed_again(run) of the second round line: {pairs!r}")
    if not means or means_not:
        found.append(f"9.8 KiB means 10,000 bytes: {means}; 10,100: {means_not}")
    if record != "record: 18 bytes, 18 again, 2 bytes":
        found.append(f"struct_view's record in the re-run: {record!r}")
    # rerun(opener=...) sees the program's `open` and pathlib's, and puts io.open
    # (and CPython 3.10's pathlib accessor's copy) back.
    opened = eval(result["checks"][1]["message"]) if len(result["checks"]) > 1 else None
    if opened != (["wb", "rb", "rb"], True):
        found.append(f"rerun(opener=...): the modes it saw and io.open put back: {opened!r}")
    # A bare number under a heading with a unit is in that unit (MB's last reading
    # is 2 ** 20, as `where` keeps one pair per reading); "line" heads line numbers.
    table = eval(result["checks"][2]["message"]) if len(result["checks"]) > 2 else None
    if table != (1727.3 * 1024, 1.5 * 2 ** 20, 0.25 * 2 ** 20, 40.0, [(13, [2]), (8, [3]), (40, [])],
                 ["line", "peak KiB", "MB", "blocks", "B/rec"]):
        found.append(f"a table's heading units, line column and headings (p.sizes, p.names_line, heading_of): "
                     f"{table!r}")
    named = eval(result["checks"][3]["message"]) if len(result["checks"]) > 3 else None
    if named != [2, 3, 9]:
        found.append(f"p.naming: the lines naming EagerView, or under a line that does, are {named!r}, not [2, 3, 9]")
    legend, every = eval(result["checks"][4]["message"]) if len(result["checks"]) > 4 else (None, None)
    if every != [233632 * 1024.0, 480144 * 1024.0, 5000.0]:
        found.append(f"a legend said of every figure (p.sizes): {every!r}")
    if legend is None or [(i, c) for i, c, _ in legend] != [(i, c) for i, c, _ in _legend_read()] or any(
            abs(got - want) > 1e-6 * want for (_, _, got), (_, _, want) in zip(legend, _legend_read())):
        found.append(f"a legend's unit (p.sizes): {legend!r}, wanted {_legend_read()!r}")
    return found
