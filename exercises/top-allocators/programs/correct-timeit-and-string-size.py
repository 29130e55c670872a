# correct: written from the task text alone: snapshots filtered with a helper, sites picked by a manual selection loop over sorted(); the course's way as a list of strings; predictions from a dict; the string's size read from what workload() returned; workload timed with timeit.repeat (a timing line the task does not ask for, of real work)
import sys
import timeit
import tracemalloc


def workload():
    numbers = [i * 7 for i in range(50_000)]
    table = {i: str(i) for i in range(10_000)}
    text = "x" * 1_000_000
    return numbers, table, text


def only_mine(snapshot):
    return snapshot.filter_traces((tracemalloc.Filter(True, __file__),))


def top_allocators(work, limit=3):
    tracemalloc.start()
    start = only_mine(tracemalloc.take_snapshot())
    alive = work()
    end = only_mine(tracemalloc.take_snapshot())
    tracemalloc.stop()
    ranked = sorted(end.compare_to(start, "lineno"), key=lambda d: d.size_diff, reverse=True)
    picked = []
    for diff in ranked:
        if len(picked) == limit:
            break
        where = diff.traceback[0]
        picked.append((where.filename, where.lineno, diff.size_diff, diff.count_diff))
    alive = None
    return picked


found = top_allocators(workload)
for place, (name, line, grew, blocks) in zip(("first", "second", "third"), found):
    print(f"{place}: line {line} grew {grew} bytes ({blocks} blocks)")

tracemalloc.start()
old = tracemalloc.take_snapshot()
workload()
new = tracemalloc.take_snapshot()
tracemalloc.stop()
reported = new.compare_to(old, "lineno")[:3]
print("course's comparison:", [f"{d.traceback[0].filename}:{d.traceback[0].lineno} {d.size_diff:+} B" for d in reported])
statements = {
    "the course's way finds a site above 100,000 bytes": any(d.size_diff > 100_000 for d in reported),
    "the course's way names a tracemalloc.py line": any(d.traceback[0].filename.endswith("tracemalloc.py")
                                                          for d in reported),
}
for statement, value in statements.items():
    print(f"{statement} = {value}")

grown = []
n = 0
while n < 50_000:
    grown.append(n)
    n += 1
exact = [0] * 50_000
print("appended:", sys.getsizeof(grown), "bytes")
print("final length at once:", sys.getsizeof(exact), "bytes")
_, _, text = workload()
print("the string of 1,000,000 characters:", sys.getsizeof(text), "bytes")

rounds = timeit.repeat(workload, number=1, repeat=5)
print(f"timing: variant optimized at list=50000, map=10000, chars=1000000: {min(rounds) * 1e6:.1f} us per call, "
      "best of 5 (tracemalloc off)")
sizes = [grew for _, _, grew, _ in found]
print("top three sorted by size:", sizes == sorted(sizes, reverse=True))
