# correct: held-out round 12 (tester B): the changes as a table, line numbers in a column headed "line", compare_to filtered by a helper
import tracemalloc

THRESHOLD = 50_000


def load_lines(n):
    return [f"{i},{i * 0.5},{i * 3}" for i in range(n)]


def to_record(text):
    ident, x, y = text.split(",")
    return {"id": int(ident), "x": float(x), "y": float(y)}


def parse(lines):
    return list(map(to_record, lines))


def mine(snap):
    return snap.filter_traces([tracemalloc.Filter(True, __file__)])


def run():
    tracemalloc.start()
    lines = load_lines(1_000)
    first = tracemalloc.take_snapshot()
    records = parse(lines)
    del lines
    second = tracemalloc.take_snapshot()
    tracemalloc.stop()
    changes = [d for d in mine(second).compare_to(mine(first), "lineno") if d.size_diff != 0]
    return records, changes


records, changes = run()
print(f"{'line':>5} {'size diff':>10} {'blocks':>7}")
for change in changes:
    print(f"{change.traceback[0].lineno:>5} {change.size_diff:>+10} {change.count_diff:>+7}")

positive_diffs = [d for d in changes if d.size_diff > 0]
grown = sum(s.size_diff for s in positive_diffs)
print(f"bytes added by the lines that grew: {grown:,} ({len(records)} records parsed)")
print("len(positive_diffs) > 0:", len(positive_diffs) > 0)
print("sum(s.size_diff for s in positive_diffs) > 50_000:", sum(s.size_diff for s in positive_diffs) > 50_000)
print("the lines that grew hold more than 50,000 new bytes: ", grown > THRESHOLD, sep="")
