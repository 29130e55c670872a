# wrong: held-out round 8: is_cached makes one int and compares it with value itself
# fails: `is_cached(value)` tells the shared small ints from fresh ones
import sys
import tracemalloc
from array import array


def is_cached(value):
    second = int(str(value))
    return value is second


def traced_peak(build):
    tracemalloc.start()
    try:
        kept = build()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    del kept
    return peak


def as_list(n):
    return list(range(n))


def as_array(n):
    return array("q", range(n))


print(f"object(): {sys.getsizeof(object())} bytes")
samples = [
    ("1", 1), ("2**30", 2**30), ("2**60", 2**60), ("1.0", 1.0), ("True", True),
    ("None", None), ("''", ''), ("'a'", 'a'), ("[]", []), ("()", ()), ("{}", {}),
    ("set()", set()),
]
for text, value in samples:
    print(f"{text:>6}: {sys.getsizeof(value)} bytes")

for value in (-6, -5, 256, 257):
    print(f"is_cached({value}): {is_cached(value)}")

N = 1_000_000
list_peak = traced_peak(lambda: as_list(N))
array_peak = traced_peak(lambda: as_array(N))
print(f"peak of as_list({N:_}):  {list_peak:,} bytes")
print(f"peak of as_array({N:_}): {array_peak:,} bytes")
print(f"a packed array holds ints in less memory than a list: {array_peak < list_peak}")
