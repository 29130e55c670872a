"""Checks for memory-mapped-file. That the program maps the file is observed
(mmap.mmap is watched while it runs); `count_lines` is called on a map of a
file of the check's own (lines of many lengths) and measured by the check;
the peaks the program prints for reading the whole file are compared with
the check's own measurement, and its conclusion with the check's own
comparison of a slice of the map against read()."""
import mmap
import os
import re
import tempfile

from heapwise_check import check, fail, loose, number, watch

watch("mmap.mmap")
watch("tracemalloc.start")

REAL_MMAP = mmap.mmap  # imported before the recorders go in: the check's own maps are not counted
MEMO = {}


def with_map(content, use):
    """use(f, mm) on a read-only map of a temporary file holding `content`."""
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "check.bin")
        with open(path, "wb") as out:
            out.write(content)
        with open(path, "rb") as f:
            mm = REAL_MMAP(f.fileno(), 0, access=mmap.ACCESS_READ)
            try:
                return use(f, mm)
            finally:
                mm.close()


def peaks(p):
    """(slice of the map, read() then slice) peaks of a 1 MiB file, measured once."""
    if "peaks" not in MEMO:
        content = b"".join(b"%07d " % n + b"x" * (n % 50) + b"\n" for n in range(20_000))
        content = content[: 1024 * 1024].ljust(1024 * 1024, b"y")

        def measure(f, mm):
            mapped = p.peak("slice 100 bytes of the map", lambda: mm[500_000:500_100])

            def read_all():
                f.seek(0)
                return f.read()[500_000:500_100]

            whole = p.peak("read() the file, then slice", read_all)
            return mapped, whole

        MEMO["peaks"] = with_map(content, measure)
    return MEMO["peaks"]


# A byte figure as a program may print it: 3234431, 3,234,431, 3.2 MB, 434.5 KiB.
SIZE = re.compile(r"(?<![\w.])(\d{1,3}(?:[,_]\d{3})+|\d+)(\.\d+)?\s*(kib|kb|k|mib|mb)?(?!\w)", re.IGNORECASE)
UNITS = {None: (1,), "k": (1000, 1024), "kb": (1000, 1024), "kib": (1024,), "mb": (1e6, 2 ** 20), "mib": (2 ** 20,)}


def printed_sizes(p):
    sizes = []
    for index, line in enumerate(p.lines):
        for found in SIZE.finditer(line):
            value = float(re.sub(r"[,_]", "", found.group(1)) + (found.group(2) or ""))
            sizes += [((index, found.start()), value * factor) for factor in UNITS[(found.group(3) or "").lower() or None]]
    return sizes


@check("the program maps the file with `mmap.mmap`")
def _(p):
    if p.calls("mmap.mmap").program_count == 0:
        fail("Your program never maps the file: open it, map it with "
             "`mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)` and take the 100 bytes as a slice of the map.")


@check("`count_lines(mm)` counts the lines of a map")
def _(p):
    count_lines = p.get("count_lines", callable)
    for content in (b"".join(b"z" * (n % 120) + b"\n" for n in range(3_001)), b"one\ntwo\n", b"\n" * 7):
        want = content.count(b"\n")
        got = with_map(content, lambda f, mm: count_lines(mm))
        if got != want:
            fail(f"On a map of a file with {want:,} lines of different lengths, `count_lines(mm)` returned {got!r}.")


@check("`count_lines` copies no large part of the map out: its peak stays small (measured by the check)")
def _(p):
    count_lines = p.get("count_lines", callable)
    content = b"".join(b"w" * (n % 97) + b"\n" for n in range(20_000))  # about 1 MB
    peak = with_map(content, lambda f, mm: p.peak("count_lines on a 1 MB map", lambda: count_lines(mm)))
    if peak > len(content) // 4:
        fail(f"Counting the lines of a {len(content):,}-byte map, `count_lines` peaked at {peak:,} bytes: it "
             "copies the file out of the map. Search the map itself (`mm.find(b\"\\n\", start)` in a loop).")
    return f"{peak:,} bytes for a {len(content):,}-byte map."


@check("the program measures with tracemalloc and prints the peaks of `read()` (slice and line count), as measured by the check")
def _(p):
    if p.calls("tracemalloc.start").program_count == 0:
        fail("Your program never starts tracemalloc: measure each way of reading under it and print its peak.")
    _, whole = peaks(p)
    # More than the file itself (the file size, 1,048,576 or "1 MiB", is not a peak), and near the check's figure.
    near = {where for where, size in printed_sizes(p) if 1024 * 1024 < size <= 1.25 * whole}
    if len(near) < 2:
        fail(f"Measured here, reading a 1 MiB file whole peaks at about {whole:,} bytes; print the peak of "
             "`read()` followed by the slice, and of `read().count(b\"\\n\")`: your program printed "
             f"{len(near)} figure(s) near that.")


@check("the program prints whether the three ways give the same bytes, and the lines it counted: 16,384")
def _(p):
    phrase = loose("slicing the map holds less than reading the file")
    if not any(re.search(r"(?i)(same|equal|identical|match|agree)", line) and re.search(r"\bTrue\b", line)
               and not re.search(phrase, line) for line in p.lines):
        fail("Step 2 asks you to check that the slice of the map, `seek` + `read(100)` and `read()` + slice give "
             "the same bytes: print the comparison (`True`).")
    p.printed(number(16_384), "Step 3 asks you to count the file's lines through the map with `count_lines(mm)`; no "
                              "printed line gives 16,384, the number of 64-byte lines in 1 MiB.")


@check("the program ends by saying whether slicing the map holds less than reading the file, as measured")
def _(p):
    said = p.conclusion("slicing the map holds less than reading the file")
    mapped, whole = peaks(p)
    if said != (mapped < whole):
        fail(f"Your program says {said}, but measured here slicing 100 bytes out of the map peaked at {mapped:,} "
             f"bytes and reading the whole file at {whole:,}. Compare the two peaks you measured.")
    if not re.search(loose("slicing the map holds less than reading the file"), p.last_line):
        fail("Make the line saying whether slicing the map holds less than reading the file the last line your "
             "program prints, as the task asks.")
