"""Titles, ages, nationalities and gender cues read from the words around a person's name.

"Italian Foreign Minister, Elena Marchetti" gives the title "Foreign Minister of Italy"; "Belousov, 41," the age
41; "a Ukrainian-Canadian engineer" the citizenships Ukraine and Canada and the gender. The phrases are read
off spaCy tokens next to the name, with the lexicons in :mod:`newsgraph.people.lexicon`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .lexicon import COUNTRIES, DEMONYMS, KIN_NOUNS, ROLE_NOUNS, TITLE_MODIFIERS, TITLE_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_AGE_AFTER = re.compile(r"\s*(?:,\s*|\(\s*)(\d{1,3})\s*(?:,|\)|\.|;|$|\s+(?:who|was|is|and|said|has|had))")
_AGE_BEFORE = re.compile(r"(\d{1,3})-year-old\s+(?:[\w'’-]+\s+){0,4}$")
_DETS = frozenset({"a", "an", "the", "another"})


@dataclass(slots=True)
class RolePhrase:
    """A phrase such as "the Russian deputy foreign minister" read off tokens."""

    start: int  # token index of the first word (determiner included)
    end: int  # token index after the head noun
    head: str  # the role noun, lowercase
    modifiers: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    determiner: str | None = None
    age: int | None = None
    owner: int | None = None  # token of the owner: "His" in "His mother", "Siegel" in "Siegel's wife"

    @property
    def title(self) -> str | None:
        if self.head not in TITLE_NOUNS:
            return None
        words = " ".join(w.capitalize() for w in (*self.modifiers, self.head))
        if self.countries:
            return f"{words} of {self.countries[0]}"
        return words

    @property
    def gender(self) -> str | None:
        return ROLE_NOUNS.get(self.head)


def demonym_countries(word: str) -> list[str]:
    """``Ukrainian-Canadian`` -> ``[Ukraine, Canada]``; an unknown part gives nothing."""
    out: list[str] = []
    for part in re.split(r"[-–]", word.lower()):
        country = DEMONYMS.get(part)
        if country is None:
            return []
        out.append(country)
    return out


def _country_of(tok: Token) -> list[str]:
    low = tok.lower_
    if tok.tag_ == "POS" or low in ("'s", "’s"):
        return []
    found = demonym_countries(low)
    if found:
        return found
    if tok.text in COUNTRIES:
        return [tok.text]
    return []


def role_phrase_ending_at(sdoc: Doc, head_i: int, limit: int = 6) -> RolePhrase | None:
    """The role phrase whose head noun is token ``head_i``, read leftwards."""
    head = sdoc[head_i]
    low = head.lower_
    if low not in ROLE_NOUNS:
        return None
    phrase = RolePhrase(head_i, head_i + 1, low)
    i = head_i - 1
    while i >= 0 and head_i - i <= limit:
        t = sdoc[i]
        w = t.lower_
        if w in TITLE_MODIFIERS or (w in ROLE_NOUNS and w in TITLE_NOUNS and w != low):
            phrase.modifiers.insert(0, w)
        elif countries := _country_of(t):
            phrase.countries[:0] = countries
        elif t.tag_ == "POS" and i > 0 and _country_of(sdoc[i - 1]):
            phrase.countries[:0] = _country_of(sdoc[i - 1])
            i -= 1
        elif t.tag_ == "POS" and i > 0 and low in KIN_NOUNS and sdoc[i - 1].pos_ == "PROPN":
            # "Siegel's wife": the owner's name is the determiner of a kin phrase; the phrase
            # itself starts after it, so that it never overlaps the owner's name
            phrase.determiner = "'s"
            phrase.owner = i - 1
            break
        elif m := re.fullmatch(r"(\d{1,3})-year-old", w):
            phrase.age = int(m[1])
        elif w in ("year", "old", "-") or (t.text.islower() and w not in _DETS and t.pos_ in (
                "ADJ", "VERB", "NOUN", "PROPN", "ADV")):
            # other modifiers ("freed", "senior") belong to the description, not the title
            pass
        elif t.pos_ == "PROPN" and t.text[:1].isupper() and t.dep_ in ("compound", "nmod",
                                                                          "amod"):
            # the body the role is in ("the Kremlin spokesman", "a Hamas official"): part of
            # the description, not of the title
            pass
        elif w in _DETS or t.dep_ == "poss":
            phrase.determiner = w
            if t.dep_ == "poss":
                phrase.owner = i
            i -= 1
            break
        else:
            break
        i -= 1
    phrase.start = i + 1
    return phrase


def age_after(text: str, end: int) -> int | None:
    m = _AGE_AFTER.match(text, end, min(len(text), end + 40))
    if m:
        age = int(m[1])
        if 0 < age < 120:
            return age
    return None


def age_before(text: str, start: int) -> int | None:
    m = _AGE_BEFORE.search(text, max(0, start - 60), start)
    if m:
        age = int(m[1])
        if 0 < age < 120:
            return age
    return None


def phrase_before(sdoc: Doc, name_start: int) -> RolePhrase | None:
    """ "Italian Foreign Minister, Elena Marchetti" / "his wife Marta": the role phrase right before."""
    i = name_start - 1
    comma = i >= 0 and sdoc[i].text == ","
    i -= comma
    if i < 0:
        return None
    phrase = role_phrase_ending_at(sdoc, i)
    if phrase is not None and comma and sdoc[phrase.end - 1].dep_ in ("pobj", "dobj"):
        # "Following a quarrel with her cousin, Ana left" / "To shield her brother, Ana ran": the
        # phrase closes a fronted adjunct and the name is the subject of the clause after it,
        # not a restatement of the phrase
        root = sdoc[name_start]
        while root.dep_ in ("compound", "flat") and root.head.i > root.i:
            root = root.head
        if root.dep_ in ("nsubj", "nsubjpass"):
            return None
    return phrase


def phrase_after(sdoc: Doc, name_end: int) -> RolePhrase | None:
    """ "Konstantin Belousov, a Ukrainian-Canadian engineer": an appositive role phrase right after."""
    i = name_end
    n = len(sdoc)
    if i < n and sdoc[i].tag_ == "POS":
        return None
    if i >= n or sdoc[i].text != ",":
        return None
    # "Nikolai Sokolov, 38, a Ukrainian mechanic,": the age sits between name and phrase
    if i + 2 < n and sdoc[i + 1].like_num and sdoc[i + 2].text == "," and \
            sdoc[i + 1].text.isdigit() and 0 < int(sdoc[i + 1].text) < 120:
        i += 2
    j = i + 1
    # the head is the last noun before the next comma, verb or clause boundary
    head = None
    while j < n and j - i <= 8:
        t = sdoc[j]
        if t.text in (",", ".", ";", ":", "(", ")", "\n") or t.pos_ in ("VERB", "AUX", "ADP"):
            break
        if t.lower_ in ROLE_NOUNS and t.pos_ in ("NOUN", "PROPN"):
            head = j
        j += 1
    if head is None:
        return None
    # an apposition, not the next item of a list ("his wife Marta, daughter, and sister")
    if sdoc[head].dep_ != "appos":
        return None
    nxt = head + 1
    if nxt < n and (sdoc[nxt].lower_ in ("and", "or") or sdoc[nxt].text == "," and nxt + 1 < n
                    and sdoc[nxt + 1].lower_ in ("and", "or")):
        return None
    phrase = role_phrase_ending_at(sdoc, head)
    if phrase is None or phrase.start != i + 1:
        return None
    return phrase
