# wrong: lazy_total calls reshape() for each active record but throws the smaller dict away and sums 2 * value + 1 recomputed from the raw record, so the reshape stage's output never reaches the sum
# fails: `lazy_total` adds up the scores its reshape stage made: called with a `reshape` whose scores are one more, its total is one more for each record reshaped
import tracemalloc

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
    reshaped = ((reshape(r), r["value"]) for r in active)
    return sum(2 * value + 1 for _small, value in reshaped)


def traced(function, n):
    tracemalloc.start()
    try:
        result = function(n)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return result, peak


eager, eager_peak = traced(eager_total, N)
lazy, lazy_peak = traced(lazy_total, N)
print(f"eager_total({N:,}) = {eager}, peak {eager_peak:,} bytes")
print(f"lazy_total({N:,}) = {lazy}, peak {lazy_peak:,} bytes")

same = eager == lazy
print(f"totals equal: {same}")
assert same

smaller = lazy_peak * 5 <= eager_peak
assert smaller, "lazy peak is not five times smaller"
print(f"lazy peak is at least 5x smaller: {smaller}")
