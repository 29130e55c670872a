"""Checks for copy-on-write: CowView shares the dict until its first write,
then writes into a private copy made once, so no other view or the original
ever sees the change."""
from heapwise_check import check, fail


def config():
    return {f"key{i}": i for i in range(10_000)}


@check("a write through one CowView is invisible to another view and to the original dict")
def _(p):
    view = p.get("CowView", type)
    data = config()
    writer, reader = view(data), view(data)
    if writer.get("key5") != 5:
        fail(f"`CowView(config).get(\"key5\")` returned {writer.get('key5')!r}; a fresh view should read "
             "through to the dict it was given (5).")
    writer.set("key0", -1)
    if writer.get("key0") != -1:
        fail("After `writer.set(\"key0\", -1)`, `writer.get(\"key0\")` does not return -1.")
    if reader.get("key0") != 0 or data["key0"] != 0:
        fail("A write through one CowView changed the shared dict: the other view or the original now "
             "sees it. Copy the dict on the first write and write into the copy.")


@check("creating CowViews copies nothing (measured here)")
def _(p):
    view = p.get("CowView", type)
    eager = p.get("EagerView", type)
    data = config()
    eager_bytes = p.peak("two EagerViews created", lambda: (eager(data), eager(data)))
    cow_bytes = p.peak("two CowViews created", lambda: (view(data), view(data)))
    if cow_bytes * 20 > eager_bytes:
        fail(f"Creating two CowViews over a 10,000-entry dict took {cow_bytes:,} bytes at peak, against "
             f"{eager_bytes:,} for two EagerViews: the constructor should keep the dict it is given, "
             "not copy it.")
    return f"{cow_bytes:,} bytes, against {eager_bytes:,} for two EagerViews."


@check("a CowView copies once, on its first write, and keeps its own writes")
def _(p):
    view = p.get("CowView", type)
    data = config()
    writer = view(data)
    first = p.peak("first write through a CowView", lambda: writer.set("key0", -1))
    second = p.peak("second write through the same CowView", lambda: writer.set("key1", -2))
    if writer.get("key0") != -1 or writer.get("key1") != -2:
        fail("After two writes through the same CowView, it no longer returns the first one: copy only "
             "on the first write, and write every later change into that same copy.")
    if second * 20 > first:
        fail(f"The second write took {second:,} bytes at peak, the first {first:,}: the view copied the "
             "dict again. Remember that it owns its copy (a flag set on the first write).")


@check("the last line says copy-on-write holds less after one write: True")
def _(p):
    said = p.expect_last_line(r"copy-on-write holds less after one write: (True|False)",
                              "copy-on-write holds less after one write: True")
    if said.group(1) != "True":
        fail("Your program concluded False: after one write the copy-on-write views hold one copy and "
             "the eager views two, so copy-on-write should hold less.")
