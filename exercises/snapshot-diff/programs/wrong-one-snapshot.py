# wrong: the naive view kept under the task's steps: one snapshot after parsing, its statistics by line, and no comparison with the first, so the freed text lines never show
# fails: the program takes two snapshots, keeps its own file's traces in both and compares them
# fails: every line whose size changed is printed with its line number, size difference and block difference
import tracemalloc

def load_lines(n):
    lines = [f"{i},{i * 0.5},{i * 3}" for i in range(n)]
    return lines

def parse(lines):
    records = [{"id": int(a), "x": float(b), "y": float(c)} for a, b, c in (line.split(",") for line in lines)]
    return records

def experiment():
    tracemalloc.start()
    lines = load_lines(1_000)
    records = parse(lines)
    del lines
    snapshot = tracemalloc.take_snapshot().filter_traces([tracemalloc.Filter(True, __file__)])
    tracemalloc.stop()
    stats = snapshot.statistics("lineno")
    for stat in stats:
        print(f"line {stat.traceback[0].lineno}: {stat.size:+,} bytes, {stat.count:+,} blocks")
    positive_diffs = stats
    total = sum(stat.size for stat in positive_diffs)
    print(f"total: {total:,} bytes")
    print(f"len(positive_diffs) > 0: {len(positive_diffs) > 0}")
    print(f"sum(s.size_diff for s in positive_diffs) > 50_000: {total > 50_000}")
    print(f"the lines that grew hold more than 50,000 new bytes: {total > 50_000}")

experiment()
