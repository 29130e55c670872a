# correct: top-level script as the starter has it, comprehension parse, %-formatting table
import tracemalloc

def load_lines(n):
    lines = [f"{i},{i * 0.5},{i * 3}" for i in range(n)]
    return lines

def parse(lines):
    records = [dict(zip(("id", "x", "y"), (int(a), float(b), int(c))))
               for a, b, c in (line.split(",") for line in lines)]
    return records

tracemalloc.start()
lines = load_lines(1_000)
snap1 = tracemalloc.take_snapshot()
records = parse(lines)
del lines
snap2 = tracemalloc.take_snapshot()
tracemalloc.stop()

only_me = [tracemalloc.Filter(True, __file__)]
snap1 = snap1.filter_traces(only_me)
snap2 = snap2.filter_traces(only_me)
diff = snap2.compare_to(snap1, "lineno")
print("%6s %12s %8s" % ("line", "size_diff", "blocks"))
for d in diff:
    if d.size_diff:
        print("%6d %+12d %+8d" % (d.traceback[0].lineno, d.size_diff, d.count_diff))

positive_diffs = [d for d in diff if d.size_diff > 0]
grown = sum(d.size_diff for d in positive_diffs)
print("bytes added by the lines that grew: %d" % grown)
print("len(positive_diffs) > 0: %s" % (len(positive_diffs) > 0))
print("sum(s.size_diff for s in positive_diffs) > 50_000: %s" % (sum(s.size_diff for s in positive_diffs) > 50_000))
print("the lines that grew hold more than 50,000 new bytes: %s" % (grown > 50_000))
