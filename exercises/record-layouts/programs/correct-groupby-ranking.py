# correct: written from the task alone; the dict layout built with dict(zip(...)), the peaks kept in a dict, printed sorted with sorted(items()), and the ranking made with itertools.groupby: equal peaks joined by " = ", groups by " < "
import sys
import tracemalloc
from collections import namedtuple
from dataclasses import dataclass
from itertools import groupby

FIELDS = ("id", "x", "y", "label")
COUNT = 50_000


class Point:
    def __init__(self, id, x, y, label):
        self.id = id
        self.x = x
        self.y = y
        self.label = label


@dataclass
class PointData:
    id: int
    x: float
    y: float
    label: str


PointTuple = namedtuple("PointTuple", FIELDS)


@dataclass(slots=True)
class PointSlots:
    id: int
    x: float
    y: float
    label: str


def as_dict(*values):
    return dict(zip(FIELDS, values))


def traced_peak(make, n):
    tracemalloc.start()
    try:
        records = [make(i, i * 0.5, i * 0.25, "shared") for i in range(n)]
        peak = tracemalloc.get_traced_memory()[1]
        del records
    finally:
        tracemalloc.stop()
    return peak


makers = {
    "dict": as_dict,
    "plain class": Point,
    "dataclass": PointData,
    "namedtuple": PointTuple,
    "slotted dataclass": PointSlots,
}

for name, make in makers.items():
    print(f"sys.getsizeof, one {name}: {sys.getsizeof(make(1, 0.5, 0.25, 'shared'))} bytes")

peak_of = {name: traced_peak(make, COUNT) for name, make in makers.items()}
print(f"peaks of {COUNT:,} records, smallest first:")
for name, peak in sorted(peak_of.items(), key=lambda item: item[1]):
    print(f"  {peak:>12,} bytes  {name}")

ordered = sorted(peak_of, key=peak_of.get)
groups = [" = ".join(names) for _, names in groupby(ordered, key=peak_of.get)]
print("ranking: " + " < ".join(groups))
