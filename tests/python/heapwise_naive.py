"""What tests/python/mutate.py's mutants call: the naive forms of a few
techniques, and the probes of an instrumented run. A mutant reaches it as
`__import__("heapwise_naive").name(...)`, on one line, so its line numbers
stay the program's. Nothing here is used by the page.
"""
import functools
import os
import struct
import sys

# ---------------------------------------------------------------------------
# Probes (the instrumented runs: mutate.py reads PROBED after the program)
# ---------------------------------------------------------------------------

KEPT = 64  # values kept per probe; the count goes on
PROBED = {}  # key -> {"count": n, "values": [first KEPT numbers or None]}
ORDER = []  # keys of print statements, in the order they last ran (each once)


def probe(key, value):
    """Records value (a number, or None for anything else) under key and returns it."""
    entry = PROBED.setdefault(key, {"count": 0, "values": []})
    entry["count"] += 1
    if len(entry["values"]) < KEPT:
        number = value if isinstance(value, (int, float)) and not isinstance(value, bool) else None
        if isinstance(number, int) and abs(number) > 2 ** 62:
            number = None
        entry["values"].append(number)
    return value


def printed(key):
    """A print statement ran: counted, and noted as the latest."""
    entry = PROBED.setdefault(key, {"count": 0, "values": []})
    entry["count"] += 1
    if ORDER and ORDER[-1] == key:
        return
    if key in ORDER:
        ORDER.remove(key)
    ORDER.append(key)


_EXITS = {}


def exit_after(key, times):
    """sys.exit(0) the `times`-th time this runs."""
    _EXITS[key] = _EXITS.get(key, 0) + 1
    if _EXITS[key] >= times:
        sys.exit(0)


# ---------------------------------------------------------------------------
# Naive forms
# ---------------------------------------------------------------------------

def listed(function):
    """A generator function made eager: every item is made at the call and
    kept in a list; an iterator over that list is handed back, so code that
    calls next() on the result still runs."""
    @functools.wraps(function)
    def eager(*args, **kwargs):
        return iter(list(function(*args, **kwargs)))

    return eager


def islice(iterable, *bounds):
    """itertools.islice, after reading everything into a list."""
    return iter(list(iterable)[slice(*bounds)])


def chain(*iterables):
    """itertools.chain, as one list built first."""
    return iter([item for iterable in iterables for item in iterable])


class WholeFile(bytes):
    """The whole file read into memory, standing where a memory map was: it
    slices, finds and reads lines as an mmap object does."""

    def __new__(cls, fileno, length=0, *args, **kwargs):
        position = os.lseek(fileno, 0, os.SEEK_CUR)
        os.lseek(fileno, 0, os.SEEK_SET)
        parts = []
        while True:
            part = os.read(fileno, 1 << 20)
            if not part:
                break
            parts.append(part)
        os.lseek(fileno, position, os.SEEK_SET)
        data = b"".join(parts)
        whole = super().__new__(cls, data[:length] if length else data)
        whole.at = 0
        return whole

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def close(self):
        pass

    def size(self):
        return len(self)

    def tell(self):
        return self.at

    def seek(self, position, whence=0):
        self.at = (0, self.at, len(self))[whence] + position

    def read(self, n=-1):
        end = len(self) if n is None or n < 0 else min(len(self), self.at + n)
        data = bytes(self[self.at:end])
        self.at = end
        return data

    def readline(self):
        end = self.find(b"\n", self.at)
        end = len(self) if end < 0 else end + 1
        data = bytes(self[self.at:end])
        self.at = end
        return data

    def __iter__(self):  # iterating an mmap gives one-byte bytes objects
        return (bytes((b,)) for b in bytes.__iter__(self))


def whole_file(fileno, length=0, *args, **kwargs):
    return WholeFile(fileno, length)


def pack(layout, *values):
    """struct.pack's storage as a tuple of the values (layout: a format or a Struct)."""
    return tuple(values)


def unpack(layout, data):
    """struct.unpack, which gives back such a tuple as it is."""
    if isinstance(data, tuple):
        return data
    if isinstance(layout, struct.Struct):
        return layout.unpack(data)
    return struct.unpack(layout, data)


