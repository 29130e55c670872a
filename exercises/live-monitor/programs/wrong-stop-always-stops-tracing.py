# wrong: round 13: MemoryMonitor.stop() stops tracing even when start() found it already running
# fails: `MemoryMonitor` samples in the background while the job runs, and `stop()` ends it
import linecache
import sys
import threading
import tracemalloc

N = 20_000
MARK = "# site:"


def build(n):
    return [{"id": i, "samples": [float((i + j) % 97) for j in range(8)]} for i in range(n)]  # site: build


def transform(records, consume):
    out = []
    for idx in range(len(records)):
        out.append([v * 2.5 for v in records[idx]["samples"]])  # site: transform
        if consume:
            records[idx] = None
    return out


def aggregate(scaled, consume):
    groups = [0.0] * 100  # site: group table
    idx = 0
    while idx < len(scaled):
        groups[idx % 100] += sum(scaled[idx])  # site: aggregate
        if consume:
            scaled[idx] = None
        idx += 1
    return groups


def run_job(free_inputs, n=N):
    """Return (totals, per-phase stats, overall peak, whatever is still held)."""
    stats = {}

    def phase(name, fn, *args):
        tracemalloc.reset_peak()
        before = tracemalloc.get_traced_memory()[0]
        result = fn(*args)
        after, top = tracemalloc.get_traced_memory()
        stats[name] = {"added": after - before, "peak": top}
        return result

    records = phase("build", build, n)
    scaled = phase("transform", transform, records, free_inputs)
    if free_inputs:
        del records
        records = None
    totals = phase("aggregate", aggregate, scaled, free_inputs)
    if free_inputs:
        del scaled
        scaled = None
    overall = max(s["peak"] for s in stats.values())
    return totals, stats, overall, (records, scaled)


def top_sites(snapshot, limit=3):
    mine = snapshot.filter_traces([tracemalloc.Filter(True, __file__)])
    found = []
    for stat in mine.statistics("lineno")[:limit]:
        frame = stat.traceback[0]
        text = linecache.getline(frame.filename, frame.lineno)
        label = text.split(MARK, 1)[1].strip() if MARK in text else text.strip()[:40]
        found.append((label, stat.size, stat.count))
    return found


class MemoryMonitor:
    def __init__(self, interval=0.05, top=3):
        self.interval = interval
        self.top = top
        self._lock = threading.Lock()
        self._done = threading.Event()
        self._samples = 0
        self._highest = 0
        self._top_at_highest = []
        self._thread = None
        self._hooked = False
        self._began_tracing = False
        self._last = 0.0
        self.traced_peak_at_stop = None

    def sample(self):
        reading = tracemalloc.get_traced_memory()[0]
        snap = tracemalloc.take_snapshot()
        sites = top_sites(snap, self.top)
        del snap
        with self._lock:
            self._samples += 1
            if reading > self._highest:
                self._highest = reading
                self._top_at_highest = sites

    def _loop(self):
        while not self._done.wait(self.interval):
            self.sample()

    def _profile(self, frame, event, arg):
        import time
        now = time.monotonic()
        if event == "call" and now - self._last >= self.interval:
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
        except RuntimeError as err:
            import time
            self._thread = None
            print("no threads here (", err, "); sampling from a profile hook instead")
            self._last = time.monotonic()
            self._hooked = True
            sys.setprofile(self._profile)

    def stop(self):
        if self._hooked:
            sys.setprofile(None)
            self._hooked = False
        self._done.set()
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        self.sample()
        self.traced_peak_at_stop = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        self._began_tracing = False

    def report(self):
        with self._lock:
            return {"peak_bytes": self._highest, "sample_count": self._samples,
                    "top_allocators": list(self._top_at_highest)}


def describe(tag, stats, overall):
    print(f"[{tag}]")
    for name, s in stats.items():
        print(f"  {name}: added={s['added']:,} peak={s['peak']:,}")
    biggest = max(stats, key=lambda k: stats[k]["added"])
    print(f"  phase that added the most: {biggest}; overall peak {overall:,} bytes")


tracemalloc.start()
kept_totals, kept_stats, kept_peak, held = run_job(False)
describe("keep inputs", kept_stats, kept_peak)
print("where the memory is (whole job still held):")
for label, size, count in top_sites(tracemalloc.take_snapshot()):
    print(f"{label}: {size} bytes in {count} blocks")
del held
freed_totals, freed_stats, freed_peak, _ = run_job(True)
describe("free inputs", freed_stats, freed_peak)
print("same answer either way:", kept_totals == freed_totals)
tracemalloc.stop()

monitor = MemoryMonitor(interval=0.05, top=3)
monitor.start()
small_totals, _, _, still_held = run_job(False, 2_000)
monitor.stop()
rep = monitor.report()
print("monitor took samples:", rep["sample_count"] > 0)
print("no sample above the traced peak:", rep["peak_bytes"] <= monitor.traced_peak_at_stop)
print("top allocator at the highest sample:", rep["top_allocators"][0][0] if rep["top_allocators"] else None)
print("tracing stopped by the monitor:", not tracemalloc.is_tracing())
del still_held

print(f"freeing each phase's input lowers the peak: {freed_peak < kept_peak}")
