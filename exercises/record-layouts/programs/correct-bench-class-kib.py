# correct: a LayoutBench class bundles the run, makers found from the record types themselves, rows collected then written with sys.stdout.write in KiB, ranking via itertools.groupby on equal peaks
import sys
import tracemalloc
from collections import namedtuple
from dataclasses import dataclass
from itertools import groupby

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


TupleRecord = namedtuple("TupleRecord", ("id", "x", "y", "label"))


@dataclass(slots=True)
class SlottedRecord:
    id: int
    x: float
    y: float
    label: str


def traced_peak(make, n):
    tracemalloc.start()
    built = []
    for i in range(n):
        built.append(make(1_000 + i, float(i), float(2 * i), LABEL))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert len(built) == n
    return peak


class LayoutBench:
    def __init__(self, n):
        self.n = n
        self.makers = [
            ("dict", lambda id, x, y, label: dict(id=id, x=x, y=y, label=label)),
            ("plain class", PlainRecord),
            ("dataclass", DataRecord),
            ("namedtuple", TupleRecord),
            ("slotted dataclass", SlottedRecord),
        ]
        self.lines = []

    def single_sizes(self):
        for name, make in self.makers:
            one = make(7, 0.5, 1.5, LABEL)
            self.lines.append("getsizeof(one %s) = %.4f KiB\n" % (name, sys.getsizeof(one) / 1024))

    def peaks(self):
        return [(traced_peak(make, self.n), name) for name, make in self.makers]

    def run(self):
        self.single_sizes()
        ordered = sorted(self.peaks(), key=lambda pair: pair[0])
        for peak, name in ordered:
            self.lines.append("%-17s  %10.2f KiB peak (%d records)\n" % (name, peak / 1024, self.n))
        groups = [" = ".join(name for _, name in grp) for _, grp in groupby(ordered, key=lambda pair: pair[0])]
        self.lines.append("ranking: " + " < ".join(groups) + "\n")
        sys.stdout.writelines(self.lines)


LayoutBench(50_000).run()
