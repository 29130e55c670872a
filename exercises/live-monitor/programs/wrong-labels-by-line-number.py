# wrong: held-out round 8: markers in the file, but top_sites labels lines from a table of line numbers
# fails: `top_sites` names each line by a label that does not move when the file is edited
import linecache
import sys
import threading
import time
import tracemalloc

N = 20_000
SCALE = 1.5
GROUPS = 100


def build(n):
    return [{"id": i, "samples": [float((i + j) % 97) for j in range(8)]} for i in range(n)]  # site: build


def transform(records, consume):
    scaled = []
    for i, record in enumerate(records):
        scaled.append((record["id"], [value * SCALE for value in record["samples"]]))  # site: transform
        if consume:
            records[i] = None
    return scaled


def aggregate(scaled, consume):
    totals = [0.0] * GROUPS  # site: aggregate-init
    for i, (ident, values) in enumerate(scaled):
        totals[ident % GROUPS] += sum(values)  # site: aggregate-sum
        if consume:
            scaled[i] = None
    return totals


SITE_LINES = {14: "build", 20: "transform", 27: "aggregate-init", 29: "aggregate-sum"}


def run_job(free_inputs, n=N):
    """Run the three phases with tracing on; return (totals, per-phase stats, held data)."""
    stats = {}

    def measured(name, function, *args):
        tracemalloc.reset_peak()
        before = tracemalloc.get_traced_memory()[0]
        result = function(*args)
        after, peak = tracemalloc.get_traced_memory()
        stats[name] = {"added": after - before, "peak": peak}
        return result

    records = measured("build", build, n)
    scaled = measured("transform", transform, records, free_inputs)
    if free_inputs:
        del records
        records = None
    totals = measured("aggregate", aggregate, scaled, free_inputs)
    if free_inputs:
        del scaled
        scaled = None
    return totals, stats, (records, scaled)


def top_sites(snapshot, limit=3):
    mine = snapshot.filter_traces([tracemalloc.Filter(True, __file__)])
    sites = []
    for stat in mine.statistics("lineno")[:limit]:
        frame = stat.traceback[0]
        label = SITE_LINES.get(frame.lineno, f"line {frame.lineno}")
        sites.append((label, stat.size, stat.count))
    return sites


def describe(title, stats):
    print(title)
    for name, figures in stats.items():
        print(f"    {name:<9} added {figures['added']:>11,} B, peak while running {figures['peak']:>11,} B")
    most = max(stats, key=lambda k: stats[k]["added"])
    overall = max(f["peak"] for f in stats.values())
    print(f"    phase that added the most: {most}; overall peak {overall:,} B")
    return overall


class MemoryMonitor:
    def __init__(self, interval=0.05, top=3):
        self.interval = interval
        self.top = top
        self._lock = threading.Lock()
        self._done = threading.Event()
        self._thread = None
        self._owns_tracing = False
        self._profiling = False
        self._last = 0.0
        self._count = 0
        self._highest = 0
        self._top = []
        self.traced_peak = None

    def sample(self):
        reading = tracemalloc.get_traced_memory()[0]
        snapshot = tracemalloc.take_snapshot()
        sites = top_sites(snapshot, self.top)
        del snapshot
        with self._lock:
            self._count += 1
            if reading > self._highest or self._count == 1:
                self._highest = reading
                self._top = sites

    def _loop(self):
        while not self._done.wait(self.interval):
            self.sample()

    def _profile(self, frame, event, arg):
        if event != "call":
            return
        now = time.perf_counter()
        if now - self._last >= self.interval:
            self._last = now
            sys.setprofile(None)  # no re-entry while sampling
            try:
                self.sample()
            finally:
                sys.setprofile(self._profile)

    def start(self):
        if not tracemalloc.is_tracing():
            tracemalloc.start()
            self._owns_tracing = True
        self._done.clear()
        thread = threading.Thread(target=self._loop, daemon=True)
        try:
            thread.start()
            self._thread = thread
        except RuntimeError as exc:
            print(f"monitor: no threads here ({exc}); sampling from a profile hook")
            self._last = time.perf_counter()
            self._profiling = True
            sys.setprofile(self._profile)

    def stop(self):
        if self._profiling:
            sys.setprofile(None)
            self._profiling = False
        if self._thread is not None:
            self._done.set()
            self._thread.join()
            self._thread = None
        self.sample()
        self.traced_peak = tracemalloc.get_traced_memory()[1]
        if self._owns_tracing:
            tracemalloc.stop()
            self._owns_tracing = False

    def report(self):
        with self._lock:
            return {"peak_bytes": self._highest, "sample_count": self._count,
                    "top_allocators": list(self._top)}


# 1. hold everything
tracemalloc.start()
held_totals, held_stats, held_data = run_job(free_inputs=False)
held_peak = describe("holding every phase's input:", held_stats)
# 3. where is the memory, while the run still holds everything
snapshot = tracemalloc.take_snapshot()
print("biggest lines at the end of the holding run:")
for label, size, count in top_sites(snapshot):
    print(f"    {label}: {size} bytes in {count} blocks")
del snapshot, held_data
tracemalloc.stop()

# 2. free each input as soon as it is used
tracemalloc.start()
freed_totals, freed_stats, _ = run_job(free_inputs=True)
tracemalloc.stop()
freed_peak = describe("freeing each phase's input:", freed_stats)
print(f"same answer both ways: {held_totals == freed_totals}")

# 4. the live monitor around a 2,000-record job
monitor = MemoryMonitor(interval=0.05, top=3)
monitor.start()
job_totals, _, job_data = run_job(free_inputs=False, n=2_000)
time.sleep(0.12)
monitor.stop()
result = monitor.report()
del job_data
print(f"monitor took samples: {result['sample_count'] > 0}")
print(f"no sample above the traced peak: {result['peak_bytes'] <= monitor.traced_peak}")
top = result["top_allocators"][0] if result["top_allocators"] else None
print(f"top allocator at the highest sample: {top[0] if top else None}")

print(f"freeing each phase's input lowers the peak: {freed_peak < held_peak}")
