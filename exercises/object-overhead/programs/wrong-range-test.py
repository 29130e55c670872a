# wrong: is_cached types in the cache's bounds instead of asking Python whether two ints are one object
# fails: `is_cached` makes two ints equal to `value` and compares them while both are alive (traced by the check)
import sys
import tracemalloc
from array import array


def is_cached(value):
    return -5 <= value <= 256


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


for obj in (object(), 1, 2**30, 2**60, 1.0, True, None, "", "a", [], (), {}, set()):
    print(f"{obj!r}: {sys.getsizeof(obj)} bytes")
for value in (-6, -5, 256, 257):
    print(f"is_cached({value}) -> {is_cached(value)}")
list_peak = traced_peak(lambda: as_list(1_000_000))
array_peak = traced_peak(lambda: as_array(1_000_000))
print(f"list: {list_peak:,} bytes, array: {array_peak:,} bytes")
print(f"a packed array holds ints in less memory than a list: {array_peak < list_peak}")
