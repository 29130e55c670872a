# wrong: written from the task and the page's list of checks (round 22): `filter_traces`'s results thrown away, so the comparison prints every file's changed lines
# fails: the program takes two snapshots, keeps its own file's traces in both and compares them
import sys
import tracemalloc


def load_lines(n):
    lines = [f"{i},{i * 0.5},{i * 3}" for i in range(n)]
    return lines


def parse(lines):
    records = []
    for line in lines:
        ident, x, y = line.split(",")
        records.append({"id": int(ident), "x": float(x), "y": int(y)})
    return records


def run():
    own = [tracemalloc.Filter(True, __file__)]
    tracemalloc.start()
    lines = load_lines(1_000)
    before = tracemalloc.take_snapshot()
    before.filter_traces(own)

    records = parse(lines)
    del lines
    after = tracemalloc.take_snapshot()
    after.filter_traces(own)
    tracemalloc.stop()

    diffs = after.compare_to(before, "lineno")
    print(f"{len(records)} records parsed")
    print(f"{'line':>6} {'size diff':>12} {'blocks':>8}")
    for stat in diffs:
        if stat.size_diff:
            print(f"{stat.traceback[0].lineno:>6} {stat.size_diff:>+12} {stat.count_diff:>+8}")

    positive_diffs = [s for s in diffs if s.size_diff > 0]
    total = sum(s.size_diff for s in positive_diffs)
    print(f"positive size differences add up to {total} bytes")
    print(f"len(positive_diffs) > 0 -> {len(positive_diffs) > 0}")
    print(f"sum(s.size_diff for s in positive_diffs) > 50_000 -> {total > 50_000}")
    print(f"the lines that grew hold more than 50,000 new bytes: {total > 50_000}")


run()
