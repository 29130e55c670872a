# wrong: fake — 'answers match' never compares the two runs' totals, only that both gave 100 group totals, so a freeing run with different answers still prints True (step 2)
# fails: the program checks that freeing gives the same answer: run again with an `aggregate` whose answer differs when it frees, it notices
import linecache
import sys
import threading
import time
import tracemalloc
from collections import Counter

N = 20_000
SITE_TAG = "#" + " site:"

def build(n):
    return [{"id": i, "samples": [float((i + j) % 97) for j in range(8)]} for i in range(n)]  # site: build

def transform(records, consume):
    scaled = [None] * len(records)  # site: scaled-list
    for i in range(len(records)):
        scaled[i] = list(map((3.0).__mul__, records[i]["samples"]))  # site: transform
        if consume:
            records[i] = None
    return scaled

def aggregate(scaled, consume):
    totals = dict.fromkeys(range(100), 0.0)  # site: totals
    for i in range(len(scaled)):
        totals[i % 100] += sum(scaled[i])  # site: aggregate
        if consume:
            scaled[i] = None
    return [totals[g] for g in range(100)]  # site: totals

def site_label(frame):
    line = linecache.getline(frame.filename, frame.lineno)
    head, sep, tail = line.partition(SITE_TAG)
    return tail.strip() if sep else "unmarked: " + head.strip()

def top_sites(snapshot, limit=3):
    sizes, blocks = Counter(), Counter()
    for stat in snapshot.filter_traces([tracemalloc.Filter(True, __file__)]).statistics("lineno"):
        label = site_label(stat.traceback[0])
        sizes[label] += stat.size
        blocks[label] += stat.count
    return [(label, size, blocks[label]) for label, size in sizes.most_common(limit)]

class _Sampler(threading.Thread):
    def __init__(self, monitor):
        super().__init__(daemon=True)
        self.monitor = monitor

    def run(self):
        while not self.monitor._stop_flag.wait(self.monitor.interval):
            self.monitor.sample()

class MemoryMonitor:
    def __init__(self, interval=0.05, top=3):
        self.interval, self.top = interval, top
        self._guard = threading.Lock()
        self._stop_flag = threading.Event()
        self._n, self._best, self._best_sites = 0, None, []
        self._worker, self._owns_tracing, self._profiling, self._t = None, False, False, 0.0

    def sample(self):
        level = tracemalloc.get_traced_memory()[0]
        sites = top_sites(tracemalloc.take_snapshot(), self.top)
        with self._guard:
            self._n += 1
            if self._best is None or level > self._best:
                self._best, self._best_sites = level, sites

    def _on_call(self, frame, event, arg):
        if event == "call" and time.perf_counter() - self._t >= self.interval:
            self.sample()
            self._t = time.perf_counter()

    def start(self):
        self._owns_tracing = not tracemalloc.is_tracing()
        if self._owns_tracing:
            tracemalloc.start()
        worker = _Sampler(self)
        try:
            worker.start()
            self._worker = worker
        except RuntimeError as err:
            sys.stdout.write("threads unavailable (%s): sampling via sys.setprofile\n" % err)
            self._t, self._profiling = time.perf_counter(), True
            sys.setprofile(self._on_call)

    def stop(self):
        self._stop_flag.set()
        if self._worker is not None:
            self._worker.join()
        if self._profiling:
            sys.setprofile(None)
        self.sample()
        if self._owns_tracing:
            tracemalloc.stop()

    def report(self):
        with self._guard:  # the sampler thread may be writing
            return {"peak_bytes": self._best or 0, "sample_count": self._n, "top_allocators": list(self._best_sites)}

class JobLab:
    PHASES = ("build", "transform", "aggregate")

    def __init__(self):
        self.rows = []

    def phase(self, run, name, fn):
        start = tracemalloc.get_traced_memory()[0]
        tracemalloc.reset_peak()
        value = fn()
        now, top = tracemalloc.get_traced_memory()
        self.rows.append((run, name, (now - start) / 1024, top / 1024))
        return value, now - start, top

    def run_job(self, free_inputs):
        tracemalloc.clear_traces()
        run = "free" if free_inputs else "hold"
        box = {}
        box["records"], a1, p1 = self.phase(run, "build", lambda: build(N))
        box["scaled"], a2, p2 = self.phase(run, "transform", lambda: transform(box.pop("records") if free_inputs else box["records"], free_inputs))
        box["totals"], a3, p3 = self.phase(run, "aggregate", lambda: aggregate(box.pop("scaled") if free_inputs else box["scaled"], free_inputs))
        most = self.PHASES[[a1, a2, a3].index(max(a1, a2, a3))]
        return box, max(p1, p2, p3), most

tracemalloc.start()
lab = JobLab()
held, held_peak, held_most = lab.run_job(False)
everything = tracemalloc.take_snapshot()
held_totals = held["totals"]
del held
freed, freed_peak, freed_most = lab.run_job(True)
freed_totals = freed["totals"]
del freed
tracemalloc.stop()
biggest = top_sites(everything)

sys.stdout.write("%-5s %-10s %12s %12s\n" % ("run", "phase", "added KiB", "peak KiB"))
for row in lab.rows:
    sys.stdout.write("%-5s %-10s %12.1f %12.1f\n" % row)
sys.stdout.write("hold: most added by %s, overall peak %.1f KiB\n" % (held_most, held_peak / 1024))
sys.stdout.write("free: most added by %s, overall peak %.1f KiB\n" % (freed_most, freed_peak / 1024))
for label, size, count in biggest:
    sys.stdout.write("%s: %d bytes in %d blocks\n" % (label, size, count))
sys.stdout.write("answers match: %s\n" % (len(held_totals) == len(freed_totals) == 100))
tracemalloc.start()
monitor = MemoryMonitor(interval=0.05, top=3)
monitor.start()
job = {"records": build(2_000)}
job["scaled"] = transform(job["records"], False)
job["totals"] = aggregate(job["scaled"], False)
monitor.stop()
traced_top = tracemalloc.get_traced_memory()[1]
info = monitor.report()
del job
tracemalloc.stop()
sys.stdout.write("monitor sampled: %s\n" % (info["sample_count"] >= 1))
sys.stdout.write("highest sample within the traced peak: %s\n" % (info["peak_bytes"] <= traced_top))
sys.stdout.write("top allocator at the highest sample: %s\n" % info["top_allocators"][0][0])
sys.stdout.write("freeing each phase's input lowers the peak: %s\n" % (freed_peak < held_peak))
