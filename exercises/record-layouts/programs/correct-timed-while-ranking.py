# correct: written from the task text alone; classes named Plain, Data, Named, Slim; makers in a list of pairs; traced_peak keeps the list in a local; sizes printed with %-formatting; ranking built with a while loop; a timing line of its own (perf_counter around building and summing 50,000 Slim records, best of 3)
import sys
import time
import tracemalloc
from collections import namedtuple
from dataclasses import dataclass

SHARED = "sensor"


class Plain:
    def __init__(self, id, x, y, label):
        self.id = id
        self.x = x
        self.y = y
        self.label = label


@dataclass
class Data:
    id: int
    x: float
    y: float
    label: str


Named = namedtuple("Named", "id x y label")


@dataclass(slots=True)
class Slim:
    id: int
    x: float
    y: float
    label: str


def as_dict(id, x, y, label):
    return {"id": id, "x": x, "y": y, "label": label}


def traced_peak(make, n):
    tracemalloc.start()
    records = [make(i, i * 0.5, i * 1.5, SHARED) for i in range(n)]
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    del records
    return peak


layouts = [("dict", as_dict), ("Plain", Plain), ("Data", Data), ("Named", Named), ("Slim", Slim)]
for name, make in layouts:
    print("%s: one record is %d bytes" % (name, sys.getsizeof(make(7, 1.0, 2.0, SHARED))))

peaks = {}
for name, make in layouts:
    peaks[name] = traced_peak(make, 50_000)
order = sorted(peaks, key=peaks.get)
for name in order:
    print(f"{name} peak for 50,000 records: {peaks[name]} bytes")

best = float("inf")
for _ in range(3):
    t0 = time.perf_counter()
    total = sum(r.id + r.x for r in [Slim(i, i * 0.5, i * 1.5, SHARED) for i in range(50_000)])
    best = min(best, time.perf_counter() - t0)
print(f"timing: variant optimized at n=50000: {best * 1e6:.1f} us per call, best of 3 (tracemalloc off)")

text = order[0]
i = 1
while i < len(order):
    text += (" = " if peaks[order[i - 1]] == peaks[order[i]] else " < ") + order[i]
    i += 1
print("ranking: " + text)
