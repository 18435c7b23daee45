"""Stage registry and runner.

A stage is a function ``(Document, Config) -> None`` registered with :func:`stage`, declaring what
it ``requires`` and ``assigns`` (document attribute names) and which spaCy components it needs.
A wrong order fails when the pipeline is built, before any document runs. A failure inside a stage
rejects that document only; the batch goes on.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from .config import Config
from .document import Document
from .errors import Code, NewsgraphError, PipelineError
from .records import Rejection

log = logging.getLogger(__name__)

StageFunc = Callable[[Document, Config], None]

DEFAULT_STAGES = ("annotate", "timex", "quotes", "people", "events", "claims")


@dataclass(frozen=True, slots=True)
class StageInfo:
    name: str
    func: StageFunc
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    spacy_components: tuple[str, ...] = ()


_REGISTRY: dict[str, StageInfo] = {}


def stage(name: str, *, requires: Iterable[str] = (), assigns: Iterable[str] = (),
          spacy_components: Iterable[str] = ()) -> Callable[[StageFunc], StageFunc]:
    """Register a pipeline stage (decorator)."""

    def deco(func: StageFunc) -> StageFunc:
        _REGISTRY[name] = StageInfo(name, func, tuple(requires), tuple(assigns),
                                    tuple(spacy_components))
        return func

    return deco


def registered(name: str) -> StageInfo:
    _load_builtin_stages()
    try:
        return _REGISTRY[name]
    except KeyError:
        raise PipelineError(Code.STAGE_ORDER, stage=name, missing="a registered stage") from None


def _load_builtin_stages() -> None:
    # importing the modules registers them; kept lazy so `import newsgraph` stays light
    from .stages import annotate, claims, events, people, quotes, timex  # noqa: F401


# attributes a Document has before any stage runs (set by ingest)
_INGESTED = ("text", "published", "id")


@dataclass
class StageTimer:
    seconds: dict[str, float] = field(default_factory=dict)
    words: int = 0

    def add(self, name: str, dt: float) -> None:
        self.seconds[name] = self.seconds.get(name, 0.0) + dt


class Pipeline:
    """An ordered, validated list of stages."""

    def __init__(self, names: Iterable[str] = DEFAULT_STAGES, config: Config | None = None):
        self.config = config or Config()
        self.stages = [registered(n) for n in names]
        have = set(_INGESTED)
        for info in self.stages:
            missing = [r for r in info.requires if r not in have]
            if missing:
                raise PipelineError(Code.STAGE_ORDER, stage=info.name, missing=", ".join(missing))
            have.update(info.assigns)
        self.timer = StageTimer()

    @property
    def spacy_components(self) -> set[str]:
        out: set[str] = set()
        for info in self.stages:
            out.update(info.spacy_components)
        return out

    def run_stages(self, doc: Document, *, skip: Iterable[str] = ()) -> Document:
        """Run every stage on one document; a failing stage rejects the document."""
        skipped = set(skip)
        for info in self.stages:
            if doc.rejected is not None:
                break
            if info.name in skipped or info.name in doc.done:
                continue
            t0 = time.perf_counter()
            try:
                info.func(doc, self.config)
            except NewsgraphError as exc:
                log.warning("document %s rejected in %s: %s", doc.id, info.name, exc)
                doc.reject(Rejection(info.name, exc.code.value, exc.reason))
            except Exception as exc:  # one bad article must not stop a batch
                log.exception("document %s: stage %s crashed", doc.id, info.name)
                doc.reject(Rejection(info.name, Code.STAGE_FAILED.value,
                                     f"stage {info.name!r} failed: {type(exc).__name__}: {exc}"))
            finally:
                self.timer.add(info.name, time.perf_counter() - t0)
            doc.done.add(info.name)
        return doc

    def run(self, docs: Iterable[Document]) -> Iterator[Document]:
        """Run the pipeline over a stream, batching the spaCy model over documents."""
        from .stages.annotate import annotate_stream

        has_annotate = any(s.name == "annotate" for s in self.stages)
        stream: Iterable[Document] = docs
        if has_annotate:
            stream = annotate_stream(docs, self.config, self.spacy_components, self.timer)
        for doc in stream:
            yield self.run_stages(doc)
