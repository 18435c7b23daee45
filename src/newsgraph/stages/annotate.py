"""annotate: run the spaCy model once per document, batched over the stream.

The model is loaded once per process and only the components some stage asks for are enabled,
which is most of newsgraph's speed budget.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from ..config import Config
from ..document import Document
from ..pipeline import stage

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from ..pipeline import StageTimer

log = logging.getLogger(__name__)

# what each spaCy component needs to run (the lemmatizer reads the tagger's tags, etc.)
_NEEDS = {
    "tagger": {"tok2vec"},
    "parser": {"tok2vec"},
    "ner": {"tok2vec"},
    "attribute_ruler": {"tagger"},
    "lemmatizer": {"attribute_ruler", "tagger"},
}


def _closure(components: Iterable[str]) -> frozenset[str]:
    out = set(components)
    changed = True
    while changed:
        changed = False
        for c in list(out):
            for need in _NEEDS.get(c, ()):
                if need not in out:
                    out.add(need)
                    changed = True
    return frozenset(out)


def _register_paragraphs() -> None:
    from spacy.language import Language

    if "newsgraph_paragraphs" in Language.factories:
        return

    @Language.component("newsgraph_paragraphs")
    def paragraphs(sdoc: Doc) -> Doc:
        # news text puts headlines, datelines and paragraphs on their own lines with no final
        # full stop; without this the parser glues a headline onto the first sentence
        for tok in sdoc[:-1]:
            if tok.is_space and "\n" in tok.text:
                sdoc[tok.i + 1].is_sent_start = True
        return sdoc


@lru_cache(maxsize=4)
def load_model(name: str, components: frozenset[str]) -> Language:
    """Load the model once per (name, components); unused components are excluded."""
    import spacy

    unused = [p for p in ALL_COMPONENTS if p not in components]
    nlp = spacy.load(name, exclude=unused)
    if "parser" in nlp.pipe_names:
        _register_paragraphs()
        nlp.add_pipe("newsgraph_paragraphs", before="parser")
    log.info("loaded %s with %s", name, nlp.pipe_names)
    return nlp


def model_for(config: Config, components: Iterable[str]) -> Language:
    return load_model(config.model, _closure(components))


ALL_COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")


@stage("annotate", requires=("text",), assigns=("spacy",),
       spacy_components=("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"))
def annotate(doc: Document, config: Config) -> None:
    if doc.spacy is None:
        doc.spacy = model_for(config, ALL_COMPONENTS)(doc.text)


def annotate_stream(docs: Iterable[Document], config: Config, components: Iterable[str],
                    timer: StageTimer | None = None) -> Iterator[Document]:
    """Batch the model over documents with ``nlp.pipe``; rejected ones pass through untouched."""
    nlp = model_for(config, components)
    batch: list[Document] = []

    def flush() -> Iterator[Document]:
        todo = [d for d in batch if d.rejected is None and d.spacy is None]
        t0 = time.perf_counter()
        for d, sdoc in zip(todo, nlp.pipe((d.text for d in todo), batch_size=config.batch_size)):
            d.spacy = sdoc
            d.done.add("annotate")
        if timer is not None:
            timer.add("annotate", time.perf_counter() - t0)
            timer.words += sum(len(d.text.split()) for d in todo)
        yield from batch
        batch.clear()

    for doc in docs:
        batch.append(doc)
        if len(batch) >= config.batch_size:
            yield from flush()
    yield from flush()
