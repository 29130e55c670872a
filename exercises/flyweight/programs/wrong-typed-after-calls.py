# wrong: traces the three images and the two ledgers as the task asks, then prints peaks typed in from a CPython 3.11 run
# fails: the program traces the three images of 100,000 pixels and prints their peaks
# fails: the program traces 50,000 transactions with their own Currency and 50,000 sharing them, and prints both peaks
import dataclasses
import functools
import tracemalloc
from array import array
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Colour:
    r: int
    g: int
    b: int


def colour_code(i):
    return (i * 2654435761 >> 7) & 0xFFF


def channels(code):
    return (code >> 8) * 17, (code >> 4 & 15) * 17, (code & 15) * 17


def pixels_with_objects(n):
    return [Colour(*channels(colour_code(i))) for i in range(n)]


@functools.lru_cache(maxsize=None)
def shared_colour(r, g, b):
    return Colour(r, g, b)


def pixels_shared(n):
    return [shared_colour(*channels(colour_code(i))) for i in range(n)]


def pixels_indexed(n):
    palette = [shared_colour(*channels(code)) for code in range(4096)]
    codes = array("H", (colour_code(i) for i in range(n)))
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


@functools.lru_cache(maxsize=None)
def currency(code):
    return Currency(*CURRENCY_FIELDS[code])


def traced(build):
    tracemalloc.start()
    result = build()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return result, peak


N = 100_000
_, own_peak = traced(lambda: pixels_with_objects(N))
_, shared_peak = traced(lambda: pixels_shared(N))
_, indexed_peak = traced(lambda: pixels_indexed(N))
# The three images were traced above; the peaks printed are a CPython 3.11 run's, typed in.
print(f"a Colour per pixel: {6_401_292:,} B")
print(f"shared Colours:     {1_440_284:,} B")
print(f"palette + indices:  {237_784:,} B")

codes = list(CURRENCY_FIELDS)
_, copies_peak = traced(lambda: [(i * 0.25, Currency(*CURRENCY_FIELDS[codes[i % 4]])) for i in range(50_000)])
_, shared_ledger_peak = traced(lambda: [(i * 0.25, currency(codes[i % 4])) for i in range(50_000)])
print(f"ledger, own Currency each: {7_644_560:,} B; shared: {4_444_816:,} B")  # typed, after tracing both
try:
    currency("EUR").symbol = "E"
except dataclasses.FrozenInstanceError as err:
    print(f"changing a shared currency: {type(err).__name__}: {err}")

print(f"palette indices < shared colours < a colour per pixel: {indexed_peak < shared_peak < own_peak}")
