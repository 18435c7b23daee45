"""Cross-article entity resolution: blocking keys and a link score with evidence.

The store links each new article's entities to stored clusters. Work stays close to linear in the
number of stored entities because a new entity is scored only against clusters that share a
blocking key (:func:`block_keys`): for people, a phonetic key of the family name joined with a
key of the given name (its diminutive group, else its phonetic key), so "Kostya Bilousov"
and "Konstantin Byelousov" meet while the thousands of other people called Smith or Alexander do
not. Entities are stored under :func:`index_keys`, which adds coarse keys so that a surname alone
("Belousov") or an initial ("K. Belousov") in a later article still finds the full name.

:func:`link_score` combines name compatibility (:func:`newsgraph.names.compare`) with context:
co-occurring people, places, organizations, titles, ages and relations. Context can raise a
weak name match over :data:`LINK_THRESHOLD` and can also veto a strong one: two people of one
family name whose given names are not variants of each other, or whose ages at a common date
differ, stay apart (father and son).

An unnamed actor ("a Peruvian deputy trade minister") names nobody, but its office may: it meets
the named holders of that office through :func:`office_keys`, scores by office and shared story
(:func:`link_score`), and :func:`choose_link` links it only when exactly one named person fits.

:class:`Resolver` is an in-memory version of the store's loop, used by benchmarks and tests.
"""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from .names import canonical_given, compare, fold, masculine, parse, skeleton
from .names.compare import THRESHOLD as NAME_THRESHOLD
from .names.lexicon import PARTICLES, groups
from .names.parse import ParsedName, strip_article
from .people.lexicon import COUNTRIES

log = logging.getLogger(__name__)

LINK_THRESHOLD: float = 0.7

Context = dict[str, Any]


@dataclass
class Profile:
    """One entity as seen in one article, or a stored cluster's accumulated view."""

    key: str
    type: str
    name: str
    aliases: list[str] = field(default_factory=list)
    # people, places, orgs, titles, citizenship, relations: lists of strings;
    # age (int) with age_year (int, the year the age was stated)
    context: Context = field(default_factory=dict)

    def names(self) -> list[str]:
        """Distinct names; for people, descriptors before the name are cut off."""
        seen: dict[str, None] = {}
        for n in (self.name, *self.aliases):
            if n and n.strip():
                seen.setdefault(person_core(n.strip()) if self.type == "PERSON" else n.strip(), None)
        return list(seen)


@lru_cache(maxsize=65536)
def person_core(name: str) -> str:
    """"EADS chief executive Louis Gallois" -> "Louis Gallois": the words after the last
    lower-case word (particles such as "van" or "al-" excepted) are the name; leading titles go
    later, in :func:`~newsgraph.names.parse`."""
    words = name.split()
    cut = -1
    for i, w in enumerate(words):
        possessive = w in ("'s", "\u2019s", "'", "\u2019") or w.endswith(("'s", "\u2019s"))
        if possessive or (w[:1].islower() and fold(w) not in PARTICLES and strip_article(w) == w):
            cut = i
    rest = words[cut + 1:]
    return " ".join(rest) if rest else name


# -- phonetic keys -------------------------------------------------------------------------------

# coarse classes: letters that romanizations of one native letter spread over
_PHON = str.maketrans({
    "p": "f", "b": "f", "v": "f", "w": "f",
    "k": "k", "g": "k", "h": "k", "C": "k", "q": "k", "c": "k",
    "s": "s", "z": "s", "X": "s", "Z": "s", "j": "s",
    "d": "t", "t": "t",
    "m": "m", "n": "n", "l": "l", "r": "r",
})
_VOWELS_RE = re.compile(r"[aeiouy]")
_DOUBLE = re.compile(r"(.)\1+")


def phonetic_key(word: str) -> str:
    """A coarse, transliteration-stable key of one name word (Belousov/Bilousov/Byelousov)."""
    w = strip_article(word)
    m = masculine(w)
    sk = skeleton(m if m else w)
    if not sk:
        return ""
    head = "a" if sk[0] in "aeiouy" else sk[0].translate(_PHON)
    body = _VOWELS_RE.sub("", sk[1:]).translate(_PHON)
    return _DOUBLE.sub(r"\1", head + body)[:6]


def _sound(word: str) -> str:
    return "a" if word[:1] in ("a", "e", "i", "o", "u", "y") else word[:1].translate(_PHON)


@lru_cache(maxsize=65536)
def _given_keys(word: str) -> frozenset[str]:
    """Keys of a given name: its phonetic key, its diminutive group (Sasha ~ Alexander), and the
    keys of the English names it is a nickname of or that are its nicknames (Bill ~ William,
    Jake ~ Jacob)."""
    keys = {phonetic_key(word)}
    canon = canonical_given(word)
    if canon.startswith("g"):
        keys.add(canon)
    for c in groups().direct.get(skeleton(word), frozenset()):
        keys.add(phonetic_key(c))
    return frozenset(k for k in keys if k)


_ORG_STOP = frozenset({
    "the", "of", "and", "for", "inc", "co", "corp", "corporation", "company", "ltd", "limited", "plc",
    "llc", "sa", "ag", "nv", "gmbh", "group", "holdings", "holding", "de", "la", "le", "du", "des",
    "del", "&", "s", "a", "an", "in", "on", "at", "to",
})


_GENERIC = frozenset({
    "university", "college", "school", "institute", "party", "ministry", "department", "bank",
    "council", "committee", "association", "international", "national", "news", "times", "post",
    "agency", "office", "court", "army", "force", "forces", "police", "service", "services",
    "foundation", "union", "federation", "league", "club", "church", "hospital", "airport",
    "airlines", "united", "states", "state", "city", "county", "republic", "people", "peoples",
    "new", "north", "south", "east", "west", "central", "general", "democratic", "federal",
    "american", "european", "world", "global", "media", "press", "network", "center", "centre",
})


def _org_tokens(name: str) -> list[str]:
    toks = [fold(t) for t in re.split(r"[\s\-/,.()']+", name)]
    return [t for t in toks if t and t not in _ORG_STOP]


def _acronym(name: str) -> str:
    words = [w for w in re.split(r"[\s\-]+", name) if w and fold(w) not in _ORG_STOP]
    if len(words) < 2:
        return ""
    return "".join(fold(w)[:1] for w in words)


def _person_parts(name: str) -> ParsedName:
    return parse(name)


def _person_block(name: str) -> tuple[set[str], set[str]]:
    """(keys to look up and store, extra keys only to store) for one person name."""
    pn = _person_parts(name)
    if not pn.family:
        if pn.given:
            return {f"g:{k}" for k in _given_keys(pn.given[0]) if k.startswith("g")}, set()
        return set(), set()
    fam = phonetic_key(pn.family.replace(" ", ""))
    if not fam:
        return set(), set()
    if pn.given:
        first = skeleton(pn.given[0])
        # an initial is written from the spelling ("J." for John, "C." for Cecilia), so both
        # the spelled letter and the skeleton's first sound are keys
        sounds = {_sound(first), _sound(fold(pn.given[0])[:1])}
        sounds |= {_sound(k) for k in groups().direct.get(first, frozenset())}
        extra = {f"p:{fam}"} | {f"p:{fam}:i:{x}" for x in sounds}
        return {f"p:{fam}:{g}" for g in _given_keys(pn.given[0])}, extra
    if pn.initials:
        return {f"p:{fam}:i:{_sound(skeleton(pn.initials[0]))}"}, {f"p:{fam}"}
    return {f"p:{fam}"}, set()


def block_keys(p: Profile) -> set[str]:
    """Blocking keys: candidates for :func:`link_score` are the clusters that share one.

    People: a full name gives ``p:FAMILY:GIVEN`` (phonetic family key, given-name diminutive group
    or phonetic key), so the many people of one family name do not all meet; a surname alone
    gives ``p:FAMILY``, an initial ``p:FAMILY:i:SOUND``; a person with kin in the context also
    gets the given-name keys of :func:`_kin_keys`, and a person with an office among their titles
    the keys of the other side's holders of it (:func:`office_keys`). Other types: each content
    word of the proper-name head, plus the acronym of multi-word names. Use these keys to look
    candidates up; store each entity under :func:`index_keys`, which adds the coarse keys by
    which a surname alone or an initial finds a full name.
    """
    keys: set[str] = set()
    if p.type == "PERSON":
        for n in p.names():
            if is_person_name(n):
                keys |= _person_block(n)[0]
        return keys | _kin_keys(p) | office_keys(p)[0]
    for n in p.names():
        toks = [t for t in _org_tokens(n) if len(t) > 1]
        # generic words would make blocks of every university or ministry in the store
        specific = [t for t in toks if t not in _GENERIC] or toks
        keys.update(f"w:{skeleton(t)}" for t in specific)
        ac = _acronym(n)
        if ac:
            keys.add(f"w:{skeleton(ac)}")
    return keys


def index_keys(p: Profile) -> set[str]:
    """Keys to store an entity under: :func:`block_keys` plus, for full person names, the
    family-only and family-plus-initial keys (looked up only by surname-alone or initial mentions,
    so full names still meet only their own small blocks); for a person with an office, the
    office keys of their own side instead of those they look up."""
    keys = block_keys(p)
    if p.type == "PERSON":
        for n in p.names():
            if is_person_name(n):
                keys |= _person_block(n)[1]
        probe, store = office_keys(p)
        # filed under its own side's office keys only, so named holders never meet each other
        keys = (keys - probe) | store
    return keys


# -- offices -------------------------------------------------------------------------------------

# heads of titles that name a post one person holds at a time in a country or body; "a lawyer",
# "an official", "a soldier" or "a general" describe people that one story often has several of
_OFFICE_HEADS = frozenset(fold(w) for w in (
    "president", "vice-president", "president-elect", "minister", "chancellor", "chancellor-elect",
    "premier", "king", "queen", "emperor", "empress", "pope", "governor", "mayor", "ambassador",
    "envoy", "secretary", "spokesman", "spokeswoman", "spokesperson", "chairman", "chairwoman",
    "chair", "ceo", "chief", "director", "commander", "prosecutor", "senator", "congressman",
    "congresswoman", "archbishop", "ayatollah",
))
# "former" and "acting" stay in the office: a former minister is not the one in office
_OFFICE_STOP = frozenset({"the", "a", "an", "its", "his", "her", "their", "and", "for"})
_COUNTRY = frozenset(" ".join(fold(w) for w in c.split() if fold(w)) for c in COUNTRIES)

#: stored entities scored per office key, the most recent first: a common office ("the police
#: spokesman") must not make every holder meet every description of it
OFFICE_CANDIDATES: int = 64


@lru_cache(maxsize=65536)
def office(title: str) -> tuple[str, str] | None:
    """(office, country) of a title whose head is a post: "Deputy Trade Minister of Peru" ->
    ("deputy minister trade", "peru"), "Minister of Trade" -> ("minister trade", ""); None for
    "Lawyer" or "the freed hostage". The office is its words in a fixed order, so "Trade
    Minister" and "Minister of Trade" are one office."""
    t = _norm(title)
    country = ""
    rest, sep, tail = t.rpartition(" of ")
    if sep and tail in _COUNTRY:
        t, country = rest, tail
    head = t.split(" of ")[0].split()
    if not head or head[-1] not in _OFFICE_HEADS:
        return None
    words = {w for w in t.split() if w not in _OFFICE_STOP and w != "of"}
    return " ".join(sorted(words)), country


def _offices(ctx: Context) -> list[tuple[str, str]]:
    return [o for t in _ctx_list(ctx, "titles") if (o := office(t))]


def _office_countries(ctx: Context) -> dict[str, tuple[set[str], str]]:
    """Office -> (its countries, one title that names it). A country comes from the titles of
    that office, else from the person's citizenship ("Deputy Trade Minister Ana Ruiz" with
    citizenship Peru)."""
    out: dict[str, tuple[set[str], str]] = {}
    for t in _ctx_list(ctx, "titles"):
        o = office(t)
        if o is None:
            continue
        countries, _ = out.setdefault(o[0], (set(), t))
        if o[1]:
            countries.add(o[1])
    citizenship = {_norm(c) for c in _ctx_list(ctx, "citizenship")}
    return {w: (cs or set(citizenship), t) for w, (cs, t) in out.items()}


def _office_match(a: Context, b: Context) -> tuple[set[str], str, str] | None:
    """(countries, title of a, title of b) of an office both hold: the same office, and the same
    country when both say one."""
    oa, ob = _office_countries(a), _office_countries(b)
    for w in sorted(oa.keys() & ob.keys()):
        (ca, ta), (cb, tb) = oa[w], ob[w]
        if ca and cb and not ca & cb:
            continue
        return (ca & cb) or ca or cb, ta, tb
    return None


def is_named(p: Profile) -> bool:
    """Whether a person has a proper name at all (else it is an unnamed actor, a description)."""
    return any(is_person_name(n) for n in p.names())


def office_link(a: Profile, b: Profile) -> bool:
    """Whether a link between two people would rest on an office: one side has no name."""
    return a.type == b.type == "PERSON" and is_named(a) != is_named(b)


def office_keys(p: Profile) -> tuple[set[str], set[str]]:
    """(keys to look up, keys to store under) of a person's offices.

    Descriptions ("a Peruvian deputy trade minister") are filed under ``ou:OFFICE:COUNTRY`` and
    named holders under ``on:OFFICE:COUNTRY`` (``-`` for no country), each also under
    ``OFFICE:*``; each side looks up the other's keys: with a country its own and the
    country-less one, without one every country's. So a description meets only the named
    holders of its office, never the people who share its name or its other descriptions, and
    only people whose titles carry an office get any such key.
    """
    if p.type != "PERSON":
        return set(), set()
    offices = _offices(p.context)
    if not offices:
        return set(), set()
    side, other = ("on", "ou") if is_named(p) else ("ou", "on")
    probe: set[str] = set()
    store: set[str] = set()
    for words, country in offices:
        store |= {f"{side}:{words}:{country or '-'}", f"{side}:{words}:*"}
        probe |= {f"{other}:{words}:{country}", f"{other}:{words}:-"} if country else \
            {f"{other}:{words}:*"}
    return probe, store


def is_office_key(key: str) -> bool:
    """Whether a key of :func:`block_keys` is an office key (looked up with a cap on the block)."""
    return key.startswith(("on:", "ou:"))


# -- kin -----------------------------------------------------------------------------------------

# kin predicates as the person's role towards the relative: the subject of "mother_of" is a parent
# of the object, and the object a child of the subject; symmetric roles read the same both ways.
# Gender is dropped (mother/father -> parent): the given names already carry it.
_KIN_ROLE: dict[str, tuple[str, str]] = {
    "spouse_of": ("spouse", "spouse"), "partner_of": ("spouse", "spouse"),
    "wife_of": ("spouse", "spouse"), "husband_of": ("spouse", "spouse"),
    "brother_of": ("sibling", "sibling"), "sister_of": ("sibling", "sibling"),
    "sibling_of": ("sibling", "sibling"), "cousin_of": ("cousin", "cousin"),
    "mother_of": ("parent", "child"), "father_of": ("parent", "child"), "parent_of": ("parent", "child"),
    "son_of": ("child", "parent"), "daughter_of": ("child", "parent"), "child_of": ("child", "parent"),
    "grandmother_of": ("grandparent", "grandchild"), "grandfather_of": ("grandparent", "grandchild"),
    "grandparent_of": ("grandparent", "grandchild"), "grandchild_of": ("grandchild", "grandparent"),
    "uncle_of": ("uncle", "nephew"), "aunt_of": ("uncle", "nephew"),
    "nephew_of": ("nephew", "uncle"), "niece_of": ("nephew", "uncle"),
}


def kin_role(predicate: str, subject: bool) -> str | None:
    """The role of a relation's subject (``subject``) or object towards the other side, for kin
    predicates; None for other relations. Context lists keep kin as ``role:relative``."""
    roles = _KIN_ROLE.get(predicate)
    return None if roles is None else roles[0 if subject else 1]


def _kin(ctx: Context) -> list[tuple[str, str]]:
    """(role, relative's name) of the kin entries that name the relative."""
    out = []
    for x in _ctx_list(ctx, "kin"):
        role, _, other = x.partition(":")
        if role and other and is_person_name(other):
            out.append((role, person_core(other)))
    return out


@lru_cache(maxsize=65536)
def _family_key(name: str) -> str:
    """Phonetic key of a full name's family name (gender forms fold together), else ""."""
    pn = parse(name)
    return phonetic_key(pn.family.replace(" ", "")) if pn.family and (pn.given or pn.initials) else ""


def _kin_families(ctx: Context) -> set[str]:
    return {k for _, other in _kin(ctx) if (k := _family_key(other))}


def _bare_word(name: str) -> str:
    """The one word of a one-word person name, else ""."""
    pn = parse(name)
    if pn.given or pn.initials or not pn.family or " " in pn.family.strip():
        return ""
    return pn.family


def _kin_keys(p: Profile) -> set[str]:
    """Keys that meet a person by given name and a relative's family name.

    A one-word name with a relative of another family name is a given name ("his wife Marta" of
    Konstantin Belousov): it gets the key of the full name that the relation implies
    (``p:BELOUSOV:MARTA``, which "Marta Bilousova" has) and ``k:BELOUSOV:MARTA``, the key that
    every person with a given name and a relative named Belousov has, whatever their own family
    name ("Marta Kowalska, his wife"). Only people with kin in their context get these keys, so a
    given name alone never joins the block of everyone with that given name.
    """
    fams = _kin_families(p.context)
    if not fams:
        return set()
    keys: set[str] = set()
    for n in p.names():
        if not is_person_name(n):
            continue
        pn = parse(n)
        word = _bare_word(n)
        if word:
            if phonetic_key(word) in fams:
                continue  # "Bilousov", brother of Pavlo Bilousov: a surname, not a given name
            givens = _given_keys(word)
            keys |= {f"p:{f}:{g}" for f in fams for g in givens}
        elif pn.given and pn.family:
            givens = _given_keys(pn.given[0])
        else:
            continue
        keys |= {f"k:{f}:{g}" for f in fams for g in givens}
    return keys


# -- scoring -------------------------------------------------------------------------------------

@lru_cache(maxsize=131072)
def _full(name: str) -> bool:
    pn = parse(name)
    return bool(pn.family and (pn.given or pn.initials))


def _ctx_list(ctx: Context, key: str) -> list[str]:
    v = ctx.get(key)
    return [str(x) for x in v] if isinstance(v, list) else []


@lru_cache(maxsize=131072)
def _norm(s: str) -> str:
    return " ".join(fold(w) for w in s.split() if fold(w))


@lru_cache(maxsize=131072)
def _person_keys(name: str) -> frozenset[str]:
    return frozenset(index_keys(Profile("", "PERSON", name)))


def _shared_people(a: Sequence[str], b: Sequence[str], exclude: Sequence[str]) -> list[str]:
    """Co-occurring people of both sides: same folded name, or full names that block together
    and compare as the same person."""
    ex = {_norm(x) for x in exclude}
    b_norm = {_norm(y) for y in b} - ex
    by_key: dict[str, list[str]] = defaultdict(list)
    for y in b:
        if _norm(y) not in ex and _full(y):
            for k in _person_keys(y):
                by_key[k].append(y)
    out: list[str] = []
    for x in a:
        nx = _norm(x)
        if nx in ex:
            continue
        if nx in b_norm:
            out.append(x)
            continue
        if not _full(x):
            continue
        cands = {y for k in _person_keys(x) for y in by_key.get(k, ())}
        if any(compare(x, y).score >= 0.85 for y in cands):
            out.append(x)
    return out


def _shared(a: Sequence[str], b: Sequence[str]) -> list[str]:
    nb = {_norm(y) for y in b}
    return [x for x in a if _norm(x) in nb]


_TITLE_STOP = frozenset({"the", "a", "an", "of", "for", "and", "former", "then", "new", "its", "his",
                         "her", "their"})


def _title_words(title: str) -> frozenset[str]:
    return frozenset(w for w in _norm(title).split() if w not in _TITLE_STOP)


def _shared_titles(a: Sequence[str], b: Sequence[str]) -> list[str]:
    """Titles of both sides, one contained in the other ("president" ~ "the foreign minister")."""
    wb = [_title_words(y) for y in b]
    out = []
    for x in a:
        wx = _title_words(x)
        if wx and any(wy and (wx <= wy or wy <= wx) for wy in wb):
            out.append(x)
    return out


def _shared_relations(a: Sequence[str], b: Sequence[str]) -> list[str]:
    """Relations ``predicate:other`` of both sides: same predicate, other named compatibly."""
    out = []
    for x in a:
        px, _, ox = x.partition(":")
        for y in b:
            py, _, oy = y.partition(":")
            if px == py and (_norm(ox) == _norm(oy) or (_is_proper(ox) and _is_proper(oy)
                                                      and compare(ox, oy).score >= 0.85)):
                out.append(x)
                break
    return out


def _age_conflict(new: Context, old: Context) -> str | None:
    try:
        a1, y1, a2, y2 = int(new["age"]), int(new["age_year"]), int(old["age"]), int(old["age_year"])
    except (KeyError, TypeError, ValueError):
        return None
    expected = a2 + (y1 - y2)
    if abs(a1 - expected) > 1:
        return f"ages differ: {a1} in {y1} vs {a2} in {y2}"
    return None


def _gender_forms_differ(a: str, b: str) -> bool:
    pa, pb = parse(a), parse(b)
    if not (pa.family and pb.family):
        return False
    fa, fb = fold(pa.family.split()[-1]), fold(pb.family.split()[-1])
    return fa != fb and (masculine(fa) is None) != (masculine(fb) is None)


def _name_evidence(new_all: Sequence[str], old_all: Sequence[str]) -> tuple[float, str, float]:
    """Best name match, its reason, and how informative the matched names are."""
    best, why, weight = 0.0, "no compatible name", 0.0
    new_names = [n for n in new_all if is_person_name(n)]
    old_names = [n for n in old_all if is_person_name(n)]
    new_full = [n for n in new_names if _full(n)]
    old_full = [n for n in old_names if _full(n)]
    if new_full and old_full:
        # full names speak for the person: if every full-name pair fails, the given names or
        # initials disagree (father and son, two Alexanders) and shorter forms must not rescue it
        for a in new_full:
            for b in old_full:
                m = compare(a, b)
                if m.score > best:
                    best, why = m.score, f"{a!r} ~ {b!r}: {m.reason}"
        return best, why, 0.85
    for a in new_names:
        for b in old_names:
            m = compare(a, b)
            if _gender_forms_differ(a, b):
                # a masculine surname alone does not name the woman of that family (nor back)
                m = type(m)(m.score * 0.6, m.score * 0.6 >= NAME_THRESHOLD, m.reason + "; other gender form")
            w = 0.85 if _full(a) and _full(b) else (0.6 if (parse(a).family and parse(b).family) else 0.4)
            if w < 0.85 and m.score < 0.9:
                # a lone surname in another spelling (Paul/Pell) is weak: context must carry it
                w *= 0.5
            if m.score * w > best * weight or (best == 0 and m.score > 0):
                best, why, weight = m.score, f"{a!r} ~ {b!r}: {m.reason}", w
    return best, why, weight


def _given_word(word: str, ctx: Context) -> bool:
    """Whether a one-word name is a given name by its kin: the relatives have other family
    names ("his wife Marta" of Belousov; "Bilousov", brother of Pavlo Bilousov, is a surname)."""
    fams = _kin_families(ctx)
    return bool(fams) and phonetic_key(word) not in fams


def _given_alone(new: Profile, old: Profile, new_names: Sequence[str],
                 old_names: Sequence[str]) -> tuple[Profile, Profile] | None:
    """(one-word side, other side) when one side is named by a given name alone.

    Against full names the word is a given name unless it is their family name ("Belousov");
    against another one-word name, when the kin of either side shows it is a given name.
    """
    for bare, other, names, other_names in ((new, old, new_names, old_names),
                                            (old, new, old_names, new_names)):
        words = [w for n in names if is_person_name(n) and (w := _bare_word(n))]
        if not words or len(words) < sum(1 for n in names if is_person_name(n)):
            continue
        fulls = [n for n in other_names if is_person_name(n) and _full(n)]
        if fulls:
            fams = {parse(f).family for f in fulls}
            if not any(compare(w, f).score >= NAME_THRESHOLD for w in words for f in fams):
                return bare, other
        elif any(_given_word(w, c) for w in words for c in (bare.context, other.context)):
            return bare, other
    return None


def _kin_by_id(ctx: Context) -> dict[str, set[str]]:
    """Stored entity of a relative -> the person's roles towards it (``kin_ids``, set by the
    store for relatives it has linked)."""
    out: dict[str, set[str]] = defaultdict(set)
    for x in _ctx_list(ctx, "kin_ids"):
        role, _, eid = x.partition(":")
        if role and eid:
            out[eid].add(role)
    return out


def _same_relative(a: str, b: str) -> bool:
    """Relatives named alike, or compatibly with a full name on one side at least ("Bilousov"
    ~ "Konstantin Belousov": the role and the given name already narrow it down)."""
    return _norm(a) == _norm(b) or ((_full(a) or _full(b)) and compare(a, b).score >= 0.85)


def _given_alone_support(bare: Profile, other: Profile) -> tuple[float, str] | None:
    """What backs a given name alone, with its weight: many people share a given name, so only
    context that points at one family or one circle of people can carry it.

    A kin role towards the same relative (by name, or by stored entity when the store knows it),
    else the family name of a relative that the other side bears ("his wife Marta" of Belousov ~
    "Marta Bilousova"), else, when neither side has kin that could disagree, at least two shared
    people. None: the given name stays alone.
    """
    ids_a, ids_b = _kin_by_id(bare.context), _kin_by_id(other.context)
    kin_a, kin_b = _kin(bare.context), _kin(other.context)
    # one relative in two roles (his mother, his wife): two people, whatever else agrees
    if any(not ids_a[e] & ids_b[e] for e in ids_a.keys() & ids_b.keys()):
        return None
    if any(ra != rb and _same_relative(a, b) for ra, a in kin_a for rb, b in kin_b):
        return None
    if ids_a.keys() & ids_b.keys():
        same = sorted(f"{r} of {e}" for e in ids_a.keys() & ids_b.keys() for r in ids_a[e] & ids_b[e])
        return 0.7, "same kin in the store: " + ", ".join(same[:3])
    for role, rel in kin_a:
        for role_b, rel_b in kin_b:
            if role == role_b and _same_relative(rel, rel_b):
                return 0.7, f"same kin: {role} of {rel!r} ~ {rel_b!r}"
    fams = {k for n in other.names() if is_person_name(n) and (k := _family_key(person_core(n)))}
    implied = _kin_families(bare.context) & fams
    if implied:
        rels = [rel for _, rel in _kin(bare.context) if _family_key(rel) in implied]
        return 0.6, f"family name implied by kin of {rels[0]!r}"
    if not kin_a and not kin_b:
        people = _shared_people(_ctx_list(bare.context, "people"), _ctx_list(other.context, "people"),
                                exclude=[*bare.names(), *other.names()])
        if len(people) >= 2:
            return 0.0, "shared people: " + ", ".join(people[:5])
    return None


def _names_one(a: str, b: str) -> bool:
    """Two names of one person: the same, or blocking together and comparing as one."""
    return _norm(a) == _norm(b) or (bool(_person_keys(a) & _person_keys(b))
                                    and compare(a, b).score >= 0.85)


def _office_evidence(desc: Profile, named: Profile) -> tuple[float, list[str]]:
    """Score of a description ("a Peruvian deputy trade minister") as a named person: the same
    office, and the same story (a shared person, or a shared place other than the office's
    country). The description's own article naming that person apart vetoes it. Whether the
    office has one holder only is for :func:`choose_link` to say, with the whole store in view."""
    match = _office_match(desc.context, named.context)
    if match is None:
        return 0.0, ["no proper name on one side, and no office in common"]
    countries, t_desc, t_named = match
    evidence = [f"same office: {t_desc!r} ~ {t_named!r}"]
    names = [n for n in named.names() if is_person_name(n)]
    desc_people = [x for x in _ctx_list(desc.context, "people") if is_person_name(x)]
    # descriptions ("his mother") in both articles are not the same people
    people = _shared_people(desc_people,
                            [x for x in _ctx_list(named.context, "people") if is_person_name(x)],
                            exclude=names)
    places = [x for x in _shared(_ctx_list(desc.context, "places"), _ctx_list(named.context, "places"))
              if _norm(x) not in countries]
    if not people and not places:
        evidence.append("no shared people or places: maybe another story")
        return 0.35, evidence
    apart = [x for x in desc_people if any(_names_one(x, n) for n in names)]
    if apart:
        evidence.append(f"the description's article names {apart[0]!r} apart from it")
        return 0.0, evidence
    weights = [0.4] * min(3, len(people)) + [0.3] * min(2, len(places))
    if people:
        evidence.append("shared people: " + ", ".join(people[:5]))
    if places:
        evidence.append("shared places: " + ", ".join(places[:5]))
    miss = 1.0
    for w in weights:
        miss *= 1.0 - w
    return round(0.6 + 0.4 * (1.0 - miss), 4), evidence


Scored = tuple[int, float, list[str], Profile]


def choose_link(new: Profile, scored: Sequence[Scored], used: Collection[int],
                peers: Sequence[Profile], rivals: Callable[[Profile], list[str]],
                threshold: float = LINK_THRESHOLD) -> tuple[int | None, float, list[str]]:
    """The stored entity to link ``new`` to, with its score and evidence; else (None, 0.0, notes).

    ``scored`` holds (entity, :func:`link_score`, evidence, profile) for the candidates; those in
    ``used`` (taken by another entity of the same article) count only as holders of an office.
    A link by name wins over a link by office. A description and a named person are linked only
    when exactly one named person fits that office in the story, since a description cannot
    tell two holders apart: a description links to its one fitting named candidate, unless
    another named person of its article (``peers``) holds the office; a named person links to a
    description only when ``rivals(description)``, the stored named people that fit it, is empty
    and no other named person of its article holds the office.
    """
    fits = sorted((s for s in scored if s[1] >= threshold), key=lambda s: (-s[1], s[0]))
    for cand, score, ev, prof in fits:
        if cand not in used and not office_link(new, prof):
            return cand, score, ev
    office_fits = [s for s in fits if office_link(new, s[3])]
    if not office_fits:
        return None, 0.0, []
    named_peers = [p for p in peers if p is not new and p.type == "PERSON" and is_named(p)]
    if not is_named(new):
        local = [p.name for p in named_peers if _office_match(new.context, p.context)]
        cand, score, ev, _ = office_fits[0]
        if len(office_fits) == 1 and not local and cand not in used:
            return cand, score, [*ev, "the only named holder of the office in the story"]
        holders = ", ".join([f"E{s[0]}" for s in office_fits] + local)
        why = f"the office fits {holders}" + (" of its own article" if cand in used else "")
        return None, 0.0, [why + ": linked to none"]
    notes: list[str] = []
    for cand, score, ev, prof in office_fits:
        if cand in used:
            continue
        others = [p.name for p in named_peers if _office_match(prof.context, p.context)]
        others += rivals(prof)
        if others:
            notes.append(f"E{cand} ({prof.name!r}) also fits {', '.join(others[:5])}: linked to none")
            continue
        return cand, score, [*ev, "the only named holder of the office in the story"]
    return None, 0.0, notes


def name_rank(etype: str, name: str) -> tuple[int, int, int]:
    """Which name a cluster shows, highest first: for people a proper name before any
    description ("Ana Ruiz", not "a Peruvian deputy trade minister"), then the fullest name."""
    proper = 1 if etype != "PERSON" or is_person_name(name) else 0
    return proper, len(name.split()), len(name)


_POSSESSIVE = re.compile(r"^.*\s(?:'s|\u2019s|'|\u2019)\s+")
_PAREN = re.compile(r"\s*\(\s*([^()]*)\)?\s*$")
_LEADING_ARTICLE = frozenset({"the", "a", "an"})


@lru_cache(maxsize=131072)
def is_person_name(name: str) -> bool:
    """A proper name, not a description: once descriptors are cut off, the last word is
    capitalized ("Vitaly Lebedyanov", "al-Assad"); "His mother", "the Florida senator" are not."""
    words = person_core(name).split()
    return bool(words) and strip_article(words[-1])[:1].isupper()


def _is_proper(name: str) -> bool:
    """Whether a name has a capitalized or numbered word (else it is a description)."""
    words = name.split()
    if words and words[0].lower() in _LEADING_ARTICLE:
        words = words[1:]
    return any(w[:1].isupper() or any(ch.isdigit() for ch in w) for w in words)


def _heads(name: str, etype: str) -> list[str]:
    """The proper-name cores of a name: "Boeing's European rival Airbus" -> ["Airbus"].

    The owner of a possessive is not the entity; a trailing parenthesis is an alias
    ("... Space NV (EADS"); for places "X, Y" names X; otherwise the last run of capitalized
    words is the head of the noun phrase ("aircraft manufacturer Boeing").
    """
    out: list[str] = []
    m = _PAREN.search(name)
    if m and m.group(1).strip():
        out.extend(_heads(m.group(1), etype))
        name = name[: m.start()]
    name = _POSSESSIVE.sub("", name)
    segments = [seg.strip() for seg in name.split(",") if seg.strip()]
    if not segments:
        return out
    if etype in ("GPE", "LOC", "FAC"):
        # "Toulouse, France", "Moscone Center in San Francisco": the first place is the entity
        segments = [re.split(r"\s+(?:in|near|outside|at)\s+", segments[0])[0]]
    runs: list[list[str]] = []
    current: list[str] = []
    for seg in segments:
        for w in seg.split():
            if (w[:1].isupper() or any(ch.isdigit() for ch in w) or w in ("&", "-")) and \
                    w.lower() not in _LEADING_ARTICLE:
                current.append(w)
            elif w.lower() in ("of", "de", "for", "and") and current:
                current.append(w)
            else:
                if current:
                    runs.append(current)
                current = []
                if runs and len(runs[-1]) < 5 and w[:1].islower() and w.isalpha():
                    # a common noun after the proper words is the head: "the Apple logo"
                    runs[-1] = [*runs[-1], w]
        if current:
            runs.append(current)
            current = []
    if runs:
        run = runs[-1]
        while run and run[-1].lower() in ("of", "de", "for", "and", "&", "-"):
            run = run[:-1]
        if run:
            out.append(" ".join(run))
    return out


def _digits(tokens: set[str]) -> set[str]:
    return {t for t in tokens if any(ch.isdigit() for ch in t)}


def _other_name_score(new: Profile, old: Profile) -> tuple[float, str]:
    best, why = 0.0, "different names"
    heads_a = {h for n in new.names() if _is_proper(n) for h in _heads(n, new.type)}
    heads_b = {h for n in old.names() if _is_proper(n) for h in _heads(n, old.type)}
    if not heads_a or not heads_b:
        # descriptions ("the company", "video") name nothing across articles
        return 0.0, "no proper name on one side"
    for a in sorted(heads_a):
        ta = set(_org_tokens(a))
        ac_a = _acronym(a)
        for b in sorted(heads_b):
            tb = set(_org_tokens(b))
            if not ta or not tb:
                continue
            if _digits(ta) != _digits(tb) and (_digits(ta) or _digits(tb)):
                # models and versions: A380 is not A350, iOS 4 is not iOS 5
                continue
            if _digits(ta) and _digits(ta) == _digits(tb):
                sc, w = 0.9, f"same model number {a!r} ~ {b!r}"
                if sc > best:
                    best, why = sc, w
                continue
            if ta == tb:
                return 1.0, f"same name {a!r} ~ {b!r}"
            ac_b = _acronym(b)
            if (ac_a and len(tb) == 1 and skeleton(ac_a) in {skeleton(t) for t in tb}) or \
                    (ac_b and len(ta) == 1 and skeleton(ac_b) in {skeleton(t) for t in ta}):
                sc, w = 0.85, f"acronym {a!r} ~ {b!r}"
            elif ta <= tb or tb <= ta:
                sc = 0.75 * min(len(ta), len(tb)) / max(len(ta), len(tb)) + 0.2
                w = f"words of {a!r} within {b!r}"
            else:
                sc, w = 0.6 * len(ta & tb) / len(ta | tb), f"shared words {a!r} ~ {b!r}"
            if sc > best:
                best, why = sc, w
    return best, why


def link_score(new: Profile, existing: Profile) -> tuple[float, list[str]]:
    """Confidence in [0, 1] that ``new`` is the entity of ``existing``, and the evidence."""
    if new.type != existing.type:
        return 0.0, [f"types differ: {new.type} vs {existing.type}"]
    evidence: list[str] = []
    weights: list[float] = []
    new_names, old_names = new.names(), existing.names()
    if new.type == "PERSON":
        named_new = any(is_person_name(n) for n in new_names)
        named_old = any(is_person_name(n) for n in old_names)
        if not (named_new and named_old):
            if named_new != named_old:
                desc, named = (existing, new) if named_new else (new, existing)
                if _offices(desc.context):
                    # "a Peruvian deputy trade minister": the office names someone in the story
                    return _office_evidence(desc, named)
            # descriptions ("his mother", "the Florida senator") name nobody across articles
            return 0.0, ["no proper name on one side"]
        name_s, why, weight = _name_evidence(new_names, old_names)
        evidence.append(f"name {name_s:.2f} ({why})")
        if name_s < NAME_THRESHOLD:
            return round(name_s * 0.5, 4), evidence
        conflict = _age_conflict(new.context, existing.context)
        if conflict:
            evidence.append(conflict)
            return round(min(0.2, name_s * 0.2), 4), evidence
        name_part = name_s * weight
        alone = _given_alone(new, existing, new_names, old_names)
        if alone is not None:
            support = _given_alone_support(*alone)
            if support is None:
                evidence.append("given name alone, and no kin or shared people to back it")
                return round(name_s * 0.5, 4), evidence
            kin_weight, why = support
            evidence.append(why)
            # the word against the given names only (the surname rules, gender forms included,
            # do not apply), and the context carries the link, so a diminutive is no weaker
            # than the same spelling
            bare, other = alone
            name_s, a, b = max((compare(a, b).score, a, b) for a in bare.names() if is_person_name(a)
                               for b in other.names() if is_person_name(b))
            evidence[0] = f"name {name_s:.2f} ({a!r} ~ {b!r}: {compare(a, b).reason})"
            if name_s < NAME_THRESHOLD:
                return round(name_s * 0.5, 4), evidence
            name_part = name_s * 0.6
            if kin_weight:
                weights.append(kin_weight)
    else:
        name_s, why = _other_name_score(new, existing)
        evidence.append(f"name {name_s:.2f} ({why})")
        if name_s < 0.3:
            return round(name_s * 0.5, 4), evidence
        name_part = name_s * 0.85

    ctx_part = 0.0
    nc, oc = new.context, existing.context
    people = _shared_people(_ctx_list(nc, "people"), _ctx_list(oc, "people"),
                            exclude=[*new_names, *old_names])
    if people:
        evidence.append("shared people: " + ", ".join(people[:5]))
        weights += [0.3] * min(3, len(people))
    for key, w in (("places", 0.12), ("orgs", 0.15), ("titles", 0.25), ("citizenship", 0.05),
                   ("relations", 0.35)):
        matcher = {"titles": _shared_titles, "relations": _shared_relations}.get(key, _shared)
        shared = matcher(_ctx_list(nc, key), _ctx_list(oc, key))
        if shared:
            evidence.append(f"shared {key}: " + ", ".join(shared[:5]))
            weights += [w] * min(2, len(shared))
    if "age" in nc and "age" in oc and "age_year" in nc and "age_year" in oc:
        evidence.append("ages agree")
        weights.append(0.3)
    miss = 1.0
    for w in weights:
        miss *= 1.0 - w
    ctx_part = 0.6 * (1.0 - miss)
    score = 1.0 - (1.0 - name_part) * (1.0 - ctx_part)
    return round(min(1.0, score), 4), evidence


# -- in-memory resolution ------------------------------------------------------------------------

@dataclass
class _Cluster:
    profile: Profile
    members: list[str]


class Resolver:
    """Link profiles article by article, as the store does on ingest, in memory.

    Candidates are looked up by :func:`block_keys` and clusters are stored under
    :func:`index_keys` (a merged cluster under the keys of every profile it absorbed).
    ``add_document`` links each profile of one article to the cluster :func:`choose_link` picks
    among those sharing a blocking key, never two profiles of one article to one cluster (the
    article keeps them apart), and returns the cluster index per profile.
    """

    def __init__(self, threshold: float = LINK_THRESHOLD) -> None:
        self.threshold = threshold
        self.clusters: list[_Cluster] = []
        self.index: dict[str, list[int]] = defaultdict(list)
        self.comparisons = 0
        self.evidence: dict[str, tuple[float, list[str]]] = {}

    def add_document(self, profiles: Iterable[Profile]) -> list[int]:
        profiles = list(profiles)
        ordered = sorted(enumerate(profiles), key=lambda ip: (ip[1].type != "PERSON", -len(ip[1].name)))
        out: dict[int, int] = {}
        used: set[int] = set()
        for i, p in ordered:
            scored: list[Scored] = []
            for c in sorted(self._candidates(p.type, block_keys(p))):
                prof = self.clusters[c].profile
                if c in used and not office_link(p, prof):
                    continue
                self.comparisons += 1
                s, ev = link_score(p, prof)
                scored.append((c, s, ev, prof))
            best, best_s, best_ev = choose_link(p, scored, used, profiles, self._rivals, self.threshold)
            if best is not None:
                self._absorb(best, p)
                cid = best
            else:
                self.clusters.append(_Cluster(Profile(f"C{len(self.clusters)}", p.type, p.name,
                                                      list(p.aliases), dict(p.context)), []))
                cid = len(self.clusters) - 1
                best_s, best_ev = 1.0, ["first seen", *best_ev]
            self.clusters[cid].members.append(p.key)
            self.evidence[p.key] = (best_s, best_ev)
            for k in index_keys(p):
                bucket = self.index[f"{p.type}|{k}"]
                if not bucket or bucket[-1] != cid:
                    bucket.append(cid)
            used.add(cid)
            out[i] = cid
        return [out[i] for i in range(len(out))]

    def _candidates(self, etype: str, keys: Iterable[str]) -> set[int]:
        cands: set[int] = set()
        for k in keys:
            ids = self.index.get(f"{etype}|{k}", [])
            cands.update(ids[-OFFICE_CANDIDATES:] if is_office_key(k) else ids)
        return cands

    def _rivals(self, desc: Profile) -> list[str]:
        """Named clusters that fit a description's office in its story."""
        out = []
        for c in sorted(self._candidates(desc.type, office_keys(desc)[0])):
            prof = self.clusters[c].profile
            if is_named(prof) and link_score(desc, prof)[0] >= self.threshold:
                out.append(prof.key)
        return out

    def _absorb(self, cid: int, p: Profile) -> None:
        c = self.clusters[cid].profile
        names = set(c.aliases) | set(p.aliases) | {p.name, c.name}
        if name_rank(p.type, p.name) > name_rank(c.type, c.name):
            c.name = p.name
        c.aliases = sorted(n for n in names if n)
        c.context = merge_context(c.context, p.context)


def merge_context(a: Context, b: Context) -> Context:
    """Union of list fields; the first value of scalar fields (age with its year) is kept."""
    out = dict(a)
    for k, v in b.items():
        if isinstance(v, list):
            out[k] = sorted(set(out.get(k, [])) | {str(x) for x in v})
        elif k not in out:
            out[k] = v
    if "age" in b and "age" not in a and "age_year" in b:
        out["age_year"] = b["age_year"]
    return out
