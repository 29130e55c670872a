"""Heapwise reference program for object-overhead (L-288 §1, L-288 Q1).

Prints what common objects cost on this interpreter, shows which ints are
shared from CPython's small-int cache, and compares a list of a million
int objects with a packed array of 64-bit ints.
"""
import platform
import struct
import sys
import time
import tracemalloc
from array import array

REPEATS = 5  # timed runs; the fastest is the least disturbed by the rest of the machine


def is_cached(value):
    """Whether two ints equal to `value`, each computed at run time, are one object."""
    first = int(str(value))
    second = int(str(value))
    return first is second


def traced_peak(build):
    """Peak bytes traced while build() runs and its result is still alive."""
    tracemalloc.start()
    kept = build()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    del kept
    return peak


def as_list(n):
    """n int objects behind a list of pointers."""
    return list(range(n))


def as_array(n):
    """The same n ints as raw signed 64-bit values, back to back."""
    return array("q", range(n))


def best_time_us(step, calls=1):
    """Microseconds per call of step(): the fastest of REPEATS rounds of `calls` calls."""
    assert not tracemalloc.is_tracing(), "time with tracemalloc off: it slows every allocation"
    fastest = float("inf")
    for _ in range(REPEATS):
        start = time.perf_counter()
        for _ in range(calls):
            step()
        fastest = min(fastest, time.perf_counter() - start)
    return fastest / calls * 1e6


print(f"CPython {platform.python_version()}, {struct.calcsize('P') * 8}-bit")

print(f"object(): {sys.getsizeof(object())} bytes, nothing but the header")
print(f"a pointer, one slot of a list: {struct.calcsize('P')} bytes")
SAMPLES = ["1", "2**30", "2**60", "1.0", "True", "None", "''", "'a'", "[]", "()", "{}", "{'a': 1}", "set()"]
for text in SAMPLES:
    print(f"sys.getsizeof({text}) = {sys.getsizeof(eval(text))} bytes")

PREDICTIONS = [
    "sys.getsizeof(2**60) > sys.getsizeof(2**30)",
    "sys.getsizeof(True) < sys.getsizeof(1)",
    "sys.getsizeof(()) < sys.getsizeof([])",
    "sys.getsizeof({}) == 232",
]
for statement in PREDICTIONS:
    print(f"{statement}: {eval(statement)}")

for value in (-6, -5, 0, 256, 257, 1000):
    print(f"is_cached({value}): {is_cached(value)}")
a = 1000
b = 1000
print(f"a = 1000; b = 1000; a is b: {a is b} (one constant of this module, not the cache)")

n = 1_000_000
list_peak = traced_peak(lambda: as_list(n))
array_peak = traced_peak(lambda: as_array(n))
pointers = sys.getsizeof(as_list(n))
MIB = 1024 * 1024
print(f"list of {n:,} ints: peak {list_peak:,} bytes ({list_peak / MIB:.1f} MiB), of which the list itself is {pointers:,}")
print(f"  so each int object took {(list_peak - pointers) / n:.1f} bytes, though sys.getsizeof(1000) = {sys.getsizeof(1000)}")
print(f"array('q') of {n:,} ints: peak {array_peak:,} bytes ({array_peak / MIB:.1f} MiB, {array_peak / n:.1f} per int)")
packed = as_array(n)
data = len(packed) * packed.itemsize
print(f"  of which the ints themselves are {data:,} bytes ({data / MIB:.1f} MiB), {packed.itemsize} per int")
del packed
print(f"the list needs {list_peak / array_peak:.1f} times the memory")
# Building the packed array and summing it, timed with tracemalloc off: the
# page sets this figure beside the Rust variant that stores the same n ints
# in a Vec<i64> and sums them.
micros = best_time_us(lambda: sum(as_array(n)))
print(f"timing: variant optimized at n={n}: {micros:.1f} us per call, best of {REPEATS} (tracemalloc off)")
print(f"a packed array holds ints in less memory than a list: {array_peak < list_peak}")
