"""Checks for collection-pauses: collections_during counts collections per
generation, build_without_pauses builds cyclic pairs with no collection and
restores the collector's state, churn_then_collect finds the garbage with a
single collection, and the program's conclusion."""
import gc

from heapwise_check import check, fail


def collections():
    return [generation["collections"] for generation in gc.get_stats()]


def cleanup():
    """Undo what a student's function may have left: frozen objects, a
    disabled collector."""
    gc.unfreeze()
    gc.enable()
    gc.collect()


@check("collections_during(work) returns work's result and the collections per generation meanwhile")
def _(p):
    during = p.get("collections_during", callable)
    result = during(lambda: (gc.collect(0), gc.collect(0), gc.collect(2), "done")[-1])
    if not (isinstance(result, tuple) and len(result) == 2):
        fail(f"`collections_during(work)` returned {result!r}; it should return a pair: work()'s result and "
             "a list with the number of collections per generation.")
    value, counts = result
    if value != "done":
        fail(f"`collections_during(work)` gave back {value!r} as work()'s result instead of what work() returned.")
    if list(counts) != [2, 0, 1]:
        fail(f"Around two `gc.collect(0)` calls and one `gc.collect(2)`, `collections_during` reported {list(counts)}; "
             "expected [2, 0, 1]. Subtract each generation's `\"collections\"` in `gc.get_stats()` before from after.")


@check("build_without_pauses(n) builds n cyclic pairs with no collection, and restores the collector")
def _(p):
    build = p.get("build_without_pauses", callable)
    try:
        for enabled in (True, False):
            cleanup()
            if not enabled:
                gc.disable()
            before = collections()
            pairs = build(100_000)
            spare = [[] for _ in range(20)]  # the first allocations after it returns
            ran = [b - a for a, b in zip(before, collections())]
            if gc.isenabled() != enabled:
                fail(f"The collector was {'enabled' if enabled else 'disabled'} before `build_without_pauses` and "
                     f"{'enabled' if gc.isenabled() else 'disabled'} after it: put it back as it was (save "
                     "`gc.isenabled()` first).")
            if len(pairs) != 100_000 or any(pair.partner.partner is not pair for pair in pairs[::997]):
                fail("`build_without_pauses(100_000)` should return 100,000 pairs whose nodes point at each other, "
                     "as `build_pairs` does.")
            if sum(ran):
                fail(f"{sum(ran)} collection(s) ran while `build_without_pauses(100_000)` built its pairs or just "
                     f"after it returned (per generation {ran}). Disable the collector while building, and call "
                     "`gc.freeze()` before turning it back on, so the new objects do not set off a collection.")
            del pairs, spare
    finally:
        cleanup()


@check("churn_then_collect(n) makes the garbage with the collector off and finds it in one collection")
def _(p):
    churn_then_collect = p.get("churn_then_collect", callable)
    try:
        cleanup()
        before = collections()
        found = churn_then_collect(20_000)
        ran = [b - a for a, b in zip(before, collections())]
        if not isinstance(found, int) or found < 40_000:
            fail(f"`churn_then_collect(20_000)` returned {found!r}; the one collection at the end should find the "
                 "40,000 nodes of the 20,000 short-lived pairs. Return what `gc.collect()` returns.")
        if sum(ran) != 1:
            fail(f"{sum(ran)} collections ran during `churn_then_collect(20_000)` (per generation {ran}); with the "
                 "collector disabled during the churn there should be exactly one, yours at the end.")
        if not gc.isenabled():
            fail("The collector is still disabled after `churn_then_collect`: enable it again in a `finally:` block.")
        off = p.peak("churn_then_collect(20,000)", lambda: churn_then_collect(20_000))
        on = p.peak("churn(20,000) with the collector on", lambda: p.get("churn", callable)(20_000))
        return f"peak {off:,} bytes with the collector off until the end, {on:,} with it on."
    finally:
        cleanup()


@check("the last line says disabling the collector trades memory for no pauses: True")
def _(p):
    said = p.expect_last_line(r"disabling the collector trades memory for no pauses: (True|False)",
                              "disabling the collector trades memory for no pauses: True")
    if said.group(1) != "True":
        fail("Your program concluded False. The build with the collector off should run no collection, and "
             "100,000 short-lived cyclic pairs should peak far higher with the collector off than on.")
