"""Compare two person names: can they name the same person?"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import PARTICLES, diminutive_related
from .normalize import fold, skeleton
from .parse import ParsedName, parse, strip_article
from .similarity import word_score

THRESHOLD = 0.5

# Slavic feminine surname endings and the masculine forms they pair with
_FEMININE = (
    (re.compile(r"(ov|ev|ow|ew|yov|in|yn|skoy)a$"), r"\1"),
    (re.compile(r"(sk|tsk|ck|zk)aya$"), r"\1iy"),
    (re.compile(r"(sk|tsk|ck|zk)aia$"), r"\1ii"),
    (re.compile(r"(sk|tsk|ck|zk)a$"), r"\1i"),
    (re.compile(r"(ov|ev|in)ova$"), r"\1ov"),
)
_DESCRIPTION = re.compile(r"^\s*(?:a|an|the|his|her|their|its|our|my|this|that)\s")


@dataclass(frozen=True, slots=True)
class Match:
    score: float
    same: bool
    reason: str


def masculine(word: str) -> str | None:
    """The masculine form of a feminine Slavic surname ("Belousova" -> "Belousov"), else None."""
    w = fold(word)
    for pattern, repl in _FEMININE:
        if pattern.search(w):
            return pattern.sub(repl, w)
    return None


def _family_key(family: str) -> str:
    words = [strip_article(w) for w in family.replace("-", " ").split()]
    core = [w for w in words if fold(w) not in PARTICLES] or words
    return "".join(core)


def joined_family(family: str) -> str:
    """The family name with its particles as one word: "Abou Haidar" -> "AbouHaidar"."""
    return "".join(strip_article(w) if w[:2].lower() in ("al", "el") else w
                   for w in family.replace("-", " ").split())


def _family_score(a: str, b: str) -> tuple[float, str]:
    ka, kb = _family_key(a), _family_key(b)
    if fold(ka) == fold(kb):
        return 1.0, "same family name"
    best, why = word_score(ka, kb), "family name spelling"
    ja, jb = joined_family(a), joined_family(b)
    if (ja, jb) != (ka, kb) and (ja != ka or jb != kb):
        # a particle written apart on one side and glued on the other ("Abou Haidar",
        # "Abouhaidar"): compare the whole family names
        s = word_score(ja, jb)
        if s > best:
            best, why = s, "family name with its particle"
    for x, y in ((ka, kb), (kb, ka)):
        m = masculine(x)
        if m is not None:
            for cand in (y, masculine(y) or y):
                s = word_score(m, cand)
                if s > best:
                    best, why = s, "feminine form of the family name"
    # hyphenated double names: one part alone can be the same family name
    parts_a, parts_b = a.split("-"), b.split("-")
    if len(parts_a) > 1 or len(parts_b) > 1:
        for pa in parts_a:
            for pb in parts_b:
                s = word_score(strip_article(pa), strip_article(pb)) * 0.9
                if s > best:
                    best, why = s, "one part of a double family name"
    return best, why


def _given_score(a: str, b: str) -> tuple[float, str]:
    if fold(a) == fold(b):
        return 1.0, "same given name"
    rel = diminutive_related(a, b)
    if rel:
        return 0.97, f"given name {rel}"
    return word_score(a, b), "given name spelling"


# the letters a name's first sound can be written with in different romanizations
_INITIAL_CLASSES = ("yj", "kc")


def _initial_ok(initial: str, given: str) -> bool:
    f = fold(given)
    if not f:
        return False
    i = initial.lower()
    if f[0] == i:
        return True
    sk = skeleton(given)
    if sk and sk[0].lower() == i:
        return True
    return any(i in cls and f[0] in cls for cls in _INITIAL_CLASSES)


def _compare_given(pa: ParsedName, pb: ParsedName) -> tuple[float, str] | None:
    """Score of the given-name evidence, or None when one side has none."""
    ga, gb = list(pa.given), list(pb.given)
    if ga and gb:
        first = _given_score(ga[0], gb[0])
        if first[0] >= THRESHOLD or (len(ga) > 1 and len(gb) > 1):
            # both sides spell out several given names: the first ones must agree
            return first
        best = first
        # one side gives a single name: it may be the other's middle name ("Marie Berman")
        for i, x in enumerate(ga):
            for j, y in enumerate(gb):
                if i == 0 and j == 0:
                    continue
                s = _given_score(x, y)
                s = (s[0] * 0.9, s[1] + " (middle name)")
                if s[0] > best[0]:
                    best = s
        return best
    # initials against a full given name or other initials
    ia = list(pa.initials) or [g[0] for g in ga if fold(g)]
    ib = list(pb.initials) or [g[0] for g in gb if fold(g)]
    if (pa.initials or pb.initials) and ia and ib:
        full = ga or gb
        inits = pa.initials or pb.initials
        if full:
            ok = _initial_ok(inits[0], full[0])
        else:
            ok = fold(ia[0]) == fold(ib[0])
        return (0.9, "initial fits the given name") if ok else (0.05, "initial does not fit")
    return None


def _middle_clash(pa: ParsedName, pb: ParsedName) -> bool:
    """Middle initials that cannot be the same person's: George H. W. vs George W. (father and
    son). Explicit initials on both sides must agree as sets; initials against spelled-out middle
    names must each be the initial of one of them."""
    if not (pa.given and pb.given):
        return False
    ia, ib = set(pa.initials), set(pb.initials)
    if ia and ib:
        return ia != ib
    for inits, other in ((ia, pb), (ib, pa)):
        middles = {fold(g)[:1].upper() for g in other.given[1:] if fold(g)}
        if inits and middles and not inits <= middles:
            return True
    return False


def _bare_vs(bare: ParsedName, other: ParsedName) -> tuple[float, str]:
    """One name word against a fuller name: it can be the family name or a given name."""
    word = (bare.given or (bare.family,))[0] or ""
    best = (0.0, "no part matches")
    if other.family and bare.family:
        s, why = _family_score(word, other.family)
        best = (s * 0.95, f"{why} (surname alone)")
    for g in other.given[:1]:
        s, why = _given_score(word, g)
        s *= 1.0 if not bare.family else 0.9
        if s > best[0]:
            best = (s, f"{why} (given name alone)")
    return best


def _gender_clash(pa: ParsedName, pb: ParsedName) -> bool:
    """Same family in masculine and feminine form, with given names present on both sides."""
    if not (pa.family and pb.family and (pa.given or pa.initials) and (pb.given or pb.initials)):
        return False
    fa, fb = fold(_family_key(pa.family)), fold(_family_key(pb.family))
    return (masculine(fa) is None) != (masculine(fb) is None)


@lru_cache(maxsize=65536)
def compare(a: str, b: str) -> Match:
    """Whether two name strings can name the same person, with a score in [0, 1] and why.

    Names alone, no context: a surname alone can be anyone with that surname, a given name alone
    anyone with that given name. Given names must agree as spellings, diminutives or nicknames, or
    an initial must fit; family names as spellings or masculine/feminine forms.
    """
    if _DESCRIPTION.match(a) or _DESCRIPTION.match(b):
        # "an official", "the freed hostage": descriptions, which name nobody by themselves
        return Match(0.0, False, "a description, not a name")
    pa, pb = parse(a), parse(b)
    if pa.empty or pb.empty:
        return Match(0.0, False, "no name")
    if fold(a) == fold(b):
        return Match(1.0, True, "identical")
    if pa.bare and pb.bare:
        wa = (pa.given or (pa.family,))[0] or ""
        wb = (pb.given or (pb.family,))[0] or ""
        s1, why1 = _given_score(wa, wb)
        s2, why2 = _family_score(wa, wb)
        s, why = (s1, why1) if s1 >= s2 else (s2, why2)
        return _match(s, why.replace("given name ", "").replace("family name ", ""))
    if pa.bare or pb.bare:
        bare, full = (pa, pb) if pa.bare else (pb, pa)
        return _match(*_bare_vs(bare, full))
    if not pa.family or not pb.family:
        return Match(0.1, False, "no family name to compare")
    fam, fam_why = _family_score(pa.family, pb.family)
    given = _compare_given(pa, pb)
    reasons = [fam_why]
    score = fam
    if given is not None:
        score = min(fam, given[0])
        reasons.append(given[1])
    else:
        score *= 0.95
        reasons.append("no given name on one side")
    if pa.patronymic and pb.patronymic:
        ps, _ = _given_score(pa.patronymic, pb.patronymic)
        if ps < THRESHOLD:
            score = min(score, 0.1)
            reasons.append("different patronymics")
    if _middle_clash(pa, pb):
        score = min(score, 0.15)
        reasons.append("different middle initials")
    if pa.suffix and pb.suffix and fold(pa.suffix) != fold(pb.suffix):
        score = min(score, 0.1)
        reasons.append("different generational suffixes")
    if _gender_clash(pa, pb):
        score = min(score, 0.3)
        reasons.append("masculine and feminine family name forms")
    return _match(score, "; ".join(reasons))


def _match(score: float, reason: str) -> Match:
    score = max(0.0, min(1.0, score))
    return Match(round(score, 4), score >= THRESHOLD, reason)
