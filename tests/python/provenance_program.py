"""Provenance (heapwise_check/provenance.py) tested on one program, by
cpython_checks.py (every pyenv CPython) and checks.test.mjs (Pyodide): each
line of PROGRAM prints one figure, and CHECKS answers, line by line, whether
it is measured; MEASURED is the right answer for the lines it covers. The
program's last line prints measured values every way a program may; its
text must be what the same program prints run plainly, without the harness
(`same_printing`).
"""

PROGRAM = """import os, sys, tempfile, tracemalloc
data = list(range(1000))
size = sys.getsizeof(data)
print(size)
print(f"with commas: {size:,} bytes")
print(f"difference: {size - sys.getsizeof([]):,} bytes")
print(f"per item: {size / len(data):.2f} bytes")
print(f"in KiB: {size / 1024:.1f} KiB")
print(f"in MB: {size / 1e6:.3f} MB")
print("summed:", sum(sys.getsizeof(row) for row in ([1] * 10, [2] * 20)))
tracemalloc.start()
kept = [bytes(100) for _ in range(1000)]
current, peak = tracemalloc.get_traced_memory()
snapshot = tracemalloc.take_snapshot()
top = snapshot.statistics("lineno")[0]
tracemalloc.stop()
print(f"peak: {peak:,} bytes")
print(f"biggest line: {top.size:,} bytes")
print("entry:", top)
print("traces:", sum(trace.size for trace in snapshot.traces), "bytes")
print("percent-formatted: %d bytes, %.1f KiB" % (size, size / 1024))
print("percent-formatted inline: %d bytes" % sys.getsizeof(data))
with tempfile.NamedTemporaryFile() as f:
    f.write(bytes(5000))
    f.flush()
    print("file:", os.path.getsize(f.name), "bytes")
sys.getsizeof(data)
print(f"typed: {8056:,} bytes")
twin = sys.getsizeof(data)
print(f"twin: {int(str(twin)):,} bytes")
tenth = sys.getsizeof(list(range(100)))
print(f"a tenth times 10: {tenth * 10:,} bytes")
print(f"plus a typed number: {size + 64:,} bytes")
print(f"divided by a tenth: {tenth / 0.1:,.0f} bytes")
print(f"doubled: {size + size:,} bytes")
print(type(size), type(size / 2), repr(size), "%d %s %r" % (size, size, size), format(size, ">10,"), [size], f"{size!r:>8}")
"""
CHECKS = """from heapwise_check import check
@check("which lines are measured")
def _(p):
    return repr([bool(p.sizes([line], measured=True)) for line in p.lines])
"""
MEASURED = [True] * 14 + [False] * 6




def same_printing(under_harness, plain):
    """True when the lines printed under the harness are the plain run's
    (the traced figures aside: a traced figure moves between interpreters)."""
    return len(plain) == len(under_harness) and under_harness[-1].startswith("<class 'int'> <class 'float'> ") and all(
        a == b for a, b in zip(under_harness, plain) if not a.startswith(("peak", "biggest", "entry", "traces")))
