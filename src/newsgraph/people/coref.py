"""In-article coreference: names, titles, descriptions and pronouns grouped into entities.

Names first: full names join when :func:`newsgraph.names.compare` says they can name one person
*and* their given names agree (the father "Pavlo Bilousov" stays apart from the son "Konstantin
Belousov" though the surnames are transliterations of one another). A surname or a given name on
its own goes to the compatible person who is most salient so far (exact spelling first, then most
mentions, then most recent). Titles ("the foreign minister") go to the person holding that title;
pronouns go to the best-scoring preceding person by gender, binding constraints, grammatical role
and recency.
"""

from __future__ import annotations

import logging
import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Protocol

from ..names import compare
from ..names.compare import joined_family
from ..names.lexicon import diminutive_related, in_diminutive_table
from ..names.parse import parse as parse_name
from ..quotes.lexicon import SPEECH_VERBS
from ..quotes.marks import MARK
from ..sentences import unclosed
from .attributes import (
    RolePhrase,
    age_after,
    age_before,
    phrase_after,
    phrase_before,
    role_phrase_ending_at,
)
from .lexicon import (
    HONORIFICS,
    KIN_NOUNS,
    PRONOUNS,
    ROLE_NOUNS,
    TITLE_NOUNS,
    given_name_gender,
)
from .ner import OPEN_QUOTES, NerSpan, inserted_part
from .resources import given_names

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

log = logging.getLogger(__name__)

_SUBJ = frozenset({"nsubj", "nsubjpass"})
# weights of the pronoun antecedent score, tuned on GAP validation (benchmarks/gap.py)
PRONOUN_WEIGHTS: dict[str, float] = {
    "sent_dist": -2.2, "tok_dist": -1.2, "subj_recent": 1.25, "parallel": 0.8, "last_poss": -0.3,
    "last_pobj_same": -0.05, "main_subj_same": -0.5, "salience": 0.35, "subj_count": 0.0,
    "gender_match": 0.3, "first": 0.0, "gender_vote": 1.0,
}


# role nouns a definite description uses for the person the story is about ("the freed hostage")
_ROLE_DESCRIPTIONS = frozenset({"hostage", "captive", "prisoner", "victim", "survivor", "detainee",
                                "man", "woman", "teenager", "boy", "girl", "pilot", "driver",
                                "engineer", "soldier", "activist", "journalist", "student"})


def _role(t: Token) -> str:
    if t.dep_ in _SUBJ:
        return "subj"
    if t.dep_ in ("dobj", "dative", "iobj", "obj"):
        return "obj"
    if t.dep_ == "poss":
        return "poss"
    return "other"
_OBJ = frozenset({"dobj", "dative", "iobj", "pobj", "obj"})
# dependents that can stand before the subject as a preposed adjunct ("In his first interview,";
# "When she was freed,"; "Like her sister,")
_FRONTED = frozenset({"prep", "advcl", "npadvmod", "advmod"})
# people whose job is to speak of others: what they report is seldom about themselves
_SPEAKS_FOR = frozenset({"spokesman", "spokeswoman", "spokesperson", "lawyer", "attorney",
                         "representative", "official", "aide", "adviser", "advisor", "negotiator",
                         "mediator", "envoy", "prosecutor", "doctor", "agent", "manager"})
# verbs of thought whose clause, like a reported one, speaks of their subject's own self
_THINK_VERBS = frozenset({"think", "believe", "feel", "hope", "fear", "decide", "know", "expect",
                          "realize", "realise", "suspect", "worry", "wish", "doubt"})


@dataclass(slots=True)
class Ment:
    """A mention under construction (character span into the text, head token)."""

    start: int
    end: int
    kind: str
    label: str
    tok: int
    sent: int
    words: tuple[str, ...] = ()
    cluster: int = -1


@dataclass(slots=True)
class Cluster:
    label: str
    mentions: list[Ment] = field(default_factory=list)
    names: list[tuple[str, ...]] = field(default_factory=list)
    gender: str | None = None
    titles: list[str] = field(default_factory=list)
    title_heads: set[str] = field(default_factory=set)
    roles: set[str] = field(default_factory=set)
    countries: list[str] = field(default_factory=list)
    age: int | None = None
    description: str | None = None
    gender_votes: dict[str, float] = field(default_factory=dict)
    # tokens naming whose relative this person is ("His" in "His mother, X"; "Siegel" in
    # "Siegel's wife, X")
    kin_owner_toks: list[int] = field(default_factory=list)

    def vote_gender(self, g: str | None, weight: float = 1.0) -> None:
        if g is None:
            return
        self.gender_votes[g] = self.gender_votes.get(g, 0.0) + weight
        self.gender = max(self.gender_votes, key=lambda k: self.gender_votes[k])


def _words(sdoc: Doc, start: int, end: int) -> tuple[str, ...]:
    """The name words of a mention, without a nickname or maiden name set inside it
    ('Peter "Pete" Lund' is Peter Lund; see :func:`newsgraph.people.ner.join_inserted_names`)."""
    out = []
    k = start
    while k < end:
        t = sdoc[k]
        k += 1
        if k - 1 > start and (t.text in OPEN_QUOTES or t.text == "("):
            stop = inserted_part(sdoc, k - 1)
            if stop is not None and stop < end:
                k = stop
                continue
        w = t.text.strip(".,")
        if not w or t.is_punct or t.tag_ == "POS":
            continue
        out.append(w)
    return tuple(out)


def _known_given(word: str) -> bool:
    """A word the given-name lists or the diminutive table know."""
    return word.lower() in given_names() or in_diminutive_table(word)


def _is_initial(w: str) -> bool:
    return len(w.rstrip(".")) == 1


# in-article merging asks more of the name model than "can be the same": two people in one
# article with similar names are usually kept apart by the writer, so only confident matches merge
_STRONG = 0.9
_FOLDS = (("tch", "ch"), ("sch", "sh"), ("ch", "sh"), ("ph", "f"), ("kh", "h"), ("ck", "k"), ("ou", "u"), ("ii", "i"), ("iy", "i"),
          ("yi", "i"), ("ye", "e"), ("ie", "i"), ("j", "i"), ("y", "i"), ("p", "f"), ("w", "v"),
          ("c", "k"), ("q", "k"), ("x", "ks"), ("z", "s"))


_compare_failed = False


@lru_cache(maxsize=65536)
def _name_score(a: str, b: str) -> float:
    """``compare(a, b).score``, or 0 when the name model fails (coreference must go on)."""
    global _compare_failed
    try:
        return compare(a, b).score
    except Exception:
        if not _compare_failed:
            log.exception("names.compare failed; in-article merging falls back to spelling keys")
            _compare_failed = True
        return 0.0


@lru_cache(maxsize=65536)
def fold_surname(word: str) -> str:
    """A coarse romanization key: Bilousov/Belousov, Chodorkowski/Khodorkovsky fold together."""
    w = unicodedata.normalize("NFKD", word.lower())
    w = "".join(ch for ch in w if ch.isalpha())
    for a, b in _FOLDS:
        w = w.replace(a, b)
    out: list[str] = []
    for ch in w:
        if not out or out[-1] != ch:
            out.append(ch)
    return "".join(out)


@lru_cache(maxsize=65536)
def _given_compatible(a: str, b: str) -> bool:
    la, lb = a.lower().rstrip("."), b.lower().rstrip(".")
    if la == lb:
        return True
    if len(la) == 1 or len(lb) == 1:
        return la[0] == lb[0]
    if len(la) >= 3 and len(lb) >= 3 and (la.startswith(lb) or lb.startswith(la)):
        return True
    if fold_surname(la) == fold_surname(lb):
        return True
    return _name_score(a, b) >= _STRONG


@lru_cache(maxsize=65536)
def _surname_compatible(a: str, b: str) -> bool:
    la, lb = a.lower(), b.lower()
    if la == lb:
        return True
    if _feminine_pair(la, lb):
        return False
    fa, fb = fold_surname(la), fold_surname(lb)
    if fa == fb:
        return True
    # romanizations of one surname start alike once folded; skip the costly model otherwise
    if fa[:1] != fb[:1] and fa[:1] not in "aeiouh" and fb[:1] not in "aeiouh":
        return False
    return _name_score(a, b) >= _STRONG


_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


def _core(words: tuple[str, ...]) -> tuple[tuple[str, ...], str | None]:
    """The name without its generational suffix ("Jr."), and the suffix."""
    ws, suffix = list(words), None
    while len(ws) > 1 and ws[-1].lower().rstrip(".") in _SUFFIXES:
        suffix = ws.pop().lower().rstrip(".")
    return tuple(ws), suffix


def _middle_initials(words: tuple[str, ...]) -> str:
    out = []
    for w in words:
        letters = re.findall(r"[^\W\d_]", w)
        # "H.W." is two initials; "Walker" gives its first letter
        out.extend(letters if "." in w and len(letters) <= 3 else letters[:1])
    return "".join(out).lower()


def _full_compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    if [w.lower() for w in a] == [w.lower() for w in b]:
        return True
    (ca, sa), (cb, sb) = _core(a), _core(b)
    if sa and sb and sa != sb:  # Jr. and Sr. are father and son
        return False
    if len(ca) >= 3 and len(cb) >= 3 and _middle_initials(ca[1:-1]) != _middle_initials(cb[1:-1]):
        return False  # George H.W. Bush and George W. Bush
    if not _given_compatible(ca[0], cb[0]):
        return False
    if _surname_compatible(ca[-1], cb[-1]):
        return True
    # a particle written apart on one side and glued on the other: "Abou Haidar"/"Abouhaidar"
    fa, fb = _joined_family(ca), _joined_family(cb)
    return (fa, fb) != (ca[-1], cb[-1]) and _surname_compatible(fa, fb)


def _joined_family(words: tuple[str, ...]) -> str:
    family = parse_name(" ".join(words)).family
    return joined_family(family) if family else words[-1]


def _family_only(words: tuple[str, ...]) -> bool:
    """A two-word name that is all family name or kunya ("Abu Haidar"): a surname mention."""
    parsed = parse_name(" ".join(words))
    return not parsed.given and not parsed.initials and parsed.family is not None


def _feminine_pair(a: str, b: str) -> bool:
    """Belousova/Belousov: one is the other plus a feminine ending (a different person here)."""
    la, lb = a.lower(), b.lower()
    if len(la) < len(lb):
        la, lb = lb, la
    return la != lb and la.startswith(lb) and la[len(lb):] in ("a", "aya")


def _short_matches(word: str, names: Sequence[tuple[str, ...]]) -> int:
    """2: exact surname/given-name match, 1: a spelling variant, 0: none."""
    lw = word.lower()
    best = 0
    for n in names:
        if len(n) == 1:
            if n[0].lower() == lw:
                return 2
            continue
        parts = [n[-1], n[0]]
        for p in parts:
            if p.lower() == lw:
                return 2
        if len(word) > 3 and _surname_compatible(word, n[-1]):
            best = 1
        elif word[:1].isupper() and diminutive_related(word, n[0]):
            best = 1  # "Zhenya, as friends call him" after "Yevgeny Kozlov"
    return best


def _reporting_verb(t: Token) -> Token | None:
    """The verb whose reported clause ``t`` is the subject of ("X said she ..."), if any."""
    if t.dep_ not in _SUBJ or t.head.dep_ != "ccomp":
        return None
    return t.head.head


def _quote_attribution(t: Token) -> bool:
    """ "...," he said: the subject of a speech verb beside a direct quotation, or the subject
    of the reported clause of a speech verb ("X said she ...").

    News attributes a quote to the person the text was just about, a convention the rules encode
    (recent subject, parallel role) and the learned scorer, trained mostly on encyclopaedic
    prose, does not.
    """
    if t.dep_ != "nsubj":
        return False
    verb = _reporting_verb(t)
    if verb is not None and verb.lemma_ in SPEECH_VERBS and any(
            c.dep_ in _SUBJ for c in verb.children):
        # reported speech, "X said she had never lost hope": the same convention
        return True
    if t.head.lemma_ not in SPEECH_VERBS:
        return False
    try:
        sent = t.sent
    except ValueError:
        return False
    return MARK.search(sent.text) is not None


@dataclass(slots=True)
class PronounCandidate:
    """A person cluster a pronoun may refer to, as the pronoun scorers see it."""

    cluster: int
    features: dict[str, float]
    tok: int  # the cluster's mention nearest the pronoun
    after: bool  # mentioned only after the pronoun (cataphora)
    # the character span that stands for the cluster: its nearest name in reach of the pronoun
    # (a learned scorer reads the words around it), else its nearest mention
    start: int = -1
    end: int = -1


def _representative(ments: Sequence[Ment], nearest: Ment, *, before: bool) -> Ment:
    named = [m for m in ments if m.kind in ("name", "title")]
    if not named:
        return nearest
    return max(named, key=lambda m: m.tok) if before else min(named, key=lambda m: m.tok)


def rule_score(features: dict[str, float]) -> float:
    return sum(PRONOUN_WEIGHTS[k] * v for k, v in features.items())


def rule_choice(cands: Sequence[PronounCandidate]) -> int | None:
    """The best-scoring preceding cluster; failing that, the nearest one that follows."""
    before = [c for c in cands if not c.after]
    if before:
        return max(before, key=lambda c: rule_score(c.features)).cluster
    after = [c for c in cands if c.after]
    return min(after, key=lambda c: c.tok).cluster if after else None


class PronounScorer(Protocol):
    """Chooses a pronoun's cluster among the candidates (None: no antecedent)."""

    def choose(self, res: Resolver, t: Token, cands: Sequence[PronounCandidate]) -> int | None:
        ...


class Resolver:
    """Builds the clusters of one document; see the module docstring for the order of work."""

    def __init__(self, sdoc: Doc, text: str, spans: Sequence[NerSpan],
                 scorer: PronounScorer | None = None,
                 quotes: Sequence[tuple[int, int, int, int]] = (),
                 reported: Sequence[tuple[int, int, int, int]] = ()):
        self.sdoc = sdoc
        # direct quotations as (start, end, speaker start, speaker end), character offsets
        self.quotes = quotes
        # indirect (reported) speech, the same way; only a relative's is used (_resolve_pronoun)
        self.reported = reported
        self.scorer = scorer
        self.text = text
        self.spans = spans
        self.clusters: list[Cluster] = []
        self.tok_cluster: dict[int, int] = {}  # token index -> cluster of a mention there
        self.sent_of: list[int] = [0] * len(sdoc)
        self.sent_starts: list[int] = []
        try:
            for k, s in enumerate(sdoc.sents):
                self.sent_starts.append(s.start)
                for i in range(s.start, s.end):
                    self.sent_of[i] = k
        except ValueError:  # no parser: one sentence
            self.sent_starts = [0]
        self.name_tokens: set[int] = set()

    # -- helpers ---------------------------------------------------------------------------
    def _new(self, label: str) -> int:
        self.clusters.append(Cluster(label))
        return len(self.clusters) - 1

    def _add(self, cid: int, m: Ment) -> None:
        m.cluster = cid
        c = self.clusters[cid]
        c.mentions.append(m)
        self.tok_cluster[m.tok] = cid
        if m.words and m.kind in ("name", "title") and m.words not in c.names:
            c.names.append(m.words)

    def _head(self, start: int, end: int) -> int:
        span = self.sdoc[start:end]
        try:
            return span.root.i
        except Exception:  # noqa: BLE001 - spans without a parse
            return end - 1

    # -- names -------------------------------------------------------------------------------
    def names(self) -> None:
        persons: list[Ment] = []
        others: list[Ment] = []
        sdoc = self.sdoc
        for s in self.spans:
            words = _words(sdoc, s.start, s.end)
            if not words:
                continue
            start_char = sdoc[s.start].idx
            end_char = sdoc[s.end - 1].idx + len(sdoc[s.end - 1].text)
            kind = "name"
            honorific_g: str | None = None
            if s.label == "PERSON" and s.start > 0:
                prev = sdoc[s.start - 1]
                key = prev.lower_
                if key in HONORIFICS and prev.text[:1].isupper():
                    start_char = prev.idx
                    kind = "title"
                    honorific_g = HONORIFICS[key]
            m = Ment(start_char, end_char, kind, s.label, self._head(s.start, s.end),
                     self.sent_of[s.start], words)
            for i in range(s.start, s.end):
                self.name_tokens.add(i)
            (persons if s.label == "PERSON" else others).append(m)
            if honorific_g:
                self._pending_gender.append((m, honorific_g))
        self._cluster_persons(persons)
        self._cluster_others(others)

    _pending_gender: list[tuple[Ment, str]]

    def _cluster_persons(self, persons: list[Ment]) -> None:
        full = [m for m in persons if len([w for w in m.words if not _is_initial(w)]) >= 2
                and not _family_only(m.words)]
        short = [m for m in persons if m not in full]
        for m in full:
            target, target_key = -1, None
            kin = self._kin_introduced(m)
            for cid, c in enumerate(self.clusters):
                if c.label != "PERSON":
                    continue
                if not any(len(n) >= 2 and _full_compatible(m.words, n) for n in c.names):
                    continue
                identical = any(tuple(w.lower() for w in n) == tuple(w.lower() for w in m.words)
                                for n in c.names)
                if kin and not identical:
                    # "His cousin, Mykhailo Dorofeyev" after "Mikhail Dorofeyev": a relative
                    # introduced by kin is someone new unless the very name was used before
                    continue
                names_so_far = sum(1 for x in c.mentions if x.kind in ("name", "title"))
                # the same spelling, then the person named most, then the one named first
                key = (identical, names_so_far, -cid)
                if target_key is None or key > target_key:
                    target, target_key = cid, key
            if target < 0:
                target = self._new("PERSON")
            self._add(target, m)
        honorific = {id(m): g for m, g in self._pending_gender}
        for m in sorted(short, key=lambda x: x.start):
            word = m.words[-1]
            best, best_key = -1, None
            local_gender = self._own_clause_gender(m.tok)
            for cid, c in enumerate(self.clusters):
                if c.label != "PERSON":
                    continue
                quality = _short_matches(word, c.names)
                if not quality:
                    continue
                g = honorific.get(id(m)) or local_gender
                if g is not None and any(
                        len(n) >= 2 and given_name_gender(n[0]) not in (None, g)
                        for n in c.names):
                    continue  # "Mr. McDonagh" is not "Mary McDonagh"
                before = [x for x in c.mentions if x.start < m.start]
                if not before and not self._headline_sent(m.sent):
                    # a surname alone before any full name is someone the text introduced
                    # elsewhere, not the one it names in full later ("Hailey ... her late
                    # husband, Oliver Hailey"); news gives the full name first, so only a
                    # headline may run ahead of it
                    continue
                # exact spelling, then mentioned before, then salience; between equals the
                # person introduced first, whom news writing refers to by surname (relatives
                # introduced later keep their given names)
                key = (quality, bool(before), len(before),
                       -min((x.start for x in c.mentions), default=0))
                if best_key is None or key > best_key:
                    best, best_key = cid, key
            if best < 0:
                best = self._new("PERSON")
            self._add(best, m)
        for m, g in self._pending_gender:
            if m.cluster >= 0:
                self.clusters[m.cluster].vote_gender(g, 3.0)

    def _own_clause_gender(self, i: int) -> str | None:
        """The gender a subject's own clause gives it by a possessive or reflexive pronoun.

        In "Krell opened her first gallery" or "With the help of her husband, Brauer opened a
        shop" the pronoun is the subject's own, so a surname alone there is not "Ted Brauer",
        named earlier: it is a woman of that family. An object pronoun ("Brauer thanked her")
        is someone else and says nothing; nor does a pronoun inside a clause with a subject of
        its own ("Brauer said his son ...").
        """
        t = self.sdoc[i]
        if t.dep_ not in _SUBJ:
            return None
        verb = t.head
        found: set[str] = set()
        for p in verb.subtree:
            info = PRONOUNS.get(p.lower_)
            if info is None or info[1] != "sg" or info[0] not in ("m", "f"):
                continue
            if not (p.dep_ == "poss" or info[2] == "refl"):
                continue
            cur, own = p.head, True
            while cur.i != verb.i:
                if any(c.dep_ in _SUBJ for c in cur.children):
                    own = False
                    break
                cur = cur.head
            if own:
                found.add(info[0])
        return found.pop() if len(found) == 1 else None

    def _headline_sent(self, k: int) -> bool:
        """True for an opening sentence that reads as a headline: no closing punctuation."""
        if k != 0 or not self.sent_starts:
            return False
        end = self.sent_starts[1] if len(self.sent_starts) > 1 else len(self.sdoc)
        return end > 0 and unclosed(self.sdoc[:end])

    def _kin_introduced(self, m: Ment) -> bool:
        """ "His cousin, X" / "her brother X" / "Anna's husband, X": a name a kin noun with an
        owner introduces."""
        span = self.sdoc.char_span(m.start, m.end, alignment_mode="expand")
        phrase = phrase_before(self.sdoc, span.start) if span is not None else None
        return phrase is not None and phrase.head in KIN_NOUNS and phrase.owner is not None

    def _cluster_others(self, others: list[Ment]) -> None:
        by_key: dict[tuple[str, str], int] = {}
        acronyms: dict[str, int] = {}
        for m in others:
            key_text = " ".join(m.words).lower()
            key_text = key_text.removeprefix("the ")
            key = (m.label, key_text)
            cid = by_key.get(key)
            if cid is None and len(m.words) == 1 and m.words[0].isupper():
                cid = acronyms.get(m.words[0])
            if cid is None:
                cid = self._new(m.label)
                by_key[key] = cid
            if len(m.words) >= 2:
                initials = "".join(w[0] for w in m.words if w[:1].isupper())
                if len(initials) >= 2:
                    acronyms.setdefault(initials, cid)
            self._add(cid, m)

    # -- attributes --------------------------------------------------------------------------
    def attributes(self) -> None:
        sdoc, text = self.sdoc, self.text
        for cid, c in enumerate(self.clusters):
            if c.label != "PERSON":
                continue
            for m in list(c.mentions):
                if m.kind not in ("name", "title"):
                    continue
                first_tok = sdoc.char_span(m.start, m.end, alignment_mode="expand")
                if first_tok is None:
                    continue
                name_start = first_tok.start
                if m.kind == "title":
                    name_start += 1
                age = age_after(text, m.end) or age_before(text, m.start)
                if age is not None and c.age is None:
                    c.age = age
                for phrase, where in ((phrase_before(sdoc, name_start), "before"),
                                      (phrase_after(sdoc, first_tok.end), "after")):
                    if phrase is None:
                        continue
                    self._apply_phrase(cid, phrase, where)
                g = given_name_gender(m.words[0]) if len(m.words) >= 2 else None
                if g is None and len(m.words) == 1 and not any(len(n) >= 2 for n in c.names):
                    # a lone word may be a family name: "Garcia said he" is no woman; the -a
                    # ending speaks only for a word known as a given name ("Gina", "Yekaterina")
                    g = given_name_gender(m.words[0], endings=_known_given(m.words[0]),
                                          alone=True)
                c.vote_gender(g, 2.0)

    def _apply_phrase(self, cid: int, phrase: RolePhrase, where: str) -> None:
        c = self.clusters[cid]
        # "His father, Samir Haddad, said" / "The foreign minister, Claire Duval, said": a phrase
        # set off by a comma before the name is an apposition, a mention of the same person
        # ("Siegel's wife, Aviva Siegel," only records whose wife she is: as a mention it put
        # a subject next to the owner's name and hurt the pronoun rules on GAP)
        appositive = where == "before" and phrase.determiner not in (None, "'s") and \
            phrase.end < len(self.sdoc) and self.sdoc[phrase.end].text == ","
        if appositive:
            self._add(cid, self._phrase_mention(phrase))
        if phrase.head in KIN_NOUNS and where == "before":
            # "his wife Marta": the kin noun says her gender, not a title or nationality
            c.vote_gender(phrase.gender, 3.0)
            c.roles.add(phrase.head)
            if phrase.owner is not None:
                c.kin_owner_toks.append(phrase.owner)
            return
        title = phrase.title
        if title and title not in c.titles:
            c.titles.append(title)
            c.title_heads.add(phrase.head)
        c.roles.add(phrase.head)
        for country in phrase.countries:
            if country not in c.countries:
                c.countries.append(country)
        if phrase.age is not None and c.age is None:
            c.age = phrase.age
        c.vote_gender(phrase.gender, 3.0)
        if where == "after":
            self._add(cid, self._phrase_mention(phrase))

    def _phrase_mention(self, phrase: RolePhrase) -> Ment:
        start = self.sdoc[phrase.start].idx
        end = self.sdoc[phrase.end - 1].idx + len(self.sdoc[phrase.end - 1].text)
        return Ment(start, end, "description", "PERSON", phrase.end - 1,
                    self.sent_of[phrase.end - 1])

    # -- titles and descriptions -------------------------------------------------------------
    def descriptions(self) -> None:
        sdoc = self.sdoc
        taken = {m.tok for c in self.clusters for m in c.mentions}
        for t in sdoc:
            if t.i in self.name_tokens or t.i in taken or t.lower_ not in ROLE_NOUNS:
                continue
            if t.pos_ not in ("NOUN", "PROPN") or t.tag_ in ("NNS", "NNPS"):
                continue
            # a role noun directly before a name is the name's title, handled with attributes
            nxt = t.i + 1
            if nxt < len(sdoc) and (nxt in self.name_tokens
                                    or sdoc[nxt].text == "," and nxt + 1 in self.name_tokens):
                continue
            # "compound" nouns ("hostage deal") are not people
            if t.dep_ == "compound":
                continue
            phrase = role_phrase_ending_at(sdoc, t.i)
            if phrase is None:
                continue
            det = phrase.determiner
            if det is None and phrase.start > 0 and sdoc[phrase.start - 1].pos_ == "DET":
                continue  # "any foreign aid worker", "every soldier": nobody in particular
            shared_owner = ""
            top = t
            hops = 0
            while top.dep_ in ("conj", "appos") and top.head.i < top.i and hops < 4:
                top = top.head
                hops += 1
            if det is None and top is not t:
                # "His wife Marta, daughter, and sister": the possessive is shared
                owner = [c for c in top.children if c.dep_ == "poss"]
                if owner and owner[0].lower_ in ("his", "her", "their"):
                    det = owner[0].lower_
                    shared_owner = det + " "
            start = sdoc[phrase.start].idx
            end = t.idx + len(t.text)
            if det in ("the", None) or (det and det not in ("a", "an", "another")
                                        and phrase.head in TITLE_NOUNS and phrase.countries):
                cid = self._match_title(phrase, t.i)
                if cid is not None:
                    self._add(cid, Ment(start, end, "title", "PERSON", t.i, self.sent_of[t.i]))
                    continue
                if det == "the" and phrase.head in _ROLE_DESCRIPTIONS:
                    cid = self._salient_person(t.i, phrase.gender)
                    if cid is not None:
                        self._add(cid, Ment(start, end, "description", "PERSON", t.i,
                                            self.sent_of[t.i]))
                        continue
                if det != "the":
                    continue
            named = self.apposed_person(t)
            if named is not None:
                # "A second hostage, the driver Omar Haddad, was killed": the name in apposition
                self._add(named, Ment(start, end, "description", "PERSON", t.i, self.sent_of[t.i]))
                continue
            acts = top.dep_ in ("nsubj", "nsubjpass", "agent")
            if not acts:
                continue
            if det not in ("a", "an", "another", "the", None) and phrase.head in KIN_NOUNS:
                # "his father said" after "his father, Samir Haidar,": the one relative the
                # article already gave that role
                named = [cid for cid, c in enumerate(self.clusters) if c.label == "PERSON"
                         and phrase.head in c.roles and c.names]
                kin = [cid for cid in named
                       if any(m.tok < t.i for m in self.clusters[cid].mentions)]
                if not kin:
                    # "his brother said ..." before "The brother, Eitan X, told ...": the
                    # definite article takes up the relative already spoken of
                    kin = [cid for cid in named if self._definite_kin_before(
                        self.clusters[cid], phrase.head)]
                if len(kin) == 1:
                    self._add(kin[0], Ment(start, end, "description", "PERSON", t.i,
                                           self.sent_of[t.i]))
                    continue
            if det in ("a", "an"):
                cid = self._lede_person(t, phrase)
                if cid is not None:
                    self._apply_phrase(cid, phrase, "after")
                    continue
            # "The Israeli prime minister called Kozlova. He promised her ...": an office the
            # article never names the holder of is still someone a pronoun can refer to
            office = det == "the" and bool(phrase.title) and bool(phrase.countries)
            if det in ("a", "an", "another") or office or (det not in ("the", None) and
                                                           phrase.head in KIN_NOUNS):
                cid = self._new("PERSON")
                c = self.clusters[cid]
                desc = self.text[start:end]
                c.description = shared_owner + desc if shared_owner else desc
                if phrase.title:
                    c.titles.append(phrase.title)
                    c.title_heads.add(phrase.head)
                c.roles.add(phrase.head)
                c.countries.extend(phrase.countries)
                c.vote_gender(phrase.gender, 3.0)
                self._add(cid, Ment(start, end, "description", "PERSON", t.i,
                                    self.sent_of[t.i]))

    def _lede_person(self, t: Token, phrase: RolePhrase) -> int | None:
        """The person a delayed lede describes before naming them.

        "A Maltese fisherman held for 212 days was freed on Tuesday. Joseph Farrugia, 52, was
        seized ...": an indefinite description acting in the article's opening sentence, where
        no one is named yet, is the person the next sentence names as its subject (if gender and
        nationality agree).
        """
        sent = self.sent_of[t.i]
        if sent > 1 or t.dep_ not in _SUBJ:
            return None
        named_here = [c for c in self.clusters if c.label == "PERSON" and c.names
                      and any(m.sent <= sent for m in c.mentions)]
        if named_here:
            return None
        nxt = sorted((m.tok, cid) for cid, c in enumerate(self.clusters)
                     if c.label == "PERSON" for m in c.mentions
                     if m.sent == sent + 1 and m.kind == "name")
        if not nxt:
            return None
        tok, cid = nxt[0]
        c = self.clusters[cid]
        if self.sdoc[tok].dep_ not in _SUBJ or not any(len(n) >= 2 for n in c.names):
            return None
        if phrase.gender is not None and c.gender is not None and phrase.gender != c.gender:
            return None
        if phrase.countries and c.countries and not set(phrase.countries) & set(c.countries):
            return None
        return cid

    def _definite_kin_before(self, c: Cluster, head: str) -> bool:
        """True when the cluster's first name is introduced as "The <kin>, Name"."""
        first = min((m for m in c.mentions if m.kind == "name"), key=lambda m: m.start,
                    default=None)
        if first is None:
            return False
        before = self.text[max(0, first.start - 40):first.start]
        return re.search(rf"\b[Tt]he {re.escape(head)},\s*$", before) is not None

    def apposed_person(self, t: Token) -> int | None:
        """The named person cluster in apposition to noun ``t`` ("A second hostage, the driver
        Omar Haddad,"; "Siegel's wife, Aviva Siegel,"), if any."""
        frontier = [t]
        for _ in range(2):  # "A second hostage, the Jordanian driver Omar Haddad,"
            frontier = [c for f in frontier for c in f.children if c.dep_ == "appos" and c.i > f.i]
            for child in frontier:
                cid = self.tok_cluster.get(child.i)
                if cid is not None and self.clusters[cid].label == "PERSON" and \
                        self.clusters[cid].names:
                    return cid
        return None

    def _salient_person(self, tok: int, gender: str | None) -> int | None:
        """ "the freed hostage": the one person the recent text is about, if there is one."""
        sent = self.sent_of[tok]
        scored: list[tuple[int, int]] = []
        for cid, c in enumerate(self.clusters):
            if c.label != "PERSON" or not c.names:
                continue
            if gender is not None and c.gender is not None and c.gender != gender:
                continue
            # an apposition ("his sister, Ana Quispe") restates a name: count names only
            before = [m for m in c.mentions if m.tok < tok and m.kind != "description"]
            if before and sent - before[-1].sent <= 3:
                scored.append((len(before), cid))
        scored.sort(reverse=True)
        # a clear protagonist only: twice as many mentions as the runner-up
        if scored and scored[0][0] >= 2 and (len(scored) == 1 or scored[0][0] >= 2 * scored[1][0]):
            return scored[0][1]
        return None

    def _match_title(self, phrase: RolePhrase, tok: int) -> int | None:
        best, best_key = None, None
        for cid, c in enumerate(self.clusters):
            if c.label != "PERSON" or not c.mentions:
                continue
            if phrase.head not in c.title_heads and phrase.head not in c.roles:
                continue
            if phrase.countries and c.countries and not set(phrase.countries) & set(c.countries):
                continue
            before = [m for m in c.mentions if m.tok < tok]
            key = (bool(before), max((m.tok for m in before), default=-1))
            if best_key is None or key > best_key:
                best, best_key = cid, key
        return best

    # -- pronouns ----------------------------------------------------------------------------
    def pronouns(self) -> None:
        sdoc = self.sdoc
        firsts = [min(m.tok for m in c.mentions) for c in self.clusters
                  if c.label == "PERSON" and c.mentions]
        self._first_person_tok = min(firsts) if firsts else -1
        self._done: set[int] = set()
        for t in sdoc:
            self._pronoun(t)

    def _pronoun(self, t: Token) -> None:
        info = PRONOUNS.get(t.lower_)
        if info is None or t.i in self.tok_cluster or t.i in self._done:
            return
        self._done.add(t.i)
        if t.lower_ == "her" and t.dep_ == "poss":
            info = ("f", "sg", "poss")
        cid = self._resolve_pronoun(t, info)
        if cid is None:
            return
        self.clusters[cid].vote_gender(info[0], PRONOUN_WEIGHTS["gender_vote"])
        self._add(cid, Ment(t.idx, t.idx + len(t.text), "pronoun", "PERSON", t.i,
                            self.sent_of[t.i]))

    def _relative_of(self, cid: int, gender: str, blocked: set[int]) -> int | None:
        """The one person whose relative cluster ``cid`` was introduced as, if that person can
        take a pronoun of ``gender``."""
        owners = set()
        for i in self.clusters[cid].kin_owner_toks:
            if i not in self.tok_cluster:
                self._pronoun(self.sdoc[i])
            owner = self.tok_cluster.get(i)
            if owner is not None:
                owners.add(owner)
        if len(owners) != 1:
            return None
        owner = owners.pop()
        c = self.clusters[owner]
        if owner in blocked or c.label != "PERSON" or (c.gender is not None and
                                                       c.gender != gender):
            return None
        return owner

    def _quote_speaker(self, t: Token) -> int | None:
        """The cluster of the speaker of the direct quotation ``t`` sits in, if known.

        A third-person pronoun inside a quotation never names its speaker ("'They took him,'
        she said"). A pronoun speaker ("he said") after the quotation is resolved first.
        """
        return self._speaker_in(t, self.quotes)

    def _speaker_in(self, t: Token, quotes: Sequence[tuple[int, int, int, int]]) -> int | None:
        for q_start, q_end, s_start, s_end in quotes:
            if not q_start <= t.idx < q_end:
                continue
            span = self.sdoc.char_span(s_start, s_end, alignment_mode="expand")
            if span is None or len(span) == 0:
                return None
            root = span.root
            if root.i not in self.tok_cluster and root.i != t.i:
                self._pronoun(root)
            return self.tok_cluster.get(root.i)
        return None

    def _clause_subject(self, t: Token) -> Token | None:
        """The subject of the clause ``t`` sits in; for a relative clause ("who is not related
        to him"), the noun the relative pronoun stands for."""
        head = t.head
        if t.dep_ == "pobj" and head.dep_ in ("prep", "agent", "dative"):
            head = head.head
        for _ in range(3):
            for child in head.children:
                if child.dep_ in _SUBJ:
                    if child.tag_ in ("WP", "WDT") and head.dep_ == "relcl":
                        return head.head
                    return child
            # a predicate adjective or complement takes its clause's subject ("is related to"),
            # and so does the second of two coordinated verbs ("Ada joined the band but was
            # dropped by him": not Ada)
            if head.head is head or head.dep_ not in ("acomp", "attr", "oprd", "xcomp") and not (
                    head.dep_ == "conj" and head.pos_ in ("VERB", "AUX")
                    and head.head.pos_ in ("VERB", "AUX")):
                break
            head = head.head
        return None

    def _resolve_pronoun(self, t: Token, info: tuple[str, str, str]) -> int | None:
        case = info[2]
        # a possessive is never the person its own phrase names ("her lawyer, Kit Sorel": her
        # is not the lawyer)
        blocked: set[int] = {cid for cid, c in enumerate(self.clusters)
                             if any(m.start <= t.idx < m.end for m in c.mentions)}
        if case in ("obj",) and t.dep_ in _OBJ:
            subj = self._clause_subject(t)
            if subj is not None and subj.i in self.tok_cluster:
                blocked.add(self.tok_cluster[subj.i])
        speaker = self._quote_speaker(t)
        if speaker is not None:
            blocked.add(speaker)
            relative = self._relative_of(speaker, info[0], blocked)
            if relative is not None and case != "refl":
                # a relative quoted in the news talks about the person they are kin to:
                # "'I never stopped believing he would come home,' said Siegel's wife"
                return relative
        elif case in ("obj", "poss") and self.reported:
            # "His brother said the family had not heard from him": what a relative reports is
            # about the person they are kin to (not for a subject: "his brother said he would
            # travel" is the brother's own plan)
            reporter = self._speaker_in(t, self.reported)
            if reporter is not None:
                relative = self._relative_of(reporter, info[0], blocked | {reporter})
                if relative is not None:
                    return relative
        reflexive_target: int | None = None
        if case == "refl":
            subj = self._clause_subject(t)
            if subj is not None:
                reflexive_target = self.tok_cluster.get(subj.i)
        if reflexive_target is not None:
            return reflexive_target
        if case == "subj":
            reporter = self._reporting_subject(t, info[0], blocked)
            if reporter is not None:
                return reporter
        if case in ("subj", "poss"):
            fronted = self._fronted_subject(t, info[0], blocked)
            if fronted is not None:
                return fronted
        cands = self.pronoun_candidates(t, info, blocked)
        if self.scorer is not None and not _quote_attribution(t):
            return self.scorer.choose(self, t, cands)
        return rule_choice(cands)

    def _reporting_subject(self, t: Token, gender: str, blocked: set[int]) -> int | None:
        """The person who reports or thinks the clause a subject pronoun stands in.

        In "Vera Holm explained that she wanted to stay" or "Pavel decided that he would go
        back" the reported clause's subject is the reporter's own self, however the sentence
        before ended. Not when the verb has an addressee ("Ana tells Rosa she will win":
        either), nor when the reporter is someone's ("Her lawyer said she would appeal": the
        client; the kin rules see to "his brother said") or speaks for others by trade (a
        spokesman, a lawyer, an official): then the reporter joins ``blocked``.
        """
        verb = _reporting_verb(t)
        if verb is None or t.head.i < t.i or (
                verb.lemma_ not in SPEECH_VERBS and verb.lemma_ not in _THINK_VERBS):
            return None
        if any(c.dep_ in ("dobj", "dative", "iobj") for c in verb.children):
            return None
        subj = next((c for c in verb.children if c.dep_ in _SUBJ and c.i < t.head.i), None)
        if subj is None:
            return None
        if subj.lower_ in ("who", "that") and verb.dep_ == "relcl":
            subj = verb.head  # "Dutka, who had decided he would play on"
        if any(c.dep_ == "poss" for c in subj.children):
            return None
        cid = self.tok_cluster.get(subj.i)
        if cid is None or cid in blocked:
            return None
        c = self.clusters[cid]
        if c.label != "PERSON" or (c.gender is not None and c.gender != gender):
            return None
        if subj.lower_ in _SPEAKS_FOR or c.roles & _SPEAKS_FOR or any(
                a.dep_ == "appos" and a.lower_ in _SPEAKS_FOR for a in subj.children):
            # "Garcia, the ministry's spokesman, said he would be met": the freed man, so not
            # the spokesman either
            blocked.add(cid)
            return None
        return cid

    def _fronted_subject(self, t: Token, gender: str, blocked: set[int]) -> int | None:
        """The subject of the clause a preposed adjunct holding ``t`` leads into.

        In "With his coworkers, Patrick starts over" or "When she was freed, Levin said" the
        pronoun points forward to the subject that follows its adjunct, whoever the sentence before
        was about. Not when a person who could take the pronoun comes before it in the sentence
        ("After Lee met his wife, Kim said": then "his" is Lee's), nor when the main clause has
        another pronoun of that gender as an object ("When he arrived, Kim greeted him": two
        people).
        """
        cur = t
        for _ in range(12):
            head = cur.head
            if head is cur:
                return None
            if cur.dep_ in _FRONTED and head.pos_ in ("VERB", "AUX") and cur.i < head.i:
                break
            if cur.dep_ in ("ccomp", "relcl", "acl", "conj", "parataxis", "xcomp") and \
                    head.pos_ in ("VERB", "AUX"):
                return None  # a clause of its own: its subject is no adjunct's
            cur = head
        else:
            return None
        subj = next((c for c in head.children if c.dep_ in _SUBJ), None)
        if subj is None or subj.i <= max(x.i for x in cur.subtree):
            return None
        cid = self.tok_cluster.get(subj.i)
        if cid is None:
            # "Although she rarely sang lead, Greisen's harmonies ...": the subject's owner
            owner = next((c for c in subj.children if c.dep_ == "poss"), None)
            cid = self.tok_cluster.get(owner.i) if owner is not None else None
        if cid is None or cid in blocked:
            return None
        c = self.clusters[cid]
        if c.label != "PERSON" or (c.gender is not None and c.gender != gender):
            return None
        sent_start = t.sent.start
        for i in range(sent_start, t.i):
            other = self.tok_cluster.get(i)
            if other is None or other == cid:
                continue
            o = self.clusters[other]
            if o.label == "PERSON" and (o.gender is None or o.gender == gender):
                return None
        for w in head.subtree:
            if w.i > subj.i and w.dep_ in _OBJ and PRONOUNS.get(w.lower_, ("", "", ""))[0] == \
                    gender and PRONOUNS[w.lower_][2] == "obj":
                return None
        return cid

    def pronoun_candidates(self, t: Token, info: tuple[str, str, str],
                           blocked: set[int] | frozenset[int] = frozenset()
                           ) -> list[PronounCandidate]:
        """Every person cluster the pronoun may refer to, with the features of the rule score.

        A cluster with a mention in the last three sentences before the pronoun is scored from
        its nearest such mention; one mentioned only just after it (in the same or the next
        sentence) is a cataphora candidate with ``after`` set.
        """
        gender = info[0]
        sent = self.sent_of[t.i]
        role = _role(t)
        sent_root = self._sent_root(t)
        out: list[PronounCandidate] = []
        for cid, c in enumerate(self.clusters):
            if c.label != "PERSON" or cid in blocked:
                continue
            if c.gender is not None and c.gender != gender:
                continue
            before = [m for m in c.mentions if m.tok < t.i and sent - m.sent <= 3]
            if not before:
                after = [m for m in c.mentions if m.tok > t.i and m.sent == sent]
                if after:
                    first = min(after, key=lambda m: m.tok)
                    rep = _representative(after, first, before=False)
                    out.append(PronounCandidate(cid, {}, first.tok, True, rep.start, rep.end))
                continue
            last = max(before, key=lambda m: m.tok)
            dist_sent = sent - last.sent
            tok = self.sdoc[last.tok]
            f = {
                "sent_dist": float(dist_sent),
                "tok_dist": min(t.i - last.tok, 60) / 60,
                "subj_recent": float(any(self.sdoc[m.tok].dep_ in _SUBJ
                                         for m in before if sent - m.sent <= 1)),
                "parallel": float(role != "other" and _role(tok) == role),
                "last_poss": float(tok.dep_ == "poss"),
                "last_pobj_same": float(tok.dep_ == "pobj" and dist_sent == 0),
                "main_subj_same": float(dist_sent == 0 and any(
                    self.sdoc[m.tok].dep_ in _SUBJ and self.sdoc[m.tok].head.i == sent_root
                    for m in before if m.sent == sent)),
                "salience": math.log1p(len(c.mentions)),
                "subj_count": math.log1p(
                    sum(1 for m in c.mentions if self.sdoc[m.tok].dep_ in _SUBJ)),
                "gender_match": float(c.gender == gender),
                "first": float(bool(c.mentions) and min(m.tok for m in c.mentions)
                               == self._first_person_tok),
            }
            rep = _representative(before, last, before=True)
            out.append(PronounCandidate(cid, f, last.tok, False, rep.start, rep.end))
        return out

    def _sent_root(self, t: Token) -> int:
        try:
            return t.sent.root.i
        except ValueError:
            return -1

    # -- output ------------------------------------------------------------------------------
    def run(self) -> list[Cluster]:
        self._pending_gender = []
        self.names()
        self.attributes()
        self.descriptions()
        self.pronouns()
        return self.clusters

    def name_of(self, c: Cluster) -> str:
        if c.description and not c.names:
            return c.description
        best = max(c.names, key=lambda n: (len([w for w in n if not _is_initial(w)]), len(n)),
                   default=None)
        if best is None:
            m = c.mentions[0]
            return self.text[m.start:m.end]
        # the surface text of the first mention spelled that way keeps original spacing
        for m in c.mentions:
            if m.words == best and m.kind == "name":
                return self.text[m.start:m.end]
        return " ".join(best)


def cluster_attributes(c: Cluster) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if c.age is not None:
        out["age"] = c.age
    if c.titles:
        out["title"] = list(c.titles)
    if c.countries:
        out["citizenship"] = list(dict.fromkeys(c.countries))
    if c.gender is not None and c.label == "PERSON":
        out["gender"] = c.gender
    return out
