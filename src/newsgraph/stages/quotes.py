"""quotes: direct and reported speech with cue, speaker span and addressee span."""

from __future__ import annotations

from ..config import Config
from ..document import Document
from ..pipeline import stage


@stage("quotes", requires=("spacy",), assigns=("quotes",), spacy_components=("parser", "lemmatizer"))
def quotes(doc: Document, config: Config) -> None:
    doc.quotes = []
