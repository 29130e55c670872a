# correct: written from the task alone; own class names, traced_peak with reset_peak and other parameter names, a while loop, ranking spelled with other names
import sys
import tracemalloc
from collections import namedtuple
from dataclasses import dataclass

SHARED = "sensor"


class Rec:
    def __init__(self, id, x, y, label):
        self.id, self.x, self.y, self.label = id, x, y, label


@dataclass
class DRec:
    id: int
    x: float
    y: float
    label: str


@dataclass(slots=True)
class SDRec:
    id: int
    x: float
    y: float
    label: str


NRec = namedtuple("NRec", "id x y label")


def traced_peak(factory, count):
    tracemalloc.start()
    tracemalloc.reset_peak()
    held = []
    i = 0
    while i < count:
        held.append(factory(1_000 + i, float(i), float(2 * i), SHARED))
        i += 1
    _, top = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return top


kinds = [
    ("dataclass(slots=True)", SDRec),
    ("namedtuple", NRec),
    ("class", Rec),
    ("@dataclass", DRec),
    ("dict", lambda id, x, y, label: dict(id=id, x=x, y=y, label=label)),
]
print("sizes of one record:")
for name, factory in kinds:
    print("  %-22s %d" % (name, sys.getsizeof(factory(7, 0.5, 1.5, SHARED))))

results = []
for name, factory in kinds:
    results.append((traced_peak(factory, 50_000), name))
results.sort(key=lambda pair: pair[0])
for peak, name in results:
    print("  %-22s peak %d B" % (name, peak))

parts = [results[0][1]]
for (p1, _), (p2, name) in zip(results, results[1:]):
    parts.append("=" if p1 == p2 else "<")
    parts.append(name)
print("ranking:", " ".join(parts))
