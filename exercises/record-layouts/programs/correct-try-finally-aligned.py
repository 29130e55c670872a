# correct: traced_peak reads the peak inside try/finally and stops tracing in finally; makers in a dict; sizes printed in an aligned column; the ranking built from pieces
import sys
import tracemalloc
from collections import namedtuple
from dataclasses import dataclass

LABEL = "sensor"
COUNT = 50_000


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
    try:
        rows = [make(1_000 + i, float(i), float(2 * i), LABEL) for i in range(n)]
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    del rows
    return peak


makers = {
    "dict": dict_record,
    "plain class": PlainRecord,
    "dataclass": DataRecord,
    "namedtuple": TupleRecord,
    "slotted dataclass": SlottedRecord,
}

print("one record, sys.getsizeof:")
for name, make in makers.items():
    print(f"  {name:<18} {sys.getsizeof(make(1, 0.5, 1.5, LABEL))} bytes")

peaks = {name: traced_peak(make, COUNT) for name, make in makers.items()}
order = sorted(peaks, key=lambda name: peaks[name])
print(f"peak for {COUNT:,} records, smallest first:")
for name in order:
    print(f"  {name:<18} {peaks[name]:,} bytes")

pieces = [order[0]]
for prev, cur in zip(order, order[1:]):
    pieces.append(" = " if peaks[prev] == peaks[cur] else " < ")
    pieces.append(cur)
print("ranking: " + "".join(pieces))
