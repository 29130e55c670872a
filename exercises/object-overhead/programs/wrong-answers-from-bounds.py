# wrong: is_cached is right, but the four answers printed are worked out from the cache bounds (-5 <= v <= 256) beside a call made for show
# fails: the program prints `is_cached` for -6, -5, 256 and 257
import sys
import tracemalloc
from array import array

def is_cached(value):
    a = int(str(value))
    b = int(str(value))
    return a is b

def traced_peak(build):
    tracemalloc.start()
    try:
        kept = build()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()

def as_list(n):
    return list(range(n))

def as_array(n):
    return array("q", range(n))

print("header (object()):", sys.getsizeof(object()))
for text in ["1", "2**30", "2**60", "1.0", "True", "None", "''", "'a'", "[]", "()", "{}", "set()"]:
    print(f"{text:>6} -> {sys.getsizeof(eval(text))}")

for v in (-6, -5, 256, 257):
    is_cached(v)
    print(f"is_cached({v}) = {-5 <= v <= 256}")

N = 1_000_000
list_peak = traced_peak(lambda: as_list(N))
array_peak = traced_peak(lambda: as_array(N))
print(f"list of {N:,} ints: {list_peak / 1e6:.2f} MB peak")
print(f"array('q') of {N:,} ints: {array_peak / 1e6:.2f} MB peak")
print("a packed array holds ints in less memory than a list:", array_peak < list_peak)
