# wrong: the last line compares an array slot's itemsize with a pointer plus one int's getsizeof, not the two peaks it measured and printed
# fails: the program ends by saying whether a packed array holds ints in less memory than a list, as measured
import struct
import sys
import tracemalloc
from array import array

SAMPLES = [
    ("1", lambda: 1),
    ("2**30", lambda: 2**30),
    ("2**60", lambda: 2**60),
    ("1.0", lambda: 1.0),
    ("True", lambda: True),
    ("None", lambda: None),
    ("''", lambda: ''),
    ("'a'", lambda: 'a'),
    ("[]", lambda: []),
    ("()", lambda: ()),
    ("{}", lambda: {}),
    ("set()", lambda: set()),
]


def is_cached(value):
    raw = value.to_bytes(8, "little", signed=True)
    left = int.from_bytes(raw, "little", signed=True)
    right = int.from_bytes(raw, "little", signed=True)
    return left is right


def traced_peak(build):
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


def as_array(n):
    return array("q", range(n))


print(f"object(): {sys.getsizeof(object())} bytes")
for label, make in SAMPLES:
    print(f"{label:>6}: {sys.getsizeof(make())} bytes")

for value in (-6, -5, 256, 257):
    print(f"is_cached({value}) -> {is_cached(value)}")

N = 1_000_000
list_peak = traced_peak(lambda: as_list(N))
array_peak = traced_peak(lambda: as_array(N))
print(f"peak of as_list({N:_}):  {list_peak:,} bytes")
print(f"peak of as_array({N:_}): {array_peak:,} bytes")
# per int: a packed 8-byte slot against a pointer plus an int object
slot_cost = array("q").itemsize
boxed_cost = struct.calcsize("P") + sys.getsizeof(N - 1)
print(f"a packed array holds ints in less memory than a list: {slot_cost < boxed_cost}")
