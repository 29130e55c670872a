"""Checks for live-monitor. The student's phases, `top_sites` and
`MemoryMonitor` are called with workloads of the check's own: transform and
aggregate release their input when asked and keep the answer; top_sites
names lines by a label that is not a file name or line number, and gives
the same labels to the same snapshot moved seven lines down; the monitor
samples in the background (a thread, or a profile hook where threads cannot
start), stops when told and reports the top allocators of its highest
sample. The printed peaks and top sites are compared with what the check
measures running the student's job on the task's 20,000 records, and count
only as the program's own tracemalloc returned them (provenance: traced
bytes, never typed, scaled from a smaller run nor a `sys.getsizeof`); the
printed labels with what the student's top_sites gives, and the conclusion with the
check's own comparison. The labels and figures of top_sites may come as
tuples, dicts or objects: the task does not fix their shape."""
import fnmatch
import functools
import linecache
import re
import sys
import threading
import time
import tracemalloc

from heapwise_check import check, fail, heading_of, heading_unit, line_ref, loose, watch

# The task's steps, for Memory by line's comparison with the reference (steps.py).
STEPS = (
    ("the built records", r"\bbuild\("),
    ("the scaled copies", r"\btransform\("),
)

watch("tracemalloc.start")
watch("tracemalloc.take_snapshot")

N = 20_000
MEMO = {}


def label_of(item):
    """The label of one top_sites entry, whatever its shape."""
    if isinstance(item, str):
        return item.split(":")[0].strip()
    if isinstance(item, dict):
        for key, value in item.items():
            if isinstance(key, str) and re.search(r"(?i)label|name|site|where|line", key):
                return str(value)
        strings = [v for v in item.values() if isinstance(v, str)]
        return strings[0] if strings else str(item)
    if isinstance(item, (tuple, list)) and item:
        strings = [v for v in item if isinstance(v, str)]
        return strings[0] if strings else str(item[0])
    for name in ("label", "name", "site"):
        if isinstance(getattr(item, name, None), str):
            return getattr(item, name)
    return str(item)


def released(items):
    """True if a consumed input list no longer holds what it held."""
    return all(item is None for item in items)


def sized(value, what):
    try:
        return len(value)
    except TypeError:
        fail(f"{what} returned {type(value).__name__}; it should return a list (or another collection).")


@check("with `consume=True`, `transform` and `aggregate` release their input and give the same answer", step=2)
def _(p):
    build, transform, aggregate = (p.get(name, callable) for name in ("build", "transform", "aggregate"))
    records = build(200)
    scaled = transform(records, False)
    if sized(scaled, "`transform(build(200), consume=False)`") != 200:
        fail(f"`transform(build(200), consume=False)` returned {len(scaled)} item(s); it should return one "
             "scaled copy per record.")
    if not all(isinstance(record, dict) for record in records):
        fail("`transform(records, consume=False)` changed `records`: only consume=True may release them.")
    totals = aggregate(scaled, False)
    if sized(totals, "`aggregate(scaled, consume=False)`") != 100:
        fail(f"`aggregate(scaled, consume=False)` returned {len(totals)} total(s); it should return the 100 "
             "group totals.")
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


def changed_when_consuming(real):
    """`aggregate` whose totals (a list, tuple or dict of numbers), when it
    consumes its input, are one more in their first group: the two ways'
    answers then differ."""
    def aggregate(scaled, *args, **kwargs):
        totals = real(scaled, *args, **kwargs)
        consume = kwargs.get("consume", args[0] if args else False)
        if consume and isinstance(totals, (list, tuple)) and totals and isinstance(totals[0], (int, float)):
            totals = type(totals)([totals[0] + 1, *totals[1:]])
            MEMO["answers altered"] = True
        elif consume and isinstance(totals, dict) and totals:
            first = next(iter(totals))
            if isinstance(totals[first], (int, float)):
                totals = {**totals, first: totals[first] + 1}
                MEMO["answers altered"] = True
        return totals
    return aggregate


def blank_figures(lines):
    return [re.sub(r"\d[\d,_.]*", "#", line) for line in lines]


@check("the program checks that freeing gives the same answer: run again with an `aggregate` whose answer differs when it frees, it notices", step=2)
def _(p):
    run = p.rerun("answers differ", "aggregate", changed_when_consuming)
    if run is None:
        return "No top-level `aggregate`: the check above says what it should do."
    if not MEMO.get("answers altered"):
        return "Your `aggregate` returns totals in a shape this check cannot alter; the check above compares them."
    if run.raised is None and blank_figures(run.lines) == blank_figures(p.lines):
        fail("Run again here with an `aggregate` whose totals are one more in their first group when it frees its "
             "input, your program printed the same lines and raised nothing: step 2 asks it to check that the "
             "answer is the same both ways. Compare the two runs' answers (their totals) and print the comparison "
             "or `assert` it.")


def job_peaks(p, n=N):
    """(peak holding every input, peak freeing each) for n records, measured once each."""
    if n not in MEMO:
        build, transform, aggregate = (p.get(name, callable) for name in ("build", "transform", "aggregate"))
        held = p.peak(f"{n:,} records, holding every input", lambda: aggregate(transform(build(n), False), False))
        freed = p.peak(f"{n:,} records, freeing each input", lambda: aggregate(transform(build(n), True), True))
        MEMO[n] = (held, freed)
    return MEMO[n]


@check("releasing each phase's input lowers the job's peak (measured by the check)", step=2)
def _(p):
    held, freed = job_peaks(p)
    if freed > 0.85 * held:
        fail(f"Measured here, the job peaked at {freed:,} bytes freeing its inputs and {held:,} holding "
             "them: releasing each record as soon as its copy exists should lower the peak clearly.")
    return f"{freed:,} bytes, against {held:,} holding everything."


@check("the program prints each run's overall peak, as measured by the check, and which phase added the most", step=1)
def _(p):
    if p.calls("tracemalloc.start").program_count == 0:
        fail("Your program never starts tracemalloc: run the job under it and print what "
             "`tracemalloc.get_traced_memory()` says, rather than figures found elsewhere.")
    held, freed = job_peaks(p, N)
    measured, printed = p.sizes(measured="traced"), p.sizes()
    for label, wanted in (("holding every input", held), ("freeing each input", freed)):
        if not any(abs(size - wanted) <= 0.25 * wanted for size in measured):
            if any(abs(size - wanted) <= 0.25 * wanted for size in printed):
                fail(f"Measured here, the job on 20,000 records peaks at about {wanted:,} bytes {label}, and the "
                     "figure your program printed near that is not one its own measurement returned: print the "
                     "peak `tracemalloc.get_traced_memory()` gives for each phase of the run on 20,000 records, "
                     "not a number typed in, scaled up from a smaller run or taken from `sys.getsizeof` (the size "
                     "of the records is not what the job held at its peak).")
            fail(f"Measured here, the job on 20,000 records peaks at about {wanted:,} bytes {label}, and no "
                 "figure your program printed is near that. Read `tracemalloc.get_traced_memory()` after each "
                 "phase, `reset_peak()` between phases, and print the highest phase peak of each run.")
    p.printed(MOST.format(phase="build"), "Print which phase added the most bytes (building the records, in this job).")
    # Which phase added the most is read from the program's own figures: run
    # again with `transform` keeping 8 MB more (until its next call), the
    # transform phase of the run that holds everything adds the most.
    run = p.rerun("transform keeps 8 MB", "transform", keeping_more)
    if run is not None and run.raised is None and not any(re.search(MOST.format(phase="transform"), line)
                                                           for line in run.lines):
        fail(f"Run again here with a `transform` that keeps {KEPT_BY_TRANSFORM:,} bytes more, so the transform phase "
             "adds the most while every input is held, your program still did not name transform as the phase "
             "that added the most: compare the bytes each phase added, as your program measured them, and print "
             "the phase with the largest.")


# A line naming `phase` as the one that added the most.
MOST = (r"(?i)\b(most|largest|biggest|greatest|max\w*|highest|top)\b.*\b{phase}|"
        r"\b{phase}\w*\b.*\b(most|largest|biggest|greatest|max\w*|highest)\b")
KEPT_BY_TRANSFORM = 8_000_000


def keeping_more(real):
    """The program's transform, keeping KEPT_BY_TRANSFORM bytes from each
    call until the next (so the phase that calls it adds that much)."""
    kept = []

    def transform(*args, **kwargs):
        result = real(*args, **kwargs)
        kept[:] = [bytearray(KEPT_BY_TRANSFORM)]
        return result
    return transform


def sites_for(p):
    """The student's top_sites of a snapshot taken with build(20_000)'s records and their
    transform held, and the program's line numbers of the two biggest lines (from the
    snapshot itself)."""
    if "sites" not in MEMO:
        build, transform, top_sites = p.get("build", callable), p.get("transform", callable), p.get("top_sites", callable)
        tracemalloc.start()
        try:
            records = build(N)
            scaled = transform(records, False)
            snapshot = tracemalloc.take_snapshot()
        finally:
            tracemalloc.stop()
        file = p.names.get("__file__") or p.filename
        # This file's lines, biggest first: the snapshot grouped by line, then
        # the groups in `file` kept. The same list as filter_traces([Filter(True,
        # file)]).statistics("lineno") (a trace's one frame is its group's, and
        # a Filter without a line number keeps a frame whose file name matches
        # its pattern by fnmatch, as here), without matching the file's pattern
        # once per trace (some 480,000 here: 2 s of the check).
        stats = [stat for stat in snapshot.statistics("lineno")
                 if fnmatch.fnmatch(stat.traceback[0].filename, file)]
        sites = top_sites(snapshot)
        try:
            sites = list(sites)
            moved = labels_moved_down(top_sites, snapshot, file, MOVED_BY)
        except TypeError:
            fail(f"`top_sites(snapshot)` returned {sites!r}; it should return the biggest lines, biggest first.")
        finally:
            del records, scaled, snapshot
        MEMO["moved"] = moved
        if len(sites) < 2:
            fail(f"`top_sites(snapshot)` returned {sites!r} for a snapshot taken while the records of "
                 "`build(20_000)` and their scaled copies were alive: keep this file's traces "
                 "(`tracemalloc.Filter(True, __file__)`), group them by \"lineno\", and return the biggest 3.")
        MEMO["sites"] = ([label_of(site) for site in sites], [stat.traceback[0].lineno for stat in stats[:2]],
                         stats[0].size)
    return MEMO["sites"]


MOVED_BY = 7  # lines added above every line of the program, as an edit would


def moved_down(snapshot, file, by):
    """`snapshot` as if `by` lines had been written at the top of `file`:
    its traces' line numbers in that file `by` more (the file's text in
    linecache is moved by `labels_moved_down`)."""
    def frames(traceback):
        return tuple((name, line + by if name == file else line) for name, line in traceback)
    traces = [(trace[0], trace[1], frames(trace[2])) + tuple(trace[3:]) for trace in snapshot.traces._traces]
    return tracemalloc.Snapshot(traces, snapshot.traceback_limit)


def labels_moved_down(top_sites, snapshot, file, by):
    """The labels `top_sites` gives `snapshot` moved down by `by` lines,
    with linecache's copy of the file moved down with it."""
    entry = linecache.cache.get(file)
    if entry is not None:
        linecache.cache[file] = (entry[0] + by, entry[1], ["\n"] * by + list(entry[2]), entry[3])
    try:
        return [label_of(site) for site in top_sites(moved_down(snapshot, file, by))]
    finally:
        if entry is not None:
            linecache.cache[file] = entry


@check("`top_sites` names each line by a label that does not move when the file is edited", step=3)
def _(p):
    labels, lines, _ = sites_for(p)
    for label, line in zip(labels[:2], lines):
        if re.search(r"\.py\b|" + line_ref(line), label) or re.search(rf"(?<!\d){line}(?!\d)", label):
            fail(f"The line {line} is labelled {label!r}: a file name or line number moves when the file is "
                 "edited. Name each line by a marker written on it (such as `# site: build`, read back with "
                 "`linecache.getline`).")
    if labels[0] == labels[1]:
        fail(f"The two biggest lines (the records of `build` and the copies of `transform`) are both labelled "
             f"{labels[0]!r}: give each line a label of its own.")
    moved = MEMO["moved"]
    for label, again, line in zip(labels[:2], moved, lines):
        if again != label:
            fail(f"With {MOVED_BY} lines added at the top of your file (the same snapshot, its line numbers "
                 f"{MOVED_BY} more, and the file's text with them), `top_sites` labels the line it labelled "
                 f"{label!r} as {again!r}: the label moves when the file is edited. Read it from the line "
                 "itself (a marker comment, through `linecache.getline`), not from its number.")


TOP = re.compile(r"^\s*(.+?)\s*[:=]\s*(\d[\d,_]*)\s*bytes?\s+in\s+(\d[\d,_]*)\s*blocks?\b", re.IGNORECASE)


@check("the program prints the three biggest lines as `<label>: <size> bytes in <count> blocks`", step=3)
def _(p):
    labels, _, build_size = sites_for(p)
    if p.calls("tracemalloc.take_snapshot").program_count == 0:
        fail("Your program never takes a snapshot: at the end of the run that holds everything, take one "
             "(`tracemalloc.take_snapshot()`) and print the three biggest lines `top_sites` finds in it.")
    found = [TOP.match(line) for line in p.lines]
    found = [m for m in found if m]
    if len(found) < 3:
        fail(f"Print the three biggest lines of the snapshot taken at the end of the run that holds everything, "
             f"one per line as `<label>: <size> bytes in <count> blocks`; your program printed {len(found)} "
             "such line(s).")
    label, size = found[0].group(1).strip(" '\"`"), int(re.sub(r"[,_]", "", found[0].group(2)))
    wanted = build_size
    if labels[0].strip(" '\"`").lower() not in label.lower():
        fail(f"The first of the biggest lines you printed is labelled {label!r}, but your `top_sites` labels "
             f"the records' line {labels[0]!r}: print what `top_sites` returns.")
    if abs(size - wanted) > 0.25 * wanted:
        fail(f"The biggest line you printed holds {size:,} bytes; measured here, the records of 20,000 builds "
             f"hold about {wanted:,}. Take the snapshot at the end of the run that holds everything, before "
             "`tracemalloc.stop()`.")
    if not p.measured(found[0], 2, traced=True):
        fail(f"The size your program printed for the biggest line ({found[0].group(2)}, on the line "
             f"\"{found[0].string.strip()[:80]}\") is not one its own snapshot traced: print the `size` of the "
             "snapshot's statistic for that line, as `top_sites` returns it, not a number typed in, scaled up "
             "from a smaller run or taken from `sys.getsizeof`.")


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


@check("`MemoryMonitor` samples in the background while the job runs, and `stop()` ends it", step=4)
def _(p):
    cls, build = monitor_class(p), p.get("build", callable)
    profile_before = sys.getprofile()
    tracemalloc.start()  # tracing the caller started: the monitor must stop sampling, not tracing
    try:
        monitor = cls(interval=0.01)
        before = set(threading.enumerate())
        monitor.start()
        try:
            started = [t for t in threading.enumerate() if t not in before and t.is_alive() and t.daemon]
            if threads_start() and not started:
                fail("Here threads can start, and `start()` started no daemon thread: the task's monitor samples "
                     "from a daemon thread (`threading.Thread(target=..., daemon=True)`), and falls back to a "
                     "profile hook only where starting one raises `RuntimeError` (in the browser).")
            busy(build, 0.5)
        finally:
            monitor.stop()
        if not tracemalloc.is_tracing():
            fail("The check started tracing before `start()`; after `stop()`, tracemalloc no longer traces: stop() "
                 "must stop tracing only when `start()` began it (remember whether it did).")
        count = report_of(monitor)["sample_count"]
        if count < 3:  # one when stopped, and at least two in between
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


def threads_start():
    """Whether this interpreter can start a thread (CPython can; the browser's Python cannot)."""
    if "threads" not in MEMO:
        try:
            probe = threading.Thread(target=lambda: None, daemon=True)
            probe.start()
            probe.join()
            MEMO["threads"] = True
        except RuntimeError:
            MEMO["threads"] = False
    return MEMO["threads"]


def size_of(item):
    """The bytes of one top_sites entry, whatever its shape (the largest number in it), or None."""
    if isinstance(item, str):
        found = re.search(r"(\d[\d,_]*)\s*bytes?", item)
        return int(re.sub(r"[,_]", "", found.group(1))) if found else None
    if isinstance(item, dict):
        values = list(item.values())
    elif isinstance(item, (tuple, list)):
        values = list(item)
    else:
        values = [getattr(item, name, None) for name in ("size", "bytes", "size_bytes", "nbytes")]
    numbers = [v for v in values if isinstance(v, (int, float)) and not isinstance(v, bool)]
    return max(numbers) if numbers else None


@check("`report()` gives the highest sample and the top allocators of the snapshot taken then", step=4)
def _(p):
    cls, build, transform, top_sites = (monitor_class(p), p.get("build", callable), p.get("transform", callable),
                                        p.get("top_sites", callable))
    labels, _, _ = sites_for(p)
    # A job of the check's own whose biggest line is not the build line: the
    # scaled copies of 3,000 records, made 300 records at a time with each
    # batch's records released as they are copied, so the transform line
    # holds the most whenever the reading is high. The top allocators must be
    # those of the monitor's own snapshot at its highest sample: a later,
    # smaller sample (600 records alive) is topped by the build line, and the
    # program's own 20,000-record run by the build line too.
    monitor = cls(interval=60)  # no background sample in this test: only the ones asked for
    monitor.start()
    try:
        scaled = []
        for _ in range(10):
            scaled.extend(transform(build(300), True))
        monitor.sample()
        held = tracemalloc.get_traced_memory()[0]
        snapshot = tracemalloc.take_snapshot()  # the check's own, of the same moment
        del scaled
        later = build(600)  # smaller, and held on the build line
        monitor.sample()
    finally:
        monitor.stop()
    try:
        expected = [label_of(site) for site in top_sites(snapshot)]
    except Exception:
        expected = []
    del snapshot
    report = report_of(monitor)
    if not isinstance(report["peak_bytes"], int) or report["peak_bytes"] < 0.9 * held:
        fail(f"With the scaled copies of 3,000 records alive, {held:,} bytes were traced and `sample()` was "
             f"called; after they were freed `report()['peak_bytes']` is {report['peak_bytes']!r}: keep the "
             "highest reading of `tracemalloc.get_traced_memory()[0]`, not the last.")
    top = report["top_allocators"]
    if not top:
        fail("`report()['top_allocators']` is empty: keep the top lines of the snapshot taken at the "
             "highest sample (`top_sites(snapshot)`).")
    first = label_of(top[0])
    wanted = expected[0] if expected else labels[1]
    if first != wanted:
        fail(f"Here the monitor's highest sample was taken while the scaled copies of 3,000 records were alive, "
             f"their records already released, so the top line then was {wanted!r}; a later, smaller sample "
             f"was topped by {labels[0]!r}. Your `report()` gives {first!r} as the top allocator: in `sample()`, "
             "take a snapshot and, when the reading is the highest so far, keep that snapshot's `top_sites`, "
             "not those of the latest sample nor of a snapshot taken elsewhere.")
    size = size_of(top[0])
    if size is not None and size > 1.05 * report["peak_bytes"]:
        fail(f"Your `report()` says the top allocator held {size:,} bytes, but the monitor's highest reading is "
             f"{report['peak_bytes']:,} bytes: the top allocators must come from the snapshot the monitor took at "
             "its highest reading, so no line can hold more than that reading.")
    del later


@check("`report()['peak_bytes']` is the highest reading itself, also when tracing began before `start()`", step=4)
def _(p):
    cls = monitor_class(p)
    tracemalloc.start()  # the caller traces already, and holds a megabyte the monitor must count
    try:
        held_before = bytearray(1_000_000)
        monitor = cls(interval=60)  # no background sample: only the ones asked for
        monitor.start()
        try:
            monitor.sample()
            reading = tracemalloc.get_traced_memory()[0]
        finally:
            monitor.stop()
        peak = report_of(monitor)["peak_bytes"]
        del held_before
    finally:
        if tracemalloc.is_tracing():
            tracemalloc.stop()
    if not isinstance(peak, int) or peak < 0.9 * reading:
        fail(f"Here tracing had begun before `start()`, with a megabyte already traced; `sample()` then read "
             f"about {reading:,} traced bytes, and `report()['peak_bytes']` is {peak!r}. The task's `peak_bytes` "
             "is the highest reading itself (`tracemalloc.get_traced_memory()[0]` as `sample()` read it), not "
             "less what was traced when the monitor started.")


@check("the program prints only what is always true of its monitor: that it took samples, that none is above the traced peak, and the top allocator", step=4)
def _(p):
    labels, _, _ = sites_for(p)
    p.printed(r"(?i)sampl.*\bTrue\b",
              "Step 4 asks you to print that the monitor took samples, as `True` (never the count): no "
              "printed line about samples says True.")
    for line in p.lines:
        if re.search(r"(?i)(?<![\w.])\d[\d,]*\s+samples?\b|sample_count\W+\d", line):
            fail(f"The program printed {line.strip()!r}: how many samples a monitor takes changes from run to "
                 "run, so print that it took samples (`True`), not how many.")
    if True not in peak_answers(p.lines):
        fail("Step 4 asks you to print that no sample is above the traced peak (`True`): compare the monitor's "
             "`peak_bytes` with `tracemalloc.get_traced_memory()[1]` read before `stop()`.")
    # "took samples: True" must be what the monitor reports: run again with a
    # MemoryMonitor whose start() and sample() do nothing, it takes no sample,
    # and the line about samples must not say True.
    def idle(cls):
        cls.start = lambda self, *args, **kwargs: None
        cls.sample = lambda self, *args, **kwargs: None
    run = p.rerun("idle monitor", "MemoryMonitor", idle)
    if run is not None:
        for line in run.lines:
            if re.search(r"(?i)sampl.*\bTrue\b", line) and not re.search(r"(?i)peak|above|exceed|reading", line):
                fail(f"Run again here with a `MemoryMonitor` whose `start()` and `sample()` do nothing, so it takes "
                     f"no sample, your program still printed {line.strip()!r}: print whether the monitor took "
                     "samples as its report says (`report()[\"sample_count\"] > 0`), not True typed in.")
    label = re.escape(labels[0])
    p.printed(rf"(?i)allocat.*{label}",
              f"Step 4 asks you to print the top allocator at the monitor's highest sample, the records' line "
              f"({labels[0]!r}, as your `top_sites` labels it): no printed line about the top allocator names it.")


@check("the program ends by saying whether freeing each phase's input lowers the peak, as measured", step=5)
def _(p):
    said = p.conclusion("freeing each phase's input lowers the peak")
    held, freed = job_peaks(p)
    if said != (freed < held):
        fail(f"Your program says {said}, but measured here the job peaks at {freed:,} bytes freeing its inputs "
             f"and {held:,} holding them (20,000 records). Compare the overall peaks of the two runs.")
    if not re.search(loose("freeing each phase's input lowers the peak"), p.last_line):
        fail("Make the line saying whether freeing each phase's input lowers the peak the last line your "
             "program prints, as the task asks.")
    # The conclusion must compare the two runs the program measured: run
    # again with a `transform` that, when it is asked to release its input,
    # also holds as many bytes as the whole job peaks at holding everything:
    # the run that frees its inputs then peaks higher, and the honest
    # conclusion turns False.
    def heavier_when_freeing(real):
        def transform(records, *args, **kwargs):
            consume = kwargs.get("consume", args[0] if args else False)
            held = bytearray(held_peak) if consume else None
            scaled = real(records, *args, **kwargs)
            del held
            return scaled
        return transform
    held_peak = held
    run = p.rerun("heavier when freeing", "transform", heavier_when_freeing)
    if run is None:
        return
    again = run.said("freeing each phase's input lowers the peak")
    if again is None and run.raised:
        return  # it stopped before its last line: nothing to compare
    if again is not False:
        fail(f"Run again here with a `transform` that holds {held:,} more bytes while it releases its input, "
             f"the run that frees its inputs peaks higher, and your program still concluded {again}: compare "
             "the overall peaks your two runs measured, do not type the answer in.")
    # And the holding run's peak must be measured too: run again with a
    # `transform` that holds that many bytes while it releases its input and
    # three times as many while it keeps it. The freeing run then peaks
    # above what the holding run peaked at before, the holding run far above
    # both: the honest conclusion is True, one with the holding run's peak
    # typed in from before turns False.
    def heavier_both(real):
        def transform(records, *args, **kwargs):
            consume = kwargs.get("consume", args[0] if args else False)
            held = bytearray(held_peak if consume else 3 * held_peak)
            scaled = real(records, *args, **kwargs)
            del held
            return scaled
        return transform
    run = p.rerun("heavier in both runs", "transform", heavier_both)
    again = run.said("freeing each phase's input lowers the peak")
    if again is None and run.raised:
        return
    if again is not True:
        fail(f"Run again here with a `transform` that holds {held:,} more bytes while it releases its input and "
             f"{3 * held:,} more while it keeps it, the run that holds everything peaks far higher, and your "
             f"program concluded {again}: measure the overall peak of the run that holds everything too, do not "
             "type it in.")


# What a unit a table's heading gives its figures multiplies them by.
SCALE = {"KiB": 1024, "kB": 1000, "MiB": 1024 ** 2, "MB": 1000 ** 2}
PHASES = {"build": r"\bbuild", "transform": r"\btransform", "aggregate": r"\baggregat"}
NUMBER = re.compile(r"(?<![\w.])\d[\d,_]*(?:\.\d+)?")


def phase_of(line):
    """The one phase a line of the program's output is about, or None (no
    phase, several, or the whole run's figures)."""
    named = [phase for phase, pattern in PHASES.items() if re.search(pattern, line, re.IGNORECASE)]
    if len(named) != 1 or re.search(r"(?i)overall|whole|total|most|larg|bigg", line):
        return None
    return named[0]


def phase_peaks(p):
    """{phase: (peak holding every input, peak freeing each)}: the peak reached while each phase
    of the student's job on 20,000 records ran, the peak reset between phases, measured once."""
    if "phase peaks" not in MEMO:
        build, transform, aggregate = (p.get(name, callable) for name in ("build", "transform", "aggregate"))
        runs = []
        for free in (False, True):
            peaks = {}
            tracemalloc.start()
            try:
                records = build(N)
                peaks["build"] = tracemalloc.get_traced_memory()[1]
                tracemalloc.reset_peak()
                scaled = transform(records, free)
                if free:
                    records = None
                peaks["transform"] = tracemalloc.get_traced_memory()[1]
                tracemalloc.reset_peak()
                totals = aggregate(scaled, free)
                if free:
                    scaled = None
                peaks["aggregate"] = tracemalloc.get_traced_memory()[1]
            finally:
                tracemalloc.stop()
            del records, scaled, totals
            runs.append(peaks)
        MEMO["phase peaks"] = {phase: (runs[0][phase], runs[1][phase]) for phase in PHASES}
    return MEMO["phase peaks"]


@check("each phase's peak the program prints is the peak reached while that phase ran", step=1)
def _(p):
    # The task asks to print the overall peak; a program that prints each
    # phase's peak too (as the reference does) must print the peak of that
    # phase alone: tracemalloc.reset_peak() between phases, or the peak of
    # an earlier phase is printed as a later one's.
    # A table's row names the phase and has its peak in the column headed
    # "peak" ("transform   -4,296,752   10,705,152" under "phase  added  peak").
    expected = None
    for line in p.lines:
        phase = phase_of(line)
        at = [m.end() for m in re.finditer(r"(?i)\bpeak", line)]
        if phase is None:
            continue
        if at:
            readings = p.sizes(lines=[line[at[-1]:]])
        else:
            readings = [float(re.sub(r"[,_]", "", m.group(0))) * SCALE.get(heading_unit(m), 1)
                        for m in NUMBER.finditer(line)
                        if re.search(r"(?i)\bpeak", heading_of(m))]
        if not readings:
            continue
        expected = expected or phase_peaks(p)
        wanted = expected[phase]
        if not any(abs(reading - value) <= 0.1 * value for reading in readings[:2] for value in wanted):
            fail(f"The program printed {line.strip()!r}, but measured here the {phase} phase peaks at about "
                 f"{wanted[0]:,} bytes holding every input and {wanted[1]:,} freeing each: the peak printed for a "
                 "phase must be the one reached while it ran. Call `tracemalloc.reset_peak()` after reading each "
                 "phase's figures, so the next phase's peak does not carry an earlier, higher one.")


MOMENT = 4_000_000  # bytes `transform` holds for a moment, then frees, in the re-run below
def added_figures(p, lines):
    """{line index: [bytes]}: the figures `lines` print as what the transform
    phase added, on a line naming that phase alone, after the word "add" or
    under a table heading that says it."""
    found = {}
    for index, line in enumerate(lines):
        if phase_of(line) != "transform":
            continue
        for m in NUMBER.finditer(line):
            before = line[:m.start()]
            said = re.search(r"(?i)\badd", before) and not re.search(r"(?i)\bpeak", before[before.lower().rfind("add"):])
            heading = heading_of(m, lines)
            if said or re.search(r"(?i)\badd", heading):
                unit = SCALE.get(heading_unit(m), 1) if heading else 1
                found.setdefault(index, []).append(float(re.sub(r"[,_]", "", m.group(0))) * unit)
    return found


@check("what a phase added is its current size after less before, not its peak: run again with a `transform` that holds 4,000,000 bytes for a moment, the transform's added bytes stay", step=1)
def _(p):
    # The task: "the bytes it added (current after minus current before) and
    # the peak reached while it ran". A buffer held and freed inside the
    # phase raises its peak, not what it added.
    printed = added_figures(p, p.lines)
    if not printed:
        return "The program prints no figure for what the transform phase added."

    def momentary(real):
        def transform(records, *args, **kwargs):
            held = bytearray(MOMENT)
            scaled = real(records, *args, **kwargs)
            del held
            return scaled
        return transform

    run = p.rerun("transform holds a moment", "transform", momentary)
    if run is None or run.raised:
        return
    again = added_figures(p, run.lines)
    for index, sizes in printed.items():
        later = again.get(index, [])
        for size, size_later in zip(sizes, later):
            if 0.9 * MOMENT <= size_later - size <= 1.1 * MOMENT:
                fail(f"Run again here with a `transform` that holds {MOMENT:,} bytes for a moment and frees them "
                     f"before it returns, the bytes your program printed as added by the transform phase grew from "
                     f"{size:,.0f} to {size_later:,.0f}: what a phase added is the traced size after it less the "
                     "size before it (`get_traced_memory()[0]` both times), not its peak (`[1]`).")


@check("the monitor the program ran watched a 2,000-record job", step=4)
def _(p):
    # The program's monitor, wherever the program keeps one at module level:
    # its highest reading includes the job it watched, all of it still held at stop().
    cls = monitor_class(p)
    monitors = [value for value in list(p.names.values()) if isinstance(value, cls)]
    if not monitors:
        return "No MemoryMonitor kept at module level to read back."
    build, transform, aggregate = (p.get(name, callable) for name in ("build", "transform", "aggregate"))
    tracemalloc.start()
    try:
        records = build(2_000)
        scaled = transform(records, False)
        totals = aggregate(scaled, False)
        held = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    del records, scaled, totals
    readings = [report_of(monitor)["peak_bytes"] for monitor in monitors]
    if not any(isinstance(r, (int, float)) and r >= 0.8 * held for r in readings):
        fail(f"Your monitor's highest reading is {max(readings):,} bytes, but a 2,000-record job whose records "
             f"and copies are all held traces about {held:,} bytes here: run the monitor around the job on "
             "2,000 records the task names, still holding everything when you call `stop()`.")
    # Around the job: the records are built while the monitor runs (between
    # its `start()` and `stop()`), not before it started, when the records
    # it holds at its highest sample were made unwatched.
    watched = build_watched(p)
    if watched is not None and not watched:
        fail("Run again here, your program's `build` for the monitored job ran while no `MemoryMonitor` was started: "
             "the monitor must run around the whole job, build included (`start()`, then build, transform and "
             "aggregate 2,000 records, then `stop()` while they are still held).")


def build_watched(p):
    """Whether, run again, the program called `build` for fewer than N
    records while one of its `MemoryMonitor`s was started (between `start()`
    and `stop()`). None when it has no top-level `build` or
    `MemoryMonitor`, or the run raised."""
    state = {"running": 0, "inside": False}

    def watch_build(real):
        def build(n, *args, **kwargs):
            if isinstance(n, int) and n < N and state["running"] > 0:
                state["inside"] = True
            return real(n, *args, **kwargs)
        return build

    def watch_monitor(cls):
        start, stop = getattr(cls, "start", None), getattr(cls, "stop", None)
        if not (callable(start) and callable(stop)):
            return

        def started(self, *args, **kwargs):
            state["running"] += 1
            return start(self, *args, **kwargs)

        def stopped(self, *args, **kwargs):
            try:
                return stop(self, *args, **kwargs)
            finally:
                state["running"] -= 1
        cls.start, cls.stop = started, stopped

    run = p.rerun("build inside the monitor", "build", watch_build, optional={"MemoryMonitor": watch_monitor})
    if run is None or run.raised is not None or "MemoryMonitor" not in run.replaced:
        return None
    return state["inside"]


# Bytes each build() call of fewer than N records (the monitored job's) keeps alive, in the re-run
# below, until the next call: far above the whole peak of the job on N records (about 17 MB).
BALLAST = 48_000_000


# Scaled copies of the monitored job's records the re-run below keeps as well, made by the program's own
# `transform` (so on its line): the transform's line then holds the most at the monitor's highest sample.
COPIES = 10


def run_with_heavier_build(p):
    """The printed lines of the program run again with its `build` wrapped
    so that a call for fewer than N records (the monitored job's) also keeps
    BALLAST bytes alive (until the next call), and COPIES scaled copies of
    its records made by the program's own `transform`: the monitored job's
    readings and peak grow far above anything the job on N records reached,
    and at its highest sample the transform's line holds more than the
    records' line, while the run on N records is what it was. The copies
    go when the program's `MemoryMonitor.stop()` returns, so a snapshot
    taken after it names the records' line again. None if the program
    defines no top-level `build`."""
    held = []

    def heavier(real):
        def build(n):
            held.clear()
            if isinstance(n, int) and n < N:
                held.append(bytearray(BALLAST))
                records = real(n)
                transform = getattr(real, "__globals__", {}).get("transform")
                try:
                    held.extend(transform(records, False) for _ in range(COPIES))
                except Exception:  # noqa: BLE001 (a transform of another shape: no copies)
                    pass
                return records
            return real(n)
        return build

    def freed_after_stop(cls):
        real = getattr(cls, "stop", None)
        if not callable(real):
            return

        @functools.wraps(real)
        def stop(self, *args, **kwargs):
            try:
                return real(self, *args, **kwargs)
            finally:
                held.clear()
        cls.stop = stop

    run = p.rerun("heavier", "build", heavier, optional={"MemoryMonitor": freed_after_stop})
    held.clear()
    return None if run is None else run.lines


@check("the top allocator the program prints is its monitor's: run again with the monitored job's scaled copies made ten times, it no longer names the records' line", step=4)
def _(p):
    labels, _, _ = sites_for(p)
    lines = run_with_heavier_build(p)
    if lines is None:
        return "No top-level `build` to replace."
    # The line about the top allocator names the records' line first (or
    # alone) where it names the monitor's top as the records' line; a line
    # listing the top three names the transform's first in this run.
    def first_is_records(line):
        if not re.search(r"(?i)allocat", line):
            return False
        at = [line.find(label) for label in labels[:2]]
        return at[0] >= 0 and not 0 <= at[1] < at[0]
    named = [line for line in lines if first_is_records(line)]
    if named:
        fail(f"Run again here with the monitored job's records copied {COPIES} times by your `transform` (so the "
             f"transform's line holds the most at the monitor's highest sample), your program still printed "
             f"{named[-1].strip()!r}: the top allocator it prints must be the one its monitor's `report()` "
             "gives, not one taken from another snapshot or typed in.")


@check("the monitor's line about the traced peak compares with the peak the program read, not a number typed in", step=4)
def _(p):
    lines = run_with_heavier_build(p)
    if lines is None:
        return "No top-level `build` to replace."
    said = peak_answers(lines)
    if said and not said[-1]:
        fail(f"Run again here with a `build` that, for the monitored job, also keeps {BALLAST:,} bytes alive (so "
             "its readings and its peak grow above anything else the program measured), your program said False "
             "about its monitor's highest sample and the traced peak: compare `report()['peak_bytes']` with the "
             "peak `tracemalloc.get_traced_memory()[1]` returns in that same run, not with a number typed in or "
             "another run's peak.")
    # Nor with something that cannot be below it: run again with
    # `tracemalloc.get_traced_memory()` answering a peak of 1 byte (its
    # current bytes, which the monitor reads, as they are), the comparison
    # turns False.
    run = p.rerun("traced peak of 1 byte", modules={"tracemalloc": {"get_traced_memory": peak_of_one}})
    if run is None or run.raised is not None:
        return
    said = peak_answers(run.lines)
    if said and said[-1]:
        fail("Run again here with `tracemalloc.get_traced_memory()` answering a traced peak of 1 byte (so every "
             "reading of the monitor is above it), your program still said True about its monitor's highest "
             "sample and the traced peak: the comparison cannot come out False (a figure compared with itself, "
             "or a number typed in). Compare `report()['peak_bytes']` with the peak "
             "`tracemalloc.get_traced_memory()[1]` returns.")


def peak_answers(lines):
    """The True/False answers on `lines` about the monitor and the traced
    peak (a line naming samples, the monitor, readings or being above, and
    the peak, then True or False; the last line's conclusion left out)."""
    phrase = loose("freeing each phase's input lowers the peak")
    return [m.group(1).lower() == "true"
            for line in lines if re.search(r"(?i)sampl|monitor|above|exceed|reading", line) and not re.search(phrase, line)
            for m in [re.search(r"(?i)peak.*\b(True|False)\b", line)] if m]


def peak_of_one(real):
    """`tracemalloc.get_traced_memory` answering its current bytes as they are
    and a peak of 1 byte."""
    def get_traced_memory(*args):
        current, _ = real(*args)
        return current, 1
    return get_traced_memory
