"""events: events with participants, time and place; relations; statuses.

Triggers and their PropBank-style arguments come from :func:`newsgraph.events.frames.find_frames`
on the spaCy parse; arguments become participants when they resolve to an entity of the article
(:class:`newsgraph.events.resolve.Resolver`); times come from :mod:`newsgraph.events.timing`.
Statuses follow from what happened to people (killed -> dead, freed -> released, ...). A
``captivity`` event joins a person's holding to their release so the claims stage can check the
stated length of captivity against the article's dates. Types and roles: docs/events.md.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections.abc import Sequence
from dataclasses import dataclass

from ..config import Config
from ..document import Document
from ..events.arith import Duration, Elapsed, check, parse_duration
from ..events.frames import Frame, find_frames
from ..events.holding import captivity_for, holding_context
from ..events.relations import find_relations
from ..events.resolve import Resolver
from ..events.timing import assign_times, date_range
from ..pipeline import stage
from ..records import Event, Participant, Status, Timex

log = logging.getLogger(__name__)

ROLE_NAMES = {"Arg0": "agent", "Arg1": "patient", "Arg2": "recipient"}
# event types whose "to"/"from" phrases name where someone went
_MOTION = frozenset({"migrate", "visit"})
# frames of these types are kept even without a named participant
_ALWAYS_KEEP = frozenset({"kill", "attack", "injure", "release", "kidnap", "hold", "detain",
                          "disappear",
                          "arrest", "charge", "convict", "sentence", "meet", "visit", "appeal",
                          "negotiate", "agree", "migrate", "elect", "appoint", "resign",
                          "dismiss", "protest", "accident", "publish", "captivity"})
# what happening to a person leaves them in which state
STATUS_OF = {"kill": "dead", "injure": "injured", "release": "released", "kidnap": "held",
             "hold": "held", "detain": "detained", "arrest": "detained", "rescue": "free",
             "disappear": "missing"}
HOLDING = frozenset({"kidnap", "hold", "detain", "arrest"})
ONSET = frozenset({"kidnap", "attack"})


@dataclass(frozen=True, slots=True)
class Captivity:
    """One person's holding: begin/end are TIMEX3 values (None when the article does not say)."""

    captive: str
    holder: str | None
    begin: str | None
    end: str | None
    evidence: tuple[int, int]


@stage("events", requires=("spacy", "entities", "timexes"), assigns=("events", "relations", "statuses"),
       spacy_components=("parser", "lemmatizer"))
def events(doc: Document, config: Config) -> None:
    sdoc = doc.spacy
    doc.events, doc.relations, doc.statuses = [], [], []
    if sdoc is None:
        return
    frames = find_frames(sdoc)
    times = assign_times(doc, sdoc, frames)
    resolver = Resolver(doc, sdoc)
    out: list[Event] = []
    for f in frames:
        ev = _event(doc, sdoc, f, times.get(f.trigger), resolver)
        if ev is not None:
            out.append(ev)
    out = _framed_releases(out, sdoc)
    out = _restated_release_times(out, sdoc)
    captivities = _captivities(out, doc)
    out, captivities = _years_from_durations(doc, sdoc, out, captivities)
    for cap in captivities:
        parts = [Participant("captive", cap.captive)]
        if cap.holder:
            parts.append(Participant("holder", cap.holder))
        out.append(Event("captivity", cap.evidence, cap.begin, tuple(parts), time_mod="START"
                         if cap.begin else None))
    doc.events = out
    doc.scratch["captivities"] = captivities
    as_of = _TokenTimes(sdoc, times)
    doc.relations = find_relations(doc, sdoc, resolver, as_of)
    doc.statuses = _statuses(out, captivities, doc, _remains(sdoc, resolver, doc))


def _event(doc: Document, sdoc, f: Frame, when: tuple[Timex, str | None] | None,  # type: ignore[no-untyped-def]
           resolver: Resolver) -> Event | None:
    if f.type in ("state", "other", "think") and not f.args:
        return None
    trigger = sdoc[f.trigger]
    parts: list[Participant] = []
    place: str | None = None
    seen: set[tuple[str, str]] = set()
    for role, i in f.args:
        for ent, tok in resolver.entities(sdoc[i]):
            if role == "ArgM-LOC":
                if place is None and ent.type in ("GPE", "LOC", "FAC"):
                    place = ent.id
                continue
            name = ROLE_NAMES.get(role, role.lower())
            if (name, ent.id) not in seen:
                seen.add((name, ent.id))
                parts.append(Participant(name, ent.id, (tok.idx, tok.idx + len(tok.text))))
    if f.type in _MOTION or f.pos != "NOUN":
        for c in trigger.children:
            if c.dep_ != "prep":
                continue
            role = {"to": "destination", "into": "destination", "from": "origin"}.get(c.lower_)
            for g in c.children:
                if g.dep_ != "pobj":
                    continue
                for ent, tok in resolver.entities(g):
                    if ent.type not in ("GPE", "LOC", "FAC"):
                        continue
                    if role and f.type in _MOTION:
                        if (role, ent.id) not in seen:
                            seen.add((role, ent.id))
                            parts.append(Participant(role, ent.id, (tok.idx, tok.idx + len(tok.text))))
                    elif c.lower_ in ("in", "at", "near") and place is None:
                        place = ent.id
    if not parts and f.type not in _ALWAYS_KEEP:
        return None
    return Event(f.type, (trigger.idx, trigger.idx + len(trigger.text)),
                 when[0].value if when else None, tuple(parts), place, f.negated,
                 f.hypothetical, when[1] if when else None)


_FRAME_PREPS = frozenset({"in", "under", "through", "during", "as"})


def _framed_releases(evs: list[Event], sdoc) -> list[Event]:  # type: ignore[no-untyped-def]
    """ "returned home on Tuesday in a prisoner exchange": the release noun has no participant
    of its own; the person whose coming home it frames was released, at that time."""
    by_start = {e.trigger[0]: k for k, e in enumerate(evs)}
    out = list(evs)
    for k, e in enumerate(evs):
        if e.type != "release" or e.participants or e.negated or e.hypothetical:
            continue
        span = sdoc.char_span(e.trigger[0], e.trigger[1], alignment_mode="expand")
        if span is None:
            continue
        noun = span.root
        prep = noun.head
        if noun.dep_ != "pobj" or prep.lower_ not in _FRAME_PREPS:
            continue
        if prep.lower_ == "as" and prep.head.lower_ == "part":  # "as part of a swap"
            prep = prep.head
        verb = prep.head
        host_k = by_start.get(verb.idx)
        if host_k is None or evs[host_k].type not in ("migrate", "other", "release"):
            continue
        host = evs[host_k]
        who = [p for p in host.participants if p.role in ("agent", "patient")]
        if not who or host.negated or host.hypothetical:
            continue
        out[k] = dataclasses.replace(
            e, participants=tuple(Participant("patient", p.entity, p.span) for p in who),
            time=e.time or host.time, time_mod=e.time_mod if e.time else host.time_mod)
    return out


def _restated_release_times(evs: list[Event], sdoc) -> list[Event]:  # type: ignore[no-untyped-def]
    """ "Three hostages were released on Saturday ... X, Y and Z were handed over to the Red
    Cross": a release with names but no date restates the dated release of unnamed people
    just before it (within two sentences), and happened then."""
    if not any(e.type == "release" and not e.time and e.participants for e in evs):
        return evs
    sent_of = {t.idx: k for k, s in enumerate(sdoc.sents) for t in s}
    out = list(evs)
    for k, e in enumerate(evs):
        if e.type != "release" or e.time or not e.participants or e.negated or e.hypothetical:
            continue
        here = sent_of.get(e.trigger[0])
        for prev in reversed(evs[:k]):
            there = sent_of.get(prev.trigger[0])
            if here is None or there is None or here - there > 2:
                break
            if prev.type == "release" and prev.time and not prev.participants and \
                    not prev.negated and not prev.hypothetical:
                out[k] = dataclasses.replace(e, time=prev.time, time_mod=prev.time_mod)
                break
    return out


class _TokenTimes:
    """Token -> time of the nearest dated event above it (for "as of" dates), on demand."""

    def __init__(self, sdoc, times: dict[int, tuple[Timex, str | None]]) -> None:  # type: ignore[no-untyped-def]
        self.sdoc = sdoc
        self.times = times

    def get(self, i: int) -> str | None:
        cur = self.sdoc[i]
        for _ in range(10):
            hit = self.times.get(cur.i)
            if hit is not None and hit[1] not in ("BEFORE", "AFTER"):
                return hit[0].value
            if cur.head.i == cur.i:
                return None
            cur = cur.head
        return None


def _exact(ev: Event) -> bool:
    """The event happened within its time's range (not merely before or after it)."""
    return ev.time_mod not in ("BEFORE", "AFTER")


def _who(ev: Event, role: str) -> list[str]:
    return [p.entity for p in ev.participants if p.role == role]


def _person_ids(doc: Document) -> set[str]:
    return {e.id for e in doc.entities if e.type == "PERSON"}


def _captivities(evs: list[Event], doc: Document) -> list[Captivity]:
    """Join each released person's holding to the release: begin, end and holder."""
    people = _person_ids(doc)
    real = [e for e in evs if not e.negated and not e.hypothetical]
    onsets = sorted((e for e in real if e.type in ONSET and e.time and _exact(e)),
                    key=lambda e: date_range(e.time)[0])  # type: ignore[index]
    out: list[Captivity] = []
    releases = [e for e in real if e.type == "release"]
    captives = dict.fromkeys(c for e in releases for c in _who(e, "patient") if c in people)
    for captive in captives:
        holds = [e for e in real if e.type in HOLDING and captive in _who(e, "patient")]
        if not holds:
            continue
        mine = [e for e in releases if captive in _who(e, "patient")]
        dated = sorted((e for e in mine if e.time and _exact(e)),
                       key=lambda e: doc.text[e.trigger[0]:e.trigger[1]].lower()
                       not in ("released", "freed", "released", "free", "freeing"))
        rel = dated[0] if dated else mine[0]
        holder = next((a for e in mine for a in _who(e, "agent")), None) or next(
            (a for h in holds for a in _who(h, "agent")), None)
        # the holding began with the earliest dated abduction, detention or arrest of them
        starts = sorted((h.time for h in holds if h.time and _exact(h)
                         and (h.type in ("kidnap", "detain", "arrest") or _held_since(doc, h))),
                        key=lambda v: date_range(v)[0])  # type: ignore[index]
        begin = starts[0] if starts else None
        end = rel.time if _exact(rel) else None
        if True:
            if begin is None and end is not None:
                # "held since the attack": the holding began with the article's first dated
                # attack or abduction before the release
                end_range = date_range(end)
                for o in onsets:
                    o_range = date_range(o.time)
                    if o_range and end_range and o_range[1] < end_range[0]:
                        begin = o.time
                        break
            hold = next((h for h in holds if h.type == "hold"), holds[0])
            out.append(Captivity(captive, holder, begin, end, hold.trigger))
    return out


def _fit(stated: Sequence[tuple[Duration, str | None]], start: str, end: str) -> tuple[int, int]:
    """How many stated lengths fit the period start..end, and how many misfit."""
    gap = Elapsed.between(start, end)
    if gap is None:
        return 0, len(stated)
    verdicts = [check(d, mod, gap)[0] for d, mod in stated]
    return verdicts.count("consistent"), verdicts.count("inconsistent")


def _years_from_durations(doc: Document, sdoc, evs: list[Event],  # type: ignore[no-untyped-def]
                          caps: list[Captivity]) -> tuple[list[Event], list[Captivity]]:
    """Give a captivity's start the year its stated length implies.

    "Taken on October 7 ... he spent 489 days in Gaza" with no year for October 7: the reference
    time model reads the last October 7 before publication, but the stated lengths of the
    captivity ("489 days", "more than a year") fit the one a year earlier. When the start's
    expression names no year, its captivity ended on a known date, and moving the start back one
    or two years makes more of the stated lengths fit, fewer misfit and most fit, the start
    moves, with the timex and every event dated by it.
    """
    if not caps:
        return evs, caps
    triggers = {ev.trigger[0]: ev for ev in evs}
    durations = []
    for tx in doc.timexes:
        stated = parse_duration(tx.value) if tx.type == "DURATION" else None
        span = sdoc.char_span(tx.start, tx.end, alignment_mode="expand") if stated else None
        if span is None:
            continue
        ctx = holding_context(span.root, triggers)
        if ctx is None:
            continue
        cap = captivity_for(doc, tx.start, ctx, caps)
        if cap is not None:
            durations.append((cap.captive, stated, tx.mod))
    moved: dict[str, str] = {}
    for cap in caps:
        begin, end = cap.begin, cap.end
        if begin is None or end is None or begin in moved or len(begin) != 10:
            continue
        # a timex resolved against a reference time (``anchor``) named no year of its own
        sources = [tx for tx in doc.timexes if tx.value == begin]
        if not sources or any(tx.anchor is None for tx in sources):
            continue
        stated = [(d, mod) for who, d, mod in durations if who == cap.captive]
        if not stated:
            continue
        now = _fit(stated, begin, end)
        if now[1] == 0:
            continue
        for back in (1, 2):
            year = int(begin[:4]) - back
            try:
                candidate = dt.date(year, int(begin[5:7]), int(begin[8:10])).isoformat()
            except ValueError:
                continue
            ok, bad = _fit(stated, candidate, end)
            if ok > now[0] and bad < now[1] and ok > bad:
                moved[begin] = candidate
                break
    if not moved:
        return evs, caps
    doc.timexes = [dataclasses.replace(tx, value=moved[tx.value]) if tx.value in moved else tx
                   for tx in doc.timexes]
    evs = [dataclasses.replace(ev, time=moved[ev.time]) if ev.time in moved else ev
           for ev in evs]
    caps = [dataclasses.replace(c, begin=moved[c.begin]) if c.begin in moved else c
            for c in caps]
    return evs, caps


def _held_since(doc: Document, e: Event) -> bool:
    """ "held since March 3, 2023": the date a holding is counted from."""
    if doc.spacy is None or e.time is None:
        return False
    span = doc.spacy.char_span(e.trigger[0], e.trigger[1], alignment_mode="expand")
    if span is None:
        return False
    for c in span.root.children:
        if c.dep_ == "prep" and c.lower_ == "since":
            lo, hi = c.idx, doc.text.find("\n", c.idx)
            hi = len(doc.text) if hi < 0 else hi
            return any(t.value == e.time and lo < t.start < hi for t in doc.timexes)
    return False


_REMAINS = frozenset({"body", "bodies", "remains", "corpse", "corpses"})


def _remains(sdoc, resolver: Resolver, doc: Document) -> list[Status]:  # type: ignore[no-untyped-def]
    """ "The remains of X and Y were brought back", "X's body was found": dead, date untold."""
    people = _person_ids(doc)
    out: list[Status] = []
    for tok in sdoc:
        if tok.lower_ not in _REMAINS or tok.pos_ != "NOUN":
            continue
        owners = [c for c in tok.children if c.dep_ == "poss"]
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                owners.extend(g for g in prep.children if g.dep_ == "pobj")
        for owner in owners:
            for ent, _ in resolver.entities(owner):
                if ent.id in people:
                    out.append(Status(ent.id, "dead", None, doc.published,
                                      (tok.idx, tok.idx + len(tok.text))))
    return out


def _statuses(evs: list[Event], caps: list[Captivity], doc: Document,
              extra: Sequence[Status] = ()) -> list[Status]:
    people = _person_ids(doc)
    found: dict[tuple[str, str], Status] = {}
    for st in extra:
        found.setdefault((st.entity, st.status), st)
    for e in evs:
        status = STATUS_OF.get(e.type)
        if status is None or e.negated or e.hypothetical:
            continue
        if e.type == "hold" and _completed_period(doc, e):
            continue
        # "is still missing", "vanished": the person is the subject, not an object
        whose = _who(e, "patient") + (_who(e, "agent") if e.type == "disappear" else [])
        for who in whose:
            if who not in people:
                continue
            since = e.time if _exact(e) else None
            key = (who, status)
            if key not in found or (found[key].since is None and since):
                found[key] = Status(who, status, since, doc.published, e.trigger)
    for cap in caps:
        key = (cap.captive, "held")
        if cap.begin and key in found and found[key].since is None:
            old = found[key]
            found[key] = Status(old.entity, "held", cap.begin, old.as_of, old.evidence)
        key = (cap.captive, "released")
        if cap.end and key in found and found[key].since is None:
            old = found[key]
            found[key] = Status(old.entity, "released", cap.end, old.as_of, old.evidence)
    _drop_ended_holds(found)
    statuses = sorted(found.values(), key=lambda s: (s.entity, _sort_date(s.since)))
    return statuses


_ENDS_HOLDING = ("released", "free", "dead")


def _drop_ended_holds(found: dict[tuple[str, str], Status]) -> None:
    """A release, rescue or death ends a holding: "held since March 3" then "handed over" leaves
    the person released as of publication, not both. A holding dated after the end stands (taken
    again)."""
    for (who, status), st in list(found.items()):
        if status not in ("held", "detained"):
            continue
        ends = [found[(who, e)] for e in _ENDS_HOLDING if (who, e) in found]
        if not ends:
            continue
        if any(e.since is None or st.since is None or _sort_date(e.since) >= _sort_date(st.since)
               for e in ends):
            del found[(who, status)]


def _completed_period(doc: Document, e: Event) -> bool:
    """ "was held for 300 days": a period the past tense closes, so no current 'held' status.

    "has been held for 300 days" and "is still held" stay current.
    """
    if doc.spacy is None:
        return False
    span = doc.spacy.char_span(e.trigger[0], e.trigger[1], alignment_mode="expand")
    if span is None:
        return False
    tok = span.root
    kids = list(tok.children)
    if any(k.lower_ in ("still", "remain", "remains") for k in kids) or tok.head.lemma_ == "remain":
        return False
    aux = [k for k in kids if k.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in ("has", "have", "is", "are", "'s", "am") for a in aux):
        return False
    past = tok.tag_ == "VBD" or any(a.lower_ in ("was", "were", "had") for a in aux)
    # the duration timex starts right after "for" (TimeML spans exclude the preposition)
    for_dur = any(k.dep_ == "prep" and k.lower_ == "for" and any(
        t.type == "DURATION" and k.idx < t.start <= k.idx + 5 for t in doc.timexes) for k in kids)
    return past and for_dur


def _sort_date(value: str | None) -> str:
    return value or "0000"
