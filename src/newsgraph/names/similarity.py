"""Word-level similarity of romanized names.

A weighted edit distance over :func:`~newsgraph.names.normalize.skeleton` spellings: vowels, ``h``
and the consonant pairs that scripts without vowels or with ambiguous letters confuse (Hebrew pe is
p or f, bet is b or v, kaf is k or kh) cost little; any other change costs a full edit. The distance
and a few shape features feed a small logistic model whose weights ship in
``resources/names_word_model.json`` (trained by :mod:`newsgraph.names.train` on the Wikidata
transliteration pairs, with every name of the benchmark's dev pairs held out).
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from importlib import resources

from .normalize import consonant_key, fold, skeleton, strip_marks

_VOWEL = frozenset("aeiou")
# consonants that one native letter can be romanized as, or that one romanization scheme confuses
_CHEAP_PAIRS = {
    frozenset(p) for p in (
        ("p", "f"), ("b", "v"), ("k", "h"), ("C", "h"), ("C", "k"), ("s", "z"), ("X", "s"),
        ("Z", "z"), ("Z", "X"), ("X", "C"), ("k", "g"), ("v", "u"), ("Z", "i"),
        ("t", "s"),
    )
}
_CLOSE_VOWELS = {frozenset(p) for p in (("e", "i"), ("o", "u"), ("a", "e"), ("a", "o"))}


def _sub_cost(x: str, y: str) -> float:
    if x == y:
        return 0.0
    if x in _VOWEL and y in _VOWEL:
        return 0.25 if frozenset((x, y)) in _CLOSE_VOWELS else 0.4
    if frozenset((x, y)) in _CHEAP_PAIRS:
        return 0.5
    return 1.0


def _indel_cost(x: str, final: bool = False) -> float:
    if x in _VOWEL:
        return 0.4
    if x == "h":
        return 0.35
    if final and x in "sgtd":
        # plural-like -s (Serre/Serres), Chinese -ng/-n (Tin/Ting) and French silent -t/-d
        # (Millau/Millot, Gaspar/Gaspard) vary at the end only
        return 0.5
    return 1.0


@lru_cache(maxsize=131072)
def weighted_distance(a: str, b: str) -> float:
    """Edit distance between two skeletons with transliteration-aware costs."""
    if a == b:
        return 0.0
    nb = len(b)
    ins = [_indel_cost(y, j == nb) for j, y in enumerate(b, 1)]
    prev = [0.0]
    for c in ins:
        prev.append(prev[-1] + c)
    na = len(a)
    for i, x in enumerate(a, 1):
        dx = _indel_cost(x, i == na)
        cur = [prev[0] + dx]
        for j, y in enumerate(b, 1):
            cur.append(min(prev[j] + dx, cur[j - 1] + ins[j - 1], prev[j - 1] + _sub_cost(x, y)))
        prev = cur
    return prev[-1]


def levenshtein(a: str, b: str) -> int:
    """Plain edit distance."""
    if a == b:
        return 0
    prev = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        cur = [i]
        for j, y in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x != y)))
        prev = cur
    return prev[-1]


def _sim(d: float, a: str, b: str) -> float:
    n = max(len(a), len(b))
    return 1.0 - d / n if n else 0.0


FEATURES = ("wsim", "wdist", "ckey_eq", "ckey_sim")


def features(a: str, b: str) -> list[float]:
    """Feature vector of a word pair, in the order of :data:`FEATURES`."""
    sa, sb = skeleton(a), skeleton(b)
    ka, kb = consonant_key(a), consonant_key(b)
    wd = weighted_distance(sa, sb)
    return [
        _sim(wd, sa, sb),
        min(wd, 4.0),
        float(ka == kb),
        _sim(levenshtein(ka, kb), ka, kb),
    ]


@lru_cache(maxsize=1)
def _model() -> tuple[list[float], float]:
    path = resources.files("newsgraph.resources").joinpath("names_word_model.json")
    data = json.loads(path.read_text("utf-8"))
    if list(data["features"]) != list(FEATURES):
        raise ValueError("names_word_model.json was trained on other features; retrain it")
    return [float(w) for w in data["weights"]], float(data["bias"])


def word_score(a: str, b: str) -> float:
    """Probability-like score that two single name words are spellings of one name.

    Letters with diacritics are read two ways: as the sound they stand for (Czech š is "sh",
    matching German "Fischer") and with the mark simply dropped (news copy often writes "Fiser");
    the better reading counts.
    """
    best = _word_score(a, b)
    if best < 1.0 and not (a.isascii() and b.isascii()):
        best = max(best, _word_score(strip_marks(a), strip_marks(b)))
    return best


def _word_score(a: str, b: str) -> float:
    fa, fb = fold(a), fold(b)
    if not fa or not fb:
        return 0.0
    if fa == fb:
        return 1.0
    if skeleton(a) == skeleton(b):
        # one canonical spelling: as strong as evidence from spelling alone gets
        return 0.95
    weights, bias = _model()
    z = bias + sum(w * x for w, x in zip(weights, features(a, b), strict=True))
    return 1.0 / (1.0 + math.exp(-z))
