"""Heapwise reference program for array-vs-list (O3, L-fit §3, L-288 §4).

Stores the same 100,000 readings (whole numbers of metres) as a list of
float objects and as typed arrays of doubles, floats and shorts, and traces
the peak of building each. Then it prints the width of every array type
code, and shows that a list of a million copies of 0.0 points at one single
float object.
"""
import platform
import struct
import sys
import time
import tracemalloc
from array import array


def elevation(i):
    """Sample i of a made-up terrain profile, in whole metres (-400 to 8848)."""
    return (i * 7919) % 9249 - 400


def best_time_us(step, repeats=5, calls=1):
    """Microseconds per call of step(): the best of `repeats` timings of `calls` calls."""
    assert not tracemalloc.is_tracing(), "tracemalloc slows every allocation: time with it stopped"
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        for _ in range(calls):
            step()
        best = min(best, time.perf_counter() - started)
    return best / calls * 1e6


def traced_peak(build):
    """Call build() with tracemalloc running; return (what it built, peak bytes)."""
    tracemalloc.start()
    built = build()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return built, peak


print(f"CPython {platform.python_version()}, {struct.calcsize('P') * 8}-bit")

n = 100_000
readings, list_peak = traced_peak(lambda: [float(elevation(i)) for i in range(n)])
print(f"{n:,} readings as a list of floats, peak: {list_peak:,} bytes")
print(f"  the list object: {sys.getsizeof(readings):,} bytes, "
      f"plus {n:,} float objects of {sys.getsizeof(readings[0])} bytes each")
print(f"  distinct float objects: {len({id(x) for x in readings}):,}, "
      f"distinct values: {len(set(readings)):,}")

layouts = [("d", float), ("f", float), ("h", int)]
peaks = {}
same_values = True
for code, convert in layouts:
    packed, peak = traced_peak(lambda: array(code, (convert(elevation(i)) for i in range(n))))
    peaks[code] = peak
    same_values = same_values and list(packed) == readings
    print(f"{n:,} readings as array('{code}'), peak: {peak:,} bytes; "
          f"array object: {sys.getsizeof(packed):,} bytes, {packed.itemsize} per item")
print(f"all layouts hold the same values: {same_values}, sum: {sum(readings):,.0f}")

print("bytes per item, array(code).itemsize:")
for code in "bBhHiIlqfd":
    print(f"  '{code}': {array(code).itemsize}")

# A million copies of 0.0: one float object, a million pointers to it.
print(f"one list slot is one pointer: {struct.calcsize('P')} bytes")
zeros, zeros_peak = traced_peak(lambda: [0.0] * 1_000_000)
print(f"[0.0] * 1_000_000: list object {sys.getsizeof(zeros):,} bytes, peak {zeros_peak:,} bytes, "
      f"distinct objects: {len({id(z) for z in zeros})}")
computed, computed_peak = traced_peak(lambda: [float(i - i) for i in range(1_000_000)])
print(f"[float(i - i) for i in range(1_000_000)]: peak {computed_peak:,} bytes, "
      f"distinct objects: {len({id(z) for z in computed}):,}")
del computed
packed_zeros, packed_peak = traced_peak(lambda: array("f", [0.0]) * 1_000_000)
print(f"array('f', [0.0]) * 1_000_000: array object {sys.getsizeof(packed_zeros):,} bytes, "
      f"peak {packed_peak:,} bytes")

try:
    array("h", [40_000])
    accepts_40000 = True
except OverflowError as error:
    accepts_40000 = False
    print(f"OverflowError: {error}")

print(f"every slot of [0.0] * 1_000_000 is the same float object: {all(z is zeros[0] for z in zeros)}")
print(f"two computed zeros, float(0 - 0) and float(1 - 1), are the same object: {float(0 - 0) is float(1 - 1)}")
print(f"array('h') accepts 40000: {accepts_40000}")
print(f"array('f') gives back 0.1 exactly: {array('f', [0.1])[0] == 0.1}")
# The optimized layout, array('h'), built from the same readings but
# untraced, then summed: the page sets this time beside the Rust variant that
# stores the same readings as i16 and sums them.
us = best_time_us(lambda: sum(array("h", (elevation(i) for i in range(n)))))
print(f"timing: variant optimized at n={n}: {us:.1f} us per call, best of 5 (tracemalloc off)")
smallest = min(peaks, key=peaks.get)
print(f"same readings in every layout, array('h') smallest: {same_values and smallest == 'h' and peaks['h'] < list_peak}")
