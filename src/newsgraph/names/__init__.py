"""Person-name model: parsing and transliteration-aware comparison.

Placeholder API (to be deepened): ``compare(a, b)`` says whether two name strings can name the
same person, with a score in [0, 1] and the reason.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Match:
    score: float
    same: bool
    reason: str


def _norm(s: str) -> list[str]:
    return [t.strip(".,").lower() for t in s.split() if t.strip(".,")]


def compare(a: str, b: str) -> Match:
    ta, tb = _norm(a), _norm(b)
    if not ta or not tb:
        return Match(0.0, False, "empty")
    if ta == tb:
        return Match(1.0, True, "identical")
    if ta[-1] == tb[-1] and (len(ta) == 1 or len(tb) == 1 or ta[0][0] == tb[0][0]):
        return Match(0.8, True, "same family name")
    return Match(0.0, False, "different")
