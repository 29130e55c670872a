# wrong: after the monitored 2,000-record job the traced peak is read but thrown away; "no sample above the traced peak" is checked against run 1's 20,000-record overall peak instead.
# fails: the monitor's line about the traced peak compares with the peak the program read, not a number typed in
import linecache
import sys
import threading
import time
import tracemalloc

N = 20_000


def build(n):
    return [{"id": i, "samples": [float((i + j) % 97) for j in range(8)]} for i in range(n)]  # where: build


def transform(records, consume):
    scaled = []
    for i in range(len(records)):
        scaled.append([x / 4 for x in records[i]["samples"]])  # where: transform
        if consume:
            records[i] = None
    return scaled


def aggregate(scaled, consume):
    totals = [0.0] * 100
    for i in range(len(scaled)):
        totals[i % 100] += sum(scaled[i])  # where: aggregate
        if consume:
            scaled[i] = None
    return totals


def run_job(free_inputs, n=N):
    """Run the three phases under tracemalloc; return (totals, phases, snapshot or None)."""
    tracemalloc.start()
    phases = []

    def begin():
        tracemalloc.reset_peak()
        return tracemalloc.get_traced_memory()[0]

    def end(name, before):
        current, peak = tracemalloc.get_traced_memory()
        phases.append((name, current - before, peak))

    mark = begin()
    records = build(n)
    end("build", mark)

    mark = begin()
    scaled = transform(records, free_inputs)
    if free_inputs:
        del records
    end("transform", mark)

    mark = begin()
    totals = aggregate(scaled, free_inputs)
    if free_inputs:
        del scaled
    end("aggregate", mark)

    snapshot = None if free_inputs else tracemalloc.take_snapshot()
    tracemalloc.stop()
    return totals, phases, snapshot


def site_label(filename, lineno):
    text = linecache.getline(filename, lineno)
    if "# where:" in text:
        return text.split("# where:", 1)[1].strip()
    return text.strip() or "<unknown>"


def top_sites(snapshot, limit=3):
    mine = snapshot.filter_traces([tracemalloc.Filter(True, __file__)])
    sites = []
    for stat in mine.statistics("lineno")[:limit]:
        frame = stat.traceback[0]
        sites.append((site_label(frame.filename, frame.lineno), stat.size, stat.count))
    return sites


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
        self.sample_count = 0
        self.peak_bytes = 0
        self.top_allocators = []

    def sample(self):
        reading = tracemalloc.get_traced_memory()[0]
        snapshot = tracemalloc.take_snapshot()
        with self._lock:
            self.sample_count += 1
            is_highest = reading > self.peak_bytes or self.sample_count == 1
        if is_highest:
            sites = top_sites(snapshot, self.top)
            with self._lock:
                if reading >= self.peak_bytes:
                    self.peak_bytes = reading
                    self.top_allocators = sites
        del snapshot

    def _run(self):
        while not self._done.wait(self.interval):
            self.sample()

    def _profile(self, frame, event, arg):
        now = time.monotonic()
        if event == "call" and now - self._last >= self.interval:
            self._last = now
            self.sample()

    def start(self):
        if not tracemalloc.is_tracing():
            tracemalloc.start()
            self._began_tracing = True
        self._done.clear()
        try:
            self._thread = threading.Thread(target=self._run, daemon=True)
            self._thread.start()
        except RuntimeError:
            self._thread = None
            print("cannot start a thread here: sampling from a profile hook instead")
            self._last = time.monotonic()
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
        if self._began_tracing:
            tracemalloc.stop()
            self._began_tracing = False

    def report(self):
        with self._lock:
            return {
                "peak_bytes": self.peak_bytes,
                "sample_count": self.sample_count,
                "top_allocators": list(self.top_allocators),
            }


def print_phases(title, phases):
    print(title)
    print(f"  {'phase':<10}{'added (B)':>14}{'peak (B)':>14}")
    for name, added, peak in phases:
        print(f"  {name:<10}{added:>14,}{peak:>14,}   ({peak / 2**20:.1f} MiB)")
    biggest = max(phases, key=lambda p: p[1])
    overall = max(p[2] for p in phases)
    print(f"  phase that added the most: {biggest[0]}")
    print(f"  overall peak: {overall:,} bytes")
    return overall


# 1. hold everything
all_totals, all_phases, all_snapshot = run_job(free_inputs=False)
peak_all = print_phases("run 1, every phase keeps its input:", all_phases)

# 2. release each input as soon as it is used
freeing_totals, freeing_phases, _ = run_job(free_inputs=True)
peak_freeing = print_phases("run 2, each phase releases its input:", freeing_phases)
print(f"same answer from both runs: {all_totals == freeing_totals}")

# 3. where the memory is at the end of run 1
print("biggest lines at the end of run 1:")
for label, size, count in top_sites(all_snapshot):
    print(f"  {label}: {size} bytes in {count} blocks")
del all_snapshot

# 4. the monitor around a 2,000-record job that still holds everything at stop()
tracemalloc.start()
monitor = MemoryMonitor(interval=0.05, top=3)
monitor.start()
records = build(2_000)
time.sleep(0.06)
scaled = transform(records, False)
time.sleep(0.06)
totals = aggregate(scaled, False)
monitor.stop()
tracemalloc.get_traced_memory()
tracemalloc.stop()
result = monitor.report()
print("monitor:")
print(f"  took samples: {result['sample_count'] > 0}")
print(f"  no sample above the traced peak: {result['peak_bytes'] <= peak_all}")
print(f"  top allocator at its highest sample: {result['top_allocators'][0][0]}")
del records, scaled

print(f"freeing each phase's input lowers the peak: {peak_freeing < peak_all}")
