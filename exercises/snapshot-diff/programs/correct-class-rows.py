# correct: a LoaderProbe class gathers (label, value) rows and writes them with sys.stdout.write, sizes in KiB, the own-file filter built from parse's code object, a timing line
import sys
import time
import tracemalloc


def load_lines(n):
    lines = [f"{i},{i * 0.5},{i * 3}" for i in range(n)]
    return lines


def parse(lines):
    records = [dict(zip(("id", "x", "y"), (int(a), float(b), int(c))))
               for a, b, c in (line.split(",") for line in lines)]
    return records


class LoaderProbe:
    def __init__(self, count):
        self.count = count
        self.rows = []

    def run(self):
        here = (tracemalloc.Filter(True, parse.__code__.co_filename),)
        tracemalloc.start()
        t0 = time.perf_counter()
        lines = load_lines(self.count)
        t1 = time.perf_counter()
        self.text_line = sys.getsizeof(lines[len(lines) // 2])
        snap_a = tracemalloc.take_snapshot()
        t2 = time.perf_counter()
        self.records = parse(lines)
        t3 = time.perf_counter()
        del lines
        snap_b = tracemalloc.take_snapshot()
        tracemalloc.stop()
        self.elapsed_ms = ((t1 - t0) + (t3 - t2)) * 1000
        self.diffs = snap_b.filter_traces(here).compare_to(snap_a.filter_traces(here), "lineno")

    def collect(self):
        self.rows.append(("load + parse %d lines" % self.count, "%.2f ms" % self.elapsed_ms))
        self.rows.append(("one text line", "%.3f KiB" % (self.text_line / 1024)))
        self.rows.append(("one record dict", "%.3f KiB" % (sys.getsizeof(self.records[len(self.records) // 2]) / 1024)))
        for st in self.diffs:
            if st.size_diff:
                frame = st.traceback[0]
                self.rows.append(("line %d" % frame.lineno,
                                  "%+.2f KiB, %+d blocks" % (st.size_diff / 1024, st.count_diff)))
        positive_diffs = [st for st in self.diffs if st.size_diff > 0]
        self.total = sum(st.size_diff for st in positive_diffs)
        self.rows.append(("positive size_diff total", "%.2f KiB" % (self.total / 1024)))
        self.rows.append(("len(positive_diffs) > 0", str(len(positive_diffs) > 0)))
        self.rows.append(("sum(s.size_diff for s in positive_diffs) > 50_000",
                          str(sum(s.size_diff for s in positive_diffs) > 50_000)))

    def write(self):
        for label, value in self.rows:
            sys.stdout.write("%s: %s\n" % (label, value))
        sys.stdout.write("the lines that grew hold more than 50,000 new bytes: %s\n" % (self.total > 50_000))


probe = LoaderProbe(1_000)
probe.run()
probe.collect()
probe.write()
