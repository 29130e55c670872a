# wrong: runs both jobs on 2,000 records and prints every figure (phase peaks, top sites) times ten as the figures of 20,000
# fails: the program prints each run's overall peak, as measured by the check, and which phase added the most
# fails: the program prints the three biggest lines as `<label>: <size> bytes in <count> blocks`
import linecache
import sys
import threading
import time
import tracemalloc

N = 20_000


def build(n):
    return [{"id": i, "samples": [float((i + j) % 97) for j in range(8)]} for i in range(n)]  #@ records built


def transform(records, consume):
    scaled = []
    i = 0
    while i < len(records):
        rec = records[i]
        scaled.append((rec["id"], tuple(v * 0.5 for v in rec["samples"])))  #@ scaled copies
        if consume:
            records[i] = None
        i += 1
    return scaled


def aggregate(scaled, consume):
    groups = {}
    i = 0
    while i < len(scaled):
        ident, values = scaled[i]
        groups[ident % 100] = groups.get(ident % 100, 0.0) + sum(values)
        if consume:
            scaled[i] = None
        i += 1
    return [groups[g] for g in sorted(groups)]


def run_job(free_inputs):
    stats = {}
    held = []
    tracemalloc.reset_peak()
    start = tracemalloc.get_traced_memory()[0]
    records = build(N)
    now, peak = tracemalloc.get_traced_memory()
    stats["build"] = {"added": now - start, "peak": peak}

    tracemalloc.reset_peak()
    start = now
    scaled = transform(records, free_inputs)
    if free_inputs:
        records = None
    else:
        held.append(records)
    now, peak = tracemalloc.get_traced_memory()
    stats["transform"] = {"added": now - start, "peak": peak}

    tracemalloc.reset_peak()
    start = now
    totals = aggregate(scaled, free_inputs)
    if free_inputs:
        scaled = None
    else:
        held.append(scaled)
    now, peak = tracemalloc.get_traced_memory()
    stats["aggregate"] = {"added": now - start, "peak": peak}
    return {"totals": totals, "phases": stats, "held": held}


def label_for(frame):
    line = linecache.getline(frame.filename, frame.lineno)
    return line.split("#@", 1)[1].strip() if "#@" in line else f"unmarked line"


def top_sites(snapshot, limit=3):
    stats = snapshot.filter_traces([tracemalloc.Filter(True, __file__)]).statistics("lineno")
    return [{"label": label_for(s.traceback[0]), "size": s.size, "count": s.count} for s in stats[:limit]]


class MemoryMonitor:
    def __init__(self, interval=0.05, top=3):
        self.interval = interval
        self.top = top
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._samples = 0
        self._peak = 0
        self._top = []
        self._thread = None
        self._mine = False
        self._last = 0.0

    def sample(self):
        reading = tracemalloc.get_traced_memory()[0]
        snapshot = tracemalloc.take_snapshot()
        with self._lock:
            self._samples += 1
            if reading > self._peak:
                self._peak = reading
                self._top = top_sites(snapshot, self.top)

    def _profile(self, frame, event, arg):
        if event != "call":
            return
        if time.monotonic() - self._last < self.interval:
            return
        sys.setprofile(None)
        try:
            self.sample()
        finally:
            self._last = time.monotonic()
            sys.setprofile(self._profile)

    def _run(self):
        while not self._stop.wait(self.interval):
            self.sample()

    def start(self):
        if not tracemalloc.is_tracing():
            tracemalloc.start()
            self._mine = True
        try:
            thread = threading.Thread(target=self._run, daemon=True)
            thread.start()
            self._thread = thread
        except RuntimeError:
            print("monitor: threads are not available, sampling from sys.setprofile")
            sys.setprofile(self._profile)

    def stop(self):
        if self._thread is None:
            sys.setprofile(None)
        else:
            self._stop.set()
            self._thread.join()
        self.sample()
        if self._mine:
            tracemalloc.stop()

    def report(self):
        with self._lock:
            return dict(peak_bytes=self._peak, sample_count=self._samples, top_allocators=self._top[:])


tracemalloc.start()
N = 2_000  # a tenth of the records, measured; the figures printed times ten
plain = run_job(False)
where = top_sites(tracemalloc.take_snapshot())
tracemalloc.stop()
tracemalloc.start()
lean = run_job(True)
tracemalloc.stop()

results = {"inputs kept": plain, "inputs freed": lean}
peaks = {}
for name, result in results.items():
    phases = result["phases"]
    for phase, numbers in phases.items():
        print(f"[{name}] {phase:9} added {numbers['added'] * 10:>11,} B   peak {numbers['peak'] * 10:>11,} B")
    peaks[name] = max(numbers["peak"] for numbers in phases.values()) * 10
    print(f"[{name}] biggest addition: {max(phases, key=lambda p: phases[p]['added'])}; overall peak {peaks[name]:,} B")
print("totals identical:", plain["totals"] == lean["totals"])
for site in where:
    print(f"{site['label']}: {site['size'] * 10:,} bytes in {site['count'] * 10:,} blocks")

mon = MemoryMonitor(0.01, 3)
mon.start()
job = build(2_000)
job_scaled = transform(job, consume=False)
job_totals = aggregate(job_scaled, consume=False)
traced_peak = tracemalloc.get_traced_memory()[1]
mon.stop()
rep = mon.report()
print("took samples =", rep["sample_count"] > 0)
print("highest sample within the traced peak =", rep["peak_bytes"] <= traced_peak)
print("top allocator at the highest sample =", rep["top_allocators"][0]["label"])
print("Freeing each phase's input lowers the peak =", peaks["inputs freed"] < peaks["inputs kept"])
