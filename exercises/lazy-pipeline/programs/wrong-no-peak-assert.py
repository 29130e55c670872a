# wrong: step 3 half done: the totals are asserted equal, but the lazy peak being five times smaller is only printed, never asserted
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
    active = filter(lambda r: r["active"], read_records(n))
    scores = map(lambda r: r["score"], map(reshape, active))
    return sum(scores)


def traced(function, n):
    tracemalloc.start()
    tracemalloc.reset_peak()
    value = function(n)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return value, peak


results = {}
versions = [("eager", eager_total), ("lazy", lazy_total)]
i = 0
while i < len(versions):
    name, fn = versions[i]
    results[name] = traced(fn, 50_000)
    print(f"{name} total {results[name][0]:,}, peak {results[name][1]:,} bytes")
    i += 1

(eager_sum, eager_peak), (lazy_sum, lazy_peak) = results["eager"], results["lazy"]
assert eager_sum == lazy_sum, "totals differ"
print(f"same total: {eager_sum == lazy_sum}")
smaller = lazy_peak * 5 <= eager_peak
print(f"lazy peak is at least 5x smaller: {smaller}")
