# correct: written from the task alone; each stage a generator function with a for loop, its own measuring helper (start/stop per run) instead of `traced`, own wording for totals and peaks
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


def only_active(records):
    for record in records:
        if record["active"]:
            yield record


def reshaped_all(records):
    for record in records:
        yield reshape(record)


def lazy_total(n):
    total = 0
    for record in reshaped_all(only_active(read_records(n))):
        total += record["score"]
    return total


def run_measured(fn, n):
    tracemalloc.start()
    try:
        result = fn(n)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return result, peak


N = 50_000
eager_sum, eager_peak = run_measured(eager_total, N)
lazy_sum, lazy_peak = run_measured(lazy_total, N)
print("eager: total =", eager_sum, "peak =", eager_peak, "B")
print("lazy:  total =", lazy_sum, "peak =", lazy_peak, "B")
print("totals equal:", eager_sum == lazy_sum)
assert eager_sum == lazy_sum
assert lazy_peak * 5 <= eager_peak
print("Lazy peak is at least 5x smaller =", lazy_peak * 5 <= eager_peak)
