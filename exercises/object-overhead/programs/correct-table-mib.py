# correct: written from the task; sizes in a padded table built from a dict of labels, is_cached parses each int from text in a helper and compares id()s, one trace per peak with the baseline subtracted, peaks shown in MiB, the conclusion as "... -> True"
import sys
import tracemalloc
from array import array


def fresh_int(value):
    return int(f"{value}")


def is_cached(value):
    a, b = fresh_int(value), fresh_int(value)
    return id(a) == id(b)


def traced_peak(build):
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    made = build()
    _, top = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    made = None
    return top - before


def as_list(n):
    return list(range(n))


def as_array(n):
    packed = array("q")
    packed.extend(range(n))
    return packed


header = sys.getsizeof(object())
print(f"{'object()':>10} | {header:>4} B  <- the header every object carries")
table = {
    "1": 1,
    "2**30": 2 ** 30,
    "2**60": 2 ** 60,
    "1.0": 1.0,
    "True": True,
    "None": None,
    "''": "",
    "'a'": "a",
    "[]": [],
    "()": (),
    "{}": {},
    "set()": set(),
}
for label, obj in table.items():
    print(f"{label:>10} | {sys.getsizeof(obj):>4} B")

i = 0
checked = (-6, -5, 256, 257)
while i < len(checked):
    print(f"value {checked[i]:>4}: shared object? {is_cached(checked[i])}")
    i += 1

MiB = 2 ** 20
size_list = traced_peak(lambda: as_list(1_000_000))
size_array = traced_peak(lambda: as_array(1_000_000))
print(f"peak of the list of a million ints:  {size_list / MiB:.1f} MiB")
print(f"peak of the array of a million ints: {size_array / MiB:.1f} MiB")
print(f"A packed array holds ints in less memory than a list -> {size_array < size_list}")
