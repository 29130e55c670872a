"""Every exercise's reference.py, recorded on every interpreter we have:
each CPython pyenv lists from 3.8 on (newest patch of each minor version) and
the page's Pyodide (CPython 3.14 on wasm32, under Node), in
exercises/<slug>/outputs/<interpreter>.out, named by major.minor:
cpython-3.8.out ... cpython-3.13.out, pyodide-3.14.out.

    python3 tests/python/interpreters.py --record [SLUG ...]
    python3 tests/python/interpreters.py --check [SLUG ...] [--pyodide-all] [--rerun [--stamp]]
    python3 tests/python/interpreters.py --predictions [SLUG ...]

A recording is what the program printed, beginning with its header line
(`CPython 3.8.18, 64-bit`: the exact version and the pointer width). A
reference that cannot run on an interpreter gets a one-line recording
saying so, with its error's last line:

    # does not run: TypeError: dataclass() got an unexpected keyword argument 'slots'

CPython runs `python reference.py` in the exercise's folder, in a fresh
process (PYTHONDONTWRITEBYTECODE=1). Pyodide runs reference.py as a plain
program (heapwise_check.run_plain, what the page's console shows), in a
fresh interpreter each (tests/python/interpreters-pyodide.mjs).

--record writes the recordings. --check re-runs every reference on the
interpreters found here (an interpreter that is not installed is skipped,
and said so) and reports a recording that is stale by cpython_checks.py's
`same_output` rules (same text, every number within 5% or 4,096, the
timing line without its microseconds); on Pyodide it re-runs only
PYODIDE_SAMPLE unless --pyodide-all or SLUGs are given. --check also does
everything --predictions does.

What a CPython re-run would find is known without it when nothing it
depends on changed: tests/python/recordings.json keeps, for each exercise,
the SHA-256 of reference.py and of each recording as it was last recorded
or found fresh by a re-run. --check re-runs a reference on a CPython only
when one of those differs from the files, or the recording's header names
another version than the interpreter found here (`CPython 3.12.1, 64-bit`
against 3.12.2), or it says the reference does not run; with --rerun it
re-runs them all, and --rerun --stamp writes the hashes of the recordings
it found fresh. (The same program on the same interpreter prints the same
text, with figures that move by far less than what `same_output` allows.)
--record writes the hashes of what it recorded.

--predictions reads the recordings only (no program runs): every
`[[predict]]` statement's line in every recording must print its key
(`answer`), unless the prediction names that interpreter in its `differs`
table, with one sentence why:

    differs = [["cpython-3.8", "... 80 bytes on 3.8.18 ..."]]

A name in `differs` whose recording prints the key is stale, and so is one
with no recording. Every exercise must have the same set of recordings,
each beginning with a header naming its interpreter, and cpython-3.11.out
must agree with reference.out (same_output).

Exit status 0 when nothing was found, 1 otherwise.
"""
import concurrent.futures
import json
import os
import re
import subprocess
import sys
import time

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
EXERCISES = os.path.join(ROOT, "exercises")
sys.path.insert(0, HERE)

from cpython_checks import cpu_limit, same_output  # noqa: E402

try:
    import tomllib
except ImportError:  # Python 3.10 and older
    tomllib = None

# Pyodide's re-run in --check: a few exercises covering what differs most
# (pointer width, tracemalloc, dataclass slots, files, threads left out).
PYODIDE_SAMPLE = ["shallow-vs-deep-size", "flyweight", "object-overhead", "live-monitor", "memory-mapped-file"]
NOT_RUN = "# does not run: "
STAMPS = os.path.join(HERE, "recordings.json")
HEADER = re.compile(r"^CPython (?P<version>(?P<minor>\d+\.\d+)\.\d+\S*), (?P<bits>32|64)-bit$")
TIMEOUT = 600  # seconds of processor time for one reference; ten times that on the clock (a low priority waits)


def slugs():
    return sorted(name for name in os.listdir(EXERCISES) if os.path.isdir(os.path.join(EXERCISES, name)))


def version_key(text):
    return tuple(int(part) for part in re.findall(r"\d+", text))


def cpythons():
    """{"cpython-3.8": path to its python, ...}: the newest patch of each minor
    version from 3.8 on that pyenv lists; {} without pyenv."""
    try:
        listed = subprocess.run(["pyenv", "versions", "--bare"], capture_output=True, text=True, check=True).stdout
        pyenv_root = subprocess.run(["pyenv", "root"], capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return {}
    newest = {}
    for version in listed.split():
        if re.fullmatch(r"3\.(?:[89]|[1-9]\d)\.\d+", version):
            minor = ".".join(version.split(".")[:2])
            if minor not in newest or version_key(version) > version_key(newest[minor]):
                newest[minor] = version
    found = {}
    for minor in sorted(newest, key=version_key):
        python = os.path.join(pyenv_root, "versions", newest[minor], "bin", "python")
        if os.path.exists(python):
            found[f"cpython-{minor}"] = python
    return found


def sha256(text):
    import hashlib
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def reference_hash(slug):
    with open(os.path.join(EXERCISES, slug, "reference.py"), encoding="utf-8") as f:
        return sha256(f.read())


def read_stamps():
    try:
        with open(STAMPS, encoding="utf-8") as f:
            return json.load(f)
    except FileNotFoundError:
        return {}


def write_stamps(stamps):
    stamps["_"] = ("The SHA-256 of each exercise's reference.py and of each recording in its outputs/, as "
                   "last recorded or found fresh by a re-run (tests/python/interpreters.py): --check re-runs "
                   "a reference on a CPython only when these differ from the files or the interpreter's "
                   "version from the recording's header.")
    ordered = {"_": stamps["_"], **{k: stamps[k] for k in sorted(stamps) if k != "_"}}
    with open(STAMPS, "w", encoding="utf-8", newline="\n") as f:
        json.dump(ordered, f, indent=1, sort_keys=False)
        f.write("\n")


def stamp(stamps, slug, name, text):
    entry = stamps.setdefault(slug, {})
    entry["reference.py"] = reference_hash(slug)
    entry[name] = sha256(text)


def exact_version(python):
    """The interpreter's version as a recording's header writes it (3.12.1)."""
    done = subprocess.run([python, "-c", "import platform; print(platform.python_version())"],
                          capture_output=True, text=True, check=True)
    return done.stdout.strip()


def unchanged(stamps, slug, name, version):
    """Whether a re-run of slug's reference on this CPython can only find
    its recording fresh: the reference and the recording are as when last
    found fresh, and the recording comes from this very version."""
    text = recorded(slug).get(name)
    entry = stamps.get(slug, {})
    if text is None or text.startswith(NOT_RUN):
        return False
    header = HEADER.match(text.splitlines()[0] if text else "")
    return (header is not None and header["version"] == version
            and entry.get("reference.py") == reference_hash(slug) and entry.get(name) == sha256(text))


def have_pyodide():
    """Why Pyodide cannot run here, or None when it can."""
    if not os.path.isdir(os.path.join(ROOT, "node_modules", "pyodide")):
        return "node_modules/pyodide is not installed"
    try:
        subprocess.run(["node", "--version"], capture_output=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return "node is not installed"
    return None


def last_line(text):
    lines = [line.rstrip() for line in text.splitlines() if line.strip()]
    return lines[-1] if lines else "no error message"


def run_cpython(python, slug):
    """(printed, error's last line or None, seconds) of `python reference.py`."""
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1", PYTHONIOENCODING="utf-8")
    env.pop("PYENV_VERSION", None)
    started = time.monotonic()
    try:
        done = subprocess.run([python, "reference.py"], cwd=os.path.join(EXERCISES, slug), env=env,
                              capture_output=True, text=True, timeout=10 * TIMEOUT, preexec_fn=cpu_limit(TIMEOUT))
    except subprocess.TimeoutExpired:
        return "", f"TimeoutError: no end after {10 * TIMEOUT} s", time.monotonic() - started
    error = None if done.returncode == 0 else last_line(done.stderr)
    return done.stdout, error, time.monotonic() - started


def run_pyodide(chosen):
    """{slug: (printed, error or None, seconds)} and the Pyodide's major.minor."""
    done = subprocess.run(["node", os.path.join(HERE, "interpreters-pyodide.mjs"), *chosen], cwd=ROOT,
                          capture_output=True, text=True, timeout=10 * TIMEOUT * max(1, len(chosen)))
    if done.returncode != 0:
        raise RuntimeError(f"interpreters-pyodide.mjs exited with {done.returncode}:\n{done.stdout}{done.stderr}")
    results, minor = {}, None
    for line in done.stdout.splitlines():
        if not line.startswith("{"):
            continue
        found = json.loads(line)
        minor = ".".join(found["python"].split(".")[:2])
        results[found["slug"]] = (found["stdout"], found["error"], found["seconds"])
    return results, minor


def recording(printed, error):
    """The text of a recording file."""
    return f"{NOT_RUN}{error}\n" if error is not None else printed


def outputs(slug):
    return os.path.join(EXERCISES, slug, "outputs")


def recorded(slug):
    """{interpreter name: recording text} of one exercise."""
    folder = outputs(slug)
    if not os.path.isdir(folder):
        return {}
    found = {}
    for name in sorted(os.listdir(folder), key=version_key):
        if name.endswith(".out"):
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                found[name[:-len(".out")]] = f.read()
    return found


def each_run(chosen, pyodide_chosen, say, workers=1, skip=None):
    """Yields (slug, interpreter name, printed, error, seconds) on every interpreter found.
    --check runs two at a time (the machines have two cores), Pyodide's beside
    CPython's: a recording's bytes do not depend on the load, and its timing
    line is compared without its figure; --record runs one at a time, so the
    timing a recording keeps is an unloaded one."""
    found = cpythons()
    if not found:
        say("CPython: pyenv is not installed here (or lists no CPython 3.8 or later): skipped")
    why_not = have_pyodide()
    if why_not:
        say(f"Pyodide: {why_not}: skipped")
    with concurrent.futures.ThreadPoolExecutor(max_workers=workers) as pool:
        pyodide = pool.submit(run_pyodide, pyodide_chosen) if pyodide_chosen and not why_not else None
        started = time.monotonic()
        kept = {(name, slug) for name, python in found.items() for slug in chosen
                if skip is not None and skip(slug, name, python)}
        runs = {(name, slug): pool.submit(run_cpython, python, slug) for name, python in found.items()
                for slug in chosen if (name, slug) not in kept}
        for name in found:
            for slug in chosen:
                if (name, slug) in runs:
                    printed, error, seconds = runs[name, slug].result()
                    yield slug, name, printed, error, seconds
            same = sum((name, slug) in kept for slug in chosen)
            say(f"{name}: {len(chosen) - same} reference(s) run, done {time.monotonic() - started:.1f} s after the "
                f"first began" + (f"; {same} unchanged since found fresh (recordings.json)" if same else ""))
        if pyodide is None:
            return
        results, minor = pyodide.result()
    for slug in pyodide_chosen:
        printed, error, seconds = results[slug]
        yield slug, f"pyodide-{minor}", printed, error, seconds
    say(f"pyodide-{minor}: {len(pyodide_chosen)} reference(s), done {time.monotonic() - started:.1f} s after the first began"
        + ("" if pyodide_chosen == chosen else " (a sample; --pyodide-all runs every exercise)"))


def record(chosen, say):
    stamps = read_stamps()
    for slug, name, printed, error, seconds in each_run(chosen, chosen, say):
        os.makedirs(outputs(slug), exist_ok=True)
        with open(os.path.join(outputs(slug), f"{name}.out"), "w", encoding="utf-8", newline="\n") as f:
            f.write(recording(printed, error))
        stamp(stamps, slug, name, recording(printed, error))
        write_stamps(stamps)
        say(f"  {slug} / {name}: {'does not run: ' + error if error else 'recorded'} ({seconds:.1f} s)")
    return []


def stale(slug, name, old, printed, error):
    """Problems comparing a recording with a re-run."""
    where = f"{slug}: outputs/{name}.out"
    if old is None:
        return [f"{where} does not exist (run --record {slug})"]
    new = recording(printed, error)
    if old.startswith(NOT_RUN) or new.startswith(NOT_RUN):
        if old.strip() != new.strip():
            return [f"{where} is stale (run --record {slug}):\n    recorded: {old.strip()[:200]}\n    now: {new.strip()[:200]}"]
        return []
    found = same_output(old, new)
    found = [p.replace("under the harness", "now").replace("in reference.out", "recorded") for p in found]
    return [f"{where} is stale (run --record {slug}): {p}" for p in found]


def check(chosen, pyodide_chosen, say, rerun=False, write=False):
    problems = []
    stamps = read_stamps()
    versions = {}

    def skip(slug, name, python):
        if rerun:
            return False
        if python not in versions:
            versions[python] = exact_version(python)
        return unchanged(stamps, slug, name, versions[python])

    for slug, name, printed, error, seconds in each_run(chosen, pyodide_chosen, say, workers=2, skip=skip):
        found = stale(slug, name, recorded(slug).get(name), printed, error)
        problems += found
        if write and not found and name.startswith("cpython-"):
            stamp(stamps, slug, name, recorded(slug)[name])
    if write:
        write_stamps(stamps)
    return problems


def prediction_lines(text, statement):
    """The values a recording prints for `statement`: ["True"], ["False"], or []."""
    prefix = f"{statement}: "
    return [line[len(prefix):] for line in text.splitlines() if line.startswith(prefix)]


def predictions(chosen, say):
    """Problems with the predictions and the recordings, read from the files only."""
    if tomllib is None:
        return ["--predictions needs Python 3.11 or later (tomllib): run it with python3"]
    problems = []
    names_seen = {}
    checked = flips = 0
    for slug in chosen:
        found = recorded(slug)
        if not found:
            problems.append(f"{slug}: has no recordings in outputs/ (run --record {slug})")
            continue
        names_seen.setdefault(tuple(found), []).append(slug)
        for name, text in found.items():
            first = text.splitlines()[0] if text else ""
            if first.startswith(NOT_RUN):
                if len(text.splitlines()) != 1:
                    problems.append(f"{slug}: outputs/{name}.out says it does not run, in more than one line")
                continue
            header = HEADER.match(first)
            family, _, minor = name.partition("-")
            if not header or header["minor"] != minor or family not in ("cpython", "pyodide"):
                problems.append(f"{slug}: outputs/{name}.out begins with {first!r}, not the header of {name}")
        reference_out = os.path.join(EXERCISES, slug, "reference.out")
        if "cpython-3.11" in found and os.path.exists(reference_out):
            with open(reference_out, encoding="utf-8") as f:
                old = f.read()
            for p in same_output(old, found["cpython-3.11"]):
                p = p.replace("under the harness", "in outputs/cpython-3.11.out")
                problems.append(f"{slug}: reference.out and outputs/cpython-3.11.out disagree: {p}")
        with open(os.path.join(EXERCISES, slug, "exercise.toml"), "rb") as f:
            content = tomllib.load(f)
        for prediction in content.get("predict", []):
            statement, key = prediction["statement"], "True" if prediction["answer"] else "False"
            field = f"{slug}: predict \"{statement}\""
            differs = {}
            for entry in prediction.get("differs") or []:
                if not isinstance(entry, list) or len(entry) != 2:
                    problems.append(f"{field}: each differs entry is [\"<interpreter>\", \"why\"]")
                    continue
                differs[entry[0]] = entry[1]
            for name, why in differs.items():
                if name not in found:
                    problems.append(f"{field}: differs names {name!r}, which has no recording in outputs/ "
                                    f"(names are the recordings' file names without .out: {', '.join(found)})")
                elif not isinstance(why, str) or not why.strip():
                    problems.append(f"{field}: differs.{name} must say why in one sentence, with the measured value")
            for name, text in found.items():
                if text.startswith(NOT_RUN):
                    if name in differs:
                        problems.append(f"{field}: differs names {name!r}, where the reference does not run")
                    continue
                values = prediction_lines(text, statement)
                if len(values) != 1 or values[0] not in ("True", "False"):
                    problems.append(f"{field}: outputs/{name}.out has {len(values)} line(s) `{statement}: True|False`")
                    continue
                checked += 1
                if values[0] == key and name in differs:
                    problems.append(f"{field}: differs names {name!r}, but outputs/{name}.out prints the key, "
                                    f"`{statement}: {key}` (stale: remove it)")
                elif values[0] != key and name not in differs:
                    problems.append(f"{field}: answer = {key.lower()} but outputs/{name}.out prints "
                                    f"`{statement}: {values[0]}`; say why in differs = [[\"{name}\", \"...\"]]")
                elif values[0] != key:
                    flips += 1
    if len(names_seen) > 1:
        for names, which in names_seen.items():
            problems.append(f"recordings {', '.join(names)} in {len(which)} exercise(s): {', '.join(which[:5])}"
                            + (" ..." if len(which) > 5 else ""))
    say(f"predictions: {checked} line(s) read in {sum(len(recorded(s)) for s in chosen)} recording(s) of "
        f"{len(chosen)} exercise(s); {flips} flip(s), each named in differs")
    return problems


def main(argv):
    modes = [a for a in argv if a in ("--record", "--check", "--predictions")]
    if len(modes) != 1:
        print(__doc__)
        return 2
    given = [a for a in argv if not a.startswith("--")]
    unknown = [s for s in given if s not in slugs()]
    if unknown:
        print(f"no such exercise: {', '.join(unknown)}")
        return 2
    chosen = given or slugs()

    def say(text):
        print(text, flush=True)

    started = time.monotonic()
    if modes[0] == "--record":
        problems = record(chosen, say)
    elif modes[0] == "--check":
        pyodide_chosen = chosen if given or "--pyodide-all" in argv else PYODIDE_SAMPLE
        problems = check(chosen, pyodide_chosen, say, rerun="--rerun" in argv,
                         write="--rerun" in argv and "--stamp" in argv) + predictions(chosen, say)
    else:
        problems = predictions(chosen, say)
    for problem in problems:
        print(problem)
    print(f"{len(problems)} problem(s), {time.monotonic() - started:.1f} s")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
