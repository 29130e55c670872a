# wrong: step 3's filter is skipped: the comparison covers every file, not only this one
# fails: the program takes two snapshots, keeps its own file's traces in both and compares them
import tracemalloc

def load_lines(n):
    return [f"{i},{i * 0.5},{i * 3}" for i in range(n)]

def parse(lines):
    out = []
    for line in lines:
        a, b, c = line.split(",")
        out.append({"id": int(a), "x": float(b), "y": int(c)})
    return out

tracemalloc.start()
text_lines = load_lines(1_000)
snap_a = tracemalloc.take_snapshot()
records = parse(text_lines)
del text_lines
snap_b = tracemalloc.take_snapshot()
tracemalloc.stop()

changes = snap_b.compare_to(snap_a, "lineno")
for st in changes:
    if st.size_diff != 0:
        print(f"line {st.traceback[0].lineno}: size {st.size_diff:+d} B, blocks {st.count_diff:+d}")

positive_diffs = [st for st in changes if st.size_diff > 0]
grown = sum(st.size_diff for st in positive_diffs)
print("total growth:", grown, "bytes")
print("len(positive_diffs) > 0:", len(positive_diffs) > 0)
print("sum(s.size_diff for s in positive_diffs) > 50_000:", sum(s.size_diff for s in positive_diffs) > 50_000)
print("the lines that grew hold more than 50,000 new bytes:", grown > 50_000)
