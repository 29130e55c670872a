# correct: round 13: the two peaks in KiB printed as a dict after a label naming the unit once ("traced peak, KiB: {...}")
import gc
import tracemalloc
from contextlib import contextmanager

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
    total = 0
    for i in range(n):
        total += make_pair(i).partner.value
    return total


def _counts():
    return [generation["collections"] for generation in gc.get_stats()]


def collections_during(work):
    before = _counts()
    outcome = work()
    return outcome, [after - start for after, start in zip(_counts(), before)]


@contextmanager
def collector_paused():
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def build_without_pauses(n):
    with collector_paused():
        pairs = build_pairs(n)
        gc.freeze()
    return pairs


def churn_then_collect(n):
    with collector_paused():
        churn(n)
        found = gc.collect()
    return found


def peak_of(fn, *args):
    tracemalloc.start()
    try:
        fn(*args)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


print("threshold:", gc.get_threshold())
plain, plain_counts = collections_during(lambda: build_pairs(PAIRS))
print(f"build_pairs({PAIRS:,}) collections per generation: gen0={plain_counts[0]} gen1={plain_counts[1]} gen2={plain_counts[2]}")
del plain
gc.collect()

kept, quiet_counts = collections_during(lambda: build_without_pauses(PAIRS))
print("build_without_pauses collections:", dict(zip(("gen0", "gen1", "gen2"), quiet_counts)))
print("collector still enabled afterwards:", gc.isenabled())

gc.collect()
held_off = peak_of(churn_then_collect, PAIRS)
print(f"churn_then_collect found {churn_then_collect(PAIRS):,} unreachable objects")
gc.enable()
held_on = peak_of(churn, PAIRS)
print("traced peak, KiB:", {"churn_then_collect": round(held_off / 1024, 1), "churn with collector on": round(held_on / 1024, 1)})

verdict = sum(quiet_counts) == 0 and held_off > held_on
print(f"disabling the collector trades memory for no pauses: {verdict}")
