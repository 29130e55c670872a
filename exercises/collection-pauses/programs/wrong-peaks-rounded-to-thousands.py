# wrong: written from the task alone (round 18): the traced peaks rounded to thousands of bytes (`round(peak, -3)`) before they are printed and compared
# fails: the program prints the tracemalloc peaks of the churn with the collector on and of `churn_then_collect`
# fails: every figure in bytes it prints is one it measured
# reading: "the traced peak" of a call is tracemalloc's peak during that call
# minus the traced size just before it (reset_peak() before each call, one
# session per call). "The build ran without collections" is checked by counting
# the collections during build_without_pauses(PAIRS); "the churn held more"
# means churn_then_collect(PAIRS) peaked higher than churn(PAIRS) with the
# collector on. The frozen pairs are kept alive to the end, as in a service.
import gc
import tracemalloc

PAIRS = 100_000


class Node:
    __slots__ = ("partner", "value")

    def __init__(self, value):
        self.partner = None
        self.value = value


def make_pair(i, cyclic=True):
    first, second = Node(i), Node(-i)
    first.partner = second
    if cyclic:
        second.partner = first
    return first


def build_pairs(n, cyclic=True):
    return [make_pair(i, cyclic) for i in range(n)]


def churn(n):
    # Short-lived cycles: each pair is dropped as soon as it is made.
    total = 0
    for i in range(n):
        total += make_pair(i).partner.value
    return total


def _collection_counts():
    return [generation["collections"] for generation in gc.get_stats()]


def collections_during(work):
    before = _collection_counts()
    result = work()
    after = _collection_counts()
    return result, [a - b for a, b in zip(after, before)]


def build_without_pauses(n):
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        pairs = build_pairs(n)
        gc.freeze()
    finally:
        if was_enabled:
            gc.enable()
    return pairs


def churn_then_collect(n):
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        churn(n)
        found = gc.collect()
    finally:
        if was_enabled:
            gc.enable()
    return found


def traced_peak(work):
    """Run work() under tracemalloc; return (result, peak bytes above the start)."""
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        start = tracemalloc.get_traced_memory()[0]
        result = work()
        peak = tracemalloc.get_traced_memory()[1] - start
    finally:
        tracemalloc.stop()
    return result, round(peak, -3)


print("threshold:", gc.get_threshold())

pairs, plain_counts = collections_during(lambda: build_pairs(PAIRS))
print("collections per generation while build_pairs(%d) ran: %s" % (PAIRS, plain_counts))
del pairs
gc.collect()

enabled_before = gc.isenabled()
service_pairs, quiet_counts = collections_during(lambda: build_without_pauses(PAIRS))
print(f"collections per generation while build_without_pauses({PAIRS}) ran: {quiet_counts}")
print(f"  collector enabled before/after: {enabled_before}/{gc.isenabled()},"
      f" frozen objects: {gc.get_freeze_count():,}")

found, deferred_peak = traced_peak(lambda: churn_then_collect(PAIRS))
_, eager_peak = traced_peak(lambda: churn(PAIRS))
rows = {
    "churn_then_collect (collector off)": deferred_peak,
    "churn (collector on)": eager_peak,
}
print("gc.collect() after the churn found", found, "unreachable objects")
for label, peak in rows.items():
    print(f"  traced peak of {label:<36}{peak:>12,} B = {peak / 1024:>9.1f} KiB")

no_pauses = quiet_counts == [0, 0, 0]
held_more = deferred_peak > eager_peak
print("disabling the collector trades memory for no pauses:", no_pauses and held_more)
