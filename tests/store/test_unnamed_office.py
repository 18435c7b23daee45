"""An unnamed actor ("a Peruvian deputy trade minister") is linked to the named person of another
article who holds the same office in the same story, in either order, and only when exactly one
named person fits. The articles are fictional, written for this test."""

from __future__ import annotations

import pytest

from newsgraph.query import show

from ._stores import owners as _owners
from ._stores import stored

ARTICLES = [
    # unnamed first, named later
    ("trade-1", "2031-05-01",
     "Tomas Ellery, a Danish aid worker, was freed on Monday in the mountain town of Huancaro, "
     "days after a Peruvian deputy trade minister urged the kidnappers to let him go. His sister, "
     "Greta Ellery, said the family was grateful."),
    ("trade-2", "2031-05-03",
     "Deputy Trade Minister Ana Ruiz of Peru said on Wednesday that Tomas Ellery was safe. Ruiz "
     "met Ellery in Huancaro."),
    # the same office of another country, in the same story
    ("trade-3", "2031-05-04",
     "A Chilean deputy trade minister said in Huancaro that Tomas Ellery had been well treated."),
    # named first, unnamed later
    ("energy-1", "2031-06-01",
     "Colombia's deputy energy minister, Marco Velez, flew to Puerto Salgar on Friday to meet the "
     "family of Ines Carrow, a British engineer held by an armed group."),
    ("energy-2", "2031-06-04",
     "Ines Carrow was released on Sunday near Puerto Salgar. A Colombian deputy energy minister "
     "had negotiated with her captors for a week."),
    # two named holders of one office in the story, then the description
    ("clinic-1", "2031-07-01",
     "Kenyan Deputy Health Minister Ruth Wanjala opened a clinic in Moroto Hills on Monday. Amos "
     "Kerich, a doctor, said the clinic would serve ten villages."),
    ("clinic-2", "2031-07-03",
     "Kenyan Deputy Health Minister Peter Onyango visited the clinic in Moroto Hills on Thursday "
     "with Amos Kerich."),
    ("clinic-3", "2031-07-05",
     "A Kenyan deputy health minister promised Amos Kerich new equipment for the clinic in Moroto "
     "Hills."),
    # generic descriptions in the same story: no office to link on
    ("clinic-4", "2031-07-06",
     "A doctor in Moroto Hills said the new clinic was full. A man from the village said his "
     "mother had waited two days."),
    # the description first, then one article naming two holders of the office
    ("port-1", "2031-08-01",
     "A Ghanaian deputy finance minister toured the port of Sekondi Bay on Monday with Kwame "
     "Ashby, who runs the harbour."),
    ("port-2", "2031-08-05",
     "Deputy Finance Minister Esi Mensah of Ghana and Deputy Finance Minister Kofi Boateng of Ghana "
     "met Kwame Ashby in Sekondi Bay on Friday."),
    # a senator with no country in a story with two senators
    ("levee-1", "2031-09-01",
     "Senator Lena Hartwell and Senator Otto Brandvold visited the flooded town of Pellham Ridge "
     "on Saturday with Dan Ferro."),
    ("levee-2", "2031-09-02",
     "A senator promised the people of Pellham Ridge new levees, Dan Ferro said on Sunday."),
]


@pytest.fixture(scope="module")
def store(engine, tmp_path_factory):
    with stored(engine, tmp_path_factory.mktemp("office") / "o.db", ARTICLES) as s:
        yield s


@pytest.mark.parametrize(("name", "description", "named_doc", "unnamed_doc"), [
    ("Ana Ruiz", "a Peruvian deputy trade minister", "trade-2", "trade-1"),  # unnamed first
    ("Marco Velez", "A Colombian deputy energy minister", "energy-1", "energy-2"),  # named first
])
def test_description_is_linked_to_the_one_named_holder(store, name: str, description: str,
                                                       named_doc: str, unnamed_doc: str) -> None:
    data = show(store, name)
    assert data["name"] == name  # the proper name, not the description, names the entity
    aliases = {a["alias"]: set(a["docs"]) for a in data["aliases"]}
    assert aliases[name] == {named_doc}
    assert aliases[description] == {unnamed_doc}
    links = {link["doc"]: link for link in data["links"]}
    assert {named_doc, unnamed_doc} <= links.keys()
    # the later article's link carries the evidence and a confidence like any other link
    later = links[max(named_doc, unnamed_doc, key=lambda d: [a[0] for a in ARTICLES].index(d))]
    assert later["score"] is not None and 0.7 <= later["score"] < 1.0
    assert any(e.startswith("same office") for e in later["evidence"]), later["evidence"]
    assert any("only named holder" in e for e in later["evidence"]), later["evidence"]


def test_same_office_of_another_country_stays_apart(store) -> None:
    chilean = _owners(store, "A Chilean deputy trade minister")
    assert list(chilean.values()) == [{"trade-3"}]


def test_two_named_holders_in_the_story_link_to_neither(store) -> None:
    assert list(_owners(store, "A Kenyan deputy health minister").values()) == [{"clinic-3"}]
    assert list(_owners(store, "Ruth Wanjala").values()) == [{"clinic-1"}]
    assert list(_owners(store, "Peter Onyango").values()) == [{"clinic-2"}]
    row = store.conn.execute("SELECT link_evidence FROM doc_entities WHERE doc_id = 'clinic-3' "
                             "AND name = 'A Kenyan deputy health minister'").fetchone()
    assert "linked to none" in row[0]


def test_two_holders_named_in_one_later_article_link_to_neither(store) -> None:
    assert list(_owners(store, "A Ghanaian deputy finance minister").values()) == [{"port-1"}]
    assert list(_owners(store, "Esi Mensah").values()) == [{"port-2"}]
    assert list(_owners(store, "Kofi Boateng").values()) == [{"port-2"}]


@pytest.mark.parametrize(("description", "doc"), [
    ("A senator", "levee-2"),  # no country, two senators in the story
    ("A doctor", "clinic-4"),  # an occupation, not an office: Amos Kerich is not the only doctor
    ("A man", "clinic-4"),
    ("his mother", "clinic-4"),
])
def test_generic_descriptions_stay_alone(store, description: str, doc: str) -> None:
    assert list(_owners(store, description).values()) == [{doc}]


def test_split_undoes_the_link(engine, tmp_path) -> None:
    with stored(engine, tmp_path / "split.db", ARTICLES[:2]) as s:
        (eid, docs), = _owners(s, "Ana Ruiz").items()
        assert docs == {"trade-1", "trade-2"}
        new_id = s.split(int(eid[1:]), "trade-1")
        assert _owners(s, "a Peruvian deputy trade minister") == {f"E{new_id}": {"trade-1"}}
        assert _owners(s, "Ana Ruiz") == {eid: {"trade-2"}}
        assert show(s, "Ana Ruiz")["name"] == "Ana Ruiz"
