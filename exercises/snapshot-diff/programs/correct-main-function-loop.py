# correct: the work in a main() function; parse fills a list in a for loop; each change printed as "line N: size +X B, blocks +Y"; the total and the statements worded freely
import tracemalloc


def load_lines(n):
    lines = [f"{i},{i * 0.5},{i * 3}" for i in range(n)]
    return lines


def parse(lines):
    out = []
    for text in lines:
        ident, x, y = text.split(",")
        out.append({"id": int(ident), "x": float(x), "y": float(y)})
    return out


def main():
    tracemalloc.start()
    raw = load_lines(1_000)
    first = tracemalloc.take_snapshot()
    parsed = parse(raw)
    del raw
    second = tracemalloc.take_snapshot()
    tracemalloc.stop()
    mine = [tracemalloc.Filter(True, __file__)]
    first = first.filter_traces(mine)
    second = second.filter_traces(mine)
    diff = second.compare_to(first, "lineno")
    for entry in diff:
        if entry.size_diff == 0:
            continue
        where = entry.traceback[0]
        print(f"line {where.lineno}: size {entry.size_diff:+} B, blocks {entry.count_diff:+}")
    positive_diffs = [entry for entry in diff if entry.size_diff > 0]
    grown_by = sum(entry.size_diff for entry in positive_diffs)
    print(f"growth over all lines that grew = {grown_by:,} bytes ({len(parsed)} records)")
    print("len(positive_diffs) > 0 ->", len(positive_diffs) > 0)
    print("sum(s.size_diff for s in positive_diffs) > 50_000 ->", grown_by > 50_000)
    print("the lines that grew hold more than 50,000 new bytes:", grown_by > 50_000)


main()
