"""Regexes for what a program may print, as checks use them (`number`,
`loose`, `line_ref`; the package's docstring is their manual), and the
readings of printed text the harness's own `Program` and `Rerun` share:
a line's True or False conclusion, a timing line, a size, a line shortened
for a message.
"""
import re


def number(n: int) -> str:
    """A regex matching the whole number n as a program may print it: with or
    without thousands separators (1,168 or 1168), not inside a longer number."""
    forms = sorted({f"{n:,}", str(n)}, key=len, reverse=True)
    return r"(?<![\d,.])(?:" + "|".join(re.escape(f) for f in forms) + r")(?![\d]|,\d)"



def loose(phrase: str) -> str:
    """A regex for `phrase` as a program may print it: any case, and any run
    of spaces, punctuation or quotes between its words (and none needed
    around punctuation)."""
    words = re.findall(r"\w+", phrase)
    return "(?i:" + r"[\W_]*".join(re.escape(w) for w in words) + ")"


def line_ref(n: int) -> str:
    """A regex for a reference to line `n` as a program may print it:
    "line 5", "lineno=5", "Line: 5", "solution.py:5", "('solution.py', 5)"."""
    return r"(?i:(?:\blines?(?:no)?\b|\.py)\W{0,4}0*" + str(int(n)) + r")(?!\d)"



# A timing line as the reference programs print it (p.require_real_timing).
_TIMING = re.compile(r"^timing:.*?(inf|nan|\d[\d,]*(?:\.\d+)?)\s*us per call", re.IGNORECASE)


def _shorten(text, limit=80):
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# A byte figure as a program may print it: 3234431, 3,234,431, 3_234_431,
# 1562.5, 3.2 MB, 434.5 KiB, 38.1M. A unit is read only where no letter
# follows it (10 ms is not 10 MB); a bare number only where no digit does.
_SIZE = re.compile(r"(?<![\w.,])(\d{1,3}(?:[,_]\d{3})+|\d+)(\.\d+)?"
                   r"(?:\s*(kib|kb|k|mib|mb|m)(?![a-z])|(?!\d|\.\d))", re.IGNORECASE)
# Each unit in bytes, every way a program may have meant it.
_UNITS = {"": (1,), "k": (1000, 1024), "kb": (1000, 1024), "kib": (1024,),
          "m": (1e6, 2 ** 20), "mb": (1e6, 2 ** 20), "mib": (2 ** 20,)}


def _concluded(lines, phrase):
    """(index, True or False) of the last of `lines` that says `phrase`
    followed by True or False (Program.conclusion), or None."""
    pattern = re.compile(loose(phrase) + r"[\W_]*\b(True|False)\b(?!.*\b(?:True|False)\b)", re.IGNORECASE)
    for index in range(len(lines) - 1, -1, -1):
        found = pattern.search(lines[index])
        if found:
            return index, found.group(1).lower() == "true"
    return None


def _a_or_an(word):
    return ("an " if word[:1].lower() in "aeiou" else "a ") + word
