# wrong: written from the task alone (round 21): report()'s peak_bytes is the highest reading less what was traced at start(), not the highest reading
# fails: `report()['peak_bytes']` is the highest reading itself, also when tracing began before `start()`
# reading: a phase's "peak reached while it ran" is the absolute traced peak
# during that phase (tracemalloc.reset_peak() just before it); the run's
# overall peak is the highest of its three phase peaks. "scaled copy" = each
# reading multiplied by SCALE, kept with the record's id so the aggregate can
# group by id % 100. The monitor's "none is above the traced peak" compares
# its highest reading with tracemalloc's peak read in stop(), just before
# tracing ends.
import linecache
import sys
import threading
import time
import tracemalloc

N = 20_000
GROUPS = 100
SCALE = 1.5
MONITOR_RECORDS = 2_000
SITE_TAG = "# site:"


def build(n):
    return [{"id": i, "samples": [float((i + j) % 97) for j in range(8)]} for i in range(n)]  # site: build


def transform(records, consume):
    scaled = []
    for i, record in enumerate(records):
        scaled.append((record["id"], [x * SCALE for x in record["samples"]]))  # site: transform
        if consume:
            records[i] = None
    return scaled


def aggregate(scaled, consume):
    totals = [0.0] * GROUPS  # site: aggregate-init
    for i, (rid, values) in enumerate(scaled):
        totals[rid % GROUPS] += sum(values)  # site: aggregate
        if consume:
            scaled[i] = None
    return totals


class PhaseMeter:
    """Context manager: bytes a phase added and the peak while it ran."""

    def __init__(self, name, into):
        self.name, self.into = name, into

    def __enter__(self):
        tracemalloc.reset_peak()
        self.before = tracemalloc.get_traced_memory()[0]
        return self

    def __exit__(self, *exc):
        current, peak = tracemalloc.get_traced_memory()
        self.into[self.name] = {"added": current - self.before, "peak": peak}
        return False


def run_job(free_inputs, n=N, want_snapshot=False):
    phases = {}
    with PhaseMeter("build", phases):
        records = build(n)
    with PhaseMeter("transform", phases):
        scaled = transform(records, free_inputs)
        if free_inputs:
            del records
    with PhaseMeter("aggregate", phases):
        totals = aggregate(scaled, free_inputs)
        if free_inputs:
            del scaled
    snapshot = tracemalloc.take_snapshot() if want_snapshot else None
    return totals, phases, snapshot


def site_label(filename, lineno):
    text = linecache.getline(filename, lineno)
    if SITE_TAG in text:
        return text.split(SITE_TAG, 1)[1].strip()
    return text.strip() or "<unknown>"


def top_sites(snapshot, limit=3):
    mine = snapshot.filter_traces([tracemalloc.Filter(True, __file__)])
    found = []
    for stat in mine.statistics("lineno")[:limit]:
        frame = stat.traceback[0]
        found.append((site_label(frame.filename, frame.lineno), stat.size, stat.count))
    return found


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
        self._top_at_highest = []
        self.traced_peak = None

    def sample(self):
        reading = tracemalloc.get_traced_memory()[0]
        snapshot = tracemalloc.take_snapshot()
        sites = top_sites(snapshot, self.top)
        del snapshot
        with self._lock:
            self._count += 1
            if reading > self._highest:
                self._highest = reading
                self._top_at_highest = sites

    def _loop(self):
        while not self._done.wait(self.interval):
            self.sample()

    def _profile_hook(self, frame, event, arg):
        if event == "call":
            now = time.monotonic()
            if now - self._last >= self.interval:
                self._last = now
                self.sample()

    def start(self):
        if not tracemalloc.is_tracing():
            tracemalloc.start()
            self._began_tracing = True
        self._baseline = tracemalloc.get_traced_memory()[0]
        self._done.clear()
        try:
            self._thread = threading.Thread(target=self._loop, daemon=True)
            self._thread.start()
        except RuntimeError as exc:
            self._thread = None
            print(f"no thread available ({exc}); sampling from a profile hook")
            self._last = time.monotonic()
            sys.setprofile(self._profile_hook)
            self._profiling = True
        return self

    def stop(self):
        self._done.set()
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        if self._profiling:
            sys.setprofile(None)
            self._profiling = False
        self.sample()
        self.traced_peak = tracemalloc.get_traced_memory()[1]
        if self._began_tracing:
            tracemalloc.stop()
            self._began_tracing = False

    def report(self):
        with self._lock:
            return {
                "peak_bytes": self._highest - self._baseline,
                "sample_count": self._count,
                "top_allocators": list(self._top_at_highest),
            }


def show_phases(title, phases):
    print(title)
    print("  {:<10}{:>16}{:>16}".format("phase", "added (B)", "peak (B)"))
    for name, fig in phases.items():
        print("  {:<10}{:>16,}{:>16,}".format(name, fig["added"], fig["peak"]))
    biggest = max(phases, key=lambda p: phases[p]["added"])
    overall = max(fig["peak"] for fig in phases.values())
    print(f"  phase that added the most: {biggest}")
    print(f"  overall peak: {overall:,} bytes ({overall / 1024:,.1f} KiB)")
    return overall


# 1 + 3: the run that keeps every phase's input, snapshot at its end
tracemalloc.start()
kept_totals, kept_phases, snapshot = run_job(free_inputs=False, want_snapshot=True)
tracemalloc.stop()
kept_peak = show_phases("keeping every input:", kept_phases)

print("where the memory is at the end of that run:")
for label, size, count in top_sites(snapshot, 3):
    print(f"  {label}: {size} bytes in {count} blocks")
del snapshot

# 2: the run that frees each input once used, in a fresh trace
tracemalloc.start()
freed_totals, freed_phases, _ = run_job(free_inputs=True)
tracemalloc.stop()
freed_peak = show_phases("freeing each input once used:", freed_phases)
print("same answer both ways:", freed_totals == kept_totals)

# 4: the live monitor around a small job that still holds everything at stop()
monitor = MemoryMonitor(interval=0.05, top=3)
monitor.start()
held_records = build(MONITOR_RECORDS)
held_scaled = transform(held_records, False)
held_totals = aggregate(held_scaled, False)
time.sleep(0.12)
monitor.stop()
rep = monitor.report()
print("monitor took samples:", rep["sample_count"] > 0)
print("no sample above the traced peak:", rep["peak_bytes"] <= monitor.traced_peak)
print("top allocator at the highest sample:", rep["top_allocators"][0][0])
del held_records, held_scaled, held_totals

print("freeing each phase's input lowers the peak:", freed_peak < kept_peak)
