"""The founding article (../shared/seed) against its gold, fact by fact, whenever ../shared is here.

Nothing in newsgraph is keyed to this article: these tests only read it. Known misses are xfail
with their reason.
"""

from __future__ import annotations

import json

import pytest

from newsgraph.goldfacts import fact_keys, results_by_kind

from ..conftest import SHARED

SEED = SHARED / "seed"
GOLD = json.loads((SEED / "gold.json").read_text()) if (SEED / "gold.json").exists() else None

KNOWN_MISSES: dict[tuple[str, int], str] = {}


@pytest.fixture(scope="module")
def scored(engine):
    if GOLD is None:
        pytest.skip("../shared/seed is not beside the checkout")
    doc = engine.extract_text((SEED / "article.txt").read_text(), id="seed",
                              published=GOLD["published"])
    assert doc.rejected is None, doc.rejected
    return results_by_kind(doc, GOLD)


@pytest.mark.skipif(GOLD is None, reason="../shared/seed is not beside the checkout")
@pytest.mark.parametrize("kind, index", [
    pytest.param(k, i, marks=pytest.mark.xfail(reason=KNOWN_MISSES[(k, i)], strict=True))
    if (k, i) in KNOWN_MISSES else (k, i) for k, i in (fact_keys(GOLD) if GOLD else [])], ids=lambda v: str(v))
def test_seed_fact(scored, kind: str, index: int) -> None:
    _, label, ok, why = scored[kind][index]
    assert ok, f"{label}: {why}"
