# correct: round 13: the total of the positive size_diffs printed inside a json.dumps summary
import json
import tracemalloc


def load_lines(n):
    return [f"{i},{i * 0.5},{i * 3}" for i in range(n)]


def parse(lines):
    def one(text):
        ident, x, y = text.split(",")
        return {"id": int(ident), "x": float(x), "y": int(y)}
    return list(map(one, lines))


def mine(snapshot):
    return snapshot.filter_traces([tracemalloc.Filter(True, __file__)])


def run():
    tracemalloc.start()
    lines = load_lines(1_000)
    first = tracemalloc.take_snapshot()
    records = parse(lines)
    del lines
    second = tracemalloc.take_snapshot()
    tracemalloc.stop()

    changes = [d for d in mine(second).compare_to(mine(first), "lineno") if d.size_diff != 0]
    print("changed lines (line: size diff / block diff):")
    for d in changes:
        print(f"  line {d.traceback[0].lineno}: {d.size_diff:+,} B / {d.count_diff:+} blocks")

    positive_diffs = [d for d in changes if d.size_diff > 0]
    grown = sum(s.size_diff for s in positive_diffs)
    print(json.dumps({"positive lines": len(positive_diffs), "total grown bytes": grown, "records kept": len(records)}))
    print("len(positive_diffs) > 0 ->", len(positive_diffs) > 0)
    print("sum(s.size_diff for s in positive_diffs) > 50_000 ->", sum(s.size_diff for s in positive_diffs) > 50_000)
    print("the lines that grew hold more than 50,000 new bytes:", grown > 50_000)


run()
