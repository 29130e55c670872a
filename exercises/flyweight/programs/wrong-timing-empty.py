# wrong: the timing line times an empty loop: step() is never called inside the timed rounds
# fails: a timing line, when the program prints one, timed `pixels_indexed` really running
import dataclasses
import platform
import struct
import sys
import time
import tracemalloc
from array import array
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Colour:
    r: int
    g: int
    b: int


def colour_code(i):
    """The colour of pixel i as a number from 0 to 4,095: a fixed scramble
    of i, so neighbouring pixels differ and every colour turns up."""
    return (i * 2654435761 >> 7) & 0xFFF


def channels(code):
    """Red, green and blue of a colour code: 16 levels each, 0 to 255."""
    return (code >> 8) * 17, (code >> 4 & 15) * 17, (code & 15) * 17


_shared_colours = {}


def shared_colour(r, g, b):
    """The one Colour object for (r, g, b), created on first use."""
    key = (r, g, b)
    colour = _shared_colours.get(key)
    if colour is None:
        colour = _shared_colours[key] = Colour(r, g, b)
    return colour


def pixels_with_objects(n):
    return [Colour(*channels(colour_code(i))) for i in range(n)]


def pixels_shared(n):
    return [shared_colour(*channels(colour_code(i))) for i in range(n)]


def pixels_indexed(n):
    """A palette of every colour, and one two-byte palette index per pixel."""
    palette = [Colour(*channels(code)) for code in range(4096)]
    codes = array("H", map(colour_code, range(n)))
    return palette, codes


@dataclass(frozen=True, slots=True)
class Currency:
    code: str
    name: str
    symbol: str
    decimals: int


CURRENCY_FIELDS = {
    "EUR": ("EUR", "euro", "€", 2),
    "USD": ("USD", "US dollar", "$", 2),
    "JPY": ("JPY", "yen", "¥", 0),
    "CHF": ("CHF", "Swiss franc", "CHF", 2),
}
_currencies = {}


def currency(code):
    """The one Currency record for `code`, created on first use."""
    found = _currencies.get(code)
    if found is None:
        found = _currencies[code] = Currency(*CURRENCY_FIELDS[code])
    return found


class Transaction:
    __slots__ = ("cents", "currency")

    def __init__(self, cents, currency):
        self.cents = cents
        self.currency = currency


CODES = list(CURRENCY_FIELDS)


def transactions_with_copies(n):
    return [Transaction(i * 7 % 10_000, Currency(*CURRENCY_FIELDS[CODES[i % 4]])) for i in range(n)]


def transactions_shared(n):
    return [Transaction(i * 7 % 10_000, currency(CODES[i % 4])) for i in range(n)]


def traced_peak(build):
    """Peak bytes traced while build() runs, and what it returned."""
    tracemalloc.start()
    built = build()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak, built


def best_time_us(step, repeats=5, calls=1):
    """Microseconds per call of step(): the best of `repeats` timings of `calls` calls."""
    assert not tracemalloc.is_tracing(), "tracemalloc slows every allocation: time with it stopped"
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        for _ in range(calls):
            pass
        best = min(best, time.perf_counter() - started)
    return best / calls * 1e6


print(f"CPython {platform.python_version()}, {struct.calcsize('P') * 8}-bit")

print(f"Colour(255, 0, 0) == Colour(255, 0, 0): {Colour(255, 0, 0) == Colour(255, 0, 0)}")
print(f"Colour(255, 0, 0) is Colour(255, 0, 0): {Colour(255, 0, 0) is Colour(255, 0, 0)}")
print(f"shared_colour(255, 0, 0) is shared_colour(255, 0, 0): "
      f"{shared_colour(255, 0, 0) is shared_colour(255, 0, 0)}")
same_size = sys.getsizeof(shared_colour(255, 0, 0)) == sys.getsizeof(Colour(255, 0, 0))
print(f"sys.getsizeof(shared_colour(255, 0, 0)) == sys.getsizeof(Colour(255, 0, 0)): {same_size}")
_shared_colours.clear()  # measure the cache from empty below

n = 100_000
own_peak, own = traced_peak(lambda: pixels_with_objects(n))
own_objects = len({id(colour) for colour in own})
del own
shared_peak, shared = traced_peak(lambda: pixels_shared(n))
shared_objects = len({id(colour) for colour in shared})
indexed_peak, (palette, codes) = traced_peak(lambda: pixels_indexed(n))
same_pixels = all(palette[code] == colour for code, colour in zip(codes, shared))
del shared

print(f"one Colour object: {sys.getsizeof(Colour(0, 0, 0))} bytes")
print(f"{n:,} pixels, a new Colour each: {own_peak:,} bytes peak, "
      f"{own_peak / n:.1f} per pixel, {own_objects:,} Colour objects")
print(f"{n:,} pixels, shared Colours from a cache: {shared_peak:,} bytes peak, "
      f"{shared_peak / n:.1f} per pixel, {shared_objects:,} Colour objects")
print(f"{n:,} pixels, palette indices in array('H'): {indexed_peak:,} bytes peak, "
      f"{indexed_peak / n:.1f} per pixel, palette of {len(palette):,}")
print(f"the three images hold the same colours: {same_pixels}")
print(f"a list slot (one pointer): {struct.calcsize('P')} bytes; an array('H') item: {codes.itemsize} bytes")

m = 50_000
copies_peak, _ = traced_peak(lambda: transactions_with_copies(m))
shared_currency_peak, ledger = traced_peak(lambda: transactions_shared(m))
print(f"{m:,} transactions, a Currency copy each: {copies_peak:,} bytes peak")
print(f"{m:,} transactions, {len(_currencies)} shared Currency records: {shared_currency_peak:,} bytes peak")
print(f"one Currency record: {sys.getsizeof(currency('EUR'))} bytes; sharing saved "
      f"{(copies_peak - shared_currency_peak) / m:.1f} bytes per transaction")
print(f"ledger[0].currency is ledger[4].currency: {ledger[0].currency is ledger[4].currency}")
try:
    ledger[0].currency.symbol = "EUR"
except dataclasses.FrozenInstanceError as error:
    print(f"changing a shared Currency: FrozenInstanceError: {error}")

# The palette image untraced, then every pixel's colour looked up in the
# palette and its three levels (0 to 15) added up: the page sets this time
# beside the Rust variant that stores a u16 palette index per pixel, for as
# many pixels and colours, and sums them the same way.
us = best_time_us(lambda: sum((c.r + c.g + c.b) // 17 for palette, codes in [pixels_indexed(n)]
                              for c in map(palette.__getitem__, codes)))
print(f"timing: variant optimized at pixels={n}, colours={len(palette)}: {us:.1f} us per call, "
      f"best of 5 (tracemalloc off)")
print(f"palette indices < shared colours < a colour per pixel: {indexed_peak < shared_peak < own_peak}")
