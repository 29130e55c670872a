# wrong: lazy_total reshapes every record first and then keeps "active" ones by an even id (the reshaped dict has no `active`), so the filter stage never reads the active flag and runs after the reshape; the total only matches because this data happens to mark even ids active
# fails: `lazy_total` keeps the records whose `active` flag is set: driven here with every third record active, its total follows
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
    reshaped = (reshape(r) for r in read_records(n))
    active = (r for r in reshaped if r["id"] % 2 == 0)
    return sum(r["score"] for r in active)


def traced(function, n):
    tracemalloc.start()
    try:
        result = function(n)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return result, peak


def main():
    eager, eager_peak = traced(eager_total, N)
    lazy, lazy_peak = traced(lazy_total, N)
    print(f"eager total: {eager}, peak: {eager_peak:,} bytes")
    print(f" lazy total: {lazy}, peak: {lazy_peak:,} bytes")
    same = eager == lazy
    print(f"totals equal: {same}")
    assert same, "the lazy pipeline must give the eager total"
    print(f"eager peak / lazy peak: {eager_peak / lazy_peak:.1f}x")
    smaller = lazy_peak * 5 <= eager_peak
    assert smaller
    print(f"lazy peak is at least 5x smaller: {smaller}")


main()
