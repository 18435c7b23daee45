"""Invariants on random and real texts: spans give back their text; extraction never raises."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph import demo
from newsgraph.serialize import document_json

EXAMPLE = demo.read("article.txt") + "\n" + demo.read("followup.txt")


def check_spans(engine, text: str, published: str | None = "2024-03-08") -> None:
    doc = engine.extract_text(text, published=published)
    out = document_json(doc)
    n = len(text)

    def ok(span) -> bool:
        return span is None or (0 <= span[0] < span[1] <= n)

    if out["rejected"] is not None:
        assert all(out[k] == [] for k in ("entities", "timexes", "quotes", "events", "relations",
                                          "claims", "statuses"))
        return
    ids = {e["id"] for e in out["entities"]}
    for e in out["entities"]:
        assert e["mentions"], e
        for s in e["mentions"]:
            assert ok(s)
    for t in out["timexes"]:
        assert ok((t["start"], t["end"])) and text[t["start"]:t["end"]] == t["text"]
    for q in out["quotes"]:
        assert ok((q["start"], q["end"])) and text[q["start"]:q["end"]] == q["text"]
        assert ok(q["speaker_span"])
        assert q["speaker"] is None or q["speaker"] in ids
        assert q["addressee"] is None or q["addressee"] in ids
    for ev in out["events"]:
        assert ok(ev["trigger"])
        assert all(p["entity"] in ids for p in ev["participants"])
    for r in out["relations"]:
        assert ok(r["evidence"]) and r["subject"] in ids
    for c in out["claims"]:
        assert ok(c["span"]) and c["verdict"] in ("consistent", "inconsistent", "unverifiable")
    for s in out["statuses"]:
        assert ok(s["evidence"]) and s["entity"] in ids


SETTINGS = settings(max_examples=40, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@SETTINGS
@given(st.text(min_size=0, max_size=400))
def test_random_text_never_raises(engine, text: str) -> None:
    check_spans(engine, text)


@SETTINGS
@given(st.integers(0, len(EXAMPLE) - 1), st.integers(1, len(EXAMPLE)),
       st.sampled_from([None, "2024-03-08", "1999-12-31"]))
def test_real_text_slices(engine, a: int, length: int, published: str | None) -> None:
    check_spans(engine, EXAMPLE[a:a + length], published)


@SETTINGS
@given(st.lists(st.sampled_from(EXAMPLE.split(" ")), min_size=1, max_size=120))
def test_shuffled_words(engine, words: list[str]) -> None:
    check_spans(engine, " ".join(words))


def test_whole_example(engine) -> None:
    check_spans(engine, EXAMPLE)


def test_seed(engine, shared) -> None:
    check_spans(engine, (shared / "seed" / "article.txt").read_text(), "2025-04-17")
