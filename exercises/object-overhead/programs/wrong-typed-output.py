# wrong: the starter's functions left as they are and a run's output typed in: nothing is measured
# fails: `is_cached(value)` tells the shared small ints from fresh ones
# fails: `traced_peak(build)` returns the peak traced while `build()` runs
# fails: `as_array(n)` holds the ints 0 to n - 1 as 64-bit values, without a list of int objects on the way
# fails: the program prints `sys.getsizeof` of `object()` and of each value of step 1, in order
# fails: the program measures the two peaks with tracemalloc and prints them, near what the check measures
import sys
import tracemalloc
from array import array


def is_cached(value):
    first = value
    second = value
    return first is second


def traced_peak(build):
    ...


def as_list(n):
    return list(range(n))


def as_array(n):
    ...


print("object(): 16 bytes, nothing but the header")
print("sys.getsizeof(1) = 28 bytes")
print("sys.getsizeof(2**30) = 32 bytes")
print("sys.getsizeof(2**60) = 36 bytes")
print("sys.getsizeof(1.0) = 24 bytes")
print("sys.getsizeof(True) = 28 bytes")
print("sys.getsizeof(None) = 16 bytes")
print("sys.getsizeof('') = 49 bytes")
print("sys.getsizeof('a') = 50 bytes")
print("sys.getsizeof([]) = 56 bytes")
print("sys.getsizeof(()) = 40 bytes")
print("sys.getsizeof({}) = 64 bytes")
print("sys.getsizeof(set()) = 216 bytes")
print("is_cached(-6): False")
print("is_cached(-5): True")
print("is_cached(256): True")
print("is_cached(257): False")
print("list of 1,000,000 ints: peak 39,991,960 bytes (38.1 MiB)")
print("array('q') of 1,000,000 ints: peak 8,183,976 bytes (7.8 MiB)")
print("a packed array holds ints in less memory than a list: True")
