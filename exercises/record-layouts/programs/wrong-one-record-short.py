# wrong: traced_peak counts from 1 (while i < n), so it builds and measures n - 1 records, 49,999 instead of the 50,000 the task asks for
# fails: `traced_peak(make, n)` returns the peak tracemalloc sees while n records are alive, and stops tracing
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

def make_dict(id, x, y, label):
    return {"id": id, "x": x, "y": y, "label": label}

def traced_peak(make, n):
    tracemalloc.start()
    stuff = []
    i = 1
    while i < n:
        stuff.append(make(1_000 + i, float(i), float(2 * i), LABEL))
        i = i + 1
    now, top = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return top

names = []
peaks = []

print("one dict record: %d bytes" % sys.getsizeof(make_dict(1, 1.0, 2.0, LABEL)))
print("one plain class record: %d bytes" % sys.getsizeof(PlainRecord(1, 1.0, 2.0, LABEL)))
print("one dataclass record: %d bytes" % sys.getsizeof(DataRecord(1, 1.0, 2.0, LABEL)))
print("one namedtuple record: %d bytes" % sys.getsizeof(TupleRecord(1, 1.0, 2.0, LABEL)))
print("one slotted dataclass record: %d bytes" % sys.getsizeof(SlottedRecord(1, 1.0, 2.0, LABEL)))
# note: getsizeof does not count the dict a plain object keeps its attributes in

names.append("dict")
peaks.append(traced_peak(make_dict, 50000))
names.append("plain class")
peaks.append(traced_peak(PlainRecord, 50000))
names.append("dataclass")
peaks.append(traced_peak(DataRecord, 50000))
names.append("namedtuple")
peaks.append(traced_peak(TupleRecord, 50000))
names.append("slotted dataclass")
peaks.append(traced_peak(SlottedRecord, 50000))

# sort both lists by peak (smallest first)
i = 0
while i < len(peaks):
    j = i + 1
    while j < len(peaks):
        if peaks[j] < peaks[i]:
            peaks[i], peaks[j] = peaks[j], peaks[i]
            names[i], names[j] = names[j], names[i]
        j = j + 1
    i = i + 1

for i in range(len(names)):
    print("%d. %s: peak %d bytes" % (i + 1, names[i], peaks[i]))

line = names[0]
for i in range(1, len(names)):
    if peaks[i] == peaks[i - 1]:
        line = line + " = " + names[i]
    else:
        line = line + " < " + names[i]
print("ranking: " + line)
