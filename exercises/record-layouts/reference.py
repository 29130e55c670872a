"""Heapwise reference program for record-layouts (O10, L-288 §2).

Builds 50,000 records with the fields id, x, y and label in five layouts
and ranks the layouts by the peak memory tracemalloc sees while each list
of records is alive.
"""
import platform
import struct
import sys
import time
import tracemalloc
from collections import namedtuple
from dataclasses import dataclass


class PlainRecord:
    def __init__(self, id, x, y, label):
        self.id = id
        self.x = x
        self.y = y
        self.label = label


@dataclass
class DataRecord:
    id: int
    x: float
    y: float
    label: str


TupleRecord = namedtuple("TupleRecord", ["id", "x", "y", "label"])


@dataclass(slots=True)
class SlottedRecord:
    id: int
    x: float
    y: float
    label: str


LABEL = "sensor"  # one string object, referenced by every record
REPEATS = 5  # timed runs; the fastest is the least disturbed by the rest of the machine


def as_dict(id, x, y, label):
    return {"id": id, "x": x, "y": y, "label": label}


LAYOUTS = {
    "dict": as_dict,
    "plain class": PlainRecord,
    "dataclass": DataRecord,
    "namedtuple": TupleRecord,
    "slotted dataclass": SlottedRecord,
}


def traced_peak(make, n):
    tracemalloc.start()
    records = [make(1_000 + i, float(i), float(2 * i), LABEL) for i in range(n)]
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del records
    return peak


def best_time_us(step, calls=1):
    """Microseconds per call of step(): the fastest of REPEATS rounds of `calls` calls."""
    assert not tracemalloc.is_tracing(), "time with tracemalloc off: it slows every allocation"
    fastest = float("inf")
    for _ in range(REPEATS):
        start = time.perf_counter()
        for _ in range(calls):
            step()
        fastest = min(fastest, time.perf_counter() - start)
    return fastest / calls * 1e6


print(f"CPython {platform.python_version()}, {struct.calcsize('P') * 8}-bit")

one = {name: make(1_000, 1.0, 2.0, LABEL) for name, make in LAYOUTS.items()}
for name, record in one.items():
    print(f"one {name}: getsizeof {sys.getsizeof(record)} bytes")

n = 50_000
peaks = {name: traced_peak(make, n) for name, make in LAYOUTS.items()}
ranking = sorted(peaks, key=peaks.get)
print(f"{n:,} records each, smallest peak first:")
for place, name in enumerate(ranking, start=1):
    print(f"  {place}. {name}: {peaks[name]:,} bytes ({peaks[name] / n:.1f} per record)")

# The list traced_peak builds for the smallest layout, then every record read
# back (id + x + y + the label's length), timed with tracemalloc off: the page
# sets this figure beside the Rust variant that builds as many structs sharing
# one label and sums them the same way.
micros = best_time_us(lambda: sum(r.id + int(r.x) + int(r.y) + len(r.label) for r in
                                  [SlottedRecord(1_000 + i, float(i), float(2 * i), LABEL) for i in range(n)]))
print(f"timing: variant optimized at n={n}: {micros:.1f} us per call, best of {REPEATS} (tracemalloc off)")

# Equal peaks are joined with "=", so a tie is not shown as a win.
joined = ranking[0]
for before, after in zip(ranking, ranking[1:]):
    joined += f" {'=' if peaks[before] == peaks[after] else '<'} {after}"
print(f"ranking: {joined}")
