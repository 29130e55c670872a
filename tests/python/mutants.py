"""Wrong programs for the exercises still listed in pending-programs.txt,
made from each one's reference.py by replacing text: the naive approach
kept under the optimized name, a step left out, a classic slip.
cpython_checks.py runs them for those exercises and asks that every check
fail on at least one of them (or on the starter, or on a program that only
prints the expected last line). The other exercises keep theirs in
exercises/<slug>/programs/ (files, and mutants.json in the same form).

MUTANTS[slug] = [(what is wrong, [(old text, new text), ...]), ...]
"""

MUTANTS = {
    "memory-mapped-file": [
        ("reads the file instead of mapping it", [('    with open(path, "rb") as f, mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as mm:',
                                                   '    with open(path, "rb") as f:\n      for mm in [f.read()]:')]),
        ("the three ways are not compared", [('        print(f"same bytes all three ways: {mapped_piece == ranged_piece == whole_piece}")', "        pass")]),
        ("the lines are not counted", [('print(f"lines counted through the map: {lines:,}, peak {count_peak:,} bytes")', "pass"),
                                       ('print(f"lines counted after read(): {lines_again:,}, peak {read_count_peak:,} bytes")', "pass")]),
        ("concludes False", [("{map_peak < read_peak}", "{False}")]),
    ],
    "object-overhead": [
        ("is_cached compares one object with itself", [("    first = int(str(value))\n    second = int(str(value))\n",
                                                       "    first = value\n    second = value\n")]),
        ("traced_peak leaves tracing on", [("    peak = tracemalloc.get_traced_memory()[1]\n    tracemalloc.stop()\n    del kept",
                                            "    peak = tracemalloc.get_traced_memory()[1]\n    del kept")]),
        ("the array is built from a list", [('return array("q", range(n))', 'return array("q", list(range(n)))')]),
        ("the empty dict's size is not printed", [('"()", "{}", "{\'a\': 1}"', '"()", "{\'a\': 1}"')]),
        ("concludes the wrong way round", [("{array_peak < list_peak}", "{array_peak > list_peak}")]),
        ("the array is built from a list; the last line is written out", [
            ('return array("q", range(n))', 'return array("q", list(range(n)))'), ("{array_peak < list_peak}", "{True}")]),
    ],
}
