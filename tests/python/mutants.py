"""Wrong programs, made from each exercise's reference.py by replacing
text: the naive approach kept under the optimized name, a step left out, a
classic slip. `cpython_checks.py --mutants` runs them all and asks that
every check fail on at least one of them (or on the starter, or on a
program that only prints the expected last line).

MUTANTS[slug] = [(what is wrong, [(old text, new text), ...]), ...]
"""

MUTANTS = {
    "slots-vs-dict": [
        ("SlottedPoint keeps a __dict__", [('    __slots__ = ("x", "y", "z")\n', "")]),
        ("__dict__ listed in the slots", [('__slots__ = ("x", "y", "z")', '__slots__ = ("x", "y", "z", "__dict__")')]),
        ("the AttributeError is not printed", [('    print(f"AttributeError: {error}")', "    pass")]),
    ],
    "slots-at-scale": [
        ("SlottedUser keeps a __dict__", [('    __slots__ = ("user_id", "age", "score", "logins", "balance")\n', "")]),
        ("User mixes up its fields", [("class User:\n    def __init__(self, user_id, age, score, logins, balance):\n"
                                       "        self.user_id = user_id",
                                       "class User:\n    def __init__(self, user_id, age, score, logins, balance):\n"
                                       "        self.user_id = age")]),
        ("allocated_by measures the peak instead", [("    before = tracemalloc.take_snapshot()\n    result = build()\n"
                                                     "    after = tracemalloc.take_snapshot()\n    tracemalloc.stop()\n"
                                                     "    grown = sum(stat.size_diff for stat in after.compare_to(before, \"lineno\") if stat.size_diff > 0)",
                                                     "    result = build()\n    grown = tracemalloc.get_traced_memory()[1]\n"
                                                     "    tracemalloc.stop()")]),
        ("allocated_by drops the result before the second snapshot", [("    result = build()\n    after = tracemalloc.take_snapshot()",
                                                                       "    build()\n    result = None\n    after = tracemalloc.take_snapshot()")]),
    ],
    "array-vs-list": [
        ("traced_peak leaves tracing on", [("    tracemalloc.stop()\n    return built, peak", "    return built, peak")]),
        ("arrays built from a list", [("array(code, (convert(elevation(i)) for i in range(n)))",
                                       "array(code, [convert(elevation(i)) for i in range(n)])")]),
        ("array peaks not printed", [("readings as array('{code}'), peak:", "readings as a typed array, size:")]),
        ("no itemsize table", [('for code in "bBhHiIlqfd":', 'for code in "":')]),
        ("the overflow is not shown", [('    print(f"OverflowError: {error}")', "    pass")]),
        ("concludes False", [("{same_values and smallest == 'h' and peaks['h'] < list_peak}", "{False}")]),
    ],
    "bounded-lru-cache": [
        ("never evicts", [("        while self.used + size > self.budget:", "        while False:")]),
        ("a read does not count as a use", [("        self._entries.move_to_end(key)\n", "")]),
        ("accepts a value bigger than the budget", [("        if size > self.budget:\n            return False", "        if False:\n            return False")]),
    ],
    "chunked-processing": [
        ("in_chunks collects everything", [("def in_chunks(n, size):\n",
                                            "def in_chunks(n, size):\n    return collect_all(n, size)\n\n\ndef unused(n, size):\n")]),
        ("the last, shorter chunk is dropped", [("    while chunk := list(islice(stream, size)):\n        result += process(chunk)\n        # Drop",
                                                 "    while len(chunk := list(islice(stream, size))) == size:\n        result += process(chunk)\n        # Drop")]),
    ],
    "copy-on-write": [
        ("CowView copies when created", [("        self._data = data\n        self._owns_data = False",
                                          "        self._data = dict(data)\n        self._owns_data = True")]),
        ("CowView writes into the shared dict", [("        if not self._owns_data:\n            self._data = dict(self._data)\n            self._owns_data = True\n", "")]),
        ("CowView copies on every write", [("            self._owns_data = True\n", "")]),
    ],
    "deep-size-walker": [
        ("no seen set", [("    if id(obj) in seen:\n        return 0\n", "")]),
        ("a seen set shared between calls", [("def deep_size(obj, seen=None):", "def deep_size(obj, seen=set()):"),
                                             ("    if seen is None:\n        seen = set()\n", "")]),
        ("dict keys not walked", [("size += deep_size(key, seen) + deep_size(value, seen)", "size += deep_size(value, seen)")]),
        ("each user gets its own team list", [('"team": team,', '"team": list(team),')]),
        ("instances not walked", [("        if hasattr(obj, \"__dict__\"):\n            size += deep_size(vars(obj), seen)\n", ""),
                                  ("        for name in slot_names(type(obj)):\n", "        for name in []:\n")]),
        ("only the class's own slots", [("    for klass in cls.__mro__:\n", "    for klass in [cls]:\n")]),
    ],
    "generator-vs-list": [
        ("the generator version builds a list", [("return sum(k * k for k in range(n))  # one square",
                                                  "return sum([k * k for k in range(n)])  # one square")]),
        ("traced_peak leaves tracing on", [("    tracemalloc.stop()\n    return result, peak", "    return result, peak")]),
        ("len() is never tried", [('    print(f"TypeError: {error}")', "    pass")]),
        ("concludes False", [("{list_total == generator_total and generator_peak < list_peak}", "{False}")]),
    ],
    "lazy-loading": [
        ("LazyModel loads in __init__", [("        self.model_id = model_id\n\n    def __getattr__",
                                          "        self.model_id = model_id\n        self.embedding\n        self.metadata\n\n    def __getattr__")]),
        ("__getattr__ keeps its own cache, so it runs on every read", [
            ("        object.__setattr__(self, name, value)  # now an instance attribute: found without us next time\n        return value",
             "        cache = self.__dict__.setdefault(\"_cache\", {})\n        return cache.setdefault(name, value)")]),
        ("__getattr__ answers None for unknown names", [
            ("            raise AttributeError(f\"{type(self).__name__!r} object has no attribute {name!r}\")", "            return None")]),
        ("LazyModel uses cached_property, no __getattr__", [
            ("    def __getattr__(self, name):\n", "    @cached_property\n    def embedding(self):\n        return load_embedding(self.model_id)\n\n"
             "    @cached_property\n    def metadata(self):\n        return load_metadata(self.model_id)\n\n    def unused(self, name):\n")]),
        ("metadata of the wrong model", [("return load_metadata(self.model_id)", "return load_metadata(self.model_id + 1)")]),
        ("CachedModel reloads on every read", [("    @cached_property\n    def embedding", "    @property\n    def embedding")]),
    ],
    "lazy-pipeline": [
        ("one stage is a list", [('active = (r for r in records if r["active"])', 'active = [r for r in records if r["active"]]')]),
        ("lazy_total is off by one", [('    return sum(r["score"] for r in reshaped)\n\n\ndef traced',
                                       '    return sum(r["score"] for r in reshaped) + 1\n\n\ndef traced')]),
        ("no assert", [("assert eager_result == lazy_result\n", ""),
                       ('assert lazy_peak * 5 <= eager_peak, "the lazy pipeline should be at least 5x smaller at peak"\n', "")]),
        ("traced returns the current size", [("    _, peak = tracemalloc.get_traced_memory()", "    peak, _ = tracemalloc.get_traced_memory()")]),
    ],
    "leak-detection": [
        ("live_types keys by type, not by name", [("collections.Counter(type(o).__name__ for o in gc.get_objects())",
                                                   "collections.Counter(type(o) for o in gc.get_objects())")]),
        ("the bounded cache never evicts", [("            if len(self.reports) == self.bound:\n                self.reports.popitem(last=False)\n", "")]),
        ("the bounded cache evicts the oldest insert, not the least recently used", [("        else:\n            self.reports.move_to_end(key)\n", "")]),
        ("the bounded cache answers differently", [("        return report.key + report.body[0]\n\n\ndef requests",
                                                    "        return report.key\n\n\ndef requests")]),
        ("detect_leak does not collect the garbage", [("    gc.collect()  # garbage waiting for the collector is not growth\n", ""),
                                                      ("        func(i)\n    gc.collect()\n", "        func(i)\n")]),
        ("detect_leak keeps small growth", [("if stat.size_diff > threshold]", "if stat.size_diff > 0]")]),
        ("detect_leak sorts smallest first", [("    return sorted(grown, reverse=True)", "    return sorted(grown)")]),
        ("the leak is not printed", [('print("detect_leak(handle, 100), lines grown by more than 1,024 bytes:", describe(leaks))',
                                      'print("detect_leak(handle, 100) done")'),
                                     ('print("the next 100 keys, lines grown by more than 1,024 bytes:", describe(more))', "pass")]),
    ],
    "live-monitor": [
        ("consume is ignored", [("        if consume:\n            records[i] = None\n", ""),
                                ("        if consume:\n            scaled[i] = None\n", "")]),
        ("sites named by file and line", [("    return [(site_label(stat.traceback[0]), stat.size, stat.count) for stat in stats]",
                                           "    return [(str(stat.traceback[0]), stat.size, stat.count) for stat in stats]")]),
        ("the monitor prints a count", [('print(f"monitor took samples: {report[\'sample_count\'] > 0}")',
                                         'print(f"monitor took {report[\'sample_count\']} samples")')]),
        ("the monitor never starts its thread", [("            self._thread.start()\n", "            pass\n")]),
        ("stop() leaves the thread sampling", [("            self._done.set()\n            self._thread.join()\n", "")]),
        ("report() keeps the latest sample's allocators, not the peak's", [
            ("            if current > self._peak:\n                self._peak = current\n                # Keep",
             "            self._peak = max(self._peak, current)\n            if True:\n                # Keep")]),
        ("report() gives the latest reading as the peak", [("            if current > self._peak:\n                self._peak = current\n",
                                                            "            self._peak = current\n            if True:\n")]),
    ],
    "memory-mapped-file": [
        ("reads the file instead of mapping it", [('    with open(path, "rb") as f, mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as mm:',
                                                   '    with open(path, "rb") as f:\n      for mm in [f.read()]:')]),
        ("the three ways are not compared", [('        print(f"same bytes all three ways: {mapped_piece == ranged_piece == whole_piece}")', "        pass")]),
        ("the lines are not counted", [('print(f"lines counted through the map: {lines:,}, peak {count_peak:,} bytes")', "pass"),
                                       ('print(f"lines counted after read(): {lines_again:,}, peak {read_count_peak:,} bytes")', "pass")]),
        ("concludes False", [("{map_peak < read_peak}", "{False}")]),
    ],
    "object-pool": [
        ("the pool never reuses", [("        if self._free:\n", "        if False:\n")]),
        ("the pool keeps everything", [("        if len(self._free) < self._size:\n", "        if True:\n")]),
        ("buffers are not wiped", [("    buffer[:] = bytes(len(buffer))", "    pass")]),
    ],
    "record-layouts": [
        ("DataRecord has slots", [("@dataclass\nclass DataRecord", "@dataclass(slots=True)\nclass DataRecord")]),
        ("TupleRecord's last field renamed", [('["id", "x", "y", "label"])', '["id", "x", "y", "name"])')]),
        ("SlottedRecord without slots", [("@dataclass(slots=True)\nclass SlottedRecord", "@dataclass\nclass SlottedRecord")]),
        ("traced_peak leaves tracing on", [("    tracemalloc.stop()\n    del records", "    del records")]),
        ("the ranking is reversed", [("ranking = sorted(peaks, key=peaks.get)", "ranking = sorted(peaks, key=peaks.get, reverse=True)")]),
    ],
    "shallow-vs-deep-size": [
        ("the statements are not printed", [("    print(f\"{statement}: {eval(statement, {'sys': sys})}\")", "    pass")]),
        ("only the shallow size", [('      f"with the inner lists {with_rows:,} bytes")', '      f"and more")')]),
        ("the dict stops at one key", [("for key in range(1, 23):", "for key in range(1, 2):")]),
    ],
    "snapshot-diff": [
        ("parse keeps the text", [('{"id": int(a), "x": float(b), "y": float(c)}', '{"id": a, "x": b, "y": c}')]),
        ("only growth is printed", [("    if stat.size_diff != 0:", "    if stat.size_diff > 0:")]),
        ("the diff is not printed", [('        print(" ", describe(stat))', "        pass")]),
        ("concludes False", [("50,000 new bytes: {new_bytes > 50_000}", "50,000 new bytes: {False}")]),
    ],
    "string-interning": [
        ("names_in splits the whole text first", [('    start = 0\n    while (end := text.find(",", start)) != -1:\n'
                                                    '        yield text[start:end]\n        start = end + 1\n    yield text[start:]',
                                                    '    yield from text.split(",")')]),
        ("names_in interns already", [("        yield text[start:end]", "        yield sys.intern(text[start:end])")]),
        ("a is b is not shown", [('print(f"a is b: {a is b}")', "pass")]),
    ],
    "struct-packing": [
        ("packs pieces and joins them", [("    buffer = bytearray(n * size)  # allocated once, filled in place\n"
                                          "    for i in range(n):\n        struct.pack_into(RECORD, buffer, i * size, *record(i))\n    return buffer",
                                          '    return bytearray(b"".join(struct.pack(RECORD, *record(i)) for i in range(n)))')]),
        ("records shifted by one", [("struct.pack_into(RECORD, buffer, i * size, *record(i))",
                                     "struct.pack_into(RECORD, buffer, i * size, *record(i + 1))")]),
        ("no calcsize figures", [("for fmt in FORMATS:", "for fmt in []:"),
                                 ("print(f\"sensor packet {packet!r}: {struct.calcsize('@' + packet)} bytes native, \"\n"
                                  "      f\"{struct.calcsize('=' + packet)} bytes standard\")", "pass")]),
    ],
    "top-allocators": [
        ("second snapshot taken after the result is dropped", [("    kept = work()\n    after = tracemalloc.take_snapshot()",
                                                                "    work()\n    after = tracemalloc.take_snapshot()\n    kept = None")]),
        ("one snapshot, no comparison", [('    diff = after.filter_traces(own).compare_to(before.filter_traces(own), "lineno")',
                                          '    diff = after.filter_traces(own).compare_to(before.filter_traces([tracemalloc.Filter(True, "none")]), "lineno")')]),
        ("limit ignored", [("            for stat in grown[:limit]]", "            for stat in grown[:3]]")]),
        ("wrong line numbers", [("    return [(stat.traceback[0].filename, stat.traceback[0].lineno, stat.size_diff, stat.count_diff)",
                                 "    return [(stat.traceback[0].filename, stat.traceback[0].lineno + 1, stat.size_diff, stat.count_diff)")]),
        ("the course's way is not shown", [("unguarded = unguarded_top_allocators(workload)\n", "unguarded = []\n")]),
        ("the list sizes are not printed", [('print(f"list of 50,000 built by append: {sys.getsizeof(appended):,} bytes; "\n'
                                             '      f"built at its final length: {sys.getsizeof(sized):,} bytes")', "pass")]),
    ],
    "allocation-snapshot": [
        ("two structures on one line", [("    squares = {i: i * i for i in range(n // 2)}\n    floats = {rng.random() for _ in range(n * 4 // 5)}",
                                         "    squares, floats = {i: i * i for i in range(n // 2)}, {rng.random() for _ in range(n * 4 // 5)}")]),
        ("wrong squares", [("{i: i * i for i in range(n // 2)}", "{i: i * 2 for i in range(n // 2)}")]),
        ("sites printed without their lines", [('    return (f"{os.path.basename(frame.filename)}:{frame.lineno} ({assigned}): "',
                                                '    return (f"({assigned}): "')]),
        ("P2's block count not printed", [("{p2_stats[0].size:,} bytes in {p2_stats[0].count:,} blocks", "{p2_stats[0].size:,} bytes")]),
        ("concludes False", [("100,000 bytes: {stats[0].size > 100_000}", "100,000 bytes: {False}")]),
    ],
    "object-overhead": [
        ("is_cached compares one object with itself", [("    first = int(str(value))\n    second = int(str(value))\n",
                                                       "    first = value\n    second = value\n")]),
        ("traced_peak leaves tracing on", [("    peak = tracemalloc.get_traced_memory()[1]\n    tracemalloc.stop()\n    del kept",
                                            "    peak = tracemalloc.get_traced_memory()[1]\n    del kept")]),
        ("the array is built from a list", [('return array("q", range(n))', 'return array("q", list(range(n)))')]),
        ("the empty dict's size is not printed", [('"()", "{}", "{\'a\': 1}"', '"()", "{\'a\': 1}"')]),
        ("concludes the wrong way round", [("{array_peak < list_peak}", "{array_peak > list_peak}")]),
        ("the array is built from a list; the last line is written out", [
            ('return array("q", range(n))', 'return array("q", list(range(n)))'), ("{array_peak < list_peak}", "{True}")]),
    ],
    "slots-inheritance": [
        ("the base still has no slots", [('class FixedModel:\n    __slots__ = ("created",)\n', "class FixedModel:\n")]),
        ("no __weakref__ slot", [('    __slots__ = ("user_id", "name", "email", "__weakref__")',
                                  '    __slots__ = ("user_id", "name", "email")')]),
        ("the lay-out conflict is not shown", [('    print(f"class TaggedRecord(Timestamped, Tagged): TypeError: {error}")',
                                                "    pass")]),
        ("FixedUser refuses pickle", [("class FixedUser(FixedModel):\n",
                                       "class FixedUser(FixedModel):\n    def __reduce__(self):\n"
                                       "        raise TypeError(\"no pickling\")\n\n")]),
        ("concludes False", [("{not hasattr(fixed, '__dict__') and without < with_dict}", "{without > with_dict}")]),
        ("the base still has no slots; the last line is written out", [
            ('class FixedModel:\n    __slots__ = ("created",)\n', "class FixedModel:\n"),
            ("{not hasattr(fixed, '__dict__') and without < with_dict}", "{True}")]),
    ],
    "field-order-and-padding": [
        ("Reading keeps a padded order", [('    _fields_ = [("id", c_int64), ("x", c_float), ("flag", c_bool), ("kind", c_uint8)]',
                                           '    _fields_ = [("flag", c_bool), ("id", c_int64), ("x", c_float), ("kind", c_uint8)]')]),
        ("PackedReading is not packed", [("    _pack_ = 1\n", "")]),
        ("layout gives sizes for offsets", [("getattr(cls, name).offset, getattr(cls, name).size",
                                             "getattr(cls, name).size, getattr(cls, name).size")]),
        ("as_array copies a list of records", [("    records = (Reading * n)()\n    for i in range(n):\n        record = records[i]\n"
                                                "        record.id, record.x, record.flag, record.kind = values(i)\n    return records",
                                                "    return (Reading * n)(*[Reading(*values(i)) for i in range(n)])")]),
        ("no calcsize lines", [('for fmt in ("@qf?B", "=qf?B", "@?qBf", "=?qBf", "@qf?B0q"):', "for fmt in ():")]),
        ("the last line swaps two sizes", [('print("Reading: {} bytes, BadReading: {} bytes, PackedReading: {} bytes".format(*sizes))',
                                            'print("Reading: {1} bytes, BadReading: {0} bytes, PackedReading: {2} bytes".format(*sizes))')]),
        ("PackedReading is not packed; the last line is written out", [
            ("    _pack_ = 1\n", ""),
            ('print("Reading: {} bytes, BadReading: {} bytes, PackedReading: {} bytes".format(*sizes))',
             'print("Reading: 16 bytes, BadReading: 24 bytes, PackedReading: 14 bytes")')]),
    ],
    "flyweight": [
        ("shared_colour makes a new Colour on every call", [("    colour = _shared_colours.get(key)\n", "    colour = None\n")]),
        ("pixels_shared builds a Colour per pixel; the last line is written out", [
            ("def pixels_shared(n):\n    return [shared_colour(*channels(colour_code(i))) for i in range(n)]",
             "def pixels_shared(n):\n    return pixels_with_objects(n)"),
            ("{indexed_peak < shared_peak < own_peak}", "{True}")]),
        ("palette codes four bytes wide", [('codes = array("H", map(colour_code, range(n)))',
                                            'codes = array("I", map(colour_code, range(n)))')]),
        ("Currency is not frozen", [("@dataclass(frozen=True, slots=True)\nclass Currency:", "@dataclass(slots=True)\nclass Currency:")]),
        ("currency() makes a new record on every call", [("    found = _currencies.get(code)\n", "    found = None\n")]),
    ],
    "flags-and-sparse-data": [
        ("flag_at reads the bits in the wrong order", [("return bitmap[i >> 3] >> (i & 7) & 1 == 1",
                                                        "return bitmap[i >> 3] >> (7 - (i & 7)) & 1 == 1")]),
        ("pack keeps a byte per flag", [("    bitmap = bytearray((len(flags) + 7) // 8)\n    for i, flag in enumerate(flags):\n"
                                         "        if flag:\n            bitmap[i >> 3] |= 1 << (i & 7)\n    return bitmap",
                                         "    return bytearray(flags)"),
                                        ("return bitmap[i >> 3] >> (i & 7) & 1 == 1", "return bitmap[i] == 1")]),
        ("sparse_scores is the dense list as a dict; the densities and last line are written out", [
            ("    return {i: score(i) for i in range(n) if has_score(i, per_mille)}",
             "    return dict(enumerate(dense_scores(n, per_mille)))"),
            ("last_win = max(d for d, wins in dict_wins.items() if wins and d < first_loss)", "last_win = 109"),
            ("{bitmap_peak < list_peak and dict_wins[50]}", "{True}")]),
    ],
    "slices-and-copies": [
        ("first_total slices", [("    return sum(islice(readings, k))", "    return sum(readings[:k])")]),
        ("both_total builds a list", [("    return sum(chain(a, b))", "    return sum(list(chain(a, b)))")]),
        ("first_high filters everything first", [("    return list(islice((x for x in readings if x > limit), k))",
                                                  "    return [x for x in readings if x > limit][:k]")]),
        ("body_crc copies the body; the last line is written out", [
            ("        return zlib.crc32(view[header:])", "        return zlib.crc32(bytes(view[header:]))"),
            ("{all(lazier)}", "{True}")]),
        ("the BufferError is not shown", [("    frame.append(0)\nexcept BufferError", "    pass\nexcept BufferError")]),
    ],
    "weak-references": [
        ("WeakCache holds strong references", [("        self.images = weakref.WeakValueDictionary()", "        self.images = {}")]),
        ("Subject keeps its observers alive", [("        self.observers = weakref.WeakSet()", "        self.observers = set()")]),
        ("WeakNode's parent link is strong; the last line is written out", [
            ("        self._parent = weakref.ref(parent) if parent is not None else None",
             "        self._parent = (lambda p=parent: p) if parent is not None else None"),
            ("{weak[2] < weak[1] // 10 and weak[3] == 0 and strong[0] == weak[0]}", "{True}")]),
    ],
    "large-file-aggregation": [
        ("aggregate_streaming reads the whole file", [("        while chunk := f.read(CHUNK_BYTES):", "        while chunk := f.read():")]),
        ("faulty readings are counted", [("    if status:\n        return\n", "")]),
        ("HyperLogLog ranks one too low", [("        rank = (64 - self.P) - rest.bit_length() + 1",
                                            "        rank = (64 - self.P) - rest.bit_length()")]),
        ("HyperLogLog also keeps every address; the last line is written out", [
            ("        self.registers = bytearray(self.M)  # one byte each; 6 bits would do",
             "        self.registers = bytearray(self.M)  # one byte each; 6 bits would do\n        self.seen = set()"),
            ("    def add(self, item):\n        h = hash64(item)", "    def add(self, item):\n        self.seen.add(item)\n        h = hash64(item)"),
            ('{flat and abs(error) < 0.02}")', '{True}")')]),
    ],
    "collection-pauses": [
        ("build_without_pauses leaves the collector on", [("    gc.disable()\n    try:\n        pairs = build_pairs(n)",
                                                           "    try:\n        pairs = build_pairs(n)")]),
        ("build_without_pauses does not put the collector back", [("        if was_enabled:\n            gc.enable()\n\n\ndef churn(n):",
                                                                   "        pass\n\n\ndef churn(n):")]),
        ("churn_then_collect leaves the collector on", [("    gc.disable()\n    try:\n        churn(n)", "    try:\n        churn(n)")]),
        ("collections_during counts nothing; the last line is written out", [
            ("    return result, [after - start for start, after in zip(before, collections())]", "    return result, [0, 0, 0]"),
            ("{sum(quiet) == 0 and sum(during) > 0 and off_peak > 2 * churn_peak and found >= 2 * PAIRS}", "{True}")]),
    ],
}
