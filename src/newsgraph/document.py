"""The one document object every stage reads and extends."""

from __future__ import annotations

import hashlib
from datetime import date, datetime
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .records import Claim, Entity, Event, Mention, Quote, Rejection, Relation, Status, Timex

if TYPE_CHECKING:  # spaCy is imported only where the model runs
    from spacy.tokens import Doc


@dataclass(slots=True)
class Document:
    """An article on its way through the pipeline.

    Stages fill the lists in order (see :mod:`newsgraph.pipeline`). ``rejected`` set means the
    lists are empty and stay empty.
    """

    id: str
    text: str
    published: str | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    origin: str | None = None  # file path or "-" the document came from
    spacy: Doc | None = None
    timexes: list[Timex] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    statuses: list[Status] = field(default_factory=list)
    rejected: Rejection | None = None
    # scratch space for stages to hand structured hints to later stages (e.g. the people stage's
    # mention -> entity map); never serialized
    scratch: dict[str, Any] = field(default_factory=dict)
    done: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        # callers of the library hand over Python dates as often as strings; every stage and the
        # JSON output read the day as YYYY-MM-DD
        if isinstance(self.published, datetime):
            self.published = self.published.date().isoformat()
        elif isinstance(self.published, date):
            self.published = self.published.isoformat()

    @property
    def content_hash(self) -> str:
        """Identity of the article's content for idempotent storage."""
        h = hashlib.sha256()
        for part in (self.text, self.published or "", self.title or ""):
            h.update(part.encode("utf-8"))
            h.update(b"\x00")
        return h.hexdigest()

    def reject(self, rejection: Rejection) -> None:
        self.rejected = rejection
        self.spacy = None
        for name in ("timexes", "quotes", "mentions", "entities", "events", "relations",
                     "claims", "statuses"):
            getattr(self, name).clear()

    def entity(self, entity_id: str | None) -> Entity | None:
        if entity_id is None:
            return None
        for ent in self.entities:
            if ent.id == entity_id:
                return ent
        return None

    def entity_at(self, start: int, end: int) -> Entity | None:
        """The entity one of whose mentions overlaps ``[start, end)`` most."""
        best, best_overlap = None, 0
        for ent in self.entities:
            for m in ent.mentions:
                overlap = min(end, m.end) - max(start, m.start)
                if overlap > best_overlap:
                    best, best_overlap = ent, overlap
        return best
