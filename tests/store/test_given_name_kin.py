"""A person named by the given name alone in one article is linked to the full name in another
only when kin backs it: the same relative, or the family name a relative implies. The articles are
fictional, written for this test."""

from __future__ import annotations

import pytest

from newsgraph.query import show

from ._stores import owners as _owners
from ._stores import stored

ARTICLES = [
    # given name first, full name later
    ("glacier-1", "2025-02-03",
     "Teodor Vasquero, a Chilean geologist, was rescued on Sunday after three weeks stranded at a "
     "research station on the Halden glacier. His wife Irena waited for him at the port of "
     "Valdoria. Vasquero thanked Captain Lucas Brandt, whose crew reached the station."),
    ("glacier-2", "2025-02-10",
     "Teodor Vasquero said on Friday that he would go back to the Halden glacier next winter. "
     "His wife, Irena Vasquero, said the family had not slept for three weeks. Lucas Brandt "
     "said the weather had been the worst in a decade."),
    # full name first, given name later
    ("orchard-1", "2025-03-01",
     "Anselm Draxler, a farmer from Kettering Vale, lost his orchard to a hailstorm on Tuesday. "
     "His daughter, Noor Draxler, started a fund for the farmers of the valley. Mayor Ruth Ilves "
     "promised help."),
    ("orchard-2", "2025-03-09",
     "Anselm Draxler has begun to replant. His daughter Noor said the fund had raised enough for "
     "two hundred trees. Ruth Ilves visited the orchard on Saturday."),
    # another Irena in the glacier story, with no kin: the same people around her, still apart
    ("glacier-3", "2025-02-12",
     "Irena, a nurse at the port clinic in Valdoria, said Teodor Vasquero had lost six kilograms. "
     "Captain Lucas Brandt brought the last of the crew home on Tuesday."),
    # another Irena who is the wife of another man
    ("ferry-1", "2025-04-02",
     "Mirko Halloran, a ferry pilot, was injured when his boat struck a pier in Valdoria. His "
     "wife Irena said he was recovering."),
]


@pytest.fixture(scope="module")
def store(engine, tmp_path_factory):
    with stored(engine, tmp_path_factory.mktemp("kin") / "k.db", ARTICLES) as s:
        yield s


@pytest.mark.parametrize(("full", "given", "docs"), [
    ("Irena Vasquero", "Irena", {"glacier-1", "glacier-2"}),  # given name first
    ("Noor Draxler", "Noor", {"orchard-1", "orchard-2"}),  # full name first
])
def test_given_name_with_the_same_relative_is_the_full_name(store, full: str, given: str,
                                                            docs: set[str]) -> None:
    data = show(store, full)
    aliases = {a["alias"]: set(a["docs"]) for a in data["aliases"]}
    assert given in aliases and full in aliases, aliases
    linked = {link["doc"] for link in data["links"]}
    assert docs <= linked
    evidence = [e for link in data["links"] for e in link["evidence"]]
    assert any("kin" in e for e in evidence), evidence


def test_same_given_name_without_kin_stays_apart(store) -> None:
    # the nurse shares the story's people and places but not the wife's husband
    owners = _owners(store, "Irena")
    wife = [eid for eid, docs in owners.items() if "glacier-2" in docs]
    nurse = [eid for eid, docs in owners.items() if "glacier-3" in docs]
    assert len(wife) == 1 and len(nurse) == 1
    assert wife != nurse


def test_same_given_name_related_to_other_people_stays_apart(store) -> None:
    owners = _owners(store, "Irena")
    assert len(owners) == 3, owners
    assert all(docs in ({"glacier-1", "glacier-2"}, {"glacier-3"}, {"ferry-1"})
               for docs in owners.values()), owners


def test_split_undoes_the_link(engine, tmp_path) -> None:
    with stored(engine, tmp_path / "split.db", ARTICLES[:2]) as s:
        (eid, docs_of), = _owners(s, "Irena").items()
        assert docs_of == {"glacier-1", "glacier-2"}
        new_id = s.split(int(eid[1:]), "glacier-1")
        assert _owners(s, "Irena") == {f"E{new_id}": {"glacier-1"}}
        assert _owners(s, "Irena Vasquero") == {eid: {"glacier-2"}}
