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

# A program that traces itself and frees its largest structure (line 3)
# before it stops: the judged run sees only what is left at its stop(); a
# profile run (heapwise_check.run_profile) sees line 3 at the run's peak.
# Read by cpython_checks.py and checks.test.mjs. What it prints is what its
# window on the profile's trace says (True True True False); a profile run
# sends it nowhere, and the judged run prints the same from its own trace.
