"""Heapwise reference program for live-monitor (P10, L-ref line-by-line
profiling, L-288 section 8).

A three-phase job (build, transform, aggregate) is measured phase by phase
with tracemalloc: what each phase adds and the peak. Holding every phase's
input to the end is compared with freeing it as soon as the next phase has
used it. A snapshot taken at the end of the first run shows which lines of
the job own the memory, each line named by the `# site:` marker written on
it. A sampling monitor thread then watches the same job; its timing depends
on the scheduler, so only facts that hold on every run are printed. Where no
thread can be started (the browser's Python), the program says so and takes
the samples from a profile hook instead, at the job's function calls.
"""
import linecache
import platform
import re
import struct
import sys
import threading
import time
import tracemalloc

N = 20_000
GROUPS = 100
MONITORED = 2_000  # a smaller job for the monitor: each snapshot costs time in proportion to what is traced
REPEATS = 5  # timed runs of the job; the fastest is the least disturbed by the rest of the machine


def build(n):
    return [{"id": i, "samples": [float((i + j) % 97) for j in range(8)]} for i in range(n)]  # site: build


def transform(records, consume):
    """Scales each record's samples by its largest one. With consume=True a
    record is released as soon as its scaled copy exists."""
    scaled = []
    for i, record in enumerate(records):
        top = max(record["samples"]) or 1.0
        scaled.append((record["id"], [s / top for s in record["samples"]]))  # site: transform
        if consume:
            records[i] = None
    return scaled


def aggregate(scaled, consume):
    """Sums the scaled samples per group of ids."""
    totals = [0.0] * GROUPS
    for i, (record_id, values) in enumerate(scaled):
        totals[record_id % GROUPS] += sum(values)  # site: aggregate
        if consume:
            scaled[i] = None
    return totals


def run_job(free_inputs, snapshot=False):
    """Runs the three phases; returns the answer, per phase the bytes it
    added and the peak reached while it ran, and (if asked) a snapshot of
    what is still allocated when the job ends."""
    phases = []

    def record(name, before):
        current, peak = tracemalloc.get_traced_memory()
        phases.append((name, current - before, peak))
        tracemalloc.reset_peak()
        return current

    tracemalloc.start()
    now = record("start", 0)
    records = build(N)
    now = record("build", now)
    scaled = transform(records, consume=free_inputs)
    if free_inputs:
        del records
    now = record("transform", now)
    totals = aggregate(scaled, consume=free_inputs)
    if free_inputs:
        del scaled
    now = record("aggregate", now)
    answer = round(sum(totals), 6)
    # Taken after the last reading, so it cannot change this run's figures.
    held = tracemalloc.take_snapshot() if snapshot else None
    tracemalloc.stop()
    return answer, phases[1:], held


def site_label(frame):
    """A name for a source line that survives edits elsewhere in the file:
    the `# site:` marker on the line itself, else the line's own text."""
    text = linecache.getline(frame.filename, frame.lineno)
    marker = re.search(r"#\s*site:\s*(\S.*?)\s*$", text)
    return marker.group(1) if marker else text.strip()


def top_sites(snapshot, limit=3):
    """The lines of this program holding the most traced bytes, largest
    first: (label, bytes, blocks)."""
    own_lines = snapshot.filter_traces([tracemalloc.Filter(True, __file__)])
    stats = own_lines.statistics("lineno")[:limit]
    return [(site_label(stat.traceback[0]), stat.size, stat.count) for stat in stats]


class MemoryMonitor:
    """Samples traced memory in the background while a job runs.

    start() begins tracing (if nothing traces yet) and starts a daemon thread
    that calls sample() every `interval` seconds; stop() ends it, takes one
    last sample and stops tracing if start() began it; report() gives the
    highest reading, the number of samples and the top allocators of the
    snapshot taken at that reading. Where no thread can be started (the
    browser's Python), start() says so and samples from a profile hook,
    which the interpreter calls at every function call and return.
    """

    def __init__(self, interval=0.05, top=3):
        self.interval = interval
        self.top = top
        self._lock = threading.Lock()
        self._done = threading.Event()
        self._thread = None
        self._hooked = False
        self._started_tracing = False
        self._samples = 0
        self._peak = -1
        self._peak_top = []

    def sample(self):
        """One sample: the bytes traced now and, if that is the highest
        reading yet, the top lines of a snapshot taken at this moment."""
        current = tracemalloc.get_traced_memory()[0]  # read first: summing up the snapshot below allocates
        snapshot = tracemalloc.take_snapshot()
        with self._lock:
            self._samples += 1
            if current > self._peak:
                self._peak = current
                # Keep only the summary: a snapshot copies every trace (built with
                # tracing paused, so not traced itself, but far more than three lines).
                self._peak_top = top_sites(snapshot, self.top)
        del snapshot

    def _sample_loop(self):
        while not self._done.wait(self.interval):
            self.sample()

    def _hook(self, frame, event, arg):
        now = time.perf_counter()
        if now - self._last >= self.interval:
            self.sample()  # the interpreter does not call the hook again while it runs
            self._last = time.perf_counter()  # the interval counts from the end of the sample

    def start(self):
        if not tracemalloc.is_tracing():
            tracemalloc.start()
            self._started_tracing = True
        self._done.clear()
        self.sample()
        self._thread = threading.Thread(target=self._sample_loop, daemon=True)
        try:
            self._thread.start()
        except RuntimeError as error:
            # Pyodide, Python compiled to WebAssembly for the browser, runs on
            # one thread: Thread.start() raises "can't start new thread" there.
            print(f"this Python cannot start a thread (RuntimeError: {error}); "
                  "the monitor samples at the job's function calls instead")
            self._thread = None
            self._last = time.perf_counter()
            self._hooked = True
            sys.setprofile(self._hook)

    def stop(self):
        if self._hooked:
            sys.setprofile(None)
            self._hooked = False
        if self._thread is not None:
            self._done.set()
            self._thread.join()
            self._thread = None
        self.sample()  # the end of the job counts too
        if self._started_tracing:
            tracemalloc.stop()
            self._started_tracing = False

    def report(self):
        with self._lock:
            return {"peak_bytes": self._peak, "sample_count": self._samples,
                    "top_allocators": list(self._peak_top)}


print(f"CPython {platform.python_version()}, {struct.calcsize('P') * 8}-bit")

peaks = {}
answers = {}
# Only the first run is snapshotted: that is when every phase's data is
# still held. (Sorting the snapshot recycles CPython's spare tuples, so the
# second run's figures differ by a little from a run without it; they are
# still the same on every run.)
for free_inputs, name in [(False, "hold everything"), (True, "free each input")]:
    answers[name], phases, snapshot = run_job(free_inputs, snapshot=not free_inputs)
    if snapshot is not None:
        sites = top_sites(snapshot)
    peaks[name] = max(peak for _, _, peak in phases)
    print(f"{name}:")
    for phase, added, peak in phases:
        print(f"  {phase:<10} added {added:>+12,} bytes, peak during it {peak:>12,}")
    biggest = max(phases, key=lambda p: p[1])
    print(f"  largest increase: {biggest[0]}; overall peak {peaks[name]:,} bytes")

print("top sites when 'hold everything' ends:")
for label, size, blocks in sites:
    print(f"  {label}: {size:,} bytes in {blocks:,} blocks")

# How many samples the monitor takes, and which bytes it reads, depend on
# the scheduler, so no count or sampled figure is printed: only facts that
# hold on every run are. Everything is still held when stop() takes its last
# sample, so the highest reading comes after the build line is complete.
tracemalloc.start()
monitor = MemoryMonitor()
monitor.start()
records = build(MONITORED)
scaled = transform(records, consume=False)
totals = aggregate(scaled, consume=False)
monitor.stop()
traced_peak = tracemalloc.get_traced_memory()[1]
tracemalloc.stop()
report = monitor.report()
del records, scaled, totals
print(f"monitor took samples: {report['sample_count'] > 0}")
print(f"no sample above the traced peak: {report['peak_bytes'] <= traced_peak}")
print(f"top allocator at the monitor's highest sample: {report['top_allocators'][0][0]}")

# The job that frees its inputs, timed with tracemalloc off: the page sets
# this figure beside the Rust variant doing the same job at the same n. (A
# loop here, not a helper function: compiling one more function leaves
# CPython a few more spare lists to reuse, which would shift the traced
# figures above by a few blocks.)
assert not tracemalloc.is_tracing(), "time with tracemalloc off: it slows every allocation"
fastest = float("inf")
for _ in range(REPEATS):
    start = time.perf_counter()
    aggregate(transform(build(N), consume=True), consume=True)
    fastest = min(fastest, time.perf_counter() - start)
print(f"timing: variant optimized at n={N}: {fastest * 1e6:.1f} us per call, best of {REPEATS} (tracemalloc off)")
print(f"same answer both ways: {answers['hold everything'] == answers['free each input']}")
print(f"freeing each phase's input lowers the peak: {peaks['free each input'] < peaks['hold everything']}")
