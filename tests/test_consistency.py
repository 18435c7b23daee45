"""Across articles: variation, time passed and contradiction for durations, ages and statuses."""

from __future__ import annotations

import pytest

from newsgraph.consistency import (Stated, compare_ages, compare_durations, parse_stated_duration,
                                   status_conflicts)


def d(value: str, doc: str = "a", published: str = "2024-03-08", kind: str = "duration") -> Stated:
    return Stated(kind, value, doc, published, (0, 1))


@pytest.mark.parametrize("value, expected", [
    ("P498D", (498.0, None)), ("about P500D", (500.0, "APPROX")),
    ("more than P1Y", (365.25, "MORE_THAN")), ("P2W", (14.0, None)), ("PXD", None)])
def test_parse(value, expected) -> None:
    assert parse_stated_duration(value) == expected


@pytest.mark.parametrize("a, b, relation", [
    (d("P498D"), d("P498D", "b"), "same"),
    (d("P498D"), d("about P500D", "b"), "variation"),
    (d("P498D"), d("P497D", "b"), "variation"),
    (d("more than P1Y"), d("P498D", "b"), "variation"),
    (d("less than P1Y"), d("P498D", "b"), "contradiction"),
    (d("P498D"), d("P300D", "b"), "contradiction"),
    # a captivity still going on: the later article states 30 more days, 30 days later
    (d("P100D", published="2024-01-01"), d("P130D", "b", "2024-01-31"), "time_passed"),
    (d("P100D", published="2024-01-01"), d("P200D", "b", "2024-01-31"), "contradiction"),
])
def test_durations(a, b, relation) -> None:
    assert compare_durations(a, b)[0] == relation
    assert compare_durations(b, a)[0] == relation


@pytest.mark.parametrize("a, b, relation", [
    (d("29", published="2024-03-08", kind="age"), d("30", "b", "2025-03-09", kind="age"), "consistent"),
    (d("29", published="2024-03-08", kind="age"), d("29", "b", "2024-09-01", kind="age"), "same"),
    (d("29", published="2024-03-08", kind="age"), d("35", "b", "2024-09-01", kind="age"), "contradiction"),
    (d("29", published="2024-03-08", kind="age"), d("28", "b", "2025-06-01", kind="age"), "contradiction"),
])
def test_ages(a, b, relation) -> None:
    assert compare_ages(a, b)[0] == relation


def test_alive_after_dead_is_a_contradiction() -> None:
    facts = [{"status": "dead", "since": "2023-10-07", "as_of": "2023-10-20", "doc": "a"},
             {"status": "held", "since": "2023-10-07", "as_of": "2024-01-05", "doc": "b"}]
    out = status_conflicts(facts)
    assert len(out) == 1 and "after being reported dead" in out[0]["why"]


def test_released_after_held_is_no_contradiction() -> None:
    facts = [{"status": "held", "since": "2023-10-07", "as_of": "2024-01-05", "doc": "a"},
             {"status": "released", "since": "2025-02-15", "as_of": "2025-04-17", "doc": "b"}]
    assert status_conflicts(facts) == []


def test_exclusive_statuses_same_date() -> None:
    facts = [{"status": "held", "since": "2024-02-01", "as_of": "2024-03-01", "doc": "a"},
             {"status": "released", "since": "2024-02-01", "as_of": "2024-03-02", "doc": "b"}]
    assert status_conflicts(facts)[0]["relation"] == "contradiction"
