# wrong: measures and prints the three peaks, but the last line is typed: True whatever the peaks are
# fails: the last line is the program's own comparison: run again with a `pixels_indexed` that holds 32 MB more while it builds, it says False
import dataclasses
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


colour_cache = {}


def shared_colour(r, g, b):
    key = (r, g, b)
    if key not in colour_cache:
        colour_cache[key] = Colour(r, g, b)
    return colour_cache[key]


def pixels_shared(n):
    return [shared_colour(*channels(colour_code(i))) for i in range(n)]


def pixels_indexed(n):
    palette = []
    for code in range(4096):
        palette.append(Colour(*channels(code)))
    codes = array("H")
    i = 0
    while i < n:
        codes.append(colour_code(i))
        i += 1
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
shared_currencies = {}


def currency(code):
    found = shared_currencies.get(code)
    if found is None:
        found = shared_currencies[code] = Currency(*CURRENCY_FIELDS[code])
    return found


def peak_of(build):
    tracemalloc.reset_peak()
    before = tracemalloc.get_traced_memory()[0]
    result = build()
    peak = tracemalloc.get_traced_memory()[1] - before
    del result
    return peak


tracemalloc.start()
peaks = {
    "objects": peak_of(lambda: pixels_with_objects(100_000)),
    "shared": peak_of(lambda: pixels_shared(100_000)),
    "indexed": peak_of(lambda: pixels_indexed(100_000)),
}
for label, value in peaks.items():
    print(f"image ({label}) peak = {value / 1024:.1f} KiB")
own = peak_of(lambda: [{"amount": i, "currency": Currency(*CURRENCY_FIELDS["USD" if i % 3 else "JPY"])} for i in range(50_000)])
shared = peak_of(lambda: [{"amount": i, "currency": currency("USD" if i % 3 else "JPY")} for i in range(50_000)])
tracemalloc.stop()
print("50,000 transactions:", own, "bytes with their own currencies,", shared, "bytes sharing them")
usd = currency("USD")
try:
    usd.symbol = "US$"
except dataclasses.FrozenInstanceError as problem:
    print("cannot change it:", repr(problem))
print("Palette indices < shared colours < a colour per pixel = True")
