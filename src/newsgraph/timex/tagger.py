"""Run the time grammar over one text: candidates, overlap settlement, normalization in order."""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from ..records import Timex
from . import lexicon as lx
from .calendar import parse_date
from .grammar import NOT_A_TIMEX, RULES, Hit, Resolver
from .reference import ReferenceTime, names_event, tense_at

if TYPE_CHECKING:
    from spacy.tokens import Doc

log = logging.getLogger(__name__)

_TRAIL = re.compile(r"[\s,;:.]+$")
_LEAD = re.compile(r"^[\s,;:]+")
# words an expression never starts with (TimeML leaves prepositions outside)
_PREP = re.compile(r"^(?i:on|in|at(?!\s+(?:least|most|about|around))|since|for|during|by|until|till|"
                   r"from|to|of|before|after)\s+")


# Each rule needs a word of one of its trigger classes nearby; rules run only in small windows
# around those words, found by one cheap word scan, which keeps the stage a small fraction of the
# parse on long articles.
_WORD = re.compile(r"[^\W_]+(?:['’]s)?")
_CLASS_WORDS: dict[str, tuple[str, ...]] = {
    "month": tuple(lx.MONTHS),
    "weekday": tuple(lx.WEEKDAYS) + ("mondays", "tuesdays", "wednesdays", "thursdays",
                                     "fridays", "saturdays", "sundays", "weekdays", "weeknights"),
    "unit": tuple(lx.UNITS) + tuple(lx.UNIT_PLURALS) + ("half", "period", "term", "months",
                                                       "daily", "weekly", "monthly", "yearly",
                                                       "hourly", "nightly", "biweekly",
                                                       "fortnightly", "semiannually",
                                                       "biannually", "year's"),
    "season": tuple(lx.SEASONS),
    "daypart": tuple(lx.DAY_PARTS) + ("noon", "midnight", "midday", "nights", "mornings",
                                      "evenings", "afternoons", "dawn", "daybreak", "sunrise",
                                      "dusk", "nightfall", "sunset", "midmorning",
                                      "midafternoon", "midevening"),
    "relday": ("today", "yesterday", "tomorrow", "tonight", "tonite", "2nite", "2night", "tmrw",
               "tmr", "tomorow", "2morrow", "2morow", "2moro", "2day", "today's",
               "yesterday's", "tomorrow's"),
    "ago": ("ago", "earlier", "later", "now", "hence", "back"),
    "ref": ("now", "currently", "current", "nowadays", "days", "present", "presently",
            "recently", "lately", "past", "future", "term", "later", "someday", "soon",
            "moment", "date", "possible"),
    "spelled": ("nineteen", "eighteen", "twenty", "thousand", "twenties", "thirties", "forties",
                "fifties", "sixties", "seventies", "eighties", "nineties"),
    "century": ("century", "centuries"),
    "set": ("every", "each", "per", "once", "twice", "thrice", "times"),
    "holiday": ("christmas", "year's", "thanksgiving", "easter", "holy", "halloween",
                "independence", "election",
                "valentine's", "memorial", "labor", "veterans", "boxing", "good", "mother's",
                "father's", "valentine’s", "mother’s", "father’s", "year’s", "palm", "ash",
                "black", "cyber", "king", "presidents", "presidents'", "columbus", "juneteenth",
                "patrick's", "patrick’s", "fools", "fools'", "remembrance", "armistice",
                "bastille", "canada", "australia", "anzac", "women's", "women’s", "earth",
                "mardi", "fat", "shrove", "maundy", "super"),
    "fiscal": ("fiscal",),
}
_RULE_CLASSES: dict[str, frozenset[str]] = {
    "part_of": frozenset({"month", "year4"}), "nine_eleven": frozenset({"num"}),
    "date_mdy": frozenset({"month"}), "date_dmy": frozenset({"month"}),
    "date_range_md": frozenset({"month"}), "date_range_dm": frozenset({"month"}),
    "date_iso": frozenset({"year4"}), "date_us": frozenset({"num"}),
    "date_dmy_num": frozenset({"num"}), "date_ymd_slash": frozenset({"year4"}),
    "year_apostrophe": frozenset({"num"}), "quarter_code": frozenset({"num"}),
    "era_year": frozenset({"num"}), "early_hours": frozenset({"weekday", "relday"}),
    "half_unit": frozenset({"unit"}), "unit_before": frozenset({"unit"}),
    "ordinal_day": frozenset({"num"}), "weekends": frozenset({"unit"}),
    "month_year": frozenset({"month"}), "month_year_hyph": frozenset({"month"}),
    "month": frozenset({"month"}), "year": frozenset({"year4"}), "year_range": frozenset({"year4"}),
    "new_year": frozenset({"unit"}), "time_mil": frozenset({"year4", "num"}),
    "fiscal": frozenset({"fiscal", "year4"}), "spelled_year": frozenset({"spelled"}),
    "decade": frozenset({"decade", "spelled"}), "century": frozenset({"century"}),
    "relday": frozenset({"relday"}), "weekday": frozenset({"weekday"}),
    "weekday_abbr": frozenset({"weekday"}), "weekday_set": frozenset({"weekday"}),
    "daypart": frozenset({"daypart"}), "overnight": frozenset({"daypart"}),
    "daypart_bare": frozenset({"daypart"}), "soon": frozenset({"ref"}),
    "time": frozenset({"num", "year4", "daypart"}), "time24": frozenset({"num"}),
    "ago": frozenset({"ago"}), "duration": frozenset({"unit"}),
    "vague_plural": frozenset({"unit"}), "relunit": frozenset({"unit"}),
    "year_end": frozenset({"unit"}), "quarter": frozenset({"unit"}),
    "period": frozenset({"unit"}), "season": frozenset({"season"}),
    "set": frozenset({"set", "unit", "weekday"}), "ref": frozenset({"ref"}),
    "holiday": frozenset({"holiday"}), "day_rel": frozenset({"unit", "daypart"}),
    "nine_months": frozenset({"unit"}), "unit_year_ago": frozenset({"unit"}),
    "two_quarters": frozenset({"unit"}), "season_span": frozenset({"season"}),
    "week_of": frozenset({"month"}),
}
_WORD_CLASSES: dict[str, set[str]] = {}
for _cls, _words in _CLASS_WORDS.items():
    for _w in _words:
        _WORD_CLASSES.setdefault(_w, set()).add(_cls)
_BEFORE, _AFTER = 60, 90
_GLUED = re.compile(r"([a-z]+)\d")


def _word_classes(word: str) -> set[str] | frozenset[str]:
    w = word.lower()
    if w[0].isdigit():
        if w.isdigit():
            return {"year4", "num"} if len(w) == 4 else {"num"}
        if w.endswith("s") and w[:-1].isdigit():
            return {"decade"}
        return {"num", "relday"} if w.startswith("2") else {"num"}
    if w in _WORD_CLASSES:
        return _WORD_CLASSES[w]
    glued = _GLUED.match(w)
    if glued:  # "Jan21", "Sept3rd"
        return set(_WORD_CLASSES.get(glued.group(1), ())) | {"num"}
    if w.endswith(("'s", "’s")):
        w = w[:-2]
    return _WORD_CLASSES.get(w) or _WORD_CLASSES.get(w.rstrip("s")) or frozenset()


def _candidates(text: str) -> list[tuple[int, int, int, re.Match[str]]]:
    """Rule matches near their trigger words as (start, end, rule priority, match)."""
    spots: dict[str, list[tuple[int, int]]] = {}
    for m in _WORD.finditer(text):
        for cls in _word_classes(m.group()):
            spots.setdefault(cls, []).append((m.start(), m.end()))
    out = []
    n = len(text)
    for prio, rule in enumerate(RULES):
        starts: list[tuple[int, int]] = []
        for cls in _RULE_CLASSES.get(rule.name, ()):
            starts.extend(spots.get(cls, ()))
        if not starts:
            continue
        starts.sort()
        windows: list[tuple[int, int]] = []
        for s0, e0 in starts:
            ws, we = max(0, s0 - _BEFORE), min(n, e0 + _AFTER)
            if windows and ws <= windows[-1][1]:
                windows[-1] = (windows[-1][0], max(windows[-1][1], we))
            else:
                windows.append((ws, we))
        finditer = rule.pattern.finditer
        for ws, we in windows:
            for m in finditer(text, ws, we):
                if m.end() > m.start():
                    out.append((m.start(), m.end(), prio, m))
    return out


# deictic words that are capitalized only at a sentence start, unlike month and weekday names
_DEICTIC = frozenset({"this", "today", "tonight", "tomorrow", "yesterday", "now", "noon",
                      "midnight", "next", "last"})
_TITLE_LEAD = re.compile(r"(?:[\"“‘`]+|(?<=\s)')(?:[A-Z][\w'’-]*\s+){0,3}$|\b[A-Z]{2,}\s+$")


def _in_title(text: str, start: int, end: int) -> bool:
    """True for a deictic time word capitalized mid-sentence as part of a title: ABC's "This
    Week", the film "High Noon", "VOA Today".

    Such a word is capitalized only at a sentence start, so mid-sentence after an opening quote
    (at most a few capitalized words between) or right after an acronym it names a programme or
    a work. A quote that opens a sentence or a quotation ('said, "Today we...') is no title.
    """
    first = text[start:end].split(None, 1)[0] if end > start else ""
    if not first[:1].isupper() or first.lower().rstrip(".,") not in _DEICTIC:
        return False
    before = text[max(0, start - 40):start]
    lead_m = _TITLE_LEAD.search(before)
    if lead_m is None:
        return False
    lead = before[:lead_m.start()]
    stripped = lead.rstrip()
    return not (stripped == "" or "\n" in lead[len(stripped):] or
                stripped.endswith((".", "!", "?", ":", ";", ",", "--")))


def tag(text: str, published: str | None, sdoc: Doc | None = None) -> tuple[list[Timex],
                                                                           ReferenceTime]:
    """TIMEX3 expressions of ``text`` resolved against ``published`` and the story's own time."""
    ref = ReferenceTime(parse_date(published), text)
    tense: Callable[[int, int], str | None] = lambda s, e: tense_at(sdoc, s, e)
    resolver = Resolver(text, ref, tense)
    cands = sorted(_candidates(text), key=lambda c: (c[0] - c[1], c[2], c[0]))
    taken = bytearray(len(text))
    kept: list[tuple[int, int, re.Match[str]]] = []
    # longest first; on equal length the earlier rule wins; a handler refusing a match (a
    # year that is a count, "May" the verb) frees the place for shorter readings
    resolver.settling = True
    for start, end, prio, m in cands:
        if any(taken[start:end]) or _in_title(text, start, end) or \
                not RULES[prio].handler(m, resolver):
            continue
        taken[start:end] = b"\x01" * (end - start)
        kept.append((start, prio, m))
    resolver.settling = False
    out: list[Timex] = []
    # normalize in reading order so the reference time follows the story
    for _, prio, m in sorted(kept, key=lambda k: k[0]):
        result = RULES[prio].handler(m, resolver)
        if not result:
            continue
        for hit in result if isinstance(result, list) else [result]:
            if hit is NOT_A_TIMEX:
                continue
            tx = _emit(text, m, hit, _anchor_of(hit, ref))
            if tx is None:
                continue
            out.append(tx)
            if hit.point is not None and hit.moves_ref:
                # "since March 2013" opens a stretch that runs to now: the story is not there
                # (only explicit years can move the story, so only they need the parse)
                passing = hit.explicit_year and (
                    _SINCE.search(text, max(0, tx.start - 8), tx.start) is not None or
                    names_event(sdoc, text, tx.start, tx.end))
                ref.saw(tx.start, hit.point, explicit_year=hit.explicit_year,
                        advances=hit.advances, names_event=passing)
    out = [_days_from(text, tx) for tx in out]
    out.sort(key=lambda t: (t.start, t.end))
    return out, ref


_SINCE = re.compile(r"\bsince\s+$", re.IGNORECASE)
_DAY_BEFORE = re.compile(r"\bthe\s+day\s+(?P<ba>before|after)\s+$", re.IGNORECASE)


def _days_from(text: str, tx: Timex) -> Timex:
    """"the day before Tuesday's hearing", "the day after March 3": one expression, as TimeBank
    has it, the named day moved by one. ("Two days after March 3" stays a length and a date.)"""
    if tx.type != "DATE" or not re.fullmatch(r"\d{4}-\d\d-\d\d", tx.value):
        return tx
    m = _DAY_BEFORE.search(text, max(0, tx.start - 20), tx.start)
    if m is None:
        return tx
    day = dt.date.fromisoformat(tx.value) + dt.timedelta(days=-1 if m["ba"].lower() == "before"
                                                         else 1)
    return Timex(m.start(), tx.end, text[m.start():tx.end], "DATE", day.isoformat(), tx.mod,
                 tx.anchor)


def _anchor_of(hit: Hit, ref: ReferenceTime) -> str | None:
    """What a relative value was resolved against: the narrative time or the publication date."""
    if hit.explicit_year or hit.type in ("DURATION", "SET") or hit.value.endswith("_REF"):
        return None
    if hit.anchor == "narrative" and ref.narrative is not None:
        return ref.narrative.value()
    return ref.dct.isoformat() if ref.dct else None


def _emit(text: str, m: re.Match[str], hit: Hit, anchor: str | None) -> Timex | None:
    start = m.start() if hit.start is None else hit.start
    end = m.end() if hit.end is None else hit.end
    span = text[start:end]
    lead = _LEAD.match(span) or _PREP.match(span)
    if lead:
        start += lead.end()
    span = text[start:end]
    trail = _TRAIL.search(span)
    if trail and not span.endswith((".m.", "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.",
                                    "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec.")):
        end -= len(trail.group())
    if text[start:end].endswith((".m.", ".M.")) and re.match(r"\s*(?:$|\n|[A-Z\"'`])",
                                                               text[end:end + 3]):
        end -= 1  # the period closes the sentence too; TimeBank leaves it out
    if end <= start:
        return None
    return Timex(start, end, text[start:end], hit.type, hit.value, hit.mod, anchor)
