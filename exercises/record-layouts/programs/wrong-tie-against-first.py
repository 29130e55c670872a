# wrong: held-out round 12 (tester B): the ranking compares each peak with the smallest, not its neighbour, so the tie of plain class and dataclass is printed "<"
# fails: where two layouts' peaks are exactly equal, the ranking joins them with ` = `
import sys
import tracemalloc
from collections import namedtuple
from dataclasses import dataclass

SHARED_LABEL = "sensor"
HOW_MANY = 50_000


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


TupleRecord = namedtuple("TupleRecord", "id x y label")


@dataclass(slots=True)
class SlottedRecord:
    id: int
    x: float
    y: float
    label: str


def dict_record(id, x, y, label):
    return {"id": id, "x": x, "y": y, "label": label}


MAKERS = {
    "dict": dict_record,
    "plain class": PlainRecord,
    "dataclass": DataRecord,
    "namedtuple": TupleRecord,
    "slotted dataclass": SlottedRecord,
}


def traced_peak(make, n):
    tracemalloc.start()
    batch = [make(1_000 + i, float(i), float(2 * i), SHARED_LABEL) for i in range(n)]
    top = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    del batch
    return top


peaks = {}
for label, maker in MAKERS.items():
    peaks[label] = traced_peak(maker, HOW_MANY)

print("sys.getsizeof of one record:")
for label, maker in MAKERS.items():
    print(f"  {label:<18} {sys.getsizeof(maker(1, 1.0, 2.0, SHARED_LABEL)):>4} B")

order = sorted(peaks, key=lambda k: peaks[k])
print(f"peak for {HOW_MANY:,} records, smallest first:")
for label in order:
    print(f"  {label:<18} {peaks[label] / 1024:>9.1f} KiB")

line = order[0]
for prev, cur in zip(order, order[1:]):
    line += (" = " if peaks[order[0]] == peaks[cur] else " < ") + cur
print("ranking:", line)
