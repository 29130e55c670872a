# wrong: parse keeps the text: the dicts hold the strings split out of each line, not numbers
# fails: `parse(lines)` makes one dict with the numbers id, x and y per line
import tracemalloc

def load_lines(n):
    lines = [f"{i},{i * 0.5},{i * 3}" for i in range(n)]
    return lines

def parse(lines):
    records = [{"id": a, "x": b, "y": c} for a, b, c in (line.split(",") for line in lines)]
    return records

def experiment():
    tracemalloc.start()
    lines = load_lines(1_000)
    before = tracemalloc.take_snapshot()
    records = parse(lines)
    del lines
    after = tracemalloc.take_snapshot()
    tracemalloc.stop()
    mine = [tracemalloc.Filter(True, __file__)]
    changes = after.filter_traces(mine).compare_to(before.filter_traces(mine), "lineno")
    for stat in changes:
        if stat.size_diff != 0:
            print(f"line {stat.traceback[0].lineno}: {stat.size_diff:+,} bytes, {stat.count_diff:+,} blocks")
    positive_diffs = [stat for stat in changes if stat.size_diff > 0]
    total = sum(stat.size_diff for stat in positive_diffs)
    print(f"total: {total:,} bytes")
    print(f"len(positive_diffs) > 0: {len(positive_diffs) > 0}")
    print(f"sum(s.size_diff for s in positive_diffs) > 50_000: {total > 50_000}")
    print(f"the lines that grew hold more than 50,000 new bytes: {total > 50_000}")

experiment()
