# wrong: (c) as_array builds a list of int objects first and packs it
# fails: `as_array(n)` holds the ints 0 to n - 1 as 64-bit values, without a list of int objects on the way
import sys
import tracemalloc
from array import array


def is_cached(value):
    text = str(value)
    first = int(text)
    second = int(text)
    return first is second


def traced_peak(build):
    tracemalloc.start()
    try:
        kept = build()
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    del kept
    return peak


def as_list(n):
    return list(range(n))


def as_array(n):
    return array("q", list(range(n)))

print("header, object():", sys.getsizeof(object()))
samples = [("1", 1), ("2**30", 2**30), ("2**60", 2**60), ("1.0", 1.0), ("True", True),
           ("None", None), ("''", ''), ("'a'", 'a'), ("[]", []), ("()", ()), ("{}", {}), ("set()", set())]
for label, value in samples:
    print(f"{label:>6} -> {sys.getsizeof(value)} bytes")
for v in (-6, -5, 256, 257):
    print(f"is_cached({v}) = {is_cached(v)}")
list_peak = traced_peak(lambda: as_list(1_000_000))
array_peak = traced_peak(lambda: as_array(1_000_000))
print(f"list of 1,000,000 ints: peak {list_peak} bytes")
print(f"array('q') of 1,000,000: peak {array_peak} bytes")
print("a packed array holds ints in less memory than a list:", array_peak < list_peak)
