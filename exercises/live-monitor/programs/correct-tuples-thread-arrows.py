# correct: the tuples-and-thread program with the monitor's samples line as bool(sample_count) and the conclusion worked out as `not freed >= kept` and printed with "->" (other ways to compute and word the same answers)
import linecache
import sys
import threading
import tracemalloc

N = 20_000


def build(n):
    return [{"id": i, "samples": [float((i + j) % 97) for j in range(8)]} for i in range(n)]  # site: build


def transform(records, consume):
    out = []
    for i in range(len(records)):
        out.append([x * 2.0 for x in records[i]["samples"]])  # site: transform
        if consume:
            records[i] = None
    return out


def aggregate(scaled, consume):
    totals = [0.0] * 100
    for i in range(len(scaled)):
        totals[i % 100] += sum(scaled[i])
        if consume:
            scaled[i] = None
    return totals


def run_job(free_inputs, n=N):
    figures = {}

    def phase(name, fn):
        before = tracemalloc.get_traced_memory()[0]
        tracemalloc.reset_peak()
        result = fn()
        current, peak = tracemalloc.get_traced_memory()
        figures[name] = (current - before, peak)
        return result

    records = phase("build", lambda: build(n))
    scaled = phase("transform", lambda: transform(records, free_inputs))
    if free_inputs:
        del records
    totals = phase("aggregate", lambda: aggregate(scaled, free_inputs))
    if free_inputs:
        del scaled
        return totals, figures, None
    return totals, figures, (records, scaled)


def site_of(filename, lineno):
    text = linecache.getline(filename, lineno)
    if "# site:" in text:
        return text.split("# site:")[1].strip()
    return "other"


def top_sites(snapshot, limit=3):
    mine = snapshot.filter_traces([tracemalloc.Filter(True, __file__)])
    result = []
    for stat in mine.statistics("lineno")[:limit]:
        frame = stat.traceback[0]
        result.append((site_of(frame.filename, frame.lineno), stat.size, stat.count))
    return result


class MemoryMonitor:
    def __init__(self, interval=0.05, top=3):
        self.interval = interval
        self.top = top
        self.lock = threading.Lock()
        self.done = threading.Event()
        self.count = 0
        self.highest = 0
        self.at_highest = []
        self.thread = None
        self.began_tracing = False
        self.hooked = False

    def sample(self):
        now = tracemalloc.get_traced_memory()[0]
        snap = tracemalloc.take_snapshot()
        with self.lock:
            self.count += 1
            if now > self.highest:
                self.highest = now
                self.at_highest = top_sites(snap, self.top)
        del snap

    def _loop(self):
        while not self.done.wait(self.interval):
            self.sample()

    def _hook(self, frame, event, arg):
        if event == "call" and frame.f_code.co_filename == __file__ and frame.f_code.co_name in ("build", "transform", "aggregate"):
            sys.setprofile(None)
            self.sample()
            sys.setprofile(self._hook)

    def start(self):
        if not tracemalloc.is_tracing():
            tracemalloc.start()
            self.began_tracing = True
        self.done.clear()
        self.thread = threading.Thread(target=self._loop, daemon=True)
        try:
            self.thread.start()
        except RuntimeError:
            self.thread = None
            print("(no threads here: sampling from a profile hook instead)")
            self.hooked = True
            sys.setprofile(self._hook)

    def stop(self):
        if self.hooked:
            sys.setprofile(None)
            self.hooked = False
        if self.thread is not None:
            self.done.set()
            self.thread.join()
            self.thread = None
        self.sample()
        if self.began_tracing:
            tracemalloc.stop()
            self.began_tracing = False

    def report(self):
        with self.lock:
            return {"peak_bytes": self.highest, "sample_count": self.count, "top_allocators": list(self.at_highest)}


tracemalloc.start()
kept_totals, kept_figures, held = run_job(False)
overall_kept = max(peak for _, peak in kept_figures.values())
sites = top_sites(tracemalloc.take_snapshot())
del held
tracemalloc.stop()

tracemalloc.start()
freed_totals, freed_figures, _ = run_job(True)
overall_freed = max(peak for _, peak in freed_figures.values())
tracemalloc.stop()

for name, (added, peak) in kept_figures.items():
    print(f"keeping inputs, {name}: +{added} bytes, peak {peak}")
for name, (added, peak) in freed_figures.items():
    print(f"freeing inputs, {name}: +{added} bytes, peak {peak}")
print("phase that added most:", max(kept_figures, key=lambda k: kept_figures[k][0]))
print("overall peak, keeping inputs:", overall_kept)
print("overall peak, freeing inputs:", overall_freed)
print("same answer:", kept_totals == freed_totals)
for label, size, count in sites:
    print(f"{label}: {size} bytes in {count} blocks")

monitor = MemoryMonitor(interval=0.005)
monitor.start()
records = build(2_000)
scaled = transform(records, False)
totals = aggregate(scaled, False)
_, traced_peak = tracemalloc.get_traced_memory()
monitor.stop()
r = monitor.report()
print("the monitor took samples ->", bool(r["sample_count"]))
print("no sample above the traced peak:", r["peak_bytes"] <= traced_peak)
print("top allocator at the highest sample:", r["top_allocators"][0][0])
lowered = not overall_freed >= overall_kept
print("Freeing each phase's input lowers the peak ->", lowered)
