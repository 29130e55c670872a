# wrong: the printed total adds up StatisticDiff.size (what the lines hold in the second snapshot) instead of size_diff, and the size_diff statement is printed with that total's value; it agrees here only because the growing lines held nothing in the first snapshot
# fails: the program prints the total of the positive size differences
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


def main():
    mine = [tracemalloc.Filter(True, __file__)]
    tracemalloc.start()
    lines = load_lines(1_000)
    one_line = sys.getsizeof(lines[-1])
    before = tracemalloc.take_snapshot()

    records = parse(lines)
    del lines
    after = tracemalloc.take_snapshot()
    tracemalloc.stop()

    print(f"one text line: {one_line} bytes, one parsed record: {sys.getsizeof(records[-1])} bytes (dict alone)")
    changes = after.filter_traces(mine).compare_to(before.filter_traces(mine), "lineno")
    changed = [c for c in changes if c.size_diff != 0]
    print(f"{len(changed)} line(s) of this file changed size:")
    for change in changed:
        frame = change.traceback[0]
        print(f"  line {frame.lineno:>3}: size {change.size_diff:+,} B, blocks {change.count_diff:+,}")

    positive_diffs = [c for c in changes if c.size_diff > 0]
    grown = sum(c.size for c in positive_diffs)
    print(f"total of the positive size differences: {grown:,} bytes")
    print(f"len(positive_diffs) > 0: {len(positive_diffs) > 0}")
    print(f"sum(s.size_diff for s in positive_diffs) > 50_000: {grown > 50_000}")
    print(f"the lines that grew hold more than 50,000 new bytes: {grown > 50_000}")


main()
