# correct: written from the task alone; pack built by a generator of bytes, flag_at with // and %, sparse_scores a dict comprehension, one trace with reset_peak, densities as fractions, other wording
import sys
import tracemalloc


def pack(flags):
    n = len(flags)
    return bytearray(
        sum(1 << bit for bit in range(8) if byte * 8 + bit < n and flags[byte * 8 + bit])
        for byte in range((n + 7) // 8))


def flag_at(bitmap, i):
    return (bitmap[i // 8] >> (i % 8)) % 2 == 1


def has_score(i, per_mille):
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


def measured(build, *args):
    tracemalloc.reset_peak()
    start = tracemalloc.get_traced_memory()[0]
    value = build(*args)
    top = tracemalloc.get_traced_memory()[1] - start
    return value, top


tracemalloc.start()
flags, flags_peak = measured(lambda: [i % 3 == 0 for i in range(200_000)])
bitmap, bits_peak = measured(pack, flags)
print("200,000 flags as a list:", flags_peak, "bytes; packed:", bits_peak, "bytes")
print("sys.getsizeof(bitmap):", sys.getsizeof(bitmap))
print("sys.getsizeof(int.from_bytes(bitmap, 'little')):", sys.getsizeof(int.from_bytes(bitmap, "little")))
print("round trip ok:", all(flag_at(bitmap, i) == f for i, f in enumerate(flags)))

wins = []
for density in (0.01, 0.05, 0.10, 0.15, 0.20, 0.50):
    pm = round(density * 1000)
    d, dict_bytes = measured(sparse_scores, 50_000, pm)
    del d
    l, list_bytes = measured(dense_scores, 50_000, pm)
    del l
    wins.append((density, dict_bytes < list_bytes))
    print(f"density {density:.2f}: dict {dict_bytes} vs list {list_bytes}")
tracemalloc.stop()
i = 0
while wins[i][1]:
    i += 1
print(f"Crossover: dict wins at {wins[i - 1][0]:.2f}, loses from {wins[i][0]:.2f}")
print("Bitmap < list of bools and dict < mostly-empty list at 5% =", bits_peak < flags_peak and wins[1][1])
