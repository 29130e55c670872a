# wrong: step 4 skipped: no total of the positive diffs and no statements; the conclusion looks at the biggest change only
# fails: the program prints the two statements to predict with their values
# fails: the program prints the total of the positive size differences
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

tracemalloc.start()
lines = load_lines(1_000)
first = tracemalloc.take_snapshot()
records = parse(lines)
del lines
second = tracemalloc.take_snapshot()
tracemalloc.stop()
mine = [tracemalloc.Filter(True, __file__)]
changes = second.filter_traces(mine).compare_to(first.filter_traces(mine), "lineno")
for stat in changes:
    if stat.size_diff:
        print(stat)
print(f"the lines that grew hold more than 50,000 new bytes: {changes[0].size_diff > 0}")
