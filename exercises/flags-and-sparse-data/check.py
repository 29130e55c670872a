"""Checks for flags-and-sparse-data: pack and flag_at round-trip the flags
at about one bit each, sparse_scores keeps exactly the ids that have a
score and beats the mostly-empty list when they are few, and the program
reports where the dict stops winning."""
import random
import sys

from heapwise_check import check, fail


@check("pack(flags) and flag_at(bitmap, i) give back every flag")
def _(p):
    pack, flag_at = p.get("pack", callable), p.get("flag_at", callable)
    rng = random.Random(11)
    for n in (1, 7, 8, 9, 64, 1_001):
        flags = [rng.random() < 0.4 for _ in range(n)]
        bitmap = pack(flags)
        got = [bool(flag_at(bitmap, i)) for i in range(n)]
        if got != flags:
            wrong = next(i for i in range(n) if got[i] != flags[i])
            fail(f"For {n} flags, `flag_at(pack(flags), {wrong})` gave {got[wrong]} but flag {wrong} is "
                 f"{flags[wrong]}. Flag i lives in bit `i & 7` of byte `i >> 3`.")


@check("pack stores about one bit per flag (measured here)")
def _(p):
    pack = p.get("pack", callable)
    n = 80_000
    flags = [i % 3 == 0 for i in range(n)]
    bitmap, peak = p.measure(f"pack({n:,} flags)", lambda: pack(flags))
    bits = n // 8
    if peak > 2.5 * bits + 2_048 or sys.getsizeof(bitmap) > 1.2 * bits + 256:
        fail(f"Packing {n:,} flags peaked at {peak:,} bytes and the result is {sys.getsizeof(bitmap):,} "
             f"bytes; one bit per flag is {bits:,} bytes. Store them in a `bytearray((len(flags) + 7) // 8)`, "
             "eight flags to a byte.")
    return f"{peak:,} bytes at the peak for {n:,} flags."


@check("sparse_scores(n, per_mille) holds exactly the ids that have a score")
def _(p):
    sparse_scores = p.get("sparse_scores", callable)
    has_score, score = p.get("has_score", callable), p.get("score", callable)
    for n, per_mille in ((2_000, 1), (2_000, 50), (2_000, 500)):
        want = {i: score(i) for i in range(n) if has_score(i, per_mille)}
        got = sparse_scores(n, per_mille)
        if len(got) != len(want):
            fail(f"`sparse_scores({n:,}, {per_mille})` holds {len(got):,} entries, but only {len(want):,} ids "
                 "have a score: keep just those ids, with no placeholder for the others.")
        for i, value in want.items():
            if got[i] != value:
                fail(f"`sparse_scores({n:,}, {per_mille})[{i}]` is {got[i]!r}; the score of id {i} is {value!r}.")


@check("at 5% of ids the dict is smaller than the mostly-empty list (measured here)")
def _(p):
    sparse_scores, dense_scores = p.get("sparse_scores", callable), p.get("dense_scores", callable)
    as_dict = p.peak("sparse_scores(50,000, 50)", lambda: sparse_scores(50_000, 50))
    as_list = p.peak("dense_scores(50,000, 50)", lambda: dense_scores(50_000, 50))
    if as_dict * 4 > as_list * 3:
        fail(f"Measured here, at 5% the dict peaked at {as_dict:,} bytes and the list at {as_list:,}: with "
             "only the present ids, the dict should be well below the list.")
    return f"{as_dict:,} bytes as a dict, {as_list:,} as a list."


@check("the program prints the densities where the dict stops being smaller")
def _(p):
    p.printed(r"\d+(\.\d+)?\s*%.*\d+(\.\d+)?\s*%",
              "Step 4 asks for the densities between which the dict stops being the smaller one; no printed "
              "line gives two percentages, such as \"the dict is smaller up to 10% and larger from 15%\".")


@check("the last line says bitmap < list of bools and dict < mostly-empty list at 5%: True")
def _(p):
    said = p.expect_last_line(r"bitmap < list of bools and dict < mostly-empty list at 5%: (True|False)",
                              "bitmap < list of bools and dict < mostly-empty list at 5%: True")
    if said.group(1) != "True":
        fail("Your program concluded False, but the bitmap is far smaller than the list of bools and at 5% "
             "the dict is smaller than the list. Compare each pair of peaks, measured one at a time.")
