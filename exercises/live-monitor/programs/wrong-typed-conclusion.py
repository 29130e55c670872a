# wrong: measures both runs, but the last line is typed True instead of comparing the two overall peaks
# fails: the program ends by saying whether freeing each phase's input lowers the peak, as measured
import linecache
import sys
import threading
import time
import tracemalloc

N = 20_000


def build(n):
    return [{"id": i, "samples": [float((i + j) % 97) for j in range(8)]} for i in range(n)]  # site: records


def transform(records, consume):
    copies = []
    i = 0
    while i < len(records):
        peak = max(records[i]["samples"]) or 1.0
        copies.append(tuple(v / peak for v in records[i]["samples"]))  # site: copies
        if consume:
            records[i] = None
        i += 1
    return copies


def aggregate(scaled, consume):
    sums = [0.0] * 100
    i = 0
    while i < len(scaled):
        sums[i % 100] += sum(scaled[i])
        if consume:
            scaled[i] = None
        i += 1
    return sums


def run_job(free_inputs):
    state = {}
    steps = [("build", lambda: build(N)),
             ("transform", lambda: transform(state.pop("records") if free_inputs else state["records"], free_inputs)),
             ("aggregate", lambda: aggregate(state.pop("scaled") if free_inputs else state["scaled"], free_inputs))]
    keys = {"build": "records", "transform": "scaled", "aggregate": "totals"}
    report = []
    tracemalloc.start()
    for name, step in steps:
        before = tracemalloc.get_traced_memory()[0]
        state[keys[name]] = step()
        after, peak = tracemalloc.get_traced_memory()
        report.append((name, after - before, peak))
        tracemalloc.reset_peak()
    answer = sum(state["totals"])
    snapshot = tracemalloc.take_snapshot()
    tracemalloc.stop()
    return answer, report, snapshot


def top_sites(snapshot, limit=3):
    mine = snapshot.filter_traces([tracemalloc.Filter(True, __file__)])
    out = []
    for stat in mine.statistics("lineno")[:limit]:
        frame = stat.traceback[0]
        text = linecache.getline(frame.filename, frame.lineno)
        label = text.split("# site:")[1].strip() if "# site:" in text else "unmarked"
        out.append((label, stat.size, stat.count))
    return out


class MemoryMonitor:
    def __init__(self, interval=0.05, top=3):
        self.interval = interval
        self.top = top
        self.state = {"peak": 0, "count": 0, "top": []}
        self.lock = threading.Lock()
        self.halt = threading.Event()
        self.worker = None
        self.profiling = False
        self.began = False
        self.last = 0.0

    def sample(self):
        reading = tracemalloc.get_traced_memory()[0]
        snap = tracemalloc.take_snapshot()
        with self.lock:
            self.state["count"] += 1
            if reading > self.state["peak"]:
                self.state["peak"] = reading
                self.state["top"] = top_sites(snap, self.top)

    def _loop(self):
        while not self.halt.wait(self.interval):
            self.sample()

    def _profile(self, frame, event, arg):
        if time.perf_counter() - self.last >= self.interval:
            self.sample()
            self.last = time.perf_counter()

    def start(self):
        if not tracemalloc.is_tracing():
            tracemalloc.start()
            self.began = True
        self.halt.clear()
        self.worker = threading.Thread(target=self._loop, daemon=True)
        try:
            self.worker.start()
        except RuntimeError as why:
            print(f"no thread here ({why}): sampling from a profile hook")
            self.worker = None
            self.profiling = True
            self.last = time.perf_counter()
            sys.setprofile(self._profile)

    def stop(self):
        if self.profiling:
            sys.setprofile(None)
            self.profiling = False
        if self.worker is not None:
            self.halt.set()
            self.worker.join()
            self.worker = None
        self.sample()
        if self.began:
            tracemalloc.stop()
            self.began = False

    def report(self):
        with self.lock:
            return {"peak_bytes": self.state["peak"], "sample_count": self.state["count"],
                    "top_allocators": list(self.state["top"])}


overall = {}
answers = []
for free_inputs in (False, True):
    answer, report, snapshot = run_job(free_inputs)
    answers.append(answer)
    title = "freeing inputs" if free_inputs else "holding inputs"
    for name, added, peak in report:
        print(f"{title} / {name}: {added / 1024:+,.1f} KiB added, peak {peak / 1024:,.1f} KiB")
    overall[free_inputs] = max(peak for _, _, peak in report)
    grew = max(report, key=lambda row: row[1])[0]
    print(f"{title}: most added by {grew}; overall peak {overall[free_inputs]:,} bytes")
    if not free_inputs:
        held_sites = top_sites(snapshot)
    del snapshot
print("answers match:", answers[0] == answers[1])
for label, size, count in held_sites:
    print(f"{label}: {size} bytes in {count} blocks")

tracemalloc.start()
watcher = MemoryMonitor(interval=0.01)
watcher.start()
kept = build(2_000)
kept_copies = transform(kept, False)
kept_totals = aggregate(kept_copies, False)
watcher.stop()
peak_traced = tracemalloc.get_traced_memory()[1]
tracemalloc.stop()
summary = watcher.report()
print("samples were taken:", summary["sample_count"] > 0)
print("no sample above the traced peak:", summary["peak_bytes"] <= peak_traced)
print("top allocator at the highest sample:", summary["top_allocators"][0][0])
print("freeing each phase's input lowers the peak: True")
