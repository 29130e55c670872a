# correct: collects (label, value) rows in a list and writes them at the end with sys.stdout.write; sizes via a size_of alias applied with map(), dict growth found by pairing a measured size trace
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
report.append(("rows, shallow (KiB)", "%.3f" % (size_of(rows) / 1024)))
report.append(("rows + %d inner lists (KiB)" % len(inner_sizes), "%.3f" % ((size_of(rows) + sum(inner_sizes)) / 1024)))

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
