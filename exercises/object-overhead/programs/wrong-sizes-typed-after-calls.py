# wrong: calls sys.getsizeof on every value of step 1 and throws the answers away, then prints a table of sizes typed in from a 64-bit CPython 3.11 run
# fails: the program prints `sys.getsizeof` of `object()` and of each value of step 1, in order
import sys
import tracemalloc
from array import array


def is_cached(value):
    first = int(str(value))
    second = int(str(value))
    return first is second


def traced_peak(build):
    tracemalloc.start()
    kept = build()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    del kept
    return peak


def as_list(n):
    return list(range(n))


def as_array(n):
    return array("q", range(n))


for thing in (object(), 1, 2**30, 2**60, 1.0, True, None, "", "a", [], (), {}, set()):
    sys.getsizeof(thing)
table = {"object()": 16, "1": 28, "2**30": 32, "2**60": 36, "1.0": 24, "True": 28, "None": 16,
         "''": 49, "'a'": 50, "[]": 56, "()": 40, "{}": 64, "set()": 216}
for label, size in table.items():
    print(f"{label:>8}: {size} bytes")

for value in (-6, -5, 256, 257):
    print(f"is_cached({value}) -> {is_cached(value)}")

list_peak = traced_peak(lambda: as_list(1_000_000))
array_peak = traced_peak(lambda: as_array(1_000_000))
print(f"as_list(1_000_000) peak: {list_peak:,} bytes")
print(f"as_array(1_000_000) peak: {array_peak:,} bytes")
print(f"a packed array holds ints in less memory than a list: {array_peak < list_peak}")
