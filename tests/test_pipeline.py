"""Stage wiring fails before anything runs; a crashing stage rejects one document only."""

from __future__ import annotations

import pytest

from newsgraph.config import Config
from newsgraph.document import Document
from newsgraph.errors import Code, PipelineError
from newsgraph.pipeline import Pipeline, stage

from .conftest import STORY


def test_wrong_order_fails_at_build_time() -> None:
    with pytest.raises(PipelineError) as err:
        Pipeline(["people", "annotate"])
    assert err.value.code == Code.STAGE_ORDER
    assert "people" in str(err.value)


def test_unknown_stage() -> None:
    with pytest.raises(PipelineError):
        Pipeline(["annotate", "no-such-stage"])


def test_a_crashing_stage_rejects_only_its_document() -> None:
    @stage("explode_on_x", requires=("text",), assigns=("claims",))
    def explode(doc: Document, config: Config) -> None:
        if "x-marks" in doc.text:
            raise RuntimeError("boom")

    pipe = Pipeline(["explode_on_x"])
    docs = [Document(id="a", text="fine text"), Document(id="b", text="x-marks the spot"),
            Document(id="c", text="also fine")]
    out = list(pipe.run(docs))
    assert [d.rejected is None for d in out] == [True, False, True]
    assert out[1].rejected.stage == "explode_on_x"
    assert out[1].rejected.code == Code.STAGE_FAILED.value
    assert "boom" in out[1].rejected.reason


def test_spacy_components_are_the_union_of_stage_needs() -> None:
    pipe = Pipeline()
    assert {"ner", "parser"} <= pipe.spacy_components


def test_engine_runs_every_stage(engine) -> None:
    doc = engine.extract_text(STORY, published="2024-05-08")
    assert doc.rejected is None
    assert {"annotate", "timex", "quotes", "people", "events", "claims"} <= doc.done
    assert doc.spacy is not None and doc.spacy.text == doc.text


def test_document_takes_python_dates() -> None:
    import datetime as dt

    day, moment = dt.date(2024, 3, 14), dt.datetime(2024, 3, 14, 23, 50)
    assert Document(id="a", text="x", published=day).published == "2024-03-14"  # type: ignore[arg-type]
    assert Document(id="b", text="x", published=moment).published == "2024-03-14"  # type: ignore[arg-type]
    assert Document(id="c", text="x", published="2024-03-14").published == "2024-03-14"
