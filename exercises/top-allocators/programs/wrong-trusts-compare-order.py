# wrong: top_allocators keeps compare_to's own order, which ranks by the absolute size_diff, so a line that freed memory can rank above lines that grew - not the lines that grew the most, biggest first
# fails: `top_allocators(work)` returns (filename, lineno, size_diff, count_diff) tuples, biggest first
import sys
import tracemalloc
from typing import Any, Callable, NamedTuple


def workload():
    numbers = [i * 7 for i in range(50_000)]
    table = {i: str(i) for i in range(10_000)}
    text = "x" * 1_000_000
    return numbers, table, text


class Site(NamedTuple):
    filename: str
    lineno: int
    size_diff: int
    count_diff: int


def traced_diff(work: Callable[[], Any], keep: bool) -> list[tracemalloc.StatisticDiff]:
    tracemalloc.start()
    before = tracemalloc.take_snapshot()
    if keep:
        kept = work()
    else:
        work()
    after = tracemalloc.take_snapshot()
    tracemalloc.stop()
    if keep:
        mine = [tracemalloc.Filter(True, __file__)]
        before, after = before.filter_traces(mine), after.filter_traces(mine)
        del kept
    return after.compare_to(before, "lineno")


def top_allocators(work, limit=3) -> list[Site]:
    diffs = traced_diff(work, keep=True)  # compare_to already lists the biggest changes first
    return [Site(d.traceback[0].filename, d.traceback[0].lineno, d.size_diff, d.count_diff)
            for d in diffs[:limit]]


def course_way(work) -> list[tracemalloc.StatisticDiff]:
    return traced_diff(work, keep=False)[:3]


def list_sizes(n: int) -> tuple[int, int]:
    grown = []
    for i in range(n):
        grown.append(i)
    preallocated = list(range(n))
    return sys.getsizeof(grown), sys.getsizeof(preallocated)


def main() -> None:
    sites = top_allocators(workload)
    print("top allocators of workload():")
    for site in sites:
        print(f"  line {site.lineno}: {site.size_diff:,} bytes in {site.count_diff:+,} blocks")

    print("the course's way (result dropped, every file):")
    course = course_way(workload)
    for stat in course:
        print(f"  {stat}")
    big = any(stat.size_diff > 100_000 for stat in course)
    names_tm = any(stat.traceback[0].filename.endswith("tracemalloc.py") for stat in course)
    print(f"the course's way finds a site above 100,000 bytes: {big}")
    print(f"the course's way names a tracemalloc.py line: {names_tm}")

    appended, preallocated = list_sizes(50_000)
    print(f"50,000 ints appended one by one: {appended:,} bytes; built at final length: {preallocated:,} bytes")

    sizes = [site.size_diff for site in sites]
    print(f"top three sorted by size: {sizes == sorted(sizes, reverse=True)}")


if __name__ == "__main__":
    main()
