# wrong: (c) lazy_total uses generators for two stages but materialises the records with list() first
# fails: `lazy_total` builds no list at any stage: its peak stays tiny (measured by the check)
# fails: the program checks that the totals are equal and `assert`s that the lazy peak is at least five times smaller
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
    active = filter(lambda r: r["active"], list(read_records(n)))
    reshaped = map(reshape, active)
    total = 0
    for item in reshaped:
        total += item["score"]
    return total

def traced(function, n):
    tracemalloc.start()
    try:
        result = function(n)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return result, peak

SIZE = 50_000
eager_sum, eager_peak = traced(eager_total, SIZE)
lazy_sum, lazy_peak = traced(lazy_total, SIZE)
print(f"eager: total={eager_sum}, peak={eager_peak} B")
print(f"lazy:  total={lazy_sum}, peak={lazy_peak} B")
assert eager_sum == lazy_sum, "the totals differ"
five_times = lazy_peak * 5 <= eager_peak
assert five_times, "lazy peak is not 5x smaller"
print("lazy peak is at least 5x smaller:", five_times)
