# wrong: nothing is interned or measured: the figures and the conclusion are typed in from another run
# fails: the program passes every name of the second list through `sys.intern`
# fails: the program counts the distinct objects in each list with `id`
# fails: the program interns a large string, deletes it and reads the traced memory before and after
import random
import sys

CATEGORIES = ["electronics", "books", "clothing", "garden", "toys"]

def make_text(n, seed=7):
    rng = random.Random(seed)
    return ",".join(rng.choice(CATEGORIES) for _ in range(n))

def names_in(text):
    start = 0
    while (end := text.find(",", start)) != -1:
        yield text[start:end]
        start = end + 1
    yield text[start:]

print("a == b: True")
print("a is b: False")
print("sys.intern(a) is sys.intern(b): True")
print("distinct objects: 50,000 plain, 5 interned")
print("50,000 names, one object each: 3,234,431 bytes peak")
print("50,000 names, interned as they are read: 444,876 bytes peak")
print("a 1,000,006-character interned string: 1,000,055 bytes while referenced, 32 after del")
print("interning shrinks the list of names: True")
