# wrong: half the task: the phases are measured with and without freeing, but there is no top_sites and no monitor
# fails: `top_sites` names each line by a label that does not move when the file is edited
# fails: the program prints the three biggest lines as `<label>: <size> bytes in <count> blocks`
# fails: `MemoryMonitor` samples in the background while the job runs, and `stop()` ends it
# fails: `report()` gives the highest sample and the top allocators of the snapshot taken then
# fails: the program prints only what is always true of its monitor: that it took samples, that none is above the traced peak, and the top allocator
import tracemalloc

N = 20_000


def build(n):
    return [{"id": i, "samples": [float((i + j) % 97) for j in range(8)]} for i in range(n)]  # site: build


def transform(records, consume):
    out = []
    for i, record in enumerate(records):
        out.append([v * 3 for v in record["samples"]])  # site: transform
        if consume:
            records[i] = None
    return out


def aggregate(scaled, consume):
    totals = [0.0] * 100
    for i, values in enumerate(scaled):
        totals[i % 100] += sum(values)
        if consume:
            scaled[i] = None
    return totals


def run_job(free_inputs):
    tracemalloc.start()
    peaks = {}
    before = tracemalloc.get_traced_memory()[0]
    records = build(N)
    now, peaks["build"] = tracemalloc.get_traced_memory()
    added = {"build": now - before}
    tracemalloc.reset_peak()
    scaled = transform(records, free_inputs)
    if free_inputs:
        del records
    before, (now, peaks["transform"]) = now, tracemalloc.get_traced_memory()
    added["transform"] = now - before
    tracemalloc.reset_peak()
    totals = aggregate(scaled, free_inputs)
    before, (now, peaks["aggregate"]) = now, tracemalloc.get_traced_memory()
    added["aggregate"] = now - before
    tracemalloc.stop()
    return totals, added, peaks


results = {}
for free in (False, True):
    totals, added, peaks = run_job(free)
    results[free] = (totals, max(peaks.values()))
    print(f"free={free}: added {added}, peaks {peaks}, most added by {max(added, key=added.get)}, "
          f"overall peak {max(peaks.values()):,}")
print("same answer:", results[False][0] == results[True][0])
print("freeing each phase's input lowers the peak:", results[True][1] < results[False][1])
