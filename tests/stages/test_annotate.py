"""annotate: long articles are parsed in pieces that join back exactly; a failure rejects one
document, not the batch."""

from __future__ import annotations

import pytest

from newsgraph.document import Document
from newsgraph.stages import annotate

from ..conftest import STORY


@pytest.mark.parametrize("text, limit", [
    ("a" * 1000, 300),
    ("one two three. " * 100, 120),
    ("para one\n" * 200, 250),
    ("short", 300),
])
def test_pieces_join_back_and_respect_the_limit(text: str, limit: int) -> None:
    parts = annotate._pieces(text, limit)
    assert "".join(parts) == text
    assert all(0 < len(p) <= limit for p in parts)


def test_paragraph_breaks_start_sentences(engine) -> None:
    doc = engine.extract_text("Pilot comes home\nMayor Ingrid Halvorsen met Tomas Lindqvist on Monday.")
    assert [s.text.strip() for s in doc.spacy.sents][0] == "Pilot comes home"


@pytest.mark.parametrize("text, first", [
    ("VARNA, Bulgaria \u2014 Tomas Lindqvist returned home on Monday.", "VARNA, Bulgaria \u2014"),
    ("HALVIK (AP) _ The mayor met Tomas Lindqvist on Monday.", "HALVIK (AP) _"),
])
def test_dateline_is_a_sentence_of_its_own(engine, text: str, first: str) -> None:
    doc = engine.extract_text(text)
    assert [s.text.strip() for s in doc.spacy.sents][0] == first


def test_all_caps_headline_keeps_its_dash(engine) -> None:
    doc = engine.extract_text("SOCCER - HALVIK WIN AWAY , LINDQVIST SCORES TWICE .")
    assert len(list(doc.spacy.sents)) == 1


def test_long_text_is_parsed_in_pieces(engine, monkeypatch) -> None:
    monkeypatch.setattr(annotate, "CHUNK_CHARS", 300)
    text = "\n".join([STORY] * 8)
    docs = list(engine.run([Document(id="long", text=text, published="2024-05-08"),
                            Document(id="short", text="The pilot flew home.", published="2024-05-08")]))
    long = docs[0]
    assert long.rejected is None
    assert long.spacy.text == text
    assert sum(t.text == "Monday" for t in long.timexes) == 8
    assert all(text[t.start:t.end] == t.text for t in long.timexes)
    assert docs[1].rejected is None


def test_model_failure_rejects_only_that_document(engine, monkeypatch) -> None:
    monkeypatch.setattr(annotate, "CHUNK_CHARS", 300)

    def boom(nlp, text):
        raise MemoryError("out of memory")

    monkeypatch.setattr(annotate, "parse_long", boom)
    docs = list(engine.run([Document(id="a", text=STORY), Document(id="long", text=STORY * 5),
                            Document(id="b", text=STORY)]))
    assert [d.rejected is None for d in docs] == [True, False, True]
    assert docs[1].rejected.stage == "annotate"
    assert "out of memory" in docs[1].rejected.reason
