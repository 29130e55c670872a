# wrong: the totals-equal check runs the two pipelines again on 1,000 records instead of comparing the two 50,000-record totals it measured and printed (step 3)
# fails: the program checks that the totals are equal and `assert`s that the lazy peak is at least five times smaller
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
    active = (r for r in read_records(n) if r["active"])
    reshaped = (reshape(r) for r in active)
    return sum(r["score"] for r in reshaped)

def traced(function, n):
    tracemalloc.start()
    result = function(n)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return result, peak

N = 50_000
eager_sum, eager_peak = traced(eager_total, N)
lazy_sum, lazy_peak = traced(lazy_total, N)
print(f"eager total: {eager_sum}, peak: {eager_peak} bytes")
print(f"lazy total: {lazy_sum}, peak: {lazy_peak} bytes")

# quick consistency check of the two pipelines (small input keeps it fast)
same = eager_total(1_000) == lazy_total(1_000)
print(f"totals equal: {same}")
assert same
assert lazy_peak * 5 <= eager_peak
print(f"lazy peak is at least 5x smaller: {lazy_peak * 5 <= eager_peak}")
