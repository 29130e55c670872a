# wrong: traces the eager pipeline on 5,000 records and prints ten times its peak as the peak for 50,000
# fails: the program measures both versions with tracemalloc and prints their peaks
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
    kept = (rec for rec in read_records(n) if rec["active"])
    small = (reshape(rec) for rec in kept)
    return sum(item["score"] for item in small)


def traced(function, n):
    tracemalloc.start()
    tracemalloc.clear_traces()
    try:
        answer = function(n)
        return answer, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


eager_answer = eager_total(50_000)
eager_peak = traced(eager_total, 5_000)[1] * 10
lazy_answer, lazy_peak = traced(lazy_total, 50_000)
print("eager pipeline: total =", eager_answer, "| peak =", eager_peak, "bytes")
print("lazy pipeline:  total =", lazy_answer, "| peak =", lazy_peak, "bytes")
assert eager_answer == lazy_answer, "the two pipelines disagree"
print("totals agree:", eager_answer == lazy_answer)
assert eager_peak / lazy_peak >= 5, "the lazy pipeline is not 5x leaner"
print("lazy peak is at least 5x smaller:", eager_peak / lazy_peak >= 5)
