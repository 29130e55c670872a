# correct: helper functions, clear_traces between parts, explicit field formatting with %-style
import random
import string
import tracemalloc

LETTERS = string.ascii_letters

def build_workload(rng):
    words = ["".join(rng.choice(LETTERS) for _ in range(10)) for _ in range(100_000)]
    squares = dict((k, k * k) for k in range(50_000))
    floats = set(rng.random() for _ in range(80_000))
    return words, squares, floats

def my_lines(snap):
    mine = snap.filter_traces((tracemalloc.Filter(True, __file__),))
    return mine.statistics("lineno")

def show(stat):
    frame = stat.traceback[0]
    print("%s:%d  size=%.1f KiB  count=%d" % (frame.filename, frame.lineno, stat.size / 1024, stat.count))

tracemalloc.start()
data = build_workload(random.Random(2024))
workload_stats = my_lines(tracemalloc.take_snapshot())
for s in workload_stats[:3]:
    show(s)
biggest = workload_stats[0].size
del data
tracemalloc.clear_traces()

numbers = [i for i in range(100_000)]
stats = my_lines(tracemalloc.take_snapshot())
print("numbers line: %d bytes in %d blocks" % (stats[0].size, stats[0].count))
for text, value in (("len(stats) > 0", len(stats) > 0),
                    ("stats[0].size > 100_000", stats[0].size > 100_000),
                    ("stats[0].count >= 1", stats[0].count >= 1),
                    ("stats[0].count == 1", stats[0].count == 1)):
    print("%s: %s" % (text, value))
tracemalloc.stop()

print("top site holds more than 100,000 bytes: %s" % (biggest > 100_000))
