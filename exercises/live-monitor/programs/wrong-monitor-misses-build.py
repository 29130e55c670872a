# wrong: the 2,000 records are built before monitor.start(), so the monitor watches only transform and aggregate, not the job it is said to run around
# fails: the monitor the program ran watched a 2,000-record job
import linecache, sys, threading, time, tracemalloc
from contextlib import contextmanager

N = 20_000

def build(n):
    return [{"id": i, "samples": [float((i + j) % 97) for j in range(8)]} for i in range(n)]  # site: build

def transform(records, consume):
    scaled = []
    for i, record in enumerate(records):
        scaled.append([value * 1.5 for value in record["samples"]])  # site: transform
        if consume: records[i] = None
    return scaled

def aggregate(scaled, consume):
    totals = [0.0] * 100  # site: totals
    for i, row in enumerate(scaled):
        totals[i % 100] += sum(row)  # site: group sums
        if consume: scaled[i] = None
    return totals

@contextmanager
def measure(name, ledger):
    before = tracemalloc.get_traced_memory()[0]
    tracemalloc.reset_peak()
    yield
    after, peak = tracemalloc.get_traced_memory()
    ledger[name] = {"added": after - before, "peak": peak}

def run_job(free_inputs, n=N):
    ledger = {}
    with measure("build", ledger):
        records = build(n)
    with measure("transform", ledger):
        scaled = transform(records, free_inputs)
        records = None if free_inputs else records
    with measure("aggregate", ledger):
        totals = aggregate(scaled, free_inputs)
        scaled = None if free_inputs else scaled
    return ledger, totals, (records, scaled)

def top_sites(snapshot, limit=3):
    mine = snapshot.filter_traces([tracemalloc.Filter(True, __file__)])
    sites = []
    for stat in mine.statistics("lineno")[:limit]:
        frame = stat.traceback[0]
        text = linecache.getline(frame.filename, frame.lineno)
        label = text.split("# site:", 1)[1].strip() if "# site:" in text else text.strip()
        sites.append((label, stat.size, stat.count))
    return sites

class MemoryMonitor:
    def __init__(self, interval=0.05, top=3):
        self.interval, self.top = interval, top
        self._lock, self._done = threading.Lock(), threading.Event()
        self._count, self._highest, self._sites = 0, 0, []  # samples, highest reading, its top sites
        self._thread, self._hooked, self._began, self._last = None, False, False, 0.0
    def sample(self):
        reading = tracemalloc.get_traced_memory()[0]
        snapshot = tracemalloc.take_snapshot()
        with self._lock:
            self._count += 1
            if reading > self._highest:
                self._highest = reading
                self._sites = top_sites(snapshot, self.top)  # the snapshot itself is dropped
    def _loop(self):
        while not self._done.wait(self.interval):
            self.sample()
    def _hook(self, frame, event, arg):
        now = time.monotonic()
        if now - self._last >= self.interval:
            self._last = now
            self.sample()
    def start(self):
        if not tracemalloc.is_tracing():
            tracemalloc.start()
            self._began = True
        self._done.clear()
        worker = threading.Thread(target=self._loop, daemon=True)
        try:
            worker.start()
            self._thread = worker
        except RuntimeError as err:
            print(f"monitor: cannot start a thread ({err}); sampling from a profile hook")
            self._last, self._hooked = time.monotonic(), True
            sys.setprofile(self._hook)
    def stop(self):
        self._done.set()
        if self._thread is not None:
            self._thread.join()
        if self._hooked:
            sys.setprofile(None)
        self._thread, self._hooked = None, False
        self.sample()
        if self._began:
            tracemalloc.stop()
            self._began = False
    def report(self):
        with self._lock:
            return {"peak_bytes": self._highest, "sample_count": self._count,
                    "top_allocators": list(self._sites)}

def show(title, ledger):
    print(title)
    for name, figures in ledger.items():
        print(f"  {name}: added {figures['added']:,} bytes, peak {figures['peak']:,} bytes")
    most = max(ledger, key=lambda name: ledger[name]["added"])
    overall = max(figures["peak"] for figures in ledger.values())
    print(f"  added the most: {most}; overall peak {overall:,} bytes")
    return overall

tracemalloc.start()
keep_ledger, keep_totals, held = run_job(False)
snapshot = tracemalloc.take_snapshot()
del held
tracemalloc.stop()
keep_peak = show("keeping every phase's input:", keep_ledger)
print("biggest lines at the end of that run:")
for label, size, count in top_sites(snapshot):
    print(f"  {label}: {size:,} bytes in {count:,} blocks")
tracemalloc.start()
free_ledger, free_totals, held = run_job(True)
del held
tracemalloc.stop()
free_peak = show("freeing each phase's input:", free_ledger)
print(f"  same group totals: {free_totals == keep_totals}")
tracemalloc.start()
small_records = build(2_000)
monitor = MemoryMonitor(interval=0.05, top=3)
monitor.start()
small_scaled = transform(small_records, False)
small_totals = aggregate(small_scaled, False)
monitor.stop()
traced_peak = tracemalloc.get_traced_memory()[1]
tracemalloc.stop()
report = monitor.report()
print(f"monitor took samples: {report['sample_count'] > 0}")
print(f"no sample above the traced peak: {report['peak_bytes'] <= traced_peak}")
print(f"top allocator at the highest sample: {report['top_allocators'][0][0]}")
print(f"freeing each phase's input lowers the peak: {free_peak < keep_peak}")
