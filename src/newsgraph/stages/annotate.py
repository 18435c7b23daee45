"""annotate: run the spaCy model once per document, batched over the stream.

The model is loaded once per process and only the components some stage asks for are enabled,
which is most of newsgraph's speed budget.
"""

from __future__ import annotations

import logging
import re
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


# an all-caps place, optionally a region or country and an agency, then a dash: "KYIV,
# Ukraine —", "WASHINGTON (AP) _", "GAZA CITY -- "
DATELINE = re.compile(
    r"[A-Z][A-Z.'’\-]+(?: [A-Z][A-Z.'’\-]+){0,3}(?:, (?:[A-Z][\w.'’\-]*)(?: [A-Z][\w.'’\-]*){0,3})?"
    r"(?: \([A-Za-z .\-]{1,24}\))? ?(?:—|–|--|-|_) ?")


_LOWER_WORD = re.compile(r"\b[a-z]{3,}\b")


def _register_paragraphs() -> None:
    from spacy.language import Language

    if "newsgraph_paragraphs" in Language.factories:
        return

    @Language.component("newsgraph_paragraphs")
    def paragraphs(sdoc: Doc) -> Doc:
        # news text puts headlines, datelines and paragraphs on their own lines with no final
        # full stop; without this the parser glues a headline onto the first sentence
        starts = [0]
        for tok in sdoc[:-1]:
            if tok.is_space and "\n" in tok.text:
                sdoc[tok.i + 1].is_sent_start = True
                starts.append(tok.i + 1)
        # a dateline ("KYIV, Ukraine —", "WELLINGTON, New Zealand (AP) _") is no part of the
        # first sentence: parsed with it, the place becomes the subject of the story's verb
        text = sdoc.text
        for i in starts:
            if i >= len(sdoc):
                continue
            m = DATELINE.match(text, sdoc[i].idx, min(len(text), sdoc[i].idx + 120))
            # a dateline opens running text; an all-caps headline ("SOCCER - JAPAN WIN") is
            # left whole
            if m is None or not _LOWER_WORD.search(text, m.end(), min(len(text), m.end() + 60)):
                continue
            for tok in sdoc[i + 1:]:
                if tok.idx >= m.end() and not tok.is_space:
                    if "\n" not in text[m.end():tok.idx]:
                        tok.is_sent_start = True
                    break
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
        nlp = model_for(config, ALL_COMPONENTS)
        doc.spacy = parse_long(nlp, doc.text) if len(doc.text) > CHUNK_CHARS else nlp(doc.text)


# spaCy refuses texts over nlp.max_length (1,000,000 characters) and its parser's memory grows
# with the text; long articles are parsed in paragraph-aligned pieces and joined back
CHUNK_CHARS = 100_000


def _pieces(text: str, limit: int = CHUNK_CHARS) -> list[str]:
    """Cut ``text`` into pieces of at most ``limit`` characters that join back to it exactly,
    preferring paragraph breaks, then sentence ends, then spaces."""
    out, start = [], 0
    while len(text) - start > limit:
        window = text[start:start + limit]
        cut = -1
        for sep in ("\n", ". ", " "):
            i = window.rfind(sep)
            if i > limit // 4:
                cut = i + len(sep)
                break
        if cut <= 0:
            cut = limit
        out.append(text[start:start + cut])
        start += cut
    out.append(text[start:])
    return out


def parse_long(nlp: Language, text: str) -> Doc:
    from spacy.tokens import Doc as SpacyDoc

    parts = list(nlp.pipe(_pieces(text)))
    joined = SpacyDoc.from_docs(parts, ensure_whitespace=False)
    if joined.text != text:  # offsets must stay true to the article
        raise ValueError("pieces of a long text did not join back to the same text")
    return joined


def _reject(doc: Document, exc: Exception) -> None:
    from ..errors import Code
    from ..records import Rejection

    log.warning("document %s could not be annotated: %s", doc.id, exc)
    doc.reject(Rejection("annotate", Code.STAGE_FAILED.value,
                         f"stage 'annotate' failed: {type(exc).__name__}: {exc}"))


def annotate_stream(docs: Iterable[Document], config: Config, components: Iterable[str],
                    timer: StageTimer | None = None) -> Iterator[Document]:
    """Batch the model over documents with ``nlp.pipe``; rejected ones pass through untouched.

    A document the model fails on is rejected alone: the batch is retried one document at a time.
    """
    nlp = model_for(config, components)
    batch: list[Document] = []

    def one(d: Document) -> None:
        try:
            d.spacy = parse_long(nlp, d.text) if len(d.text) > CHUNK_CHARS else nlp(d.text)
            d.done.add("annotate")
        except Exception as exc:  # one bad article must not stop a batch
            _reject(d, exc)

    def flush() -> Iterator[Document]:
        todo = [d for d in batch if d.rejected is None and d.spacy is None]
        t0 = time.perf_counter()
        short = [d for d in todo if len(d.text) <= CHUNK_CHARS]
        try:
            for d, sdoc in zip(short, nlp.pipe((d.text for d in short),
                                               batch_size=config.batch_size)):
                d.spacy = sdoc
                d.done.add("annotate")
        except Exception:
            log.exception("a batch failed in the model; retrying its documents one by one")
            for d in short:
                if d.spacy is None:
                    one(d)
        for d in todo:
            if len(d.text) > CHUNK_CHARS:
                one(d)
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
