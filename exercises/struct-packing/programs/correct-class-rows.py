# correct: a class bundling the experiment, one trace with reset_peak() between builds, KiB units, rows written with sys.stdout.write, plus a timing line
import struct
import sys
import time
import tracemalloc

RECORD = "!IffB"


def record(i):
    return 1_000 + i, i * 0.5, i * -0.25, i % 256


def as_dicts(n):
    return [dict(zip(("id", "x", "y", "flags"), record(i))) for i in range(n)]


def as_packed(n):
    size = struct.calcsize(RECORD)
    buffer = bytearray(n * size)
    offset = 0
    for i in range(n):
        struct.pack_into(RECORD, buffer, offset, *record(i))
        offset += size
    return buffer


class PackingExperiment:
    def __init__(self, count):
        self.count = count
        self.rows = []

    def add(self, label, value):
        self.rows.append((label, value))

    def formats(self):
        for fmt in (RECORD, "@dHfB", "=dHfB"):
            self.add("calcsize(%r)" % fmt, "%d B" % struct.calcsize(fmt))
        native, standard = struct.calcsize("@dHfB"), struct.calcsize("=dHfB")
        h_end = struct.calcsize("=dH")
        gap = native - standard
        self.add("why they differ",
                 "'@' puts the f at byte %d instead of %d, leaving %d pad bytes after the H; "
                 "'=' uses standard sizes with no alignment" % (h_end + gap, h_end, gap))

    def peaks(self):
        tracemalloc.start()
        tracemalloc.reset_peak()
        dicts = as_dicts(self.count)
        self.dict_peak = tracemalloc.get_traced_memory()[1]
        del dicts
        tracemalloc.reset_peak()
        self.buffer = as_packed(self.count)
        self.packed_peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        self.add("dict layout peak", "%.1f KiB" % (self.dict_peak / 1024))
        self.add("packed layout peak", "%.1f KiB" % (self.packed_peak / 1024))
        self.add("packed / dicts", "%.2f%%" % (100.0 * self.packed_peak / self.dict_peak))

    def verify(self):
        size = struct.calcsize(RECORD)
        mismatches = [i for i in range(self.count)
                      if struct.unpack_from(RECORD, self.buffer, i * size) != record(i)]
        self.exact = not mismatches
        self.add("records differing from record(i)", str(len(mismatches)))

    def timing(self):
        size = struct.calcsize(RECORD)
        t0 = time.perf_counter()
        buf = as_packed(self.count)
        for i in range(self.count):
            struct.unpack_from(RECORD, buf, i * size)
        self.add("pack + unpack %d records" % self.count,
                 "%.1f ms" % ((time.perf_counter() - t0) * 1000))

    def report(self):
        width = max(len(label) for label, _ in self.rows)
        for label, value in self.rows:
            sys.stdout.write(label.ljust(width) + " : " + value + "\n")
        verdict = self.packed_peak < self.dict_peak and self.exact
        sys.stdout.write("packed buffer is smaller and round-trips exactly: %s\n" % verdict)


exp = PackingExperiment(50_000)
exp.formats()
exp.peaks()
exp.verify()
exp.timing()
exp.report()
