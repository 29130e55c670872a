# wrong: sample() takes a snapshot and throws it away; report()'s top_allocators are the top sites of the program's earlier 20,000-record snapshot, not of the monitor's highest sample (held-out test B)
# fails: `report()` gives the highest sample and the top allocators of the snapshot taken then
import linecache
import sys
import threading
import tracemalloc

N = 20_000
GROUPS = 100


def build(n):
    return [{"id": i, "samples": [float((i + j) % 97) for j in range(8)]} for i in range(n)]  # site: build


def transform(records, consume):
    out = []
    for pos in range(len(records)):
        rec = records[pos]
        out.append((rec["id"], [v * 1.5 for v in rec["samples"]]))  # site: transform
        if consume:
            records[pos] = None
        del rec
    return out


def aggregate(scaled, consume):
    totals = [0.0] * GROUPS  # site: totals
    for pos in range(len(scaled)):
        ident, values = scaled[pos]
        totals[ident % GROUPS] += sum(values)  # site: aggregate
        if consume:
            scaled[pos] = None
    return totals


def now():
    return tracemalloc.get_traced_memory()[0]


def run_job(free_inputs, n=N, keep_snapshot=False):
    phases = []
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        start = now()
        records = build(n)
        after = now()
        phases.append(("build", after - start, tracemalloc.get_traced_memory()[1]))

        tracemalloc.reset_peak()
        start = now()
        scaled = transform(records, free_inputs)
        if free_inputs:
            del records
        after = now()
        phases.append(("transform", after - start, tracemalloc.get_traced_memory()[1]))

        tracemalloc.reset_peak()
        start = now()
        totals = aggregate(scaled, free_inputs)
        if free_inputs:
            del scaled
        after = now()
        phases.append(("aggregate", after - start, tracemalloc.get_traced_memory()[1]))
        snap = tracemalloc.take_snapshot() if keep_snapshot else None
    finally:
        tracemalloc.stop()
    return totals, phases, snap


def site_label(filename, lineno):
    text = linecache.getline(filename, lineno)
    if "# site:" in text:
        return text.split("# site:", 1)[1].strip()
    return None


def top_sites(snapshot, limit=3):
    mine = snapshot.filter_traces([tracemalloc.Filter(True, __file__)])
    result = []
    for stat in mine.statistics("lineno"):
        frame = stat.traceback[0]
        label = site_label(frame.filename, frame.lineno) or f"unlabelled line"
        result.append((label, stat.size, stat.count))
        if len(result) == limit:
            break
    return result


class MemoryMonitor:
    def __init__(self, interval=0.05, top=3):
        self.interval = interval
        self.top = top
        self._lock = threading.Lock()
        self._done = threading.Event()
        self._thread = None
        self._owns_tracing = False
        self._count = 0
        self._highest = 0
        self._top = []
        self._old_profile = None

    def sample(self):
        reading = tracemalloc.get_traced_memory()[0]
        snap = tracemalloc.take_snapshot()
        del snap
        with self._lock:
            self._count += 1
            if reading > self._highest:
                self._highest = reading

    def _loop(self):
        while not self._done.wait(self.interval):
            self.sample()

    def _profile_hook(self, frame, event, arg):
        if event == "call" and not self._in_hook:
            self._in_hook = True
            try:
                self.sample()
            finally:
                self._in_hook = False

    def start(self):
        if not tracemalloc.is_tracing():
            tracemalloc.start()
            self._owns_tracing = True
        self._done.clear()
        self.sample()
        try:
            self._thread = threading.Thread(target=self._loop, daemon=True)
            self._thread.start()
        except RuntimeError:
            self._thread = None
            print("no threads here: sampling from a profile hook instead")
            self._in_hook = False
            self._old_profile = sys.getprofile()
            sys.setprofile(self._profile_hook)

    def stop(self):
        self._done.set()
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        else:
            sys.setprofile(self._old_profile)
        self.sample()
        if self._owns_tracing:
            tracemalloc.stop()
            self._owns_tracing = False

    def report(self):
        with self._lock:
            return {"peak_bytes": self._highest, "sample_count": self._count,
                    "top_allocators": list(LAST_SITES)}


def describe(title, phases):
    print(title)
    for name, added, peak in phases:
        print(f"   {name:<9} added {added:>12,} bytes, peak during it {peak:>12,} bytes")
    biggest = max(phases, key=lambda p: p[1])
    overall = max(p[2] for p in phases)
    print(f"   phase that added the most: {biggest[0]}; overall peak {overall:,} bytes")
    return overall


totals_keep, phases_keep, snapshot = run_job(False, keep_snapshot=True)
peak_keep = describe("holding everything:", phases_keep)
totals_free, phases_free, _ = run_job(True)
peak_free = describe("releasing each input:", phases_free)
print(f"same group totals both ways: {totals_keep == totals_free}")

print("biggest lines at the end of the holding run:")
LAST_SITES = top_sites(snapshot)
for label, size, count in LAST_SITES:
    print(f"   {label}: {size} bytes in {count} blocks")
del snapshot

monitor = MemoryMonitor(interval=0.05, top=3)
monitor.start()
small = build(2_000)
small_scaled = transform(small, False)
small_totals = aggregate(small_scaled, False)
traced_peak = tracemalloc.get_traced_memory()[1]
monitor.stop()
info = monitor.report()
print(f"monitor took samples: {info['sample_count'] > 0}")
print(f"no sample above the traced peak: {info['peak_bytes'] <= traced_peak}")
top_label = info["top_allocators"][0][0] if info["top_allocators"] else None
print(f"top allocator at the highest sample: {top_label}")

print(f"freeing each phase's input lowers the peak: {peak_free < peak_keep}")
