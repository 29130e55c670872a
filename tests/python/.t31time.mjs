import fs from "node:fs";
import { pyodideRunner } from "./pyodide-runner.mjs";
const slug = process.argv[2];
const runner = await pyodideRunner();
const py = await runner.fresh();
const src = fs.readFileSync(`exercises/${slug}/reference.py`, "utf8");
py.FS.writeFile(`${py.FS.cwd()}/solution.py`, src);
py.globals.set("SOURCE", src);
py.globals.set("CHECKS", fs.readFileSync(`exercises/${slug}/check.py`, "utf8"));
const out = py.runPython(`
import sys, time
marks = []
t0 = time.perf_counter()
def hook(event, args):
    if event in ("heapwise.check", "heapwise.checked", "heapwise.phase"):
        marks.append((time.perf_counter() - t0, event, args[1] if len(args) > 1 else None))
sys.addaudithook(hook)
res = heapwise_check.run_exercise(SOURCE, CHECKS)
names = [c["name"] for c in res["checks"]]
start = {}
lines = []
for t, ev, a in marks:
    if ev == "heapwise.phase": lines.append(f"{t:7.2f} phase {a}")
    if ev == "heapwise.check": start[a] = t
    if ev == "heapwise.checked": lines.append(f"{t - start[a]:7.2f} s  check {a}: {names[a][:80]}")
lines.append(f"total {time.perf_counter() - t0:.2f} ok={res['ok']}")
"\\n".join(lines)
`);
console.log(out);
process.exit(0);
