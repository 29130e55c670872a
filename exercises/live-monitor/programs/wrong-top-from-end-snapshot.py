# wrong: 4, the 'top allocator at the highest sample' is taken from the step-3 snapshot of the 20,000-record run, not from the monitor's report.
# fails: the top allocator the program prints is its monitor's: run again with the monitored job's scaled copies made ten times, it no longer names the records' line
import linecache
import sys
import threading
import time
import tracemalloc

N = 20_000
GROUPS = 100
SCALE = 0.5
MARK = "# site:"


def build(n):
    return [{"id": i, "samples": [float((i + j) % 97) for j in range(8)]} for i in range(n)]  # site: build


def transform(records, consume):
    scaled = []
    for i, record in enumerate(records):
        scaled.append([value * SCALE for value in record["samples"]])  # site: transform
        if consume:
            records[i] = None          # this record may go right now
    return scaled


def aggregate(scaled, consume):
    totals = [0.0] * GROUPS  # site: totals
    for i, readings in enumerate(scaled):
        totals[i % GROUPS] += sum(readings)  # site: aggregate
        if consume:
            scaled[i] = None
    return totals


def _now():
    return tracemalloc.get_traced_memory()[0]


def run_job(free_inputs, n=N, snapshot_at_end=False):
    """Run the three phases; returns (totals, per-phase figures, snapshot or None)."""
    tracemalloc.start()
    phases = {}

    tracemalloc.reset_peak()
    start = _now()
    records = build(n)
    phases["build"] = (_now() - start, tracemalloc.get_traced_memory()[1])

    tracemalloc.reset_peak()
    start = _now()
    scaled = transform(records, free_inputs)
    if free_inputs:
        del records
    phases["transform"] = (_now() - start, tracemalloc.get_traced_memory()[1])

    tracemalloc.reset_peak()
    start = _now()
    totals = aggregate(scaled, free_inputs)
    if free_inputs:
        del scaled
    phases["aggregate"] = (_now() - start, tracemalloc.get_traced_memory()[1])

    snapshot = tracemalloc.take_snapshot() if snapshot_at_end else None
    tracemalloc.stop()
    return totals, phases, snapshot


def label_of(filename, lineno):
    text = linecache.getline(filename, lineno)
    if MARK in text:
        return text.split(MARK, 1)[1].strip()
    return "unmarked: " + text.strip()[:40]


def top_sites(snapshot, limit=3):
    mine = snapshot.filter_traces([tracemalloc.Filter(True, __file__)])
    sites = []
    for stat in mine.statistics("lineno")[:limit]:
        frame = stat.traceback[0]
        sites.append((label_of(frame.filename, frame.lineno), stat.size, stat.count))
    return sites


def show_run(title, phases):
    print(title)
    print("  {:<10}{:>14}{:>14}".format("phase", "added (B)", "peak (B)"))
    for name, (added, peak) in phases.items():
        print("  {:<10}{:>+14,}{:>14,}".format(name, added, peak))
    biggest = max(phases, key=lambda p: phases[p][0])
    overall = max(peak for _added, peak in phases.values())
    print(f"  phase that added the most: {biggest}")
    print(f"  overall peak: {overall:,} bytes ({overall / 1024:.1f} KiB)")
    return overall


class MemoryMonitor:
    def __init__(self, interval=0.05, top=3):
        self.interval = interval
        self.top = top
        self._lock = threading.Lock()
        self._done = threading.Event()
        self._thread = None
        self._samples = 0
        self._highest = -1
        self._top_at_highest = []
        self._began_tracing = False
        self._hooked = False
        self._in_hook = False
        self._last_hook_sample = 0.0
        self.traced_peak = None

    def sample(self):
        reading = tracemalloc.get_traced_memory()[0]   # read first, then snapshot
        snapshot = tracemalloc.take_snapshot()
        with self._lock:
            self._samples += 1
            higher = reading > self._highest
        if higher:
            sites = top_sites(snapshot, self.top)   # only a few tuples are kept
            with self._lock:
                if reading > self._highest:
                    self._highest = reading
                    self._top_at_highest = sites
        del snapshot

    def _loop(self):
        while not self._done.wait(self.interval):
            self.sample()

    def _profile_hook(self, frame, event, arg):
        if event != "call" or self._in_hook:
            return
        now = time.monotonic()
        if now - self._last_hook_sample >= self.interval:
            self._in_hook = True
            try:
                self.sample()
            finally:
                self._last_hook_sample = time.monotonic()   # interval counts from the end
                self._in_hook = False

    def start(self):
        if not tracemalloc.is_tracing():
            tracemalloc.start()
            self._began_tracing = True
        self._done.clear()
        worker = threading.Thread(target=self._loop, name="memory-monitor", daemon=True)
        try:
            worker.start()
            self._thread = worker
        except RuntimeError as exc:
            print(f"monitor: cannot start a thread ({exc}); sampling from a profile hook")
            self._last_hook_sample = time.monotonic()
            self._hooked = True
            sys.setprofile(self._profile_hook)
        return self

    def stop(self):
        if self._thread is not None:
            self._done.set()
            self._thread.join()
            self._thread = None
        if self._hooked:
            sys.setprofile(None)
            self._hooked = False
        self.sample()
        self.traced_peak = tracemalloc.get_traced_memory()[1]
        if self._began_tracing:
            tracemalloc.stop()
            self._began_tracing = False

    def report(self):
        with self._lock:
            return {
                "peak_bytes": max(self._highest, 0),
                "sample_count": self._samples,
                "top_allocators": list(self._top_at_highest),
            }


# 1. measure the job as it is
kept_totals, kept_phases, end_snapshot = run_job(free_inputs=False, snapshot_at_end=True)
kept_peak = show_run("run 1, inputs kept:", kept_phases)

# 2. free each phase's input as soon as it is used
freed_totals, freed_phases, _ = run_job(free_inputs=True)
freed_peak = show_run("run 2, inputs freed:", freed_phases)
print("same group totals in both runs:", freed_totals == kept_totals)

# 3. where the memory is at the end of the run that keeps everything
print("biggest lines at the end of run 1:")
end_sites = top_sites(end_snapshot)
for label, size, count in end_sites:
    print(f"  {label}: {size} bytes in {count} blocks")
del end_snapshot

# 4. the live monitor around a 2,000-record job
monitor = MemoryMonitor(interval=0.05, top=3)
monitor.start()
small_records = build(2_000)
small_scaled = transform(small_records, False)
small_totals = aggregate(small_scaled, False)
monitor.stop()
rep = monitor.report()
print("monitor took samples:", rep["sample_count"] > 0)
print("no sample above the traced peak:", rep["peak_bytes"] <= monitor.traced_peak)
print("top allocator at the highest sample:", end_sites[0][0])

# 5.
print(f"freeing each phase's input lowers the peak: {freed_peak < kept_peak}")
