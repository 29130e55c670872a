"""Checks for snapshot-diff: parse() builds the records, and the program's
diff names the line that grew (parsing) and the line that shrank (loading),
the lines this interpreter attributes the memory to."""
import tracemalloc

from heapwise_check import check, fail, number

MEMO = {}


def diff_lines(p):
    """(grown line, shrunk line) of the program's file when its loader and
    parser run as the task describes; measured here once."""
    if "lines" not in MEMO:
        load_lines, parse = p.get("load_lines", callable), p.get("parse", callable)
        only_program = [tracemalloc.Filter(True, p.names["__file__"])]
        tracemalloc.start()
        try:
            lines = load_lines(1_000)
            before = tracemalloc.take_snapshot().filter_traces(only_program)
            records = parse(lines)
            del lines
            after = tracemalloc.take_snapshot().filter_traces(only_program)
        finally:
            tracemalloc.stop()
        changes = after.compare_to(before, "lineno")
        if not changes:
            fail("Loading and parsing 1,000 lines allocated nothing in your file: `load_lines` and "
                 "`parse` should build the lines and the records.")
        grew = max(changes, key=lambda stat: stat.size_diff)
        shrank = min(changes, key=lambda stat: stat.size_diff)
        if grew.size_diff <= 0:
            fail("Parsing 1,000 lines made nothing that lasts: `parse` should return one dict per line.")
        MEMO["lines"] = (grew.traceback[0].lineno, grew.size_diff, shrank.traceback[0].lineno, records)
    return MEMO["lines"]


def names_line(line):
    return rf"(\.py|line)\D{{0,2}}{number(line)}\b"


@check("parse(lines) makes one dict with id, x and y per line")
def _(p):
    parse = p.get("parse", callable)
    records = parse(["7,3.5,21", "8,4.0,24"])
    try:
        records = list(records)
    except TypeError:
        fail(f"`parse` returned {type(records).__name__}; it should return a list of dicts.")
    if records != [{"id": 7, "x": 3.5, "y": 21}, {"id": 8, "x": 4.0, "y": 24}]:
        fail(f"`parse([\"7,3.5,21\", \"8,4.0,24\"])` returned {records!r}; it should return "
             "[{'id': 7, 'x': 3.5, 'y': 21.0}, {'id': 8, 'x': 4.0, 'y': 24.0}] (numbers, not text).")
    lines = p.get("load_lines", callable)(1_000)
    p.peak("1,000 text lines", lambda: p.get("load_lines", callable)(1_000))
    p.peak("1,000 parsed records", lambda: parse(lines))


@check("the printed diff names the parsing line, which grew")
def _(p):
    grew_line, grew_by, _, _ = diff_lines(p)
    p.printed(names_line(grew_line),
              f"Here, the line that grows between the snapshots is line {grew_line} (+{grew_by:,} bytes), "
              "but no printed line names it. Filter both snapshots to your file, call "
              "`after.compare_to(before, \"lineno\")` and print the changes with their lines.")


@check("the printed diff names the loading line, which shrank")
def _(p):
    _, _, shrank_line, _ = diff_lines(p)
    p.printed(names_line(shrank_line),
              f"Here, the text lines are freed on line {shrank_line}'s account (the list of lines is "
              "deleted), but no printed line names it. Print every line whose size changed, shrinking "
              "ones included.")


@check("the last line says the lines that grew hold more than 50,000 new bytes: True")
def _(p):
    said = p.expect_last_line(r"the lines that grew hold more than 50,000 new bytes: (True|False)",
                              "the lines that grew hold more than 50,000 new bytes: True")
    _, grew_by, _, _ = diff_lines(p)
    if said.group(1) != "True" and grew_by > 50_000:
        fail(f"Your program concluded False, but the parsing line alone grew by {grew_by:,} bytes here. "
             "Add up the `size_diff` of every change that is positive and compare the total with 50,000.")
