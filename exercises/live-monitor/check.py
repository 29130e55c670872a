"""Checks for live-monitor: transform and aggregate release their input when
asked, which lowers the job's peak without changing its answer; top_sites
names lines by a label that survives edits; the monitor prints only what is
always true."""
import re
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


@check("the monitor prints only what is always true: that it took samples")
def _(p):
    p.printed(r"(?i)sampl.*:\s*True\s*$",
              "Step 4 asks you to print that the monitor took samples, as `True` (never the count): no "
              "printed line about samples ends in True.")


@check("the last line says freeing each phase's input lowers the peak: True")
def _(p):
    said = p.expect_last_line(r"freeing each phase's input lowers the peak: (True|False)",
                              "freeing each phase's input lowers the peak: True")
    if said.group(1) != "True":
        fail("Your program concluded False, but releasing each input lowers the peak. Compare the "
             "overall peak of the freeing run with the holding run's.")
