# correct: written from the task alone, differently: while loops and mixed-case letters in build_workload, a Random kept in a variable, groups snapshot.traces by (file, line) in a dict by hand, prints "line N" with thousands separators, one tracemalloc session for both parts, "=" in the statements and a capital T in the last line
import random
import string
import tracemalloc


def build_workload(rng):
    strings = []
    while len(strings) < 100_000:
        strings.append("".join(rng.choice(string.ascii_letters) for _ in range(10)))
    square_of = dict((k, k * k) for k in range(50_000))
    reals = set()
    while len(reals) < 80_000:
        reals.add(rng.random())
    return strings, square_of, reals


tracemalloc.start()
generator = random.Random(2024)
structures = build_workload(generator)

shot = tracemalloc.take_snapshot()
mine = shot.filter_traces((tracemalloc.Filter(True, __file__),))
per_line = {}
for trace in mine.traces:
    where = (trace.traceback[0].filename, trace.traceback[0].lineno)
    size, blocks = per_line.get(where, (0, 0))
    per_line[where] = (size + trace.size, blocks + 1)
ranked = sorted(per_line.items(), key=lambda item: item[1][0], reverse=True)
for (filename, lineno), (size, blocks) in ranked[:3]:
    print(f"{filename} line {lineno}: {size:,} bytes, {blocks:,} blocks")
biggest = ranked[0][1][0]

del shot, mine
tracemalloc.clear_traces()
numbers = [i for i in range(100_000)]
later = tracemalloc.take_snapshot().filter_traces([tracemalloc.Filter(True, __file__)])
stats = later.statistics("lineno")
print("numbers line: size", stats[0].size, "blocks", stats[0].count)
for text, value in (("len(stats) > 0", len(stats) > 0),
                    ("stats[0].size > 100000", stats[0].size > 100_000),
                    ("stats[0].count >= 1", stats[0].count >= 1),
                    ("stats[0].count == 1", stats[0].count == 1)):
    print(f"{text} = {value}")
tracemalloc.stop()
print(f"Top site holds more than 100000 bytes = {biggest > 100_000}")
