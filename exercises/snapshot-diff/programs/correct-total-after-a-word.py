# correct: written from the task alone; the work inside a function, each change printed as "line N: +size bytes, +count blocks", and the total printed after a word with no sign and no colon ("grew by 251,876 bytes"), so the figure follows a space
import tracemalloc


def load_lines(n):
    lines = [f"{i},{i * 0.5},{i * 3}" for i in range(n)]
    return lines


def parse(lines):
    records = []
    for line in lines:
        a, b, c = line.split(",")
        records.append({"id": int(a), "x": float(b), "y": float(c)})
    return records


def diff():
    tracemalloc.start()
    lines = load_lines(1_000)
    first = tracemalloc.take_snapshot()
    records = parse(lines)
    del lines
    second = tracemalloc.take_snapshot()
    tracemalloc.stop()
    mine = [tracemalloc.Filter(True, __file__)]
    return second.filter_traces(mine).compare_to(first.filter_traces(mine), "lineno"), records


stats, kept = diff()
for stat in stats:
    if stat.size_diff:
        print(f"line {stat.traceback[0].lineno}: {stat.size_diff:+,} bytes, {stat.count_diff:+,} blocks")

positive_diffs = [stat for stat in stats if stat.size_diff > 0]
grown = sum(stat.size_diff for stat in positive_diffs)
print(f"the lines that grew grew by {grown:,} bytes in all")
print(f"len(positive_diffs) > 0 -> {len(positive_diffs) > 0}")
print(f"sum(s.size_diff for s in positive_diffs) > 50_000 -> {grown > 50_000}")
print(f"the lines that grew hold more than 50,000 new bytes: {grown > 50_000}")
