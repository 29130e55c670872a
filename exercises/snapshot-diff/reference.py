"""Heapwise reference program for snapshot-diff (P4, L-ref comparing snapshots).

Takes one snapshot after loading raw text lines and another after parsing
them into 1,000 small dicts and dropping the text, then compares the two
snapshots line by line: what grew, and what shrank.
"""
import linecache
import os
import platform
import struct
import sys
import tracemalloc

THIS_FILE = os.path.abspath(__file__)


def load_lines(n):
    """The raw input: one comma-separated text line per record."""
    lines = [f"{i},{i * 0.5},{i * 3}" for i in range(n)]
    return lines


def parse(lines):
    """One small dict per line."""
    records = [{"id": int(a), "x": float(b), "y": float(c)} for a, b, c in (line.split(",") for line in lines)]
    return records


# The timing helper and its import sit below load_lines and parse, so that
# the line numbers this program prints for those two stay where they are.
import time  # noqa: E402

REPEATS = 5  # timed rounds; the fastest is the least disturbed by the rest of the machine


def best_time_us(step, calls=1):
    """Microseconds per call of step(): the fastest of REPEATS rounds of `calls` calls."""
    assert not tracemalloc.is_tracing(), "time with tracemalloc off: it slows every allocation"
    fastest = float("inf")
    for _ in range(REPEATS):
        start = time.perf_counter()
        for _ in range(calls):
            step()
        fastest = min(fastest, time.perf_counter() - start)
    return fastest / calls * 1e6


def two_snapshots(n):
    """Snapshots before and after parsing; the text lines are dropped in between."""
    tracemalloc.start()
    lines = load_lines(n)
    before = tracemalloc.take_snapshot()
    records = parse(lines)
    del lines
    after = tracemalloc.take_snapshot()
    tracemalloc.stop()
    return before, after, records


def describe(stat):
    """File, line, the name assigned on that line, and the change."""
    frame = stat.traceback[0]
    assigned = linecache.getline(frame.filename, frame.lineno).split("=")[0].strip()
    return (f"{os.path.basename(frame.filename)}:{frame.lineno} ({assigned}): "
            f"{stat.size_diff:+,} bytes, {stat.count_diff:+,} blocks")


print(f"CPython {platform.python_version()}, {struct.calcsize('P') * 8}-bit")

before, after, records = two_snapshots(1_000)
only_this_file = [tracemalloc.Filter(True, THIS_FILE)]
before = before.filter_traces(only_this_file)
after = after.filter_traces(only_this_file)

# compare_to sorts by the size of the change, growth and shrinkage alike.
changes = after.compare_to(before, "lineno")
print("lines that changed between the two snapshots:")
for stat in changes:
    if stat.size_diff != 0:
        print(" ", describe(stat))

print(f"one record dict: {sys.getsizeof(records[0])} bytes, one text line: {sys.getsizeof('999,499.5,2997')} bytes")
grew = max(changes, key=lambda s: s.size_diff)
shrank = min(changes, key=lambda s: s.size_diff)
positive_diffs = [stat for stat in changes if stat.size_diff > 0]
new_bytes = sum(stat.size_diff for stat in positive_diffs)
print(f"new memory over every line that grew: {new_bytes:,} bytes, on {len(positive_diffs)} line(s)")
# Loading and parsing the 1,000 lines, timed with tracemalloc off (10 calls a
# round). The page sets this figure beside the Rust variant that parses as
# many lines into a map per record, as parse() makes a dict per record.
micros = best_time_us(lambda: parse(load_lines(len(records))), calls=10)
print(f"timing: variant naive at n={len(records)}: {micros:.1f} us per call, best of {REPEATS} (tracemalloc off)")
print(f"a line shrank: {shrank.size_diff < 0}")
print(f"len(positive_diffs) > 0: {len(positive_diffs) > 0}")
print(f"sum(s.size_diff for s in positive_diffs) > 50_000: {new_bytes > 50_000}")
print(f"the lines that grew hold more than 50,000 new bytes: {new_bytes > 50_000}")
