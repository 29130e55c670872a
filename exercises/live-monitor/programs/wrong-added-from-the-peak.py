# wrong: written from the task alone (round 19): each phase's added bytes worked out as its peak less the current size before, not the current size after less before
# fails: what a phase added is its current size after less before, not its peak: run again with a `transform` that holds 4,000,000 bytes for a moment, the transform's added bytes stay
import linecache
import sys
import threading
import time
import tracemalloc

N = 20_000
MONITOR_N = 2_000
SCALE = 0.5
GROUPS = 100


def build(n):
    return [{"id": i, "samples": [float((i + j) % 97) for j in range(8)]} for i in range(n)]  # site: build


def transform(records, consume):
    scaled = []
    for i, record in enumerate(records):
        scaled.append([x * SCALE for x in record["samples"]])  # site: transform
        if consume:
            records[i] = None
    return scaled


def aggregate(scaled, consume):
    totals = [0.0] * GROUPS  # site: aggregate
    for i, readings in enumerate(scaled):
        totals[i % GROUPS] += sum(readings)  # site: group-sums
        if consume:
            scaled[i] = None
    return totals


class PhaseMeter:
    def __init__(self):
        self.phases = {}

    def measure(self, name, fn, *args):
        before = tracemalloc.get_traced_memory()[0]
        tracemalloc.reset_peak()
        result = fn(*args)
        after, peak = tracemalloc.get_traced_memory()
        self.phases[name] = {"added": peak - before, "peak": peak}
        return result


def run_job(free_inputs, n=N, keep_snapshot=False):
    tracemalloc.start()
    meter = PhaseMeter()
    records = meter.measure("build", build, n)
    scaled = meter.measure("transform", transform, records, free_inputs)
    if free_inputs:
        del records
    totals = meter.measure("aggregate", aggregate, scaled, free_inputs)
    if free_inputs:
        del scaled
    snapshot = tracemalloc.take_snapshot() if keep_snapshot else None
    tracemalloc.stop()
    overall = max(p["peak"] for p in meter.phases.values())
    return totals, meter.phases, overall, snapshot


def label_of(filename, lineno):
    text = linecache.getline(filename, lineno)
    if "# site:" in text:
        return text.split("# site:", 1)[1].strip()
    return text.strip()


def top_sites(snapshot, limit=3):
    mine = snapshot.filter_traces([tracemalloc.Filter(True, __file__)])
    out = []
    for stat in mine.statistics("lineno")[:limit]:
        frame = stat.traceback[0]
        out.append((label_of(frame.filename, frame.lineno), stat.size, stat.count))
    return out


class MemoryMonitor:
    def __init__(self, interval=0.05, top=3):
        self.interval = interval
        self.top = top
        self._lock = threading.Lock()
        self._done = threading.Event()
        self._thread = None
        self._began_tracing = False
        self._profiling = False
        self._last = 0.0
        self._count = 0
        self._highest = 0
        self._top_allocators = []

    def sample(self):
        reading = tracemalloc.get_traced_memory()[0]
        snapshot = tracemalloc.take_snapshot()
        sites = top_sites(snapshot, self.top)
        del snapshot
        with self._lock:
            self._count += 1
            if reading > self._highest:
                self._highest = reading
                self._top_allocators = sites

    def _loop(self):
        while not self._done.wait(self.interval):
            self.sample()

    def _profile(self, frame, event, arg):
        if event != "call":
            return
        now = time.monotonic()
        if now - self._last >= self.interval:
            self._last = now
            sys.setprofile(None)
            try:
                self.sample()
            finally:
                sys.setprofile(self._profile)

    def start(self):
        if not tracemalloc.is_tracing():
            tracemalloc.start()
            self._began_tracing = True
        self._done.clear()
        try:
            self._thread = threading.Thread(target=self._loop, daemon=True)
            self._thread.start()
        except RuntimeError as exc:
            print(f"no thread here ({exc}); sampling from a profile hook")
            self._thread = None
            self._profiling = True
            self._last = time.monotonic()
            sys.setprofile(self._profile)

    def stop(self):
        if self._thread is not None:
            self._done.set()
            self._thread.join()
            self._thread = None
        if self._profiling:
            sys.setprofile(None)
            self._profiling = False
        self.sample()
        if self._began_tracing:
            tracemalloc.stop()
            self._began_tracing = False

    def report(self):
        with self._lock:
            return {"peak_bytes": self._highest, "sample_count": self._count,
                    "top_allocators": list(self._top_allocators)}


def show_phases(title, phases, overall):
    print(title)
    print("  {:<10} {:>14} {:>14}".format("phase", "added bytes", "peak bytes"))
    for name, p in phases.items():
        print("  {:<10} {:>14,} {:>14,}".format(name, p["added"], p["peak"]))
    biggest = max(phases, key=lambda k: phases[k]["added"])
    print(f"  phase that added the most: {biggest}")
    print(f"  overall peak: {overall:,} bytes ({overall / 1024:,.1f} KiB)")


# Steps 1 and 3: the run that holds everything, with a snapshot at its end.
held_totals, held_phases, held_peak, snapshot = run_job(False, keep_snapshot=True)
show_phases("holding every phase's input:", held_phases, held_peak)
print("where the memory is at the end of that run:")
for label, size, count in top_sites(snapshot):
    print(f"{label}: {size} bytes in {count} blocks")
del snapshot

# Step 2: each phase frees its input.
free_totals, free_phases, free_peak, _ = run_job(True)
show_phases("freeing each phase's input:", free_phases, free_peak)
print("same group totals:", free_totals == held_totals)

# Step 4: the live monitor around a 2,000-record job.
tracemalloc.start()
monitor = MemoryMonitor(interval=0.05, top=3)
monitor.start()
records = build(MONITOR_N)
scaled = transform(records, False)
totals = aggregate(scaled, False)
time.sleep(0.12)
monitor.stop()
traced_peak = tracemalloc.get_traced_memory()[1]
tracemalloc.stop()
report = monitor.report()
print("monitor took samples:", report["sample_count"] > 0)
print("no sample above the traced peak:", report["peak_bytes"] <= traced_peak)
print("top allocator at the highest sample:", report["top_allocators"][0][0])
del records, scaled, totals

print(f"freeing each phase's input lowers the peak: {free_peak < held_peak}")
