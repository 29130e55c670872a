"""The objects picture's walk (www/python/heapwise_check/objects.py, issue 29)
against a deep-size walk written here on its own: for small programs of
ours, every global name's deep size and the total equal what a walk with
`gc.get_referents` and `sys.getsizeof` computes; an object shared by many
references is one box with its arrows counted; a cycle ends; a weak
reference is a weak arrow whose target no deep size counts; a million
objects come back within the bounds.

    python3 tests/python/objects_picture.py     # any CPython 3.8 or later
    node --test tests/python/objects.test.mjs   # the same in Pyodide, and on every pyenv CPython

Run in Pyodide, `problems()` is called in an interpreter that has the
harness on its path; here the module is loaded from its file, as the
package's other modules need 3.10 or later.
"""
import gc
import os
import re
import sys
import types

CASES = {
    "slotted points share one float": (
        "class P:\n"
        "    __slots__ = ('x', 'y')\n"
        "    def __init__(self, x, y):\n"
        "        self.x = x\n"
        "        self.y = y\n"
        "points = [P(float(i), 2.5) for i in range(2000)]\n"
        "first = points[0]\n"),
    "plain instances and their dicts": (
        "class D:\n"
        "    def __init__(self, n):\n"
        "        self.n = n\n"
        "        self.tag = 'same'\n"
        "    def __repr__(self):\n"
        "        reprs.append(1)\n"
        "        return 'D'\n"
        "reprs = []\n"
        "things = [D(i * 1000) for i in range(300)]\n"
        "lookup = {str(i): things[i] for i in range(0, 300, 3)}\n"),
    "one interned string, many names": (
        "import sys\n"
        "word = sys.intern('interned ' + 'text')\n"
        "many = [sys.intern('interned text'[:9] + 'text') for _ in range(5000)]\n"),
    "copies and interned names": (
        "import sys\n"
        "copies = [('ab' * 3)[:5] + str(i % 5) for i in range(5000)]\n"
        "interned = [sys.intern(('ab' * 3)[:5] + str(i % 5)) for i in range(5000)]\n"),
    "a cycle and a weak reference": (
        "import weakref\n"
        "class Node:\n"
        "    pass\n"
        "a = Node()\n"
        "b = Node()\n"
        "a.other = b\n"
        "b.other = a\n"
        "ring = [1]\n"
        "ring.append(ring)\n"
        "class Image:\n"
        "    pass\n"
        "image = Image()\n"
        "image.pixels = bytearray(100_000)\n"
        "handle = weakref.ref(image)\n"
        "cache = weakref.WeakValueDictionary()\n"
        "cache['img'] = image\n"),
    "nested containers": (
        "table = {'rows': [(i, str(i), [i] * 3) for i in range(200)], 'name': 'table', 'sizes': {1, 2, 3}}\n"
        "alias = table['rows']\n"
        "pairs = [(i, i) for i in range(100)]\n"
        "empty = ()\n"
        "scope = {'kept': globals(), 'run': {'__builtins__': __builtins__, 'n': 3}}\n"),
}
MILLION = "items = [i * 3 for i in range(1_000_000)]\npairs = [(i, -i) for i in range(300_000)]\n"

_SKIPPED = (type, types.ModuleType, types.FunctionType, types.BuiltinFunctionType, types.MethodType,
            types.CodeType, types.FrameType, types.GetSetDescriptorType, types.MemberDescriptorType,
            types.WrapperDescriptorType, types.MethodDescriptorType, staticmethod, classmethod, property)


NAMESPACES = set()


def left_out(obj):
    return obj is None or obj is True or obj is False or obj is Ellipsis or obj is NotImplemented \
        or isinstance(obj, _SKIPPED) or id(obj) in NAMESPACES


def reachable(value):
    """id -> object for everything `value` reaches strongly, the objects the picture leaves out
    left out (the collector's own referents, as a deep-size walk takes them)."""
    found = {}
    todo = [value]
    while todo:
        obj = todo.pop()
        if left_out(obj) or id(obj) in found:
            continue
        found[id(obj)] = obj
        todo.extend(gc.get_referents(obj))
    return found


def load_picture():
    try:
        from heapwise_check.objects import picture  # Pyodide: the harness is on the path
        return picture
    except ImportError:
        # The package's other modules need 3.10 or later: objects.py and the
        # one module it imports (object_words.py) are loaded from their folder
        # as a package of their own.
        import importlib.util
        here = os.path.dirname(os.path.abspath(__file__))
        folder = os.path.join(here, "..", "..", "www", "python", "heapwise_check")
        package = types.ModuleType("heapwise_objects")
        package.__path__ = [folder]
        sys.modules["heapwise_objects"] = package
        spec = importlib.util.spec_from_file_location("heapwise_objects.objects", os.path.join(folder, "objects.py"))
        module = importlib.util.module_from_spec(spec)
        sys.modules["heapwise_objects.objects"] = module
        spec.loader.exec_module(module)
        return module.picture


def names_of(namespace):
    return [n for n, v in namespace.items() if not (n.startswith("__") and n.endswith("__")) and not left_out(v)]


def problems():
    picture = load_picture()
    found = []
    for title, source in CASES.items():
        namespace = {"__name__": "__main__"}
        exec(compile(source, "solution.py", "exec"), namespace)
        NAMESPACES.clear()
        NAMESPACES.update({id(namespace)} | {id(vars(m)) for m in list(sys.modules.values()) if hasattr(m, "__dict__")})
        # No time limit here: what these cases test is what the walk finds, and a
        # starved run of this layer (at the lowest priority, beside the builds)
        # reached the page's limit before it found the second name.
        shown = picture(namespace, max_seconds=float("inf"))
        names = names_of(namespace)
        if [r["name"] for r in shown["roots"]] != names:
            found.append(f"{title}: roots {[r['name'] for r in shown['roots']]}, the names are {names}")
        union = {}
        for root in shown["roots"]:
            reached = reachable(namespace[root["name"]])
            union.update(reached)
            wanted = sum(sys.getsizeof(o) for o in reached.values())
            if root["deep"] != wanted:
                found.append(f"{title}: `{root['name']}` deep {root['deep']:,} B, a walk of its own gives {wanted:,} B")
        total = sum(sys.getsizeof(o) for o in union.values())
        if shown["total"] != total:
            found.append(f"{title}: total {shown['total']:,} B, a walk of its own gives {total:,} B")
        boxed = sum(b["count"] for b in shown["boxes"])
        if boxed != shown["objects"]:
            found.append(f"{title}: the boxes hold {boxed} objects, the walk says {shown['objects']}")
        if shown["stopped"] is not None:
            found.append(f"{title}: stopped ({shown['stopped']})")
        # Each strong reference once: the arrows out of the objects add up to the collector's referents.
        strong = sum(a["count"] for a in shown["arrows"] if not a["weak"])
        wanted = sum(1 for o in union.values() for r in gc.get_referents(o) if not left_out(r))
        if strong != wanted:
            found.append(f"{title}: {strong} strong arrows counted, the objects refer {wanted} times")
        if shown["stopped"] is None and [r["name"] for r in shown["roots"]] == names:
            found += case_problems(title, namespace, shown)
    found += bound_problems(picture)
    return found


def box_named(shown, name):
    return shown["boxes"][next(r["box"] for r in shown["roots"] if r["name"] == name)]


def case_problems(title, namespace, shown):
    found = []
    boxes, arrows = shown["boxes"], shown["arrows"]
    if title == "slotted points share one float":
        points = [b for b in boxes if b["type"] == "P" and b["count"] > 1]
        if len(points) != 1 or points[0]["count"] != 1999 or points[0]["each"] != sys.getsizeof(namespace["first"]):
            found.append(f"{title}: the 1,999 unnamed points are not one box of their size each: {points}")
        shared = [b for b in boxes if b["type"] == "float" and b["count"] == 2001]
        if len(shared) != 1:
            found.append(f"{title}: 2,000 floats and the one 2.5 they share are not one box of 2,001")
        if not points or not points[0]["sample"] or not all(
                re.fullmatch(r"P\(x=\d+\.0, y=2\.5\)", text) for text in points[0]["sample"]):
            found.append(f"{title}: a sample of the points does not give their slots' values: {points[0]['sample']}")
        labelled = {a["label"] for a in arrows if a["from"] == box_named(shown, "first")["id"]}
        if labelled != {".x, .y"}:
            found.append(f"{title}: the named point's arrows are labelled {labelled}, not .x and .y")
    if title == "plain instances and their dicts":
        plain = [b for b in boxes if b["type"] == "D" and b["count"] == 300]
        wanted = sys.version_info >= (3, 11)
        if len(plain) != 1 or plain[0]["uncounted"] != wanted:
            found.append(f"{title}: 300 instances with a __dict__ are not one box with uncounted={wanted}: {plain}")
        # Their __dict__ is never asked for (on 3.11+ that would make one), nor their repr (the program's code),
        # not even as the items of a list's sample.
        if plain and plain[0]["sample"][:1] != ["<D>"]:
            found.append(f"{title}: a sample of plain instances is not just their type: {plain[0]['sample']}")
        things = box_named(shown, "things")
        if not things["sample"] or not things["sample"][0].startswith("[<D>, <D>, <D>, <D>, \u2026"):
            found.append(f"{title}: the list of instances is not sampled as [<D>, <D>, ...]: {things['sample']}")
        if namespace["reprs"]:
            found.append(f"{title}: the walk called the program's __repr__ {len(namespace['reprs'])} times")
    if title == "slotted points share one float":
        if any(b["uncounted"] for b in boxes):
            found.append(f"{title}: a slotted instance is said to keep attributes getsizeof does not count")
    if title == "one interned string, many names":
        word = box_named(shown, "word")
        into = [a for a in arrows if a["to"] == word["id"]]
        if word["count"] != 1 or [a["count"] for a in into] != [5000]:
            found.append(f"{title}: the interned string is not one box with one arrow of 5,000: {into}")
    if title == "copies and interned names":
        # Alike strings first reached from different names are two boxes: the
        # 5,000 copies, and the five interned strings `interned` holds 1,000
        # times each (one arrow standing for its 5,000 references).
        strings = sorted(b["count"] for b in boxes if b["type"] == "str" and not b["named"])
        shared = [a for a in arrows if a["from"] == box_named(shown, "interned")["id"]]
        if strings != [5, 5000] or sorted(a["count"] for a in shared) != [5000]:
            found.append(f"{title}: copies and interned strings are not told apart: string boxes {strings}, "
                         f"the interned list's arrows {[a['count'] for a in shared]}")
    if title == "a cycle and a weak reference":
        weak = [a for a in arrows if a["weak"]]
        image = box_named(shown, "image")
        if not weak or any(a["to"] != image["id"] for a in weak):
            found.append(f"{title}: the weak references are not weak arrows to the image: {weak}")
        handle = next(r for r in shown["roots"] if r["name"] == "handle")
        if handle["deep"] != sys.getsizeof(namespace["handle"]):
            found.append(f"{title}: the weak reference's deep size counts its target ({handle['deep']:,} B)")
        loops = [a for a in arrows if a["from"] == a["to"]]
        if not loops:
            found.append(f"{title}: the list that holds itself has no arrow to itself")
    if title == "nested containers":
        alias, table = box_named(shown, "alias"), box_named(shown, "table")
        if not any(a["from"] == table["id"] and a["to"] == alias["id"] and a["label"] == "['rows']" for a in arrows):
            found.append(f"{title}: table['rows'] is not one arrow to the box named alias")
        if any(b["type"] == "dict" and b["count"] == 1 and b["size"] > 1000 and not b["named"] for b in boxes):
            found.append(f"{title}: a module's namespace (globals(), the builtins) is drawn as the program's data")
        tuples = sorted(b["count"] for b in boxes if b["type"] == "tuple" and not b["named"])
        if tuples != [100, 200]:
            found.append(f"{title}: 200 3-tuples and 100 pairs are not two boxes, one per shape: {tuples}")
    return found


def bound_problems(picture):
    namespace = {"__name__": "__main__"}
    exec(compile(MILLION, "solution.py", "exec"), namespace)
    shown = picture(namespace)
    found = []
    if len(shown["boxes"]) > 150:
        found.append(f"a million objects: {len(shown['boxes'])} boxes, over 150")
    if shown["stopped"] is None:
        found.append("a million objects and more: the walk did not say it stopped early")
    # The bound holds inside one object too: the million-item list is not
    # sized item by item past it.
    if shown["objects"] > 300_000:
        found.append(f"a list of a million: {shown['objects']:,} objects walked, over the bound of 300,000")
    # How long it takes is the machine's, not a test's (55.6 s in Pyodide
    # under a load of 7 on 2026-11-26): the bounds tested are the boxes and
    # the walk's saying it stopped.
    small = picture(namespace, max_boxes=3)
    if len(small["boxes"]) > 3 or sum(b["count"] for b in small["boxes"]) != small["objects"]:
        found.append(f"boxes put together by type: {len(small['boxes'])} boxes, "
                     f"{sum(b['count'] for b in small['boxes'])} objects of {small['objects']}")
    return found


if __name__ == "__main__":
    listed = problems()
    for line in listed:
        print(line)
    print(f"objects picture, {sys.implementation.name} {sys.version.split()[0]}: {len(listed)} problem(s)")
    sys.exit(1 if listed else 0)
