"""Loaders for the people stage's bundled word lists (``newsgraph/resources/people_*``)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

_DIR = Path(__file__).resolve().parent.parent / "resources"


def _lines(name: str) -> list[str]:
    text = (_DIR / name).read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Lowercase English given names and diminutives (licence in the file header)."""
    return frozenset(_lines("people_given_names.txt"))


@lru_cache(maxsize=1)
def name_tokens() -> frozenset[str]:
    """Lowercase words seen in person names (Wikidata-derived, CC0; see the file header)."""
    return frozenset(_lines("people_name_tokens.txt"))
