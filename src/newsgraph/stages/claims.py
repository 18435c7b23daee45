"""claims: numbers in the text checked against the article's own dates."""

from __future__ import annotations

from ..config import Config
from ..document import Document
from ..pipeline import stage


@stage("claims", requires=("timexes", "events"), assigns=("claims",))
def claims(doc: Document, config: Config) -> None:
    doc.claims = []
