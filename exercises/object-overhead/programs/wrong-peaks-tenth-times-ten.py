# wrong: measures as_list and as_array on 100,000 ints and prints ten times those peaks as the peaks of 1,000,000
# fails: the program measures the two peaks with tracemalloc and prints them, near what the check measures
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
    print(f"{thing!r}: {sys.getsizeof(thing)} bytes")

for value in (-6, -5, 256, 257):
    print(f"is_cached({value}) -> {is_cached(value)}")

list_peak = traced_peak(lambda: as_list(100_000)) * 10
array_peak = traced_peak(lambda: as_array(100_000)) * 10
print(f"as_list(1_000_000) peak: {list_peak:,} bytes")
print(f"as_array(1_000_000) peak: {array_peak:,} bytes")
print(f"a packed array holds ints in less memory than a list: {array_peak < list_peak}")
