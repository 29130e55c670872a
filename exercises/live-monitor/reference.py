"""Heapwise reference program for live-monitor (P10, L-ref line-by-line
profiling, L-288 section 8).

A three-phase job (build, transform, aggregate) is measured phase by phase
with tracemalloc: what each phase adds and the peak. Holding every phase's
input to the end is compared with freeing it as soon as the next phase has
used it. A sampling monitor thread then watches the same job; its timing
depends on the scheduler, so only facts that hold on every run are printed.
"""
import platform
import struct
import threading
import tracemalloc

N = 20_000
GROUPS = 100


def build(n):
    return [{"id": i, "samples": [float((i + j) % 97) for j in range(8)]} for i in range(n)]


def transform(records, consume):
    """Scales each record's samples by its largest one. With consume=True a
    record is released as soon as its scaled copy exists."""
    scaled = []
    for i, record in enumerate(records):
        top = max(record["samples"]) or 1.0
        scaled.append((record["id"], [s / top for s in record["samples"]]))
        if consume:
            records[i] = None
    return scaled


def aggregate(scaled, consume):
    """Sums the scaled samples per group of ids."""
    totals = [0.0] * GROUPS
    for i, (record_id, values) in enumerate(scaled):
        totals[record_id % GROUPS] += sum(values)
        if consume:
            scaled[i] = None
    return totals


def run_job(free_inputs):
    """Runs the three phases; returns the answer and, per phase, the bytes
    it added and the peak reached while it ran."""
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
    tracemalloc.stop()
    return answer, phases[1:]


def monitored(job):
    """Runs job() while a thread samples traced memory every 5 milliseconds."""
    samples = []
    done = threading.Event()

    def sample():
        samples.append(tracemalloc.get_traced_memory()[0])
        while not done.wait(0.005):
            samples.append(tracemalloc.get_traced_memory()[0])

    tracemalloc.start()
    watcher = threading.Thread(target=sample)
    watcher.start()
    job()
    done.set()
    watcher.join()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return samples, peak


print(f"CPython {platform.python_version()}, {struct.calcsize('P') * 8}-bit")

peaks = {}
answers = {}
for free_inputs, name in [(False, "hold everything"), (True, "free each input")]:
    answers[name], phases = run_job(free_inputs)
    peaks[name] = max(peak for _, _, peak in phases)
    print(f"{name}:")
    for phase, added, peak in phases:
        print(f"  {phase:<10} added {added:>+12,} bytes, peak during it {peak:>12,}")
    biggest = max(phases, key=lambda p: p[1])
    print(f"  largest increase: {biggest[0]}; overall peak {peaks[name]:,} bytes")

samples, traced_peak = monitored(lambda: build(N))
print(f"monitor took samples: {len(samples) > 0}")
print(f"no sample above the traced peak: {max(samples) <= traced_peak}")
print(f"same answer both ways: {answers['hold everything'] == answers['free each input']}")
print(f"freeing each phase's input lowers the peak: {peaks['free each input'] < peaks['hold everything']}")
