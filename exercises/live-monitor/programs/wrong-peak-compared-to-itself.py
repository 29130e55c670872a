# wrong: the 'no sample above the traced peak' line compares the monitor's peak with itself, so it is True whatever the traced peak is
# fails: the monitor's line about the traced peak compares with the peak the program read, not a number typed in
import linecache
import sys
import threading
import time
import tracemalloc

N = 20_000

def build(n):
    return [{"id": i, "samples": [float((i + j) % 97) for j in range(8)]} for i in range(n)]  # site: build

def transform(records, consume):
    scaled = []
    for i, rec in enumerate(records):
        scaled.append([v * 1.5 for v in rec["samples"]])  # site: scale
        if consume:
            records[i] = None
    return scaled

def aggregate(scaled, consume):
    totals = [0.0] * 100  # site: totals
    for i, readings in enumerate(scaled):
        totals[i % 100] += sum(readings)
        if consume:
            scaled[i] = None
    return totals

def run_job(free_inputs, n=N):
    phases, held = [], {}

    def measure(name, step):
        before = tracemalloc.get_traced_memory()[0]
        tracemalloc.reset_peak()
        out = step()
        after, peak = tracemalloc.get_traced_memory()
        phases.append((name, after - before, peak))
        return out

    held["records"] = measure("build", lambda: build(n))
    held["scaled"] = measure("transform", lambda: transform(held["records"], free_inputs))
    if free_inputs:
        del held["records"]
    totals = measure("aggregate", lambda: aggregate(held["scaled"], free_inputs))
    if free_inputs:
        del held["scaled"]
    return totals, phases, max(p for _, _, p in phases), held

def top_sites(snapshot, limit=3):
    mine = snapshot.filter_traces([tracemalloc.Filter(True, __file__)])
    found = []
    for stat in mine.statistics("lineno"):
        text = linecache.getline(stat.traceback[0].filename, stat.traceback[0].lineno)
        if "# site:" in text:
            found.append((text.split("# site:", 1)[1].strip(), stat.size, stat.count))
        if len(found) == limit:
            break
    return found

class MemoryMonitor:
    def __init__(self, interval=0.05, top=3):
        self.interval = interval
        self.top = top
        self._lock, self._done = threading.Lock(), threading.Event()
        self._thread, self._hooked, self._began_tracing = None, False, False
        self._last, self._count, self._highest, self._top = 0.0, 0, 0, []
    def sample(self):
        reading = tracemalloc.get_traced_memory()[0]
        sites = top_sites(tracemalloc.take_snapshot(), self.top)  # the snapshot itself is dropped here
        with self._lock:
            self._count += 1
            if reading > self._highest or self._count == 1:
                self._highest = reading
                self._top = sites
        self._last = time.monotonic()
    def _loop(self):
        while not self._done.wait(self.interval):
            self.sample()
    def _hook(self, frame, event, arg):  # the profile hook, when no thread can start
        if event == "call" and time.monotonic() - self._last >= self.interval: self.sample()
    def start(self):
        if not tracemalloc.is_tracing():
            tracemalloc.start()
            self._began_tracing = True
        self._done.clear()
        self._last = time.monotonic()
        try:
            self._thread = threading.Thread(target=self._loop, daemon=True)
            self._thread.start()
        except RuntimeError:
            print("no threads in this Python: sampling from a profile hook")
            sys.setprofile(self._hook)
            self._thread, self._hooked = None, True
    def stop(self):
        self._done.set()
        if self._thread is not None:
            self._thread.join()
        if self._hooked:
            sys.setprofile(None)
        self._thread, self._hooked = None, False
        self.sample()
        if self._began_tracing:
            tracemalloc.stop()
        self._began_tracing = False
    def report(self):
        with self._lock:
            return {"peak_bytes": self._highest, "sample_count": self._count, "top_allocators": list(self._top)}

def show(title, phases, overall):
    print(title)
    for name, added, peak in phases:
        print(f"  {name:<9} added {added} bytes, peak {peak} bytes")
    biggest = max(phases, key=lambda p: p[1])[0]
    print(f"  phase that added the most: {biggest}; overall peak {overall} bytes")

tracemalloc.start()
kept_totals, kept_phases, kept_peak, held = run_job(False)
snapshot = tracemalloc.take_snapshot()
tracemalloc.stop()
show("holding every phase's input:", kept_phases, kept_peak)
print("biggest lines at the end of that run:")
for label, size, count in top_sites(snapshot):
    print(f"  {label}: {size} bytes in {count} blocks")
del snapshot, held

tracemalloc.start()
free_totals, free_phases, free_peak, _ = run_job(True)
tracemalloc.stop()
show("freeing each phase's input:", free_phases, free_peak)
print(f"same group totals both ways: {free_totals == kept_totals}")

tracemalloc.start()
monitor = MemoryMonitor(interval=0.005)
monitor.start()
records = build(2_000)
scaled = transform(records, False)
totals = aggregate(scaled, False)
monitor.stop()
traced_peak = tracemalloc.get_traced_memory()[1]
tracemalloc.stop()
rep = monitor.report()
print(f"monitor took samples: {rep['sample_count'] > 0}")
highest_seen = rep["peak_bytes"]
print(f"no sample above the traced peak: {rep['peak_bytes'] <= highest_seen}")
print(f"top allocator at the highest sample: {rep['top_allocators'][0][0]}")
del records, scaled, totals

print(f"freeing each phase's input lowers the peak: {free_peak < kept_peak}")
