"""Relations between people: family, title, membership, age, citizenship, each with evidence.

Read off the words around each name of a person: "his wife Marta" (spouse_of), "the father,
Pavlo" (father_of), "Italian Foreign Minister, Elena Marchetti" (title "Foreign Minister of
Italy"), "Belousov, 41," (age, as of the time of the event the sentence reports), "a
Ukrainian-Canadian engineer" (citizen_of Ukraine and Canada), "a leader of the brigade"
(member_of). The role phrases are parsed with
the people stage's lexicons (:mod:`newsgraph.people.attributes`) so both stages agree on what a
title or a demonym is.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any, Protocol

from ..records import Relation

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..document import Document
    from ..records import Entity
    from .resolve import Resolver

log = logging.getLogger(__name__)

try:  # the people stage's phrase reader; relations degrade to nothing without it
    from ..people import attributes as _attrs
    from ..people.lexicon import KIN_NOUNS as _KIN_NOUNS
except ImportError:  # pragma: no cover - depends on another stage's module
    _attrs = None
    _KIN_NOUNS = frozenset()

# kin noun -> predicate (subject is the relative, object the person they are related to)
KIN_PREDICATES: dict[str, str] = {
    "mother": "mother_of", "father": "father_of", "parent": "parent_of", "parents": "parent_of",
    "son": "son_of", "daughter": "daughter_of", "child": "child_of",
    "brother": "brother_of", "sister": "sister_of", "sibling": "sibling_of",
    "husband": "spouse_of", "wife": "spouse_of", "spouse": "spouse_of", "widow": "spouse_of",
    "widower": "spouse_of", "partner": "partner_of", "girlfriend": "partner_of",
    "boyfriend": "partner_of", "fiance": "partner_of", "fiancee": "partner_of",
    "grandmother": "grandmother_of", "grandfather": "grandfather_of",
    "grandparent": "grandparent_of", "grandson": "grandchild_of",
    "granddaughter": "grandchild_of", "grandchild": "grandchild_of", "uncle": "uncle_of",
    "aunt": "aunt_of", "nephew": "nephew_of", "niece": "niece_of", "cousin": "cousin_of",
}
_MEMBER_HEADS = frozenset({"member", "leader", "head", "chief", "founder", "spokesman",
                           "spokeswoman", "spokesperson", "official", "commander", "chairman",
                           "chairwoman", "director", "ceo", "president", "secretary",
                           "fighter", "militant", "negotiator", "representative", "employee"})
_POSSESSIVE_DETS = frozenset({"his", "her", "their"})


class TimeAt(Protocol):
    def get(self, i: int) -> str | None: ...


def find_relations(doc: Document, sdoc: Doc, resolver: Resolver,
                   as_of: TimeAt) -> list[Relation]:
    """Relations read around every name of every person in the article.

    ``as_of.get(i)`` gives for a token index the time of the event that governs it, for ages.
    """
    if _attrs is None:
        return []
    out: list[Relation] = []
    seen: set[tuple[str, str, Any]] = set()

    def add(subject: str, predicate: str, obj: str | int, start: int, end: int,
            when: str | None = None) -> None:
        key = (subject, predicate, obj)
        if key in seen or obj == subject:
            return
        seen.add(key)
        out.append(Relation(subject, predicate, obj, (start, end), when))

    for ent in doc.entities:
        if ent.type != "PERSON":
            continue
        for m in ent.mentions:
            if m.kind not in ("name", "title", "description"):
                continue
            span = sdoc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            phrases = []
            if m.kind == "name":
                phrases = [p for p in (_attrs.phrase_before(sdoc, span.start),
                                       _attrs.phrase_after(sdoc, span.end)) if p is not None]
            else:
                p = _attrs.role_phrase_ending_at(sdoc, span.end - 1)
                if p is not None:
                    phrases = [p]
            for p in phrases:
                p_start = sdoc[p.start].idx
                p_end = sdoc[p.end - 1].idx + len(sdoc[p.end - 1].text)
                ev_start, ev_end = min(p_start, m.start), max(p_end, m.end)
                if p.head in KIN_PREDICATES and p.head in _KIN_NOUNS | set(KIN_PREDICATES):
                    other = _kin_of(sdoc, resolver, p, ent)
                    if other is not None:
                        add(ent.id, KIN_PREDICATES[p.head], other.id, ev_start, ev_end)
                    continue
                title = p.title
                office = p.head in _OFFICES
                if title and (office or not p.countries):
                    add(ent.id, "title", title, ev_start, ev_end)
                if p.countries and not office:
                    # "a Ukrainian-Canadian engineer", "a Danish aid worker": nationality, not office
                    for country in p.countries:
                        add(ent.id, "citizen_of", country, ev_start, ev_end)
                if p.age is not None:
                    add(ent.id, "age", p.age, ev_start, ev_end,
                        as_of.get(span.root.i) or doc.published)
                org = _member_of(sdoc, resolver, p)
                if org is not None:
                    add(ent.id, "member_of", org.id, ev_start,
                        max(ev_end, _token_end(sdoc, sdoc[p.end - 1].right_edge.i)))
            if m.kind == "name" and not phrases:
                found = _nationality_after(sdoc, span.end)
                if found is not None:
                    countries, end = found
                    for country in countries:
                        add(ent.id, "citizen_of", country, m.start, end)
            if m.kind == "name":
                age = _attrs.age_after(doc.text, m.end)
                if age is not None:
                    num = doc.text.find(str(age), m.end)
                    add(ent.id, "age", age, m.start, num + len(str(age)),
                        as_of.get(span.root.i) or doc.published)
    return out


# offices held for a country: the demonym names the jurisdiction, not (only) a citizenship
_OFFICES = frozenset("""
president minister premier chancellor king queen prince princess emperor empress senator
governor mayor ambassador envoy secretary general admiral commander chief lawmaker legislator
congressman congresswoman representative deputy official diplomat judge prosecutor mp leader
head spokesman spokeswoman spokesperson negotiator president-elect chancellor-elect
commissioner ombudsman ombudsperson councillor councilman councilwoman
""".split())


def _nationality_after(sdoc: Doc, name_end: int) -> tuple[list[str], int] | None:
    """ "NAME, a Danish aid worker": the countries of a demonym in an appositive right after."""
    i = name_end
    n = len(sdoc)
    if i < n and sdoc[i].text == ",":
        i += 1
        if i + 1 < n and sdoc[i].like_num and sdoc[i + 1].text == ",":
            i += 2  # "NAME, 34, a ..."
    else:
        return None
    if i >= n or sdoc[i].lower_ not in ("a", "an", "the", "another"):
        return None
    countries: list[str] = []
    j = i + 1
    while j < n and j - i <= 5 and sdoc[j].pos_ in ("ADJ", "PROPN", "NOUN", "PUNCT"):
        if sdoc[j].text in (",", "."):
            break
        found = _attrs.demonym_countries(sdoc[j].text) if _attrs is not None else []
        if found:
            countries.extend(found)
        elif countries and sdoc[j].pos_ == "NOUN" and sdoc[j].head.i == sdoc[j].i:
            break
        j += 1
    if not countries:
        return None
    return countries, sdoc[j - 1].idx + len(sdoc[j - 1].text)


def _token_end(sdoc: Doc, i: int) -> int:
    return sdoc[i].idx + len(sdoc[i].text)


def _kin_of(sdoc: Doc, resolver: Resolver, phrase: Any, person: Entity) -> Entity | None:
    """Whose relative the phrase names: the possessor, else the article's last subject."""
    first = sdoc[phrase.start]
    if first.dep_ == "poss" or first.lower_ in _POSSESSIVE_DETS:
        ent = resolver.entity(first)
        if ent is not None and ent.id != person.id:
            return ent
    head = sdoc[phrase.end - 1]
    for c in head.children:
        if c.dep_ == "poss":
            ent = resolver.entity(c)
            if ent is not None and ent.id != person.id:
                return ent
        if c.dep_ == "prep" and c.lower_ == "of":
            for g in c.children:
                ent = resolver.entity(g) if g.dep_ == "pobj" else None
                if ent is not None and ent.id != person.id:
                    return ent
    # "the father, Pavlo": the family of whoever the story is about at this point
    best = None
    for i, ent in resolver._subjects:  # noqa: SLF001 - shared heuristic of this package
        if i >= phrase.start:
            break
        if ent.type == "PERSON" and ent.id != person.id:
            best = ent
    return best


def _member_of(sdoc: Doc, resolver: Resolver, phrase: Any) -> Entity | None:
    head: Token = sdoc[phrase.end - 1]
    if head.lower_ not in _MEMBER_HEADS:
        return None
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ in ("of", "for", "at", "with"):
            for g in c.children:
                if g.dep_ == "pobj":
                    ent = resolver.entity(g)
                    if ent is not None and ent.type in ("ORG", "NORP"):
                        return ent
        if c.dep_ == "compound":
            ent = resolver.entity(c)
            if ent is not None and ent.type == "ORG":
                return ent
    return None
