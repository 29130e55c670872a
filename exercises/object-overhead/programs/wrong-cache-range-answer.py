# wrong: fake -- is_cached builds and compares two run-time ints, but returns the typed-in small-int range (-5..256) instead of what the `is` comparison found
# fails: `is_cached(value)` tells the shared small ints from fresh ones
import sys
import tracemalloc
from array import array

N = 1_000_000
VALUES = [1, 2**30, 2**60, 1.0, True, None, '', 'a', [], (), {}, set()]
SMALL_INTS = range(-5, 257)


def is_cached(value):
    first = int(str(value))
    second = int(str(value))
    answers = {True: first in SMALL_INTS, False: second in SMALL_INTS}
    return answers[first is second]


def traced_peak(build):
    tracemalloc.start()
    try:
        result = build()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    del result
    return peak


def as_list(n):
    return list(range(n))


def as_array(n):
    return array("q", range(n))


def show_sizes():
    print(f"object(): {sys.getsizeof(object())} bytes")
    for value in VALUES:
        print(f"{value!r}: {sys.getsizeof(value)} bytes")


def show_cache():
    for value in (-6, -5, 256, 257):
        print(f"is_cached({value}) = {is_cached(value)}")


def main():
    show_sizes()
    show_cache()
    list_peak = traced_peak(lambda: as_list(N))
    array_peak = traced_peak(lambda: as_array(N))
    print(f"peak of a list of {N:,} ints: {list_peak:,} bytes")
    print(f"peak of an array('q') of {N:,} ints: {array_peak:,} bytes")
    print(f"a packed array holds ints in less memory than a list: {array_peak < list_peak}")


if __name__ == "__main__":
    main()
