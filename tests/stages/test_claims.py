"""claims stage: stated numbers checked against the article's dates (hand-built documents)."""

from __future__ import annotations

import pytest

from newsgraph.config import Config
from newsgraph.events.arith import Elapsed, check, parse_duration
from newsgraph.stages.claims import claims
from newsgraph.stages.events import events

from ._docs import make_doc

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("stated, mod, start, end, verdict", [
    ("P150D", None, "2030-10-05", "2031-03-03", "consistent"),     # 149 elapsed, 150 inclusive
    ("P149D", None, "2030-10-05", "2031-03-03", "consistent"),
    ("P90D", None, "2030-01-02", "2030-06-20", "inconsistent"),    # 169 days
    ("P1Y", "MORE_THAN", "2030-01-02", "2031-06-20", "consistent"),
    ("P2Y", "MORE_THAN", "2030-01-02", "2031-06-20", "inconsistent"),
    ("P500D", "APPROX", "2030-01-02", "2031-05-10", "consistent"),  # 493 days
    ("P3W", None, "2030-02-01", "2030-04-02", "inconsistent"),     # 60 days
    ("P2M", None, "2030-02-01", "2030-04-02", "consistent"),
    ("P2Y", None, "2031-12-01", "2032-02-10", "inconsistent"),
    ("PXD", None, "2030-02-01", "2030-02-06", "consistent"),       # "days after"
    ("P10D", None, "2023-11", "2023-11", "consistent"),            # month precision: 0..29
])
def test_check(stated: str, mod: str | None, start: str, end: str, verdict: str) -> None:
    gap = Elapsed.between(start, end)
    duration = parse_duration(stated)
    assert gap is not None and duration is not None
    assert check(duration, mod, gap)[0] == verdict


def _run(text: str, published: str, entities, timexes):  # type: ignore[no-untyped-def]
    doc = make_doc(text, published=published, entities=entities, timexes=timexes)
    events(doc, Config())
    claims(doc, Config())
    return doc


@pytest.mark.parametrize("text, timexes, verdict", [
    ("Ana Bell was released on June 20, 2030 after 169 days in captivity. Gunmen had "
     "kidnapped her on January 2, 2030.",
     [("June 20, 2030", "DATE", "2030-06-20"), ("169 days", "DURATION", "P169D"),
      ("January 2, 2030", "DATE", "2030-01-02")], "consistent"),
    ("Ana Bell was released on June 20, 2030 after 90 days in captivity. Gunmen had "
     "kidnapped her on January 2, 2030.",
     [("June 20, 2030", "DATE", "2030-06-20"), ("90 days", "DURATION", "P90D"),
      ("January 2, 2030", "DATE", "2030-01-02")], "inconsistent"),
    ("Ana Bell was released on June 20, 2030 after 90 days in captivity.",
     [("June 20, 2030", "DATE", "2030-06-20"), ("90 days", "DURATION", "P90D")],
     "unverifiable"),
])
def test_captivity_duration(text: str, timexes, verdict: str) -> None:  # type: ignore[no-untyped-def]
    doc = _run(text, "2030-06-25", [("PERSON", "Ana Bell", ["Ana Bell", "her@0"])], timexes)
    duration = [c for c in doc.claims if c.kind == "duration"]
    assert [c.verdict for c in duration] == [verdict]
    assert doc.text[duration[0].span[0]:duration[0].span[1]].endswith("days")


@pytest.mark.parametrize("text, timexes, verdict", [
    ("The council approved the plan on May 14, 2030, ten days after Ivo Lind proposed it on "
     "May 4, 2030.",
     [("May 14, 2030", "DATE", "2030-05-14"), ("ten days", "DURATION", "P10D"),
      ("May 4, 2030", "DATE", "2030-05-04")], "consistent"),
    ("The council approved the plan on May 14, 2030, three weeks after Ivo Lind proposed it on "
     "May 4, 2030.",
     [("May 14, 2030", "DATE", "2030-05-14"), ("three weeks", "DURATION", "P3W"),
      ("May 4, 2030", "DATE", "2030-05-04")], "inconsistent"),
])
def test_offset(text: str, timexes, verdict: str) -> None:  # type: ignore[no-untyped-def]
    doc = _run(text, "2030-05-15", [("PERSON", "Ivo Lind", ["Ivo Lind"])], timexes)
    assert [c.verdict for c in doc.claims if c.kind == "offset"] == [verdict]


@pytest.mark.parametrize("age, verdict", [(40, "consistent"), (41, "consistent"),
                                          (45, "inconsistent")])
def test_age_against_birth_year(age: int, verdict: str) -> None:
    text = f"Ivo Lind, {age}, who was born in 1990, was appointed on Monday."
    doc = _run(text, "2031-05-07", [("PERSON", "Ivo Lind", ["Ivo Lind"])],
               [("1990", "DATE", "1990"), ("Monday", "DATE", "2031-05-05")])
    assert [c.verdict for c in doc.claims if c.kind == "age"] == [verdict]


def test_vague_duration_checked_against_exact_one() -> None:
    text = ("Ana Bell was freed after more than a year in captivity. She said she was held for "
            "400 days.")
    doc = _run(text, "2030-06-25", [("PERSON", "Ana Bell", ["Ana Bell", "She@0", "she@0"])],
               [("more than a year", "DURATION", "P1Y", "MORE_THAN"),
                ("400 days", "DURATION", "P400D")])
    vague = [c for c in doc.claims if c.stated == "more than P1Y"]
    assert [(c.verdict, c.computed) for c in vague] == [("consistent", "P400D")]


def test_no_claims_without_durations() -> None:
    doc = _run("Ana Bell met the envoy in Orlan.", "2030-06-25",
               [("PERSON", "Ana Bell", ["Ana Bell"])], [])
    assert doc.claims == []
