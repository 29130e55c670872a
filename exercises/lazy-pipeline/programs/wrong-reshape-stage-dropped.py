# wrong: lazy_total drops the reshape stage (no smaller {id, score} dict is made per record; the score is computed inline from the raw record), so the lazy pipeline does less work than the one it is compared with and the peak comparison is not of the same stages
# fails: `lazy_total` keeps every stage: driven here with records that note their reads, each active record's `id` is read into its smaller dict
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
    # one pass, one record at a time: keep the active ones and add up their scores
    return sum(r["value"] * 2 + 1 for r in read_records(n) if r["active"])


def traced(function, n):
    owner = not tracemalloc.is_tracing()
    if owner:
        tracemalloc.start()
    tracemalloc.reset_peak()
    start_bytes = tracemalloc.get_traced_memory()[0]
    try:
        value = function(n)
        top = tracemalloc.get_traced_memory()[1]
    finally:
        if owner:
            tracemalloc.stop()
    return value, top - start_bytes


N = 50_000
eager_value, eager_peak = traced(eager_total, N)
lazy_value, lazy_peak = traced(lazy_total, N)
print(f"eager total for {N:,} records: {eager_value:,}  (peak {eager_peak:,} bytes)")
print(f"lazy total for {N:,} records:  {lazy_value:,}  (peak {lazy_peak:,} bytes)")
same = eager_value == lazy_value
print(f"totals equal: {same}")
assert same, "the two pipelines disagree"
print(f"eager peak / lazy peak = {eager_peak / lazy_peak:,.1f}")
smaller = lazy_peak * 5 <= eager_peak
assert smaller, "lazy peak is not 5x smaller"
print(f"lazy peak is at least 5x smaller: {smaller}")
