# wrong: step 3 half done: the snapshots are never filtered to the program's own file, and no line numbers are printed, only the sizes
# fails: the program takes two snapshots, keeps its own file's traces in both and compares them
# fails: every line whose size changed is printed with its line number, size difference and block difference
import tracemalloc

def load_lines(n):
    lines = [f"{i},{i * 0.5},{i * 3}" for i in range(n)]
    return lines

def parse(lines):
    records = [{"id": int(a), "x": float(b), "y": float(c)} for a, b, c in (line.split(",") for line in lines)]
    return records

tracemalloc.start()
lines = load_lines(1_000)
before = tracemalloc.take_snapshot()
records = parse(lines)
del lines
after = tracemalloc.take_snapshot()
tracemalloc.stop()
changes = after.compare_to(before, "lineno")
for stat in changes[:2]:
    print(f"{stat.size_diff:+,} bytes, {stat.count_diff:+,} blocks")
positive_diffs = [stat for stat in changes if stat.size_diff > 0 and stat.traceback[0].filename == __file__]
total = sum(stat.size_diff for stat in positive_diffs)
print(f"total: {total:,} bytes")
print(f"len(positive_diffs) > 0: {len(positive_diffs) > 0}")
print(f"sum(s.size_diff for s in positive_diffs) > 50_000: {total > 50_000}")
print(f"the lines that grew hold more than 50,000 new bytes: {total > 50_000}")
