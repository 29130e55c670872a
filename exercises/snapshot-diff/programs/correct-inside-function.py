# correct: the whole experiment inside a function (as the third hint suggests); parse with a for loop and append; changes printed as "file:line  +N B  +M blocks"; predictions with "->"; the conclusion capitalised with "="
import tracemalloc


def load_lines(n):
    lines = [f"{i},{i * 0.5},{i * 3}" for i in range(n)]
    return lines


def parse(lines):
    records = []
    for line in lines:
        ident, x, y = line.split(",")
        records.append({"id": int(ident), "x": float(x), "y": float(y)})
    return records


def experiment():
    tracemalloc.start()
    lines = load_lines(1_000)
    first = tracemalloc.take_snapshot()
    records = parse(lines)
    del lines
    second = tracemalloc.take_snapshot()
    tracemalloc.stop()

    mine = [tracemalloc.Filter(True, __file__)]
    first = first.filter_traces(mine)
    second = second.filter_traces(mine)
    changes = second.compare_to(first, "lineno")
    for change in changes:
        if change.size_diff != 0:
            frame = change.traceback[0]
            print(f"{frame.filename.split('/')[-1]}:{frame.lineno}  {change.size_diff:+,} B  {change.count_diff:+} blocks")

    positive_diffs = [c for c in changes if c.size_diff > 0]
    total = sum(c.size_diff for c in positive_diffs)
    print(f"grown in total: {total:,} bytes over {len(positive_diffs)} lines")
    print(f"a line was freed (negative size_diff): {any(c.size_diff < 0 for c in changes)}")
    print(f"records parsed: {len(records)}")
    print("len(positive_diffs) > 0 ->", len(positive_diffs) > 0)
    print("sum(s.size_diff for s in positive_diffs) > 50_000 ->", total > 50_000)
    print(f"The lines that grew hold more than 50,000 new bytes = {total > 50_000}")


experiment()
