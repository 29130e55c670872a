# wrong: is_cached builds two ints but its answer is the typed-in range -5..256 (CPython's documented cache), not whether the two are the same object
# fails: `is_cached(value)` tells the shared small ints from fresh ones
import sys
import tracemalloc
from array import array


def is_cached(value):
    raw = value.to_bytes(8, "little", signed=True)
    first = int.from_bytes(raw, "little", signed=True)
    second = int.from_bytes(bytearray(raw), "little", signed=True)
    return first == second and -5 <= first <= 256


def traced_peak(build):
    tracemalloc.start()
    try:
        result = build()
        peak = tracemalloc.get_traced_memory()[1]
        del result
    finally:
        tracemalloc.stop()
    return peak


def as_list(n):
    return list(range(n))


def as_array(n):
    return array("q", range(n))


print(f"object(): {sys.getsizeof(object())} bytes")
for value in (1, 2**30, 2**60, 1.0, True, None, "", "a", [], (), {}, set()):
    print(f"{value!r:>12}: {sys.getsizeof(value)} bytes")

for value in (-6, -5, 256, 257):
    print(f"is_cached({value}) -> {is_cached(value)}")

N = 1_000_000
list_peak = traced_peak(lambda: as_list(N))
array_peak = traced_peak(lambda: as_array(N))
print(f"peak of as_list({N:_}): {list_peak} bytes")
print(f"peak of as_array({N:_}): {array_peak} bytes")
print(f"a packed array holds ints in less memory than a list: {array_peak < list_peak}")
