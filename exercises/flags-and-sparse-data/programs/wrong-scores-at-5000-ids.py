# wrong: 4, the scores are measured for 5,000 ids instead of the 50,000 the task says.
# fails: step 4 measures at 50,000 ids at each of the task's densities (the given `dense_scores` and the program's `sparse_scores` are traced so)
# reading: "measure a list of 200,000 flags against its packed form" = the traced peak of
# building the list of bools vs the traced peak of pack(flags) (each traced on its own);
# the score densities are per mille: 10, 50, 100, 150, 200, 500 of every 1,000 ids.
import sys
import tracemalloc


def pack(flags):
    bitmap = bytearray((len(flags) + 7) // 8)
    for i, flag in enumerate(flags):
        if flag:
            bitmap[i // 8] |= 1 << (i % 8)
    return bitmap


def flag_at(bitmap, i):
    return bool(bitmap[i // 8] >> (i % 8) & 1)


def has_score(i, per_mille):
    # per_mille ids in every 1,000 have a score, spread out
    return i * 7919 % 1000 < per_mille


def score(i):
    return 1000 + 3 * i


def dense_scores(n, per_mille):
    scores = [None] * n
    for i in range(n):
        if has_score(i, per_mille):
            scores[i] = score(i)
    return scores


def sparse_scores(n, per_mille):
    return {i: score(i) for i in range(n) if has_score(i, per_mille)}


def traced_peak(build):
    """Start tracing, build, read the peak, stop; return (result, peak)."""
    tracemalloc.start()
    result = build()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return result, peak


FLAGS = 200_000
flags, list_peak = traced_peak(lambda: [i % 3 == 0 for i in range(FLAGS)])
bitmap, bitmap_peak = traced_peak(lambda: pack(flags))
assert all(flag_at(bitmap, i) == flags[i] for i in range(FLAGS))

print(f"{FLAGS:,} flags as a list of bools: peak {list_peak:,} bytes")
print(f"{FLAGS:,} flags packed in a bytearray: peak {bitmap_peak:,} bytes")
print(f"sys.getsizeof(bitmap) = {sys.getsizeof(bitmap):,} bytes")
print(f"sys.getsizeof(int.from_bytes(bitmap, 'little')) = "
      f"{sys.getsizeof(int.from_bytes(bitmap, 'little')):,} bytes")

IDS = 5_000
DENSITIES = [10, 50, 100, 150, 200, 500]  # per mille
results = {}
print("scores for 50,000 ids:")
for per_mille in DENSITIES:
    _, dense_peak = traced_peak(lambda: dense_scores(IDS, per_mille))
    _, sparse_peak = traced_peak(lambda: sparse_scores(IDS, per_mille))
    results[per_mille] = (dense_peak, sparse_peak)
    winner = "dict" if sparse_peak < dense_peak else "list"
    print(f"  {per_mille / 10:4.0f}%  list {dense_peak:>9,} bytes   dict {sparse_peak:>9,} bytes   smaller: {winner}")

crossing = None
for below, above in zip(DENSITIES, DENSITIES[1:]):
    if results[below][1] < results[below][0] and results[above][1] >= results[above][0]:
        crossing = (below, above)
        break
if crossing:
    print(f"the dict stops being the smaller one between {crossing[0] / 10:.0f}% and {crossing[1] / 10:.0f}%")
else:
    print("the dict does not stop being the smaller one between the measured densities")

dense5, sparse5 = results[50]
print(f"bitmap < list of bools and dict < mostly-empty list at 5%: "
      f"{bitmap_peak < list_peak and sparse5 < dense5}")
