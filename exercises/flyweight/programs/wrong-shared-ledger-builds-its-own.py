# wrong: held-out round 8: the 'shared' ledger builds its own Currency per transaction; its peak and a colour image's differ by about the records' size
# fails: the program traces 50,000 transactions with their own Currency and 50,000 sharing them, and prints both peaks
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
    # Pixel i's colour as a number from 0 to 4,095
    return (i * 2654435761 >> 7) & 0xFFF


def channels(code):
    return (code >> 8) * 17, (code >> 4 & 15) * 17, (code & 15) * 17


def pixels_with_objects(n):
    return [Colour(*channels(colour_code(i))) for i in range(n)]


_colour_pool = {}


def shared_colour(r, g, b):
    key = (r, g, b)
    colour = _colour_pool.get(key)
    if colour is None:
        colour = Colour(r, g, b)
        _colour_pool[key] = colour
    return colour


def pixels_shared(n):
    return [shared_colour(*channels(colour_code(i))) for i in range(n)]


def pixels_indexed(n):
    palette = [Colour(*channels(code)) for code in range(4096)]
    codes = array('H', map(colour_code, range(n)))
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
    cur = _currencies.get(code)
    if cur is None:
        cur = _currencies[code] = Currency(*CURRENCY_FIELDS[code])
    return cur


def traced_peak(build, *args):
    tracemalloc.start()
    built = build(*args)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return built, peak


N = 100_000
per_pixel, objects_peak = traced_peak(pixels_with_objects, N)
shared, shared_peak = traced_peak(pixels_shared, N)
(palette, codes), indexed_peak = traced_peak(pixels_indexed, N)
assert all(palette[codes[i]] == per_pixel[i] == shared[i] for i in range(N))
print(f"a Colour per pixel: peak {objects_peak:,} B, {len({id(c) for c in per_pixel}):,} objects")
print(f"shared colours:     peak {shared_peak:,} B, {len({id(c) for c in shared}):,} objects")
print(f"palette + indices:  peak {indexed_peak:,} B, {len(palette):,} palette entries")
del per_pixel, shared, palette, codes

CODES = list(CURRENCY_FIELDS)
T = 50_000


def ledger_own(t):
    return [(i, 100 + i % 997, Currency(*CURRENCY_FIELDS[CODES[i % 4]])) for i in range(t)]


def ledger_shared(t):
    return [(i, 100 + i % 997, Currency(*CURRENCY_FIELDS[CODES[i % 4]])) for i in range(t)]


own, own_peak = traced_peak(ledger_own, T)
shared_ledger, shared_ledger_peak = traced_peak(ledger_shared, T)
print(f"{T:,} transactions, own Currency each: peak {own_peak:,} B")
print(f"{T:,} transactions, shared Currency:   peak {shared_ledger_peak:,} B")

try:
    currency("EUR").symbol = "E"
except dataclasses.FrozenInstanceError as exc:
    print(f"changing a shared currency's symbol: FrozenInstanceError: {exc}")

print("palette indices < shared colours < a colour per pixel:",
      indexed_peak < shared_peak < objects_peak)
