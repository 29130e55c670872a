# wrong: measures the plain list on a tenth of the text and prints ten times that peak as the peak of 50,000 names
# fails: the program measures both lists with tracemalloc and prints their peaks
import random
import sys
import tracemalloc

CATEGORIES = ["electronics", "books", "clothing", "garden", "toys"]

def make_text(n, seed=7):
    rng = random.Random(seed)
    return ",".join(rng.choice(CATEGORIES) for _ in range(n))

def names_in(text):
    begin = 0
    for position, char in enumerate(text):
        if char == ",":
            yield text[begin:position]
            begin = position + 1
    yield text[begin:]

a = next(names_in("garden,toys"))
b = "".join(["gar", "den"])
print(f"equal contents (a == b) -> {a == b}; same object (a is b) -> {a is b}")
print(f"after interning both, identical (sys.intern(a) is sys.intern(b)) -> {sys.intern(a) is sys.intern(b)}")

feed = make_text(50_000)
tracemalloc.start()
tracemalloc.reset_peak()
base = tracemalloc.get_traced_memory()[0]
separate = list(names_in(feed))
del separate
tracemalloc.reset_peak()
base = tracemalloc.get_traced_memory()[0]
separate = list(names_in(feed[:len(feed) // 10]))  # a tenth of the names measured ...
separate_bytes = (tracemalloc.get_traced_memory()[1] - base) * 10  # ... and scaled up
separate = list(names_in(feed))
separate_ids = len(set(map(id, separate)))
del separate
tracemalloc.reset_peak()
base = tracemalloc.get_traced_memory()[0]
pooled = list(map(sys.intern, names_in(feed)))
pooled_bytes = tracemalloc.get_traced_memory()[1] - base
tracemalloc.stop()
pooled_ids = len(set(map(id, pooled)))
print("without interning:", separate_bytes, "bytes,", separate_ids, "objects")
print("with interning:   ", pooled_bytes, "bytes,", pooled_ids, "objects")

tracemalloc.start()
start_bytes, _ = tracemalloc.get_traced_memory()
huge = sys.intern("".join(["z"] * 500_000) + "!")
del huge
end_bytes, _ = tracemalloc.get_traced_memory()
tracemalloc.stop()
print(f"an interned 500 kB string, deleted: {end_bytes - start_bytes:,} bytes still traced")

print("Interning shrinks the list of names ->", pooled_bytes < separate_bytes)
