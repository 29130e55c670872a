# wrong: lazy_total still builds a list at every stage, just 16 records at a time (groups, then an active list and a reshaped list per group), so stages do not pull one record at a time and there are intermediate lists; its peak only stays flat because the lists are short
# fails: `lazy_total` pulls one record at a time: driven here, no more than a few of the records `read_records` made are alive at once
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


def in_groups(records, size=16):
    group = []
    for record in records:
        group.append(record)
        if len(group) == size:
            yield group
            group = []
    if group:
        yield group


def lazy_total(n):
    total = 0
    for group in in_groups(read_records(n)):
        active = [r for r in group if r["active"]]
        reshaped = [reshape(r) for r in active]
        total += sum(r["score"] for r in reshaped)
    return total


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
