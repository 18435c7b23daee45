"""timex: time expressions, TIMEX3-normalized against the publication date and the story's time.

The grammar lives in :mod:`newsgraph.timex`; this module runs it as a stage and answers the events
stage's question "which time governs this clause?" (:func:`governing_timex`).
"""

from __future__ import annotations

import bisect
import logging
from typing import TYPE_CHECKING

from ..config import Config
from ..document import Document
from ..pipeline import stage
from ..records import Timex
from ..timex.reference import governing_verb
from ..timex.tagger import tag

if TYPE_CHECKING:
    from spacy.tokens import Token

log = logging.getLogger(__name__)

# Document.scratch key: [(offset, value)] each time the narrative reference time moved
NARRATIVE_KEY = "timex.narrative"
_POINT_TYPES = ("DATE", "TIME")


@stage("timex", requires=("spacy",), assigns=("timexes",), spacy_components=("tagger", "parser"))
def timex(doc: Document, config: Config) -> None:
    timexes, ref = tag(doc.text, doc.published, doc.spacy)
    doc.timexes = timexes
    doc.scratch[NARRATIVE_KEY] = list(ref.moves)


def _tokens_of(doc: Document, where: int | tuple[int, int]) -> list[Token]:
    sdoc = doc.spacy
    if sdoc is None:
        return []
    if isinstance(where, int):
        return [sdoc[where]] if 0 <= where < len(sdoc) else []
    span = sdoc.char_span(where[0], where[1], alignment_mode="expand")
    return list(span) if span is not None else []


def governing_timex(doc: Document, where: int | tuple[int, int]) -> Timex | None:
    """The timex that governs the clause at ``where`` (a spaCy token index or a char span).

    Order of preference: a timex attached (through the dependency tree) to the same clause verb,
    points (DATE/TIME) before DURATION/SET; else the nearest point timex of the same sentence; else
    the timex that last moved the narrative reference time within the paragraph. None means the
    clause is set at the publication date (``doc.published``) or at no known time.
    """
    toks = _tokens_of(doc, where)
    if not toks or not doc.timexes:
        return None
    sdoc = doc.spacy
    assert sdoc is not None
    root = toks[0] if len(toks) == 1 else sdoc[toks[0].i:toks[-1].i + 1].root
    verb = governing_verb(root) or root
    sent = root.sent
    in_sent = [t for t in doc.timexes if sent.start_char <= t.start < sent.end_char]
    same_clause: list[tuple[int, Timex]] = []
    for t in in_sent:
        span = sdoc.char_span(t.start, t.end, alignment_mode="expand")
        if span is None:
            continue
        tv = governing_verb(span.root)
        if tv is not None and tv.i == verb.i:
            same_clause.append((abs(span.root.i - root.i), t))
    if same_clause:
        same_clause.sort(key=lambda c: (c[1].type not in _POINT_TYPES, c[0]))
        return same_clause[0][1]
    points = [t for t in in_sent if t.type in _POINT_TYPES]
    if points:
        return min(points, key=lambda t: abs(t.start - root.idx))
    return narrative_timex(doc, root.idx)


def narrative_timex(doc: Document, offset: int) -> Timex | None:
    """The timex that set the narrative reference time in force at ``offset`` (same paragraph)."""
    moves = doc.scratch.get(NARRATIVE_KEY) or []
    starts = [m[0] for m in moves]
    i = bisect.bisect_right(starts, offset) - 1
    if i < 0:
        return None
    start = starts[i]
    if "\n" in doc.text[start:offset]:
        return None
    for t in doc.timexes:
        if t.start == start:
            return t
    return None
