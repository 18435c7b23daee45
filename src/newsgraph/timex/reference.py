"""The reference-time model: which date a relative expression is resolved against.

News text has two clocks. The publication date is the speech time: "Wednesday", "last year",
"two weeks ago" count from it. The narrative time is where the story has just moved to: after
"a brief truce in November 2023", a past-tense "the October 7 attack" means the October 7 before
that truce, not the last one before publication. The model keeps:

- ``dct``: the publication date (None leaves relative values underspecified, ``XXXX-04-16``);
- ``narrative``: the last explicit, year-bearing date of month-or-finer granularity ("November
  2023", "March 3, 2019"), valid until the paragraph ends (a new paragraph falls back to the
  publication date); a bare year is too often a comparison ("up from 1987") to move the story;
- ``last``: the last resolved calendar point of any kind, for anaphora ("a year earlier",
  "the same quarter", "that day") which refer back whatever the paragraph;
- the tense of the verb that governs each expression (from the dependency parse): past and past
  perfect look backwards from their anchor, future looks forward, present takes the nearest.

A bare month or month-day in a past-tense clause is resolved against the narrative time when one
is set in the paragraph, otherwise against the publication date.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .calendar import Point, day_point

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

PAST, PRESENT, FUTURE, MODAL = "PAST", "PRESENT", "FUTURE", "MODAL"

_FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo", "gon"})


@dataclass(frozen=True, slots=True)
class Anchor:
    """What one relative expression was resolved against."""

    date: dt.date | None
    point: Point | None
    source: str  # "publication", "narrative" or "none"


class ReferenceTime:
    """Publication date plus the dates the narrative has just moved to (see module doc)."""

    def __init__(self, dct: dt.date | None, text: str):
        self.dct = dct
        self.dct_point = day_point(dct) if dct else None
        self._paragraphs = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
        self.narrative: Point | None = None
        self.narrative_start = -1
        self.last: Point | None = None
        self.last_start = -1
        # (offset, narrative value) each time the narrative moves, for governing_timex
        self.moves: list[tuple[int, str]] = []

    def paragraph(self, offset: int) -> int:
        return bisect.bisect_right(self._paragraphs, offset) - 1

    def narrative_at(self, offset: int) -> Point | None:
        if self.narrative is None or self.paragraph(offset) != self.paragraph(self.narrative_start):
            return None
        return self.narrative

    def anchor(self, offset: int, tense: str | None) -> Anchor:
        """The anchor for a bare month or month-day at ``offset`` under ``tense``."""
        nar = self.narrative_at(offset) if tense == PAST else None
        if nar is not None and nar.year is not None:
            return Anchor(nar.last_date, nar, "narrative")
        if self.dct is not None:
            return Anchor(self.dct, self.dct_point, "publication")
        return Anchor(None, None, "none")

    def saw(self, start: int, point: Point, *, explicit_year: bool, names_event: bool = False,
            advances: bool = False) -> None:
        """Record a resolved point; explicit dates of year-or-finer granularity move the narrative.

        ``names_event`` marks a date that premodifies a noun ("the August 1988 cease-fire"):
        it names an earlier event in passing and leaves the story where it was.
        """
        self.last, self.last_start = point, start
        if point.year is None:
            return
        # "the following year", "two years later" move the story at any granularity; a bare
        # year is as often a comparison ("up from 1987") as a move of the story
        if advances or (explicit_year and not names_event and
                        point.gran in ("month", "week", "day")):
            self.narrative, self.narrative_start = point, start
            self.moves.append((start, point.value()))


_PAST_MODAL_HAVE = frozenset({"have", "'ve"})
# a deferral "until" a day is ahead of the deferring ("postponed until Tuesday any action"),
# where a plain past "until" is not ("stayed until Sunday")
_DEFERRAL = frozenset({"postpone", "delay", "defer", "adjourn", "extend", "suspend", "put",
                       "push", "give"})
# so is the end of a state that still holds ("stays closed until March", "the offer runs
# through June"), where a past one's is not ("stayed until March")
_END_OF = frozenset({"until", "till", "til", "through", "thru"})
# adjectives that set a date ahead of their clause, whatever its tense
_FORWARD_ADJ = frozenset({"payable", "effective", "due"})
# verbs that put what they govern ahead of the telling ("planned a rally on Saturday", "has
# scheduled a news conference Thursday"): a past tense dates the planning, not the day
_PLAN = frozenset({"plan", "schedule", "slate"})


def tense_of(verb: Token) -> str | None:
    """PAST, PRESENT, FUTURE, MODAL or None for a verb, from its tag and auxiliaries.

    Modals other than will/shall ("must be returned by", "would appeal") and purpose infinitives
    are MODAL: they lean forward, less firmly than the future, unless they carry a perfect
    ("could have left"); other infinitives and gerunds have no tense of their own (None).
    """
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    lows = [a.lower_ for a in auxes]
    for a in auxes:
        low = a.lower_
        if low in _FUTURE_AUX or (a.tag_ == "MD" and low in ("will", "shall")):
            return FUTURE
        if low == "going" and any(c.lower_ == "to" for c in verb.children):
            return FUTURE
    if any(a.tag_ == "MD" for a in auxes):
        return PAST if any(w in _PAST_MODAL_HAVE for w in lows) and verb.tag_ == "VBN" else MODAL
    for a in auxes:
        if a.tag_ == "VBD":
            return PAST
    if any(a.tag_ in ("VBZ", "VBP") and a.lower_ in ("has", "have", "'ve", "'s")
           for a in auxes) and verb.tag_ == "VBN":
        return PAST  # present perfect reports the past
    if verb.tag_ == "VBD":
        return PAST
    if verb.tag_ in ("VBZ", "VBP"):
        return PRESENT
    if verb.tag_ == "VBN" and not auxes:
        return PAST  # reduced relative ("the quarter ended Sept. 30")
    for a in auxes:
        if a.tag_ in ("VBZ", "VBP"):
            return PRESENT
    if verb.tag_ == "VB" and any(c.lower_ == "to" and c.tag_ == "TO" for c in verb.children):
        if verb.dep_ == "xcomp" and _past_perfect(verb.head):
            # "had been scheduled to expire Friday": a plan the past perfect sets before now
            return PAST
        return MODAL if verb.dep_ in ("xcomp", "advcl", "acl", "relcl") else None
    return None


def _past_perfect(tok: Token) -> bool:
    """True for a verb or predicate adjective under "had" ("had left", "had been due")."""
    if tok.dep_ == "acomp":
        tok = tok.head  # "due" in "had been due" hangs on "been", which carries the "had"
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("had", "'d") and c.tag_ == "VBD"
               for c in tok.children)


def governing_verb(tok: Token, max_steps: int = 8) -> Token | None:
    """The nearest verb at or above ``tok`` in the dependency tree."""
    cur = tok
    for _ in range(max_steps):
        if cur.pos_ in ("VERB", "AUX") and cur.dep_ not in ("aux", "auxpass"):
            return cur
        if cur.head is cur:
            return None
        cur = cur.head
    return None


_NOMINAL_DEPS = frozenset({"nmod", "compound", "amod"})


def names_event(sdoc: Doc | None, text: str, start: int, end: int) -> bool:
    """True for a date used as a noun premodifier: "the Dec. 21, 1988, bombing"."""
    if text[max(0, start - 4):start].lower() == "the ":
        return True
    if sdoc is None:
        return False
    span = sdoc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    root = span.root
    return root.dep_ in _NOMINAL_DEPS and root.head.i >= span.end and \
        root.head.pos_ in ("NOUN", "PROPN")


def tense_at(sdoc: Doc | None, start: int, end: int) -> str | None:
    """Tense of the clause an expression sits in; falls back to the sentence's main verb."""
    if sdoc is None:
        return None
    span = sdoc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    head = span.root.head
    for _ in range(2):
        if head.lower_ in _FORWARD_ADJ:
            # "payable Dec. 7", "effective Feb. 1": a date ahead of the clause, unless the past
            # perfect puts the whole plan behind us ("had been due to expire Friday")
            return PAST if _past_perfect(head) else MODAL
        if head.head is head or head.pos_ in ("VERB", "AUX"):
            break
        head = head.head
    verb = governing_verb(span.root)
    if verb is not None and span.start <= verb.i < span.end and verb.head is not verb:
        # the expression itself tagged as a verb ("#FRIDAY" in capitals): its head governs
        verb = governing_verb(verb.head)
    if verb is not None and verb.dep_ in ("acomp", "oprd") and verb.tag_ == "VBN":
        # a participle used as an adjective ("stays closed until", "remained shut") has the
        # tense of the verb it complements
        verb = governing_verb(verb.head) or verb
    if verb is not None:
        tense = tense_of(verb)
        if tense == PAST and not _past_perfect(verb) and span.root.head.lower_ in _END_OF \
                and verb.lemma_.lower() in _DEFERRAL:
            return FUTURE
        if tense == PRESENT and span.root.head.lower_ in _END_OF:
            return FUTURE
        if tense == PAST and not _past_perfect(verb) and verb.lemma_.lower() in _PLAN and \
                span.start > verb.i:
            # after the plan verb the day is the plan's ("planned a rally on Saturday"); a day
            # put before it dates the planning ("On Friday, the council planned to ...")
            return MODAL
        # a gerund or bare infinitive has no tense of its own: the clause above it decides
        # ("can take part in planning for the summit in April")
        if tense is None and verb.tag_ in ("VBG", "VB") and verb.head is not verb:
            above = governing_verb(verb.head)
            if above is not None:
                tense = tense_of(above)
        return tense
    sent_root = span.root.sent.root
    return tense_of(sent_root) if sent_root.pos_ in ("VERB", "AUX") else None
