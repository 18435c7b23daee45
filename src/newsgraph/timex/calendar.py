"""Calendar arithmetic on TIMEX3 points of any granularity.

A :class:`Point` is a calendar position with a granularity: a day, a month, an ISO week, a quarter,
a half, a season, a year, a decade or a century. Relative expressions shift points by units and
print them back as TIMEX3 values (``2025-04-16``, ``2023-11``, ``1998-W08``, ``1989-Q3``, ``199``).
"""

from __future__ import annotations

import calendar as _cal
import datetime as dt
from dataclasses import dataclass, replace

from ..document import iso_day

GRANULARITIES = ("century", "decade", "year", "half", "season", "quarter", "month", "week", "day")


@dataclass(frozen=True, slots=True)
class Point:
    """A calendar point; fields finer than ``gran`` are ignored.

    ``part`` is the quarter (1-4), half (1-2), season code (SP, SU, FA, WI) or ISO week, as the
    granularity needs. ``year`` is None when the year is unknown (no publication date).
    """

    gran: str
    year: int | None
    month: int = 1
    day: int = 1
    part: int | str | None = None

    def value(self) -> str:
        y = "XXXX" if self.year is None else f"{self.year:04d}"
        g = self.gran
        if g == "century":
            return "XX" if self.year is None else f"{self.year // 100:02d}"
        if g == "decade":
            return "XXX" if self.year is None else f"{self.year // 10:03d}"
        if g == "year":
            return y
        if g == "half":
            return f"{y}-H{self.part}"
        if g == "quarter":
            return f"{y}-Q{self.part}"
        if g == "season":
            return f"{y}-{self.part}"
        if g == "month":
            return f"{y}-{self.month:02d}"
        if g == "week":
            return f"{y}-W{int(self.part or 1):02d}"
        return f"{y}-{self.month:02d}-{self.day:02d}"

    @property
    def date(self) -> dt.date | None:
        """The first day of the point (None when the year is unknown)."""
        if self.year is None:
            return None
        if self.gran == "week":
            return dt.date.fromisocalendar(self.year, int(self.part or 1), 1)
        if self.gran == "quarter":
            return dt.date(self.year, 3 * (int(self.part or 1) - 1) + 1, 1)
        if self.gran == "half":
            return dt.date(self.year, 6 * (int(self.part or 1) - 1) + 1, 1)
        if self.gran in ("year", "decade", "century", "season"):
            return dt.date(self.year, 1, 1)
        if self.gran == "month":
            return dt.date(self.year, self.month, 1)
        return dt.date(self.year, self.month, min(self.day, days_in_month(self.year, self.month)))

    @property
    def last_date(self) -> dt.date | None:
        """The last day of the point (None when the year is unknown)."""
        if self.year is None:
            return None
        g = self.gran
        if g == "day":
            return self.date
        if g == "week":
            d = self.date
            return d + dt.timedelta(days=6) if d else None
        if g == "month":
            return dt.date(self.year, self.month, days_in_month(self.year, self.month))
        if g == "quarter":
            m = 3 * int(self.part or 1)
            return dt.date(self.year, m, days_in_month(self.year, m))
        if g == "half":
            m = 6 * int(self.part or 1)
            return dt.date(self.year, m, days_in_month(self.year, m))
        if g == "decade":
            return dt.date(self.year // 10 * 10 + 9, 12, 31)
        if g == "century":
            return dt.date(self.year // 100 * 100 + 99, 12, 31)
        return dt.date(self.year, 12, 31)


def days_in_month(year: int, month: int) -> int:
    return _cal.monthrange(year, month)[1]


def day_point(d: dt.date) -> Point:
    return Point("day", d.year, d.month, d.day)


def at_gran(d: dt.date, gran: str) -> Point:
    """The point of granularity ``gran`` that contains day ``d``."""
    if gran == "week":
        iso = d.isocalendar()
        return Point("week", iso[0], d.month, d.day, iso[1])
    if gran == "quarter":
        return Point("quarter", d.year, d.month, 1, (d.month - 1) // 3 + 1)
    if gran == "half":
        return Point("half", d.year, d.month, 1, 1 if d.month <= 6 else 2)
    if gran == "month":
        return Point("month", d.year, d.month)
    if gran in ("year", "decade", "century"):
        return Point(gran, d.year)
    if gran == "season":
        return Point("season", d.year, part=season_of(d.month))
    return day_point(d)


def season_of(month: int) -> str:
    return {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU",
            8: "SU"}.get(month, "FA")


def add_months(year: int, month: int, k: int) -> tuple[int, int]:
    idx = year * 12 + (month - 1) + k
    return idx // 12, idx % 12 + 1


def shift(p: Point, unit: str, n: int) -> Point:
    """Move a point by ``n`` units (``day``, ``week``, ``month``, ``quarter``, ``year``...)."""
    if p.year is None:
        return p
    if unit == "day":
        d = p.date
        assert d is not None
        return at_gran(d + dt.timedelta(days=n), p.gran) if p.gran in ("day", "week") else p
    if unit == "week":
        d = p.date
        assert d is not None
        return at_gran(d + dt.timedelta(weeks=n), p.gran if p.gran in ("day", "week") else "week")
    if unit in ("month", "quarter", "half"):
        months = n * {"month": 1, "quarter": 3, "half": 6}[unit]
        if p.gran == "quarter":
            q = int(p.part or 1) - 1 + months // 3
            return replace(p, year=p.year + q // 4, part=q % 4 + 1)
        if p.gran == "half":
            h = int(p.part or 1) - 1 + months // 6
            return replace(p, year=p.year + h // 2, part=h % 2 + 1)
        y, m = add_months(p.year, p.month, months)
        return replace(p, year=y, month=m, day=min(p.day, days_in_month(y, m)))
    years = n * {"year": 1, "decade": 10, "century": 100}.get(unit, 1)
    if p.gran == "week":
        d = p.date
        assert d is not None
        try:
            return at_gran(d.replace(year=d.year + years), "week")
        except ValueError:
            return at_gran(d.replace(year=d.year + years, day=28), "week")
    day = p.day
    if p.gran == "day" and p.month == 2 and p.day == 29:
        day = 28
    return replace(p, year=p.year + years, day=day)


def parse_date(value: str | dt.date | None) -> dt.date | None:
    """A ``YYYY-MM-DD`` string (or a date, or a datetime's day) as a date; None for anything else."""
    day = iso_day(value)
    if not day or not isinstance(day, str):
        return None
    try:
        return dt.date.fromisoformat(day[:10])
    except ValueError:
        return None


def nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The n-th (1-based; -1 = last) given weekday of a month."""
    if n > 0:
        first = dt.date(year, month, 1)
        off = (weekday - first.weekday()) % 7
        return first + dt.timedelta(days=off + 7 * (n - 1))
    last = dt.date(year, month, days_in_month(year, month))
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


def easter(year: int) -> dt.date:
    """Western Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    day = (h + l_ - 7 * m + 114) % 31 + 1
    return dt.date(year, month, day)
