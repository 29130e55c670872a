# correct: everything at module level as the starter lays it out; parse is a comprehension over dict(zip(...)); each change printed with str(stat) (tracemalloc's own "file:line: size=247 KiB (+247 KiB), count=..." form); the total without separators; the conclusion in quotes
import tracemalloc

def load_lines(n):
    lines = [f"{i},{i * 0.5},{i * 3}" for i in range(n)]
    return lines

def parse(lines):
    records = [dict(zip(("id", "x", "y"), (int(a), float(b), float(c))))
               for a, b, c in (line.split(",") for line in lines)]
    return records

tracemalloc.start()
lines = load_lines(1_000)
before = tracemalloc.take_snapshot()
records = parse(lines)
del lines
after = tracemalloc.take_snapshot()
tracemalloc.stop()

keep = tracemalloc.Filter(True, __file__)
stats = after.filter_traces([keep]).compare_to(before.filter_traces([keep]), "lineno")
i = 0
while i < len(stats):
    if stats[i].size_diff:
        print(stats[i])
    i += 1

positive_diffs = [s for s in stats if s.size_diff > 0]
grown = sum(s.size_diff for s in positive_diffs)
print("total of the positive diffs:", grown)
print(f"len(positive_diffs) > 0 = {len(positive_diffs) > 0}")
print(f"sum(s.size_diff for s in positive_diffs) > 50000 = {grown > 50000}")
print("'the lines that grew hold more than 50,000 new bytes':", grown > 50000)
