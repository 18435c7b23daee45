"""events stage: triggers, participants, times, relations and statuses on hand-built documents.

Entities and timexes are given by hand (tests/stages/_docs.py) so these tests exercise the events
logic whatever the people and timex stages do; the spaCy model parses the text.
"""

from __future__ import annotations

import dataclasses

import pytest

from newsgraph.config import Config
from newsgraph.events import lexicon
from newsgraph.events.arith import Elapsed
from newsgraph.events.frames import find_frames
from newsgraph.events.timing import date_range
from newsgraph.stages.annotate import ALL_COMPONENTS, model_for
from newsgraph.records import Mention
from newsgraph.stages.events import events

from ._docs import make_doc

pytestmark = pytest.mark.slow


def _nlp():  # type: ignore[no-untyped-def]
    return model_for(Config(), ALL_COMPONENTS)


@pytest.mark.parametrize("text, trigger, etype", [
    ("Rebels kidnapped two engineers near Orlan.", "kidnapped", "kidnap"),
    ("The attack on the depot lasted an hour.", "attack", "attack"),
    ("Her release came after long talks.", "release", "release"),
    ("The minister resigned on Friday.", "resigned", "resign"),
    ("Voters elected a new mayor in Tessaly.", "elected", "elect"),
    ("A court sentenced the smuggler to six years.", "sentenced", "sentence"),
    ("The family moved to Portugal from Chile.", "moved", "migrate"),
    ("Police arrested the driver at the border.", "arrested", "arrest"),
    ("The envoy urged the rebels to free the crew.", "urged", "appeal"),
])
def test_trigger_types(text: str, trigger: str, etype: str) -> None:
    sdoc = _nlp()(text)
    found = {sdoc[f.trigger].text: f.type for f in find_frames(sdoc)}
    assert found.get(trigger) == etype


@pytest.mark.parametrize("text, not_events", [
    ("The plan was drawn up according to the new rules.", {"according"}),
    ("The station is near the old nation border.", {"station", "nation"}),
])
def test_non_events(text: str, not_events: set[str]) -> None:
    sdoc = _nlp()(text)
    assert not not_events & {sdoc[f.trigger].text for f in find_frames(sdoc)}


@pytest.mark.parametrize("text, trigger, roles", [
    ("Rebels kidnapped the engineer.", "kidnapped", {("Arg0", "Rebels"), ("Arg1", "engineer")}),
    ("The engineer was freed by the rebels.", "freed",
     {("Arg1", "engineer"), ("Arg0", "rebels")}),
    ("Prices rose sharply in March.", "rose", {("Arg1", "Prices")}),
    ("Oskar met with Lena in Warsaw.", "met", {("Arg0", "Oskar"), ("Arg1", "Lena")}),
    ("The rebels' release of the crew surprised everyone.", "release",
     {("Arg0", "rebels"), ("Arg1", "crew")}),
    # a companion undergoes the event too
    ("The engineer was freed on Monday along with a nurse.", "freed",
     {("Arg1", "engineer"), ("Arg1", "nurse")}),
    ("The engineer was seized with his two sons.", "seized", {("Arg1", "engineer"),
                                                              ("Arg1", "sons")}),
    # declining to do something is done by someone, unlike prices declining
    ("The minister declined to comment.", "declined", {("Arg0", "minister")}),
    # a headline's bare verb with no object is a passive
    ("Former minister Ivo Rados jailed for six years", "jailed", {("Arg1", "Rados")}),
])
def test_arguments(text: str, trigger: str, roles: set[tuple[str, str]]) -> None:
    sdoc = _nlp()(text)
    frame = next(f for f in find_frames(sdoc) if sdoc[f.trigger].text == trigger)
    got = {(r, sdoc[i].text) for r, i in frame.args if r in ("Arg0", "Arg1")}
    assert got == roles


@pytest.mark.parametrize("text, trigger, negated, hypothetical", [
    ("The rebels did not release the crew.", "release", True, False),
    ("The rebels never freed the crew.", "freed", True, False),
    ("The envoy urged the rebels to free the crew.", "free", False, True),
    ("The rebels may release the crew soon.", "release", False, True),
    ("The rebels released the crew.", "released", False, False),
])
def test_negation_and_hypothesis(text: str, trigger: str, negated: bool,
                                 hypothetical: bool) -> None:
    sdoc = _nlp()(text)
    frame = next(f for f in find_frames(sdoc) if sdoc[f.trigger].text == trigger)
    assert (frame.negated, frame.hypothetical) == (negated, hypothetical)


CAPTIVE_TEXT = ("Lena Varga was released on March 3, 2031 by the Grey Wolf Brigade. Gunmen had "
                "abducted her on October 5, 2030. Her brother Tomas Varga was killed during the "
                "raid on the convoy on October 5, 2030.")


def _captive_doc():  # type: ignore[no-untyped-def]
    return make_doc(
        CAPTIVE_TEXT, published="2031-03-10",
        entities=[("PERSON", "Lena Varga", ["Lena Varga", "her@0", "Her@0"]),
                  ("PERSON", "Tomas Varga", ["Tomas Varga"]),
                  ("ORG", "Grey Wolf Brigade", ["the Grey Wolf Brigade"])],
        timexes=[("March 3, 2031", "DATE", "2031-03-03"),
                 ("October 5, 2030", "DATE", "2030-10-05")])


def test_events_with_entities_and_times() -> None:
    doc = _captive_doc()
    events(doc, Config())
    got = {(e.type, doc.text[e.trigger[0]:e.trigger[1]], e.time,
            frozenset((p.role, p.entity) for p in e.participants)) for e in doc.events}
    assert ("release", "released", "2031-03-03",
            frozenset({("patient", "e0"), ("agent", "e2")})) in got
    assert ("kidnap", "abducted", "2030-10-05", frozenset({("patient", "e0")})) in got
    assert ("kill", "killed", "2030-10-05", frozenset({("patient", "e1")})) in got
    for e in doc.events:
        assert 0 <= e.trigger[0] < e.trigger[1] <= len(doc.text)


def test_statuses_and_captivity() -> None:
    doc = _captive_doc()
    events(doc, Config())
    got = {(s.entity, s.status, s.since, s.as_of) for s in doc.statuses}
    # the release ends the holding that began with the abduction: released, not also held
    assert got == {("e0", "released", "2031-03-03", "2031-03-10"),
                   ("e1", "dead", "2030-10-05", "2031-03-10")}
    caps = doc.scratch["captivities"]
    assert [(c.captive, c.begin, c.end) for c in caps] == [("e0", "2030-10-05", "2031-03-03")]


def test_holding_after_a_release_stands() -> None:
    doc = make_doc(
        "Ivo Bran was released on May 2, 2030. He was abducted again on June 9, 2031.",
        published="2031-07-01",
        entities=[("PERSON", "Ivo Bran", ["Ivo Bran", "He@0"])],
        timexes=[("May 2, 2030", "DATE", "2030-05-02"), ("June 9, 2031", "DATE", "2031-06-09")])
    events(doc, Config())
    got = {(s.status, s.since) for s in doc.statuses}
    assert ("held", "2031-06-09") in got


def test_handed_over_is_a_release() -> None:
    doc = make_doc("The militia handed Ivo Bran over to the Red Crescent on Friday.",
                   published="2031-07-04",
                   entities=[("PERSON", "Ivo Bran", ["Ivo Bran"])],
                   timexes=[("Friday", "DATE", "2031-07-04")])
    events(doc, Config())
    assert [(e.type, doc.text[e.trigger[0]:e.trigger[1]]) for e in doc.events
            if e.type == "release"] == [("release", "handed")]
    assert [s.status for s in doc.statuses] == ["released"]


def test_advocating_for_freedom_is_no_release() -> None:
    doc = make_doc("The church continues to advocate for the freedom of Ivo Bran.",
                   entities=[("PERSON", "Ivo Bran", ["Ivo Bran"])])
    events(doc, Config())
    assert all(e.hypothetical for e in doc.events if e.type == "release")
    assert doc.statuses == []


def test_hypothetical_release_gives_no_status() -> None:
    doc = make_doc("The envoy urged the militia to free Dan Orr.",
                   entities=[("PERSON", "Dan Orr", ["Dan Orr"])])
    events(doc, Config())
    assert any(e.type == "release" and e.hypothetical for e in doc.events)
    assert doc.statuses == []


@pytest.mark.parametrize("text, people, expected", [
    ("Her father, Abel Nunez, spoke first. Rosa Nunez thanked him.",
     [("Abel Nunez", ["Abel Nunez"]), ("Rosa Nunez", ["Rosa Nunez", "Her@0"])],
     ("Abel Nunez", "father_of", "Rosa Nunez")),
    ("Rosa Nunez arrived. Her brother Abel Nunez waited outside.",
     [("Rosa Nunez", ["Rosa Nunez"]), ("Abel Nunez", ["Abel Nunez"])],
     ("Abel Nunez", "brother_of", "Rosa Nunez")),
    ("Rosa Nunez, 37, a Chilean-Spanish nurse, was freed.",
     [("Rosa Nunez", ["Rosa Nunez"])], ("Rosa Nunez", "age", 37)),
    ("Rosa Nunez, 37, a Chilean-Spanish nurse, was freed.",
     [("Rosa Nunez", ["Rosa Nunez"])], ("Rosa Nunez", "citizen_of", "Spain")),
    ("Chilean President Rosa Nunez spoke.",
     [("Rosa Nunez", ["Rosa Nunez"])], ("Rosa Nunez", "title", "President of Chile")),
])
def test_relations(text: str, people: list[tuple[str, list[str]]],
                   expected: tuple[str, str, object]) -> None:
    doc = make_doc(text, entities=[("PERSON", n, s) for n, s in people])
    events(doc, Config())
    names = {e.id: e.name for e in doc.entities}
    got = {(names[r.subject], r.predicate, names.get(r.object, r.object))  # type: ignore[arg-type]
           for r in doc.relations}
    assert expected in got
    for r in doc.relations:
        assert 0 <= r.evidence[0] < r.evidence[1] <= len(text)


def test_age_as_of_event_time() -> None:
    doc = make_doc("On May 2, 2031 Rosa Nunez, 37, met the envoy.", published="2031-05-09",
                   entities=[("PERSON", "Rosa Nunez", ["Rosa Nunez"])],
                   timexes=[("May 2, 2031", "DATE", "2031-05-02")])
    events(doc, Config())
    ages = [r for r in doc.relations if r.predicate == "age"]
    assert [(r.object, r.as_of) for r in ages] == [(37, "2031-05-02")]


@pytest.mark.parametrize("value, expected", [
    ("2023-10-07", ("2023-10-07", "2023-10-07")),
    ("2023-11", ("2023-11-01", "2023-11-30")),
    ("2024-02", ("2024-02-01", "2024-02-29")),
    ("2023", ("2023-01-01", "2023-12-31")),
    ("199", ("1990-01-01", "1999-12-31")),
    ("PRESENT_REF", None),
])
def test_date_range(value: str, expected: tuple[str, str] | None) -> None:
    got = date_range(value)
    assert (None if got is None else (got[0].isoformat(), got[1].isoformat())) == expected


def test_elapsed_counts_both_ways() -> None:
    gap = Elapsed.between("2030-10-05", "2031-03-03")
    assert gap is not None and (gap.lo, gap.hi) == (149, 149)
    assert "150 counting both" in gap.describe()


def test_lexicon_types_are_documented() -> None:
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[2] / "docs" / "events.md").read_text()
    for etype in lexicon.EVENT_TYPES:
        assert f"`{etype}`" in doc, etype


def test_possessive_inside_a_kin_apposition_is_the_other_person() -> None:
    doc = make_doc("Tomas Brell was freed. Marta Lind welcomed the news. His sister, Ida Brell, "
                   "said he was well.",
                   entities=[("PERSON", "Tomas Brell", ["Tomas Brell", "His@0", "he@0"]),
                             ("PERSON", "Ida Brell", ["Ida Brell"]),
                             ("PERSON", "Marta Lind", ["Marta Lind"])])
    # the people stage gives the sister the apposition "His sister" too, around the brother's
    # "His"
    start = doc.text.index("His sister")
    ida = doc.entities[1]
    doc.entities[1] = dataclasses.replace(ida, mentions=(
        Mention(start, start + 10, "His sister", "description", "PERSON"), *ida.mentions))
    events(doc, Config())
    names = {e.id: e.name for e in doc.entities}
    assert ("Ida Brell", "sister_of", "Tomas Brell") in {
        (names[r.subject], r.predicate, names.get(r.object)) for r in doc.relations}


def test_relative_clause_participants_are_all_its_antecedents() -> None:
    doc = make_doc("Rusu was seized with his sons, Mihai and Pavel, who were freed in May.",
                   entities=[("PERSON", "Rusu", ["Rusu"]), ("PERSON", "Mihai", ["Mihai"]),
                             ("PERSON", "Pavel", ["Pavel"])])
    events(doc, Config())
    freed = [e for e in doc.events if e.type == "release"]
    assert {p.entity for e in freed for p in e.participants} == {"e1", "e2"}


def test_a_relative_clauses_dates_do_not_date_the_main_clause(engine) -> None:
    doc = engine.extract_text("Ivo Rados, who ran the port authority from 2016 to 2020, denied "
                              "the charges.", published="2031-03-05")
    denied = next(e for e in doc.events if doc.text[e.trigger[0]:e.trigger[1]] == "denied")
    assert denied.time != "2020"


def test_a_prison_term_is_not_a_period_held(engine) -> None:
    doc = engine.extract_text("A court in Split sentenced Ivo Rados to six years in prison on "
                              "Tuesday. Rados was arrested on May 3, 2029, and released on bail "
                              "on June 1, 2029.", published="2031-03-05")
    assert not any(c.stated == "P6Y" for c in doc.claims)
