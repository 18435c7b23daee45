"""The bundled example against its hand-made gold, fact by fact, and against a golden snapshot.

Known misses are xfail with their reason, never left out. Regenerate the snapshot after an
intended change with ``NEWSGRAPH_UPDATE_GOLDEN=1 pytest tests/golden``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from newsgraph import demo
from newsgraph.goldfacts import fact_keys, results_by_kind
from newsgraph.serialize import document_json

GOLD = demo.gold()
SNAPSHOT = Path(__file__).resolve().parent / "example.json"

# (kind, index) -> reason, for facts the engine does not get yet
KNOWN_MISSES: dict[tuple[str, int], str] = {}


@pytest.fixture(scope="module")
def example_doc(engine):
    return engine.extract_text(demo.read("article.txt"), id="marchetti-belousov",
                               published=GOLD["published"])


@pytest.fixture(scope="module")
def scored(example_doc) -> dict[str, list[tuple[str, str, bool, str]]]:
    return results_by_kind(example_doc, GOLD)


@pytest.mark.parametrize("kind, index", [
    pytest.param(k, i, marks=pytest.mark.xfail(reason=KNOWN_MISSES[(k, i)], strict=True))
    if (k, i) in KNOWN_MISSES else (k, i) for k, i in fact_keys(GOLD)], ids=lambda v: str(v))
def test_gold_fact(scored, kind: str, index: int) -> None:
    _, label, ok, why = scored[kind][index]
    assert ok, f"{label}: {why}"


@pytest.fixture(scope="module")
def rules_doc():
    from newsgraph.api import Engine
    from newsgraph.config import Config

    return Engine(Config(pronouns="rules")).extract_text(
        demo.read("article.txt"), id="marchetti-belousov", published=GOLD["published"])


def test_snapshot(rules_doc) -> None:
    # the snapshot pins the deterministic path (pronouns by the rules), whatever extras are
    # installed; the gold facts above run on the default path, the learned scorer included
    got = document_json(rules_doc)
    if os.environ.get("NEWSGRAPH_UPDATE_GOLDEN") or not SNAPSHOT.exists():
        SNAPSHOT.write_text(json.dumps(got, indent=1, ensure_ascii=False) + "\n")
        if not os.environ.get("NEWSGRAPH_UPDATE_GOLDEN"):
            pytest.fail("snapshot was missing and has been written; rerun")
    assert got == json.loads(SNAPSHOT.read_text())
