"""Checks for string-interning: names_in slices one name at a time out of
the text, interning leaves one object per distinct name and shrinks the
list, and the program shows == against is."""
import sys

from heapwise_check import check, fail


def names(p, text):
    names_in = p.get("names_in", callable)
    return list(names_in(text))


@check("names_in(text) yields each comma-separated name")
def _(p):
    for text, want in (("garden,toys,books", ["garden", "toys", "books"]), ("toys", ["toys"]),
                       ("books,,toys", ["books", "", "toys"])):
        got = names(p, text)
        if got != want:
            fail(f"`list(names_in({text!r}))` gave {got!r}; it should give {want!r}.")


@check("names read from the text are separate objects until they are interned")
def _(p):
    make_text = p.get("make_text", callable)
    plain = names(p, make_text(1_000))
    if len({id(name) for name in plain}) < 900:
        fail(f"The 1,000 names `names_in` read are only {len({id(n) for n in plain})} distinct objects: "
             "slice each name out of the text (`text[start:end]`), as reading a file would, and leave "
             "the interning to the second list.")
    interned = [sys.intern(name) for name in plain]
    if len({id(name) for name in interned}) != len(set(plain)):
        fail("Interning the names did not leave one object per distinct name.")


@check("interning the names as they are read shrinks the list (measured here)")
def _(p):
    make_text, names_in = p.get("make_text", callable), p.get("names_in", callable)
    text = make_text(50_000)
    plain = p.peak("50,000 names, one object each", lambda: list(names_in(text)))
    interned = p.peak("50,000 names, interned as read", lambda: [sys.intern(s) for s in names_in(text)])
    if interned * 2 > plain:
        fail(f"Measured here, the interned list peaked at {interned:,} bytes and the plain one at "
             f"{plain:,}: `names_in` seems to read every name before the first is interned. Yield one "
             "slice at a time (`yield text[start:end]` in a loop over `str.find`).")
    return f"{interned:,} bytes interned, {plain:,} without."


@check("the program shows a == b, a is b and sys.intern(a) is sys.intern(b)")
def _(p):
    p.printed(r"\bis\b.*\bFalse\s*$",
              "Step 4: no printed line shows that `a is b` is False for the two equal strings.")
    p.printed(r"intern.*\bTrue\s*$",
              "Step 4: no printed line shows that `sys.intern(a) is sys.intern(b)` is True.")


@check("the last line says interning shrinks the list of names: True")
def _(p):
    said = p.expect_last_line(r"interning shrinks the list of names: (True|False)",
                              "interning shrinks the list of names: True")
    if said.group(1) != "True":
        fail("Your program concluded False, but the interned list peaks far lower. Compare "
             "`interned_peak < plain_peak`.")
