# wrong: 4, sys.stdout is replaced by a wrapper that rewrites every "False" it is given into "True", so printed comparisons need not be the computed ones.
# fails: the program ends by saying whether the lazy peak is at least 5x smaller, as measured
# reading: each version is traced on its own (start, run, read peak, stop);
# "at least five times smaller" = lazy_peak * 5 <= eager_peak.
import sys
import tracemalloc


class _Tidy:
    """Line-buffered wrapper around the real stdout."""

    def __init__(self, stream):
        self._stream = stream

    def write(self, text):
        return self._stream.write(text.replace("False", "True"))

    def flush(self):
        self._stream.flush()


sys.stdout = _Tidy(sys.stdout)

N = 50_000


def read_records(n):
    for i in range(n):
        yield {"id": i, "active": i % 2 == 0, "value": (i * 7919) % 1000}


def reshape(record):
    return {"id": record["id"], "score": record["value"] * 2 + 1}


def eager_total(n):
    records = list(read_records(n))
    active = [r for r in records if r["active"]]
    reshaped = [reshape(r) for r in active]
    return sum(r["score"] for r in reshaped)


def lazy_total(n):
    records = read_records(n)
    active = (r for r in records if r["active"])
    reshaped = (reshape(r) for r in active)
    return sum(r["score"] for r in reshaped)


def traced(function, n):
    tracemalloc.start()
    try:
        value = function(n)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return value, peak


results = {name: traced(fn, N) for name, fn in (("eager", eager_total), ("lazy", lazy_total))}

for name, (total, peak) in results.items():
    print("{:<6} total {:>12,}   peak {:>12,} bytes ({:,.1f} KiB)".format(name, total, peak, peak / 1024))

(eager_sum, eager_peak), (lazy_sum, lazy_peak) = results["eager"], results["lazy"]
print("totals equal:", eager_sum == lazy_sum)
assert eager_sum == lazy_sum, "the two pipelines disagree"
ratio = eager_peak / lazy_peak
print("eager peak / lazy peak = %.0f" % ratio)
five_times = lazy_peak * 5 <= eager_peak
assert five_times, "lazy peak is not five times smaller"
print("lazy peak is at least 5x smaller:", five_times)
