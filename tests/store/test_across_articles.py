"""Across stored articles: one quantity stated differently is a variation, a real conflict a
contradiction; the latest status comes with its source. Fictional articles written for the test."""

from __future__ import annotations

import pytest

from newsgraph.query import show, timeline

from ._stores import stored

ARTICLES = [
    ("first", "2024-05-01",
     "Nadia Rahimi, a Dutch aid worker, was freed on April 20 after being held for 120 days by "
     "the Karst Front. She had been kidnapped on December 22 near the border."),
    ("second", "2024-05-03",
     "Nadia Rahimi, who was held for about 120 days, said she would return to work. "
     "Rahimi thanked the mediators."),
    ("third", "2024-05-10",
     "Nadia Rahimi was held for 300 days by the Karst Front, a spokesman claimed on Tuesday."),
]


@pytest.fixture(scope="module")
def store(engine, tmp_path_factory):
    with stored(engine, tmp_path_factory.mktemp("across") / "a.db", ARTICLES) as s:
        yield s


def test_one_person_across_articles(store) -> None:
    data = show(store, "Nadia Rahimi")
    assert {a["alias"] for a in data["aliases"]} >= {"Nadia Rahimi"}
    assert {link["doc"] for link in data["links"]} == {"first", "second", "third"}


def test_duration_is_checked_in_its_article(store) -> None:
    data = show(store, "Rahimi")
    first = [c for c in data["claims"] if c["evidence"]["doc"] == "first"]
    assert first and first[0]["verdict"] == "consistent"


def test_variation_and_contradiction_across_articles(store) -> None:
    data = show(store, "Rahimi")
    rel = {(c["a"]["doc"], c["b"]["doc"]): c["relation"] for c in data["claims_across_articles"]}
    rel.update({(b, a): r for (a, b), r in list(rel.items())})
    assert rel[("first", "second")] == "variation"
    assert rel[("first", "third")] == "contradiction"


def test_latest_status_with_source(store) -> None:
    latest = timeline(store, "Rahimi")["latest_status"]
    assert latest["status"] == "released"
    assert latest["since"] == "2024-04-20"
    assert latest["source"] == "first"
