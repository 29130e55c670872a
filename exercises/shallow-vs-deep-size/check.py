"""Checks for shallow-vs-deep-size: the five statements are printed with
their values, and the program prints the sizes this interpreter really has
for the list of lists and for a growing dict."""
import sys

from heapwise_check import check, fail, number

STATEMENTS = [
    "sys.getsizeof([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) > sys.getsizeof([1, 2, 3])",
    "sys.getsizeof([[1, 2, 3], [4, 5, 6], [7, 8, 9]]) == sys.getsizeof([1, 2, 3])",
    "sys.getsizeof(dict.fromkeys('abcdefghi')) > sys.getsizeof({})",
    "sys.getsizeof([[0] * 1000 for _ in range(3)]) == sys.getsizeof([0 for _ in range(3)])",
    "sys.getsizeof(['x' * 10_000]) > sys.getsizeof(['x'])",
]


def same_code(a, b):
    """Equal up to spaces and the kind of quotes."""
    def canonical(text):
        return "".join(text.split()).replace('"', "'")
    return canonical(a) == canonical(b)


@check("the five statements are printed as `<statement>: <value>`")
def _(p):
    statements = p.get("STATEMENTS", list)
    if len(statements) != len(STATEMENTS) or not all(isinstance(s, str) for s in statements):
        fail(f"`STATEMENTS` holds {len(statements)} item(s); put the exercise's five statements in it, "
             "each as a string, in their order.")
    for given, wanted in zip(statements, STATEMENTS):
        if not same_code(given, wanted):
            fail(f"The statement {given!r} is not the exercise's {wanted!r}: write each one exactly as "
                 "given, in order (a literal and a comprehension can give different sizes).")
        value = eval(given, {"sys": sys})
        if f"{given}: {value}" not in p.lines:
            fail(f"No printed line reads \"{given}: {value}\": print each statement, a colon and its value.")


@check("the shallow size of the list of lists is printed, then with the inner lists added")
def _(p):
    rows = [[0] * 1000 for _ in range(3)]
    shallow = sys.getsizeof(rows)
    with_rows = shallow + sum(sys.getsizeof(row) for row in rows)
    p.printed(number(shallow), f"No printed line gives `sys.getsizeof(rows)`, {shallow:,} bytes here.")
    p.printed(number(with_rows), f"No printed line gives the size with the three inner lists added, "
                                 f"{with_rows:,} bytes here.")


@check("each key count at which the dict's size changes is printed with the new size")
def _(p):
    table, size, steps = {}, sys.getsizeof({}), []
    for key in range(1, 23):
        table[key] = None
        if sys.getsizeof(table) != size:
            size = sys.getsizeof(table)
            steps.append((key, size))
    for keys, size in steps:
        p.printed(rf"{number(keys)}.*{number(size)}|{number(size)}.*{number(keys)}",
                  f"Adding keys 1 to 22, `getsizeof` changes at {len(steps)} counts here "
                  f"({', '.join(f'{k} key{chr(115) * (k != 1)}: {s:,} bytes' for k, s in steps)}); no printed line gives {keys} "
                  f"with {size:,}.")


@check("the last line says the shallow size ignores what the slots refer to: True")
def _(p):
    said = p.expect_last_line(r"the shallow size ignores what the slots refer to: (True|False)",
                              "the shallow size ignores what the slots refer to: True")
    if said.group(1) != "True":
        fail("Your program concluded False, but `sys.getsizeof(['x' * 10_000])` equals "
             "`sys.getsizeof(['x'])`: a list's size counts its pointers, not what they point to.")
