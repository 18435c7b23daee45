"""The people stage's machinery: NER repair, in-article coreference, attributes.

Later stages resolve any span (a name, a title, a pronoun) to an entity id with
:func:`entity_for_span`; the stage keeps its mention index in ``doc.scratch``.
"""

from __future__ import annotations

import bisect

from ..document import Document

INDEX_KEY = "people.mentions"  # sorted [(start, end, entity id, label, kind)]
NER_KEY = "ner_spans"  # repaired named-entity spans [(start, end, label)]
HINTS_KEY = "people.hints"  # character spans known to be entities [(start, end, label)]
# a pronoun scorer for this one document, over Config.pronouns (training records through it)
SCORER_KEY = "people.pronoun_scorer"


def entity_for_span(doc: Document, start: int, end: int, *,
                    prefer: str | None = "PERSON") -> str | None:
    """The entity a span refers to, pronouns included; None if it overlaps no mention.

    The mention overlapping ``[start, end)`` most wins; among equal overlaps a ``prefer``-typed
    entity wins, so "a Canadian envoy" does not resolve to "Russian".
    """
    index = doc.scratch.get(INDEX_KEY)
    if index is None:
        ent = doc.entity_at(start, end)
        return ent.id if ent else None
    best, best_key = None, None
    # mentions are sorted by start; none starting at or after ``end`` can overlap
    hi = bisect.bisect_left(index, (end,))
    for m_start, m_end, eid, label, _kind in index[:hi]:
        overlap = min(end, m_end) - max(start, m_start)
        if overlap <= 0:
            continue
        exact = m_start == start and m_end == end
        key = (exact, label == prefer, overlap)
        if best_key is None or key > best_key:
            best, best_key = eid, key
    return best


def mentions_at(doc: Document, start: int, end: int) -> list[tuple[int, int, str, str, str]]:
    """Every indexed mention overlapping ``[start, end)``."""
    index = doc.scratch.get(INDEX_KEY) or []
    hi = bisect.bisect_left(index, (end,))
    return [m for m in index[:hi] if m[1] > start]


__all__ = ["HINTS_KEY", "INDEX_KEY", "NER_KEY", "SCORER_KEY", "entity_for_span", "mentions_at"]
