"""Provenance of printed figures: which numbers a program printed are what
a measurement of its own code returned, and which were typed or scaled.

While the program runs, the measuring calls it makes return their usual
values as `MeasuredInt` or `MeasuredFloat`, subclasses of int and float that
print exactly as the plain number does (str, repr, format, f-strings, `%s`;
their type's name and repr say `int` and `float`):

- `sys.getsizeof`;
- `tracemalloc.get_traced_memory()` (the program's view, tracing.py), the
  `size`, `count`, `size_diff` and `count_diff` of the entries
  `Snapshot.statistics` and `Snapshot.compare_to` return, and the `size` of
  each `Trace` of `snapshot.traces`; printing an entry itself (`print(stat)`,
  which formats with `%`) marks its size and count as printed there;
- `os.stat`, `os.lstat` and `os.fstat`'s `st_size` (so `os.path.getsize`,
  and `Path.stat()` where pathlib calls `os.stat`, 3.11 and later).

Arithmetic keeps the mark where the result is still a measurement: a sum or
difference of measured values (adding 0 too, so `sum()` and `total += m`
work), a ratio of two, a measured value divided by a number of at least 1
(per item, or a unit: `/ 1024`, `/ 1e6`), `//`, `round()`, `math.floor`,
`ceil` and `trunc`, `-m`, `abs(m)`. It drops the mark where the result is a
different claim: a measured value times any number that is not 1 (a tenth
measured times 10 is a guess at the whole), divided by less than 1, plus a
typed number, added to itself (`m + m`), and anything else (`%`, `**`,
`int(m)`, `float(m)`, a `float` plus a measured int).

Traced bytes are marked apart (`TracedInt`, `TracedFloat`): what the
program's `get_traced_memory` returns, a snapshot entry's `size` and
`size_diff`, a trace's `size`, and their sums, differences, units and
shares per item. They are the memory some work of the program held, so
scaled up by a typed number (times more than 1, or divided by less than
1) they keep no mark at all: the tenth measured times ten and the thousand
items' share times a million claim what nothing measured, and BYTES_RULE
refuses them like a typed figure. Times a fraction is a unit (`peak *
1e-6` for MB) and stays traced. A size of one object (`sys.getsizeof`,
`struct.calcsize`) times a count keeps the weaker "derived" mark as
before: a layout size times a count is how a task's "work out the least
it can cost" is answered.

When a measured value is formatted (str, repr, format), the text made is
recorded (`_FORMATTED`, at most `_KEPT` pending texts); the stdout tee
(stand_ins._Tee) finds each in the next text written that contains it and
marks where. `Program` reads the marks: `p.sizes(measured=True)`,
`p.measured(match)`, `p.require_measured(match, what)`. A figure is measured
when a mark covers exactly its digits (after the mark's spaces, sign and
`%`), so "1,234" measured does not make "91,234" measured.

Departures from a design that follows each value through the window it
measured: the mark says "a measuring call's result, or arithmetic that
keeps it a measurement", not at what size the work ran. A check that needs
the size ties the figure to it by running the student's own code at the
task's size itself. `%d` and `%f` formatting format the number without the
type's methods, so formatting them records nothing; instead, a write made
from a module-level line that formats with `%` marks the `%d` (and
`%.0f` to `%.3f`) texts of the marked values among the module's names and
of the last 8 values measuring calls returned (`percent_marks`; in such a
program those 8 stay alive a little longer): so `print("%d bytes" % peak)`
and `print("%d" % sys.getsizeof(x))` at module level count, a `%` line
inside a function does not, and a typed figure printed with `%` beside
a module-level name holding a measured twin would count (a known gap).
`int()` and `float()` of a measured value give a plain number (use
`round()`). Nothing is recorded while the checks run: the measuring
functions are the real ones again.

What else it cannot see: a measured value formatted and never printed
leaves its text pending, so a typed figure with the same text printed
later would count; `m + m` loses the mark, but ten measuring calls of the
same small thing added up keep it (a sum of measurements). `type(m) is int`
is False for a marked value (`isinstance` holds).

Cost, measured: a marked value is an instance of a class defined in
Python, which CPython tracks for the collector: 48 bytes where a plain int
takes 32, 40 where a float takes 24. `get_traced_memory` unpacks the real
pair before making the marked one, so the pair reuses the block the real
one freed, but a program's own figure still moves by those 16 bytes for
each marked value it keeps alive inside its own measuring window (a
baseline `before = get_traced_memory()[0]`, a result computed there) and
by what the stand-ins allocate on the way. Every reference run through
the harness with and without this module (CPython 3.11.7, timing lines
aside): 19 of 30 print the same text, 11 move by 16 to 568 bytes
(string-interning's "after del" 96 -> 160, collection-pauses' "held right
after del" 240 -> 256, live-monitor's 18 MB peaks up to +568). Arithmetic
on a marked value runs a Python method instead of the C one (0.5 us
instead of 0.04 on 3.11 here); formatting keeps the text until it is
written.
"""
import array
import builtins
import linecache
import math
import os
import re
import sys

import tracemalloc

# Texts made by formatting a measured value, not yet found in what the
# program wrote; the tee takes them (stand_ins.py). At most _KEPT are kept.
_FORMATTED = []
_KEPT = 256
# The item and data sizes of the arrays the program took len() of, as
# doubles (BYTES_RULE takes them as measured: Program.layout_facts): the
# first _FACTS_KEPT, in an array made before any program runs, so keeping
# one allocates nothing that stays inside the program's measuring windows.
_FACTS_KEPT = 10_000
_FACTS = array.array("d", bytes(8 * _FACTS_KEPT))


class _State:
    """Whether formatting is recorded (only while the program runs), and
    the program's file, for `%`-formatting (see `percent_marks`)."""

    recording = False
    program_file = None
    percent = False  # the program's source formats with `%` somewhere
    slot = 0  # where in _RECENT the next measuring call's value goes
    facts_at = 0  # how many of _FACTS this run filled


_STATE = _State()
# In a program that formats with `%`: the values the last 8 measuring calls
# returned, for `"%d" % sys.getsizeof(x)` (see `percent_marks`).
_RECENT = [None] * 8


def _remember(value):
    if _STATE.percent:
        slot = _STATE.slot
        _RECENT[slot] = value
        _STATE.slot = (slot + 1) & 7
    return value


def _record(text):
    if _STATE.recording:
        formatted = _FORMATTED
        if len(formatted) >= _KEPT:
            del formatted[0]
        formatted.append(text)
    return text


class _LooksPlain(type):
    """The measured types' metaclass: `type(m)` prints as the plain type does."""

    def __repr__(cls):
        return f"<class '{cls.__name__}'>"


def _measured(other):
    return other.__class__ in _MEASURED_KINDS


def _traced(value):
    return value.__class__ is TracedInt or value.__class__ is TracedFloat


def _mark(value, traced=False):
    """`value` (a plain int or float) as a measured one (a traced one, if `traced`)."""
    kind = value.__class__
    if kind is int:
        return TracedInt(value) if traced else MeasuredInt(value)
    if kind is float:
        return TracedFloat(value) if traced else MeasuredFloat(value)
    return value


def _same(self, value):
    """`value` marked as `self` is: measured, or traced."""
    return _mark(value, _traced(self))


def _zero(other):
    kind = other.__class__
    return (kind is int or kind is float) and other == 0


def _divisor(other):
    """A typed number a measured value may be divided by and stay one: at least 1."""
    kind = other.__class__
    return (kind is int or kind is float) and other >= 1


def _derive(value):
    """`value` (a plain int or float) as a derived one: worked out from a
    measurement with typed numbers (see DerivedInt)."""
    kind = value.__class__
    if kind is int:
        return DerivedInt(value)
    if kind is float:
        return DerivedFloat(value)
    return value


def _sum(result, self, other):
    if result is NotImplemented:
        return result
    if _measured(other) and other is not self:
        return _mark(result, _traced(self) or _traced(other))
    if _zero(other):
        return _same(self, result)
    return _derive(result)


def _typed(other):
    kind = other.__class__
    return kind is int or kind is float


def _quotient(result, self, other):
    if result is NotImplemented:
        return result
    if _measured(other):
        return _mark(result)  # a ratio of two measurements: no longer bytes traced
    if _divisor(other):
        return _same(self, result)  # per item, or in a larger unit
    if _traced(self) and _typed(other) and 0 < other < 1:
        return result  # scaled up: divided by a fraction (see _product)
    return _derive(result)


def _product(result, self, other):
    if result is NotImplemented:
        return result
    if other.__class__ is int and other == 1:
        return _same(self, result)
    if _traced(self) and _typed(other):
        # What tracemalloc traced while some work ran, times a typed number:
        # more than 1 claims what a larger work would trace (a tenth
        # measured times ten, a thousand items' peak per item times a
        # million), which nothing measured; left plain, it is refused
        # wherever a measurement is asked for, BYTES_RULE included. At
        # most 1 is a unit (`peak * 1e-6` for MB): still traced.
        return result if other > 1 else _same(self, result)
    return _derive(result)


def _int(int_op, float_op, self, other):
    """int_op(self, other), or with a plain float, float_op on self as a float
    (int's own operators leave a float operand to the float)."""
    result = int_op(self, other)
    if result is NotImplemented and other.__class__ is float:
        return float_op(int.__float__(self), other)
    return result


class MeasuredInt(int, metaclass=_LooksPlain):
    """An int a measuring call returned (see the module's docstring)."""

    __slots__ = ()

    def __repr__(self):
        return _record(int.__repr__(self))

    __str__ = __repr__

    def __format__(self, spec):
        if not spec:
            return _record(int.__repr__(self))
        return _record(int.__format__(self, spec))

    def __reduce_ex__(self, protocol):
        return (int, (int.__index__(self),))

    def __add__(self, other):
        return _sum(_int(int.__add__, float.__add__, self, other), self, other)

    def __radd__(self, other):
        if _zero(other):
            return self
        return _sum(_int(int.__radd__, float.__radd__, self, other), self, other)

    def __sub__(self, other):
        return _sum(_int(int.__sub__, float.__sub__, self, other), self, other)

    def __rsub__(self, other):
        return _sum(_int(int.__rsub__, float.__rsub__, self, other), self, other)

    def __mul__(self, other):
        return _product(_int(int.__mul__, float.__mul__, self, other), self, other)

    def __rmul__(self, other):
        return _product(_int(int.__rmul__, float.__rmul__, self, other), self, other)

    def __truediv__(self, other):
        return _quotient(_int(int.__truediv__, float.__truediv__, self, other), self, other)

    def __floordiv__(self, other):
        return _quotient(_int(int.__floordiv__, float.__floordiv__, self, other), self, other)

    def __rtruediv__(self, other):
        result = _int(int.__rtruediv__, float.__rtruediv__, self, other)
        return _mark(result) if _measured(other) else _derive(result)

    def __rfloordiv__(self, other):
        result = _int(int.__rfloordiv__, float.__rfloordiv__, self, other)
        return _mark(result) if _measured(other) else _derive(result)

    def __neg__(self):
        return _same(self, int.__neg__(self))

    def __pos__(self):
        return self

    def __abs__(self):
        return _same(self, int.__abs__(self))

    def __round__(self, ndigits=None):
        return _same(self, int.__round__(self, ndigits) if ndigits is not None else int.__index__(self))

    def __floor__(self):
        return self

    __ceil__ = __trunc__ = __floor__


class MeasuredFloat(float, metaclass=_LooksPlain):
    """A float a measuring call returned, or a measured int's ratio."""

    __slots__ = ()

    def __repr__(self):
        return _record(float.__repr__(self))

    __str__ = __repr__

    def __format__(self, spec):
        if not spec:
            return _record(float.__repr__(self))
        return _record(float.__format__(self, spec))

    def __reduce_ex__(self, protocol):
        return (float, (float.__float__(self),))

    def __add__(self, other):
        return _sum(float.__add__(self, other), self, other)

    def __radd__(self, other):
        if _zero(other):
            return self
        return _sum(float.__radd__(self, other), self, other)

    def __sub__(self, other):
        return _sum(float.__sub__(self, other), self, other)

    def __rsub__(self, other):
        return _sum(float.__rsub__(self, other), self, other)

    def __mul__(self, other):
        return _product(float.__mul__(self, other), self, other)

    def __rmul__(self, other):
        return _product(float.__rmul__(self, other), self, other)

    def __truediv__(self, other):
        return _quotient(float.__truediv__(self, other), self, other)

    def __floordiv__(self, other):
        return _quotient(float.__floordiv__(self, other), self, other)

    def __rtruediv__(self, other):
        result = float.__rtruediv__(self, other)
        return _mark(result) if _measured(other) else _derive(result)

    def __rfloordiv__(self, other):
        result = float.__rfloordiv__(self, other)
        return _mark(result) if _measured(other) else _derive(result)

    def __neg__(self):
        return _same(self, float.__neg__(self))

    def __pos__(self):
        return self

    def __abs__(self):
        return _same(self, float.__abs__(self))

    def __round__(self, ndigits=None):
        if ndigits is None:
            return _same(self, round(float.__float__(self)))
        return _same(self, float.__round__(self, ndigits))

    def __floor__(self):
        return _same(self, math.floor(float.__float__(self)))

    def __ceil__(self):
        return _same(self, math.ceil(float.__float__(self)))

    def __trunc__(self):
        return _same(self, math.trunc(float.__float__(self)))


class TracedInt(MeasuredInt):
    """A measured int that is bytes tracemalloc traced (the program's
    get_traced_memory, a snapshot's statistics and traces), or a sum,
    difference, unit or per-item share of such: what some work of the
    program held. Scaled up by a typed number it is no longer a measurement
    (`_product`)."""

    __slots__ = ()


class TracedFloat(MeasuredFloat):
    """A measured float that is traced bytes (TracedInt)."""

    __slots__ = ()


_MEASURED_KINDS = frozenset((MeasuredInt, MeasuredFloat, TracedInt, TracedFloat))


class _DerivedText(str):
    """The text of a derived value, as recorded (take_marks tells it apart)."""

    __slots__ = ()


def _record_derived(text):
    if _STATE.recording:
        formatted = _FORMATTED
        if len(formatted) >= _KEPT:
            del formatted[0]
        formatted.append(_DerivedText(text))
    return text


def _derived_op(op):
    """A DerivedInt/DerivedFloat operator: the plain result, derived."""

    def derived(self, *other):
        return _derive(op(self, *other))

    return derived


class DerivedInt(int, metaclass=_LooksPlain):
    """An int worked out from a measurement with typed numbers: a measured
    value scaled (`m * 10`), plus a typed number, or anything done to a
    derived one. Checks never take it for a measurement (a tenth times ten
    is a guess at the whole); only BYTES_RULE, which asks that a byte
    figure come from the program's measurements at all, accepts its text."""

    __slots__ = ()

    def __repr__(self):
        return _record_derived(int.__repr__(self))

    __str__ = __repr__

    def __format__(self, spec):
        return _record_derived(int.__format__(self, spec) if spec else int.__repr__(self))

    def __reduce_ex__(self, protocol):
        return (int, (int.__index__(self),))


class DerivedFloat(float, metaclass=_LooksPlain):
    """A float worked out from a measurement with typed numbers (DerivedInt)."""

    __slots__ = ()

    def __repr__(self):
        return _record_derived(float.__repr__(self))

    __str__ = __repr__

    def __format__(self, spec):
        return _record_derived(float.__format__(self, spec) if spec else float.__repr__(self))

    def __reduce_ex__(self, protocol):
        return (float, (float.__float__(self),))


for _kind, _base in ((DerivedInt, int), (DerivedFloat, float)):
    for _op in ("add", "radd", "sub", "rsub", "mul", "rmul", "truediv", "rtruediv", "floordiv", "rfloordiv",
                "neg", "abs", "round", "floor", "ceil", "trunc"):
        if hasattr(_base, f"__{_op}__"):
            setattr(_kind, f"__{_op}__", _derived_op(getattr(_base, f"__{_op}__")))
del _kind, _base, _op

for _kind, _name in ((MeasuredInt, "int"), (MeasuredFloat, "float"), (TracedInt, "int"), (TracedFloat, "float"),
                     (DerivedInt, "int"), (DerivedFloat, "float")):
    _kind.__name__ = _kind.__qualname__ = _name
del _kind, _name


# The layout-size stand-ins this run put in (see _LAYOUT_STAND_INS).
_LAYOUT = []
# The measuring callables the program gets while it runs, by (owner, name):
# what was there when they went in (the real one, or a watch's recorder),
# which the stand-ins call.
_INNER = {}


def _getsizeof(*args):
    return _remember(MeasuredInt(_INNER["getsizeof"](*args)))


def _with_size(result):
    """An os.stat_result like `result`, its st_size measured."""
    kind, (fields, extra) = result.__reduce__()
    fields = fields[:6] + (_remember(MeasuredInt(fields[6])),) + fields[7:]
    return kind(fields, extra)


def _stat(*args, **kwargs):
    return _with_size(_INNER["stat"](*args, **kwargs))


def _lstat(*args, **kwargs):
    return _with_size(_INNER["lstat"](*args, **kwargs))


def _fstat(*args):
    return _with_size(_INNER["fstat"](*args))


def _statistics(self, *args, **kwargs):
    entries = _INNER["statistics"](self, *args, **kwargs)
    for entry in entries:
        entry.size = TracedInt(entry.size)
        entry.count = MeasuredInt(entry.count)
    return entries


def _compare_to(self, *args, **kwargs):
    entries = _INNER["compare_to"](self, *args, **kwargs)
    for entry in entries:
        entry.size = TracedInt(entry.size)
        entry.size_diff = TracedInt(entry.size_diff)
        entry.count = MeasuredInt(entry.count)
        entry.count_diff = MeasuredInt(entry.count_diff)
    return entries


def _marked_text(entry, text):
    """Records the figures of a Statistic's or StatisticDiff's own text (it
    formats them with `%`, which no method of a marked value sees)."""
    if _STATE.recording:
        for name, sign in (("size", False), ("size_diff", True)):
            value = getattr(entry, name, None)
            if _measured(value):
                _record(tracemalloc._format_size(value, sign).rpartition(" ")[0])
        for name, form in (("count", "%i"), ("count_diff", "%+i")):
            value = getattr(entry, name, None)
            if _measured(value):
                _record(form % value)
        size, count = getattr(entry, "size", None), getattr(entry, "count", None)
        if _measured(size) and _measured(count) and count:
            # ", average=67 B": the size per block, a measurement divided by a count
            _record(tracemalloc._format_size(int.__index__(size) / int.__index__(count), False).rpartition(" ")[0])
    return text


def _statistic_str(self):
    return _marked_text(self, _INNER["Statistic.__str__"](self))


def _statistic_diff_str(self):
    return _marked_text(self, _INNER["StatisticDiff.__str__"](self))


def _trace_size(self):
    return TracedInt(_INNER["Trace.size"].fget(self))


def _len(obj):
    size = _INNER["len"](obj)
    kind = obj.__class__
    if kind is bytes or kind is bytearray or kind is _MMAP or (kind is memoryview and obj.itemsize == 1):
        return _remember(MeasuredInt(size))
    if kind is array.array and _STATE.recording:
        # An array's item size and data size, facts BYTES_RULE takes as
        # measured (Program.layout_facts): its attributes cannot be marked.
        at = _STATE.facts_at
        if at + 2 <= _FACTS_KEPT:
            _FACTS[at] = obj.itemsize
            _FACTS[at + 1] = size * obj.itemsize
            _STATE.facts_at = at + 2
    return size


def layout_facts_seen():
    """The item and data sizes of the arrays the program took len() of."""
    return frozenset(_FACTS[:_STATE.facts_at])


try:
    import mmap as _mmap_module
    _MMAP = _mmap_module.mmap
except ImportError:  # a runtime without mmap
    _MMAP = bytes


# (owner, name, stand-in): put in by `install`, in this order.
_STAND_INS = (
    (sys, "getsizeof", _getsizeof),
    (os, "stat", _stat),
    (os, "lstat", _lstat),
    (os, "fstat", _fstat),
    (tracemalloc.Snapshot, "statistics", _statistics),
    (tracemalloc.Snapshot, "compare_to", _compare_to),
    (tracemalloc.Statistic, "__str__", _statistic_str),
    (tracemalloc.StatisticDiff, "__str__", _statistic_diff_str),
    (tracemalloc.Trace, "size", property(_trace_size)),
    (builtins, "len", _len),
)


# What each stand-in finds its inner callable by, fixed here: a watch may
# put a recording subclass in `tracemalloc.Snapshot`'s place before `install`.
_KEYS = {(id(owner), name): key for (owner, name, _), key in zip(_STAND_INS, (
    "getsizeof", "stat", "lstat", "fstat", "statistics", "compare_to", "Statistic.__str__",
    "StatisticDiff.__str__", "Trace.size", "len"))}


def _key(owner, name):
    return _KEYS[(id(owner), name)]


def _calcsize(*args):
    return _remember(MeasuredInt(_INNER["calcsize"](*args)))


def _sizeof(*args):
    return _remember(MeasuredInt(_INNER["sizeof"](*args)))


# Layout sizes, put in only for a program whose source names the module
# (importing ctypes for every program would move the figures of one that
# imports it inside a measuring window): (module, name, stand-in).
_LAYOUT_STAND_INS = (("struct", "calcsize", _calcsize), ("ctypes", "sizeof", _sizeof))


def _layout_stand_ins(source_lines):
    """(owner, name, stand-in) for the layout-size functions the program's source may call."""
    words = set(re.findall(r"\w+", "".join(source_lines)))
    found = []
    for module_name, name, stand_in in _LAYOUT_STAND_INS:
        if module_name in words:
            try:
                module = __import__(module_name)
            except ImportError:
                continue
            found.append((module, name, stand_in))
    return found


def install(program_file):
    """Before the program runs (after the watches' recorders went in): the
    stand-ins in, formatting recorded. Returns {(owner, name): stand-in}."""
    del _FORMATTED[:]
    _STATE.facts_at = 0
    _RECENT[:] = [None] * 8
    _STATE.program_file = program_file
    source_lines = linecache.getlines(program_file)
    _STATE.percent = any(_PERCENT.search(line) for line in source_lines)
    put = {}
    for owner, name, stand_in in _STAND_INS:
        _INNER[_key(owner, name)] = vars(owner)[name]
        setattr(owner, name, stand_in)
        put[(owner, name)] = stand_in
    _LAYOUT.clear()
    for owner, name, stand_in in _layout_stand_ins(source_lines):
        _INNER[name] = vars(owner)[name]
        setattr(owner, name, stand_in)
        put[(owner, name)] = stand_in
        _LAYOUT.append((owner, name, stand_in))
    _STATE.recording = True
    return put


def remove():
    """After the program: what was there before `install` back, nothing more recorded."""
    _STATE.recording = False
    _STATE.percent = False
    _RECENT[:] = [None] * 8
    for owner, name, stand_in in _STAND_INS:
        if _key(owner, name) in _INNER:
            if vars(owner).get(name) is stand_in:
                setattr(owner, name, _INNER[_key(owner, name)])
    for owner, name, stand_in in _LAYOUT:
        if vars(owner).get(name) is stand_in:
            setattr(owner, name, _INNER[name])
    _LAYOUT.clear()
    _INNER.clear()
    del _FORMATTED[:]


# A `%` format of a number in a line of source: "%d", "%8.1f", "%,d" is no format.
_PERCENT = re.compile(r"%[-+#0]*\d*(?:\.\d+)?[diuf]")
# A figure's text, bounded as a whole number.
_EDGE = "0123456789.,"


def percent_marks(text, start, marks, getframe=sys._getframe):
    """`%d` and `%f` format a marked value without any of its methods, so
    nothing is recorded. For a write made from a line of the program's
    module level that formats with `%`, the marked values among the
    module's names and in _RECENT are marked where their `%d`/`%.Nf` texts stand as whole
    numbers in `text` (not where a mark already is)."""
    frame = getframe(2)
    program_file = _STATE.program_file
    # This write's marks so far, as (begin, end) pairs.
    taken = [(marks[i + 1], marks[i + 2]) for i in range(len(marks) - 3, -1, -3) if marks[i] == start]
    for _ in range(4):
        if frame is None or frame.f_code.co_filename == program_file:
            break
        frame = frame.f_back
    if frame is None or frame.f_code.co_filename != program_file or frame.f_code.co_name != "<module>":
        return []
    lineno = frame.f_lineno
    if not any(_PERCENT.search(linecache.getline(program_file, n)) for n in range(max(lineno - 2, 1), lineno + 1)):
        return []
    found = []
    for value in list(frame.f_globals.values()) + _RECENT:
        kind = value.__class__
        if kind is MeasuredInt or kind is TracedInt:
            texts = (int.__repr__(value),)
        elif kind is MeasuredFloat or kind is TracedFloat:
            texts = tuple("%.*f" % (digits, value) for digits in range(4))
        else:
            continue
        for made in texts:
            at = text.find(made)
            while at >= 0:
                end = at + len(made)
                whole = (at == 0 or text[at - 1] not in _EDGE) and (end == len(text) or text[end] not in _EDGE
                                                                    or text[end] in ".," and text[end + 1:end + 2] not in "0123456789")
                if whole and not any(b < end and at < e for b, e in taken):
                    taken.append((at, end))
                    found += (start, at, end)
                at = text.find(made, end)
    return found


def _place(text, made, since, taken, whole):
    """Where `made` is in `text` from `since`, outside the `taken` spans
    (and bounded as a whole number if `whole`), or -1."""
    at = text.find(made, since)
    while at >= 0:
        end = at + len(made)
        if not any(begin < end and at < stop for begin, stop in taken) and (not whole or (
                (at == 0 or text[at - 1] not in _EDGE or not made[:1].isdigit())
                and (end == len(text) or text[end] not in _EDGE or not made[-1:].isdigit()
                     or text[end] in ".," and text[end + 1:end + 2] not in "0123456789"))):
            return at
        at = text.find(made, at + 1)
    return -1


def take_marks(text, start):
    """The tee's part: which recorded texts `text` (the program's write
    number `start`) contains, as a flat list of write, begin, end (no
    tuple is kept: a kept tuple would come from CPython's free list, and
    the program's own tuples would then be allocated anew inside its
    windows); the texts found are no longer pending."""
    marks = []
    taken = []
    # In the order they were made, each at a place of its own, as a whole
    # number where there is one ("0" not inside "500,000"); only then, the
    # texts no whole number took, inside one: a text formatted earlier and
    # never printed ("9") must not take a place inside a figure a later
    # text is ("9,197,982").
    placed = [-1] * len(_FORMATTED)
    for whole in (True, False):
        cursor = 0
        for index, made in enumerate(_FORMATTED):
            if placed[index] >= 0:
                cursor = placed[index] + len(made)
                continue
            at = _place(text, made, cursor, taken, whole)
            if at < 0:
                at = _place(text, made, 0, taken, whole)
            if at >= 0:
                placed[index] = at
                taken.append((at, at + len(made)))
                cursor = at + len(made)
    left = []
    for index, made in enumerate(_FORMATTED):
        at = placed[index]
        if at < 0:
            left.append(made)
            continue
        # A derived value's text: its write number as ~start (Tee.measured_spans).
        marks += (~start if made.__class__ is _DerivedText else start, at, at + len(made))
    # A measured text printed again in the same write, as a whole number,
    # is the same figure: marked there too ("p.w = 0.0 on each: 0.0 bytes",
    # where the first 0.0 is typed and the second measured).
    for index in range(0, len(marks), 3):
        made = text[marks[index + 1]:marks[index + 2]]
        at = _place(text, made, 0, taken, True)
        while at >= 0:
            taken.append((at, at + len(made)))
            marks += (marks[index], at, at + len(made))
            at = _place(text, made, at + len(made), taken, True)
    _FORMATTED[:] = left
    return marks
