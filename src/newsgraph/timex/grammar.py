"""The time grammar: patterns that find TIMEX3 expressions and handlers that normalize them.

Each rule is a compiled pattern plus a handler ``(match, Resolver) -> Hit | None``. All rules run
once over the text; overlapping candidates are settled longest-first; the survivors are normalized
in text order so that the reference-time model (:mod:`.reference`) sees the story as a reader does.

Extents follow the TimeML (TempEval-3) rules: determiners and modifiers that belong to the
expression ("the late 1990s", "over a year", "earlier this month") are inside, prepositions ("on",
"in", "since", "for") are not.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import cast

from . import lexicon as lx
from .calendar import (
    Point,
    at_gran,
    day_point,
    days_in_month,
    easter,
    nth_weekday,
    shift,
)
from .reference import FUTURE, MODAL, PAST, PRESENT, ReferenceTime

# --------------------------------------------------------------------------- pattern pieces


def _alt(words: list[str] | tuple[str, ...] | set[str] | frozenset[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len,
                                                                          reverse=True))


def _caps(words: list[str]) -> str:
    """Capitalized or upper-case forms only."""
    forms = {w.capitalize() for w in words} | {w.upper() for w in words}
    return _alt(sorted(forms))


_FULL_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
                "september", "october", "november", "december"]
_ABBR_MONTHS = ["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sept", "sep", "oct", "nov", "dec"]
MONTH = (rf"(?:{_caps(_FULL_MONTHS)}|"
         rf"{_alt([m for m in _FULL_MONTHS if m not in lx.AMBIGUOUS_MONTHS])}|"
         rf"(?:{_caps(_ABBR_MONTHS)})\.?)(?![A-Za-z])")
_FULL_DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
WEEKDAY = rf"(?i:{_alt(_FULL_DAYS)})(?![A-Za-z])"
WEEKDAY_ANY = (rf"(?:(?i:{_alt(_FULL_DAYS)})|"
               rf"(?:{_caps(['mon', 'tues', 'tue', 'wed', 'thurs', 'thur', 'thu', 'fri', 'sat', 'sun'])})\.?)"
               r"(?![A-Za-z])")
_ORD_WORDS = [w for w in lx.ORDINALS if w.isalpha() or "-" in w]
DAY = (r"(?:(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d:.]\d|\d|%|,(?!(?:19|20)\d\d(?!\d))\d)"
       rf"|(?i:{_alt([w for w in _ORD_WORDS if w not in ('last', 'final')])})(?![\w-]))")
YEAR4 = r"(?<![\d$.,#])(?:1[5-9]\d\d|20\d\d)(?!\d|,\d|\.\d|\s*%|-\d)"
YEAR2 = r"['’]\d\d(?!\w)"
YEAR4D = r"(?:1[5-9]\d\d|20\d\d)(?!\d)"  # a year right after a month-day: "June 30,2015"
NUM = rf"(?:(?i:a\s+(?:hundred|thousand))|{lx.number_alternation()})"
_VAGUE = r"(?:several|a\s+few|few|some|many|a\s+number\s+of|numerous|countless|multiple|a\s+couple\s+of|a\s+couple|couple\s+of)"
_UNIT_WORDS = sorted(set(lx.UNITS) | set(lx.UNIT_PLURALS) - {"weekend", "weekends"}, key=len,
                     reverse=True)
UNIT = rf"(?:{_alt(_UNIT_WORDS)})(?![\w])"
_MOD_WORDS = sorted((k for k in lx.MODS), key=len, reverse=True)
MOD = rf"(?:{_alt(_MOD_WORDS)})"
POINTMOD = (r"(?:the\s+)?(?:very\s+)?(?:early|late|mid|middle|end|beginning|start|close|turn)"
            r"(?:(?:\s+of)?(?:\s+the)?)?")
B = r"(?<![\w'’\-])"  # left word boundary that also refuses hyphenated and possessive joins


def _ci(p: str) -> str:
    return f"(?i:{p})"


SPELLED_YEAR = (r"(?i:(?:nineteen|eighteen|twenty)[\s-](?:(?:twenty|thirty|forty|fifty|sixty|"
                r"seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?"
                r"|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|"
                r"nineteen|hundred)|two\s+thousand(?:\s+(?:and\s+)?(?:one|two|three|four|five|six|"
                r"seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
                r"eighteen|nineteen|twenty(?:[\s-](?:one|two|three|four|five|six|seven|eight|"
                r"nine))?))?)(?![\w-])")

# --------------------------------------------------------------------------- results


@dataclass(frozen=True, slots=True)
class Hit:
    type: str
    value: str
    mod: str | None = None
    start: int | None = None  # narrower extent than the match, when a handler trims it
    end: int | None = None
    point: Point | None = None  # the calendar point, for the reference-time model
    explicit_year: bool = False
    anchor: str | None = None
    moves_ref: bool = True  # False for anaphoric shifts ("a year earlier"): the story stays put
    # True when the story itself goes to the point ("the following year", "two years later"):
    # later bare months in its past tense are read from there, not from before the move
    advances: bool = False


# A handler's answer for words that are a name, not a time ("Fat Tuesday cakes", "a Christmas
# tree"): the span is taken, so no shorter rule reads a time inside it, and nothing is emitted.
# (None, by contrast, frees the span for shorter readings.)
NOT_A_TIMEX = Hit("NONE", "")

Handler = Callable[[re.Match[str], "Resolver"], "Hit | list[Hit] | None"]


class Resolver:
    """Normalization context of one document: publication date, reference time, tense."""

    def __init__(self, text: str, ref: ReferenceTime, tense: Callable[[int, int], str | None]):
        self.text = text
        self.ref = ref
        self._tense = tense
        self._tense_cache: dict[tuple[int, int], str | None] = {}
        # True while overlapping candidates are settled, before the story has been read: a
        # handler that needs the reference time must not refuse for want of it then
        self.settling = False

    @property
    def dct(self) -> dt.date | None:
        return self.ref.dct

    def tense(self, m: re.Match[str]) -> str | None:
        key = m.span()
        if key not in self._tense_cache:
            self._tense_cache[key] = self._tense(*key)
        return self._tense_cache[key]

    def before(self, m: re.Match[str], n: int = 24) -> str:
        return self.text[max(0, m.start() - n):m.start()].lower()

    def after(self, m: re.Match[str], n: int = 24) -> str:
        return self.text[m.end():m.end() + n].lower()

    # ---- anchoring helpers

    def dct_at(self, gran: str) -> Point | None:
        return at_gran(self.dct, gran) if self.dct else None

    def story_day(self) -> Point | None:
        """The day the story is at: the last resolved point, when it is a dated day."""
        last = self.ref.last
        return last if last is not None and last.gran == "day" and last.year is not None else None

    def pick_year(self, m: re.Match[str], month: int, day: int | None, *,
                  tenseless: bool = False) -> tuple[int | None, str]:
        """The year of a bare month or month-day: narrative or publication anchor, biased by the
        clause's tense unless ``tenseless``."""
        tense = None if tenseless else self.tense(m)
        anchor = self.ref.anchor(m.start(), tense)
        if anchor.date is None:
            return None, anchor.source
        a = anchor.date
        cands = []
        for y in (a.year - 1, a.year, a.year + 1):
            d = day or 1
            if day is not None and day > days_in_month(y, month):
                continue
            first = dt.date(y, month, d)
            last = first if day is not None else dt.date(y, month, days_in_month(y, month))
            cands.append((y, first, last))
        if not cands:
            return a.year, anchor.source
        if anchor.source == "narrative":
            past = [c for c in cands if c[1] <= a]
            if past:
                return max(past, key=lambda c: c[1])[0], anchor.source
        return min(cands, key=lambda c: _cost(c[1], c[2], a, tense, _MONTH_WEIGHTS))[0], \
            anchor.source

    def weekday(self, m: re.Match[str], wd: int, rel: str | None) -> Point | None:
        if self.dct is None:
            return None
        d = self.dct
        back = (d.weekday() - wd) % 7
        fwd = (wd - d.weekday()) % 7
        rel = re.sub(r"\s+", " ", (rel or "").lower()).replace("the ", "")
        if rel in ("last", "past", "this past"):
            return day_point(d - dt.timedelta(days=back or 7))
        if rel in ("next", "coming", "this coming"):
            return day_point(d + dt.timedelta(days=fwd or 7))
        if rel == "this":
            monday = d - dt.timedelta(days=d.weekday())
            return day_point(monday + dt.timedelta(days=wd))
        if rel in ("previous", "preceding", "prior") or rel == "following":
            # "the previous Friday": the one before the day the story is on, not before today
            last = self.ref.last
            base = last.date if last is not None and last.gran == "day" else None
            if base is not None:
                if rel == "following":
                    return day_point(base + dt.timedelta(days=(wd - base.weekday()) % 7 or 7))
                return day_point(base - dt.timedelta(days=(base.weekday() - wd) % 7 or 7))
            if rel == "following":
                return day_point(d + dt.timedelta(days=fwd or 7))
            return day_point(d - dt.timedelta(days=back or 7))
        last = self.ref.last
        if last is not None and last.gran == "week" and last.date is not None and \
                0 <= m.start() - self.ref.last_start <= 60 and \
                not re.search(r"[.!?;]['\"”’]?\s", self.text[self.ref.last_start:m.start()]):
            # "the week before, on Tuesday, the dam cracked": the Tuesday of the week just named,
            # in the same sentence
            return day_point(last.date + dt.timedelta(days=wd))
        if back == 0:
            return day_point(d)
        before = d - dt.timedelta(days=back)
        after = d + dt.timedelta(days=fwd)
        tense = self.tense(m)
        return day_point(min((before, after), key=lambda x: _cost(x, x, d, tense)))


# How many times its distance in days a reading costs: readings against a firm tense are dear,
# and with no tense the future is dearer than the past (news mostly reports what happened). A
# past tense never reads a weekday as tomorrow ("delivered the jet on Tuesday" published on a
# Monday is six days back); clauses that do look ahead from a past verb, plans and deferrals,
# are told apart by reference.tense_at.
_WEIGHTS: dict[str | None, tuple[float, float]] = {  # tense -> (past weight, future weight)
    PAST: (1.0, 7.0), FUTURE: (7.0, 1.0), MODAL: (2.0, 1.0), None: (1.0, 1.5),
}


# A month or month-day can be up to a year away, so a reading against a firm tense must be far
# dearer for the tense to win ("was founded in January" written in October is the last January,
# "a mission in December" planned in March the coming one); a deadline a few weeks ahead in a
# past clause still beats a date eleven months back.
_MONTH_WEIGHTS: dict[str | None, tuple[float, float]] = {
    PAST: (1.0, 12.0), FUTURE: (12.0, 1.0), MODAL: (1.5, 1.0), None: (1.0, 2.0),
}


def _cost(first: dt.date, last: dt.date, anchor: dt.date, tense: str | None,
          weights: dict[str | None, tuple[float, float]] = _WEIGHTS) -> tuple[float, int]:
    """How unlikely a calendar reading is: distance from the anchor, weighted by the tense."""
    if first <= anchor <= last:
        return 0, 0
    wp, wf = weights.get(tense, weights[None])
    if last < anchor:
        return (anchor - last).days * wp, 0
    return (first - anchor).days * wf, 1


# --------------------------------------------------------------------------- handlers


def _month_num(word: str) -> int:
    return lx.MONTHS[word.lower().rstrip(".")]


def _day_num(word: str) -> int:
    w = word.lower()
    if w in lx.ORDINALS:
        return lx.ORDINALS[w]
    return int(re.match(r"\d+", w).group())  # type: ignore[union-attr]


def _spelled_year(text: str) -> int | None:
    words = re.split(r"[\s-]+", text.lower())
    if words[0] == "two":
        n = lx.parse_number(" ".join(words))
        return n if isinstance(n, int) else None
    hi = lx.parse_number(words[0])
    lo = 0 if words[1:] == ["hundred"] else lx.parse_number(" ".join(words[1:]))
    return hi * 100 + lo if isinstance(hi, int) and isinstance(lo, int) else None


def _year_num(word: str, r: Resolver) -> int:
    if word[-1:].isalpha():
        return _spelled_year(word) or 0
    w = word.strip("'’")
    if len(w) == 2:
        yy = int(w)
        base = r.dct.year if r.dct else 2000
        century = base // 100 * 100
        y = century + yy
        return y - 100 if y > base + 10 else y
    return int(w)


def _pointmod(word: str | None) -> str | None:
    if not word:
        return None
    w = word.lower().replace("the ", "").replace("very ", "").strip()
    w = w.split()[0] if w else w
    return lx.POINT_MODS.get(w)


def _mod_of(word: str | None) -> str | None:
    if not word:
        return None
    return lx.MODS.get(re.sub(r"\s+", " ", word.lower()))


def _valid_day(y: int | None, mo: int, d: int) -> bool:
    return 1 <= d <= (days_in_month(y, mo) if y else {2: 29}.get(mo, 31 if mo in
                                                                  (1, 3, 5, 7, 8, 10, 12) else 30))


def h_date(m: re.Match[str], r: Resolver) -> Hit | None:
    mon = _month_num(m["mon"])
    day = _day_num(m["day"])
    if m["year"]:
        y: int | None = _year_num(m["year"], r)
        explicit, src = True, None
    else:
        y, src = r.pick_year(m, mon, day)
        explicit = False
        rel = re.search(r"\b(last|next)\s+$", r.before(m, 6))
        if rel and r.dct is not None:
            # "last Oct. 23" is the one before publication, "next Oct. 23" the one after
            ahead = (mon, day) > (r.dct.month, r.dct.day)
            y = r.dct.year - (1 if ahead else 0) if rel.group(1) == "last" else \
                r.dct.year + (0 if ahead else 1)
            src = "publication"
    if not _valid_day(y, mon, day):
        return None
    p = Point("day", y, mon, day)
    return Hit("DATE", p.value(), None, point=p, explicit_year=explicit, anchor=src)


def h_date_range(m: re.Match[str], r: Resolver) -> list[Hit] | None:
    """"July 2-3", "2-3 July": two dates, the second extent being the bare day number."""
    mon = _month_num(m["mon"])
    d1, d2 = _day_num(m["day"]), _day_num(m["day2"])
    if not d1 < d2 <= 31:
        return None
    if m["year"]:
        y: int | None = _year_num(m["year"], r)
    else:
        y, _ = r.pick_year(m, mon, d1)
    if not (_valid_day(y, mon, d1) and _valid_day(y, mon, d2)):
        return None
    p1, p2 = Point("day", y, mon, d1), Point("day", y, mon, d2)
    if m.start("mon") < m.start("day"):
        s1, e1 = m.start(), m.end("day")
        s2, e2 = m.start("day2"), m.end()
    else:
        s1, e1 = m.start(), m.end("day")
        s2, e2 = m.start("day2"), m.end()
    return [Hit("DATE", p1.value(), start=s1, end=e1, point=p1),
            Hit("DATE", p2.value(), start=s2, end=e2, point=p2)]


def h_nine_eleven(m: re.Match[str], r: Resolver) -> Hit | None:
    """"9/11" with no year is the day of the 2001 attacks, a date the name stands for; a tally
    ("shot 9/11 from the field", "9/11 passes") is not."""
    if re.search(r"\b(?:shot|shoots|went|goes|made|makes|hit|hits|completed|was|were|is|are|"
                 r"scored|finished)\s+$", r.before(m, 12)) or \
            re.match(r"\s+(?:from|of|shooting|passes|attempts|free|on\s+(?:shots|passes))\b",
                     r.after(m, 16)):
        return None
    p = Point("day", 2001, 9, 11)
    return Hit("DATE", p.value(), point=p, explicit_year=True)


def h_numeric(m: re.Match[str], r: Resolver) -> Hit | None:
    y = int(m["y"]) if len(m["y"]) == 4 else _year_num("'" + m["y"], r)
    mo, d = int(m["m"]), int(m["d"])
    if not (1 <= mo <= 12 and _valid_day(y, mo, d)):
        return None
    p = Point("day", y, mo, d)
    return Hit("DATE", p.value(), point=p, explicit_year=True)


def h_year_apostrophe(m: re.Match[str], r: Resolver) -> Hit | None:
    """"in '98", "the class of '05": the two digits nearest the publication year, as
    _year_num reads them (at most ten years ahead)."""
    y = _year_num("'" + m["yy"], r)
    p = Point("year", y)
    return Hit("DATE", p.value(), point=p, explicit_year=True, start=m.start("body"))


_QCODE_BEFORE = re.compile(r"\b(?:in|for|of|during|the|its|their|this|last|next|by|from|to|"
                           r"through|and|than|since|until|a|first|second|third|fourth)\s+$")
_QCODE_AFTER = re.compile(r"\s+(?:results?|earnings|sales|revenues?|loss(?:es)?|profits?|"
                          r"income|reports?|figures|guidance|growth|GDP|output|deliveries|"
                          r"shipments|margins?|forecasts?)\b", re.IGNORECASE)


def h_quarter_code(m: re.Match[str], r: Resolver) -> Hit | None:
    """Business shorthand: "Q3 2023", "3Q23", "H1 2024", "FY2023". Without a year the code
    must read as a period ("in Q3", "3Q earnings"), not a label ("Q1: how did it start?")."""
    if not m["y"] and not (_QCODE_BEFORE.search(r.before(m, 12)) or
                           _QCODE_AFTER.match(r.after(m, 14))):
        return None
    year: int | None = None
    if m["y"]:
        year = _year_num(m["y"] if len(m["y"].strip("'’")) == 4 else "'" + m["y"].strip("'’"), r)
    if m["fy"] is not None:
        if year is None:
            return None
        p = Point("year", year)
        return Hit("DATE", p.value(), point=p, explicit_year=True)
    half = (m["h"] or m["h2"]) is not None
    n = int(m["q"] or m["q2"] or m["h"] or m["h2"])
    if year is None:
        year = _part_year(n, half, m, r)
        if year is None:
            return Hit("DATE", f"XXXX-{'H' if half else 'Q'}{n}")
    p = Point("half" if half else "quarter", year, part=n)
    return Hit("DATE", p.value(), point=p, explicit_year=m["y"] is not None)


def h_era_year(m: re.Match[str], r: Resolver) -> Hit | None:
    """"300 BC", "AD 79", "the 5th century BC": years and centuries before or in the common
    era, in TIMEX3's BC-prefixed form."""
    era = (m["era"] or m["era2"] or "").upper().replace(".", "")
    n = int(m["n"] or m["n2"])
    if n == 0 or n > 9999:
        return None
    if era in ("BC", "BCE"):
        return Hit("DATE", f"BC{n:04d}")
    p = Point("year", n)
    return Hit("DATE", f"{n:04d}", point=p, explicit_year=True)


_HALF_OF = {"second": "PT0.5S", "minute": "PT30S", "hour": "PT30M", "day": "PT12H",
            "year": "P6M", "decade": "P5Y", "century": "P50Y"}


def h_half_unit(m: re.Match[str], r: Resolver) -> Hit | None:
    """"half an hour", "about half a century": half of one unit, in the next smaller one."""
    value = _HALF_OF.get(m["unit"].lower())
    if value is None:
        return None
    return Hit("DURATION", value, _mod_of(m["mod"]))


def h_ordinal_day(m: re.Match[str], r: Resolver) -> Hit | None:
    """"On the 15th, he was freed": that day of the month the story is in, or of the
    publication month, the one before it when the day is still ahead in a past clause."""
    d = int(m["d"])
    last = r.ref.last
    if last is not None and last.year is not None and last.gran in ("month", "day") and \
            last.month is not None:
        y, mo = last.year, last.month
    elif r.dct is not None:
        y, mo = r.dct.year, r.dct.month
        tense = r.tense(m)
        if d > r.dct.day and tense == PAST:
            y, mo = (y, mo - 1) if mo > 1 else (y - 1, 12)
        elif d < r.dct.day and tense == FUTURE:
            y, mo = (y, mo + 1) if mo < 12 else (y + 1, 1)
    else:
        return Hit("DATE", f"XXXX-XX-{d:02d}", start=m.start("body"))
    if not _valid_day(y, mo, d):
        return None
    p = Point("day", y, mo, d)
    return Hit("DATE", p.value(), point=p, start=m.start("body"))


def h_early_hours(m: re.Match[str], r: Resolver) -> Hit | None:
    """"the early hours of Sunday (morning)": the first hours of that day."""
    w = m["day"].lower()
    base = _day_word_point(w, m, r)
    value = (base.value() if base else "XXXX-XX-XX") + "TMO"
    return Hit("TIME", value, "START", point=base)


def h_month_year(m: re.Match[str], r: Resolver) -> Hit | None:
    p = Point("month", _year_num(m["year"], r), _month_num(m["mon"]))
    return Hit("DATE", p.value(), _pointmod(m["pm"]), point=p, explicit_year=True)


_MAY_CONTEXT = re.compile(r"(?:\b(?:in|of|since|until|till|by|last|next|this|early|late|mid|"
                          r"during|through|from|to|before|after|between|and|or|since|that|"
                          r"end|beginning|middle|each|every)\s*-?|[,;])\s*$")


def h_month(m: re.Match[str], r: Resolver) -> Hit | None:
    word = m["mon"].lower().rstrip(".")
    if word in ("may", "march", "mar") and not (m["rel"] or m["pm"] or m["rel2"]):
        if not _MAY_CONTEXT.search(r.before(m, 16)):
            return None
    if word in ("jan", "jun", "jul", "mar", "apr", "aug", "dec", "nov", "oct", "sep", "sept") and \
            not m["mon"].endswith(".") and re.match(r"\s+[A-Z]", r.text[m.end():m.end() + 3]):
        return None
    if m["rel"] and not m["rel2"] and re.match(r"\s*(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b",
                                              r.after(m, 6)):
        return None  # "last Oct. 23" is a day: leave it to the month-day reading
    mon = _month_num(m["mon"])
    rel = (m["rel"] or "").lower()
    rel2 = (m["rel2"] or "").lower()
    if r.dct is None:
        y: int | None = None
    elif rel2:
        y = r.dct.year + {"last": -1, "next": 1}.get(rel2, 0)
    elif rel:
        rel = re.sub(r"\s+", " ", rel)
        if rel in ("last", "past", "this past"):
            y = r.dct.year if mon < r.dct.month else r.dct.year - 1
        elif rel in ("next", "coming", "this coming"):
            y = r.dct.year if mon > r.dct.month else r.dct.year + 1
        else:
            y = r.dct.year
    else:
        y, _ = r.pick_year(m, mon, None, tenseless=_names_a_thing(m, r))
    p = Point("month", y, mon)
    return Hit("DATE", p.value(), _pointmod(m["pm"]), point=p)


_THING_AFTER = re.compile(r"\s+(?!(?:of|and|or|to|through|until|till|in|at|on|for|by|from|when|"
                          r"as|is|was|were|are|will|would|has|had|have|that|which|after|"
                          r"before)\b)[a-z]")


def _names_a_thing(m: re.Match[str], r: Resolver) -> bool:
    """"the November runoff", "a July summit": a month naming an occasion. The clause's tense
    says nothing about when the occasion is ("approved the plan ahead of the November
    referendum"), so the nearest reading wins."""
    return bool(re.search(r"\b(?:the|a|an|its|their|his|her|our|this|that)\s+$", r.before(m, 8))
                and _THING_AFTER.match(r.after(m, 12)))


# counts and codes that look like years: "1990 shares", "No. 1990", "$2000", "Route 2010-15"
_COUNT_AFTER = re.compile(
    r"\s*(?:[a-z]+\s+)?(?:shares|people|troops|points|yards|feet|meters|miles|cars|units|"
    r"employees|workers|jobs|votes|dollars|tons|barrels|pounds|metres|kilometers|acres|men|women|"
    r"soldiers|students|residents|copies|homes|cases|deaths|calories|rpm|cc|hp|mph|km|kg|lb|"
    r"square|seats|rooms)\b")
_CODE_BEFORE = re.compile(r"(?:no\.|number|#|rs\.|route|flight|room|\$|us\$)\s*$")


def h_year_range(m: re.Match[str], r: Resolver) -> list[Hit] | None:
    """"2009-2011", "the 2015-16 season": two years, the second extent being its digits, as
    "from 2009 to 2011" is two."""
    y1 = int(m["y1"])
    y2 = int(m["y2"]) if len(m["y2"]) == 4 else y1 // 100 * 100 + int(m["y2"])
    if not y1 < y2 <= y1 + 50:
        return None  # "1990-85" and "2016-07" are no spans of years
    if _COUNT_AFTER.match(r.after(m, 20)) or _CODE_BEFORE.search(r.before(m, 12)):
        return None
    p1, p2 = Point("year", y1), Point("year", y2)
    return [Hit("DATE", p1.value(), start=m.start("y1"), end=m.end("y1"), point=p1,
                explicit_year=True),
            Hit("DATE", p2.value(), start=m.start("y2"), end=m.end("y2"), point=p2,
                explicit_year=True)]


def h_new_year(m: re.Match[str], r: Resolver) -> Hit | None:
    """"until the new year": the year about to begin in the second half of a year, the one
    just begun in the first."""
    if r.dct is None:
        return Hit("DATE", "XXXX")
    p = Point("year", r.dct.year + (1 if r.dct.month >= 7 else 0))
    return Hit("DATE", p.value(), point=p)


def h_year(m: re.Match[str], r: Resolver) -> Hit | None:
    y = int(m["year"])
    if not m["pre"] and not m["pm"]:
        after = r.after(m, 20)
        before = r.before(m, 12)
        if _COUNT_AFTER.match(after) or _CODE_BEFORE.search(before):
            return None
        if re.match(r"\s*-\s*\d", after) or re.match(r"[:/]\d", after):
            return None
    p = Point("year", y)
    mod = _pointmod(m["pm"])
    pre = (m["pre"] or "").lower()
    if pre.startswith("post"):
        mod = "AFTER"
    elif pre.startswith("pre"):
        mod = "BEFORE"
    elif pre.startswith("mid"):
        mod = "MID"
    return Hit("DATE", p.value(), mod, point=p, explicit_year=True)


def h_spelled_year(m: re.Match[str], r: Resolver) -> Hit | None:
    y = _spelled_year(m["sy"])
    if y is None or not 1500 <= y <= 2099:
        return None
    if not m["the"] and m["sy"].lower().startswith("two thousand"):
        return None  # "two thousand troops"
    p = Point("year", y)
    return Hit("DATE", p.value(), point=p, explicit_year=True)


_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
                 "seventies": 7, "eighties": 8, "nineties": 9}


def h_decade(m: re.Match[str], r: Resolver) -> Hit | None:
    if m["dec"]:
        y = int(m["dec"])
    elif m["d2"]:
        y = _year_num("'" + m["d2"], r)
        if r.dct and y > r.dct.year:
            y -= 100
    else:
        tens = _DECADE_WORDS[m["dw"].lower()]
        base = r.dct.year if r.dct else 1999
        y = 1900 + tens * 10
        if y + 100 <= base - 10:
            y += 100
    p = Point("decade", y)
    mod = _pointmod(m["pm"])
    if m["half"]:
        # "the last half of the '80s" is part of the decade: its value, with the half as mod
        mod = "START" if "first" in m["half"].lower() else "END"
    return Hit("DATE", p.value(), mod, point=p, explicit_year=bool(m["dec"]))


def h_century(m: re.Match[str], r: Resolver) -> Hit | None:
    word = m["n"].lower()
    n = lx.ORDINALS.get(word) or int(re.match(r"\d+", word).group())  # type: ignore[union-attr]
    if not 1 <= n <= 22:
        return None
    if m["bc"]:
        return Hit("DATE", f"BC{n - 1:02d}", _pointmod(m["pm"]))
    return Hit("DATE", f"{n - 1:02d}", _pointmod(m["pm"]), point=Point("century", (n - 1) * 100),
               explicit_year=True)


_REL_DAYS = {"today": 0, "2day": 0, "yesterday": -1, "tomorrow": 1, "tmrw": 1, "tmr": 1,
             "tomorow": 1, "2morrow": 1, "2morow": 1, "2moro": 1, "tonight": 0, "tonite": 0,
             "2nite": 0, "2night": 0}


def _daypart_code(word: str | None) -> str | None:
    return lx.DAY_PARTS.get(word.lower()) if word else None


def h_relday(m: re.Match[str], r: Resolver) -> Hit | None:
    word = m["rd"].lower()
    k = _REL_DAYS[word]
    if m["ba"]:
        k += -1 if m["ba"].lower() == "before" else 1
    part = _daypart_code(m["dp"])
    if word in ("tonight", "tonite", "2nite", "2night"):
        part = "NI"
    if r.dct is None:
        value = "XXXX-XX-XX"
        p = None
    else:
        p = day_point(r.dct + dt.timedelta(days=k))
        value = p.value()
    typ = "DATE"
    if part:
        value += f"T{part}"
        typ = "TIME"
    mod = _pointmod(m["pm"])
    return Hit(typ, value, mod, point=p)


# a weekday in the name of an event is no day of this week: "Bloody Sunday", "Black Monday"
# ("Blue Monday" is left out: "Big Blue Monday reported" is IBM on a Monday)
_NAMED_WEEKDAY = re.compile(r"\b(?:Bloody|Black)\s+$")


def h_weekday(m: re.Match[str], r: Resolver) -> Hit | None:
    if not m["rel"] and _NAMED_WEEKDAY.search(r.text[max(0, m.start() - 8):m.start()]):
        return None
    wd = lx.WEEKDAYS[m["wd"].lower().rstrip(".")]
    if m["dp"] and r.after(m, 1) == "s":
        part = _daypart_code(m["dp"])
        return Hit("SET", f"XXXX-WXX-{wd + 1}T{part}", end=m.end() + 1)
    if m["wkfwd"] and not m["rel"] and r.dct is not None:
        # "Thursday week": a week after the coming Thursday (or after today, on a Thursday)
        p: Point | None = day_point(r.dct + dt.timedelta(days=(wd - r.dct.weekday()) % 7 + 7))
    elif m["wkrel"] and not m["rel"] and r.dct is not None:
        # "Thursday last week": that day of the week named
        monday = r.dct - dt.timedelta(days=r.dct.weekday())
        shift_weeks = {"last": -1, "next": 1}.get(m["wkrel"].lower(), 0)
        p = day_point(monday + dt.timedelta(days=7 * shift_weeks + wd))
    else:
        p = r.weekday(m, wd, m["rel"])
    value = p.value() if p else f"XXXX-WXX-{wd + 1}"
    part = _daypart_code(m["dp"])
    if part:
        value += f"T{part}"
    return Hit("DATE", value, _pointmod(m["pm"]), point=p)


def h_weekday_set(m: re.Match[str], r: Resolver) -> Hit | None:
    wd = lx.WEEKDAYS[m["wdp"].lower().rstrip("s")]
    return Hit("SET", f"XXXX-WXX-{wd + 1}")


def h_daypart(m: re.Match[str], r: Resolver) -> Hit | None:
    rel = re.sub(r"\s+", " ", (m["rel"] or "").lower())
    part = _daypart_code(m["dp"])
    base: Point | None
    if rel in ("last",):
        base = day_point(r.dct - dt.timedelta(days=1)) if r.dct else None
        if part != "NI" and r.dct:
            base = day_point(r.dct - dt.timedelta(days=1))
    elif rel in ("yesterday",):
        base = day_point(r.dct - dt.timedelta(days=1)) if r.dct else None
    elif rel in ("tomorrow",):
        base = day_point(r.dct + dt.timedelta(days=1)) if r.dct else None
    elif rel in ("that", "the", "the same", "the next", "the following"):
        last = r.ref.last
        base = last if last is not None and last.gran == "day" else r.dct_at("day")
        if base is not None and rel in ("the next", "the following"):
            base = shift(base, "day", 1)
    else:
        base = r.dct_at("day")
    value = (base.value() if base else "XXXX-XX-XX") + f"T{part}"
    return Hit("TIME", value, _pointmod(m["pm"]), point=base)


# the parts of a day a narrative moves through ("at dawn", "by mid-afternoon"); dawn and dusk
# are the edges of the morning and of the night
_EDGE_PARTS = {"dawn": ("MO", "START"), "daybreak": ("MO", "START"), "sunrise": ("MO", "START"),
               "dusk": ("NI", "START"), "nightfall": ("NI", "START"), "sunset": ("EV", "END")}
# "the morning papers", "the evening news": a kind of thing, not a time
_DAYPART_COMPOUND = re.compile(
    r"\s+(?:news|paper|papers|newspaper|newspapers|edition|editions|show|shows|program|programs|"
    r"programme|broadcast|bulletin|prayer|prayers|service|services|mass|star|sun|light|dress|"
    r"wear|rush|commute|shift|meal|tea|class|classes|session|sessions|line|lines)\b",
    re.IGNORECASE)


def h_daypart_bare(m: re.Match[str], r: Resolver) -> Hit | None:
    """A part of the day with no day word of its own ("in the morning", "at dawn", "by mid
    afternoon"): the day the story is at, or the publication day; a day word after it
    ("mid-afternoon yesterday") decides instead."""
    if m["day"] is None and _DAYPART_COMPOUND.match(r.after(m, 16)):
        return None
    word = m["dp"].lower().replace("-", "").replace(" ", "")
    mod = _pointmod(m["pm"] or m["pm0"])
    if word.startswith("mid"):
        mod, word = "MID", word[3:]
    code = _daypart_code(word)
    if word in _EDGE_PARTS:
        code, mod = _EDGE_PARTS[word]
    if code is None:
        return None
    part: str = code
    if m["day"]:
        base = _day_word_point(m["day"], m, r)
    else:
        base = r.story_day() or r.dct_at("day")
    value = (base.value() if base else "XXXX-XX-XX") + f"T{part}"
    start = m.start("pm0") if m["pm0"] else m.start("body")  # "early in the evening"
    return Hit("TIME", value, mod, start=start, point=base, moves_ref=False)


def _clock(h: int, mi: int, ap: str | None) -> tuple[int, int] | None:
    if ap:
        a = re.sub(r"[.\s]", "", ap.lower())
        if a.startswith(("inthe", "at")):  # "4 in the morning", "10 at night"
            if a == "atnight" and h == 12:
                return 24, mi
            a = "am" if a.endswith("morning") or (a == "atnight" and h < 5) else "pm"
        if a in ("am", "pm"):
            if not 1 <= h <= 12:
                return None
            h = h % 12 + (12 if a == "pm" else 0)
    if not (0 <= h <= 24 and 0 <= mi < 60):
        return None
    return h, mi


def _day_word_point(word: str | None, m: re.Match[str], r: Resolver) -> Point | None:
    if not word:
        return r.dct_at("day")
    w = word.lower()
    if w in _REL_DAYS:
        return day_point(r.dct + dt.timedelta(days=_REL_DAYS[w])) if r.dct else None
    if w.rstrip(".") in lx.WEEKDAYS:
        return r.weekday(m, lx.WEEKDAYS[w.rstrip(".")], None)
    return r.dct_at("day")


_ASIDE_DAY = re.compile(rf"\s*\((?:[^()\n]{{0,30}}?\s(?P<inner>{WEEKDAY})\s*\)|[^()\n]{{1,30}}\)"
                        rf",?\s+(?:on\s+)?(?P<outer>{WEEKDAY}))")


def h_time(m: re.Match[str], r: Resolver) -> Hit | None:
    if m["nm"]:
        word = m["nm"].lower()
        h, mi = (24, 0) if word == "midnight" else (12, 0)
        hm: tuple[int, int] | None = (h, mi)
    else:
        hm = _clock(int(m["h"]), int(m["mi"] or 0), m["ap"])
    if hm is None:
        return None
    day_word = m["day"] or m["day0"]
    if not day_word:
        # "at 6:40 a.m. (0340 GMT) Tuesday", "at 5 in the morning (5 a.m. EDT Friday)": the
        # day comes after a parenthetical or inside it, out of the span but still the time's
        aside = _ASIDE_DAY.match(r.text, m.end())
        if aside:
            day_word = aside["inner"] or aside["outer"]
    base = _day_word_point(day_word, m, r)
    last = r.ref.last
    if not day_word and last is not None and last.gran == "day" and \
            0 <= m.start() - r.ref.last_start <= 40 and \
            r.ref.paragraph(m.start()) == r.ref.paragraph(r.ref.last_start):
        base = last  # "on March 3 at 5 p.m.", but not a live blog's next timestamp
    elif not day_word and r.tense(m) == PAST:
        nar = r.ref.narrative_at(m.start())
        if nar is None and last is not None and last is r.ref.narrative:
            # a paragraph on, the story is still on that day when nothing has been dated since
            # ("on Sept. 3, 2019, ..." then "guards heard gunfire at 9:40 p.m."): a clock time
            # has no other anchor, and the publication day is seldom a past clause's
            nar = last
        if nar is not None and nar.gran == "day" and nar.year is not None:
            base = nar  # "stabbed on May 14 ... died in hospital at 11 p.m.": the story's day
        elif hm[0] == 24 and r.dct is not None:
            # "the curfew began at midnight": the midnight that opened the publication day,
            # not the one that will close it
            base = day_point(r.dct - dt.timedelta(days=1))
    if m["mon"] and m["mday"]:
        mon, mday = _month_num(m["mon"]), _day_num(m["mday"])
        y = _year_num(m["year"], r) if m["year"] else r.pick_year(m, mon, mday)[0]
        if not _valid_day(y, mon, mday):
            return None
        base = Point("day", y, mon, mday)
    date = base.value() if base else "XXXX-XX-XX"
    value = f"{date}T{hm[0]:02d}:{hm[1]:02d}" if hm[0] != 24 else f"{date}T24:00"
    if m["tz"] in ("UTC", "GMT", "Z"):
        value += "Z"  # ISO 8601's mark for universal time; other zones are left as local time
    return Hit("TIME", value, _mod_of(m["approx"]), point=base)


_UNIT_GRAN = {"day": "day", "night": "day", "week": "week", "fortnight": "week", "month": "month",
              "quarter": "quarter", "year": "year", "decade": "decade", "century": "century",
              "half": "half", "weekend": "week"}
_GRAN_ORDER = {g: i for i, g in enumerate(("century", "decade", "year", "half", "season",
                                           "quarter", "month", "week", "day"))}


def _unit_of(word: str) -> str:
    w = word.lower()
    return lx.UNIT_PLURALS.get(w, w)


def _count(num: str | None) -> int | float | None:
    if num is None:
        return None
    n = re.sub(r"\s+", " ", num.lower())
    if n in lx.COUPLE or n == "couple of":
        return 2
    if n in lx.VAGUE_QUANT:
        return None
    return lx.parse_number(n)


def _duration_value(n: int | float | None, unit: str) -> str:
    if n is None:
        return lx.VAGUE_UNIT[unit]
    letter, is_time, mult = lx.UNITS[unit]
    total = n * mult
    if letter == "WE":
        return f"P{_fmt_num(total)}WE"
    if isinstance(total, float) and not total.is_integer() and (total * 2).is_integer():
        # "2 1/2 years" is P2Y6M: TIMEX3 spells halves in the next unit down
        halves = {"H": ("H", "30M"), "M": ("M", "30S")} if is_time else {
            "Y": ("Y", "6M"), "M": ("M", "15D"), "D": ("D", "T12H"), "W": ("W", "3DT12H")}
        whole, sub = halves.get(letter, ("", ""))
        if whole:
            w = int(total)
            head = f"{w}{whole}" if w else ""
            if is_time:
                return f"PT{head}{sub}"
            return f"P{head}{sub}"
    return f"P{'T' if is_time else ''}{_fmt_num(total)}{letter}"


def _fmt_num(x: int | float) -> str:
    if isinstance(x, float) and x.is_integer():
        x = int(x)
    return str(x)


def _steps(unit: str, n: int) -> tuple[str, int]:
    """The calendar unit and count that move a point by ``n`` of ``unit`` (a fortnight is two
    weeks, a night a day)."""
    return {"night": "day", "fortnight": "week"}.get(unit, unit), n * (2 if unit == "fortnight"
                                                                        else 1)


def _later_point(n: float | None, unit: str, r: Resolver) -> Point | None:
    """Where "two years later" takes a story that is at a known point (None when it is not)."""
    last = r.ref.last
    if n is None or not float(n).is_integer() or unit not in _UNIT_GRAN or last is None or \
            last.year is None:
        return None
    gran = _UNIT_GRAN[unit]
    if _GRAN_ORDER.get(last.gran, 8) < _GRAN_ORDER[gran]:
        return None
    return shift(at_gran(last.date, gran), *_steps(unit, int(n))) if last.date else None


def h_ago(m: re.Match[str], r: Resolver) -> Hit | None:
    unit = _unit_of(m["unit"])
    n = _count(m["num"])
    direction = re.sub(r"\s+", " ", m["dir"].lower())
    mod = _mod_of(m["mod"])
    if mod in ("MORE_THAN", "LESS_THAN", "EQUAL_OR_MORE", "EQUAL_OR_LESS"):
        mod = "APPROX" if m["mod"] and m["mod"].lower() in ("nearly", "almost") else mod
    if m["orso"]:
        mod = "APPROX"
    if unit not in _UNIT_GRAN or unit in ("weekend",):
        return None
    if direction == "later":
        # TimeML: in "three days later" the length is the timex and "later" a signal; the story
        # has still moved on by that length from where it was
        end = m.end("orso") if m["orso"] else m.end("unit")
        moved = _later_point(n, unit, r)
        return Hit("DURATION", _duration_value(n, unit), _mod_of(m["mod"]) or (
            "APPROX" if m["orso"] else None), end=end, point=moved, advances=moved is not None)
    if n is None or not float(n).is_integer():
        return Hit("DATE", "PAST_REF" if direction in ("ago", "earlier", "before", "back")
                   else "FUTURE_REF", mod)
    k = int(n) * (-1 if direction in ("ago", "earlier", "before", "back") else 1)
    gran = _UNIT_GRAN[unit]
    if m["aday"] and m["aday"].lower().startswith("this"):
        # "five years ago this week": that week (or month), so many units back
        g = "week" if m["aday"].lower().endswith("week") else "month"
        here = r.dct_at(g)
        if here is None:
            return Hit("DATE", "PAST_REF", mod)
        su, step = _steps(unit, k)
        p = shift(here, su, step) if su in ("week", "month", "year") else here
        return Hit("DATE", p.value(), mod, point=p, moves_ref=False)
    if m["aday"]:
        # "ten years ago today", "a year ago Tuesday": that day's date, so many units back
        day = _day_word_point(m["aday"], m, r)
        if day is None or day.date is None:
            return Hit("DATE", "PAST_REF", mod)
        p = at_gran(shift(day, *_steps(unit, k)).date or day.date, "day")
        return Hit("DATE", p.value(), mod, point=p, moves_ref=False)
    su, step = _steps(unit, k)
    if direction in ("ago", "from now", "hence", "back"):
        base = r.dct_at("day")
        if base is None:
            return Hit("DATE", "PAST_REF" if k < 0 else "FUTURE_REF", mod)
        last = r.ref.last
        if (unit == "year" and last is not None and last.gran in ("quarter", "half")
                and last.year is not None and r.dct is not None
                and r.dct.year - 1 <= last.year <= r.dct.year):
            p = shift(last, "year", step)
        else:
            p = at_gran(shift(base, su, step).date or r.dct, gran)  # type: ignore[arg-type]
        return Hit("DATE", p.value(), mod, point=p, moves_ref=False)
    base = r.ref.last or r.dct_at("day")
    if base is None or base.year is None:
        return Hit("DATE", "PAST_REF" if k < 0 else "FUTURE_REF", mod)
    if _GRAN_ORDER.get(base.gran, 8) >= _GRAN_ORDER[gran] and base.gran not in ("week",) or (
            base.gran == "week" and gran == "week"):
        p = shift(base, su, step)
    else:
        d = base.date
        assert d is not None
        p = at_gran(shift(day_point(d), su, step).date or d, gran)
    return Hit("DATE", p.value(), mod, point=p, moves_ref=False)


_RATE_BEFORE = re.compile(r"(?:\d(?:[\d,.]*\d)?%?|million|billion|thousand|hundred|dozen|percent|cents?|"
                          r"(?!(?:was|is|has|his|its|this|as|thus|always|perhaps|news|less|"
                          r"us|yes|its)\b)[a-z]+s)\s*$")
_OVER_AS_MOD = re.compile(r"(?:\b(?:for|in|of|than|after|took|take|takes|lasted|lasting|last|"
                          r"lasts|spent|spend|within|to|and|or|be|been|was|were|is|are)|[,(])\s*$")


def h_duration(m: re.Match[str], r: Resolver) -> Hit | None:
    unit = _unit_of(m["unit"])
    if unit == "weekend":
        return None
    n = _count(m["num"])
    if m["num2"] is not None:
        n = None
    if m["half"] and n is not None:
        n = n + 0.5
    mod = _mod_of(m["mod"])
    adj = (m["adj"] or "").lower()
    hyphen = "-" in (m["hyph"] or "")
    start = m.start()
    mod_word = re.sub(r"\s+", " ", (m["mod"] or "").lower())
    if m["mod"] and (m["det"] or mod is None or (
            mod_word == "over" and not _OVER_AS_MOD.search(r.before(m, 12)))):
        # "over the past two years", "rose over three years": "over" is a preposition
        mod, start = None, m.start("det") if m["det"] else (
            m.start("adj") if m["adj"] else m.start("num"))
    det = (m["det"] or "").lower()
    if det and (hyphen or det not in ("the", "these", "those")) and det not in ("a", "an") \
            and start == m.start("det"):
        start = m.start("adj") if m["adj"] and not hyphen else m.start("num")
    if det in ("a", "an") and start == m.start("det") and not m["noun"]:
        start = m.start("adj") if m["adj"] else m.start("num")
    if m["orso"] or (m["num"] and re.sub(r"\s+", " ", m["num"].lower()) in lx.COUPLE):
        mod = "APPROX"
    if r.after(m, 5).startswith(("-old", " old")) and (
            hyphen or not m["det"] or m["det"].lower() in ("those", "these")):
        return None  # ages are not durations: "a 52-year-old", "52 years old"
    if unit == "quarter" and hyphen and (m["unit"].lower().endswith("s") or
                                         (m["num"] or "").lower() in ("three", "one")):
        # "three-quarters support the ban", "a three-quarter stake": a share, where "a
        # two-quarter slide" is a length of time
        return None
    if unit in ("quarter", "period") and re.fullmatch(r"(?:1[5-9]|20)\d\d", m["num"] or ""):
        return None  # "the 1988 quarter" is a year's quarter, not 1988 of them
    if r.after(m, 1) == "-":
        return None  # "a year-earlier loss"
    num = (m["num"] or "").lower()
    if unit == "second" and m["unit"].lower() == "second" and re.match(
            r"\s+(?!(?:ago|later|earlier|or|and|to|of|before|after|for|in|on)\b)"
            r"(?:[a-z]|[A-Z0-9][\w-])", r.text[m.end():m.end() + 4]):
        return None  # "a second betrayal", "a second A320": the ordinal ("for a second I" is not)
    if num in ("a", "an") and not m["mod"] and not m["det"] and not m["adj"] and \
            _RATE_BEFORE.search(r.before(m, 16)):
        return None  # a rate: "$5 a year", "24 hours a day"
    if unit == "quarter" and num in ("a", "an", "one", "two", "three") and not m["det"] and \
            re.match(r"\s+of\s+(?!\d|(?:a|an|the|this|last|next)\s+(?:century|year|decade|hour|"
                     r"day|month|season|mile|\d))", r.after(m, 24)):
        return None  # a fraction: "three-quarters of its food", "a quarter of the market"
    if num == "one" and unit == "day" and re.search(
            r"\b(?:will|would|could|may|might|can|shall|to)\s+$", r.before(m, 8)):
        return Hit("DATE", "FUTURE_REF", start=start)  # "will one day be": some future day
    value = _duration_value(n, unit)
    if unit == "quarter" and n is not None and float(n).is_integer():
        value = f"P{_fmt_num(n)}Q"
    if n is None and adj in ("past", "last", "recent") and unit in ("quarter",):
        return Hit("DATE", "PAST_REF", mod, start=start)
    if unit == "month" and n in (6, 9) and det in ("the", "") and adj in ("", "first", "latest"):
        # "the nine months" runs to date: comparisons after it ("a year earlier") are by year
        return Hit("DURATION", value, mod, start=start, point=r.dct_at("year"))
    return Hit("DURATION", value, mod, start=start)


def h_vague_plural(m: re.Match[str], r: Resolver) -> Hit | None:
    unit = _unit_of(m["unit"])
    if unit not in lx.VAGUE_UNIT or unit == "weekend":
        return None
    pre = (m["pre"] or "").lower()
    if not pre:
        # a bare plural is a time expression only after a preposition of duration
        before = r.before(m, 16)
        if not re.search(r"\b(?:for|in|over|within|take|takes|took|lasted?|last|than|after|"
                         r"spent|spend|few|many|several)\s*(?:the\s+)?$", before):
            return None
        if re.match(r"\s*(?:of|'|’|later|earlier|ago|to)\b", r.after(m, 10)):
            return None
        # "in the weeks before the vote" is a period; "days after" without "the" an offset
        if not re.search(r"\bthe\s*$", before) and re.match(r"\s*(?:before|after)\b",
                                                            r.after(m, 10)):
            return None
    if pre.strip() in ("past", "last"):
        return Hit("DATE", "PAST_REF")  # "in past years": some earlier time, no stretch
    # "in recent years", "in the coming weeks": a stretch of unstated length that ends (or
    # starts) now, a duration as TIMEX2/TimeML annotate it (PXY), not a bare past or future
    return Hit("DURATION", lx.VAGUE_UNIT[unit])


def _rel_point(rel: str, unit: str, r: Resolver, m: re.Match[str]) -> tuple[Point | None, str]:
    """Point and resolution for "last week", "this quarter", "the same month"..."""
    gran = _UNIT_GRAN.get(unit, unit)
    rel = re.sub(r"\s+", " ", rel.lower())
    rel = rel[4:] if rel.startswith("the ") else rel
    dctp = r.dct_at(gran)
    last = r.ref.last
    if rel in ("same", "that", "previous", "preceding", "prior", "following", "next following"):
        if last is not None and last.year is not None and rel in ("same", "that"):
            if _GRAN_ORDER.get(last.gran, 8) >= _GRAN_ORDER.get(gran, 8):
                d = last.date
                return (at_gran(d, gran) if d else None), "ref"
        if last is not None and last.year is not None and rel in ("previous", "preceding",
                                                                  "prior", "following"):
            d = last.date
            if d is not None:
                p = at_gran(d, gran)
                return shift(p, unit if unit != "weekend" else "week",
                             -1 if rel != "following" else 1), "ref"
    if dctp is None:
        return None, "none"
    if rel in ("last", "past", "previous", "preceding", "prior", "most recent", "latest"):
        if unit == "quarter" and rel in ("latest", "most recent"):
            return shift(dctp, "quarter", -1), "dct"
        return shift(dctp, unit if unit not in ("weekend",) else "week", -1), "dct"
    if rel in ("next", "coming", "following", "upcoming"):
        return shift(dctp, unit if unit not in ("weekend",) else "week", 1), "dct"
    return dctp, "dct"


def h_part_of(m: re.Match[str], r: Resolver) -> Hit | None:
    """"the last week of March", "the first day of 2017", "the final months of 2016": the
    named month or year with START or END, or the very day for its first or last day."""
    first = m["pos"].lower() in ("first", "opening", "early")
    unit = re.sub(r"\s+", " ", m["unit"].lower())
    if m["mon"]:
        mon = _month_num(m["mon"])
        y = _year_num(m["year"], r) if m["year"] else r.pick_year(m, mon, None)[0]
        if y is None:
            return Hit("DATE", f"XXXX-{mon:02d}", "START" if first else "END")
        if unit == "day":
            p = Point("day", y, mon, 1 if first else days_in_month(y, mon))
            return Hit("DATE", p.value(), point=p, explicit_year=m["year"] is not None)
        p = Point("month", y, mon)
    else:
        y = int(m["yonly"])
        if unit == "day":
            p = Point("day", y, 1, 1) if first else Point("day", y, 12, 31)
            return Hit("DATE", p.value(), point=p, explicit_year=True)
        if unit == "month":
            p = Point("month", y, 1 if first else 12)
            return Hit("DATE", p.value(), point=p, explicit_year=True)
        p = Point("year", y)
    return Hit("DATE", p.value(), "START" if first else "END", point=p,
               explicit_year=m["year"] is not None or m["yonly"] is not None)


def h_relunit(m: re.Match[str], r: Resolver) -> Hit | None:
    unit = _unit_of(m["unit"])
    rel = m["rel"] or ""
    rl = re.sub(r"\s+", " ", rel.lower())
    if rl in ("the last", "the first", "the final") and re.match(r"\s+of\s", r.after(m, 5)):
        # "the last year of his presidency" is its final year, not the one before this; which
        # year that is the text does not say here
        return None
    mod = _pointmod(m["pm"])
    start = None
    if m["pm"] and m["pm"].lower().startswith(("later", "earlier")):
        if unit in ("week", "weekend"):
            # TimeBank leaves "earlier" outside "earlier this week" (but not "this month")
            mod, start = None, m.start("rel")
        elif not mod:
            mod = "START" if m["pm"].lower().startswith("earlier") else "END"
    if rl in ("the", "", "the current", "current", "the full", "the whole", "the entire"):
        if unit in ("year", "quarter") and rl == "the" and not m["pm"]:
            # "the year ended Sept. 30" is a fiscal period: a length, not a calendar year
            ended = re.match(r"\s+(?:ended|ending|that\s+ended|which\s+ended|to\s+date)\b",
                             r.after(m, 20))
            if ended and unit == "quarter" and r.dct is not None:
                p = _quarter_ended(r.text[m.end():m.end() + 40], r.dct)
                if p is not None:
                    return Hit("DATE", p.value(), point=p)
            if ended:
                return Hit("DURATION", "P1Y" if unit == "year" else "P1Q")
        if unit == "weekend":
            return _weekend(m, r, None)
        last = r.ref.last
        if rl == "the" and last is not None and last.year is not None and \
                _GRAN_ORDER.get(last.gran, 8) >= _GRAN_ORDER.get(_UNIT_GRAN.get(unit, unit), 8):
            d = last.date
            p = at_gran(d, _UNIT_GRAN.get(unit, unit)) if d else None
            return Hit("DATE", p.value() if p else "PRESENT_REF", mod, point=p)
        if rl == "the" and unit == "quarter" and r.dct is not None:
            p = shift(at_gran(r.dct, "quarter"), "quarter", -1)
            return Hit("DATE", p.value(), mod, start=start, point=p)
        if rl == "the" and unit in ("decade", "century"):
            return None
        p = r.dct_at(_UNIT_GRAN.get(unit, unit))
        return Hit("DATE", p.value() if p else "PRESENT_REF", mod, point=p)
    if unit == "weekend":
        hit = _weekend(m, r, rl)
        return Hit(hit.type, hit.value, hit.mod, start=start, point=hit.point) if hit else None
    if unit in ("decade", "century") and rl in ("the past", "past"):
        # "over the past decade" is the ten years up to now, like "the past ten years"
        return Hit("DURATION", "P10Y" if unit == "decade" else "P100Y", mod, start=start)
    if unit in ("decade", "century") and rl in ("this", "current", "the current"):
        p = r.dct_at(unit)
        return Hit("DATE", p.value() if p else "PRESENT_REF", mod, point=p)
    p, how = _rel_point(rel, unit, r, m)
    if p is None:
        return Hit("DATE", {"last": "PAST_REF", "next": "FUTURE_REF"}.get(rl, "PRESENT_REF"), mod)
    forward = how == "ref" and rl.replace("the ", "") in ("following", "next following")
    return Hit("DATE", p.value(), mod, start=start, point=p, advances=forward)


_ENDED = re.compile(rf"\s+(?:that\s+|which\s+)?end(?:ed|ing)\s+(?P<mon>{MONTH})\s*(?P<day>{DAY})")


def _quarter_ended(after: str, dct: dt.date) -> Point | None:
    """The quarter named by "the quarter ended Sept. 30": the one holding most of its months.

    A fiscal quarter ending July 31 runs May to July, mostly in the second calendar quarter, so
    the quarter is the one that holds the day 45 days before the end; the end is the last such
    day before publication (a report looks back).
    """
    em = _ENDED.match(after)
    if em is None:
        return None
    mon, day = _month_num(em["mon"]), _day_num(em["day"])
    year = dct.year if (mon, day) <= (dct.month, dct.day) else dct.year - 1
    if not _valid_day(year, mon, day):
        return None
    return at_gran(dt.date(year, mon, day) - dt.timedelta(days=45), "quarter")


def _weekend(m: re.Match[str], r: Resolver, rel: str | None) -> Hit | None:
    if r.dct is None:
        return Hit("DATE", "XXXX-WXX-WE")
    d = r.dct
    rel = (rel or "").replace("the ", "")
    if rel in ("last", "past", "previous"):
        p = at_gran(d - dt.timedelta(days=d.weekday() + 1), "week")
    elif rel in ("next", "coming", "following"):
        p = at_gran(d + dt.timedelta(days=7 - d.weekday()), "week")
    elif rel == "this" or r.tense(m) in (FUTURE, MODAL, PRESENT) or d.weekday() >= 5:
        p = at_gran(d, "week")
    else:
        p = at_gran(d - dt.timedelta(days=d.weekday() + 1), "week")
    return Hit("DATE", p.value() + "-WE", _pointmod(m["pm"]), point=p)


_ORD_Q = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3,
          "4th": 4, "final": 4, "last": 4}


def _part_year(n: int, half: bool, m: re.Match[str], r: Resolver) -> int | None:
    """The year of a quarter or half named without one: the publication year, or the one before
    when that part has not begun yet and the clause is past or the part's results are meant
    (results come after a quarter ends: "will report fourth-quarter earnings" in February is
    last year's fourth quarter)."""
    if r.dct is None:
        return None
    start_month = 6 * (n - 1) + 1 if half else 3 * (n - 1) + 1
    if dt.date(r.dct.year, start_month, 1) > r.dct and (
            r.tense(m) == PAST or _RESULTS_AFTER.match(r.after(m, 24)) or
            _RESULTS_BEFORE.search(r.before(m, 24))):
        return r.dct.year - 1
    return r.dct.year


_RESULTS = r"(?:earnings|results|profits?|revenues?|sales|losses|net\s+income|figures)"
_RESULTS_AFTER = re.compile(rf"\s+{_RESULTS}\b", re.IGNORECASE)
_RESULTS_BEFORE = re.compile(rf"\b(?:earnings|results|figures)\s+for\s+(?:the\s+|its\s+)?$",
                             re.IGNORECASE)


def h_quarter(m: re.Match[str], r: Resolver) -> Hit | None:
    half = m["qh"].lower().startswith("half")
    q = _ORD_Q[m["ord"].lower()]
    if half and m["ord"].lower() in ("last", "final"):
        q = 2
    if half and q > 2:
        return None
    quals = (m["quals"] or "").lower()
    year: int | None = None
    explicit = False
    if m["qyear"]:
        year, explicit = int(m["qyear"]), True
    else:
        ym = re.search(r"(1[5-9]\d\d|20\d\d)", quals)
        if ym:
            year, explicit = int(ym.group(1)), True
    if year is None:
        if m["qrel"] or "year's" in quals:
            rel = (m["qrel"] or re.search(r"(this|last|next)\s+year's", quals).group(1)).lower()  # type: ignore[union-attr]
            year = r.dct.year + {"last": -1, "next": 1}.get(rel, 0) if r.dct else None
        else:
            year = _part_year(q, half, m, r)
        if year is not None and re.search(r"year-(?:earlier|ago)|prior-year|previous-year", quals):
            year -= 1
    p = Point("half" if half else "quarter", year, part=q)
    start = None
    if "-" in m.string[m.end("ord"):m.start("qh")]:
        # "the third-quarter loss": the article belongs to "loss"
        lead = re.match(r"(?i:(?:the|this\s+year.s|last\s+year.s|next\s+year.s)\s+)*", m["quals"] or "")
        start = m.start() + (lead.end() if lead else 0)
    plural = m["qh"].lower().endswith("s") and not half
    if plural:
        return Hit("SET", f"XXXX-Q{q}")
    return Hit("DATE", p.value(), None, start=start, point=p, explicit_year=explicit)


def h_period(m: re.Match[str], r: Resolver) -> Hit | None:
    """"the latest period", "the year-earlier quarter", "year-ago", "the 1988 period"."""
    quals = re.sub(r"\s+", " ", (m["quals"] or "").lower())
    last = r.ref.last
    shift_year = bool(re.search(r"year-(?:earlier|ago)|year earlier|prior-year|previous-year",
                                quals)) or bool(m["ly"])
    ym = re.search(r"(1[5-9]\d\d|20\d\d)", quals)
    if last is not None and last.year is not None and last.gran in (
            "quarter", "half", "month", "year", "season") and (
            r.dct is None or not shift_year or last.year == r.dct.year):
        p = last
    elif r.dct is not None:
        p = shift(at_gran(r.dct, "quarter"), "quarter", -1) if (m["unit"] or "").lower() in (
            "quarter", "period") else at_gran(r.dct, "year")
    else:
        return None
    if ym:
        p = Point(p.gran, int(ym.group(1)), p.month, p.day, p.part)
    elif shift_year:
        p = shift(p, "year", -1)
    if (m["unit"] or "").lower() == "quarter" and p.gran != "quarter":
        if p.gran == "year" and r.dct:
            q = shift(at_gran(r.dct, "quarter"), "quarter", -1)
            p = Point("quarter", p.year, part=q.part)
        elif p.date:
            p = at_gran(p.date, "quarter")
    return Hit("DATE", p.value(), point=p, moves_ref=not shift_year)


def h_season(m: re.Match[str], r: Resolver) -> Hit | None:
    s = lx.SEASONS[m["s"].lower()]
    rel = re.sub(r"\s+", " ", (m["rel"] or "").lower())
    if not rel and not m["year"] and not m["pm"]:
        if m["s"].lower() == "fall" or not re.search(
                r"\b(?:in|during|by|until|till|since|through|over|for|this|last|next|of|and|or)"
                r"\s*$", r.before(m, 12)):
            return None
    if m["s"].lower() == "fall" and not (rel or m["year"] or m["rel2"]):
        return None
    if m["year"]:
        y: int | None = _year_num(m["year"], r)
    elif r.dct is None:
        y = None
    elif m["rel2"]:
        # "the spring of last year"
        y = r.dct.year + {"last": -1, "next": 1}.get(m["rel2"].lower(), 0)
    else:
        d = r.dct
        cur = at_gran(d, "season").part
        order = ["WI", "SP", "SU", "FA"]
        y = d.year
        if rel in ("last", "this past", "past"):
            if order.index(s) >= order.index(str(cur)):
                y -= 1
        elif rel in ("next", "this coming", "coming"):
            if order.index(s) <= order.index(str(cur)):
                y += 1
        elif not rel or rel == "the":
            last = r.ref.last
            if last is not None and last.year is not None and rel == "the":
                y = last.year
    p = Point("season", y, part=s)
    return Hit("DATE", p.value(), _pointmod(m["pm"]), point=p, explicit_year=bool(m["year"]))


_ADVERB_SETS = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y",
                "yearly": "P1Y", "hourly": "PT1H", "nightly": "P1D", "quarterly": "P3M",
                "biweekly": "P2W", "fortnightly": "P2W", "semiannually": "P6M",
                "biannually": "P6M", "weekdays": "XXXX-WXX-WD", "weeknights": "XXXX-WXX-WD"}


def h_set(m: re.Match[str], r: Resolver) -> Hit | None:
    if m.group().lower().startswith("per ") and _RATE_BEFORE.search(r.before(m, 16)):
        return None  # a rate of a measure: "15 million instructions per second"
    if m["adv"]:
        return Hit("SET", _ADVERB_SETS[m["adv"].lower()])
    if m["freq"] is not None:
        unit = _unit_of(m["unit2"])
        return Hit("SET", _duration_value(1, unit))
    word = m["what"]
    w = word.lower()
    k = 2 if m["other"] else 1
    if m["num"]:
        n = _count(m["num"])
        k = int(n) if isinstance(n, (int, float)) and n else k
    if w.rstrip(".") in lx.WEEKDAYS:
        return Hit("SET", f"XXXX-WXX-{lx.WEEKDAYS[w.rstrip('.')] + 1}")
    if w.rstrip(".") in lx.MONTHS:
        return Hit("SET", f"XXXX-{lx.MONTHS[w.rstrip('.')]:02d}")
    if w in lx.SEASONS:
        return Hit("SET", f"XXXX-{lx.SEASONS[w]}")
    if w in lx.DAY_PARTS:
        return Hit("SET", f"XXXX-XX-XXT{lx.DAY_PARTS[w]}")
    unit = _unit_of(w)
    if unit == "weekend":
        return Hit("SET", "XXXX-WXX-WE")
    if unit not in lx.UNITS:
        return None
    if unit == "quarter":
        return Hit("SET", f"P{k}Q")
    return Hit("SET", _duration_value(k, unit))


_REFS = {"now": "PRESENT_REF", "currently": "PRESENT_REF", "nowadays": "PRESENT_REF",
         "these days": "PRESENT_REF", "the present": "PRESENT_REF", "presently": "PRESENT_REF",
         "current": "PRESENT_REF", "at the moment": "PRESENT_REF",
         # "the then current price": current as of a past moment
         "then current": "PAST_REF", "then-current": "PAST_REF",
         "recently": "PAST_REF", "lately": "PAST_REF", "the past": "PAST_REF",
         "more recently": "PAST_REF", "most recently": "PAST_REF", "until recently": "PAST_REF",
         "the future": "FUTURE_REF", "the near future": "FUTURE_REF",
         "the near term": "FUTURE_REF", "the short term": "FUTURE_REF",
         "the long term": "FUTURE_REF", "the longer term": "FUTURE_REF",
         "the foreseeable future": "FUTURE_REF", "a later date": "FUTURE_REF",
         "someday": "FUTURE_REF", "as soon as possible": "FUTURE_REF",
         "the coming days": "FUTURE_REF", "the distant future": "FUTURE_REF"}


def h_ref(m: re.Match[str], r: Resolver) -> Hit | None:
    w = re.sub(r"\s+", " ", m["ref"].lower())
    if w == "now" and re.match(r"\s*defunct\b", r.after(m, 10)):
        return None
    if w == "the past" and re.match(rf"\s+(?:{NUM}|few|several|many|couple)\b", r.after(m, 16),
                                    re.IGNORECASE):
        return None  # "the past three summers" is a period of its own
    if w == "current" and re.match(r"\s*(?:account|accounts|yield|assets|liabilities|"
                                   r"affairs|events|flow|flows|of|and\s+former|or\s+former)\b",
                                   r.after(m, 14)):
        return None
    if w == "future" and re.match(r"\s*(?:contract|contracts|delivery|prices?|price|"
                                   r"market|markets|s\b)", r.after(m, 12)):
        return None
    return Hit("DATE", _REFS[w])


def h_soon(m: re.Match[str], r: Resolver) -> Hit | None:
    """"will soon decide": a time ahead of now. "Soon" in a past narrative ("was soon back at
    work") is a step in that story, and "as soon as", "soon after" are conjunctions."""
    if re.search(r"\b(?:as|too|how|so)\s+$", r.before(m, 6)) or \
            re.match(r"\s+(?:as|after|afterwards?|thereafter|before|enough\s+that)\b",
                     r.after(m, 14), re.IGNORECASE):
        return None
    if r.tense(m) not in (FUTURE, MODAL) and not re.search(r"\bto\s+$", r.before(m, 4)):
        return None  # a split infinitive ("hopes to soon reopen") looks ahead too
    return Hit("DATE", "FUTURE_REF")


_HOLIDAYS: dict[str, Callable[[int], dt.date]] = {
    "christmas": lambda y: dt.date(y, 12, 25), "christmas day": lambda y: dt.date(y, 12, 25),
    "christmas eve": lambda y: dt.date(y, 12, 24), "new year's day": lambda y: dt.date(y, 1, 1),
    "new year's eve": lambda y: dt.date(y, 12, 31), "halloween": lambda y: dt.date(y, 10, 31),
    "valentine's day": lambda y: dt.date(y, 2, 14),
    "independence day": lambda y: dt.date(y, 7, 4),
    "veterans day": lambda y: dt.date(y, 11, 11), "boxing day": lambda y: dt.date(y, 12, 26),
    "thanksgiving": lambda y: nth_weekday(y, 11, 3, 4),
    "thanksgiving day": lambda y: nth_weekday(y, 11, 3, 4),
    "memorial day": lambda y: nth_weekday(y, 5, 0, -1),
    "labor day": lambda y: nth_weekday(y, 9, 0, 1),
    # US: the Tuesday after the first Monday of November
    "election day": lambda y: nth_weekday(y, 11, 0, 1) + dt.timedelta(days=1),
    "mother's day": lambda y: nth_weekday(y, 5, 6, 2),
    "father's day": lambda y: nth_weekday(y, 6, 6, 3),
    "easter": easter, "easter sunday": easter,
    "good friday": lambda y: easter(y) - dt.timedelta(days=2),
    "easter monday": lambda y: easter(y) + dt.timedelta(days=1),
    "palm sunday": lambda y: easter(y) - dt.timedelta(days=7),
    "ash wednesday": lambda y: easter(y) - dt.timedelta(days=46),
    # the US primaries' biggest day: the first Tuesday of March in the cycles since 2004
    "super tuesday": lambda y: nth_weekday(y, 3, 1, 1),
    "mardi gras": lambda y: easter(y) - dt.timedelta(days=47),
    "fat tuesday": lambda y: easter(y) - dt.timedelta(days=47),
    "shrove tuesday": lambda y: easter(y) - dt.timedelta(days=47),
    "maundy thursday": lambda y: easter(y) - dt.timedelta(days=3),
    "holy thursday": lambda y: easter(y) - dt.timedelta(days=3),
    "holy saturday": lambda y: easter(y) - dt.timedelta(days=1),
    "holy monday": lambda y: easter(y) - dt.timedelta(days=6),
    "black friday": lambda y: nth_weekday(y, 11, 3, 4) + dt.timedelta(days=1),
    "cyber monday": lambda y: nth_weekday(y, 11, 3, 4) + dt.timedelta(days=4),
    "martin luther king day": lambda y: nth_weekday(y, 1, 0, 3),
    "martin luther king jr. day": lambda y: nth_weekday(y, 1, 0, 3),
    "presidents day": lambda y: nth_weekday(y, 2, 0, 3),
    "presidents' day": lambda y: nth_weekday(y, 2, 0, 3),
    "columbus day": lambda y: nth_weekday(y, 10, 0, 2),
    "juneteenth": lambda y: dt.date(y, 6, 19),
    "st. patrick's day": lambda y: dt.date(y, 3, 17),
    "st patrick's day": lambda y: dt.date(y, 3, 17),
    "april fools' day": lambda y: dt.date(y, 4, 1), "april fools day": lambda y: dt.date(y, 4, 1),
    "remembrance day": lambda y: dt.date(y, 11, 11), "armistice day": lambda y: dt.date(y, 11, 11),
    "bastille day": lambda y: dt.date(y, 7, 14), "canada day": lambda y: dt.date(y, 7, 1),
    "australia day": lambda y: dt.date(y, 1, 26), "anzac day": lambda y: dt.date(y, 4, 25),
    "international women's day": lambda y: dt.date(y, 3, 8),
    "earth day": lambda y: dt.date(y, 4, 22),
}


# a holiday naming a kind of thing dates nothing: "a Christmas tree", "the office Christmas
# party" (held any day of the season), "Easter eggs", "Halloween costumes"
_HOLIDAY_KIND = re.compile(
    r"\s+(?:trees?|cards?|carols?|lights|decorations?|gifts?|presents|ornaments?|stockings?|"
    r"songs?|music|spirit|markets?|shopping|puddings?|cakes?|cookies?|eggs?|bunny|costumes?|"
    r"cand(?:y|ies)|part(?:y|ies)|specials?|movies?|films?|albums?|jumpers?|sweaters?|"
    r"bonus(?:es)?|hampers?|crackers?|wreaths?|lilies|baskets?)\b")


def h_holiday(m: re.Match[str], r: Resolver) -> Hit | None:
    if _HOLIDAY_KIND.match(r.after(m, 14)):
        return NOT_A_TIMEX
    name = re.sub(r"\s+", " ", m["hol"].lower()).replace("’", "'")
    if name in ("easter week", "holy week"):
        # the week that ends on Easter Sunday, an ISO week, told past or coming by its Monday
        hit = _holiday_day(m, r, "holy monday")
        if hit is None or hit.point is None or hit.point.date is None:
            return hit
        wk = at_gran(hit.point.date, "week")
        return Hit("DATE", wk.value(), point=wk, explicit_year=hit.explicit_year)
    return _holiday_day(m, r, name)


def _holiday_day(m: re.Match[str], r: Resolver, name: str) -> Hit | None:
    fn = _HOLIDAYS.get(name)
    if fn is None:
        return None
    rel = (m["rel"] or "").lower()
    if m["year"]:
        y: int | None = int(m["year"])
    elif r.dct is None:
        y = None
    else:
        d = r.dct
        this = fn(d.year)
        tense = None if _names_a_thing(m, r) else r.tense(m)
        if not rel:
            days = [fn(y) for y in (d.year - 1, d.year, d.year + 1)]
            # a holiday comes once a year: a firm tense takes the last or the next one however
            # near the other is ("sales jumped on Black Friday" two weeks before it is last
            # year's); "the Black Friday deals" names an occasion and takes the nearest
            if tense == PAST:
                days = [x for x in days if x <= d]
            elif tense == FUTURE:
                days = [x for x in days if x >= d]
            p = day_point(min(days, key=lambda x: _cost(x, x, d, tense)))
            return Hit("DATE", p.value(), point=p)
        if rel == "last":
            y = d.year if this < d else d.year - 1
        elif rel == "next":
            y = d.year if this > d else d.year + 1
        elif rel == "this":
            y = d.year
        elif tense == FUTURE:
            y = d.year if this >= d else d.year + 1
        else:
            y = d.year if this <= d else d.year - 1
    if y is None:
        return Hit("DATE", "XXXX-XX-XX")
    p = day_point(fn(y))
    return Hit("DATE", p.value(), point=p, explicit_year=bool(m["year"]))


def h_day_rel(m: re.Match[str], r: Resolver) -> Hit | None:
    """"the next day", "that day", "the same day", "the previous night" against the story time."""
    rel = re.sub(r"\s+", " ", m["rel"].lower())
    base = r.story_day()
    if base is None:
        if rel in ("that", "the same", "that same"):
            return Hit("DATE", "XXXX-XX-XX") if r.settling else None
        base = r.dct_at("day")
        if base is None:
            return None
    k = {"the next": 1, "the following": 1, "the previous": -1, "the preceding": -1,
         "the prior": -1}.get(rel, 0)
    p = shift(base, "day", k)
    part = _daypart_code(m["u"])
    if part:
        return Hit("TIME", p.value() + f"T{part}", point=p)
    return Hit("DATE", p.value(), point=p)


def h_unit_before(m: re.Match[str], r: Resolver) -> Hit | None:
    """"the year before", "the day after" said of the point the story is at; "the week before
    last" counts from the publication date. Followed by a noun ("the day before the vote") the
    anchor is an event this stage cannot date, so the rule does not match there."""
    unit = m["unit"].lower()
    k = -1 if m["ba"].lower() == "before" else 1
    if m["last"]:
        base = r.dct_at(unit)
        if base is None:
            return None
        p = shift(base, unit, -2 if m["last"].lower() == "last" else 2)
        return Hit("DATE", p.value(), point=p, moves_ref=False)
    last = r.ref.last
    if last is not None and last.year is not None and \
            _GRAN_ORDER.get(last.gran, 0) >= _GRAN_ORDER[unit] and last.date is not None:
        p = shift(at_gran(last.date, unit), unit, k)
    elif r.settling:
        return Hit("DATE", "XXXX-XX-XX")
    else:
        return None
    return Hit("DATE", p.value(), point=p, moves_ref=False)


def h_year_end(m: re.Match[str], r: Resolver) -> Hit | None:
    p = r.dct_at("year")
    if p is None:
        return None
    if r.dct and r.dct.month <= 3 and r.tense(m) == PAST:
        p = shift(p, "year", -1)
    return Hit("DATE", p.value(), "END", point=p)


def h_fiscal(m: re.Match[str], r: Resolver) -> Hit | None:
    y = int(m["year"]) if m["year"] else None
    if y is None:
        return None
    p = Point("year", y)
    return Hit("DATE", p.value(), _pointmod(m["pm"]), point=p, explicit_year=True)


def h_unit_year_ago(m: re.Match[str], r: Resolver) -> Hit | None:
    """"the quarter a year ago": the period just reported (or the last full one), a year back."""
    gran = "quarter" if m["unit"].lower() in ("quarter", "period") else "month"
    last = r.ref.last
    if last is not None and last.year is not None and last.gran == gran:
        base: Point = last
    elif r.dct is not None:
        base = shift(at_gran(r.dct, gran), gran, -1)
    else:
        return None
    p = shift(base, "year", -1)
    return Hit("DATE", p.value(), point=p, moves_ref=False)


def _day_value(r: Resolver) -> str:
    p = r.dct_at("day")
    return p.value() if p is not None else "XXXX-XX-XX"


def h_months_to_date(m: re.Match[str], r: Resolver) -> Hit | None:
    """"the nine months": a year-to-date length whose comparisons ("a year earlier") are by year.

    The point it leaves for anaphora is the publication year, so a following "a year earlier"
    is the previous year, not the quarter last reported.
    """
    return Hit("DURATION", f"P{lx.parse_number(m['n'])}M", point=r.dct_at("year"),
               moves_ref=True)


def h_two_quarters(m: re.Match[str], r: Resolver) -> Hit | None:
    """"the first two quarters of 1990" is a half of that year, a calendar span, not a length."""
    half = 1 if m["pos"].lower() == "first" else 2
    p = Point("half", int(m["year"]), part=half)
    # a leading "at least" would out-length this reading as a duration; it stays outside
    return Hit("DATE", p.value(), start=m.start("body"), point=p, explicit_year=True)


def h_week_of(m: re.Match[str], r: Resolver) -> Hit | None:
    """"the week of March 6" is the (ISO) week holding that day."""
    mon, day = _month_num(m["mon"]), _day_num(m["day"])
    y = _year_num(m["year"], r) if m["year"] else r.pick_year(m, mon, day)[0]
    if y is None or not _valid_day(y, mon, day):
        return None
    p = at_gran(dt.date(y, mon, day), "week")
    return Hit("DATE", p.value(), point=p, explicit_year=bool(m["year"]))


def h_season_span(m: re.Match[str], r: Resolver) -> Hit | None:
    """"the past three summers": that season recurring, each one in turn (a SET)."""
    s = m["s"].lower()
    return Hit("SET", f"XXXX-{lx.SEASONS['fall' if s == 'falls' else s.rstrip('s')]}")


# --------------------------------------------------------------------------- rules

_REL = (r"(?:last|next|this|this\s+past|this\s+coming|the\s+past|the\s+last|the\s+next|"
        r"the\s+full|the\s+whole|the\s+entire|the\s+coming|the\s+previous|"
        r"the\s+following|the\s+current|the\s+latest|the\s+same|the\s+most\s+recent|"
        r"the\s+prior|the\s+preceding|the\s+upcoming|that|the|current|coming|past|previous|"
        r"following|prior|upcoming|latest)")
_PM_REL = (r"(?P<pm>(?i:(?:the\s+)?(?:very\s+)?(?:early|late|earlier|later|middle|end|beginning|"
           r"start|close|turn|mid)(?:\s+(?:of|in))?(?:\s+the)?))\s+")
_DAYPART = r"(?:morning|afternoon|evening|night)"
_TZ = r"(?:\s+(?P<tz>[ECMP][SD]?T|GMT|UTC|BST|CES?T|EES?T|WES?T|MSK|IST|JST|KST|HKT|SGT|A[ECW][SD]T|NZ[SD]T|local\s+time|(?:Eastern|Pacific|Central|Mountain)\s+(?:Standard\s+|Daylight\s+)?time))"


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    handler: Handler


def _rule(name: str, pattern: str, handler: Handler) -> Rule:
    return Rule(name, re.compile(pattern), handler)


RULES: tuple[Rule, ...] = (
    _rule("date_mdy",
          rf"{B}(?:(?P<wd>{WEEKDAY_ANY}),?\s+)?(?P<mon>{MONTH})\s*(?:(?i:the)\s+)?(?P<day>{DAY})"
          rf"(?:(?:\s*,\s*|\s+)(?P<year>{YEAR4D}|{YEAR2}))?", h_date),
    _rule("date_dmy",
          rf"{B}(?:(?P<wd>{WEEKDAY_ANY}),?\s+)?(?:the\s+)?(?P<day>{DAY})(?:\s+of)?\s+"
          rf"(?P<mon>{MONTH})(?:,?\s+(?P<year>{YEAR4}))?", h_date),
    _rule("date_range_md",
          rf"{B}(?P<mon>{MONTH})\s*(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s*(?:-|–|to|and|&amp;|&)\s*"
          rf"(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)(?:,?\s+(?P<year>{YEAR4}))?", h_date_range),
    _rule("date_range_dm",
          rf"{B}(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s*(?:-|–|to|and|&)\s*(?P<day2>\d{{1,2}})"
          rf"(?:st|nd|rd|th)?(?:\s+of)?\s+(?P<mon>{MONTH})(?:,?\s+(?P<year>{YEAR4}))?",
          h_date_range),
    _rule("date_iso", r"(?<![\d.])(?P<y>(?:1[5-9]|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?!\d)",
          h_numeric),
    _rule("nine_eleven", r"(?<![\w./-])9/11(?![\w/]|\.\d)", h_nine_eleven),
    _rule("date_us", r"(?<![\d./])(?P<m>1[0-2]|0?[1-9])/(?P<d>[12]\d|3[01]|0?[1-9])/"
          r"(?P<y>(?:19|20)\d\d|\d\d)(?![\d/])", h_numeric),
    # day-first: dots are day-first wherever they are written, slashes only when the day is
    # above 12; dotted dates need a two-digit day and month ("1.2.2019" is as likely a version)
    _rule("date_dmy_num", r"(?<![\d./])(?:(?P<d>[12]\d|3[01]|0[1-9])\.(?P<m>1[0-2]|0[1-9])\."
          r"(?P<y>(?:19|20)\d\d)|(?P<d2>1[3-9]|2\d|3[01])/(?P<m2>1[0-2]|0?[1-9])/"
          r"(?P<y2>(?:19|20)\d\d))(?!\d|[./]\d)",
          lambda m, r: h_numeric(cast("re.Match[str]", _DmyShim(m)), r)),
    _rule("date_ymd_slash", r"(?<![\d./])(?P<y>(?:19|20)\d\d)/(?P<m>1[0-2]|0?[1-9])/"
          r"(?P<d>[12]\d|3[01]|0?[1-9])(?![\d/])", h_numeric),
    _rule("year_apostrophe",
          rf"{B}(?i:in|of|since|until|till|by|from|to|through|between|and|spring|summer|fall|"
          rf"autumn|winter|class\s+of|circa)\s+(?P<body>['’](?P<yy>\d\d))(?![\w'’])",
          h_year_apostrophe),
    _rule("quarter_code",
          r"(?<![\w-])(?:Q(?P<q>[1-4])|(?P<q2>[1-4])Q|H(?P<h>[12])|(?P<h2>[12])H|(?P<fy>FY))"
          r"(?:\s*|\s+(?:of\s+)?|-|/)?(?P<y>(?:19|20)\d\d|['’]?\d\d)?(?![\w'’])", h_quarter_code),
    _rule("era_year",
          r"(?<![\w.])(?:(?P<n>\d{1,4})\s*(?P<era>BCE|BC|B\.C\.|AD|A\.D\.|CE)|"
          r"(?P<era2>AD|A\.D\.)\s*(?P<n2>\d{1,4}))(?![\w])", h_era_year),
    _rule("half_unit",
          rf"{B}(?:(?P<mod>{_ci(MOD)})\s+)?(?i:half\s+an?)\s+(?P<unit>(?i:second|minute|hour|day|"
          rf"year|decade|century))(?!\w)", h_half_unit),
    _rule("ordinal_day",
          rf"{B}(?i:on)\s+(?P<body>(?i:the)\s+(?P<d>[12]\d|3[01]|[1-9])(?:st|nd|rd|th))(?![\w-])"
          rf"(?!\s+(?i:of|century|floor|anniversary|day|time|round|minute|hole|lap|inning|place|"
          rf"amendment|birthday|straight|consecutive|year|month|week|hour|attempt|try|ballot|"
          rf"vote|tee|green|district|precinct|street|avenue|division|army|fleet)\b)",
          h_ordinal_day),
    _rule("weekends", _ci(rf"{B}(?:on|at|during|over)\s+(?P<body>weekends)(?!\w)"),
          lambda m, r: Hit("SET", "XXXX-WXX-WE", start=m.start("body"))),
    _rule("early_hours",
          rf"{B}(?i:the\s+(?:early|small|wee)\s+hours\s+of\s+)(?P<day>{WEEKDAY}|(?i:today|"
          rf"yesterday|tomorrow))(?:\s+(?i:morning|night))?", h_early_hours),
    _rule("month_year",
          rf"{B}(?:{_PM_REL.replace('(?P<pm>', '(?P<pm>', 1)})?(?P<mon>{MONTH}),?\s+(?:of\s+)?"
          rf"(?P<year>{YEAR4}|{YEAR2}|{SPELLED_YEAR})", h_month_year),
    _rule("month_year_hyph",
          rf"{B}(?P<pm>(?i:early|late|mid))-(?P<mon>{MONTH})(?:,?\s+(?P<year>{YEAR4}))?",
          lambda m, r: h_month_year(m, r) if m["year"] else h_month(cast("re.Match[str]", _MonthShim(m)), r)),
    _rule("month",
          rf"{B}(?:{_PM_REL})?(?:(?P<rel>(?i:last|next|this|this\s+past|this\s+coming|past|coming))\s+)?"
          rf"(?P<mon>{MONTH})(?:\s+(?:(?i:of)\s+)?(?P<rel2>(?i:last|next|this))\s+year(?!['’]s))?", h_month),
    _rule("new_year", rf"{B}(?i:the\s+new\s+year)(?![\w'’-])", h_new_year),
    _rule("year_range",
          rf"(?<![\w'’\-$.,#/])(?P<y1>(?:1[5-9]|20)\d\d)[-–](?P<y2>(?:1[5-9]|20)\d\d|\d\d)"
          rf"(?![\w\-–/.:]\w|['’]?s\b)", h_year_range),
    _rule("year",
          rf"{B}(?:(?P<pre>(?i:post|pre|mid))-|{_ci(_PM_REL.replace('(?P<pm>', '(?P<pm>', 1))})?"
          rf"(?:(?i:(?:the\s+)?(?:calendar\s+)?year)\s+)?(?P<year>{YEAR4})(?!['’]?s\b|-\w)",
          h_year),
    _rule("fiscal",
          rf"{B}(?:{_ci(_PM_REL)})?(?i:(?:the\s+)?fiscal(?:\s+year)?)\s*(?P<year>{YEAR4})",
          h_fiscal),
    _rule("spelled_year",
          rf"{B}(?P<the>(?i:the\s+year\s+))?(?P<sy>{SPELLED_YEAR})", h_spelled_year),
    _rule("decade",
          rf"{B}(?P<half>(?i:the\s+(?:first|last|second|latter)\s+half\s+of\s+))?"
          rf"(?:(?i:the\s+))?(?:(?P<pm>(?i:early|late|mid))[\s-]+)?"
          rf"(?:(?P<dec>(?:1[5-9]|20)\d0)['’]?s|['’](?P<d2>\d0)['’]?s|"
          rf"(?:(?i:nineteen[\s-]))?(?P<dw>{_ci(_alt(list(_DECADE_WORDS)))}))(?!\w)",
          h_decade),
    _rule("century",
          rf"{B}(?:(?i:the\s+))?(?:(?P<pm>(?i:early|late|mid))[\s-]+)?"
          rf"(?P<n>\d{{1,2}}(?:st|nd|rd|th)|{_ci(_alt([w for w in _ORD_WORDS if w not in ('last', 'final')]))})"
          rf"[\s-]+(?i:century)(?:\s+(?P<bc>BCE|BC|B\.C\.))?(?!\w)", h_century),
    _rule("relday",
          _ci(rf"{B}(?:(?P<pm>early|late|later|earlier)\s+)?(?:the\s+day\s+(?P<ba>before|after)\s+)?"
              rf"(?P<rd>{_alt(list(_REL_DAYS))})(?:\s+(?P<dp>{_DAYPART}))?(?!\w)"), h_relday),
    _rule("weekday",
          rf"{B}(?:(?P<pm>(?i:early|late))\s+)?"
          rf"(?:(?P<rel>(?i:last|next|this|this\s+past|this\s+coming|past|coming|the\s+previous|the\s+following|the\s+next|previous|following))\s+)?"
          rf"(?P<wd>{WEEKDAY})(?:\s+(?P<dp>{_ci(_DAYPART)}))?"
          rf"(?:\s+(?P<wkrel>(?i:last|next|this))\s+(?i:week)(?![\w'’-])|"
          rf"\s+(?P<wkfwd>(?i:week))(?![\w'’-]))?", h_weekday),
    _rule("weekday_abbr",
          r"(?:(?<=\b[Oo]n\s)|(?<=\b[Tt]his\s)|(?<=\b[Nn]ext\s)|(?<=\b[Ll]ast\s))"
          r"(?P<wd>Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\.?(?![\w.])(?P<pm>)(?P<rel>)(?P<dp>)(?P<wkrel>)(?P<wkfwd>)",
          h_weekday),
    _rule("weekday_set", rf"{B}(?P<wdp>(?i:mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays))(?!\w)",
          h_weekday_set),
    _rule("daypart",
          _ci(rf"{B}(?:(?P<pm>early|late|later|earlier)\s+)?(?P<rel>this|that|last|yesterday|tomorrow|the\s+same|the\s+next|the\s+following)\s+(?P<dp>{_DAYPART})(?!\w)"),
          h_daypart),
    _rule("daypart_bare",
          _ci(rf"{B}(?:(?P<pm0>early|late)\s+)?(?:(?:in|by|until|till|during|through|throughout|"
              rf"since|before|after|from|into|at|around|toward|towards)\s+)"
              rf"(?P<body>(?:the\s+)?(?:(?P<pm>early|late|mid)[\s-]*)?"
              rf"(?P<dp>morning|afternoon|evening|dawn|daybreak|sunrise|dusk|nightfall|sunset))"
              rf"(?![\w-])(?:,?\s+(?:on\s+)?(?P<day>yesterday|today|tomorrow|{WEEKDAY}))?"
              rf"|{B}(?P<body2>mid-?(?:morning|afternoon|evening))(?![\w-])"),
          lambda m, r: h_daypart_bare(cast("re.Match[str]", _BareShim(m)), r)),
    _rule("overnight", rf"{B}(?P<dp>(?i:overnight))(?:\s+(?P<day>{WEEKDAY}))?(?!\w)",
          lambda m, r: Hit("TIME", (_day_word_point(m["day"], m, r).value()  # type: ignore[union-attr]
                                    if m["day"] and r.dct else _day_value(r)) + "TNI")),
    _rule("time",
          rf"{B}(?:(?P<approx>(?i:around|about|approximately|roughly|shortly\s+after|shortly\s+before|just\s+after|just\s+before))\s+)?"
          rf"(?:(?P<day0>{WEEKDAY}|(?i:today|yesterday|tomorrow)),?\s+(?:at\s+)?)?"
          rf"(?:(?P<h>[01]?\d|2[0-3])(?:(?:[:.]|:\s)(?P<mi>[0-5]\d))?\s*(?P<ap>(?i:a\.m\.|p\.m\.|am\b|pm\b|a\.m\b|p\.m\b|o'clock|in\s+the\s+(?:morning|afternoon|evening)\b|at\s+night\b))"
          rf"|(?P<nm>(?i:noon|midnight|midday))(?!\w))"
          rf"{_TZ}?(?:,?\s+(?:on\s+)?(?P<day>{WEEKDAY}|(?i:today|yesterday|tomorrow|tonight)))?"
          rf"(?:,?\s+(?:on\s+)?(?P<mon>{MONTH})\s*(?P<mday>{DAY})(?:,?\s+(?P<year>{YEAR4}))?)?",
          h_time),
    # a one-digit hour ("at 9:30") only after a word that introduces a clock time; "3:16" alone
    # is as often a score, a ratio or a verse
    _rule("time24", rf"(?<![\w:./])(?P<h>[01]\d|2[0-3]|(?:(?<=\bat\s)|(?<=\bby\s)|(?<=\buntil\s)|"
          rf"(?<=\btill\s)|(?<=\bfrom\s)|(?<=\baround\s)|(?<=\babout\s)|(?<=\bbefore\s)|"
          rf"(?<=\bafter\s)|(?<=\bsince\s))\d):(?P<mi>[0-5]\d)(?![\d:])(?P<ap>)(?P<nm>)"
          rf"(?P<approx>)(?P<day0>)(?P<mon>)(?P<mday>)(?P<year>)(?:{_TZ})?"
          rf"(?:,?\s+(?:on\s+)?(?P<day>{WEEKDAY}|(?i:today|yesterday|tomorrow|tonight))(?!\w)"
          rf"(?:\s+(?i:morning|afternoon|evening|night)(?!\w))?)?",
          h_time),
    # wire-service clock times, "0800 GMT", "1430 hours": four digits only with a zone or
    # "hours" after them, and not a conversion in brackets after another clock time
    _rule("time_mil", rf"(?<![\w:./$#(-])(?P<h>[01]\d|2[0-3])(?P<mi>[0-5]\d)"
          rf"(?:(?:\s+|(?=Z))(?P<tz>GMT|UTC|Z)\b|\s+(?i:hours|hrs)\b|\s+local\s+time\b)"
          rf"(?P<ap>)(?P<nm>)(?P<approx>)(?P<day0>)(?P<mon>)(?P<mday>)(?P<year>)"
          rf"(?:,?\s+(?:on\s+)?(?P<day>{WEEKDAY}|(?i:today|yesterday|tomorrow|tonight))(?!\w))?",
          h_time),
    _rule("ago",
          rf"{B}(?:(?P<mod>{_ci(MOD)})\s+)?(?P<num>{_ci(NUM)}|(?i:a|an)|{_ci(_VAGUE)})\s+"
          rf"(?:(?i:more|full|long)\s+)?(?P<unit>{_ci(UNIT)})(?P<orso>\s+(?i:or so))?\s+"
          rf"(?P<dir>(?i:ago|earlier|later|from\s+now|hence|back))(?!\w)"
          rf"(?:(?<=[Aa][Gg][Oo])\s+(?P<aday>(?i:today|yesterday|this\s+week|this\s+month)|{WEEKDAY})"
          rf"(?!\w))?", h_ago),
    _rule("duration",
          rf"{B}(?:(?P<mod>{_ci(MOD)})\s+)?"
          rf"(?:(?P<det>(?i:the|these|those|its|his|her|their|our|a|an|this))\s+(?!(?i:few|couple)\b))?"
          rf"(?:(?P<adj>(?i:past|last|next|first|coming|previous|following|final|latest|remaining|initial|additional|further|same|entire|whole|full|preceding|ensuing|succeeding|recent|year-earlier|year-ago|comparable|another|other|extra))\s+)?"
          rf"(?P<num>{_ci(NUM)}|(?i:a|an)|{_ci(_VAGUE)})"
          rf"(?:\s*(?:or|to|-|–|and)\s*(?P<num2>{_ci(NUM)}))?"
          rf"(?P<hyph>\s+|-|\s*-\s*)(?:(?i:more|additional|full|straight|consecutive|long|short|further|extra|successive|trading|business|working|school)\s+)?"
          rf"(?P<unit>{_ci(UNIT)})(?P<half>\s+(?i:and a half))?(?P<orso>\s+(?i:or so))?"
          rf"(?P<noun>(?:(?<=-year)|(?<=-week)|(?<=-month)|(?<=-day)|(?<=-hour))\s+(?i:period|span|stretch|term|interval|window)(?!\w))?",
          h_duration),
    _rule("vague_plural",
          _ci(rf"{B}(?P<pre>(?:the\s+)?(?:(?:past|last|next|coming|following|previous|recent|upcoming|ensuing|intervening|early|final)\s+)(?:few\s+|several\s+|many\s+)?|several\s+|many\s+|a\s+few\s+|few\s+)?"
              rf"(?P<unit>seconds|minutes|hours|days|weeks|months|years|decades|centuries)(?!\w)"),
          h_vague_plural),
    _rule("relunit",
          _ci(rf"{B}(?:{_PM_REL})?(?P<rel>{_REL})\s+(?:fiscal\s+)?"
              rf"(?P<unit>week|month|year|quarter|decade|century|weekend|half)(?!\w|-)"),
          h_relunit),
    _rule("part_of",
          rf"{B}(?i:the)\s+(?P<pos>(?i:first|last|final|opening|closing|early))\s+"
          rf"(?P<unit>(?i:day|days|week|weeks|two\s+weeks|few\s+days|few\s+weeks|weekend|month|"
          rf"months))\s+(?i:of)\s+(?:(?P<mon>{MONTH})(?:,?\s+(?P<year>{YEAR4}))?|"
          rf"(?P<yonly>{YEAR4}))(?![\w-])", h_part_of),
    _rule("year_end", _ci(rf"{B}(?:the\s+)?year(?:[\s-]|['’]s\s+)end(?!\w)"), h_year_end),
    _rule("quarter",
          rf"{B}(?P<quals>(?:(?:(?i:the|this\s+year.s|last\s+year.s|next\s+year.s|year-earlier|year-ago|comparable|same|fiscal|fiscal-|latest|current|prior-year|previous-year|flat|disappointing|strong|weak|record)|{YEAR4})[\s-]*)*)"
          rf"(?P<ord>(?i:first|second|third|fourth|1st|2nd|3rd|4th|final|last))[\s-]+(?:(?i:fiscal)\s+)?"
          rf"(?P<qh>(?i:quarters|quarter|half))(?!\w|-)"
          rf"(?:\s+(?:(?i:of)\s+)?(?:(?i:fiscal)\s+)?(?:(?P<qyear>{YEAR4})|(?P<qrel>(?i:this|last|next))\s+(?i:year)))?",
          h_quarter),
    _rule("period",
          _ci(rf"{B}(?P<quals>(?:the|its|that|this)\s+(?:(?:year-earlier|year-ago|year\s+earlier|comparable|same|latest|prior-year|previous-year|corresponding|(?:1[5-9]|20)\d\d)\s+)+)"
              rf"(?P<unit>quarter|period)(?P<ly>\s+(?:last\s+year|a\s+year\s+(?:ago|earlier)))?(?!\w)|{B}(?P<quals2>year-earlier|year-ago)(?P<unit2>)(?=\s)"),
          lambda m, r: h_period(cast("re.Match[str]", _PeriodShim(m)), r)),
    _rule("season",
          rf"{B}(?:{_ci(_PM_REL)})?(?:(?P<rel>(?i:last|next|this|this\s+past|this\s+coming|the|past|coming))\s+)?"
          rf"(?P<s>(?i:spring|summer|fall|autumn|winter))(?:\s+(?:(?i:of)\s+)?(?:(?P<year>{YEAR4}|{YEAR2}|{SPELLED_YEAR})|"
          rf"(?P<rel2>(?i:last|next|this))\s+(?i:year)(?!['’]s)))?(?![\w-])",
          h_season),
    _rule("set",
          rf"{B}(?:(?:(?i:every|each|per))\s+(?P<other>(?i:other)\s+)?(?:(?P<num>{_ci(NUM)})\s+)?"
          rf"(?P<what>{WEEKDAY}|{MONTH}|(?i:spring|summer|fall|autumn|winter|morning|afternoon|evening|night|weekend|{UNIT}))"
          rf"|(?P<adv>daily|weekly|monthly|yearly|hourly|nightly|biweekly|fortnightly|semiannually|biannually|weekdays|weeknights)(?!\w)(?!\s+[A-Z])"
          rf"|(?P<freq>(?i:once|twice|thrice|{NUM}\s+times))\s+(?:(?i:a|an|per|each|every))\s+(?P<unit2>{_ci(UNIT)}))",
          h_set),
    _rule("ref",
          rf"{B}(?P<ref>{_ci(_alt(list(_REFS)))})(?![\w-])", h_ref),
    _rule("soon", rf"{B}(?P<soon>(?i:soon))(?![\w-])", h_soon),
    _rule("holiday",
          rf"{B}(?:(?P<rel>(?i:last|next|this))\s+)?(?P<hol>Christmas(?:\s+(?:Day|Eve))?|New\s+Year['’]s(?:\s+(?:Day|Eve))?|"
          rf"Thanksgiving(?:\s+Day)?|Easter(?:\s+Sunday|\s+Monday|\s+[Ww]eek)?|Holy\s+Week|Halloween|Independence\s+Day|Valentine['’]s\s+Day|"
          rf"Memorial\s+Day|Labor\s+Day|Election\s+Day|Veterans\s+Day|Boxing\s+Day|Good\s+Friday|Mother['’]s\s+Day|"
          rf"Father['’]s\s+Day|Palm\s+Sunday|Ash\s+Wednesday|Black\s+Friday|Mardi\s+Gras|"
          rf"(?:Fat|Shrove|Super)\s+Tuesday|(?:Maundy|Holy)\s+Thursday|Holy\s+Saturday|"
          rf"Cyber\s+Monday|Martin\s+Luther\s+King(?:\s+Jr\.)?\s+Day|Presidents['’]?\s+Day|"
          rf"Columbus\s+Day|Juneteenth|St\.?\s+Patrick['’]s\s+Day|April\s+Fools['’]?\s+Day|"
          rf"Remembrance\s+Day|Armistice\s+Day|Bastille\s+Day|Canada\s+Day|Australia\s+Day|"
          rf"Anzac\s+Day|International\s+Women['’]s\s+Day|Earth\s+Day)"
          rf"(?:,?\s+(?P<year>{YEAR4}))?(?!\w)", h_holiday),
    _rule("day_rel",
          _ci(rf"{B}(?P<rel>the\s+next|the\s+following|the\s+previous|the\s+preceding|the\s+prior|the\s+same|that\s+same|that)\s+(?P<u>day|morning|afternoon|evening|night)(?!\w)"),
          h_day_rel),
    _rule("unit_before",
          _ci(rf"{B}the\s+(?P<unit>day|week|month|quarter|year)\s+(?P<ba>before|after)"
              rf"(?:\s+(?P<last>last|next)(?![\w-]))?(?=\s*(?:[,.;:!?)]|$|--|\s(?:and|but|when|as|while|or)\b))"),
          h_unit_before),
    _rule("unit_year_ago",
          _ci(rf"{B}the\s+(?P<unit>quarter|period|month)\s+a\s+year\s+(?:ago|earlier)(?!\w)"),
          h_unit_year_ago),
    _rule("two_quarters",
          rf"{B}(?:{_ci(MOD)}\s+)?(?P<body>(?:(?i:the)\s+)?(?P<pos>(?i:first|last|final))\s+"
          rf"(?i:two\s+quarters)\s+"
          rf"(?i:of)\s+(?:(?i:fiscal|calendar)\s+)?(?P<year>{YEAR4}))", h_two_quarters),
    _rule("week_of",
          rf"{B}(?:(?i:the)\s+)?(?i:week)\s+(?i:of)\s+(?P<mon>{MONTH})\s*(?P<day>{DAY})"
          rf"(?:,?\s+(?P<year>{YEAR4}))?", h_week_of),
    _rule("season_span",
          rf"{B}(?:(?i:the)\s+)?(?i:past|last|previous|next|coming|following)\s+"
          rf"(?:{_ci(NUM)})\s+(?P<s>(?i:summers|winters|springs|autumns|falls))(?!\w)",
          h_season_span),
    _rule("nine_months",
          _ci(rf"{B}(?:the\s+)?(?:(?:first|latest|year-earlier|year-ago|past|last|next|comparable)\s+)?(?P<n>six|nine|three|6|9|3)\s+months(?!\w)"),
          h_months_to_date),
)


class _MonthShim:
    """Adapts a hyphenated-month match ("mid-November") to the month handler's groups."""

    def __init__(self, m: re.Match[str]):
        self._m = m

    def __getitem__(self, key: str) -> str | None:
        if key in ("rel", "rel2"):
            return None
        return self._m[key]

    def start(self, *a: object) -> int:
        return self._m.start()

    def end(self, *a: object) -> int:
        return self._m.end()

    def span(self, *a: object) -> tuple[int, int]:
        return self._m.span()


class _BareShim(_MonthShim):
    """Lets the preposition-less "mid-afternoon" reach the bare daypart handler."""

    def __getitem__(self, key: str) -> str | None:
        if self._m["body2"] is not None:
            return {"dp": self._m["body2"]}.get(key)
        return self._m[key]

    def start(self, *a: object) -> int:
        if a and self._m["body2"] is not None:
            return self._m.start("body2")
        return self._m.start(*a)  # type: ignore[arg-type]


class _DmyShim(_MonthShim):
    """Gives the slashed day-first alternative of "date_dmy_num" the dotted one's groups."""

    def __getitem__(self, key: str) -> str | None:
        if key in ("d", "m", "y") and self._m[key] is None:
            return self._m[key + "2"]
        return self._m[key]


class _PeriodShim(_MonthShim):
    def __getitem__(self, key: str) -> str | None:
        if key == "quals":
            return self._m["quals"] or self._m["quals2"]
        if key == "unit":
            return self._m["unit"] or "period"
        if key == "ly":
            return self._m["ly"]
        return self._m[key]
