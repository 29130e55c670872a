# correct: written from the task alone (round 17): the calcsize lines formatted with %, kept in a list and printed together; the layout in the explanation from calcsize of the first fields
# reading: each peak is taken in its own tracemalloc session while the result
# (list of dicts / bytearray) is still referenced.  "smaller" compares the two
# peaks.  "exactly" means == on every field of every one of the 50,000 records.
import struct
import tracemalloc

RECORD = "!IffB"
N = 50_000


def record(i):
    return 1_000 + i, i * 0.5, i * -0.25, i % 256


def as_dicts(n):
    return [dict(zip(("id", "x", "y", "flags"), record(i))) for i in range(n)]


def as_packed(n):
    size = struct.calcsize(RECORD)
    buf = bytearray(n * size)
    pack_into = struct.pack_into
    for i in range(n):
        pack_into(RECORD, buf, i * size, *record(i))
    return buf


class Tracer:
    """with Tracer() as t: ...   ->  t.peak is the traced peak inside the block"""

    def __enter__(self):
        tracemalloc.start()
        return self

    def __exit__(self, *exc):
        self.current, self.peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        return False


out = []
out.append("calcsize(%r) = %d" % (RECORD, struct.calcsize(RECORD)))
out.append("calcsize('@dHfB') = %d" % struct.calcsize("@dHfB"))
out.append("calcsize('=dHfB') = %d" % struct.calcsize("=dHfB"))
h_at, f_at = struct.calcsize("@d"), struct.calcsize("@dHf") - struct.calcsize("@f")
out.append("  '@' aligns like C: d at 0, H at %d, %d pad bytes, f at %d, B at %d -> %d;"
           % (h_at, f_at - struct.calcsize("@dH"), f_at, struct.calcsize("@dHf"), struct.calcsize("@dHfB")))
out.append("  '=' uses standard sizes with no alignment: %d + %d + %d + %d = %d."
           % tuple(struct.calcsize("=" + code) for code in ("d", "H", "f", "B", "dHfB")))
print(*out, sep="\n")

with Tracer() as t_dicts:
    dicts = as_dicts(N)
with Tracer() as t_packed:
    packed = as_packed(N)
del dicts

print("\n{:<26}{:>12}{:>11}".format("layout (%s records)" % format(N, ","), "peak B", "KiB"))
print("{:<26}{:>12,}{:>11.1f}".format("list of dicts", t_dicts.peak, t_dicts.peak / 1024))
print("{:<26}{:>12,}{:>11.1f}".format("packed bytearray", t_packed.peak, t_packed.peak / 1024))
print("buffer length: {:,} bytes ({} per record)".format(len(packed), struct.calcsize(RECORD)))

size = struct.calcsize(RECORD)
mismatches = [i for i in range(N) if struct.unpack_from(RECORD, packed, i * size) != record(i)]
print("records checked: {:,}, mismatches: {}".format(N, len(mismatches)))

ok = t_packed.peak < t_dicts.peak and not mismatches
print("packed buffer is smaller and round-trips exactly: {}".format(ok))
