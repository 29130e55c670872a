# wrong: the ranking writes " = " for peaks within 1% of each other, not only for exactly equal peaks
# fails: the ranking joins two layouts with ` = ` only where their peaks are exactly equal
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
    rows = [make(1_000 + i, float(i), float(2 * i), LABEL) for i in range(n)]
    top = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    del rows
    return top


layouts = [("dict", dict_record), ("plain class", PlainRecord), ("dataclass", DataRecord),
           ("namedtuple", TupleRecord), ("slotted dataclass", SlottedRecord)]
peaks = {}
for name, maker in layouts:
    peaks[name] = traced_peak(maker, 50_000)
    print(f"{name}: one record is {sys.getsizeof(maker(1, 1.0, 2.0, LABEL))} bytes (getsizeof)")

order = sorted(peaks, key=lambda k: peaks[k])
for name in order:
    print(f"  {name:<18} peak {peaks[name]:>10,} B")
text = order[0]
for prev, cur in zip(order, order[1:]):
    text += (" = " if peaks[cur] - peaks[prev] <= peaks[prev] // 100 else " < ") + cur
print("ranking: " + text)
