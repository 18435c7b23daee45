"""claims: numbers in the text checked against the article's own dates.

Kinds (docs/events.md):
- ``duration``: how long something lasted ("held for 467 days", "after over a year in
  captivity") against the interval the events stage found (a captivity's begin and end, or
  begin and publication while still held);
- ``offset``: "N days after/before X" against the dates of the two events it links;
- ``since``: "N days since X" against the publication date;
- ``age``: a stated age against a stated birth date of the same person.
Each claim carries the computation in ``computed`` and ``explanation``; a claim whose other end
the article does not date is ``unverifiable``. Counting a period is done both ways (days elapsed,
and counting the first and last day) and the explanation says which one matches.
"""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING

from ..config import Config
from ..consistency import WORDS_OF_MOD, split_mod
from ..document import Document
from ..events.arith import Duration, Elapsed, check, parse_duration
from ..events.holding import captivity_for
from ..events.holding import event_above as _event_above
from ..events.holding import holding_context as _holding_context
from ..events.timing import date_range
from ..pipeline import stage
from ..records import Claim, Event, Relation, Timex

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

log = logging.getLogger(__name__)

_BORN = re.compile(r"\bborn\b", re.I)


@stage("claims", requires=("spacy", "timexes", "events"), assigns=("claims",))
def claims(doc: Document, config: Config) -> None:
    doc.claims = []
    sdoc = doc.spacy
    if sdoc is None:
        return
    triggers = {ev.trigger[0]: ev for ev in doc.events}
    out: list[Claim] = []
    for tx in doc.timexes:
        if tx.type != "DURATION":
            continue
        stated = parse_duration(tx.value)
        if stated is None:
            continue
        span = sdoc.char_span(tx.start, tx.end, alignment_mode="expand")
        if span is None:
            continue
        claim = (_offset_claim(doc, sdoc, tx, stated, span.root, triggers)
                 or _duration_claim(doc, tx, stated, span.root, triggers))
        if claim is not None:
            out.append(claim)
    out.extend(_age_claims(doc, sdoc))
    doc.claims = _cross_check(out)


def _stated_text(tx: Timex, stated: Duration) -> str:
    words = WORDS_OF_MOD.get(tx.mod or "")
    return f"{words} {tx.value}" if words else tx.value


def _duration_claim(doc: Document, tx: Timex, stated: Duration, root: Token,
                    triggers: dict[int, Event]) -> Claim | None:
    ctx = _holding_context(root, triggers)
    if ctx is None:
        return None
    cap = captivity_for(doc, tx.start, ctx, doc.scratch.get("captivities") or [])
    stated_text = _stated_text(tx, stated)
    if cap is None or cap.begin is None:
        return Claim((tx.start, tx.end), "duration", stated_text, None, "unverifiable",
                     "the article gives no start date for this period",
                     cap.captive if cap is not None else _nearest_person(doc, tx.start))
    # a captivity is a released person's: with the release undated, publication is no end
    end = cap.end
    if end is None:
        return Claim((tx.start, tx.end), "duration", stated_text, None, "unverifiable",
                     "the article gives no date for the end of this period", cap.captive)
    gap = Elapsed.between(cap.begin, end)
    if gap is None:
        return None
    verdict, why = check(stated, tx.mod, gap)
    return Claim((tx.start, tx.end), "duration", stated_text, gap.iso(), verdict,
                 f"{gap.describe()}; {why}", cap.captive)


def _offset_claim(doc: Document, sdoc: Doc, tx: Timex, stated: Duration, root: Token,
                  triggers: dict[int, Event]) -> Claim | None:
    """ "ten days after the vote", "a week before his arrest", "40 days since the attack"."""
    end_tok = sdoc.char_span(tx.start, tx.end, alignment_mode="expand")
    if end_tok is None or end_tok.end >= len(sdoc):
        return None
    nxt = sdoc[end_tok.end]
    word = nxt.lower_
    if word not in ("after", "before", "since", "later", "earlier", "ago"):
        return None
    stated_text = _stated_text(tx, stated)
    if word in ("later", "earlier", "ago"):
        return None  # the other end is the narrative's previous time: not checked here
    # the event the number is measured from: the clause or phrase after/before/since heads
    if nxt.dep_ == "mark" and nxt.head.i != nxt.i:
        clause = nxt.head
        other = triggers.get(clause.idx)
        main = _event_above(clause, triggers, 6)
        scope = list(clause.subtree)
    else:
        scope = [t for t in nxt.subtree if t.i != nxt.i]
        other = next((triggers[t.idx] for t in scope if t.idx in triggers), None)
        main = _event_above(nxt, triggers, 6)
    other_date: str | None = None
    if other is not None and other.time and other.time_mod not in ("BEFORE", "AFTER"):
        other_date = other.time
    elif scope:
        lo, hi = scope[0].idx, scope[-1].idx + len(scope[-1].text)
        other_date = next((t.value for t in doc.timexes if t.type == "DATE"
                           and lo <= t.start < hi and date_range(t.value)), None)
    if word == "since":
        main_date = main.time if main is not None and main.time and main.time_mod not in ("BEFORE", "AFTER") \
            else doc.published
    else:
        main_date = main.time if main is not None and main.time_mod not in ("BEFORE", "AFTER") else None
    if main is not None and other is main:
        return None
    if not other_date or not main_date:
        return Claim((tx.start, nxt.idx + len(nxt.text)), "offset", f"{stated_text} {word}",
                     None, "unverifiable", "one of the two dates is not given in the article")
    start, end = (other_date, main_date) if word in ("after", "since") else (main_date, other_date)
    gap = Elapsed.between(start, end)
    if gap is None:
        return Claim((tx.start, nxt.idx + len(nxt.text)), "offset", f"{stated_text} {word}",
                     None, "inconsistent", f"{end} is not after {start}")
    verdict, why = check(stated, tx.mod, gap)
    return Claim((tx.start, nxt.idx + len(nxt.text)), "offset", f"{stated_text} {word}",
                 gap.iso(), verdict, f"{gap.describe()}; {why}")


def _age_claims(doc: Document, sdoc: Doc) -> list[Claim]:
    """An age stated next to a birth date stated for the same person."""
    ages = [r for r in doc.relations if r.predicate == "age" and isinstance(r.object, int)]
    if not ages or not _BORN.search(doc.text):
        return []
    births: dict[str, tuple[str, tuple[int, int]]] = {}
    for tok in sdoc:
        if tok.lower_ != "born":
            continue
        subj = next((c for c in tok.children if c.dep_ in ("nsubjpass", "nsubj")), None)
        if subj is None and tok.dep_ in ("acl", "relcl", "appos"):
            subj = tok.head
        if subj is not None and subj.lower_ in ("who", "that") and tok.dep_ == "relcl":
            subj = tok.head
        if subj is None:
            continue
        ent = doc.entity_at(subj.idx, subj.idx + len(subj.text))
        if ent is None and subj.dep_ in ("appos",):
            ent = doc.entity_at(subj.head.idx, subj.head.idx + len(subj.head.text))
        if ent is None:
            continue
        for t in doc.timexes:
            if t.type == "DATE" and tok.idx < t.start <= tok.sent.end_char and date_range(t.value):
                births[ent.id] = (t.value, (tok.idx, t.end))
                break
    out: list[Claim] = []
    for rel in ages:
        if rel.subject not in births:
            continue
        born, span = births[rel.subject]
        out.append(_age_claim(rel, born, span, doc.published))
    return out


def _age_claim(rel: Relation, born: str, born_span: tuple[int, int], published: str | None) -> Claim:
    as_of = rel.as_of or published
    stated = int(rel.object)
    b, a = date_range(born), date_range(as_of)
    if b is None or a is None:
        return Claim(rel.evidence, "age", str(stated), None, "unverifiable",
                     "no date to compute the age at", rel.subject)
    lo = a[0].year - b[1].year - ((a[0].month, a[0].day) < (b[1].month, b[1].day))
    hi = a[1].year - b[0].year - ((a[1].month, a[1].day) < (b[0].month, b[0].day))
    ok = lo <= stated <= hi
    computed = str(lo) if lo == hi else f"{lo}..{hi}"
    return Claim(rel.evidence, "age", str(stated), computed,
                 "consistent" if ok else "inconsistent",
                 f"born {born}, as of {as_of}: {computed} years old; stated {stated}", rel.subject)


def _cross_check(claims: list[Claim]) -> list[Claim]:
    """Durations the dates cannot check are compared with an exact one of the same kind."""
    exact = [c for c in claims if c.kind == "duration" and c.verdict != "unverifiable"]
    known = [c for c in claims if c.kind == "duration" and re.fullmatch(r"P\d+D", c.stated)]
    out: list[Claim] = []
    for c in claims:
        if c.kind == "duration" and c.verdict == "unverifiable" and known and not exact:
            ref = known[0] if known[0] is not c else (known[1] if len(known) > 1 else None)
            stated = parse_duration(c.stated.split()[-1])
            if ref is not None and stated is not None:
                days = int(ref.stated[1:-1])
                gap = Elapsed(days, days, "start", f"+{days} days", days * 12 // 365,
                              days * 12 // 365)
                mod = split_mod(c.stated)[0]
                verdict, why = check(stated, mod, gap)
                c = Claim(c.span, c.kind, c.stated, ref.stated, verdict,
                          f"compared with the stated {ref.stated}; {why}", c.subject or ref.subject)
        out.append(c)
    return out


def _nearest_person(doc: Document, offset: int) -> str | None:
    """The person last named before ``offset``: who a held-for duration is most likely about."""
    best: tuple[int, str] | None = None
    for ent in doc.entities:
        if ent.type != "PERSON":
            continue
        for m in ent.mentions:
            if m.start < offset and (best is None or m.start > best[0]):
                best = (m.start, ent.id)
    return best[1] if best else None
