# wrong: half the task: the sizes and the cache are done, but there is no traced_peak, no as_array, no peaks and no conclusion
# fails: `traced_peak(build)` returns the peak traced while `build()` runs
# fails: `as_array(n)` holds the ints 0 to n - 1 as 64-bit values, without a list of int objects on the way
# fails: the program measures the two peaks with tracemalloc and prints them, near what the check measures
# fails: the program ends by saying whether a packed array holds ints in less memory than a list, as measured
import sys


def is_cached(value):
    first = int(str(value))
    second = int(str(value))
    return first is second


def as_list(n):
    return list(range(n))


print("object():", sys.getsizeof(object()))
for text in ["1", "2**30", "2**60", "1.0", "True", "None", "''", "'a'", "[]", "()", "{}", "set()"]:
    print(text, sys.getsizeof(eval(text)))
for value in (-6, -5, 256, 257):
    print(value, is_cached(value))
