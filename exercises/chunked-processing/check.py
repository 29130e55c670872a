"""Checks for chunked-processing: in_chunks(n, size) gives the answer of
loading everything, and its peak follows the chunk size, not the number of
records."""
from heapwise_check import check, fail


def expected(p, n, size):
    """The answer, computed the way collect_all does, with the program's own
    generate() and process()."""
    generate, process = p.get("generate", callable), p.get("process", callable)
    records = list(generate(n))
    return sum(process(records[start:start + size]) for start in range(0, n, size))


@check("in_chunks(n, size) gives the same result as collecting everything")
def _(p):
    in_chunks = p.get("in_chunks", callable)
    for n, size in ((10_000, 1_000), (2_345, 1_000), (999, 100), (5, 10), (0, 10)):
        want = expected(p, n, size)
        got = in_chunks(n, size)
        if got != want:
            fail(f"`in_chunks({n:,}, {size:,})` returned {got!r}, but processing all records in chunks of "
                 f"{size:,} gives {want:,}. Process every chunk, the last, shorter one included, and add "
                 "up the results.")


@check("in_chunks holds one chunk at a time: its peak stays flat as the records double (measured here)")
def _(p):
    in_chunks = p.get("in_chunks", callable)
    collect_all = p.get("collect_all", callable)
    everything = p.peak("collect_all(20,000, 1,000)", lambda: collect_all(20_000, 1_000))
    half = p.peak("in_chunks(20,000, 1,000)", lambda: in_chunks(20_000, 1_000))
    full = p.peak("in_chunks(40,000, 1,000)", lambda: in_chunks(40_000, 1_000))
    if full > 1.1 * half + 2_048:
        fail(f"Measured here, `in_chunks` peaked at {half:,} bytes for 20,000 records and {full:,} for "
             "40,000: it still grows with the total. Pull `size` records at a time from one generator "
             "(`list(islice(stream, size))`) instead of building the whole list.")
    if half * 10 > everything:
        fail(f"`in_chunks(20_000, 1_000)` peaked at {half:,} bytes, not far below the {everything:,} of "
             "collecting everything: only one chunk of records should be alive at a time.")
    return f"{half:,} and {full:,} bytes for 20,000 and 40,000 records; collecting 20,000: {everything:,}."


@check("the last line says the chunked peak stays flat when the total doubles: True")
def _(p):
    said = p.expect_last_line(r"chunked peak stays flat when the total doubles: (True|False)",
                              "chunked peak stays flat when the total doubles: True")
    if said.group(1) != "True":
        fail("Your program concluded False: with chunks of 1,000 the peak for 200,000 records should be "
             "within 10% of the one for 100,000. Delete each chunk (`del chunk`) before reading the next.")
