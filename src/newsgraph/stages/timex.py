"""timex: time expressions, TIMEX3-normalized against the publication date."""

from __future__ import annotations

from ..config import Config
from ..document import Document
from ..pipeline import stage


@stage("timex", requires=("spacy",), assigns=("timexes",), spacy_components=("tagger", "parser", "ner"))
def timex(doc: Document, config: Config) -> None:
    doc.timexes = []
