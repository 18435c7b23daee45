"""Cross-article resolution: block keys, link scores with evidence, a small invented story.

The story: a fictional hostage, Grigory Lebedyanov, freed in the invented town of Korsk, appears
across articles as "Grigory Lebedyanov", "Grisha Lebedianov", "Grigoriy Lebedyanoff"; his father
Vitaly Lebedyanov and his mother Oksana Lebedyanova share the family name but are other people;
another Grigory Lebedyanov, a 71-year-old chess coach, shares the full name but not the ages.
"""

from __future__ import annotations

import pytest

from newsgraph.crossdoc import (LINK_THRESHOLD, Profile, Resolver, block_keys, index_keys, is_person_name,
                                link_score, office, person_core, phonetic_key)


def person(key: str, name: str, aliases: list[str] | None = None, **ctx: object) -> Profile:
    return Profile(key, "PERSON", name, aliases or [name], dict(ctx))


@pytest.mark.parametrize(("a", "b"), [
    ("Lebedyanov", "Lebedianoff"),
    ("Trefanov", "Trepanov"),
    ("Lebedyanova", "Lebedyanov"),
    ("al-Sharqawi", "el-Sharqawi"),
])
def test_phonetic_key_is_transliteration_stable(a: str, b: str) -> None:
    assert phonetic_key(a) == phonetic_key(b)


@pytest.mark.parametrize(("text", "expected"), [
    ("Korsk Water chief executive Marta Quenneville", "Marta Quenneville"),
    ("Tolvane's CEO Desmond Tully", "CEO Desmond Tully"),
    ("Walid al-Sharqawi", "Walid al-Sharqawi"),
    ("Pieter van der Rijn", "Pieter van der Rijn"),
    ("the freed hostage", "the freed hostage"),
])
def test_person_core(text: str, expected: str) -> None:
    assert person_core(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Vitaly Lebedyanov", True),
    ("Walid al-Sharqawi", True),
    ("LEBEDYANOV", True),
    ("His mother", False),
    ("the Korsk senator", False),
    ("The Korsk senator", False),
])
def test_is_person_name(text: str, expected: bool) -> None:
    assert is_person_name(text) is expected


def test_descriptions_do_not_link() -> None:
    a = person("a", "the Korsk senator", people=["Marta Quenneville"])
    b = person("b", "the Tolvane senator", people=["Marta Quenneville"])
    assert link_score(a, b)[0] == 0.0
    assert block_keys(a) == set()


def test_block_keys_meet_for_variants_and_diminutives() -> None:
    a = block_keys(person("a", "Grigory Lebedyanov"))
    b = block_keys(person("b", "Grisha Lebedianov"))
    c = block_keys(person("c", "Vitaly Lebedyanov"))
    assert a & b
    assert not a & c
    assert block_keys(person("j", "Jake Thistlewood")) & block_keys(person("k", "Jacob Thistlewood"))
    assert block_keys(person("b", "Ben Thistlewood")) & block_keys(person("c", "Benjamin Thistlewood"))


def test_surname_alone_and_initial_find_full_names_through_index_keys() -> None:
    full = index_keys(person("a", "Grigory Lebedyanov"))
    assert block_keys(person("b", "Lebedyanov")) <= full
    assert block_keys(person("c", "G. Lebedianov")) <= full
    assert not block_keys(person("d", "Vitaly Lebedyanov")) & full
    for initial, given in (("J.", "John"), ("C.", "Cecilia"), ("C.", "Charles"), ("Y.", "Yelena")):
        assert block_keys(person("e", f"{initial} Lebedyanov")) <= index_keys(person("f", f"{given} Lebedyanov"))


def test_same_full_name_links_without_context() -> None:
    s, ev = link_score(person("n", "Grigory Lebedyanov"), person("o", "Grigory Lebedyanov"))
    assert s >= LINK_THRESHOLD
    assert any("name" in e for e in ev)


def test_father_and_son_stay_apart() -> None:
    son = person("o", "Grigory Lebedyanov", people=["Oksana Lebedyanova"], places=["Korsk"])
    father = person("n", "Vitaly Lebedyanov", people=["Oksana Lebedyanova"], places=["Korsk"])
    s, _ = link_score(father, son)
    assert s < LINK_THRESHOLD


def test_ages_at_a_common_date_keep_namesakes_apart() -> None:
    old = person("o", "Grigory Lebedyanov", age=24, age_year=2023)
    same_age_later = person("n", "Grigory Lebedyanov", age=26, age_year=2025)
    other = person("x", "Grigory Lebedyanov", age=71, age_year=2025)
    assert link_score(same_age_later, old)[0] >= LINK_THRESHOLD
    s, ev = link_score(other, old)
    assert s < LINK_THRESHOLD
    assert any("ages differ" in e for e in ev)


def test_context_lifts_a_weak_name_match() -> None:
    old = person("o", "Grigory Lebedyanov", people=["Vitaly Lebedyanov", "Marta Quenneville"],
                 places=["Korsk"], titles=["hostage"])
    bare = person("n", "Lebedyanov")
    with_ctx = person("n", "Lebedyanov", people=["Vitaly Lebedyanov", "Marta Quenneville"],
                      places=["Korsk"], titles=["hostage"])
    assert link_score(bare, old)[0] < LINK_THRESHOLD
    s, ev = link_score(with_ctx, old)
    assert s >= LINK_THRESHOLD
    assert any("shared people" in e for e in ev)


def test_titles_and_relations_match_loosely() -> None:
    old = person("o", "Lebedyanov", titles=["the freed hostage"],
                 relations=["child_of:Vitaly Lebedyanov"])
    new = person("n", "Lebedyanov", titles=["hostage"], relations=["child_of:Vitali Lebedianov"])
    s, ev = link_score(new, old)
    assert any(e.startswith("shared titles") for e in ev)
    assert any(e.startswith("shared relations") for e in ev)
    other = person("x", "Lebedyanov", titles=["coach"], relations=["parent_of:Vitaly Lebedyanov"])
    assert link_score(other, old)[0] < s


def test_organizations_by_head_and_acronym() -> None:
    a = Profile("a", "ORG", "Korsk Regional Water Authority", ["Korsk Regional Water Authority"], {})
    b = Profile("b", "ORG", "KRWA", ["KRWA"], {})
    c = Profile("c", "ORG", "the authority", ["the authority"], {})
    assert block_keys(a) & block_keys(b)
    assert link_score(b, a)[0] > link_score(c, a)[0]
    assert link_score(c, a)[0] < LINK_THRESHOLD


STORY = [
    # (article, [(true person, surface name, co-occurring names)])
    [("hostage", "Grigory Lebedyanov"), ("father", "Vitaly Lebedyanov"), ("mother", "Oksana Lebedyanova"),
     ("mediator", "Marta Quenneville")],
    [("hostage", "Grisha Lebedianov"), ("mediator", "Marta Quenneville"), ("father", "Vitali Lebedianov")],
    [("hostage", "Grigoriy Lebedyanoff"), ("mother", "Oksana Lebedianova"), ("coach", "Desmond Tully")],
    [("hostage", "Lebedyanov"), ("mediator", "M. Quenneville"), ("father", "Vitaly Lebedyanov")],
]


def test_story_comes_out_with_the_right_people() -> None:
    resolver = Resolver()
    truth: dict[str, str] = {}
    pred: dict[str, int] = {}
    for a, article in enumerate(STORY):
        names = [n for _, n in article]
        profiles = [person(f"{a}/{i}", n, people=[x for x in names if x != n], places=["Korsk"])
                    for i, (_, n) in enumerate(article)]
        for (who, _), p, cid in zip(article, profiles, resolver.add_document(profiles), strict=True):
            truth[p.key] = who
            pred[p.key] = cid
    clusters: dict[int, set[str]] = {}
    for k, c in pred.items():
        clusters.setdefault(c, set()).add(truth[k])
    # every cluster holds one person, and every person is one cluster
    assert all(len(v) == 1 for v in clusters.values()), clusters
    per_person: dict[str, set[int]] = {}
    for k, who in truth.items():
        per_person.setdefault(who, set()).add(pred[k])
    assert {w: len(c) for w, c in per_person.items()} == {w: 1 for w in per_person}
    assert len(resolver.evidence) == len(truth)


def test_given_name_alone_blocks_with_the_family_its_kin_implies() -> None:
    wife = person("a", "Irena", kin=["spouse:Teodor Vasquero"])
    full = person("b", "Irena Vasquero", kin=["spouse:Teodor Vasquero"])
    other_surname = person("c", "Irena Kowal", kin=["spouse:Teodor Vasquero"])
    assert block_keys(wife) & block_keys(full)
    assert block_keys(wife) & block_keys(other_surname)
    # without kin, a given name alone does not join every Irena's block
    assert not block_keys(person("d", "Irena")) & index_keys(full)
    assert not block_keys(person("e", "Irena", kin=["spouse:Mirko Halloran"])) & index_keys(full)
    # a surname alone next to a relative of that family is a surname, not a given name
    assert not any(k.startswith("k:") for k in block_keys(person("f", "Vasquero",
                                                                  kin=["sibling:Teodor Vasquero"])))


@pytest.mark.parametrize(("bare", "full"), [
    (person("a", "Irena", kin=["spouse:Teodor Vasquero"]),
     person("b", "Irena Vasquero", kin=["spouse:Teodor Vasquero"])),
    # no relation on the full side: the family name implied, in another spelling and gender form
    (person("a", "Irena", kin=["spouse:Teodor Vaskerov"]), person("b", "Irena Waskerova")),
    # a diminutive, with the same relative, under another family name
    (person("a", "Masha", kin=["child:Teodor Vasquero"]),
     person("b", "Maria Kowal", kin=["child:Teodor Vasquero"])),
])
def test_given_name_alone_links_with_kin(bare: Profile, full: Profile) -> None:
    for new, old in ((bare, full), (full, bare)):
        s, ev = link_score(new, old)
        assert s >= LINK_THRESHOLD, ev
        assert any("kin" in e for e in ev)


def test_given_name_alone_needs_more_than_the_name() -> None:
    full = person("o", "Irena Vasquero", kin=["spouse:Teodor Vasquero"],
                  people=["Teodor Vasquero", "Lucas Brandt"], places=["Valdoria"])
    # same story, same people, no kin: another Irena
    nurse = person("n", "Irena", people=["Teodor Vasquero", "Lucas Brandt"], places=["Valdoria"])
    s, ev = link_score(nurse, full)
    assert s < LINK_THRESHOLD
    assert any("given name alone" in e for e in ev)
    # the wife of another man
    assert link_score(person("x", "Irena", kin=["spouse:Mirko Halloran"], places=["Valdoria"]),
                      full)[0] < LINK_THRESHOLD
    # the mother of the man is not his wife
    assert link_score(person("m", "Irena", kin=["parent:Teodor Vasquero"]), full)[0] < LINK_THRESHOLD
    # nothing at all
    assert link_score(person("y", "Irena"), person("z", "Irena Vasquero"))[0] < LINK_THRESHOLD


def test_given_name_alone_links_by_shared_people_only_without_kin() -> None:
    old = person("o", "Irena Vasquero", people=["Teodor Vasquero", "Lucas Brandt", "Ruth Ilves"],
                 places=["Valdoria"])
    new = person("n", "Irena", people=["Teodor Vasquero", "Lucas Brandt", "Ruth Ilves"],
                 places=["Valdoria"])
    assert link_score(new, old)[0] >= LINK_THRESHOLD
    one = person("n", "Irena", people=["Teodor Vasquero"], places=["Valdoria"])
    assert link_score(one, old)[0] < LINK_THRESHOLD


def test_resolver_links_a_given_name_through_kin_in_both_orders() -> None:
    a = [person("1/0", "Teodor Vasquero", kin=["spouse:Irena"], people=["Irena"]),
         person("1/1", "Irena", kin=["spouse:Teodor Vasquero"], people=["Teodor Vasquero"])]
    b = [person("2/0", "Teodor Vaskero", kin=["spouse:Irena Vaskerova"], people=["Irena Vaskerova"]),
         person("2/1", "Irena Vaskerova", kin=["spouse:Teodor Vaskero"], people=["Teodor Vaskero"])]
    c = [person("3/0", "Irena", kin=["spouse:Mirko Halloran"], people=["Mirko Halloran"])]
    for docs in ((a, b, c), (b, a, c)):
        r = Resolver()
        ids = [r.add_document(d) for d in docs]
        by = {p.key: cid for d, cids in zip(docs, ids, strict=True) for p, cid in zip(d, cids, strict=True)}
        assert by["1/1"] == by["2/1"] and by["1/0"] == by["2/0"]
        assert by["3/0"] != by["1/1"]


# -- unnamed actors and offices: a fictional trade minister's story ------------------------------

def described(key: str, description: str, **ctx: object) -> Profile:
    """An unnamed actor as the people stage makes it: named by its description, no aliases."""
    return Profile(key, "PERSON", description, [], dict(ctx))


STORY_CTX: dict[str, object] = {"people": ["Tomas Ellery"], "places": ["Huancaro"]}


def test_office_normalizes_titles() -> None:
    assert office("Deputy Trade Minister of Peru") == ("deputy minister trade", "peru")
    assert office("deputy trade minister of PERU") == office("Deputy Trade Minister of Peru")
    assert office("Deputy Trade Minister") == ("deputy minister trade", "")
    assert office("Minister of Trade") == office("Trade Minister")
    assert office("Trade Minister") != office("Deputy Trade Minister")
    assert office("President of United States") == ("president", "united states")
    # occupations and descriptions are no office
    for title in ("Lawyer", "Doctor of Kenya", "the freed hostage", "Official of Peru", ""):
        assert office(title) is None, title


def test_office_keys_meet_a_description_and_its_named_holders_only() -> None:
    desc = described("u", "a Peruvian deputy trade minister", titles=["Deputy Trade Minister of Peru"])
    same_country = person("n", "Ana Ruiz", titles=["Deputy Trade Minister of Peru"])
    no_country = person("m", "Ana Ruiz", titles=["Deputy Trade Minister"])
    other_country = person("o", "Lucia Paz", titles=["Deputy Trade Minister of Chile"])
    for holder in (same_country, no_country):
        assert block_keys(desc) & index_keys(holder)  # description after the named holder
        assert block_keys(holder) & index_keys(desc)  # named holder after the description
    assert not block_keys(desc) & index_keys(other_country)
    assert not block_keys(other_country) & index_keys(desc)
    # a description without a country looks every country's holders up
    assert block_keys(described("v", "a deputy trade minister", titles=["Deputy Trade Minister"])) & \
        index_keys(other_country)
    # named holders do not meet each other by office, nor descriptions each other
    assert not block_keys(other_country) & index_keys(same_country)
    assert not block_keys(desc) & index_keys(described("w", "the deputy trade minister",
                                                       titles=["Deputy Trade Minister of Peru"]))
    # only titled people get office keys; occupations get none
    assert not any(k.startswith(("on:", "ou:")) for k in index_keys(person("p", "Ana Ruiz")))
    assert block_keys(described("d", "a lawyer", titles=["Lawyer"])) == set()
    assert index_keys(described("d", "a lawyer", titles=["Lawyer"])) == set()


def test_office_links_a_description_in_the_same_story() -> None:
    desc = described("u", "a Peruvian deputy trade minister", titles=["Deputy Trade Minister of Peru"],
                     citizenship=["Peru"], **STORY_CTX)
    named = person("n", "Ana Ruiz", titles=["Deputy Trade Minister"], people=["Tomas Ellery"],
                   places=["Huancaro", "Peru"])
    for new, old in ((desc, named), (named, desc)):
        s, ev = link_score(new, old)
        assert LINK_THRESHOLD <= s < 1.0, ev
        assert any(e.startswith("same office") for e in ev)
        assert any(e.startswith("shared people") for e in ev)
    # a shared place alone tells the story too
    by_place = person("n", "Ana Ruiz", titles=["Deputy Trade Minister of Peru"], places=["Huancaro"])
    assert link_score(desc, by_place)[0] >= LINK_THRESHOLD
    # a person shared tells more than a place
    assert link_score(desc, named)[0] > link_score(desc, by_place)[0]


@pytest.mark.parametrize("named", [
    # another story: nothing shared but the office's own country
    person("n", "Ana Ruiz", titles=["Deputy Trade Minister of Peru"], people=["Marta Quenneville"],
           places=["Peru"]),
    # the same office of another country, by title or by citizenship
    person("n", "Lucia Paz", titles=["Deputy Trade Minister of Chile"], **STORY_CTX),
    person("n", "Lucia Paz", titles=["Deputy Trade Minister"], citizenship=["Chile"], **STORY_CTX),
    # another office
    person("n", "Ana Ruiz", titles=["Trade Minister of Peru"], **STORY_CTX),
    # only descriptions shared: "his mother" of one article is nobody of the other
    person("n", "Ana Ruiz", titles=["Deputy Trade Minister of Peru"], people=["his mother"]),
])
def test_office_alone_does_not_link(named: Profile) -> None:
    desc = described("u", "a Peruvian deputy trade minister", titles=["Deputy Trade Minister of Peru"],
                     people=["Tomas Ellery", "his mother"], places=["Huancaro"])
    for new, old in ((desc, named), (named, desc)):
        assert link_score(new, old)[0] < LINK_THRESHOLD


def test_description_whose_article_names_the_holder_apart_does_not_link() -> None:
    desc = described("u", "a Peruvian deputy trade minister", titles=["Deputy Trade Minister of Peru"],
                     people=["Tomas Ellery", "Ana Ruiz"], places=["Huancaro"])
    named = person("n", "Ana Ruiz", titles=["Deputy Trade Minister of Peru"], **STORY_CTX)
    s, ev = link_score(desc, named)
    assert s == 0.0
    assert any("apart" in e for e in ev)


def test_generic_descriptions_do_not_link_by_title() -> None:
    doctor = described("d", "a doctor", titles=["Doctor"], **STORY_CTX)
    named = person("n", "Amos Kerich", titles=["Doctor"], **STORY_CTX)
    assert link_score(doctor, named)[0] == 0.0
    assert link_score(described("m", "a man", **STORY_CTX), named)[0] == 0.0


def _article(doc: int, *profiles: Profile) -> list[Profile]:
    """Profiles of one article, each with the others as co-occurring people."""
    names = [p.name for p in profiles]
    for p in profiles:
        p.key = f"{doc}/{p.key}"
        p.context["people"] = sorted({*p.context.get("people", []), *(n for n in names if n != p.name)})
    return list(profiles)


def _desc_article(doc: int, demonym: str = "Peruvian", country: str = "Peru") -> list[Profile]:
    return _article(doc, described("d", f"a {demonym} deputy trade minister",
                                   titles=[f"Deputy Trade Minister of {country}"], places=["Huancaro"]),
                    person("e", "Tomas Ellery", places=["Huancaro"]))


def _holder_article(doc: int, *names: str) -> list[Profile]:
    return _article(doc, *(person(f"h{i}", n, titles=["Deputy Trade Minister of Peru"], places=["Huancaro"])
                           for i, n in enumerate(names)), person("e", "Tomas Ellery", places=["Huancaro"]))


def test_resolver_links_a_description_to_its_one_holder_in_both_orders() -> None:
    for first_desc in (True, False):
        r = Resolver()
        docs = [_desc_article(1), _holder_article(2, "Ana Ruiz")]
        ids = [r.add_document(d) for d in (docs if first_desc else docs[::-1])]
        by = {p.key: cid for d, cids in zip(docs if first_desc else docs[::-1], ids, strict=True)
              for p, cid in zip(d, cids, strict=True)}
        assert by["1/d"] == by["2/h0"]
        assert by["1/e"] == by["2/e"] != by["1/d"]
        assert r.clusters[by["1/d"]].profile.name == "Ana Ruiz"
        assert any("only named holder" in e for e in r.evidence["2/h0" if first_desc else "1/d"][1])


@pytest.mark.parametrize("order", [
    ("holders", "holders2", "desc"),  # two holders stored, then the description
    ("desc", "both"),  # the description stored, then one article naming two holders
    ("both", "desc"),  # two holders in one article, then the description
])
def test_resolver_links_a_description_to_none_of_two_holders(order: tuple[str, ...]) -> None:
    articles = {"holders": lambda: _holder_article(1, "Ana Ruiz"),
                "holders2": lambda: _holder_article(2, "Lucia Paz"),
                "both": lambda: _holder_article(3, "Ana Ruiz", "Lucia Paz"),
                "desc": lambda: _desc_article(4)}
    r = Resolver()
    for name in order:
        r.add_document(articles[name]())
    (desc_cluster,) = [c for c in r.clusters if "4/d" in c.members]
    assert desc_cluster.members == ["4/d"]


def test_resolver_keeps_a_description_of_another_country_apart() -> None:
    r = Resolver()
    r.add_document(_holder_article(1, "Ana Ruiz"))
    r.add_document(_desc_article(2, "Chilean", "Chile"))
    assert [c.members for c in r.clusters if "2/d" in c.members] == [["2/d"]]
