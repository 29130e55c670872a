"""Checks for allocation-snapshot: build_workload makes the three
structures, each on its own line, and the program prints the three lines
that hold the most, as this interpreter attributes them."""
import random
import re
import string
import tracemalloc

from heapwise_check import check, fail, number

MEMO = {}


def traced_workload(p):
    """build_workload(random.Random(2024)) run once under tracemalloc: its
    result and the program's lines sorted by what they hold."""
    if "built" not in MEMO:
        build_workload = p.get("build_workload", callable)
        tracemalloc.start()
        try:
            built = build_workload(random.Random(2024))
            snapshot = tracemalloc.take_snapshot()
        finally:
            tracemalloc.stop()
        own = snapshot.filter_traces([tracemalloc.Filter(True, p.names["__file__"])])
        MEMO["built"] = built
        MEMO["stats"] = own.statistics("lineno")
    return MEMO["built"], MEMO["stats"]


@check("build_workload(rng) returns the words, the squares and the floats")
def _(p):
    built, _ = traced_workload(p)
    if not (isinstance(built, tuple) and len(built) == 3):
        fail(f"`build_workload` returned {type(built).__name__}; it should return (words, squares, floats).")
    words, squares, floats = built
    letters = set(string.ascii_lowercase)
    if not (isinstance(words, list) and len(words) == 100_000
            and all(len(w) == 10 and set(w) <= letters for w in words[:100])):
        fail("`words` should be a list of 100,000 random ten-letter lowercase strings.")
    if squares != {i: i * i for i in range(50_000)}:
        fail("`squares` should map each of 0..49,999 to its square: `{i: i * i for i in range(50_000)}`.")
    if not (isinstance(floats, set) and len(floats) > 79_000 and all(0 <= f < 1 for f in floats)):
        fail("`floats` should be a set of 80,000 values of `rng.random()`.")


@check("each structure is built on its own line")
def _(p):
    _, stats = traced_workload(p)
    big = [stat for stat in stats if stat.size > 100_000]
    if len(big) < 3:
        fail(f"Only {len(big)} line(s) of your program hold more than 100,000 bytes after `build_workload`: build "
             "the list, the dict and the set each on a line of its own, so the snapshot can tell them apart.")


@check("the program prints the three biggest lines of its own file")
def _(p):
    _, stats = traced_workload(p)
    if len(stats) < 3 or stats[2].size <= 100_000:
        fail("`build_workload` does not yet build the three structures, so there are no three big lines "
             "to print (see the checks above).")
    for stat in stats[:3]:
        line = stat.traceback[0].lineno
        p.printed(rf"(\.py|line)\D{{0,2}}{number(line)}\b",
                  f"Line {line} holds {stat.size:,} bytes here, one of the three biggest, but no printed line "
                  "names it. Filter the snapshot to your file, group by \"lineno\" and print the first three.")


@check("P2's list is traced and its block count printed")
def _(p):
    tracemalloc.start()
    try:
        numbers = [i for i in range(100_000)]
        snapshot = tracemalloc.take_snapshot()
    finally:
        tracemalloc.stop()
    blocks = snapshot.statistics("lineno")[0].count
    del numbers
    # Some interpreters recycle a few ints from a free list, so the program's
    # count can differ a little from this one: within 1% is the same count.
    # Lines naming one of the workload's three lines are about the workload.
    _, stats = traced_workload(p)
    workload = [rf"(\.py|line)\D{{0,2}}{number(stat.traceback[0].lineno)}\b" for stat in stats[:3]]
    printed = [int(n.replace(",", "")) for line in p.lines
               if "block" in line and not any(re.search(w, line) for w in workload)
               for n in re.findall(r"(?<![\d.])\d[\d,]*(?![\d.])", line)]
    if not any(abs(n - blocks) <= blocks // 100 for n in printed):
        fail(f"Step 4: no printed line gives the block count of P2's list, {blocks:,} here (one list and "
             "one int object for every value above 256): print `stats[0].count` for its top line, "
             "with the word blocks.")


@check("the last line says the top site holds more than 100,000 bytes: True")
def _(p):
    said = p.expect_last_line(r"top site holds more than 100,000 bytes: (True|False)",
                              "top site holds more than 100,000 bytes: True")
    if said.group(1) != "True":
        fail("Your program concluded False, but the biggest line holds megabytes. Compare the first "
             "statistic's `size` with `100_000`.")
