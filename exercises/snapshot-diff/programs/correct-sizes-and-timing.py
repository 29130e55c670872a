# correct: written from the task text alone; parse with a dict() call in a while loop; changes collected in a list of tuples and printed in KiB with signs; the sizes of one record and one line printed with getsizeof; a timing line of its own (timeit.repeat over load_lines and parse, best of 5)
import sys
import timeit
import tracemalloc


def load_lines(n):
    lines = [f"{i},{i * 0.5},{i * 3}" for i in range(n)]
    return lines


def parse(lines):
    out = []
    i = 0
    while i < len(lines):
        a, b, c = lines[i].split(",")
        out.append(dict(id=int(a), x=float(b), y=float(c)))
        i += 1
    return out


tracemalloc.start()
text = load_lines(1_000)
snap_a = tracemalloc.take_snapshot()
parsed = parse(text)
del text
snap_b = tracemalloc.take_snapshot()
tracemalloc.stop()

keep = (tracemalloc.Filter(True, __file__),)
diff = snap_b.filter_traces(keep).compare_to(snap_a.filter_traces(keep), "lineno")
rows = [(d.traceback[0].lineno, d.size_diff, d.count_diff) for d in diff if d.size_diff]
for lineno, size, count in rows:
    print(f"line {lineno}: {size / 1024:+.1f} KiB, {count:+d} blocks")

positive_diffs = [d for d in diff if d.size_diff > 0]
grown = sum(d.size_diff for d in positive_diffs)
print("total grown:", grown, "bytes")
print("one parsed record:", sys.getsizeof(parsed[0]), "bytes; one text line:", sys.getsizeof(load_lines(1)[0]), "bytes")
print("len(positive_diffs) > 0:", len(positive_diffs) > 0)
print("sum(s.size_diff for s in positive_diffs) > 50_000:", grown > 50_000)

rounds = timeit.repeat(lambda: parse(load_lines(1_000)), number=10, repeat=5)
print(f"timing: variant naive at n=1000: {min(rounds) / 10 * 1e6:.1f} us per call, best of 5 (tracemalloc off)")
print("the lines that grew hold more than 50,000 new bytes:", grown > 50_000)
