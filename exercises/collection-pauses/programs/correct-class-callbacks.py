# correct: collections counted with a gc.callbacks hook instead of gc.get_stats(), a PauseLab class that gathers rows written with sys.stdout.write, peaks in MiB, a timing line for the churn
import gc
import sys
import time
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
    seen = [0, 0, 0]

    def on_gc(phase, info):
        if phase == "start":
            seen[info["generation"]] += 1

    gc.callbacks.append(on_gc)
    try:
        result = work()
    finally:
        gc.callbacks.remove(on_gc)
    return result, seen


def build_without_pauses(n):
    restore = gc.enable if gc.isenabled() else (lambda: None)
    gc.disable()
    try:
        built = build_pairs(n)
        gc.freeze()
        return built
    finally:
        restore()


def churn_then_collect(n):
    restore = gc.enable if gc.isenabled() else (lambda: None)
    gc.disable()
    try:
        churn(n)
        return gc.collect()
    finally:
        restore()


class PauseLab:
    def __init__(self, n):
        self.n = n
        self.rows = []

    def row(self, text):
        self.rows.append(text + "\n")

    def mib_peak(self, work):
        tracemalloc.start()
        try:
            out = work()
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        return out, peak

    def run(self):
        self.row("threshold: %r" % (gc.get_threshold(),))
        self.service, plain = collections_during(lambda: build_pairs(self.n))
        self.row("collections per generation while build_pairs(%d) ran: %s" % (self.n, plain))
        self.frozen, quiet = collections_during(lambda: build_without_pauses(self.n))
        self.row("collections per generation while build_without_pauses(%d) ran: %s" % (self.n, quiet))
        started = time.perf_counter()
        _, on_peak = self.mib_peak(lambda: churn(self.n))
        self.row("churn(%d), collector on: peak %.3f MiB (%.0f ms)"
                 % (self.n, on_peak / 2**20, (time.perf_counter() - started) * 1e3))
        found, off_peak = self.mib_peak(lambda: churn_then_collect(self.n))
        self.row("churn_then_collect(%d): peak %.3f MiB, found %d unreachable" % (self.n, off_peak / 2**20, found))
        self.conclusion = not any(quiet) and off_peak > on_peak

    def write(self):
        sys.stdout.writelines(self.rows)
        sys.stdout.write("disabling the collector trades memory for no pauses: %s\n" % self.conclusion)


lab = PauseLab(PAIRS)
lab.run()
lab.write()
