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
(per item, or a unit: `/ 1024`, `/ 1e6`), `//`, `round()` to whole units
or decimals, `math.floor`, `ceil` and `trunc`, `-m`, `abs(m)`. It drops the
mark where the result is a different claim: a measured value times any
number that is not 1 (a tenth measured times 10 is a guess at the whole),
divided by less than 1, plus a typed number, added to itself (`m + m`),
rounded to tens, hundreds or thousands of its unit (`round(m, -3)`: a
nicer number than was measured), and anything else (`%`, `**`, `int(m)`,
`float(m)`, a `float` plus a measured int).

Traced bytes are marked apart (`TracedInt`, `TracedFloat`): what the
program's `get_traced_memory` returns, a snapshot entry's `size` and
`size_diff`, a trace's `size`, and their sums, differences, units and
shares per item (a sum or difference with a size that was not traced, a
`sys.getsizeof`, is measured but not traced). They are the memory some work of the program held, so
scaled up by a typed number (times more than 1, or divided by less than
1) they keep no mark at all: the tenth measured times ten and the thousand
items' share times a million claim what nothing measured, and BYTES_RULE
refuses them like a typed figure. Their printed texts are marked traced as
well as measured (`_TracedText`; a mark's end kept as ~end in the tee), so a
check can ask for a figure the task says to trace: `p.measured(match,
traced=True)`, `p.sizes(measured="traced")` (a `sys.getsizeof` of a copy is
measured, but it is not what the copying held at its peak). Times a fraction is a unit (`peak *
1e-6` for MB) and stays traced. What `get_traced_memory()[1]` returns is
a peak as well (`PeakInt`, `PeakFloat`; its text `_PeakText`, a mark's
begin kept as ~begin), and so are that less a traced baseline (`peak -
before`, or less a peak read right after `reset_peak()`), and its units
and shares per item; a sum with a peak in it is traced bytes only. A check asks for a peak
where the task says to print one (`traced="peak"`, `measured="peak"`):
the current size read after the work is traced, but not its peak. A size of one object (`sys.getsizeof`,
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
type's methods, so formatting them records nothing by itself. The `%`
format strings the program's source writes are therefore made Formats
before it runs (percent_formats.py): their `%` records the text of each
marked value it formats, as an f-string would, so a row formatted with
`%` and written later counts. For a format string built at run time, a
write made from a line of the program that formats with `%` reads that
statement's `%` operands again in the writing frame (percent_operands.py: names,
attributes kept in the object, items at an int or string index, tuples
and `+` of tuples, arithmetic, `round`, `len`, `sys.getsizeof`; nothing
of the program's own code runs) and marks
the `%d` (and `%.0f` to `%.3f`) texts of the marked values among them.
Where an operand cannot be read that way (a call of the program's own
function, a generator), the last 8 values measuring calls and arithmetic
on them made count too, and on a module-level line the marked values
among the module's names (`percent_marks`; in such a program those 8 stay
alive a little longer): so `print("%d bytes" % peak)`, `"%d" %
stats[0].size` in a function and `"%d" % sum(sys.getsizeof(x) for x in
xs)` count, and a typed `"%d" % 8056` does not, even beside a name
holding a measured 8056, nor on a line whose other operand is a call of
the program's own function (a number the statement's source types takes
its place in the text before any marked value is looked for).
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

The work is split by job: this module keeps what the run records (the
pending texts, the recent values, the arrays' sizes); measured.py has the
measured and traced values and their arithmetic, derived.py the derived
ones; measuring.py puts the stand-ins for the measuring calls in and takes
them out (`install`, `remove`); text_marks.py finds the recorded texts in
what the program wrote (`take_marks`, `percent_marks`).
"""
import array


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


def _record(text, kind=str):
    """Keeps `text`, just made by formatting a marked value, for the tee to
    find in what the program writes (as `kind`: _TracedText or _DerivedText
    for those values' texts); returns it."""
    if _STATE.recording:
        formatted = _FORMATTED
        if len(formatted) >= _KEPT:
            del formatted[0]
        formatted.append(text if kind is str else kind(text))
    return text


class _LooksPlain(type):
    """The measured types' metaclass: `type(m)` prints as the plain type does."""

    def __repr__(cls):
        return f"<class '{cls.__name__}'>"


class _DerivedText(str):
    """The text of a derived value, as recorded (take_marks tells it apart)."""

    __slots__ = ()


class _TracedText(str):
    """The text of a traced value (TracedInt, TracedFloat), as recorded:
    take_marks marks it measured and, apart, traced."""

    __slots__ = ()


class _PeakText(_TracedText):
    """The text of a traced peak (PeakInt, PeakFloat), as recorded:
    take_marks marks it measured, traced and, apart, a peak."""

    __slots__ = ()


def _record_traced(text):
    return _record(text, _TracedText)


def _record_peak(text):
    return _record(text, _PeakText)


def _record_derived(text):
    return _record(text, _DerivedText)


def layout_facts_seen():
    """The item and data sizes of the arrays the program took len() of."""
    return frozenset(_FACTS[:_STATE.facts_at])
