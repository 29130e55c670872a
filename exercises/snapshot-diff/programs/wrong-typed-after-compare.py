# wrong: takes both snapshots, filters and compares them, then prints the changed lines and the total typed in from a CPython 3.11 run
# fails: every line whose size changed is printed with its line number, size difference and block difference
# fails: the program prints the total of the positive size differences
import tracemalloc

def load_lines(n):
    lines = [f"{i},{i * 0.5},{i * 3}" for i in range(n)]
    return lines

def parse(lines):
    records = [dict(zip(("id", "x", "y"), (int(a), float(b), float(c))))
               for a, b, c in (line.split(",") for line in lines)]
    return records

tracemalloc.start()
lines = load_lines(1_000)
before = tracemalloc.take_snapshot()
records = parse(lines)
del lines
after = tracemalloc.take_snapshot()
tracemalloc.stop()

keep = tracemalloc.Filter(True, __file__)
stats = after.filter_traces([keep]).compare_to(before.filter_traces([keep]), "lineno")
print("line 11: +251,876 bytes, +4,656 blocks")
print("line 7: -71,098 bytes, -1,001 blocks")

positive_diffs = [s for s in stats if s.size_diff > 0]
grown = 251_876
print("total of the positive diffs:", grown)
print(f"len(positive_diffs) > 0 = {len(positive_diffs) > 0}")
print(f"sum(s.size_diff for s in positive_diffs) > 50000 = {grown > 50000}")
print("'the lines that grew hold more than 50,000 new bytes':", grown > 50000)
