"""Run the time grammar over one text: candidates, overlap settlement, normalization in order."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from ..records import Timex
from .calendar import parse_date
from .grammar import RULES, Hit, Resolver
from .reference import ReferenceTime, tense_at

if TYPE_CHECKING:
    from spacy.tokens import Doc

log = logging.getLogger(__name__)

_TRAIL = re.compile(r"[\s,;:.]+$")
_LEAD = re.compile(r"^[\s,;:]+")
# words an expression never starts with (TimeML leaves prepositions outside)
_PREP = re.compile(r"^(?i:on|in|at(?!\s+(?:least|most|about|around))|since|for|during|by|until|till|"
                   r"from|to|of|before|after)\s+")


def _candidates(text: str) -> list[tuple[int, int, int, re.Match[str]]]:
    """All rule matches as (start, end, rule priority, match)."""
    out = []
    for prio, rule in enumerate(RULES):
        for m in rule.pattern.finditer(text):
            if m.end() > m.start():
                out.append((m.start(), m.end(), prio, m))
    return out


def tag(text: str, published: str | None, sdoc: Doc | None = None) -> tuple[list[Timex],
                                                                           ReferenceTime]:
    """TIMEX3 expressions of ``text`` resolved against ``published`` and the story's own time."""
    ref = ReferenceTime(parse_date(published), text)
    tense: Callable[[int, int], str | None] = lambda s, e: tense_at(sdoc, s, e)  # noqa: E731
    resolver = Resolver(text, ref, tense)
    cands = sorted(_candidates(text), key=lambda c: (c[0] - c[1], c[2], c[0]))
    taken = bytearray(len(text))
    kept: list[tuple[int, int, re.Match[str]]] = []
    # longest first; on equal length the earlier rule wins; a handler refusing a match (a
    # year that is a count, "May" the verb) frees the place for shorter readings
    for start, end, prio, m in cands:
        if any(taken[start:end]) or not RULES[prio].handler(m, resolver):
            continue
        taken[start:end] = b"\x01" * (end - start)
        kept.append((start, prio, m))
    out: list[Timex] = []
    # normalize in reading order so the reference time follows the story
    for _, prio, m in sorted(kept, key=lambda k: k[0]):
        result = RULES[prio].handler(m, resolver)
        if not result:
            continue
        for hit in result if isinstance(result, list) else [result]:
            tx = _emit(text, m, hit)
            if tx is None:
                continue
            out.append(tx)
            if hit.point is not None and hit.moves_ref:
                ref.saw(tx.start, hit.point, explicit_year=hit.explicit_year)
    out.sort(key=lambda t: (t.start, t.end))
    return out, ref


def _emit(text: str, m: re.Match[str], hit: Hit) -> Timex | None:
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
    anchor = hit.anchor
    return Timex(start, end, text[start:end], hit.type, hit.value, hit.mod, anchor)
