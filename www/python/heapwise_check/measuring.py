"""The measuring calls' stand-ins (provenance.py): what `sys.getsizeof`,
`os.stat` and its kin, tracemalloc's snapshot statistics and traces,
`len()` of bytes-like objects and, where the source names them,
`struct.calcsize` and `ctypes.sizeof` (and json's encoder, which
formats numbers without their own methods) are while the program runs: the real
call's result, marked. `install` puts them in before the program runs,
`remove` takes them out after it.
"""
import array
import builtins
import linecache
import os
import re
import sys

import tracemalloc

from .measured import MeasuredInt, TracedInt, _measured, _peak, _traced
from .percent_operands import clear as clear_operands, index_operands
from .provenance import _FACTS, _FACTS_KEPT, _FORMATTED, _RECENT, _STATE, _PeakText, _TracedText, _record, _remember
from .text_marks import _PERCENT


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


def _kind_of(value):
    """How a measured value's text is recorded: as a peak, as traced, or plainly measured."""
    return _PeakText if _peak(value) else _TracedText if _traced(value) else str


def _marked_text(entry, text):
    """Records the figures of a Statistic's or StatisticDiff's own text (it
    formats them with `%`, which no method of a marked value sees)."""
    if _STATE.recording:
        for name, sign in (("size", False), ("size_diff", True)):
            value = getattr(entry, name, None)
            if _measured(value):
                _record(tracemalloc._format_size(value, sign).rpartition(" ")[0], _kind_of(value))
        for name, form in (("count", "%i"), ("count_diff", "%+i")):
            value = getattr(entry, name, None)
            if _measured(value):
                _record(form % value)
        size, count = getattr(entry, "size", None), getattr(entry, "count", None)
        if _measured(size) and _measured(count) and count:
            # ", average=67 B": the size per block, a measurement divided by a count
            _record(tracemalloc._format_size(int.__index__(size) / int.__index__(count), False).rpartition(" ")[0], _kind_of(size))
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


def _json_iterencode(self, o, *args, **kwargs):
    """json's encoder writes numbers with `int.__repr__` and `float.__repr__`,
    never a marked value's own: each measured number in `o` is formatted
    here first, as json will write it, so `json.dumps(peaks)` counts."""
    stack, budget = [o], 100_000
    while stack and budget:
        budget -= 1
        item = stack.pop()
        kind = item.__class__
        if _measured(item):
            repr(item)
        elif issubclass(kind, dict):  # json writes a dict subclass as a dict, a namedtuple as a list
            stack.extend(reversed([part for pair in dict.items(item) for part in pair]))
        elif issubclass(kind, (list, tuple)):
            stack.extend(reversed(item))
    return _INNER["iterencode"](self, o, *args, **kwargs)


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
    if "json" in words:  # a figure printed by json.dumps
        import json
        found.append((json.JSONEncoder, "iterencode", _json_iterencode))
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
    if _STATE.percent:
        index_operands("".join(source_lines))
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
    clear_operands()
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
