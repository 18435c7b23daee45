"""events: events with participants, time and place; relations; statuses."""

from __future__ import annotations

from ..config import Config
from ..document import Document
from ..pipeline import stage


@stage("events", requires=("spacy", "entities", "timexes"), assigns=("events", "relations", "statuses"),
       spacy_components=("parser", "lemmatizer"))
def events(doc: Document, config: Config) -> None:
    doc.events = []
