# wrong: measures everything, but the last line is typed True instead of the two comparisons of traced peaks
# fails: the last line says whether the bitmap beats the list of bools and the dict beats the list at 5%, as measured
import sys
import tracemalloc


def pack(flags):
    out = bytearray((len(flags) + 7) // 8)
    i = 0
    while i < len(flags):
        if flags[i]:
            byte, bit = divmod(i, 8)
            out[byte] |= 1 << bit
        i += 1
    return out


def flag_at(bitmap, i):
    byte, bit = divmod(i, 8)
    return (bitmap[byte] >> bit) & 1 == 1


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


def traced(make):
    tracemalloc.start()
    try:
        make()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


flags = [i % 3 == 0 for i in range(200_000)]
bitmap = pack(flags)
bools_peak = traced(lambda: [i % 3 == 0 for i in range(200_000)])
packed_peak = traced(lambda: pack(flags))
print("list of bools peak:", bools_peak, "bytes | packed peak:", packed_peak, "bytes")
print("getsizeof bitmap:", sys.getsizeof(bitmap), "bytes | as one int:",
      sys.getsizeof(int.from_bytes(bitmap, "little")), "bytes")

rows = []
for percent in (1, 5, 10, 15, 20, 50):
    rows.append((percent, traced(lambda: sparse_scores(50_000, percent * 10)),
                 traced(lambda: dense_scores(50_000, percent * 10))))
for percent, as_dict, as_list in rows:
    print(f"at {percent}%: dict {as_dict} B vs list {as_list} B")
switch = None
for before, after in zip(rows, rows[1:]):
    if before[1] < before[2] and not after[1] < after[2]:
        switch = (before[0], after[0])
        break
if switch:
    print(f"dict stops being smaller: between {switch[0]}% and {switch[1]}%")
at_five = next(row for row in rows if row[0] == 5)
print("bitmap < list of bools and dict < mostly-empty list at 5%: True")
