# wrong: skips step 2's `del lines`, so no line shrinks between the snapshots and the loading line's freed text is never shown
# fails: every line whose size changed is printed with its line number, size difference and block difference
import tracemalloc


def load_lines(n):
    lines = [f"{i},{i * 0.5},{i * 3}" for i in range(n)]
    return lines


def parse(lines):
    return [{"id": int(a), "x": float(b), "y": float(c)} for a, b, c in (t.split(",") for t in lines)]


tracemalloc.start()
lines = load_lines(1_000)
before = tracemalloc.take_snapshot()
records = parse(lines)
after = tracemalloc.take_snapshot()
tracemalloc.stop()

own = [tracemalloc.Filter(True, __file__)]
changes = after.filter_traces(own).compare_to(before.filter_traces(own), "lineno")
for stat in changes:
    if stat.size_diff:
        print(f"line {stat.traceback[0].lineno}: {stat.size_diff:+,} bytes, {stat.count_diff:+,} blocks")
positive_diffs = [s for s in changes if s.size_diff > 0]
total = sum(s.size_diff for s in positive_diffs)
print("total growth:", total, "bytes")
print("len(positive_diffs) > 0:", len(positive_diffs) > 0)
print("sum(s.size_diff for s in positive_diffs) > 50_000:", total > 50_000)
print("the lines that grew hold more than 50,000 new bytes:", total > 50_000)
