"""Memory by line's own run (heapwise_check.run_profile), tested the same
way on every CPython here (cpython_checks.py --harness) and in the page's
Pyodide (checks.test.mjs runs this file in a fresh interpreter).

PROGRAM traces itself and frees its largest structure (line 3) before it
stops: the judged run, which hands tracemalloc over, sees only what is left
at its stop(); a profile run sees line 3 at the run's peak. What PROGRAM
prints is what its own trace says (True True True False); a profile run
sends that nowhere, and the judged run prints it unchanged.
"""
import io
import struct
import sys
import tracemalloc

import heapwise_check

PROGRAM = """\
import tracemalloc
tracemalloc.start()
big = [i * 3 for i in range(200_000)]
current, peak = tracemalloc.get_traced_memory()
snapshot = tracemalloc.take_snapshot()
getattr(tracemalloc, "reset_peak", tracemalloc.clear_traces)()  # 3.8 has no reset_peak
del big, snapshot
tracemalloc.clear_traces()
small = bytes(1000)
after, after_peak = tracemalloc.get_traced_memory()
tracemalloc.stop()
print(current >= 200_000 * 4, peak >= current, 1000 <= after <= after_peak < 100_000, tracemalloc.is_tracing())
"""

# Objects the picture must draw alike in a profile run and a plain one.
SHAPES = """\
import sys

class P:
    __slots__ = ('x',)

    def __init__(self):
        self.x = 1.5

points = [P() for _ in range(100)]
name = sys.intern('shared ' * 3)
names = [name] * 50
"""


def quietly(call, *args, **kwargs):
    """call(*args, **kwargs) with what it prints kept: (its answer, the text)."""
    saved, sys.stdout = sys.stdout, io.StringIO()
    try:
        return call(*args, **kwargs), sys.stdout.getvalue()
    finally:
        sys.stdout = saved


def unsampled(drawn):
    """A picture without its boxes' samples (an object's repr may name its address)."""
    return {**drawn, "boxes": [{k: v for k, v in box.items() if k != "sample"} for box in drawn.get("boxes", [])]}


def problems():
    """What disagrees with the rules, in words (empty when all hold)."""
    found = []

    def expect(condition, what):
        if not condition:
            found.append(what)

    pointer = struct.calcsize("P")
    before = {name: getattr(tracemalloc, name) for name in ("start", "stop", "get_traced_memory", "take_snapshot")}
    profile, sent = quietly(heapwise_check.run_profile, PROGRAM)
    expect(sent == "" and profile["stdout"] == "", f"a profile run's output goes nowhere: {sent!r}")
    expect(profile["error"] is None, f"the program ran: {profile['error']}")
    whole = [f["bytes"] for f in profile["figures"] if f["label"] == heapwise_check.WHOLE_PROGRAM]
    memory = profile["line_memory"]
    if sys.version_info >= (3, 12):
        top = memory["lines"][0] if memory["lines"] else None
        expect(top is not None and top["line"] == 3 and top["bytes"] >= 200_000 * pointer,
               f"line 3 first, holding its list: {top}")
        expect(memory["windows"] == 1, f"one window of the program's own: {memory['windows']}")
        expect(whole and top and whole[0] >= top["bytes"], f"the whole-program figure {whole} is at least line 3's")
    else:
        expect(not memory["available"], "no Memory by line before 3.12")
        expect(whole and whole[0] >= 200_000 * pointer, f"the whole-program figure still: {whole}")
    walked = unsampled(quietly(heapwise_check.run_profile, SHAPES, objects=True)[0]["objects"])
    plain = unsampled(quietly(heapwise_check.run_plain, SHAPES, objects=True)[0]["objects"])
    expect(walked["boxes"] and walked == plain, f"the profile run's picture is the plain run's: {walked} against {plain}")
    judged, _ = quietly(heapwise_check.run_exercise, PROGRAM, None, line_memory=False)
    expect(judged["stdout"] == "True True True False\n", f"the program's own trace, judged: {judged['stdout']!r}")
    expect({name: getattr(tracemalloc, name) for name in before} == before, "tracemalloc's functions are put back")
    return found


if __name__ == "__main__":
    print("\n".join(problems()) or "0 problems")
