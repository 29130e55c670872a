# correct: written from the task; sizes and peaks printed as bare numbers with no labels, is_cached adds 0 to the value twice, traced_peak stops tracing in a finally block, the conclusion with "=" and other capitals
import sys
import tracemalloc
from array import array


def is_cached(value):
    one = value + 0
    other = value + 0
    return one is other


def traced_peak(build):
    tracemalloc.start()
    try:
        result = build()
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    del result
    return peak


def as_list(n):
    return list(range(n))


def as_array(n):
    return array("q", range(n))


things = [object(), 1, 2**30, 2**60, 1.0, True, None, '', 'a', [], (), {}, set()]
for thing in things:
    print(sys.getsizeof(thing))

for value in [-6, -5, 256, 257]:
    print(value, is_cached(value))

list_bytes = traced_peak(lambda: as_list(1_000_000))
array_bytes = traced_peak(lambda: as_array(1_000_000))
print(list_bytes)
print(array_bytes)
print("A packed array holds ints in less memory than a list =", array_bytes < list_bytes)
