"""Heapwise reference program for flags-and-sparse-data (L-ref, appropriate
data structures).

200,000 yes/no flags stored as a list of bools, packed as bits in a
bytearray, and as bits of one int; then an index from user id to score that
only some ids have, stored as a mostly-empty list and as a dict, at several
densities, to find where the dict stops being the smaller one.
"""
import platform
import struct
import sys
import time
import tracemalloc
from array import array
from bisect import bisect_left


def traced_peak(build):
    """Peak bytes traced while build() runs, and what it returned."""
    tracemalloc.start()
    built = build()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak, built


def pack(flags):
    """Flag i becomes bit i % 8 of byte i // 8."""
    bitmap = bytearray((len(flags) + 7) // 8)
    for i, flag in enumerate(flags):
        if flag:
            bitmap[i >> 3] |= 1 << (i & 7)
    return bitmap


def flag_at(bitmap, i):
    return bitmap[i >> 3] >> (i & 7) & 1 == 1


def has_score(i, per_mille):
    """Whether user i has a score: per_mille of every 1,000 ids do, spread out."""
    return i * 7919 % 1000 < per_mille


def score(i):
    return 1000 + 3 * i


def dense_scores(n, per_mille):
    """A list with a slot for every id: the score, or None."""
    scores = [None] * n
    for i in range(n):
        if has_score(i, per_mille):
            scores[i] = score(i)
    return scores


def sparse_scores(n, per_mille):
    """A dict holding only the ids that have a score."""
    return {i: score(i) for i in range(n) if has_score(i, per_mille)}


def sorted_arrays(n, per_mille):
    """The ids that have a score in increasing order, and their scores."""
    ids = array("I", (i for i in range(n) if has_score(i, per_mille)))
    return ids, array("q", map(score, ids))


def flags_and_scores(n, per_mille):
    """What the Rust variant does start to end: every third id's flag set as a
    bit, the scores kept as two sorted arrays, then every id's flag and score
    (found by binary search, 0 if none) added up."""
    bitmap = bytearray((n + 7) // 8)
    for i in range(n):
        if i % 3 == 0:
            bitmap[i >> 3] |= 1 << (i & 7)
    ids, scores = sorted_arrays(n, per_mille)
    total = 0
    for i in range(n):
        at = bisect_left(ids, i)
        total += flag_at(bitmap, i) + (scores[at] if at < len(ids) and ids[at] == i else 0)
    return total


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


print(f"CPython {platform.python_version()}, {struct.calcsize('P') * 8}-bit")

n = 200_000
list_peak, flags = traced_peak(lambda: [i % 3 == 0 for i in range(n)])  # every third user said yes
bitmap_peak, bitmap = traced_peak(lambda: pack(flags))  # the list already exists
as_int = int.from_bytes(bitmap, "little")
same = all(flag_at(bitmap, i) == flags[i] for i in range(0, n, 7)) and all(
    (as_int >> i & 1 == 1) == flags[i] for i in range(0, n, 99_991))
print(f"{n:,} flags as a list of bools: {list_peak:,} bytes peak")
print(f"{n:,} flags packed in a bytearray: {bitmap_peak:,} bytes peak, sys.getsizeof {sys.getsizeof(bitmap):,} bytes")
print(f"the same bits as one int: sys.getsizeof {sys.getsizeof(as_int):,} bytes")
print(f"all three agree on the flags compared: {same}")
print(f"len({{id(flag) for flag in flags}}) == 2: {len({id(flag) for flag in flags}) == 2}")
print(f"sys.getsizeof(as_int) > sys.getsizeof(bitmap): {sys.getsizeof(as_int) > sys.getsizeof(bitmap)}")
set_peak, changed = traced_peak(lambda: as_int | 1 << (n - 2))
print(f"setting one bit of the int builds a new int: {changed is not as_int}, {set_peak:,} bytes peak")
del flags, changed

ids = 50_000
print(f"scores for some of {ids:,} user ids, peak bytes:")
peaks = {}
for per_mille in (10, 50, 100, 109, 110, 150, 200, 500):
    as_list, _ = traced_peak(lambda: dense_scores(ids, per_mille))
    as_dict, scores = traced_peak(lambda: sparse_scores(ids, per_mille))
    peaks[per_mille] = as_list, as_dict
    print(f"  {per_mille / 10:4.1f}% have one ({len(scores):,} ids): "
          f"list {as_list:,} bytes, dict {as_dict:,} bytes")
    del scores
dict_wins = {per_mille: as_dict < as_list for per_mille, (as_list, as_dict) in peaks.items()}
first_loss = min(d for d, wins in dict_wins.items() if not wins)
last_win = max(d for d, wins in dict_wins.items() if wins and d < first_loss)
print(f"the dict is smaller up to {last_win / 10:.1f}% and larger from {first_loss / 10:.1f}%")
print(f"the dict is smaller than the list at 5% of ids: {dict_wins[50]}")
print(f"the dict is smaller than the list at 20% of ids: {dict_wins[200]}")
arrays_peak, (sorted_ids, sorted_values) = traced_peak(lambda: sorted_arrays(ids, 50))
print(f"at 5.0%, two sorted arrays (ids and scores): {arrays_peak:,} bytes peak for {len(sorted_ids):,} scores")

# The bit flags and the sorted arrays at 5%, built and read back untraced: the
# page sets this time beside the Rust variant that keeps the same flags in a
# bit set and the same ids and scores in two sorted vectors.
us = best_time_us(lambda: flags_and_scores(ids, 50))
print(f"timing: variant optimized at ids={ids}, density=50: {us:.1f} us per call, best of 5 (tracemalloc off)")

print(f"bitmap < list of bools and dict < mostly-empty list at 5%: {bitmap_peak < list_peak and dict_wins[50]}")
