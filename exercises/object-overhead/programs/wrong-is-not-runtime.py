# wrong: (c) is_cached compares a value with itself plus zero, which the compiler may fold, not two ints made at run time
# fails: `is_cached` makes two ints equal to `value` and compares them while both are alive (traced by the check)
import sys
import tracemalloc
from array import array


def is_cached(value):
    first = value + 0
    second = value
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
    return array("q", range(n))

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

