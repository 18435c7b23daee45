"""Date and duration arithmetic for checking stated numbers against the article's dates.

Dates are TIMEX3 values of any granularity (``2023-10-07``, ``2023-11``, ``2023``), so every
computation works on ranges: the least and the most a quantity can be given what the text says.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .timing import date_range

_DURATION = re.compile(r"^P(\d+(?:\.\d+)?|X)([DWMY])$")
UNIT_NAMES = {"D": "day", "W": "week", "M": "month", "Y": "year"}


@dataclass(frozen=True, slots=True)
class Duration:
    amount: float | None  # None for a vague amount ("days", "PXD")
    unit: str  # D W M Y

    def describe(self) -> str:
        name = UNIT_NAMES[self.unit]
        if self.amount is None:
            return f"some {name}s"
        n = int(self.amount) if float(self.amount).is_integer() else self.amount
        return f"{n} {name}{'' if n == 1 else 's'}"


def parse_duration(value: str) -> Duration | None:
    m = _DURATION.match(value or "")
    if not m:
        return None
    amount = None if m[1] == "X" else float(m[1])
    return Duration(amount, m[2])


def whole_months(a: dt.date, b: dt.date) -> int:
    """Complete calendar months from a to b."""
    months = (b.year - a.year) * 12 + (b.month - a.month)
    if b.day < a.day:
        months -= 1
    return months


@dataclass(frozen=True, slots=True)
class Elapsed:
    """Days between two dates given as ranges: lo..hi days elapsed (end minus start)."""

    lo: int
    hi: int
    start: str
    end: str
    months_lo: int
    months_hi: int

    @classmethod
    def between(cls, start: str, end: str) -> Elapsed | None:
        a, b = date_range(start), date_range(end)
        if a is None or b is None:
            return None
        lo, hi = (b[0] - a[1]).days, (b[1] - a[0]).days
        if hi < 0:
            return None
        return cls(max(lo, 0), hi, start, end, max(whole_months(a[1], b[0]), 0),
                   max(whole_months(a[0], b[1]), 0))

    def describe(self) -> str:
        if self.lo == self.hi:
            return (f"{self.start} .. {self.end}: {self.lo} days elapsed, "
                    f"{self.lo + 1} counting both the first and the last day")
        return f"{self.start} .. {self.end}: between {self.lo} and {self.hi} days elapsed"

    def iso(self) -> str:
        return f"P{self.lo}D" if self.lo == self.hi else f"P{self.lo}D..P{self.hi}D"


def check(stated: Duration, mod: str | None, gap: Elapsed) -> tuple[str, str]:
    """(verdict, reason) for a stated duration against the elapsed time."""
    unit = stated.unit
    if unit in ("D", "W"):
        per = 1 if unit == "D" else 7
        lo, hi = gap.lo / per, (gap.hi + 1) / per  # +1: counting both ends is a usual way
        exact = unit == "D"
    else:
        per = 1 if unit == "M" else 12
        lo, hi = gap.months_lo / per, (gap.months_hi + 1) / per
        exact = False
    if stated.amount is None:
        # "days", "weeks": a few of the unit, at least one and fewer than the next unit up
        cap = {"D": 30, "W": 9, "M": 24, "Y": 100}[unit]
        ok = hi >= 1 and lo < cap
        return ("consistent" if ok else "inconsistent",
                f"'{stated.describe()}' means more than one and fewer than {cap}")
    n = stated.amount
    if mod in ("MORE_THAN", "EQUAL_OR_MORE", "START"):
        ok = hi > n if mod == "MORE_THAN" else hi >= n
        return ("consistent" if ok else "inconsistent", f"stated more than {stated.describe()}")
    if mod in ("LESS_THAN", "EQUAL_OR_LESS"):
        ok = lo < n if mod == "LESS_THAN" else lo <= n
        return ("consistent" if ok else "inconsistent", f"stated less than {stated.describe()}")
    if mod == "APPROX":
        tol = max(n * 0.1, 1.0)
        ok = lo - tol <= n <= hi + tol
        return ("consistent" if ok else "inconsistent",
                f"stated about {stated.describe()} (10% allowed)")
    if exact:
        ok = round(lo) <= n <= round(hi)
        if ok and gap.lo == gap.hi:
            how = ("days elapsed" if n == gap.lo else "counting both ends" if n == gap.lo + 1
                   else "")
            return "consistent", f"stated {stated.describe()}: matches {how}".rstrip(": ")
        return ("consistent" if ok else "inconsistent",
                f"stated {stated.describe()}" + ("" if ok else ", off by "
                                                 f"{_off(n, lo, hi)} {UNIT_NAMES[unit]}s"))
    # weeks, months and years are said in whole units, rounded either way
    ok = int(lo) <= n <= int(hi + 0.5) if unit != "W" else lo - 1 <= n <= hi + 1
    return ("consistent" if ok else "inconsistent",
            f"stated {stated.describe()}, whole {UNIT_NAMES[unit]}s elapsed: "
            f"{int(lo)}" + ("" if int(lo) == int(hi) else f"..{int(hi)}"))


def _off(n: float, lo: float, hi: float) -> str:
    d = lo - n if n < lo else n - hi
    return f"{d:g}"
