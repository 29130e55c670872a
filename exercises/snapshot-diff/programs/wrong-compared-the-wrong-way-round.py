# wrong: the snapshots are compared the wrong way round (the first against the second), so growth reads as shrinking and the total sums what was freed
# fails: every line whose size changed is printed with its line number, size difference and block difference
# fails: the program prints the total of the positive size differences
# fails: the program prints the two statements to predict with their values
# fails: the program says whether the lines that grew hold more than 50,000 new bytes, as measured
import tracemalloc


def load_lines(n):
    return [f"{i},{i * 0.5},{i * 3}" for i in range(n)]


def parse(lines):
    parsed = []
    for text in lines:
        ident, x, y = text.split(",")
        parsed.append({"id": int(ident), "x": float(x), "y": float(y)})
    return parsed


def only_mine(snapshot):
    return snapshot.filter_traces([tracemalloc.Filter(True, __file__)])


def run():
    tracemalloc.start()
    lines = load_lines(1_000)
    before = tracemalloc.take_snapshot()
    records = parse(lines)
    del lines
    after = tracemalloc.take_snapshot()
    tracemalloc.stop()

    changes = only_mine(before).compare_to(only_mine(after), "lineno")
    changed = [c for c in changes if c.size_diff != 0]
    for c in changed:
        frame = c.traceback[0]
        print(f"line {frame.lineno}: size {c.size_diff:+,} bytes, blocks {c.count_diff:+,}")

    positive_diffs = [c for c in changes if c.size_diff > 0]
    grown = sum(c.size_diff for c in positive_diffs)
    print(f"total growth over lines that grew: {grown:,} bytes")
    print(f"len(positive_diffs) > 0: {len(positive_diffs) > 0}")
    print(f"sum(s.size_diff for s in positive_diffs) > 50_000: "
          f"{sum(s.size_diff for s in positive_diffs) > 50_000}")
    print(f"kept {len(records)} records")
    print(f"the lines that grew hold more than 50,000 new bytes: {grown > 50_000}")


run()
