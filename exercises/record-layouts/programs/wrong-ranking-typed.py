# wrong: (e) the ranking line typed from an earlier run, not built from the peaks
# fails: the last line ranks the five layouts by peak, smallest first, with `=` only between equal peaks
import sys
import tracemalloc
from collections import namedtuple
from dataclasses import dataclass

LABEL = "sensor"

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

def traced_peak(make, n):
    tracemalloc.start()
    records = [make(1_000 + i, float(i), float(2 * i), LABEL) for i in range(n)]
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    del records
    return peak

layouts = {
    "dict": dict_record,
    "plain class": PlainRecord,
    "dataclass": DataRecord,
    "namedtuple": TupleRecord,
    "slotted dataclass": SlottedRecord,
}
peaks = {}
for name, make in layouts.items():
    print(f"getsizeof one {name}: {sys.getsizeof(make(1, 1.0, 2.0, LABEL))} bytes")
for name, make in layouts.items():
    peaks[name] = traced_peak(make, 50_000)
order = sorted(peaks, key=peaks.get)
for name in order:
    print(f"{name}: peak {peaks[name]} bytes for 50,000")
print("ranking: slotted dataclass < namedtuple < plain class = dataclass < dict")
