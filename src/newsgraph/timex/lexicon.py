"""Word tables for the time grammar: month, weekday, unit and number words.

Kept apart from the grammar so the patterns read as grammar and the tables can grow on their own.
"""

from __future__ import annotations

import re

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
    "dec": 12,
}
# full names that are also common English words must be capitalized to count as months
AMBIGUOUS_MONTHS = frozenset({"may", "march"})

WEEKDAYS: dict[str, int] = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5,
    "sat": 5, "sunday": 6, "sun": 6,
}

SEASONS: dict[str, str] = {
    "spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI",
}

# TIMEX3 parts of the day
DAY_PARTS: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
}

# unit word -> (TIMEX3 duration letter, is a time unit (needs the T designator), multiplier)
UNITS: dict[str, tuple[str, bool, int]] = {
    "second": ("S", True, 1), "minute": ("M", True, 1), "hour": ("H", True, 1),
    "day": ("D", False, 1), "night": ("D", False, 1), "week": ("W", False, 1),
    "fortnight": ("W", False, 2), "month": ("M", False, 1), "quarter": ("Q", False, 1),
    "year": ("Y", False, 1), "decade": ("Y", False, 10), "century": ("Y", False, 100),
    "millennium": ("Y", False, 1000), "weekend": ("WE", False, 1),
}
UNIT_PLURALS: dict[str, str] = {
    "seconds": "second", "minutes": "minute", "hours": "hour", "days": "day", "nights": "night",
    "weeks": "week", "fortnights": "fortnight", "months": "month", "quarters": "quarter",
    "years": "year", "decades": "decade", "centuries": "century", "millennia": "millennium",
    "weekends": "weekend",
}
# a plural unit with no number ("for years") has an unknown count
VAGUE_UNIT: dict[str, str] = {
    "second": "PTXS", "minute": "PTXM", "hour": "PTXH", "day": "PXD", "night": "PXD",
    "week": "PXW", "fortnight": "PXW", "month": "PXM", "quarter": "PXQ", "year": "PXY",
    "decade": "PXE", "century": "PXC", "millennium": "PXL", "weekend": "PXWE",
}

ONES: dict[str, int] = {
    "zero": 0, "one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
# quantities without a number: the count is unknown (X in the value)
VAGUE_QUANT = frozenset({"several", "few", "a few", "some", "many", "a number of", "numerous",
                         "countless", "multiple"})
COUPLE = frozenset({"a couple of", "couple of", "a couple", "a pair of"})

ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "twenty-second": 22,
    "twenty-third": 23, "twenty-fourth": 24, "twenty-fifth": 25, "twenty-sixth": 26,
    "twenty-seventh": 27, "twenty-eighth": 28, "twenty-ninth": 29, "thirtieth": 30,
    "thirty-first": 31, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "last": -1, "final": -1,
}

# modifier words before a duration or point -> TIMEX3 mod
APPROX_WORDS = ("about", "around", "approximately", "roughly", "some", "nearly", "almost",
                "close to", "more or less")
MODS: dict[str, str] = {
    "more than": "MORE_THAN", "over": "MORE_THAN", "upwards of": "MORE_THAN",
    "in excess of": "MORE_THAN", "longer than": "MORE_THAN", "well over": "MORE_THAN",
    "less than": "LESS_THAN", "under": "LESS_THAN", "fewer than": "LESS_THAN",
    "shorter than": "LESS_THAN", "almost": "LESS_THAN", "nearly": "APPROX",
    "at least": "EQUAL_OR_MORE", "no less than": "EQUAL_OR_MORE", "at most": "EQUAL_OR_LESS",
    "up to": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS", "about": "APPROX",
    "around": "APPROX", "approximately": "APPROX", "roughly": "APPROX", "some": "APPROX",
    "close to": "APPROX", "more or less": "APPROX", "just over": "MORE_THAN",
    "just under": "LESS_THAN", "a little over": "MORE_THAN", "a little more than": "MORE_THAN",
    "well under": "LESS_THAN", "barely": "EQUAL_OR_LESS", "only": None,  # type: ignore[dict-item]
}

# "early 1990", "late November", "mid-1996", "the end of 1990"
POINT_MODS: dict[str, str] = {
    "early": "START", "earlier": "START", "beginning": "START", "start": "START",
    "late": "END", "later": "END", "end": "END", "close": "END", "mid": "MID", "middle": "MID",
}


def _word_number(words: list[str]) -> int | None:
    total, current = 0, 0
    seen = False
    for w in words:
        if w in ("and",):
            continue
        if w in ONES:
            current += ONES[w]
        elif w in TENS:
            current += TENS[w]
        elif w == "hundred":
            current = max(current, 1) * 100
        elif w == "thousand":
            total += max(current, 1) * 1000
            current = 0
        elif w == "dozen":
            current = max(current, 1) * 12
        else:
            return None
        seen = True
    return total + current if seen else None


_SPLIT = re.compile(r"[\s\-]+")


_AND_A_HALF = re.compile(r"[\s\-]+and[\s\-]+a[\s\-]+half$")


def parse_number(text: str) -> int | float | None:
    """A cardinal written in digits or words ("12", "1,500", "twenty-four", "a"); else None."""
    t = text.strip().lower()
    if not t:
        return None
    half = 0.0
    if t.endswith(("1/2", "½")):
        t, half = t.rstrip("½").removesuffix("1/2").strip(), 0.5
    elif _AND_A_HALF.search(t):
        t, half = _AND_A_HALF.sub("", t), 0.5
        whole = parse_number(t)
        return whole + half if whole is not None else None
    digits = t.replace(",", "")
    if half and digits.isdigit():
        return int(digits) + half
    if digits.replace(".", "", 1).isdigit():
        return float(digits) if "." in digits else int(digits)
    if t in ("half", "a half"):
        return 0.5
    return _word_number([w for w in _SPLIT.split(t) if w])


def number_alternation() -> str:
    """Regex (no groups) for a cardinal in words or digits, longest alternatives first."""
    small = sorted(set(ONES) - {"a", "an", "zero"}, key=len, reverse=True)
    tens = sorted(TENS, key=len, reverse=True)
    word = (rf"(?:(?:{'|'.join(tens)})(?:[\s\-](?:{'|'.join(small)}))?|{'|'.join(small)})"
            rf"(?:[\s\-](?:hundred|thousand)(?:[\s\-](?:and[\s\-])?"
            rf"(?:(?:{'|'.join(tens)})(?:[\s\-](?:{'|'.join(small)}))?|{'|'.join(small)}))?)?")
    return (rf"(?:(?:\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?(?:\s+1/2|½)?|{word})"
            rf"(?:[\s\-]+and[\s\-]+a[\s\-]+half(?!\w))?)")
