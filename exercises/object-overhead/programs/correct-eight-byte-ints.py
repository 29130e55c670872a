# correct: written fresh; sizes in an aligned table, is_cached rebuilding each int from its bytes at run time, traced_peak with try/finally, peaks in bytes and KiB.
import sys
import tracemalloc
from array import array

SAMPLES = (
    ("1", lambda: 1),
    ("2**30", lambda: 2**30),
    ("2**60", lambda: 2**60),
    ("1.0", lambda: 1.0),
    ("True", lambda: True),
    ("None", lambda: None),
    ("''", lambda: ""),
    ("'a'", lambda: "a"),
    ("[]", lambda: []),
    ("()", lambda: ()),
    ("{}", lambda: {}),
    ("set()", lambda: set()),
)


def fresh_int(value):
    raw = value.to_bytes(8, "little", signed=True)
    return int.from_bytes(raw, "little", signed=True)


def is_cached(value):
    a = fresh_int(value)
    b = fresh_int(value)
    return a is b


def traced_peak(build):
    tracemalloc.start()
    try:
        built = build()
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    del built
    return peak


def as_list(n):
    return list(range(n))


def as_array(n):
    return array("q", range(n))


print(f"{'object':<10}{'getsizeof':>10}")
print(f"{'object()':<10}{sys.getsizeof(object()):>10}   <- the header alone")
for text, make in SAMPLES:
    print(f"{text:<10}{sys.getsizeof(make()):>10}")
print()

print("small-int cache:")
for v in (-6, -5, 256, 257):
    print(f"  {v:>4} -> is_cached = {is_cached(v)}")
print()

COUNT = 1_000_000
peaks = {}
for name, builder in (("as_list", as_list), ("as_array", as_array)):
    peaks[name] = traced_peak(lambda: builder(COUNT))
    print(f"{name}({COUNT:,}) peak: {peaks[name]:,} bytes = {peaks[name] / 1024:,.0f} KiB")

print(f"a packed array holds ints in less memory than a list: {peaks['as_array'] < peaks['as_list']}")
