# correct: round 13: the peaks in MiB under a legend line ("... (MiB):") over indented "name: 7.29" rows
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
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del records
    return peak


LAYOUTS = {"dict": dict_record, "plain class": PlainRecord, "dataclass": DataRecord,
           "namedtuple": TupleRecord, "slotted dataclass": SlottedRecord}
N = 50_000
peaks = {name: traced_peak(make, N) for name, make in LAYOUTS.items()}

print("getsizeof of one record:",
      "; ".join(f"{name}={sys.getsizeof(make(1, 1.0, 2.0, LABEL))}" for name, make in LAYOUTS.items()))
order = sorted(peaks, key=peaks.get)
print(f"peaks for {N:,} records, smallest first (MiB):")
for name in order:
    print(f"  {name}: {peaks[name] / 2**20:.2f}")
parts = [order[0]]
for prev, cur in zip(order, order[1:]):
    parts.append((" = " if peaks[prev] == peaks[cur] else " < ") + cur)
print("ranking: " + "".join(parts))
