"""Provenance (heapwise_check/provenance.py) tested on one program, by
cpython_checks.py (every pyenv CPython) and checks.test.mjs (Pyodide): each
line of PROGRAM prints one figure, and CHECKS answers, line by line, whether
it is measured; MEASURED is the right answer for the lines it covers. The
program's last line prints measured values every way a program may; its
text must be what the same program prints run plainly, without the harness
(`same_printing`).
"""

PROGRAM = """import json, os, sys, tempfile, tracemalloc
data = list(range(1000))
size = sys.getsizeof(data)
print(size)
print(f"with commas: {size:,} bytes")
print(f"difference: {size - sys.getsizeof([]):,} bytes")
print(f"per item: {size / len(data):.2f} bytes")
print(f"in KiB: {size / 1024:.1f} KiB")
print(f"in MB: {size / 1e6:.3f} MB")
print("summed:", sum(sys.getsizeof(row) for row in ([1] * 10, [2] * 20)))
tracemalloc.start()
kept = [bytes(100) for _ in range(1000)]
current, peak = tracemalloc.get_traced_memory()
snapshot = tracemalloc.take_snapshot()
top = snapshot.statistics("lineno")[0]
tracemalloc.stop()
print(f"peak: {peak:,} bytes")
print(f"biggest line: {top.size:,} bytes")
print("entry:", top)
print("traces:", sum(trace.size for trace in snapshot.traces), "bytes")
print("percent-formatted: %d bytes, %.1f KiB" % (size, size / 1024))
print("percent-formatted inline: %d bytes" % sys.getsizeof(data))
with tempfile.NamedTemporaryFile() as f:
    f.write(bytes(5000))
    f.flush()
    print("file:", os.path.getsize(f.name), "bytes")
print("as json, bytes:", json.dumps({"peak": peak, "kib": round(peak / 1024, 1)}))
print("as json, typed:", json.dumps({"peak": 12345}))
sys.getsizeof(data)
print(f"typed: {8056:,} bytes")
twin = sys.getsizeof(data)
print(f"twin: {int(str(twin)):,} bytes")
tenth = sys.getsizeof(list(range(100)))
print(f"a tenth times 10: {tenth * 10:,} bytes")
print(f"plus a typed number: {size + 64:,} bytes")
print(f"divided by a tenth: {tenth / 0.1:,.0f} bytes")
print(f"doubled: {size + size:,} bytes")
# The lists below answer for each line above and these, not the last.
tracemalloc.start()
before = tracemalloc.get_traced_memory()[0]
grown = [bytes(100) for _ in range(100)]
now, top_peak = tracemalloc.get_traced_memory()
tracemalloc.stop()
print(f"traced peak over the start: {top_peak - before:,} bytes")
print(f"traced now, after the work: {now:,} bytes")
print(f"traced peak in KiB: {top_peak / 1024:.1f} KiB")
print(f"traced peak plus now: {top_peak + now:,} bytes")
print(f"traced, the higher peak: {max(peak, top_peak):,} bytes")
print("traced peak, percent-formatted: %d bytes" % top_peak)
def report(label, nbytes):
    print("traced in a function, %s: %d bytes" % (label, nbytes))
report("peak", top_peak)
def typed_in_a_function():
    print("traced in a function, typed: %d bytes" % 98765)
typed_in_a_function()
for entry in snapshot.statistics("lineno")[:1]:
    print("traced, an entry's size in a loop: %d bytes, %.1f KiB" % (entry.size, entry.size / 1024))
class Box:
    reads = 0
    @property
    def size(self):
        Box.reads += 1
        return 1234
box = Box()
print("a property's value: %d bytes" % box.size)
print("the property was read", Box.reads, "time(s)")
tracemalloc.start()
kept_again = [bytes(100) for _ in range(10)]
freed_again = bytes(5000)
del freed_again
print("traced now, inline with percent: %d bytes" % tracemalloc.get_traced_memory()[0])
tracemalloc.stop()
print("summed with percent: %d bytes" % sum(sys.getsizeof(row) for row in ([1] * 10, [2] * 20)))
tracemalloc.start()
floor = tracemalloc.get_traced_memory()[1]
grown_again = [bytes(100) for _ in range(10)]
print(f"traced peak over the peak at the start: {tracemalloc.get_traced_memory()[1] - floor:,} bytes")
tracemalloc.stop()
print(f"traced peak less a getsizeof: {top_peak - twin:,} bytes")
print(type(size), type(size / 2), repr(size), "%d %s %r" % (size, size, size), format(size, ">10,"), [size], f"{size!r:>8}")
"""
CHECKS = """from heapwise_check import check
@check("which lines are measured")
def _(p):
    return repr([bool(p.sizes([line], measured=True)) for line in p.lines])
@check("which lines are traced")
def _(p):
    return repr([bool(p.sizes([line], measured="traced")) for line in p.lines])
@check("which lines are peaks")
def _(p):
    return repr([bool(p.sizes([line], measured="peak")) for line in p.lines])
@check("which lines are traced, not peaks")
def _(p):
    return repr([bool(p.sizes([line], measured="current")) for line in p.lines])
"""
MEASURED = [True] * 15 + [False] * 7 + [True] * 6 + [True, False, True, False, False] + [True, True, True] + [True]
# Traced, of those: what get_traced_memory, a snapshot's statistics and its
# traces returned (a getsizeof, a file's size and a `%d` of a getsizeof are
# measured, not traced; so is a traced peak less a getsizeof).
TRACED_LINES = ([False] * 7 + [True] * 4 + [False] * 3 + [True] + [False] * 7 + [True] * 6 + [True, False, True, False, False]
                + [True, False, True] + [False])
# Peaks, of those: get_traced_memory()[1], less a traced baseline, in KiB,
# the higher of two, `%d` at module level, and in json (the current size,
# a snapshot's sizes and a peak plus the current size are traced, not peaks).
PEAK_LINES = ([False] * 7 + [True] + [False] * 6 + [True] + [False] * 7 + [True, False, True, False, True, True]
              + [True, False, False, False, False] + [False, False, True] + [False])
# Traced and no peak: the current size, a snapshot's sizes, a sum with a peak in it.
CURRENT_LINES = [traced and not peak for traced, peak in zip(TRACED_LINES, PEAK_LINES)]




def same_printing(under_harness, plain):
    """True when the lines printed under the harness are the plain run's
    (the traced figures aside: a traced figure moves between interpreters)."""
    return len(plain) == len(under_harness) and under_harness[-1].startswith("<class 'int'> <class 'float'> ") and all(
        a == b for a, b in zip(under_harness, plain) if not a.startswith(("peak", "biggest", "entry", "traces", "as json, bytes", "traced")))


# BYTES_RULE (loading.py), the check after every exercise's checks: each
# program's last check passes or fails as named. One check source for all:
# it names "1,024 bytes" as a precise figure of the task.
RULE_CHECKS = """from heapwise_check import check, task_figures

task_figures("1,024 bytes")


@check("ran")
def _(p):
    pass
"""
# A program's start for the traced cases: 100 items built while tracemalloc runs.
TRACED = ("import tracemalloc\ntracemalloc.start()\nbefore = tracemalloc.get_traced_memory()[0]\n"
          "items = [bytes(100) for _ in range(100)]\npeak = tracemalloc.get_traced_memory()[1]\ntracemalloc.stop()\n")
RULE_CASES = [
    ("a getsizeof result formatted", True,
     "import sys\nprint(f'an empty list: {sys.getsizeof([])} bytes')\n"),
    ("a typed figure through a name", False,
     "peak = 8000056\nprint(f'peak: {peak:,} bytes')\n"),
    ("a precise figure typed into the text, nothing measured", False,
     "print('peak: 8,000,056 bytes')\n"),
    ("a measured figure typed into the text after measuring it", False,
     "import sys\nsys.getsizeof(bytes(300))\nprint('typed from the measurement: 333 bytes')\n"),
    ("a small precise figure typed", False,
     "print('one slotted point: 56 bytes')\n"),
    ("a figure in KiB typed to a decimal", False,
     "print(f'peak: {976.6} KiB')\n"),
    ("a figure worked out from typed numbers only", False,
     "print(f'six bits each: {2 ** 14 * 6 // 8:,} bytes')\n"),
    ("a round figure where one object's getsizeof lands, typed", False,
     "print('a list of three lists: 80 bytes')\n"),
    ("a round size in the program's own words", True,
     "print('a struct with 2 bytes of padding after H; an interned 500 kB string; 8 GB of memory')\n"),
    ("a round size formatted from a name", True,
     "size = 100\nprint(f'reading {size} bytes at offset 500,000')\n"),
    ("a measured figure scaled by a typed number (the rule; checks refuse it)", True,
     "import sys\ntenth = sys.getsizeof(bytes(100))\nprint(f'ten times: {tenth * 10:,} bytes')\n"),
    ("a traced peak scaled up by a typed number", False,
     TRACED + "print(f'for 1,000 items: {peak * 10:,} bytes')\n"),
    ("a traced peak per item, times a larger count", False,
     TRACED + "per_item = peak / 100\nprint(f'a million items: {per_item * 1_000_000:,.0f} bytes')\n"),
    ("a traced peak divided by a fraction", False,
     TRACED + "print(f'ten times the work: {peak / 0.1:,.0f} bytes')\n"),
    ("a traced peak per item, and in MB by a fraction", True,
     TRACED + "print(f'{peak / 100:,.1f} bytes per item, {peak * 1e-6:.4f} MB in all')\n"),
    ("a traced difference, summed and rounded", True,
     TRACED + "print(f'{round(sum([peak - before, 0])):,} bytes over the start')\n"),
    ("a traced peak rounded to thousands of bytes (round 18)", False,
     TRACED + "print(f'peak: {round(peak, -3):,} bytes')\n"),
    ("a traced peak in KiB to one decimal", True,
     TRACED + "print(f'peak: {round(peak / 1024, 1)} KiB')\n"),
    ("the task's own precise figure, typed", True,
     "threshold = 1024\nprint(f'lines grown by more than {threshold:,} bytes')\n"),
    ("a bytes object's len()", True,
     "data = bytes(4096)\nprint(f'read {len(data):,} bytes')\n"),
    ("an array's data size, the array deleted before printing", True,
     "from array import array\na = array('q', range(1000))\nsize = len(a) * a.itemsize\ndel a\n"
     "print(f'{size:,} bytes of ints')\n"),
    ("a size of one object times a count, formatted with % in a function", True,
     "import sys\ndef floor(n):\n    print('at least: %d bytes' % (sys.getsizeof(1.0) * n))\nfloor(10_000)\n"),
    ("a typed figure formatted with % in a function", False,
     "def show():\n    print('peak: %d bytes' % 8000056)\nshow()\n"),
    ("a typed figure formatted with % beside a name holding its measured twin", False,
     "import sys\ntwin = sys.getsizeof(bytes(300))\nprint('typed: %d bytes' % 333)\n"),
    ("a typed figure formatted with % beside its measured twin and a call of the program's own function", False,
     "import sys\ntwin = sys.getsizeof(bytes(300))\ndef items():\n    return 3\n"
     "print('typed: %d bytes for %d items' % (333, items()))\n"),
    ("a measured figure from the program's own function formatted with % beside a typed count", True,
     "import sys\ndef size():\n    return sys.getsizeof(bytes(300))\n"
     "print('measured: %d bytes for %d items' % (size(), 3))\n"),
    ("twelve measured figures kept in namedtuples, formatted with % in a function after all were measured", True,
     "import sys\nfrom collections import namedtuple\nSize = namedtuple('Size', 'name size')\n"
     "def show(sizes):\n    for s in sizes:\n        print('%s: %d bytes' % (s.name, s.size))\n"
     "show([Size(str(n), sys.getsizeof(bytes(n))) for n in range(300, 312)])\n"),
    ("a figure formatted with % in a function, written by its caller", True,
     "import sys\ndef row(x):\n    return 'size: %d bytes' % sys.getsizeof(x)\nprint(row(bytes(300)))\n"),
    ("figures formatted with %, kept in a list and printed later", True,
     "import sys\nout = []\nfor n in (300, 500):\n    out.append('size: %d bytes' % sys.getsizeof(bytes(n)))\n"
     "print(*out, sep='\\n')\n"),
    ("a measured figure's text typed into a string, in a program that formats with %", False,
     "import sys\nsize = sys.getsizeof(bytes(300))\nnote = 'count: %d' % 3\nprint('typed: 333 bytes')\n"),
    ("a measured figure typed into a name, in a program that formats with %", False,
     "import sys\nsize = sys.getsizeof(bytes(300))\ntyped = 333\nnote = 'count: %d' % 3\n"
     "print(f'typed: {typed} bytes')\n"),
    ("a measured name formatted with %", True,
     "import sys\ntwin = sys.getsizeof(bytes(300))\nprint('measured: %d bytes' % twin)\n"),
    ("measured pairs kept in a dict by name, formatted with % as `(name,) + pair` after later measurements (round 27)", True,
     "import sys\nfigures = {}\nfor name, n in (('small', 300), ('large', 500)):\n"
     "    figures[name] = (sys.getsizeof(bytes(n)), sys.getsizeof(bytes(n + 100)))\n"
     "later = [sys.getsizeof(bytes(k)) for k in range(10)]\n"
     "for name in ('small', 'large'):\n    print('%-6s %d bytes, then %d bytes' % ((name,) + figures[name]))\n"),
    ("a measured pair formatted with % from its name", True,
     "import sys\npair = (sys.getsizeof(bytes(300)), sys.getsizeof(bytes(500)))\n"
     "print('sizes: %d and %d bytes' % pair)\n"),
    ("a typed pair formatted with % as `(name,) + pair`", False,
     "import sys\ntwin = sys.getsizeof(bytes(300))\nfigures = {'small': (333, 555)}\n"
     "print('%s: %d and %d bytes' % (('small',) + figures['small']))\n"),
    ("a ratio of two measured sizes formatted with % after `float()` (round 27c)", True,
     "import sys\nwhole = sys.getsizeof(bytes(3000))\npart = sys.getsizeof(bytes(300))\n"
     "print('%d bytes against %d: %.2f times' % (whole, part, float(whole) / part))\n"),
    ("a typed share formatted with % after `float()`", False,
     "import sys\nwhole = sys.getsizeof(bytes(3000))\nprint('%.1f bytes an item' % (float(3330) / 3))\n"),
    ("measured figures formatted with % into rows kept on an object, written much later (round 28)", True,
     "import sys\nclass Report:\n    def __init__(self):\n        self.rows = []\n"
     "    def add(self, label, size):\n        self.rows.append('%-10s %9.1f KiB' % (label + ':', size / 1024))\n"
     "report = Report()\nfor n in (3000, 5000):\n    report.add('bytes(%d)' % n, sys.getsizeof(bytes(n)))\n"
     "later = [sys.getsizeof(bytes(k)) for k in range(20)]\n"
     "for row in report.rows:\n    sys.stdout.write(row + '\\n')\n"),
    ("a typed figure formatted with % into a row kept on an object, written later", False,
     "import sys\nrows = []\nsize = sys.getsizeof(bytes(3000))\nrows.append('%-10s %9.1f KiB' % ('typed:', 3033 / 1024))\n"
     "later = [sys.getsizeof(bytes(k)) for k in range(20)]\nsys.stdout.write(rows[0] + '\\n')\n"),
    ("a measured figure formatted with a % format kept in a name, by a mapping", True,
     "import sys\nFMT = '%(label)s: %(size).4f KiB'\nline = FMT % {'label': 'one', 'size': sys.getsizeof(bytes(56)) / 1024}\n"
     "later = [sys.getsizeof(bytes(k)) for k in range(20)]\nprint(line)\n"),
    ("a size times a count, then in KiB, formatted with % (derived: round 28)", True,
     "import sys\nleast = sys.getsizeof(bytes(40)) * 10000\nprint('least: %.1f KiB' % (least / 1024.0))\n"),
    ("a struct.calcsize result", True,
     "import struct\nprint(f'one record: {struct.calcsize(\"<HIdB\")} bytes')\n"),
    ("a measured figure after the same text typed", True,
     "piece = bytes(16)\nprint(f'the 16 bytes read: {len(piece)} bytes')\n"),
]
