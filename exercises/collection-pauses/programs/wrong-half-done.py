# wrong: half the task: collections_during and build_without_pauses, but churn_then_collect left as the starter's stub and no peaks measured
# fails: `churn_then_collect(n)` churns with the collector off, collects once, returns what it found and turns the collector back on
# fails: the program prints the tracemalloc peaks of the churn with the collector on and of `churn_then_collect`
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


def collections_during(work):
    before = [gen["collections"] for gen in gc.get_stats()]
    result = work()
    after = [gen["collections"] for gen in gc.get_stats()]
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
    churn(n)
    return 0


print("threshold:", gc.get_threshold())
pairs, during_build = collections_during(lambda: build_pairs(PAIRS))
print("collections while building 100,000 pairs:", during_build)
del pairs
frozen, quiet = collections_during(lambda: build_without_pauses(PAIRS))
print(f"disabling the collector trades memory for no pauses: {sum(quiet) == 0}")
