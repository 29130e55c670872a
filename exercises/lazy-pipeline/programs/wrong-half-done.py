# wrong: half the task: lazy_total is right, but nothing is measured, printed or asserted beyond the totals
# fails: the program measures both versions with tracemalloc and prints their peaks
# fails: the program checks that the totals are equal and `assert`s that the lazy peak is at least five times smaller
# fails: the program ends by saying whether the lazy peak is at least 5x smaller, as measured
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
    return sum(reshape(r)["score"] for r in read_records(n) if r["active"])


print("eager:", eager_total(50_000))
print("lazy:", lazy_total(50_000))
