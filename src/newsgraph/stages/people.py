"""people: entities, in-article coreference, attributes; resolves quote speakers to entities."""

from __future__ import annotations

from ..config import Config
from ..document import Document
from ..pipeline import stage


@stage("people", requires=("spacy", "quotes"), assigns=("mentions", "entities"),
       spacy_components=("parser", "ner"))
def people(doc: Document, config: Config) -> None:
    doc.entities = []
