# wrong: half the task: pack and flag_at, the flags measured and their sizes printed, but sparse_scores left as the starter's list and no densities measured; the last line compares the flags only
# fails: `sparse_scores(n, per_mille)` holds exactly the ids that have a score
# fails: `sparse_scores` builds only the dict, not a slot for every id (its peak at 1% is measured here)
# fails: the last line says whether the bitmap beats the list of bools and the dict beats the list at 5%, as measured
import sys
import tracemalloc


def pack(flags):
    bitmap = bytearray((len(flags) + 7) // 8)
    for i, flag in enumerate(flags):
        if flag:
            bitmap[i >> 3] |= 1 << (i & 7)
    return bitmap


def flag_at(bitmap, i):
    return bitmap[i >> 3] >> (i & 7) & 1 == 1


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
    return dense_scores(n, per_mille)


tracemalloc.start()
flags = [i % 3 == 0 for i in range(200_000)]
list_peak = tracemalloc.get_traced_memory()[1]
tracemalloc.stop()
tracemalloc.start()
bitmap = pack(flags)
bitmap_peak = tracemalloc.get_traced_memory()[1]
tracemalloc.stop()
print(f"list {list_peak:,} bytes, bitmap {bitmap_peak:,} bytes")
print(f"getsizeof: bitmap {sys.getsizeof(bitmap):,}, int {sys.getsizeof(int.from_bytes(bitmap, 'little')):,}")
print(f"bitmap < list of bools and dict < mostly-empty list at 5%: {bitmap_peak < list_peak}")
