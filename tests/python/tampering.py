"""Ways a program can reach the checker from inside its run, each with what
the harness must answer: "not judged" (the verdict's first check fails and
says "Not judged") or "refused" (the program's own attempt fails: it gets an
error, and what it tried never happens). Used by cpython_checks.py (every
route, on the interpreter running it) and by checks.test.mjs (every route,
in Pyodide), each prefixed to a small program whose checks pass.

Each entry: (what the program does, the code, the answer, the oldest Python
it applies to).
"""

ROUTES = [
    ("replaces a function of tracemalloc",
     "import tracemalloc\ntracemalloc.get_traced_memory = lambda: (0, 0)\n", "not judged", (3, 8)),
    ("replaces a builtin",
     "import builtins\nbuiltins.sorted = lambda *a, **k: []\n", "not judged", (3, 8)),
    ("replaces the builtins the harness calls with functions that raise",
     "import builtins\n"
     "def broken(*args, **kwargs):\n"
     "    raise RuntimeError('replaced')\n"
     "for name in ('vars', 'setattr', 'getattr', 'hasattr', 'tuple', 'isinstance', 'len', 'dict'):\n"
     "    setattr(builtins, name, broken)\n", "not judged", (3, 8)),
    ("imports the checker",
     "import heapwise_check\n", "refused", (3, 8)),
    ("swaps the code of a check",
     "import gc\n"
     "for o in gc.get_objects():\n"
     "    if callable(o) and getattr(o, '__module__', '') == 'heapwise_exercise_checks':\n"
     "        try:\n"
     "            o.__code__ = (lambda p: None).__code__\n"
     "        except RuntimeError:\n"
     "            pass\n", "not judged", (3, 8)),
    ("swaps the defaults of a function of the checker",
     "import gc\n"
     "for o in gc.get_objects():\n"
     "    if callable(o) and (getattr(o, '__module__', '') or '').startswith('heapwise_check') and getattr(o, '__defaults__', None):\n"
     "        try:\n"
     "            o.__defaults__ = tuple(None for _ in o.__defaults__)\n"
     "        except RuntimeError:\n"
     "            pass\n", "not judged", (3, 8)),
    ("writes the checks' own variables",
     "import gc\n"
     "for o in gc.get_objects():\n"
     "    if type(o) is dict and o.get('__name__') == 'heapwise_exercise_checks':\n"
     "        o['MEMO'] = {'figure': 1}\n", "not judged", (3, 8)),
    ("takes the checks away through the frame above it",
     "import sys\n"
     "f = sys._getframe(1)\n"
     "while f is not None and 'run' not in f.f_locals:\n"
     "    f = f.f_back\n"
     "f.f_locals['run'].defined = ()\n", "not judged", (3, 8)),
    ("replaces the harness's judge through the frame above it",
     "import sys\nsys._getframe(1).f_globals['_judge'] = lambda run: []\n", "not judged", (3, 8)),
    ("leaves a function in gc.callbacks",
     "import gc\ngc.callbacks.append(lambda phase, info: None)\n", "not judged", (3, 8)),
    ("leaves a profile function set",
     "import sys\nsys.setprofile(lambda frame, event, arg: None)\n", "not judged", (3, 8)),
    ("leaves a trace function set",
     "import sys\nsys.settrace(lambda frame, event, arg: None)\n", "not judged", (3, 8)),
    ("sets a profile function that works inside the checker and takes itself away",
     "import sys\n"
     "def spy(frame, event, arg):\n"
     "    while frame is not None:\n"
     "        if 'run' in frame.f_locals and hasattr(frame.f_locals['run'], 'defined'):\n"
     "            sys.setprofile(None)\n"
     "            frame.f_locals['run'].defined = ()\n"
     "            return\n"
     "        frame = frame.f_back\n"
     "sys.setprofile(spy)\n", "not judged", (3, 8)),
    ("adds an audit hook",
     "import sys\nsys.addaudithook(lambda event, args: None)\n", "not judged", (3, 8)),
    ("leaves an object whose __del__ runs inside the checker",
     "import sys\n"
     "class Late:\n"
     "    def __del__(self):\n"
     "        sys.setprofile(lambda frame, event, arg: None)\n"
     "sys.argv.append(Late())\n", "not judged", (3, 8)),
    ("leaves a sys.monitoring tool registered",
     "import sys\n"
     "sys.monitoring.use_tool_id(4, 'spy')\n"
     "sys.monitoring.register_callback(4, sys.monitoring.events.CALL, lambda *args: None)\n"
     "sys.monitoring.set_events(4, sys.monitoring.events.CALL)\n", "not judged", (3, 12)),
]

# A program and checks that pass when nothing is tampered with.
PROGRAM = "numbers = sorted([3, 1, 2])\nprint('sorted:', numbers)\n"
CHECKS = (
    "from heapwise_check import check, fail\n"
    "MEMO = {}\n"
    "@check('sorts the numbers')\n"
    "def _(p):\n"
    "    if p.get('numbers') != [1, 2, 3]:\n"
    "        fail('not sorted')\n"
    "@check('prints them')\n"
    "def _(p):\n"
    "    p.expect_last_line(r'sorted: \\[1, 2, 3\\]', 'sorted: [1, 2, 3]')\n"
    "    MEMO['seen'] = True\n"
)
