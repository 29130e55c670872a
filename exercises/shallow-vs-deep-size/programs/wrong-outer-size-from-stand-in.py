# wrong: (a fake) the "shallow size of rows" is getsizeof of a stand-in list of three ints (statement 4 says they match), so rows itself is never measured; both printed totals start from the stand-in's figure
# fails: the shallow size printed is `sys.getsizeof` of the list of three 1,000-element lists itself: run again with one that gives that list its own extra bytes, it moves by them
import sys

STATEMENTS = [
    "sys.getsizeof([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) > sys.getsizeof([1, 2, 3])",
    "sys.getsizeof([[1, 2, 3], [4, 5, 6], [7, 8, 9]]) == sys.getsizeof([1, 2, 3])",
    "sys.getsizeof(dict.fromkeys('abcdefghi')) > sys.getsizeof({})",
    "sys.getsizeof([[0] * 1000 for _ in range(3)]) == sys.getsizeof([0 for _ in range(3)])",
    "sys.getsizeof(['x' * 10_000]) > sys.getsizeof(['x'])",
]

report = []
scope = {"sys": sys}
report.extend((statement, eval(statement, scope)) for statement in STATEMENTS)

rows = [[0] * 1000 for _ in range(3)]
size_of = sys.getsizeof
inner_sizes = list(map(size_of, rows))
# the outer list only holds len(rows) pointers, whatever they point to (statement 4)
outer_size = size_of([0 for _ in range(len(rows))])
report.append(("rows, shallow (KiB)", "%.3f" % (outer_size / 1024)))
report.append(("rows + %d inner lists (KiB)" % len(inner_sizes), "%.3f" % ((outer_size + sum(inner_sizes)) / 1024)))

growing = {}
trace = [size_of(growing)]          # trace[k] = size with k keys
for k in range(1, 23):
    growing[k] = None
    trace.append(size_of(growing))
steps = [k for k, (a, b) in enumerate(zip(trace, trace[1:]), start=1) if a != b]
for k in steps:
    report.append(("dict grows when key count reaches", k))

slot_sizes = {len(s[0]): size_of(s) for s in (["x" * 10_000], ["x"])}
report.append(("the shallow size ignores what the slots refer to", slot_sizes[10_000] == slot_sizes[1]))

for label, value in report:
    sys.stdout.write("%s: %s\n" % (label, value))
