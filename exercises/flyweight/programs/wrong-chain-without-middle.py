# wrong: step 6, the last line is not the chained comparison: it checks indexed < objects and shared < objects, never indexed < shared
# fails: the last line compares the palette image with the shared one too: run again with a `pixels_indexed` that peaks between the other two, it says False
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

_colours = {}

def shared_colour(r, g, b):
    key = (r, g, b)
    colour = _colours.get(key)
    if colour is None:
        colour = _colours[key] = Colour(r, g, b)
    return colour

def pixels_shared(n):
    return [shared_colour(*channels(colour_code(i))) for i in range(n)]

def pixels_indexed(n):
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
    if code not in _currencies:
        _currencies[code] = Currency(*CURRENCY_FIELDS[code])
    return _currencies[code]

def peak(build, *args):
    tracemalloc.start()
    result = build(*args)
    top = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return result, top

N = 100_000
objects, objects_peak = peak(pixels_with_objects, N)
shared, shared_peak = peak(pixels_shared, N)
(palette, codes), indexed_peak = peak(pixels_indexed, N)
print(f"a Colour per pixel: peak {objects_peak:,} B ({len({id(c) for c in objects}):,} objects)")
print(f"shared colours:     peak {shared_peak:,} B ({len({id(c) for c in shared}):,} objects)")
print(f"palette + codes:    peak {indexed_peak:,} B")
assert all(palette[codes[i]] == objects[i] == shared[i] for i in range(N))
del objects, shared, palette, codes

codes_cycle = list(CURRENCY_FIELDS)

def ledger_own(n):
    return [(i, Currency(*CURRENCY_FIELDS[codes_cycle[i % 4]])) for i in range(n)]

def ledger_shared(n):
    return [(i, currency(codes_cycle[i % 4])) for i in range(n)]

_, own_peak = peak(ledger_own, 50_000)
_, share_peak = peak(ledger_shared, 50_000)
print(f"50,000 transactions, own Currency each: peak {own_peak:,} B")
print(f"50,000 transactions, shared Currency:   peak {share_peak:,} B")

euro = currency("EUR")
try:
    euro.symbol = "EUR"
except dataclasses.FrozenInstanceError as err:
    print(f"changing a shared currency fails: {type(err).__name__}: {err}")

print(f"palette indices < shared colours < a colour per pixel: {indexed_peak < objects_peak and shared_peak < objects_peak}")
