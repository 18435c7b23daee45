"""Library entry points: everything else (CLI, store, demo, benchmarks) calls these."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from .config import Config
from .document import Document
from .pipeline import DEFAULT_STAGES, Pipeline
from .stages.ingest import check_document, read_paths


class Engine:
    """A configured pipeline; build one per process and reuse it (the model loads once)."""

    def __init__(self, config: Config | None = None, stages: Iterable[str] = DEFAULT_STAGES):
        self.config = config or Config()
        self.pipeline = Pipeline(stages, self.config)
        if any(s.name == "people" for s in self.pipeline.stages):
            from .people.pronouns import scorer_for

            scorer_for(self.config.pronouns)  # a bad mode or a missing model fails here, once

    def run(self, docs: Iterable[Document]) -> Iterator[Document]:
        return self.pipeline.run(docs)

    def extract_paths(self, paths: Iterable[str], published: str | None = None) -> Iterator[Document]:
        return self.run(read_paths(paths, self.config, published=published))

    def extract_text(self, text: str, *, id: str = "doc", published: str | None = None,
                     title: str | None = None) -> Document:
        doc = check_document(Document(id=id, text=text, published=published, title=title),
                             self.config)
        return next(iter(self.run([doc])))


_default: Engine | None = None


def default_engine() -> Engine:
    global _default
    if _default is None:
        _default = Engine()
    return _default


def extract_text(text: str, *, id: str = "doc", published: str | None = None,
                 title: str | None = None) -> Document:
    return default_engine().extract_text(text, id=id, published=published, title=title)


def extract_paths(paths: Iterable[str], published: str | None = None) -> Iterator[Document]:
    return default_engine().extract_paths(paths, published=published)
