# wrong: as_array fills the array from a list of int objects per batch, so it does build lists of int objects on the way (the peak stays low only because each batch is small)
# fails: `as_array(n)` holds the ints 0 to n - 1 as 64-bit values, without a list of int objects on the way
import sys
import tracemalloc
from array import array


def is_cached(value):
    raw = value.to_bytes(8, "little", signed=True)
    left = int.from_bytes(raw, "little", signed=True)
    right = int.from_bytes(raw, "little", signed=True)
    return left is right


def traced_peak(build):
    if tracemalloc.is_tracing():  # someone else is tracing: measure above their baseline
        tracemalloc.reset_peak()
        base = tracemalloc.get_traced_memory()[0]
        kept = build()
        peak = tracemalloc.get_traced_memory()[1] - base
        del kept
        return peak
    tracemalloc.start()
    try:
        kept = build()
        peak = tracemalloc.get_traced_memory()[1]
        del kept
    finally:
        tracemalloc.stop()
    return peak


def as_list(n):
    return list(range(n))


def as_array(n, batch=4096):
    packed = array("q")
    for start in range(0, n, batch):
        packed.extend(list(range(start, min(start + batch, n))))
    return packed


print(f"object(): {sys.getsizeof(object())} bytes")
samples = [
    ("1", 1), ("2**30", 2**30), ("2**60", 2**60), ("1.0", 1.0), ("True", True),
    ("None", None), ("''", ''), ("'a'", 'a'), ("[]", []), ("()", ()),
    ("{}", {}), ("set()", set()),
]
for label, value in samples:
    print(f"  {label:<7} {type(value).__name__:<9} {sys.getsizeof(value):>4} bytes")

for value in (-6, -5, 256, 257):
    print(f"is_cached({value}) -> {is_cached(value)}")

N = 1_000_000
list_peak = traced_peak(lambda: as_list(N))
array_peak = traced_peak(lambda: as_array(N))
print(f"peak of as_list({N:,}):  {list_peak:,} bytes")
print(f"peak of as_array({N:,}): {array_peak:,} bytes")
print(f"a packed array holds ints in less memory than a list: {array_peak < list_peak}")
