# wrong: measures 5,000 records of each layout and prints ten times those peaks as the peaks of 50,000
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


TupleRecord = namedtuple("TupleRecord", ["id", "x", "y", "label"])


@dataclass(slots=True)
class SlottedRecord:
    id: int
    x: float
    y: float
    label: str


def dict_record(id, x, y, label):
    return {"id": id, "x": x, "y": y, "label": label}


def traced_peak(make, n):
    tracemalloc.start()
    records = [make(1_000 + i, float(i), float(2 * i), LABEL) for i in range(n)]
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    del records
    return peak


makers = {
    "dict": dict_record,
    "PlainRecord": PlainRecord,
    "DataRecord": DataRecord,
    "TupleRecord": TupleRecord,
    "SlottedRecord": SlottedRecord,
}

for name, make in makers.items():
    print(f"getsizeof one {name}: {sys.getsizeof(make(1, 1.0, 2.0, LABEL))} bytes")

peaks = {name: traced_peak(make, N // 10) * 10 for name, make in makers.items()}  # 5,000 records, x10
order = sorted(peaks, key=peaks.get)
for name in order:
    print(f"{name:>14}: {peaks[name]:>12,} bytes peak for {N:,} records")

text = order[0]
for before, after in zip(order, order[1:]):
    text += (" = " if peaks[before] == peaks[after] else " < ") + after
print("ranking: " + text)
