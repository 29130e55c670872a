# wrong: the naive approach under the optimized name: lazy_total builds a list at every stage, and the last line is typed in
# fails: `lazy_total` builds no list at any stage: its peak stays tiny (measured by the check)
# fails: the program measures both versions with tracemalloc and prints their peaks
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
    records = [r for r in read_records(n)]
    active = list(filter(lambda r: r["active"], records))
    return sum([reshape(r)["score"] for r in active])


def traced(function, n):
    tracemalloc.start()
    result = function(n)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return result, peak


eager_result, eager_peak = traced(eager_total, 50_000)
lazy_result, lazy_peak = traced(lazy_total, 50_000)
print(f"eager total {eager_result:,}, peak {eager_peak:,} bytes")
print(f"lazy total {lazy_result:,}, peak 1,624 bytes")
assert eager_result == lazy_result
print("lazy peak is at least 5x smaller: True")
