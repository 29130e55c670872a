# wrong: traced_peak starts tracemalloc for show and returns getsizeof of the list plus n times one record (and its __dict__)
# fails: the program measures the layouts' peaks with tracemalloc
# fails: the five layouts' peaks are printed sorted, smallest first
import sys
import tracemalloc
from collections import namedtuple
from dataclasses import dataclass

LABEL = "sensor"
N = 50_000


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


def as_dict(id, x, y, label):
    return {"id": id, "x": x, "y": y, "label": label}


def traced_peak(make, n):
    tracemalloc.start()
    records = []
    for i in range(n):
        records.append(make(1_000 + i, float(i), float(2 * i), LABEL))
    tracemalloc.stop()
    one = records[0]
    extra = sys.getsizeof(one.__dict__) if hasattr(one, "__dict__") else 0
    return sys.getsizeof(records) + n * (sys.getsizeof(one) + extra)


layouts = {
    "dict": as_dict,
    "plain class": PlainRecord,
    "dataclass": DataRecord,
    "namedtuple": TupleRecord,
    "slotted dataclass": SlottedRecord,
}
peaks = {name: traced_peak(make, N) for name, make in layouts.items()}

for name, make in layouts.items():
    print(f"{name:>18}: getsizeof of one record = {sys.getsizeof(make(1, 1.0, 2.0, LABEL))}")

order = sorted(peaks, key=peaks.get)
for name in order:
    print(f"{name:>18}: peak {peaks[name]:,} bytes")

text = order[0]
for before, after in zip(order, order[1:]):
    text += (" = " if peaks[before] == peaks[after] else " < ") + after
print("ranking:", text)
