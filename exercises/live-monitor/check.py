"""Checks for live-monitor: transform and aggregate release their input when
asked, which lowers the job's peak without changing its answer; top_sites
names lines by a label that survives edits; the monitor prints only what is
always true; MemoryMonitor samples in the background, stops when told, and
reports the top allocators of its highest sample."""
import re
import sys
import time
import tracemalloc

from heapwise_check import check, fail


def released(items):
    """True if a consumed input list no longer holds what it held."""
    return all(item is None for item in items)


@check("with consume=True, transform and aggregate release their input and give the same answer")
def _(p):
    build, transform, aggregate = (p.get(name, callable) for name in ("build", "transform", "aggregate"))
    records = build(200)
    scaled = transform(records, False)
    if not isinstance(scaled, list) or len(scaled) != 200:
        fail(f"`transform(build(200), consume=False)` returned {type(scaled).__name__}"
             f"{'' if not isinstance(scaled, list) else ' of ' + str(len(scaled))}; it should return a "
             "list with one scaled copy per record.")
    if not all(isinstance(record, dict) for record in records):
        fail("`transform(records, consume=False)` changed `records`: only consume=True may release them.")
    totals = aggregate(scaled, False)
    if not isinstance(totals, list) or len(totals) != 100:
        fail("`aggregate(scaled, consume=False)` should return a list of 100 group totals.")
    records = build(200)
    scaled = transform(records, True)
    if not released(records):
        fail("After `transform(records, consume=True)`, `records` still holds the records: replace each "
             "one with None (`records[i] = None`) once its scaled copy exists.")
    consumed_totals = aggregate(scaled, True)
    if not released(scaled):
        fail("After `aggregate(scaled, consume=True)`, `scaled` still holds its items: replace each one "
             "with None once it has been added.")
    if consumed_totals != totals:
        fail("With consume=True the job's totals differ from the run that keeps everything: releasing "
             "inputs must not change the answer.")


@check("releasing each phase's input lowers the job's peak (measured here)")
def _(p):
    build, transform, aggregate = (p.get(name, callable) for name in ("build", "transform", "aggregate"))
    held = p.peak("3,000 records, holding every input", lambda: aggregate(transform(build(3_000), False), False))
    freed = p.peak("3,000 records, freeing each input", lambda: aggregate(transform(build(3_000), True), True))
    if freed > 0.85 * held:
        fail(f"Measured here, the job peaked at {freed:,} bytes freeing its inputs and {held:,} holding "
             "them: releasing each record as soon as its copy exists should lower the peak clearly.")
    return f"{freed:,} bytes, against {held:,} holding everything."


@check("top_sites names the biggest line by its marker, not by file and line number")
def _(p):
    build, top_sites = p.get("build", callable), p.get("top_sites", callable)
    tracemalloc.start()
    try:
        records = build(2_000)
        snapshot = tracemalloc.take_snapshot()
    finally:
        tracemalloc.stop()
    sites = top_sites(snapshot)
    del records
    if not sites:
        fail("`top_sites(snapshot)` returned nothing for a snapshot taken while `build(2_000)`'s records "
             "were alive: keep this file's traces (`tracemalloc.Filter(True, __file__)`) and group them "
             "by \"lineno\".")
    first = sites[0]
    label = first[0] if isinstance(first, (tuple, list)) and first else first
    text = str(label)
    if re.search(r"\.py\W*\d+|line \d+", text):
        fail(f"The biggest site is labelled {text!r}: that label moves when the file is edited. Name each "
             "line by the `# site:` marker written on it (read the line with `linecache.getline`).")
    if "build" not in text:
        fail(f"The biggest site for `build(2_000)` is labelled {text!r}; it should be the build line, "
             "labelled `build` by its `# site: build` marker.")


def busy(build, seconds):
    """Runs Python code (calls and allocations) for about `seconds`."""
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        build(50)


def monitor_class(p):
    cls = p.get("MemoryMonitor", type)
    for name in ("start", "stop", "report", "sample"):
        if not callable(getattr(cls, name, None)):
            fail(f"`MemoryMonitor` has no `{name}()` method.")
    return cls


def report_of(monitor):
    report = monitor.report()
    if not isinstance(report, dict) or not {"peak_bytes", "sample_count", "top_allocators"} <= set(report):
        fail(f"`report()` returned {report!r}: it should be a dict with `peak_bytes`, `sample_count` and "
             "`top_allocators`.")
    return report


@check("MemoryMonitor samples in the background while the job runs, and stop() ends it")
def _(p):
    cls, build = monitor_class(p), p.get("build", callable)
    profile_before = sys.getprofile()
    tracemalloc.start()  # tracing the caller started: the monitor must stop sampling, not tracing
    try:
        monitor = cls(interval=0.01)
        monitor.start()
        try:
            busy(build, 0.5)
        finally:
            monitor.stop()
        count = report_of(monitor)["sample_count"]
        if count < 3:  # one when started, one when stopped, and at least one in between
            fail(f"While the job ran for 0.5 s, a `MemoryMonitor(interval=0.01)` took {count} sample(s): start() "
                 "should start a background sampler (a daemon thread calling `sample()` every `interval` "
                 "seconds, or a profile hook where threads cannot start) that keeps sampling until stop().")
        if sys.getprofile() is not profile_before:
            sys.setprofile(profile_before)
            fail("After stop(), a profile hook is still installed: stop() must remove it.")
        busy(build, 0.2)
        later = report_of(monitor)["sample_count"]
        if later != count:
            fail(f"After stop(), the monitor took {later - count} more sample(s): stop() must end the sampler "
                 "(set the thread's event and join it).")
    finally:
        if tracemalloc.is_tracing():
            tracemalloc.stop()
    monitor = cls(interval=0.01)
    monitor.start()
    busy(build, 0.05)
    monitor.stop()
    if tracemalloc.is_tracing():
        tracemalloc.stop()
        fail("After stop(), tracemalloc is still tracing although start() began the trace: stop it.")
    return f"{count} samples in 0.5 s."


@check("report() gives the highest sample and the top allocators of the snapshot taken then")
def _(p):
    cls, build, transform = monitor_class(p), p.get("build", callable), p.get("transform", callable)
    monitor = cls(interval=60)  # no background sample in this test: only the ones asked for
    monitor.start()
    try:
        records = build(3_000)
        monitor.sample()
        held = tracemalloc.get_traced_memory()[0]
        del records
        later = transform(build(600), True)  # smaller, and held on the transform line
        monitor.sample()
    finally:
        monitor.stop()
    report = report_of(monitor)
    if not isinstance(report["peak_bytes"], int) or report["peak_bytes"] < 0.9 * held:
        fail(f"With `build(3_000)`'s records alive, {held:,} bytes were traced and `sample()` was called; "
             f"after they were freed `report()['peak_bytes']` is {report['peak_bytes']!r}: keep the highest "
             "reading of `tracemalloc.get_traced_memory()[0]`, not the last.")
    top = report["top_allocators"]
    if not top:
        fail("`report()['top_allocators']` is empty: keep the top lines of the snapshot taken at the "
             "highest sample (`top_sites(snapshot)`).")
    first = top[0][0] if isinstance(top[0], (tuple, list)) and top[0] else top[0]
    if "build" not in str(first):
        fail(f"The top allocator at the highest sample is {first!r}, but the highest sample was taken while "
             "`build(3_000)`'s records were alive (a later, smaller sample was topped by the transform line): "
             "keep the top lines of the snapshot taken at the peak reading, not of the latest one.")
    del later


@check("the monitor prints only what is always true: that it took samples")
def _(p):
    p.printed(r"(?i)sampl.*:\s*True\s*$",
              "Step 4 asks you to print that the monitor took samples, as `True` (never the count): no "
              "printed line about samples ends in True.")
    for line in p.lines:
        if re.search(r"(?i)(?<![\w.])\d[\d,]*\s+samples?\b|sample_count\W+\d", line):
            fail(f"The program printed {line.strip()!r}: how many samples a monitor takes changes from run to "
                 "run, so print that it took samples (`True`), not how many.")
    p.printed(r"(?i)top allocator.*:\s*build\s*$",
              "Step 4 asks you to print the top allocator at the monitor's highest sample (`build`): no "
              "printed line says so.")


@check("the last line says freeing each phase's input lowers the peak: True")
def _(p):
    said = p.expect_last_line(r"freeing each phase's input lowers the peak: (True|False)",
                              "freeing each phase's input lowers the peak: True")
    if said.group(1) != "True":
        fail("Your program concluded False, but releasing each input lowers the peak. Compare the "
             "overall peak of the freeing run with the holding run's.")
