# wrong: step 4, the last line's comparison is only 'lazy peak is smaller', not 'at least 5x smaller'
# fails: the program ends by saying whether the lazy peak is at least 5x smaller, as measured
import tracemalloc


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
        result = function(n)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return result, peak


N = 50_000
eager, eager_peak = traced(eager_total, N)
lazy, lazy_peak = traced(lazy_total, N)
print(f"eager total: {eager}, peak: {eager_peak:,} bytes")
print(f"lazy total:  {lazy}, peak: {lazy_peak:,} bytes")
print(f"totals equal: {eager == lazy}")
assert eager == lazy
assert lazy_peak * 5 <= eager_peak, "lazy peak is not 5x smaller"
print(f"lazy peak is at least 5x smaller: {lazy_peak < eager_peak}")
