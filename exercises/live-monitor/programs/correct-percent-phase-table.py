# correct: phases driven from a table of (name, callable), dict results, co_filename filter, %-formatting, monitor with separate lock-guarded state
import linecache
import sys
import threading
import time
import tracemalloc

N = 20_000


def build(n):
    return [{"id": i, "samples": [float((i + j) % 97) for j in range(8)]} for i in range(n)]  # site: build


def transform(records, consume):
    out = [None] * len(records)  # site: scaled-list
    i = 0
    while i < len(records):
        out[i] = [value * 0.1 for value in records[i]["samples"]]  # site: scaled-copies
        if consume:
            records[i] = None
        i += 1
    return out


def aggregate(scaled, consume):
    groups = {}
    for i in range(len(scaled)):
        key = i % 100
        groups[key] = groups.get(key, 0.0) + sum(scaled[i])  # site: group-totals
        if consume:
            scaled[i] = None
    return [groups[k] for k in sorted(groups)]


def run_job(free_inputs, n=N):
    state = {}

    def do_build():
        state["records"] = build(n)

    def do_transform():
        state["scaled"] = transform(state["records"], free_inputs)
        if free_inputs:
            state.pop("records")

    def do_aggregate():
        state["totals"] = aggregate(state["scaled"], free_inputs)
        if free_inputs:
            state.pop("scaled")

    report = {"phases": {}}
    for name, step in (("build", do_build), ("transform", do_transform), ("aggregate", do_aggregate)):
        start_bytes, _ = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        step()
        end_bytes, peak = tracemalloc.get_traced_memory()
        report["phases"][name] = {"added": end_bytes - start_bytes, "peak": peak}
    report["peak"] = max(p["peak"] for p in report["phases"].values())
    report["biggest"] = max(report["phases"], key=lambda k: report["phases"][k]["added"])
    report["totals"] = state["totals"]
    report["state"] = state          # what is still held at the end
    return report


def top_sites(snapshot, limit=3):
    here = build.__code__.co_filename
    stats = snapshot.filter_traces([tracemalloc.Filter(True, here)]).statistics("lineno")
    result = []
    for stat in stats[:limit]:
        where = stat.traceback[0]
        source = linecache.getline(where.filename, where.lineno)
        marker = source.partition("# site:")[2].strip()
        result.append((marker or source.strip(), stat.size, stat.count))
    return result


class MemoryMonitor:
    def __init__(self, interval=0.05, top=3):
        self.interval = interval
        self.top = top
        self._lock = threading.Lock()
        self._stop_event = threading.Event()
        self._worker = None
        self._owns_trace = False
        self._hooked = False
        self._next_due = 0.0
        self._count = 0
        self._best = 0
        self._best_sites = []

    def sample(self):
        now_bytes = tracemalloc.get_traced_memory()[0]
        sites = top_sites(tracemalloc.take_snapshot(), self.top)
        with self._lock:
            self._count += 1
            if now_bytes > self._best:
                self._best, self._best_sites = now_bytes, sites

    def _run(self):
        while not self._stop_event.wait(self.interval):
            self.sample()

    def _hook(self, frame, event, arg):
        if time.perf_counter() >= self._next_due:
            sys.setprofile(None)
            self.sample()
            self._next_due = time.perf_counter() + self.interval
            sys.setprofile(self._hook)

    def start(self):
        self._owns_trace = not tracemalloc.is_tracing()
        if self._owns_trace:
            tracemalloc.start()
        self._stop_event.clear()
        try:
            worker = threading.Thread(target=self._run, daemon=True)
            worker.start()
            self._worker = worker
        except RuntimeError:
            print("no threads in this Python: sampling from sys.setprofile instead")
            self._next_due = time.perf_counter() + self.interval
            self._hooked = True
            sys.setprofile(self._hook)

    def stop(self):
        if self._hooked:
            sys.setprofile(None)
            self._hooked = False
        self._stop_event.set()
        if self._worker is not None:
            self._worker.join()
            self._worker = None
        self.sample()
        if self._owns_trace:
            tracemalloc.stop()
            self._owns_trace = False

    def report(self):
        with self._lock:
            return {"peak_bytes": self._best, "sample_count": self._count,
                    "top_allocators": list(self._best_sites)}


def show(title, rep):
    print(title)
    for name, fig in rep["phases"].items():
        print("  %-9s %+d bytes, peak %d bytes" % (name, fig["added"], fig["peak"]))
    print("  phase that added the most: %s" % rep["biggest"])
    print("  overall peak: %d bytes" % rep["peak"])


tracemalloc.start()
keep_all = run_job(False)
snap = tracemalloc.take_snapshot()
tracemalloc.stop()
show("run 1 (inputs kept):", keep_all)
print("biggest source lines at the end of run 1:")
for label, size, count in top_sites(snap):
    print("%s: %d bytes in %d blocks" % (label, size, count))
del snap
keep_all.pop("state")

tracemalloc.start()
release = run_job(True)
tracemalloc.stop()
show("run 2 (inputs released):", release)
print("answer unchanged: %s" % (release["totals"] == keep_all["totals"]))

mon = MemoryMonitor()
mon.start()
recs = build(2_000)
scaled = transform(recs, False)
totals = aggregate(scaled, False)
traced_peak_now = tracemalloc.get_traced_memory()[1]
mon.stop()
r = mon.report()
print("the monitor sampled: %s" % (r["sample_count"] >= 1))
print("highest sample within the traced peak: %s" % (r["peak_bytes"] <= traced_peak_now))
print("top allocator at the highest sample: %s" % r["top_allocators"][0][0])

print("freeing each phase's input lowers the peak: %s" % (release["peak"] < keep_all["peak"]))
