"""The rules every exercise's programs are held to, written once and run on
both interpreters: by cpython_checks.py on CPython (each program in a fresh
process) and by pyodide-runner.mjs on the page's Pyodide under Node (each
program in a fresh interpreter restored from a snapshot).

The starter runs and fails a check with a message; a program printing only
the expected last line fails; a starter that tampers with the checker is
refused by the harness's own check; every correct program in programs/ is
Solved; every wrong one fails each check its `# fails:` lines name (judged
by those alone: named_checks.py says why); and every check is failed by the
starter or some wrong program.

`judge` is a coroutine, so that a host whose runs are asynchronous (Node's
fresh Pyodide interpreters) can drive it: `await run(source, named)` is the
host's, giving the harness's result as a dict; `named` is the list of checks
a wrong program is judged by, None for all of them. Plain Python 3.8+: the
CPython host runs it with asyncio.run, Pyodide with runPythonAsync.
"""
import json

# The harness's last check on every exercise: its own cases
# (provenance_program.RULE_CASES) show it failing.
from heapwise_check import BYTES_RULE
TAMPER_CHECK = "your program leaves the checker and its measuring tools as they were"
# Put in front of the starter, each must be refused by TAMPER_CHECK whatever
# the exercise: the key says what the program does.
TAMPERING = {
    "replaces tracemalloc's figures": "import tracemalloc\ntracemalloc.get_traced_memory = lambda: (0, 0)\n",
    "replaces the harness's checks": (
        "import sys\n"
        "sys._getframe(1).f_globals['_judge'] = lambda run: [{'name': 'all', 'passed': True, 'message': ''}]\n"),
}


def programs(files, reference):
    """exercises/<slug>/programs/ as dicts, from `files` ({file name: text},
    the folder's .py files and mutants.json) and reference.py's text:
    correct-*.py (`# correct: how it differs`) and wrong-*.py (`# wrong:
    what is wrong`, then `# fails: <check name>` lines, and `# threads:` for
    a wrong program whose defect needs a second thread, which Pyodide does
    not have), in name order; then the mutants of mutants.json (the
    reference with a few lines replaced, scripts/fold-mutants.py), whose
    `source` is None when a replaced text is not in the reference once."""
    found = []
    for name in sorted(n for n in files if n.endswith(".py")):
        source = files[name]
        kind = "correct" if name.startswith("correct-") else "wrong" if name.startswith("wrong-") else None
        header = [line for line in source.splitlines() if line.startswith("#")]
        what = next((line.split(":", 1)[1].strip() for line in header if line.startswith(f"# {kind}:")), None)
        found.append({"file": name, "kind": kind, "what": what, "source": source,
                      "fails": [line.split(":", 1)[1].strip() for line in header if line.startswith("# fails:")],
                      "threads_only": any(line.startswith("# threads:") for line in header), "mutant": False})
    for entry in json.loads(files.get("mutants.json", "[]")):
        source = reference
        for old, new in entry["replace"]:
            if source.count(old) != 1:
                source = None
                break
            source = source.replace(old, new, 1)
        found.append({"file": f"mutants.json: {entry['name']}", "kind": "wrong", "what": entry["what"],
                      "fails": entry["fails"], "source": source, "threads_only": False, "mutant": True})
    return found


def malformed(program):
    """What is wrong with a program's file itself (name, header), or None."""
    if program["source"] is None:
        return "a replacement's text is not in reference.py exactly once"
    if program["kind"] is None:
        return "name it correct-*.py or wrong-*.py"
    if program["what"] is None:
        return f"its header needs a '# {program['kind']}: ...' line"
    if program["kind"] == "wrong" and not program["fails"]:
        return "a wrong program names the check(s) it fails ('# fails: ...')"
    if program["kind"] == "correct" and program["threads_only"]:
        return "only a wrong program may be judged on CPython alone ('# threads:')"
    return None


def failing(result):
    return [c for c in result["checks"] if not c["passed"]]


def describe(result):
    lines = [f"    {'pass' if c['passed'] else 'FAIL'} {c['name']}: {c['message']}" for c in result["checks"]]
    if result.get("error"):
        lines.append("    error: " + result["error"]["traceback"].strip().replace("\n", "\n    "))
    return "\n".join(lines)


async def judge(run, starter, expected, listed, correct=True, wrong=True, mutants=True, threads=True,
                every_check=True, all_checks=False, said=None, guards=True):
    """The problems of one exercise's programs under these rules, as a list
    of sentences. `listed`: programs(...). Left out on request, each kind
    run elsewhere: `correct` programs, hand-written `wrong` ones, `mutants`
    (a wrong program left out counts the checks it names as failed), those
    that need `threads`; `every_check`: whether every check must be failed
    by the starter or some wrong program. `all_checks`: judge a wrong
    program by every check, not only those it names (--verbose); `said`
    hears which checks each program failed. `guards`: the print-only and
    tampered programs, whose verdicts are the harness's own logic (the
    tampering routes are run in Pyodide by checks.test.mjs, every one),
    left out where another interpreter judges them."""
    problems = []
    started = await run(starter, None)
    if not started["checks"]:
        problems.append("check.py defines no checks")
    if started.get("error"):
        problems.append(f"the starter raised {started['error']['type']} under the harness:\n"
                        f"{started['error'].get('traceback', '')}")
    if not failing(started):
        problems.append("the starter passes every check")
    if any(not c["message"].strip() for c in failing(started)):
        problems.append("a check failed the starter without a message")
    caught = {c["name"] for c in failing(started)}
    if guards:
        faked = await run(f"print({json.dumps(expected)})\n", None)
        if not failing(faked):
            problems.append("a program printing only the expected last line passes every check")
        caught |= {c["name"] for c in failing(faked)}

    for what, prefix in TAMPERING.items() if guards else ():
        tampered = await run(f"# {what}\n{prefix}{starter}", None)
        if tampered.get("ok") or not any(c["name"] == TAMPER_CHECK and not c["passed"] for c in tampered["checks"]):
            problems.append(f"a starter that {what} is not refused by the harness's check \"{TAMPER_CHECK}\"")

    for program in listed:
        where = f"programs/{program['file']}"
        fault = malformed(program)
        if fault:
            problems.append(f"{where}: {fault}")
            continue
        is_wrong = program["kind"] == "wrong"
        wanted = (mutants if program["mutant"] else wrong) if is_wrong else correct
        if not wanted or (program["threads_only"] and not threads):
            if is_wrong:
                caught.update(program["fails"])
            continue
        result = await run(program["source"], program["fails"] if is_wrong and not all_checks else None)
        failed = {c["name"] for c in failing(result)}
        if said is not None:
            said(program["file"], sorted(failed))
        if not is_wrong:
            if not result["ok"]:
                problems.append(f"{where} is correct ({program['what']}) but is not solved:\n{describe(result)}")
            continue
        if result["ok"]:
            problems.append(f"{where} is wrong ({program['what']}) but is solved")
        names = {c["name"] for c in result["checks"]}
        for name in program["fails"]:
            if name not in failed:
                problems.append(f"{where} ({program['what']}) should fail the check \"{name}\"" +
                                ("" if name in names else " (check.py has no check of that name)") +
                                f"; it fails {sorted(failed) or 'none'}")
        caught |= failed

    if every_check:
        for check in started["checks"]:
            if check["name"] not in caught and check["name"] != BYTES_RULE:
                problems.append(f"no wrong program, nor the starter, fails the check \"{check['name']}\"")
    if not any(p["kind"] == "correct" for p in listed):
        problems.append("programs/ has no correct-*.py program written apart from the reference")
    if not any(p["kind"] == "wrong" for p in listed):
        problems.append("programs/ has no wrong-*.py program")
    return problems
