# wrong: step 5, the symbol change is tried on a freshly built Currency, not on a shared one from currency()
# fails: the program tries to change a shared currency's symbol and prints the error
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
    # Pixel i's colour as a number from 0 to 4,095
    return (i * 2654435761 >> 7) & 0xFFF

def channels(code):
    return (code >> 8) * 17, (code >> 4 & 15) * 17, (code & 15) * 17

def pixels_with_objects(n):
    return [Colour(*channels(colour_code(i))) for i in range(n)]

COLOUR_POOL = {}

def shared_colour(r, g, b):
    try:
        return COLOUR_POOL[r, g, b]
    except KeyError:
        return COLOUR_POOL.setdefault((r, g, b), Colour(r, g, b))

def pixels_shared(n):
    image = []
    for i in range(n):
        image.append(shared_colour(*channels(colour_code(i))))
    return image

def pixels_indexed(n):
    palette = [Colour(*channels(code)) for code in range(4096)]
    codes = array("H")
    for i in range(n):
        codes.append(colour_code(i))
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

tracemalloc.start()
img1 = pixels_with_objects(100_000)
p_objects = tracemalloc.get_traced_memory()[1]
tracemalloc.stop()
del img1

tracemalloc.start()
img2 = pixels_shared(100_000)
p_shared = tracemalloc.get_traced_memory()[1]
tracemalloc.stop()
del img2

tracemalloc.start()
img3 = pixels_indexed(100_000)
p_indexed = tracemalloc.get_traced_memory()[1]
tracemalloc.stop()
del img3

print("peaks for 100,000 pixels:")
print("  %-22s %10d bytes" % ("a Colour per pixel", p_objects))
print("  %-22s %10d bytes" % ("shared colours", p_shared))
print("  %-22s %10d bytes" % ("palette indices", p_indexed))

order = ["EUR", "USD", "JPY", "CHF"]
tracemalloc.start()
own = [{"amount": i, "currency": Currency(*CURRENCY_FIELDS[order[i % 4]])} for i in range(50_000)]
p_own = tracemalloc.get_traced_memory()[1]
tracemalloc.stop()
del own
tracemalloc.start()
shared_ledger = [{"amount": i, "currency": currency(order[i % 4])} for i in range(50_000)]
p_share = tracemalloc.get_traced_memory()[1]
tracemalloc.stop()
print("ledger, a Currency per transaction: %d bytes" % p_own)
print("ledger, shared currencies: %d bytes" % p_share)
print("distinct Currency objects in the shared ledger: %d" % len({id(t["currency"]) for t in shared_ledger}))

try:
    Currency(*CURRENCY_FIELDS["USD"]).symbol = "US$"
except dataclasses.FrozenInstanceError as exc:
    print("cannot change a shared currency: %r" % exc)

print("palette indices < shared colours < a colour per pixel: %s" % (p_indexed < p_shared < p_objects))
