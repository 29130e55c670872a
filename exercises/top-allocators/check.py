"""Checks for top-allocators: top_allocators(work, limit) compares a
snapshot taken before work() with one taken after, while work's result is
alive, and returns the lines of the program's own file that grew the most,
biggest first; the course's unguarded comparison and the two list sizes are
printed."""
import re
import sys
import tracemalloc

from heapwise_check import check, fail, number

MEMO = {}


def sizes_of(sites):
    """The byte figure of each site: the largest int in it."""
    sizes = []
    for site in sites:
        numbers = [x for x in (site if isinstance(site, (tuple, list)) else ()) if isinstance(x, int)
                   and not isinstance(x, bool)]
        if not numbers:
            fail(f"A site returned by `top_allocators` is {site!r}; each should be a tuple of location, "
                 "bytes and blocks.")
        sizes.append(max(numbers))
    return sizes


def workload_lines(p):
    """The three lines of the program's file that hold the most after
    workload(), measured here once."""
    if "lines" not in MEMO:
        workload = p.get("workload", callable)
        tracemalloc.start()
        try:
            kept = workload()
            snapshot = tracemalloc.take_snapshot()
        finally:
            tracemalloc.stop()
        del kept
        stats = snapshot.filter_traces([tracemalloc.Filter(True, p.names["__file__"])]).statistics("lineno")
        MEMO["lines"] = [stat.traceback[0].lineno for stat in stats[:3]]
    return MEMO["lines"]


@check("top_allocators(workload) returns three sites, biggest first")
def _(p):
    top_allocators = p.get("top_allocators", callable)
    sites = top_allocators(p.get("workload", callable))
    if tracemalloc.is_tracing():
        fail("tracemalloc is still tracing after `top_allocators` returned: stop it after the snapshot.")
    if not isinstance(sites, (list, tuple)) or len(sites) != 3:
        fail(f"`top_allocators(workload)` returned {sites!r}; it should return a list of the 3 biggest "
             "sites, each a tuple of location, bytes and blocks.")
    sizes = sizes_of(sites)
    if sizes != sorted(sizes, reverse=True) or sizes[-1] < 100_000:
        fail(f"The sites' sizes are {sizes}: they should be the three big allocations of `workload`, "
             "biggest first. Take the snapshot while `work()`'s result is still referenced.")
    MEMO["sites"] = sites


@check("the three sites are the three lines of workload, found in your own file")
def _(p):
    sites = MEMO.get("sites") or fail("`top_allocators(workload)` gave no usable sites (see the check above).")
    for line in workload_lines(p):
        if not any(re.search(rf"(?<!\d){line}(?!\d)", str(site)) for site in sites):
            fail(f"Line {line} of your program is one of `workload`'s three big allocations here, but no "
                 "site you returned names it: filter the snapshot to your file "
                 "(`tracemalloc.Filter(True, __file__)`) and group by \"lineno\".")


@check("top_allocators counts only what work() allocated (a snapshot before, one after)")
def _(p):
    top_allocators, workload = p.get("top_allocators", callable), p.get("workload", callable)
    alone = sizes_of(top_allocators(workload))[0]
    tracemalloc.start()
    try:
        already = workload()  # allocated before top_allocators starts, on the same lines
        sites = top_allocators(workload)
    finally:
        if tracemalloc.is_tracing():
            tracemalloc.stop()
    del already
    top = sizes_of(sites)[0]
    if top > 1.5 * alone:
        fail(f"Called while tracing was already on and a first workload result was alive, "
             f"`top_allocators(workload)` reported {top:,} bytes for its top line, against {alone:,} when "
             "nothing was there before: it counts memory that existed before `work()` ran. Take a snapshot "
             "before `work()` and compare the one after with it (`after.compare_to(before, \"lineno\")`).")


@check("top_allocators returns exactly `limit` sites")
def _(p):
    sites = p.get("top_allocators", callable)(p.get("workload", callable), limit=2)
    if not isinstance(sites, (list, tuple)) or len(sites) != 2:
        fail(f"`top_allocators(workload, limit=2)` returned {sites!r}; it should return the 2 biggest sites.")


@check("the course's unguarded comparison is run and what it reports is printed")
def _(p):
    p.printed(r"tracemalloc\.py:\d+",
              "Step 2: no printed line shows what the comparison reports when the result is dropped and "
              "nothing is filtered (it names lines of `tracemalloc.py`).")
    p.printed(r"100,?000 bytes: False",
              "Step 2: print whether that comparison finds a site above 100,000 bytes (it does not).")


@check("the sizes of the appended and the preallocated list are printed")
def _(p):
    appended = []
    for i in range(50_000):
        appended.append(i)
    at_once = sys.getsizeof(list(range(50_000)))
    p.printed(number(sys.getsizeof(appended)),
              f"Step 2: no printed line gives `sys.getsizeof` of the list built by 50,000 appends, "
              f"{sys.getsizeof(appended):,} bytes here.")
    p.printed(number(at_once),
              f"Step 2: no printed line gives `sys.getsizeof` of the list built at its final length, "
              f"{at_once:,} bytes here.")


@check("the last line says top three sorted by size: True")
def _(p):
    said = p.expect_last_line(r"top three sorted by size: (True|False)", "top three sorted by size: True")
    if said.group(1) != "True":
        fail("Your program concluded False, but `statistics(\"lineno\")` lists the sites biggest first. "
             "Compare the sizes you returned with `sorted(sizes, reverse=True)`.")
