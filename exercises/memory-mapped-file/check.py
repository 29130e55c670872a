"""Checks for memory-mapped-file: the program maps the file read-only,
counts its lines through the map, and concludes what is true everywhere:
a slice of the map holds far less than reading the whole file."""
import ast
import mmap
import os
import tempfile

from heapwise_check import check, fail, number


def calls_named(source, name):
    """The calls in source whose function is `name` or `<something>.name`."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call):
            function = node.func
            called = function.attr if isinstance(function, ast.Attribute) else getattr(function, "id", None)
            if called == name:
                found.append(node)
    return found


@check("the file is opened with mmap.mmap(..., access=mmap.ACCESS_READ)")
def _(p):
    maps = calls_named(p.source, "mmap")
    if not maps:
        fail("Your program never calls `mmap.mmap(...)`: map the open file with "
             "`mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)` and slice the map.")
    if not any("ACCESS_READ" in ast.unparse(call) for call in maps):
        fail("Map the file read-only: pass `access=mmap.ACCESS_READ` to `mmap.mmap`.")


@check("the program compares all three ways and finds the same bytes")
def _(p):
    p.printed(r"(?i)same.*True",
              "Step 2 asks you to check that the slice of the map, `seek` + `read(100)` and `read()` + "
              "slice give the same bytes, and print the result (True).")


@check("the lines are counted through the map: 16,384")
def _(p):
    size, line = p.get("SIZE", int), 64
    p.printed(number(size // line),
              f"Step 3 asks you to count the file's lines through the map; no printed line gives "
              f"{size // line:,}, the number of 64-byte lines in {size:,} bytes.")


@check("the last line says slicing the map holds less than reading the file: True")
def _(p):
    said = p.expect_last_line(r"slicing the map holds less than reading the file: (True|False)",
                              "slicing the map holds less than reading the file: True")
    write_file = p.get("write_file", callable)
    offset, length = p.get("OFFSET", int), p.get("LENGTH", int)
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "data.bin")
        write_file(path)
        with open(path, "rb") as f, mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as mm:
            mapped = p.peak("slice 100 bytes of the map", lambda: mm[offset:offset + length])

            def read_all():
                f.seek(0)
                return f.read()[offset:offset + length]

            whole = p.peak("read() the file, then slice", read_all)
    if said.group(1) != "True":
        fail(f"Your program concluded False, but slicing the map peaked at {mapped:,} bytes here and "
             f"reading the whole file at {whole:,}. Measure the slice of the map on its own "
             "(`traced(lambda: mm[OFFSET:OFFSET + LENGTH])`).")
