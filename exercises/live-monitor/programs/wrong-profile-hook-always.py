# wrong: MemoryMonitor.start() never starts the daemon thread the task asks for: it always samples from the sys.setprofile fallback, even where threads work.
# fails: `MemoryMonitor` samples in the background while the job runs, and `stop()` ends it
import linecache
import sys
import threading
import time
import tracemalloc

N = 20_000
GROUPS = 100
MARK = "# mem:"


def build(n):
    out = []
    for i in range(n):  # mem: record ids
        out.append({"id": i, "samples": [float((i + j) % 97) for j in range(8)]})  # mem: build records
    return out


def transform(records, consume):
    scaled = []
    for index, record in enumerate(records):
        scaled.append([reading * 1.25 for reading in record["samples"]])  # mem: scaled copies
        if consume:
            records[index] = None
    return scaled


def aggregate(scaled, consume):
    groups = [0.0] * GROUPS
    for index, readings in enumerate(scaled):
        groups[index % GROUPS] = groups[index % GROUPS] + sum(readings)  # mem: group totals
        if consume:
            scaled[index] = None
    return groups


def phase(log, name, func, *args):
    tracemalloc.reset_peak()
    start_bytes, _ = tracemalloc.get_traced_memory()
    output = func(*args)
    end_bytes, peak_bytes = tracemalloc.get_traced_memory()
    log.append({"phase": name, "added": end_bytes - start_bytes, "peak": peak_bytes})
    return output


def run_job(free_inputs, n=N, want_snapshot=False):
    log = []
    tracemalloc.start()
    records = phase(log, "build", build, n)
    scaled = phase(log, "transform", transform, records, free_inputs)
    if free_inputs:
        records = None
    answer = phase(log, "aggregate", aggregate, scaled, free_inputs)
    if free_inputs:
        scaled = None
    snapshot = tracemalloc.take_snapshot() if want_snapshot else None
    tracemalloc.stop()
    return answer, log, snapshot


def label_for(filename, lineno):
    source = linecache.getline(filename, lineno)
    if MARK in source:
        return source.split(MARK, 1)[1].strip()
    return "unmarked: " + source.strip()


def top_sites(snapshot, limit=3):
    own = snapshot.filter_traces([tracemalloc.Filter(True, __file__)])
    return [
        (label_for(s.traceback[0].filename, s.traceback[0].lineno), s.size, s.count)
        for s in own.statistics("lineno")[:limit]
    ]


class MemoryMonitor:
    def __init__(self, interval=0.05, top=3):
        self.interval = interval
        self.top = top
        self._lock = threading.Lock()
        self._done = threading.Event()
        self._worker = None
        self._owns_tracing = False
        self._hooked = False
        self._last_sample = 0.0
        self._count = 0
        self._highest = -1
        self._top_allocators = []
        self.traced_peak = None

    def sample(self):
        now_bytes = tracemalloc.get_traced_memory()[0]
        snap = tracemalloc.take_snapshot()
        with self._lock:
            self._count += 1
            if now_bytes > self._highest:
                self._highest = now_bytes
                self._top_allocators = top_sites(snap, self.top)
        del snap

    def _loop(self):
        while not self._done.wait(self.interval):
            self.sample()

    def _hook(self, frame, event, arg):
        if time.perf_counter() - self._last_sample >= self.interval:
            self._last_sample = time.perf_counter()
            self.sample()

    def start(self):
        if not tracemalloc.is_tracing():
            tracemalloc.start()
            self._owns_tracing = True
        self._done.clear()
        # a profile hook works everywhere, threads or not
        self._last_sample = time.perf_counter()
        sys.setprofile(self._hook)
        self._hooked = True

    def stop(self):
        if self._worker is not None:
            self._done.set()
            self._worker.join()
            self._worker = None
        if self._hooked:
            sys.setprofile(None)
            self._hooked = False
        self.sample()
        self.traced_peak = tracemalloc.get_traced_memory()[1]
        if self._owns_tracing:
            tracemalloc.stop()
            self._owns_tracing = False

    def report(self):
        with self._lock:
            return {
                "peak_bytes": max(self._highest, 0),
                "sample_count": self._count,
                "top_allocators": list(self._top_allocators),
            }


def summarise(title, log):
    print(title)
    for entry in log:
        print(f"  {entry['phase']}: {entry['added']:+} bytes, peak {entry['peak']} bytes")
    most = max(log, key=lambda e: e["added"])
    overall = max(e["peak"] for e in log)
    print(f"  The {most['phase']} phase added the most; the overall peak was {overall} bytes.")
    return overall


kept_answer, kept_log, kept_snapshot = run_job(free_inputs=False, want_snapshot=True)
kept_peak = summarise("Holding every phase's input:", kept_log)

freed_answer, freed_log, _ = run_job(free_inputs=True)
freed_peak = summarise("Releasing each input once used:", freed_log)
print(f"Both runs give the same group totals: {kept_answer == freed_answer}")

print("Where the memory is at the end of the run that holds everything:")
for label, size, count in top_sites(kept_snapshot):
    print(f"  {label}: {size} bytes in {count} blocks")
kept_snapshot = None

monitor = MemoryMonitor(interval=0.05, top=3)
monitor.start()
small_records = build(2_000)
small_scaled = transform(small_records, False)
small_totals = aggregate(small_scaled, False)
time.sleep(0.12)
monitor.stop()
summary = monitor.report()
print(f"The monitor took samples: {summary['sample_count'] > 0}")
print(f"No sample is above the traced peak: {summary['peak_bytes'] <= monitor.traced_peak}")
print(f"At its highest sample the top allocator was: {summary['top_allocators'][0][0]}")

print(f"freeing each phase's input lowers the peak: {freed_peak < kept_peak}")
