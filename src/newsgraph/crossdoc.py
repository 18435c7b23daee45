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

:class:`Resolver` is an in-memory version of the store's loop, used by benchmarks and tests.
"""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from .names import canonical_given, compare, fold, masculine, parse, skeleton
from .names.compare import THRESHOLD as NAME_THRESHOLD
from .names.lexicon import PARTICLES, groups
from .names.parse import ParsedName, strip_article

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
    gets the given-name keys of :func:`_kin_keys`. Other types: each content word of the
    proper-name head, plus the acronym of multi-word names. Use these keys to look candidates up;
    store each entity under :func:`index_keys`, which adds the coarse keys by which a surname
    alone or an initial finds a full name.
    """
    keys: set[str] = set()
    if p.type == "PERSON":
        for n in p.names():
            if is_person_name(n):
                keys |= _person_block(n)[0]
        return keys | _kin_keys(p)
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
    so full names still meet only their own small blocks)."""
    keys = block_keys(p)
    if p.type == "PERSON":
        for n in p.names():
            if is_person_name(n):
                keys |= _person_block(n)[1]
    return keys


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
        if not any(is_person_name(n) for n in new_names) or \
                not any(is_person_name(n) for n in old_names):
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
    ``add_document`` links each profile of one article to the best cluster over
    :data:`LINK_THRESHOLD` among those sharing a blocking key, never two profiles of one article
    to one cluster (the article keeps them apart), and returns the cluster index per profile.
    """

    def __init__(self, threshold: float = LINK_THRESHOLD) -> None:
        self.threshold = threshold
        self.clusters: list[_Cluster] = []
        self.index: dict[str, list[int]] = defaultdict(list)
        self.comparisons = 0
        self.evidence: dict[str, tuple[float, list[str]]] = {}

    def add_document(self, profiles: Iterable[Profile]) -> list[int]:
        ordered = sorted(enumerate(profiles), key=lambda ip: (ip[1].type != "PERSON", -len(ip[1].name)))
        out: dict[int, int] = {}
        used: set[int] = set()
        for i, p in ordered:
            keys = {f"{p.type}|{k}" for k in block_keys(p)}
            stored = keys | {f"{p.type}|{k}" for k in index_keys(p)}
            cands: set[int] = set()
            for k in keys:
                cands.update(self.index.get(k, ()))
            best, best_s, best_ev = -1, 0.0, ["first seen"]
            for c in sorted(cands - used):
                self.comparisons += 1
                s, ev = link_score(p, self.clusters[c].profile)
                if s > best_s:
                    best, best_s, best_ev = c, s, ev
            if best >= 0 and best_s >= self.threshold:
                self._absorb(best, p)
                cid = best
            else:
                self.clusters.append(_Cluster(Profile(f"C{len(self.clusters)}", p.type, p.name,
                                                      list(p.aliases), dict(p.context)), []))
                cid = len(self.clusters) - 1
                best_s, best_ev = 1.0, ["first seen"]
            self.clusters[cid].members.append(p.key)
            self.evidence[p.key] = (best_s, best_ev)
            for k in stored:
                if not self.index[k] or self.index[k][-1] != cid:
                    self.index[k].append(cid)
            used.add(cid)
            out[i] = cid
        return [out[i] for i in range(len(out))]

    def _absorb(self, cid: int, p: Profile) -> None:
        c = self.clusters[cid].profile
        names = set(c.aliases) | set(p.aliases) | {p.name, c.name}
        if (len(p.name.split()), len(p.name)) > (len(c.name.split()), len(c.name)):
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
