# wrong: written from the task and the page's list of checks (round 22): the top allocator printed from a snapshot taken after stop(), not from the monitor's report
# fails: the top allocator the program prints is its monitor's: run again with the monitored job's scaled copies made ten times, it no longer names the records' line
# reading: a phase's "peak" is the absolute traced peak while it ran (reset_peak
# just before it), and a run's "overall peak" is the highest of its phase peaks.
# reading: "releases its input" -> transform sets records[i] = None once record i
# is copied, aggregate sets scaled[i] = None once item i is summed, and the job
# drops each emptied input list inside the phase that used it.
# reading: the monitor demo starts tracing itself before start() so that the
# traced peak can be read after stop(); start() then leaves tracing alone.
import linecache
import sys
import threading
import time
import tracemalloc
from dataclasses import dataclass, field

N = 20_000
GROUPS = 100
SCALE = 1.5
MARK = "# site:"


def build(n):
    return [{"id": i, "samples": [float((i + j) % 97) for j in range(8)]} for i in range(n)]  # site: build


def transform(records, consume):
    out = []
    for i, rec in enumerate(records):
        out.append((rec["id"], [v * SCALE for v in rec["samples"]]))  # site: transform
        if consume:
            records[i] = None
    return out


def aggregate(scaled, consume):
    totals = [0.0] * GROUPS  # site: totals
    for i, (ident, values) in enumerate(scaled):
        totals[ident % GROUPS] += sum(values)  # site: aggregate
        if consume:
            scaled[i] = None
    return totals


def label_of(filename, lineno):
    text = linecache.getline(filename, lineno)
    if MARK in text:
        return text.split(MARK, 1)[1].strip()
    return text.strip() or "<unknown>"


def top_sites(snapshot, limit=3):
    mine = snapshot.filter_traces([tracemalloc.Filter(True, __file__)])
    sites = []
    for stat in mine.statistics("lineno")[:limit]:
        frame = stat.traceback[0]
        sites.append((label_of(frame.filename, frame.lineno), stat.size, stat.count))
    return sites


@dataclass
class JobResult:
    totals: list
    phases: dict = field(default_factory=dict)  # name -> (added, peak)
    sites: list = None

    @property
    def overall_peak(self):
        return max(peak for _, peak in self.phases.values())

    @property
    def biggest_phase(self):
        return max(self.phases, key=lambda name: self.phases[name][0])


def run_job(free_inputs, n=N):
    began = not tracemalloc.is_tracing()
    if began:
        tracemalloc.start()
    data = {}
    phases = {}

    def measured(name, step):
        before = tracemalloc.get_traced_memory()[0]
        tracemalloc.reset_peak()
        step()
        after, peak = tracemalloc.get_traced_memory()
        phases[name] = (after - before, peak)

    def do_build():
        data["records"] = build(n)

    def do_transform():
        records = data.pop("records") if free_inputs else data["records"]
        data["scaled"] = transform(records, free_inputs)
        del records

    def do_aggregate():
        scaled = data.pop("scaled") if free_inputs else data["scaled"]
        data["totals"] = aggregate(scaled, free_inputs)
        del scaled

    try:
        measured("build", do_build)
        measured("transform", do_transform)
        measured("aggregate", do_aggregate)
        sites = None if free_inputs else top_sites(tracemalloc.take_snapshot())
    finally:
        if began:
            tracemalloc.stop()
    return JobResult(totals=data["totals"], phases=phases, sites=sites)


class MemoryMonitor:
    def __init__(self, interval=0.05, top=3):
        self.interval = interval
        self.top = top
        self._lock = threading.Lock()
        self._done = threading.Event()
        self._thread = None
        self._hooked = False
        self._began_tracing = False
        self._last = 0.0
        self._count = 0
        self._highest = None
        self._top = []

    def sample(self):
        reading = tracemalloc.get_traced_memory()[0]
        snapshot = tracemalloc.take_snapshot()
        with self._lock:
            self._count += 1
            if self._highest is None or reading > self._highest:
                self._highest = reading
                self._top = top_sites(snapshot, self.top)
        del snapshot

    def _loop(self):
        while not self._done.wait(self.interval):
            self.sample()

    def _profile(self, frame, event, arg):
        now = time.monotonic()
        if now - self._last >= self.interval:
            self._last = now
            self.sample()

    def start(self):
        if not tracemalloc.is_tracing():
            tracemalloc.start()
            self._began_tracing = True
        self._done.clear()
        thread = threading.Thread(target=self._loop, name="memory-monitor", daemon=True)
        try:
            thread.start()
        except RuntimeError as exc:
            print(f"(no threads here: {exc}; sampling from a profile hook instead)")
            self._last = time.monotonic()
            sys.setprofile(self._profile)
            self._hooked = True
        else:
            self._thread = thread
        return self

    def stop(self):
        if self._thread is not None:
            self._done.set()
            self._thread.join()
            self._thread = None
        if self._hooked:
            sys.setprofile(None)
            self._hooked = False
        self.sample()
        if self._began_tracing:
            tracemalloc.stop()
            self._began_tracing = False

    def report(self):
        with self._lock:
            return {
                "peak_bytes": self._highest or 0,
                "sample_count": self._count,
                "top_allocators": list(self._top),
            }


def show_run(title, result):
    print(title)
    print("  {:<10}{:>14}{:>14}".format("phase", "added", "peak"))
    for name, (added, peak) in result.phases.items():
        print("  {:<10}{:>14,}{:>14,}".format(name, added, peak))
    print(f"  phase that added the most: {result.biggest_phase}")
    print(f"  overall peak: {result.overall_peak:,} bytes ({result.overall_peak / 1024:,.1f} KiB)")


holding = run_job(free_inputs=False)
show_run(f"job over {N:,} records, holding every phase's input:", holding)
freeing = run_job(free_inputs=True)
show_run("same job, each phase releasing its input:", freeing)
print("same group totals both ways:", holding.totals == freeing.totals)

print("three biggest lines at the end of the holding run:")
for label, size, count in holding.sites:
    print(f"  {label}: {size} bytes in {count} blocks")

tracemalloc.start()
monitor = MemoryMonitor(interval=0.05, top=3)
monitor.start()
small = build(2_000)
small_scaled = transform(small, False)
small_totals = aggregate(small_scaled, False)
time.sleep(0.15)  # everything still held; give the sampler a chance to run
monitor.stop()
traced_peak = tracemalloc.get_traced_memory()[1]
leaders = top_sites(tracemalloc.take_snapshot(), 1)
tracemalloc.stop()
rep = monitor.report()
print("monitor over a 2,000-record job:")
print("  it took samples:", rep["sample_count"] > 0)
print("  no sample above the traced peak:", rep["peak_bytes"] <= traced_peak)
print("  top allocator at its highest sample:", leaders[0][0] if leaders else None)
del small, small_scaled, small_totals

print("freeing each phase's input lowers the peak:", freeing.overall_peak < holding.overall_peak)
