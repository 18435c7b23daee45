"""When an event happened: the time expression that governs its trigger, or one inferred.

Order of evidence, most direct first:
1. a DATE/TIME timex inside the trigger's own clause or phrase ("released on February 15",
   "killed during the October 7 attack");
2. the timex stage's ``governing_timex`` when that helper exists;
3. a clause hung on another event by "after"/"before" takes that event's time with
   ``time_mod`` BEFORE/AFTER ("released on May 2, days after the minister urged ...");
4. the time of the event it is a part of (walking up the parse);
5. speech and appeals reported next to a dated meeting or visit take the meeting's time (what was
   said at the meeting happened at the meeting).
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from ..records import Timex

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..document import Document
    from .frames import Frame

log = logging.getLogger(__name__)

POINT_TYPES = ("DATE", "TIME")
_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")
_DECADE_RE = re.compile(r"^(\d{2,3})X*$")
# TIMEX3 mods of a point that still place the event inside the timex's range
RANGE_MODS = frozenset({None, "START", "MID", "END", "APPROX", "EARLY", "LATE"})


def _load_governing_timex() -> Callable[..., Any] | None:
    try:
        from ..stages import timex as timex_stage
    except ImportError:  # pragma: no cover - the stage module always exists
        return None
    return getattr(timex_stage, "governing_timex", None)


def date_range(value: str | None) -> tuple[dt.date, dt.date] | None:
    """Earliest and latest day a TIMEX3 date value can denote (``2023-11`` -> Nov 1..30)."""
    if not value:
        return None
    m = _DATE_RE.match(value)
    if not m:
        d = _DECADE_RE.match(value)
        if not d:
            return None
        # "199" is the 1990s, "20" the 2000s (a century)
        width = 10 ** (4 - len(d[1]))
        first = int(d[1]) * width
        return dt.date(first, 1, 1), dt.date(first + width - 1, 12, 31)
    year = int(m[1])
    try:
        if m[3]:
            d = dt.date(year, int(m[2]), int(m[3]))
            return d, d
        if m[2]:
            month = int(m[2])
            first = dt.date(year, month, 1)
            nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
            return first, nxt - dt.timedelta(days=1)
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    except ValueError:
        return None


def token_timexes(doc: Document, sdoc: Doc) -> dict[int, Timex]:
    """spaCy token index -> the point timex (DATE/TIME with a calendar value) covering it."""
    out: dict[int, Timex] = {}
    for tx in doc.timexes:
        if tx.type not in POINT_TYPES or date_range(tx.value) is None:
            continue
        span = sdoc.char_span(tx.start, tx.end, alignment_mode="expand")
        if span is None:
            continue
        for tok in span:
            out[tok.i] = tx
    return out


def _root_of(tokens: Sequence[Token]) -> Token:
    inside = {t.i for t in tokens}
    for t in tokens:
        if t.head.i not in inside or t.head.i == t.i:
            return t
    return tokens[0]


def assign_times(doc: Document, sdoc: Doc, frames: list[Frame]) -> dict[int, tuple[Timex, str | None]]:
    """Trigger token -> (timex, time_mod) for every frame whose time can be told."""
    by_tok = token_timexes(doc, sdoc)
    trig = {f.trigger: f for f in frames}
    direct: dict[int, Timex] = {}
    # 1. each point timex belongs to the nearest event above it in the parse
    seen: set[tuple[int, int]] = set()
    # every timex that hangs on some event, even one whose event already has a time ("served
    # from 2016 to 2020"): none of them is free to date another clause of the sentence
    attached: list[Timex] = []
    for tx in by_tok.values():
        if (tx.start, tx.end) in seen:
            continue
        seen.add((tx.start, tx.end))
        toks = [sdoc[i] for i in sorted(i for i, t in by_tok.items() if t is tx)]
        cur = _root_of(toks)
        for _ in range(12):
            if cur.i in trig and cur.i not in {t.i for t in toks}:
                direct.setdefault(cur.i, tx)
                attached.append(tx)
                break
            if cur.head.i == cur.i:
                break
            cur = cur.head
    out: dict[int, tuple[Timex, str | None]] = {i: (tx, tx.mod) for i, tx in direct.items()}
    claimed = attached
    governing = _load_governing_timex()
    if governing is not None:
        for f in frames:
            if f.trigger in out:
                continue
            sent_of = sdoc[f.trigger].sent
            try:
                tx = governing(doc, f.trigger)
            except Exception:  # a helper still being written must not break events
                log.debug("governing_timex failed", exc_info=True)
                governing = None
                break
            # the helper falls back to any timex of the sentence or paragraph: fine for a
            # clause's verb, too loose for a noun ("thanked him for his release on Monday")
            if isinstance(tx, Timex) and tx.type in POINT_TYPES and date_range(tx.value) \
                    and f.pos != "NOUN" and tx not in claimed \
                    and sent_of.start_char <= tx.start < sent_of.end_char:
                out[f.trigger] = (tx, None)
    # 3 + 4. relative clauses and parts take the time of the event they hang on
    for f in frames:
        if f.trigger in out:
            continue
        found = _inherited(sdoc[f.trigger], out, trig)
        if found is not None:
            out[f.trigger] = found
    # "killed during the attack", "seen in a video released in April": an event framed by a
    # dated event happened at that time
    for f in frames:
        if f.trigger in out:
            continue
        found_tx = _framing(sdoc[f.trigger], out, trig)
        if found_tx is not None:
            out[f.trigger] = (found_tx, None)
    # "During the meeting on Tuesday, X thanked ...": the meeting happened then too
    for f in frames:
        if f.trigger not in out or out[f.trigger][1] in ("BEFORE", "AFTER"):
            continue
        for c in sdoc[f.trigger].children:
            if c.dep_ == "prep" and c.lower_ == "during":
                for g in c.children:
                    if g.dep_ == "pobj" and g.i in trig and g.i not in out:
                        out[g.i] = (out[f.trigger][0], None)
    # 5. what was said at a dated meeting happened then
    meetings = [(sdoc[f.trigger].sent.start, out[f.trigger][0]) for f in frames
                if f.type in ("meet", "visit") and f.trigger in out and not f.hypothetical]
    if meetings:
        sent_index = {s.start: k for k, s in enumerate(sdoc.sents)}
        for f in frames:
            if f.trigger in out or f.type not in ("say", "appeal", "promise", "meet", "think"):
                continue
            k = sent_index.get(sdoc[f.trigger].sent.start, -1)
            near = [tx for start, tx in meetings if 0 <= k - sent_index.get(start, -99) <= 3
                    or 0 <= sent_index.get(start, -99) - k <= 1]
            if near:
                out[f.trigger] = (near[0], None)
    return out


_OWN_TIME_DEPS = frozenset({"ccomp", "parataxis", "dobj", "pobj", "nsubj", "nsubjpass", "attr",
                            "appos", "poss", "compound", "npadvmod", "dative", "oprd"})
_FRAMING_PREPS = frozenset({"during", "in", "amid", "at", "on"})


def _framing(tok: Token, known: dict[int, tuple[Timex, str | None]],
             trig: dict[int, Frame]) -> Timex | None:
    for c in tok.children:
        if c.dep_ != "prep" or c.lower_ not in _FRAMING_PREPS:
            continue
        for g in c.children:
            if g.dep_ != "pobj" or g.i not in trig:
                continue
            if g.i in known and known[g.i][1] not in ("BEFORE", "AFTER"):
                return known[g.i][0]
            for gc in g.children:
                if gc.dep_ in ("acl", "relcl") and gc.i in known and known[gc.i][1] not in ("BEFORE", "AFTER"):
                    return known[gc.i][0]
    return None


def _inherited(tok: Token, known: dict[int, tuple[Timex, str | None]],
               trig: dict[int, Frame]) -> tuple[Timex, str | None] | None:
    cur = tok
    mod: str | None = None
    for _ in range(8):
        if cur.head.i == cur.i:
            return None
        # "X, days after Y urged ...": Y's clause is marked by after/before
        for c in cur.children:
            if c.dep_ in ("mark", "prep") and c.lower_ in ("after", "before") and mod is None \
                    and cur.dep_ in ("advcl", "pcomp", "pobj"):
                mod = "BEFORE" if c.lower_ == "after" else "AFTER"
        if cur.dep_ in ("pcomp", "pobj") and cur.head.lower_ in ("after", "before") and mod is None:
            mod = "BEFORE" if cur.head.lower_ == "after" else "AFTER"
        if mod is None and cur.dep_ in _OWN_TIME_DEPS:
            # an event that is the object or the content of another ("thanked him for his
            # release", "said the talks failed") has a time of its own, not the other's
            return None
        cur = cur.head
        if cur.i in known and cur.i in trig:
            return known[cur.i][0], mod or known[cur.i][1]
    return None
