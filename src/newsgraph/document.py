"""The one document object every stage reads and extends."""

from __future__ import annotations

import hashlib
from datetime import date, datetime
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .records import Claim, Entity, Event, Mention, Quote, Rejection, Relation, Status, Timex

if TYPE_CHECKING:  # spaCy is imported only where the model runs
    from spacy.tokens import Doc


def iso_day(value: object) -> object:
    """A Python date or datetime as its ``YYYY-MM-DD`` day (the writer's calendar day, not
    converted to UTC); anything else as it is.

    Callers of the library hand over dates as often as strings; every stage and the JSON output
    read the day as a string.
    """
    if isinstance(value, datetime):
        value = value.date()
    return value.isoformat() if isinstance(value, date) else value


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
        self.published = iso_day(self.published)  # type: ignore[assignment]

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
