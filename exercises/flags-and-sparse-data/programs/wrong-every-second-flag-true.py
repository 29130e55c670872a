# wrong: written from the task and the page's list of checks (round 22): the 200,000 flags built with every second one True, not every third
# fails: the flags packed are 200,000 with every third one `True`: run again, `pack` notes what it is given
import sys
import tracemalloc

N_FLAGS = 200_000
N_IDS = 50_000
DENSITIES = (1, 5, 10, 15, 20, 50)   # percent of ids with a score


def pack(flags):
    bitmap = bytearray((len(flags) + 7) // 8)
    for i, flag in enumerate(flags):
        if flag:
            bitmap[i // 8] |= 1 << (i % 8)
    return bitmap


def flag_at(bitmap, i):
    return bool((bitmap[i // 8] >> (i % 8)) & 1)


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


def traced_peak(build, *args):
    """Peak bytes traced while build(*args) runs; the result is dropped before stopping."""
    tracemalloc.start()
    base = tracemalloc.get_traced_memory()[0]
    result = build(*args)
    peak = tracemalloc.get_traced_memory()[1] - base
    del result
    tracemalloc.stop()
    return peak


def make_flags(n):
    return [i % 2 == 0 for i in range(n)]


flags = make_flags(N_FLAGS)
bitmap = pack(flags)
assert all(flag_at(bitmap, i) == flags[i] for i in range(N_FLAGS))

flag_peaks = {"list of bools": traced_peak(make_flags, N_FLAGS), "bitmap": traced_peak(pack, flags)}
as_int = int.from_bytes(bitmap, "little")
sys.stdout.write("200,000 flags (%d set)\n" % sum(flags))
for label, peak in flag_peaks.items():
    sys.stdout.write("  traced peak, %-14s %11s bytes  %9.1f KiB\n" % (label + ":", format(peak, ","), peak / 1024))
sys.stdout.write("  sys.getsizeof(bitmap)        = %d bytes\n" % sys.getsizeof(bitmap))
sys.stdout.write("  sys.getsizeof(same bits, int) = %d bytes\n" % sys.getsizeof(as_int))

rows = {}
for pct in DENSITIES:
    pm = pct * 10
    sparse = sparse_scores(N_IDS, pm)
    assert sparse == {i: s for i, s in enumerate(dense_scores(N_IDS, pm)) if s is not None}
    rows[pct] = {"scores": len(sparse),
                 "list": traced_peak(dense_scores, N_IDS, pm),
                 "dict": traced_peak(sparse_scores, N_IDS, pm)}
    del sparse

print(f"\nscores for {N_IDS:,} ids: traced peaks in bytes")
print(f"{'density':>8} {'scores':>7} {'list':>11} {'dict':>11}  smaller")
for pct, row in rows.items():
    winner = "dict" if row["dict"] < row["list"] else "list"
    print(f"{pct:>7}% {row['scores']:>7,} {row['list']:>11,} {row['dict']:>11,}  {winner}")

crossing = None
for low, high in zip(DENSITIES, DENSITIES[1:]):
    if rows[low]["dict"] < rows[low]["list"] and rows[high]["dict"] >= rows[high]["list"]:
        crossing = (low, high)
        break
if crossing:
    print(f"the dict stops being the smaller one between {crossing[0]}% and {crossing[1]}%")
else:
    print("the dict does not stop being the smaller one between two of the measured densities")

verdict = flag_peaks["bitmap"] < flag_peaks["list of bools"] and rows[5]["dict"] < rows[5]["list"]
print("bitmap < list of bools and dict < mostly-empty list at 5%:", verdict)
