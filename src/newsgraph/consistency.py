"""Across articles: the same quantity or status stated differently, variation or contradiction.

Pure functions over plain facts (value, article date, source) so that the store's queries and the
tests share one definition:

* durations: equal, a *variation* (rounding, "about", "more than", counting both ends), *time
  passed* (a later article states a longer period by about the days between the articles, as for a
  captivity still going on), or a *contradiction*;
* ages: a later article may state an older age by the years between the articles;
* statuses: reported alive (held, released, free...) after being reported dead, or two
  exclusive statuses from the same date, are contradictions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from itertools import combinations
from typing import Any

_DUR = re.compile(r"^P(\d+(?:\.\d+)?)([DWMY])$")
_UNIT_DAYS = {"D": 1.0, "W": 7.0, "M": 30.44, "Y": 365.25}
# how a claim writes a TIMEX3 mod in front of its value ("more than P1Y"), both ways
MOD_WORDS = {"more than": "MORE_THAN", "less than": "LESS_THAN", "about": "APPROX",
             "at least": "EQUAL_OR_MORE", "at most": "EQUAL_OR_LESS"}
WORDS_OF_MOD = {code: words for words, code in MOD_WORDS.items()}


@dataclass(frozen=True, slots=True)
class Stated:
    """One stated quantity with where it was said."""

    kind: str  # duration | age
    value: str  # as stored: "P467D", "about P500D", "35"
    doc: str
    published: str | None
    span: tuple[int, int]


def split_mod(value: str) -> tuple[str | None, str]:
    """("more than P1Y") -> ("MORE_THAN", "P1Y")."""
    v = value.strip()
    for words, code in MOD_WORDS.items():
        if v.startswith(words + " "):
            return code, v[len(words) + 1:]
    return None, v


def parse_stated_duration(value: str) -> tuple[float, str | None] | None:
    """("about P500D") -> (500.0, "APPROX")."""
    mod, v = split_mod(value)
    m = _DUR.match(v)
    if not m:
        return None
    return float(m[1]) * _UNIT_DAYS[m[2]], mod


def _days_between(a: str | None, b: str | None) -> int | None:
    try:
        return abs((date.fromisoformat(b[:10]) - date.fromisoformat(a[:10])).days) if a and b else None
    except ValueError:
        return None


def compare_durations(a: Stated, b: Stated) -> tuple[str, str]:
    """(relation, why): same | variation | time_passed | contradiction | incomparable."""
    pa, pb = parse_stated_duration(a.value), parse_stated_duration(b.value)
    if pa is None or pb is None:
        return "incomparable", "not a duration"
    (da, ma), (db, mb) = pa, pb
    if ma is None and mb is None and abs(da - db) < 0.5:
        return "same", f"both state {a.value}"
    # one bound against a value: "more than a year" and "467 days" agree
    for (dx, mx, vx), (dy, my, vy) in (((da, ma, a.value), (db, mb, b.value)),
                                       ((db, mb, b.value), (da, ma, a.value))):
        if mx in ("MORE_THAN", "EQUAL_OR_MORE") and my not in ("LESS_THAN", "EQUAL_OR_LESS"):
            if dy >= dx:
                return "variation", f"{vy} agrees with {vx}"
        if mx in ("LESS_THAN", "EQUAL_OR_LESS") and my not in ("MORE_THAN", "EQUAL_OR_MORE"):
            if dy <= dx:
                return "variation", f"{vy} agrees with {vx}"
    big = max(da, db)
    tolerance = 0.10 if "APPROX" in (ma, mb) else 0.02
    # coarse units ("two years") carry their own rounding
    if any(v.rstrip().endswith(("M", "Y")) for v in (a.value, b.value)):
        tolerance = max(tolerance, 0.10)
    if abs(da - db) <= max(1.0, tolerance * big):
        return "variation", f"{a.value} and {b.value} differ by {abs(da - db):.0f} days (within rounding)"
    gap = _days_between(a.published, b.published)
    if gap is not None and a.published and b.published and a.published != b.published:
        earlier, later = (da, db) if a.published < b.published else (db, da)
        grown = later - earlier
        if abs(grown - gap) <= max(3.0, tolerance * later):
            return "time_passed", (f"the later article states {grown:.0f} more days, and "
                                   f"{gap} days passed between the articles")
    return "contradiction", f"{a.value} ({a.doc}) vs {b.value} ({b.doc})"


def compare_ages(a: Stated, b: Stated) -> tuple[str, str]:
    try:
        xa, xb = int(a.value), int(b.value)
    except ValueError:
        return "incomparable", "not an age"
    if xa == xb and (a.published or "")[:4] == (b.published or "")[:4]:
        return "same", f"both state {xa}"
    gap = _days_between(a.published, b.published)
    if gap is None:
        return ("same", f"both state {xa}") if xa == xb else \
            ("contradiction", f"{xa} ({a.doc}) vs {xb} ({b.doc}), dates unknown")
    years = gap / 365.25
    older = (xb - xa) if (a.published or "") <= (b.published or "") else (xa - xb)
    if -0.01 <= older <= years + 1.0 and older >= int(years) - 1:
        return "consistent", f"{xa} and {xb} fit {years:.1f} years between the articles"
    return "contradiction", f"age {xa} ({a.doc}, {a.published}) vs {xb} ({b.doc}, {b.published})"


def compare_all(facts: list[Stated]) -> list[dict[str, Any]]:
    """Pairwise comparisons between different articles' statements of one quantity."""
    out = []
    for a, b in combinations(facts, 2):
        if a.doc == b.doc or a.kind != b.kind:
            continue
        rel, why = compare_durations(a, b) if a.kind == "duration" else compare_ages(a, b)
        if rel in ("same", "incomparable"):
            continue
        out.append({"kind": a.kind, "relation": rel, "why": why,
                    "a": {"doc": a.doc, "value": a.value, "published": a.published,
                          "span": list(a.span)},
                    "b": {"doc": b.doc, "value": b.value, "published": b.published,
                          "span": list(b.span)}})
    return out


ALIVE = {"held", "released", "free", "detained", "injured", "missing"}
EXCLUSIVE = [{"held", "released"}, {"held", "free"}, {"detained", "released"},
             {"detained", "free"}]


def status_conflicts(statuses: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Contradictions between status facts of one person from different articles.

    Each status is ``{"status", "since", "as_of", "doc"}``.
    """
    out = []
    deaths = [s for s in statuses if s["status"] == "dead"]
    for d in deaths:
        for s in statuses:
            if s["doc"] == d["doc"] or s["status"] not in ALIVE:
                continue
            after_death = (s.get("since") and d.get("since") and s["since"] > d["since"]) or \
                (s.get("as_of") and d.get("as_of") and s["as_of"] > d["as_of"] and s["status"] != "missing")
            if after_death:
                out.append({"relation": "contradiction",
                            "why": f"reported {s['status']} ({s['doc']}, since {s.get('since') or '?'}) "
                                   f"after being reported dead ({d['doc']}, since {d.get('since') or '?'})",
                            "docs": [d["doc"], s["doc"]]})
    for a, b in combinations(statuses, 2):
        if a["doc"] == b["doc"] or not a.get("since") or a.get("since") != b.get("since"):
            continue
        if {a["status"], b["status"]} in EXCLUSIVE:
            out.append({"relation": "contradiction",
                        "why": f"{a['status']} ({a['doc']}) and {b['status']} ({b['doc']}) "
                               f"since the same date {a['since']}",
                        "docs": [a["doc"], b["doc"]]})
    return out
