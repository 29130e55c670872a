# correct: written from the task alone, another way: a generator of words built letter by letter, the snapshot kept in a helper that returns the ranked sites, os.path.basename in the printed lines, P2's statements computed in a dict and printed in a loop, "->" before the values
import os
import random
import string
import tracemalloc

def build_workload(rng):
    letters = string.ascii_letters[:26]
    words = ["".join(rng.choice(letters) for _ in range(10)) for _ in range(100_000)]
    squares = dict((k, k ** 2) for k in range(50_000))
    floats = set(rng.random() for _ in range(80_000))
    return words, squares, floats


def ranked_sites():
    shot = tracemalloc.take_snapshot()
    mine = shot.filter_traces([tracemalloc.Filter(True, __file__)])
    return mine.statistics("lineno")


tracemalloc.start()
alive = build_workload(random.Random(2024))
sites = ranked_sites()
tracemalloc.stop()
for rank, site in enumerate(sites[:3], 1):
    frame = site.traceback[0]
    print(f"#{rank} {os.path.basename(frame.filename)} line {frame.lineno} -> {site.size} B, {site.count} blocks")

tracemalloc.start()
numbers = [i for i in range(100_000)]
stats = ranked_sites()
tracemalloc.stop()
print(f"P2 top line -> {stats[0].size} B, {stats[0].count} blocks")
claims = {
    "len(stats) > 0": len(stats) > 0,
    "stats[0].size > 100_000": stats[0].size > 100_000,
    "stats[0].count >= 1": stats[0].count >= 1,
    "stats[0].count == 1": stats[0].count == 1,
}
for claim, value in claims.items():
    print(claim, "->", value)
print("top site holds more than 100,000 bytes:", sites[0].size > 100_000)
