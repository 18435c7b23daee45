"""Rule-based repair of spaCy's named entities over one document.

The small English model makes errors that the rest of the article can correct: a surname tagged
ORG in one sentence and PERSON in the next, "Belousov, 41" swallowed into a DATE, all-caps
headlines where casing carries no signal, a name tagged once and missed later. Every rule here
uses only the document itself plus general lexicons, so it transfers to unseen articles.

Last, a small trained tagger (:mod:`newsgraph.people.model`) weighs the clues no single rule
can, and :func:`redecide_persons` takes its person decisions where it is sure of them.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..names.lexicon import in_diminutive_table
from . import model
from .lexicon import (
    COUNTRIES,
    DEMONYMS,
    HONORIFICS,
    NOT_NAME_WORDS,
    ROLE_NOUNS,
    TITLE_MODIFIERS,
    TITLE_NOUNS,
)
from .resources import given_names, name_tokens

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT",
                           "WORK_OF_ART", "LAW", "LANGUAGE"})
_REPAIRABLE = frozenset({"ORG", "GPE", "LOC", "NORP", "FAC", "PRODUCT"})
_ACTOR_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "poss", "appos"})
_NUMERIC = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"})
# numbers and scores glued to a name by the model ("Durham 114", "Blenkiron 4-43")
_SCORE = re.compile(r"^\d[\d.,:/-]*$")
_BOWLING = re.compile(r"^\d+(?:\.\d)?-\d+-\d+-\d+$")
_ORDINAL_MIN = re.compile(r"^\d{1,3}(?:st|nd|rd|th)$")
_AGE = re.compile(r"^\d{1,3}$")
# countries as written in result lists: "( Argentina )", "( U.S. )"
COUNTRIES_OR_CODES = COUNTRIES | frozenset({"U.S.", "USA", "UK", "Britain", "England", "Scotland",
                                            "Wales", "Russia", "Czech Republic", "Kazakstan", "Sri Lanka",
                                            "SRI LANKA", "Northern Ireland", "New Zealand"})
_NATIONALITY_NOUNS = frozenset(["briton", "britons", "brit", "scot", "scots", "swede", "finn", "dane", "pole", "turk", "arab", "kurd", "tajik", "uzbek", "kazakh", "serb", "croat", "czech", "slovak", "greek", "jew", "muslim", "christian", "catholic", "protestant", "sunni", "shi'ite", "shiite", "wallaby", "springbok", "afrikaner", "boer", "zulu", "maori", "basque", "catalan", "kurd", "palestinian", "sikh", "hindu", "tamil", "pashtun", "hutu", "tutsi"])
_TABLE_WORDS = frozenset(["attendance", "extras", "scorer", "scorers", "winner", "winners", "avg", "total", "totals", "result", "results", "halftime", "death", "note", "notes", "standings", "points", "pts"])
_PLACE_PREFIXES = frozenset({"los", "las", "san", "santa", "st", "st.", "saint", "port", "fort",
                             "new", "lake", "mount", "cape"})
_PARTICLES = frozenset(["van", "der", "de", "den", "von", "da", "di", "du", "le", "la", "al", "el", "bin", "ibn", "dos", "das", "del", "della", "ter", "ten"])
_SPEECH = frozenset(["say", "tell", "add", "ask", "explain", "insist", "note", "state", "warn", "admit", "declare", "claim", "reply", "comment", "agree", "announce", "confirm", "deny", "write", "urge"])
_MONTHS_DAYS = frozenset(["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])


@dataclass(slots=True)
class NerSpan:
    """An entity span in token indices of the spaCy doc (end exclusive)."""

    start: int
    end: int
    label: str
    source: str = "spacy"


def _diminutive(t: Token) -> bool:
    """A given name or short form from the hand-written diminutive table (Katya, Misha, Avi)
    acting as a person does: subject, object, owner or apposition, never after a preposition
    ("in Asia") and never an all-caps acronym ("IRA")."""
    word = t.text
    return word.istitle() and word not in COUNTRIES_OR_CODES and t.dep_ in _ACTOR_DEPS and \
        in_diminutive_table(word)


def _alpha_caps(tok_text: str) -> bool:
    return tok_text[:1].isupper()


def _trim(sdoc: Doc, s: NerSpan) -> NerSpan | None:
    start, end = s.start, s.end
    while start < end and (sdoc[start].lower_ in ("the", "a", "an") or sdoc[start].is_punct
                           or sdoc[start].is_space or _SCORE.match(sdoc[start].text)):
        start += 1
    while end > start and (sdoc[end - 1].tag_ == "POS" or sdoc[end - 1].is_punct
                           or sdoc[end - 1].is_space or sdoc[end - 1].lower_ in ("'s", "’s")
                           or _SCORE.match(sdoc[end - 1].text)):
        end -= 1
    for k in range(start + 1, end):
        if sdoc[k].text in ("(", "[", "--", "\n") or sdoc[k].is_space:
            end = k
            break
    while end > start and (sdoc[end - 1].is_punct or sdoc[end - 1].is_space):
        end -= 1
    if s.label == "PERSON":
        # "Mr", "Cardinal", "Fullback" before a name are titles or roles, not part of it
        while start < end - 1 and (sdoc[start].lower_.rstrip(".") in HONORIFICS
                                   or sdoc[start].lower_ in ROLE_NOUNS
                                   or sdoc[start].lower_ in TITLE_MODIFIERS) \
                and sdoc[start].text[:1].isupper():
            start += 1
        # a name has no numbers, dashes or ordinary lowercase words inside: "Durie 75th",
        # "Sri Lanka - Arjuna Ranatunga", "Gillespie st Kaluwitharana"
        pieces: list[tuple[int, int]] = []
        k0 = start
        for k in range(start, end):
            t = sdoc[k]
            # a spaced dash separates ("Sri Lanka - Arjuna"), a glued one joins ("al-Amin")
            dash = t.text == "-" and (bool(t.whitespace_) or bool(sdoc[k - 1].whitespace_))
            if t.like_num or any(ch.isdigit() for ch in t.text) or dash or (
                    t.is_alpha and t.text.islower() and t.lower_ not in _PARTICLES):
                if k > k0:
                    pieces.append((k0, k))
                k0 = k + 1
        if k0 < end:
            pieces.append((k0, end))
        pieces = [p for p in pieces if sdoc[p[0]:p[1]].text not in COUNTRIES_OR_CODES
                  and not all(sdoc[x].lower_ in _PARTICLES for x in range(*p))]
        if not pieces:
            return None
        start, end = pieces[0]
    if start >= end:
        return None
    return NerSpan(start, end, s.label, s.source)


def _coordinated_persons(sdoc: Doc, spans: list[NerSpan]) -> list[NerSpan]:
    """ "The remains of Itzik Elgarat and Shlomo Mansour": a two- or three-word capitalized name
    coordinated with a person is a person too, whatever the model called it."""
    person_roots = {sdoc[s.start:s.end].root.i for s in spans if s.label == "PERSON"}
    if not person_roots:
        return spans
    out: list[NerSpan] = []
    for s in spans:
        toks = sdoc[s.start:s.end]
        if s.label in _REPAIRABLE and 2 <= len(toks) <= 3 and \
                all(t.is_alpha and t.text[:1].isupper() for t in toks) and \
                toks.text not in COUNTRIES_OR_CODES and \
                not any(t.lower_ in DEMONYMS or t.lower_ in _PLACE_PREFIXES for t in toks):
            root = toks.root
            linked = (root.dep_ == "conj" and root.head.i in person_roots) or any(
                c.dep_ == "conj" and c.i in person_roots for c in root.children)
            if linked:
                out.append(NerSpan(s.start, s.end, "PERSON", s.source))
                continue
        out.append(s)
    return out


def _titled_name(sdoc: Doc, s: NerSpan, person_last: set[str]) -> bool:
    """A title or rank ("Corporal", "Senator", "Dr") followed by capitalized words that end in
    a surname the article gives a person, or start with a known given name."""
    first = sdoc[s.start]
    low = first.lower_.rstrip(".")
    if not first.text[:1].isupper() or not (low in HONORIFICS or low in TITLE_NOUNS):
        return False
    rest = sdoc[s.start + 1:s.end]
    if not 1 <= len(rest) <= 3 or not all(t.text[:1].isupper() and t.is_alpha for t in rest):
        return False
    return rest[-1].lower_ in person_last or (len(rest) >= 2
                                              and rest[0].lower_ in given_names())


def _split_name_number(sdoc: Doc, s: NerSpan) -> list[NerSpan]:
    """ "Belousov, 41" tagged DATE/CARDINAL: keep the capitalized name part as a candidate."""
    toks = sdoc[s.start:s.end]
    if len(toks) < 3 or not _alpha_caps(toks[0].text) or toks[0].lower_ in _MONTHS_DAYS:
        return []
    for k, t in enumerate(toks):
        if t.text == ",":
            name = toks[:k]
            rest = toks[k + 1:]
            if name and rest and _AGE.match(rest[0].text) and all(
                    _alpha_caps(x.text) and x.is_alpha and x.lower_ not in _MONTHS_DAYS
                    for x in name):
                return [NerSpan(s.start, s.start + k, "PERSON?", "split")]
            return []
    return []


def _overlaps(spans: Sequence[NerSpan], start: int, end: int) -> bool:
    return any(s.start < end and start < s.end for s in spans)


_UPPER_WORD = re.compile(r"\b[A-Z]{2,}\b")
_OTHER_WORD = re.compile(r"\b[A-Za-z]*[a-z][A-Za-z]*\b")


def _is_caps_sentence(sent: Span) -> bool:
    text = sent.text
    upper = len(_UPPER_WORD.findall(text))
    return upper >= 2 and upper >= 4 * len(_OTHER_WORD.findall(text))


def _restore_case(sent: Span, casing: dict[str, str]) -> str:
    out: list[str] = []
    for t in sent:
        w = t.text
        if w.isupper() and t.is_alpha:
            known = casing.get(w.lower())
            if known is not None:
                w = known
            elif t.is_stop or len(w) <= 2 and w.lower() in NOT_NAME_WORDS:
                w = w.lower()
            else:
                w = w.capitalize()
        out.append(w + t.whitespace_)
    return "".join(out)


def _caps_sentences(sdoc: Doc, spans: list[NerSpan],
                    nlp_pipe: Callable[[Iterable[str]], Iterable[Doc]] | None) -> list[NerSpan]:
    """Re-tag all-caps sentences on a case-restored copy (same length, so same offsets)."""
    if nlp_pipe is None:
        return spans
    try:
        sents = _segments(sdoc)
    except ValueError:
        return spans
    caps = [s for s in sents if _is_caps_sentence(s)]
    if not caps:
        return spans
    casing_votes: dict[str, Counter[str]] = defaultdict(Counter)
    caps_starts = {s.start for s in caps}
    for s in sents:
        if s.start in caps_starts:
            continue
        for t in s:
            if t.is_alpha and not t.is_sent_start:
                casing_votes[t.lower_][t.text] += 1
    casing = {k: v.most_common(1)[0][0] for k, v in casing_votes.items()}
    texts = [_restore_case(s, casing) for s in caps]
    out = [sp for sp in spans if not any(sp.start < c.end and c.start < sp.end for c in caps)]
    for sent, rdoc in zip(caps, nlp_pipe(texts)):
        base = sent.start_char
        for e in rdoc.ents:
            cs = sdoc.char_span(base + e.start_char, base + e.end_char, alignment_mode="expand")
            if cs is not None:
                out.append(NerSpan(cs.start, cs.end, e.label_, "caps"))
    out.sort(key=lambda s: s.start)
    return out


def _segments(sdoc: Doc) -> list[Span]:
    """Sentences cut at line breaks: a headline line glued to the body is its own segment."""
    out: list[Span] = []
    for sent in sdoc.sents:
        start = sent.start
        for t in sent:
            if "\n" in t.text or "\n" in t.whitespace_:
                end = t.i if "\n" in t.text else t.i + 1
                if end > start:
                    out.append(sdoc[start:end])
                start = t.i + 1
        if start < sent.end:
            out.append(sdoc[start:sent.end])
    return out


def _tokens_text(sdoc: Doc, start: int, end: int) -> str:
    return " ".join(t.text for t in sdoc[start:end])


def repair(sdoc: Doc, *, hints: Iterable[tuple[int, int, str]] = (),
           nlp_pipe: Callable[[Iterable[str]], Iterable[Doc]] | None = None,
           statistical: bool = True) -> list[NerSpan]:
    """Entity spans of ``sdoc`` after the document-level repairs; sorted, non-overlapping.

    ``hints`` are character spans known to be entities (e.g. GAP's candidate names); they win
    over anything overlapping them. ``nlp_pipe`` re-runs the model on case-restored headlines.
    ``statistical`` lets the bundled tagger (:mod:`newsgraph.people.model`) re-decide persons;
    its training turns it off to see the rules' output alone.
    """
    raw: list[NerSpan] = []
    for e in sdoc.ents:
        s = NerSpan(e.start, e.end, e.label_)
        if e.label_ in _NUMERIC:
            raw.extend(_split_name_number(sdoc, s))
            continue
        t = _trim(sdoc, s)
        if t is not None:
            raw.append(t)
    raw = _caps_sentences(sdoc, raw, nlp_pipe)
    raw = [t for s in raw if (t := _trim(sdoc, s)) is not None
           and (t.label in ENTITY_LABELS or t.label == "PERSON?")]
    raw = _pattern_persons(sdoc, raw)

    hint_spans: list[NerSpan] = []
    for start, end, label in hints:
        cs = sdoc.char_span(start, end, alignment_mode="expand")
        if cs is not None:
            hint_spans.append(NerSpan(cs.start, cs.end, label, "hint"))
    if hint_spans:
        raw = [s for s in raw if not _overlaps(hint_spans, s.start, s.end)] + hint_spans

    raw = _coordinated_persons(sdoc, raw)

    # what the article says each name is: multi-word PERSON strings and their surnames; keys are
    # lowercased so that an all-caps headline agrees with the body
    person_full: set[str] = set()
    person_last: set[str] = set()
    person_first: set[str] = set()  # given names of the article's full names ("Karim")
    for s in raw:
        if s.label == "PERSON" and (s.source == "hint" or _implausible_person(
                sdoc, s, _key(sdoc, s.start, s.end)) is None):
            words = [t.text for t in sdoc[s.start:s.end] if t.is_alpha or "-" in t.text
                     or "'" in t.text]
            if len(words) >= 2:
                person_full.add(" ".join(words).lower())
                person_last.add(words[-1].lower())
                first = words[0]
                if first[:1].isupper() and len(first) > 1 and first.lower() not in HONORIFICS \
                        and first not in COUNTRIES_OR_CODES:
                    person_first.add(first.lower())
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for s in raw:
        if s.label != "PERSON?":
            votes[_key(sdoc, s.start, s.end)][s.label] += 1

    place_cues, org_cues = _cue_counts(sdoc, raw)
    person_cues = _person_cues(sdoc, raw)
    fixed: list[NerSpan] = []
    for s in raw:
        text = _key(sdoc, s.start, s.end)
        label = s.label
        single = s.end - s.start == 1
        if s.source == "hint":
            pass
        elif label in _REPAIRABLE and all(t.is_lower for t in sdoc[s.start:s.end]):
            # "the 31-year-old electrician" tagged NORP: names are capitalized
            continue
        elif text in person_full or (single and text in person_last):
            label = "PERSON"
        elif not single and label in _REPAIRABLE and _titled_name(sdoc, s, person_last):
            # "Corporal Nia Holt" tagged ORG: a rank or title, then a name the article uses
            label = "PERSON"
        elif single and text in person_first and label in _REPAIRABLE \
                and not org_cues[text] and not place_cues[text] \
                and sdoc[s.start].text not in COUNTRIES_OR_CODES:
            # "spoke to Karim" after "Karim Haidar": the article's own given name, which the
            # model alone took for a place
            label = "PERSON"
        elif single and label in _REPAIRABLE and _diminutive(sdoc[s.start]) \
                and not org_cues[text] and not place_cues[text]:
            # "Katya thanked Pavel": a Russian or Arabic short form the small models take for
            # an organisation or a place (the statistical tagger does too: it may not unmake it)
            fixed.append(NerSpan(s.start, s.end, "PERSON", s.source))
            continue
        elif label == "PERSON?":
            label = "PERSON" if sdoc[s.start].pos_ == "PROPN" or text in person_last else ""
        elif single and person_cues[text] and not org_cues[text] and not place_cues[text] \
                and sdoc[s.start].text not in COUNTRIES_OR_CODES and label in ("ORG", "GPE",
                                                                             "LOC", "NORP",
                                                                             "FAC", "PRODUCT"):
            label = "PERSON"
        elif votes[text]:
            top, n = votes[text].most_common(1)[0]
            if n > votes[text][label]:
                label = top
        known_person = text in person_full or text in person_last
        if label == "PERSON" and s.source != "hint" and not known_person:
            better = _implausible_person(sdoc, s, text)
            if better is None and single and text not in person_last:
                better = _not_person_cue(sdoc, text, place_cues, org_cues)
            if better is not None:
                label = better
        if s.source == "caps" and not known_person and (label == "PERSON" or not single):
            # a headline re-tag the body does not confirm: keep the known surnames in it
            inner = [k for k in range(s.start, s.end) if sdoc[k].lower_ in person_last]
            if inner:
                fixed.extend(NerSpan(k, k + 1, "PERSON", "caps") for k in inner)
                continue
            if label == "PERSON":
                continue
        if label:
            fixed.append(NerSpan(s.start, s.end, label, s.source))
    fixed.sort(key=lambda s: (s.start, -s.end))

    fixed = _propagate(sdoc, fixed, person_last)
    fixed = _extend_left(sdoc, fixed)
    fixed = _merge_adjacent_persons(sdoc, fixed)
    if statistical and model.available():
        fixed = _merge_adjacent_persons(sdoc, redecide_persons(sdoc, fixed,
                                                               model.tag(sdoc, fixed)))
    return join_inserted_names(sdoc, fixed)


# abbreviated titles written with a period before names ("Sen.", "Gov.", "Lt."); without the
# period some are given names ("Gen")
_TITLE_ABBREVS = frozenset({"sen", "rep", "gov", "gen", "col", "lt", "sgt", "pres", "capt", "maj",
                            "adm", "cmdr", "supt", "insp", "det", "atty", "amb", "sec", "cpl",
                            "pvt", "brig", "cdr", "rt", "hon", "fr", "sr", "sra", "messrs"})
# the tagger's types as spaCy labels, for a repaired person it says is something else
_FROM_COARSE = {"LOC": "GPE", "ORG": "ORG", "MISC": "NORP"}
# how sure the tagger must be (mean PER probability over the span's tokens) to overrule the
# rules: to unmake a repaired person, and to make a person where the rules saw none
DROP_BELOW = 0.3
ADD_ABOVE = 0.7


def _is_title_word(t: Token) -> bool:
    low = t.lower_
    return t.text[:1].isupper() and (
        low.rstrip(".") in HONORIFICS or low in ROLE_NOUNS or low in TITLE_MODIFIERS
        or t.text.endswith(".") and low[:-1] in _TITLE_ABBREVS)


def redecide_persons(sdoc: Doc, spans: list[NerSpan], tagging: model.Tagging, *,
                     drop_below: float = DROP_BELOW, add_above: float = ADD_ABOVE) -> list[NerSpan]:
    """Take the tagger's confident person decisions.

    A tagger PER span becomes a person (replacing what it overlaps) when the tagger is sure of it
    or the rules already call some of it a person (the tagger then only moves the boundaries);
    a repaired person the tagger is sure is no person takes the tagger's type or goes. Hint
    spans are never touched, and a repaired person the tagger cuts in two stays whole.
    """
    per_spans = [s for s in spans if s.label == "PERSON"]
    placeish = {k for s in spans if s.label in ("GPE", "LOC", "FAC", "NORP")
                for k in range(s.start, s.end)}
    per: list[tuple[int, int]] = []
    for a, b, typ in tagging.spans:
        if typ != "PER" or any(s.source == "hint" and s.start < b and a < s.end for s in spans):
            continue
        confirmed = any(s.start < b and a < s.end for s in per_spans)
        if confirmed:
            # moving a person's start over a place or nationality: "N.Y. Slepian", "Pole X"
            while a < b - 1 and a in placeish:
                a += 1
        if confirmed or tagging.per_prob(a, b) > add_above:
            # titles stay outside the name, as in the rules ("Pope", "Mr", "Deputy Minister")
            while a < b - 1 and _is_title_word(sdoc[a]):
                a += 1
            # Title Case headlines ("Mike Huckabee Makes Joke"): a word the article also writes
            # in lowercase is an ordinary word at either end of a name
            if a in tagging.title_case:
                while b - a > 1 and sdoc[b - 1].lower_ in tagging.lower_seen:
                    b -= 1
                while b - a > 1 and sdoc[a].lower_ in tagging.lower_seen:
                    a += 1
            if b - a == 1 and _is_title_word(sdoc[a]):
                continue  # a lone "Pope" or "Sen." before a name the rules have
            per.append((a, b))
    # two tagger names that exactly tile one repaired person are that one person
    for s in per_spans:
        inside = [(a, b) for a, b in per if s.start <= a and b <= s.end]
        if len(inside) >= 2 and inside[0][0] == s.start and inside[-1][1] == s.end and all(
                x[1] == y[0] for x, y in itertools.pairwise(inside)):
            per = [p for p in per if p not in inside] + [(s.start, s.end)]
    other = {(a, b): typ for a, b, typ in tagging.spans if typ != "PER"}
    # a name the article keeps as a person elsewhere stays one here
    def unsure(s: NerSpan) -> bool:
        return tagging.per_prob(s.start, s.end) < drop_below

    kept = {sdoc[b - 1].lower_ for a, b in per}
    kept.update(sdoc[s.end - 1].lower_ for s in per_spans if not unsure(s))
    out: list[NerSpan] = []
    for s in spans:
        if any(a < s.end and s.start < b for a, b in per):
            continue
        if s.label == "PERSON" and s.source != "hint" and \
                sdoc[s.end - 1].lower_ not in kept and not (
                    s.end - s.start == 1 and _diminutive(sdoc[s.start])) \
                and unsure(s):
            new = _FROM_COARSE.get(other.get((s.start, s.end), ""))
            if new is None:
                continue
            s = NerSpan(s.start, s.end, new, "model")
        out.append(s)
    out.extend(NerSpan(a, b, "PERSON", "model") for a, b in per)
    out.sort(key=lambda s: (s.start, -s.end))
    return out


_PLACE_PREPS = frozenset({"in", "at", "near", "from", "outside", "across", "into", "towards"})
_MOTION = frozenset({"return", "go", "travel", "fly", "move", "come", "drive", "head", "home",
                     "back", "sail", "walk", "flee", "deport", "send", "transfer", "bring",
                     "emigrate", "relocate", "arrive", "way", "trip", "journey", "flight"})
_ORG_AFTER = frozenset({"ceo", "chairman", "spokesman", "spokeswoman", "owner", "coach",
                        "manager", "president", "chief", "shares", "stock", "keeper", "striker",
                        "official", "officials", "executive", "board", "said in a statement"})


def _cue_counts(sdoc: Doc, spans: list[NerSpan]) -> tuple[Counter[str], Counter[str]]:
    """How often each single-word name sits after a place preposition or before an ORG cue."""
    place: Counter[str] = Counter()
    org: Counter[str] = Counter()
    n = len(sdoc)
    for s in spans:
        if s.end - s.start != 1:
            continue
        key = sdoc[s.start].lower_
        prev = sdoc[s.start - 1].lower_ if s.start > 0 else ""
        nxt = sdoc[s.end] if s.end < n else None
        if prev in _PLACE_PREPS or prev == "to" and s.start > 1 and (
                sdoc[s.start - 2].lemma_ in _MOTION or sdoc[s.start - 2].lower_ in _MOTION):
            place[key] += 1
        if nxt is not None and (nxt.lower_ in _ORG_AFTER or nxt.like_num and not
                                (s.end + 1 < n and sdoc[s.end + 1].text in (",", ")"))):
            org[key] += 1
    return place, org


def _person_cue(sdoc: Doc, k: int, *, speech: bool = True) -> bool:
    """Token ``k`` speaks, has an age in commas, or opens a "who" clause."""
    t = sdoc[k]
    if speech and t.dep_ == "nsubj" and t.head.lemma_ in _SPEECH:
        return True
    nxt = sdoc[k + 1:k + 4]
    if len(nxt) >= 2 and nxt[0].text == "," and nxt[1].lower_ == "who":
        return True
    return (len(nxt) == 3 and nxt[0].text == "," and _AGE.match(nxt[1].text) is not None
            and nxt[2].text in (",", ".") and 0 < int(nxt[1].text) < 110)


def _person_cues(sdoc: Doc, spans: list[NerSpan]) -> Counter[str]:
    out: Counter[str] = Counter()
    for s in spans:
        # organizations speak too ("Ericsson said"): only age and "who" overrule an ORG
        if s.end - s.start == 1 and _person_cue(sdoc, s.start, speech=s.label != "ORG"):
            out[sdoc[s.start].lower_] += 1
    return out


def _not_person_cue(sdoc: Doc, text: str, place: Counter[str], org: Counter[str]) -> str | None:
    if org[text]:
        return "ORG"
    if place[text]:
        return "GPE"
    return None


def _implausible_person(sdoc: Doc, s: NerSpan, text: str) -> str | None:
    """The label a PERSON span should have instead ("" to drop it), or None if it may stand."""
    single = s.end - s.start == 1
    surface = sdoc[s.start:s.end].text
    if surface in COUNTRIES_OR_CODES or single and text.endswith("shire"):
        return "GPE"
    if single and (text in DEMONYMS or text in _NATIONALITY_NOUNS
                   or text.endswith("s") and (text[:-1] in DEMONYMS
                                              or text[:-1] in _NATIONALITY_NOUNS)):
        return "NORP"
    if single and text in _TABLE_WORDS:
        return ""
    if single and (sdoc[s.start].tag_ == "NNPS" or text.endswith("s") and s.start > 0
                   and sdoc[s.start - 1].lower_ == "the"):
        return "ORG"  # a person is not plural ("the Brewers")
    if not single and sdoc[s.start].lower_ in _PLACE_PREFIXES:
        return "GPE"
    return None


def _key(sdoc: Doc, start: int, end: int) -> str:
    return " ".join(t.text for t in sdoc[start:end]).lower()


_NOT_GIVEN = frozenset(ROLE_NOUNS) | frozenset(HONORIFICS) | _MONTHS_DAYS | frozenset(
    w for w in DEMONYMS if " " not in w)


def _extend_left(sdoc: Doc, spans: list[NerSpan]) -> list[NerSpan]:
    """ "Inger Miller" tagged only as "Miller": an unknown capitalized word before joins it."""
    taken: set[int] = set()
    for s in spans:
        taken.update(range(s.start, s.end))
    out: list[NerSpan] = []
    for s in spans:
        i = s.start - 1
        if (s.label == "PERSON" and s.end - s.start == 1 and i >= 0 and i not in taken
                and sdoc[i].is_title and sdoc[i].is_alpha and not sdoc[i].is_stop
                and sdoc[i].lower_ not in _NOT_GIVEN and sdoc[i].pos_ == "PROPN"
                and not sdoc[i].is_sent_start):
            s = NerSpan(i, s.end, s.label, s.source)
        out.append(s)
    return out


def _pattern_persons(sdoc: Doc, spans: list[NerSpan]) -> list[NerSpan]:
    """Person names found by shape, overriding non-person spans they contain.

    A known given name followed by capitalized words ("Sandrine Testud"), an initial and a
    surname ("P. Simmons"), and capitalized words followed by a parenthesized country in result
    lists ("Ines Gorrochategui ( Argentina )").
    """
    given = given_names()
    tokens = name_tokens()
    n = len(sdoc)
    cands: list[tuple[int, int]] = []

    def cap(k: int) -> bool:
        t = sdoc[k]
        return t.is_title and t.is_alpha and not t.is_stop and t.lower_ not in _NOT_GIVEN

    def run_end(k: int) -> int:
        """End of a run of capitalized words (and name particles between them) from ``k``."""
        j = k
        while j < n and j - k <= 4:
            if cap(j) or sdoc[j].lower_ in _PARTICLES and sdoc[j].text.islower() and j + 1 < n and \
                    j > k and (cap(j + 1) or sdoc[j + 1].lower_ in _PARTICLES):
                j += 1
            else:
                break
        while j > k and sdoc[j - 1].lower_ in _PARTICLES:
            j -= 1
        return j

    i = 0
    while i < n - 1:
        t = sdoc[i]
        low = t.lower_
        j = i
        if re.fullmatch(r"[A-Z]\.", t.text) and cap(i + 1):
            j = i + 1
            while j < n and j - i <= 3 and (cap(j) or re.fullmatch(r"[A-Z]\.", sdoc[j].text)):
                j += 1
        elif cap(i):
            j = run_end(i)
            if j - i < 2:
                j = i
            elif low in given:
                pass
            elif j + 2 < n and sdoc[j].text == "(" and (
                    sdoc[j + 1].text in COUNTRIES_OR_CODES and sdoc[j + 2].text == ")"
                    or _ORDINAL_MIN.match(sdoc[j + 1].text)):
                pass  # result lists: "Ines Gorrochategui ( Argentina )", "Degryse ( 13th )"
            elif i >= 2 and sdoc[i - 1].text == "-" and (sdoc[i - 2].like_num
                                                         or sdoc[i - 2].text in COUNTRIES_OR_CODES) \
                    and all(sdoc[k].pos_ == "PROPN" for k in range(i, j)):
                pass  # line-ups and scorers: "4 - Hakan Unsal", "Belgium - Marc Degryse"
            elif j - i == 2 and all(sdoc[k].lower_ in tokens and sdoc[k].pos_ == "PROPN"
                                    and sdoc[k].text not in COUNTRIES for k in range(i, j)):
                pass  # two words both known from person names
            elif j - i <= 3 and i >= 2 and sdoc[i - 1].text == "," and \
                    sdoc[i - 2].lower_ in ROLE_NOUNS and j < n and sdoc[j].text in (",", ".") \
                    and all(sdoc[k].text not in COUNTRIES_OR_CODES for k in range(i, j)):
                pass  # in apposition to a person noun: "Another captive, Vasile Moraru,"
            else:
                j = i
        if j > i + 1:
            cands.append((i, j))
            i = j
            continue
        i += 1
    taken = {k for sp in spans for k in range(sp.start, sp.end)}
    taken.update(k for a_, b_ in cands for k in range(a_, b_))
    for t in sdoc:
        # one capitalized word that speaks or has an age or a "who" clause is a person
        if t.i in taken or not t.is_title or t.pos_ != "PROPN" or t.lower_ in _NOT_GIVEN:
            continue
        k = t.i
        prev = sdoc[k - 1].text if k > 0 else ""
        # scorecards: "c Healy b Fleming", "lbw b Gough", "Bowling : Gough 8-0-39-3"
        if prev in ("b", "c", "st") and k > 1 and (sdoc[k - 2].is_title
                                                   or sdoc[k - 2].lower_ == "lbw") \
                or k + 1 < n and _BOWLING.match(sdoc[k + 1].text):
            cands.append((k, k + 1))
            continue
        if _person_cue(sdoc, k):
            start = k
            while start > 0 and start - 1 not in taken and cap(start - 1) \
                    and not sdoc[start - 1].is_sent_start and k - start < 2:
                start -= 1
            cands.append((start, k + 1))
    if not cands:
        return spans
    out = list(spans)
    drop: set[int] = set()
    add: list[NerSpan] = []
    for a, b in cands:
        hits = [k for k, s in enumerate(out) if s.start < b and a < s.end]
        if any(out[k].label == "PERSON" or out[k].start < a or out[k].end > b for k in hits):
            continue
        drop.update(hits)
        add.append(NerSpan(a, b, "PERSON", "pattern"))
    out = [s for k, s in enumerate(out) if k not in drop] + add
    out.sort(key=lambda s: (s.start, -s.end))
    return out


def _propagate(sdoc: Doc, spans: list[NerSpan], person_last: set[str]) -> list[NerSpan]:
    """Later untagged occurrences of a name the article already tagged get the same label."""
    known: dict[tuple[str, ...], str] = {}
    for s in spans:
        key = tuple(t.lower_ for t in sdoc[s.start:s.end])
        if len(key) == 1 and (sdoc[s.start].is_stop or len(key[0]) < 2):
            continue
        if not sdoc[s.start].text[:1].isupper():
            continue
        known.setdefault(key, s.label)
    for last in person_last:
        known.setdefault((last,), "PERSON")
    if not known:
        return spans
    maxlen = max(len(k) for k in known)
    taken = [False] * len(sdoc)
    for s in spans:
        for i in range(s.start, s.end):
            taken[i] = True
    add: list[NerSpan] = []
    i = 0
    n = len(sdoc)
    while i < n:
        if taken[i] or not sdoc[i].text[:1].isupper():
            i += 1
            continue
        hit = 0
        for length in range(min(maxlen, n - i), 0, -1):
            if any(taken[i:i + length]):
                continue
            key = tuple(t.lower_ for t in sdoc[i:i + length])
            label = known.get(key)
            if label is None:
                continue
            # a bare name at a sentence start may be an ordinary capitalized word
            if length == 1 and sdoc[i].is_sent_start and sdoc[i].pos_ != "PROPN":
                continue
            # a capitalized neighbour means the name is part of a longer one we do not know
            if (i + length < n and sdoc[i + length].is_title and sdoc[i + length].is_alpha
                    and not taken[i + length]) or (i > 0 and sdoc[i - 1].is_title
                                                   and not sdoc[i - 1].is_sent_start
                                                   and not taken[i - 1]
                                                   and sdoc[i - 1].is_alpha):
                continue
            add.append(NerSpan(i, i + length, label, "propagated"))
            hit = length
            break
        i += hit or 1
    if not add:
        return spans
    out = spans + add
    out.sort(key=lambda s: (s.start, -s.end))
    return out


_REGNAL = frozenset(["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "Jr", "Jr.", "Sr", "Sr."])


def _merge_adjacent_persons(sdoc: Doc, spans: list[NerSpan]) -> list[NerSpan]:
    out: list[NerSpan] = []
    taken = {k for s in spans for k in range(s.start, s.end)}
    n = len(sdoc)
    for s in spans:
        if s.label == "PERSON" and s.end + 1 < n and sdoc[s.end].text == "," \
                and sdoc[s.end + 1].text in ("Jr", "Jr.", "Sr", "Sr."):
            # "Karl D. Brandt, Jr.": the son, not the father named the same (the model may
            # tag the suffix a place of its own: the overlap check below drops that span)
            s = NerSpan(s.start, s.end + 2, s.label, s.source)
        elif s.label == "PERSON" and s.end < n and sdoc[s.end].text in _REGNAL \
                and s.end not in taken and sdoc[s.end].text not in ("I",) or (
                s.label == "PERSON" and s.end < n and sdoc[s.end].text == "I"
                and s.end not in taken and s.end - s.start == 1
                and (s.end + 1 >= n or not sdoc[s.end + 1].pos_ in ("VERB", "AUX"))):
            s = NerSpan(s.start, s.end + 1, s.label, s.source)
        if out and out[-1].end > s.start:
            continue  # overlapping: keep the earlier (longer) one
        if (out and s.label == "PERSON" and out[-1].label == "PERSON" and out[-1].end == s.start
                and not sdoc[s.start].is_sent_start):
            prev = out[-1]
            out[-1] = NerSpan(prev.start, s.end, "PERSON", prev.source)
            continue
        out.append(s)
    return out


# quote marks that can open or close a nickname set inside a name ('Peter "Pete" Lund')
OPEN_QUOTES = frozenset({'"', "``", "`", "\u201c", "\u2018", "'"})
CLOSE_QUOTES = frozenset({'"', "''", "\u201d", "\u2019", "'"})


def inserted_part(sdoc: Doc, k: int) -> int | None:
    """End (exclusive) of a nickname in quotes or a short parenthesis starting at token ``k``.

    'Peter "Pete" Lund', "Maria (nee Berg) Lund", "William (Bill) Hart": one to three
    capitalized words, in parentheses optionally led by one lower-case word ("nee", "born").
    A language or nationality ("Ruth (English) Lane" in a list of translations) is not a name.
    """
    n = len(sdoc)
    if k >= n:
        return None
    opener = sdoc[k].text
    j = k + 1
    if opener == "`" and j < n and sdoc[j].text == "`":
        j += 1  # a typewriter opening quote, split by the tokenizer
        closers = CLOSE_QUOTES
    elif opener in OPEN_QUOTES:
        closers = CLOSE_QUOTES
    elif opener == "(":
        closers = frozenset({")"})
    else:
        return None
    marked = opener == "(" and j < n and sdoc[j].is_lower and sdoc[j].is_alpha \
        and len(sdoc[j]) <= 8
    j += marked
    words = 0
    while j < n and words < 3 and sdoc[j].text not in closers:
        t = sdoc[j]
        if not (t.text[:1].isupper() and (t.is_alpha or t.text.rstrip(".").isalpha())):
            return None
        # "Ivo Marek ( Norway ) Alba Cycling" in a results table: a country, then a team; an
        # unmarked parenthesis must not look like a place (a maiden name after "nee" may)
        if t.ent_type_ in ("NORP", "LANGUAGE") or t.text in DEMONYMS or (
                not marked and (t.ent_type_ in ("GPE", "LOC") or t.text in COUNTRIES_OR_CODES)):
            return None
        words += 1
        j += 1
    if not words or j >= n or sdoc[j].text not in closers:
        return None
    return j + 1


def join_inserted_names(sdoc: Doc, spans: list[NerSpan]) -> list[NerSpan]:
    """Join a person's name split by a nickname or a maiden name set inside it.

    The model reads 'the daughter of Anna and Peter "Pete" Lund' as three people, "Peter",
    "Pete" and "Lund", and the bare "Lund" then joins the daughter "Vera Lund". One span over
    the whole name keeps the father a person of his own; the coreference stage reads its words
    without the inserted part (``coref._words``).
    """
    starts = {s.start: s for s in spans}
    out: list[NerSpan] = []
    n = len(sdoc)
    i = 0
    ordered = sorted(spans, key=lambda s: (s.start, -s.end))
    while i < len(ordered):
        s = ordered[i]
        i += 1
        end = inserted_part(sdoc, s.end) if s.label == "PERSON" else None
        if end is None or end >= n:
            out.append(s)
            continue
        # what follows is the family name alone, particles allowed ("van Dijk"): a whole name
        # there is the next person of a list ("Ivo Marek ( Alba ) Tomas Rein")
        stop = end
        while stop < n - 1 and sdoc[stop].lower_ in _PARTICLES:
            stop += 1
        last = sdoc[stop]
        stop += 1
        right = starts.get(end)
        if not (last.is_title and (last.is_alpha or "-" in last.text)) \
                or sdoc[end].is_sent_start or (right is None and last.pos_ != "PROPN") \
                or (right is not None and (right.end != stop or right.label != "PERSON"
                                           and right.label not in _REPAIRABLE)):
            out.append(s)
            continue
        out.append(NerSpan(s.start, stop, "PERSON", s.source))
        # the nickname and the name after it were spans of their own
        while i < len(ordered) and ordered[i].start < stop:
            i += 1
    return out
