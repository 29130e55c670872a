# correct: an AllocationProfile class collects rows and writes them with sys.stdout.write, sizes in KiB, preallocation with [0] * n, a timing line for the workload
import sys
import time
import tracemalloc


def workload():
    numbers = [i * 7 for i in range(50_000)]
    table = {i: str(i) for i in range(10_000)}
    text = "x" * 1_000_000
    return numbers, table, text


def _snapshots(work, keep):
    tracemalloc.start()
    try:
        first = tracemalloc.take_snapshot()
        holder = []
        if keep:
            holder.append(work())
        else:
            work()
        second = tracemalloc.take_snapshot()
    finally:
        tracemalloc.stop()
    return first, second, holder


def top_allocators(work, limit=3):
    first, second, holder = _snapshots(work, keep=True)
    only_here = (tracemalloc.Filter(True, __file__),)
    stats = second.filter_traces(only_here).compare_to(first.filter_traces(only_here), "lineno")
    ranked = sorted(stats, key=lambda st: -st.size_diff)[:limit]
    holder.clear()
    return [(st.traceback[0].filename, st.traceback[0].lineno, st.size_diff, st.count_diff)
            for st in ranked]


def course_top(work):
    first, second, _ = _snapshots(work, keep=False)
    return second.compare_to(first, "lineno")[:3]


class AllocationProfile:
    def __init__(self, work):
        self.work = work
        self.rows = []

    def add(self, text):
        self.rows.append(text)

    def run(self):
        self.sites = top_allocators(self.work)
        self.add("workload's biggest lines (size growth in KiB):")
        for filename, lineno, size, count in self.sites:
            self.add("  %s line %3d  %9.1f KiB  %+6d blocks" % (filename.rsplit("/", 1)[-1], lineno, size / 1024, count))

        t0 = time.perf_counter()
        self.work()
        self.add("one run of the workload: %.2f ms" % ((time.perf_counter() - t0) * 1000))

        report = course_top(self.work)
        self.add("course's comparison, first three lines:")
        self.add("\n".join("  " + str(st) for st in report) or "  (nothing)")
        self.add("the course's way finds a site above 100,000 bytes: %s"
                 % any(st.size_diff > 100_000 for st in report))
        self.add("the course's way names a tracemalloc.py line: %s"
                 % any(fr.filename.endswith("tracemalloc.py") for st in report for fr in st.traceback))

        by_append = []
        for value in range(50_000):
            by_append.append(value)
        one_step = [0] * 50_000
        self.add("append-grown list of 50,000 ints: %.1f KiB" % (sys.getsizeof(by_append) / 1024))
        self.add("list made at full length at once: %.1f KiB" % (sys.getsizeof(one_step) / 1024))

    def write(self):
        for row in self.rows:
            sys.stdout.write(row + "\n")
        sizes = [size for _, _, size, _ in self.sites]
        ordered = all(a >= b for a, b in zip(sizes, sizes[1:]))
        sys.stdout.write("top three sorted by size: %s\n" % ordered)


profile = AllocationProfile(workload)
profile.run()
profile.write()
