# wrong: 'most added by' is not the phase with the largest added bytes: max() over a yes/no key returns the first phase that added anything, so it names build whatever the figures say
# fails: the program prints each run's overall peak, as measured by the check, and which phase added the most
import linecache
import os
import sys
import threading
import time
import tracemalloc

N = 20_000
HERE = os.path.abspath(__file__)

def build(n):
    return [{"id": i, "samples": [float((i + j) % 97) for j in range(8)]} for i in range(n)]  # site: build

def transform(records, consume):
    scaled = []
    for i, rec in enumerate(records):
        scaled.append([x * 1.5 for x in rec["samples"]])  # site: transform
        if consume:
            records[i] = None
    return scaled

def aggregate(scaled, consume):
    groups = [0.0] * 100  # site: aggregate
    for i, row in enumerate(scaled):
        groups[i % 100] += sum(row)
        if consume:
            scaled[i] = None
    return groups

def top_sites(snapshot, limit=3):
    found = []
    for stat in snapshot.statistics("lineno"):       # biggest first; keep this file's lines
        frame = stat.traceback[0]
        if os.path.abspath(frame.filename) != HERE:
            continue
        text = linecache.getline(frame.filename, frame.lineno)
        label = text.split("# site:", 1)[1].strip() if "# site:" in text else (text.strip()[:40] or "?")
        found.append((label, stat.size, stat.count))
        if len(found) == limit:
            break
    return found

def run_job(free_inputs, n=N, want_sites=False):
    began = not tracemalloc.is_tracing()
    if began:
        tracemalloc.start()
    table = {}
    def phase(name, work):
        tracemalloc.reset_peak()
        before = tracemalloc.get_traced_memory()[0]
        out = work()
        after, peak = tracemalloc.get_traced_memory()
        table[name] = {"added": after - before, "peak": peak}
        return out
    holder = {}
    holder["records"] = phase("build", lambda: build(n))
    holder["scaled"] = phase("transform", lambda: transform(
        holder.pop("records") if free_inputs else holder["records"], free_inputs))
    totals = phase("aggregate", lambda: aggregate(
        holder.pop("scaled") if free_inputs else holder["scaled"], free_inputs))
    sites = top_sites(tracemalloc.take_snapshot()) if want_sites else None
    holder.clear()
    if began:
        tracemalloc.stop()
    return totals, table, max(p["peak"] for p in table.values()), sites

class MemoryMonitor:
    def __init__(self, interval=0.05, top=3):
        self.interval, self.top = interval, top
        self._lock, self._done = threading.Lock(), threading.Event()
        self._thread, self._began, self._hooked, self._last = None, False, False, 0.0
        self._count, self._highest, self._sites = 0, 0, []
    def sample(self):
        reading = tracemalloc.get_traced_memory()[0]
        sites = top_sites(tracemalloc.take_snapshot(), self.top)   # the snapshot is dropped here
        with self._lock:
            self._count += 1
            if self._count == 1 or reading > self._highest:
                self._highest, self._sites = reading, sites
    def _loop(self):
        while not self._done.wait(self.interval):
            self.sample()
    def _profile(self, frame, event, arg):
        if event == "call" and time.monotonic() - self._last >= self.interval:
            sys.setprofile(None)
            try:
                self.sample()
            finally:
                self._last = time.monotonic()    # count the interval from the end of this sample
                sys.setprofile(self._profile)
    def start(self):
        if not tracemalloc.is_tracing():
            tracemalloc.start()
            self._began = True
        self._done.clear()
        try:
            self._thread = threading.Thread(target=self._loop, daemon=True)
            self._thread.start()
        except RuntimeError as err:
            self._thread = None
            print(f"monitor: no thread here ({err}); sampling from a profile hook")
            self._last, self._hooked = time.monotonic(), True
            sys.setprofile(self._profile)
    def stop(self):
        self._done.set()
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        if self._hooked:
            sys.setprofile(None)
            self._hooked = False
        self.sample()
        if self._began:
            tracemalloc.stop()
            self._began = False
    def report(self):
        with self._lock:
            return {"peak_bytes": self._highest, "sample_count": self._count,
                    "top_allocators": list(self._sites)}

kept_totals, kept, kept_peak, sites = run_job(False, want_sites=True)
freed_totals, freed, freed_peak, _ = run_job(True)
for title, table, peak in (("holding every phase", kept, kept_peak), ("freeing each input", freed, freed_peak)):
    print(f"{title}:")
    for name, row in table.items():
        print(f"  {name:<9} added {row['added']:>12,} bytes, peak while running {row['peak']:>12,} bytes")
    print(f"  most added by: {max(table, key=lambda p: table[p]['added'] > 0)}; overall peak {peak:,} bytes")
print(f"same totals both ways: {kept_totals == freed_totals}")
print("biggest lines at the end of the holding run:")
for label, size, count in sites:
    print(f"  {label}: {size} bytes in {count} blocks")

tracemalloc.start()
monitor = MemoryMonitor(interval=0.01)
monitor.start()
records = build(2_000)
scaled = transform(records, False)
totals = aggregate(scaled, False)
monitor.stop()
traced_peak = tracemalloc.get_traced_memory()[1]
tracemalloc.stop()
seen = monitor.report()
print(f"monitor took samples: {seen['sample_count'] > 0}")
print(f"no sample above the traced peak: {seen['peak_bytes'] <= traced_peak}")
print(f"top allocator at the highest sample: {seen['top_allocators'][0][0]}")
print(f"freeing each phase's input lowers the peak: {freed_peak < kept_peak}")
