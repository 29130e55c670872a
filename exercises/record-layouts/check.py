"""Checks for record-layouts: the four record classes are the layouts the
task names, traced_peak measures, and the printed ranking is the one these
layouts really have (measured here with your classes)."""
import dataclasses
import re
import tracemalloc

from heapwise_check import check, fail

FIELDS = ("id", "x", "y", "label")
ARGS = (1_000, 1.0, 2.0, "sensor")

# What the last line may call each layout: the reference's words or the class names.
NAMES = {
    "slotted dataclass": "SlottedRecord", "SlottedRecord": "SlottedRecord",
    "namedtuple": "TupleRecord", "TupleRecord": "TupleRecord",
    "plain class": "PlainRecord", "PlainRecord": "PlainRecord",
    "dataclass": "DataRecord", "DataRecord": "DataRecord",
    "dict": "dict",
}


def fields_of(record):
    return tuple(getattr(record, name, None) for name in FIELDS)


@check("DataRecord is a @dataclass with id, x, y and label")
def _(p):
    cls = p.get("DataRecord", type)
    if not dataclasses.is_dataclass(cls):
        fail("`DataRecord` is not a dataclass: decorate the class with `@dataclass` and declare the "
             "fields `id: int`, `x: float`, `y: float`, `label: str`.")
    if tuple(f.name for f in dataclasses.fields(cls)) != FIELDS or fields_of(cls(*ARGS)) != ARGS:
        fail(f"`DataRecord`'s fields should be {', '.join(FIELDS)}, in that order.")
    if "__slots__" in vars(cls):
        fail("`DataRecord` has `__slots__`: it is meant to be the ordinary dataclass; keep slots for "
             "`SlottedRecord`.")


@check("TupleRecord is a namedtuple with id, x, y and label")
def _(p):
    cls = p.get("TupleRecord", type)
    if not (issubclass(cls, tuple) and getattr(cls, "_fields", None) == FIELDS):
        fail("`TupleRecord` should be `namedtuple(\"TupleRecord\", [\"id\", \"x\", \"y\", \"label\"])`.")
    if fields_of(cls(*ARGS)) != ARGS:
        fail("`TupleRecord(1000, 1.0, 2.0, \"sensor\")` does not give back its four fields.")


@check("SlottedRecord is a @dataclass(slots=True) with no per-instance __dict__")
def _(p):
    cls = p.get("SlottedRecord", type)
    if not dataclasses.is_dataclass(cls):
        fail("`SlottedRecord` is not a dataclass: use `@dataclass(slots=True)`.")
    record = cls(*ARGS)
    if hasattr(record, "__dict__"):
        fail("`SlottedRecord` instances have a `__dict__`: pass `slots=True` to `@dataclass`.")
    if fields_of(record) != ARGS:
        fail(f"`SlottedRecord`'s fields should be {', '.join(FIELDS)}, in that order.")


@check("traced_peak(make, n) measures building n records")
def _(p):
    traced_peak = p.get("traced_peak", callable)
    peak = traced_peak(lambda *fields: bytearray(1_000), 100)
    if tracemalloc.is_tracing():
        fail("tracemalloc is still tracing after `traced_peak` returned: stop it once you have the peak.")
    if not isinstance(peak, int) or not 100_000 <= peak < 150_000:
        fail(f"`traced_peak(make, 100)` with a `make` that returns a 1,000-byte bytearray reported "
             f"{peak!r}; it should build the 100 records with tracing on and return the peak in bytes, "
             "read while the list is alive.")


@check("the last line ranks the layouts as they measure here")
def _(p):
    said = p.expect_last_line(r"ranking: (.+)", "ranking: slotted dataclass < namedtuple < plain class = dataclass < dict")
    parts = re.split(r"\s*(<|=)\s*", said.group(1).strip())
    names, signs = parts[0::2], parts[1::2]
    layouts = [NAMES.get(name) for name in names]
    if None in layouts or sorted(layouts) != sorted(set(NAMES.values())):
        fail("The ranking should name each of the five layouts once (slotted dataclass, namedtuple, "
             f"plain class, dataclass, dict), joined by ` < ` or ` = `; yours reads \"{said.group(1)}\".")
    makers = {name: p.get(name, type) for name in ("PlainRecord", "DataRecord", "TupleRecord", "SlottedRecord")}
    makers["dict"] = lambda id, x, y, label: {"id": id, "x": x, "y": y, "label": label}
    peaks = {}
    for name, make in makers.items():
        peaks[name] = p.peak(f"10,000 records, {name}",
                             lambda: [make(1_000 + i, float(i), float(2 * i), "sensor") for i in range(10_000)])
    for (before, after), sign in zip(zip(layouts, layouts[1:]), signs):
        a, b = peaks[before], peaks[after]
        tied = abs(a - b) <= 0.005 * max(a, b)
        if (sign == "=") != tied or (sign == "<" and a > b):
            fail(f"Your ranking says {names[layouts.index(before)]} {sign} {names[layouts.index(after)]}, "
                 f"but measured here with your classes they peak at {a:,} and {b:,} bytes for 10,000 "
                 "records. Sort by peak, and join exactly equal peaks with ` = `.")
