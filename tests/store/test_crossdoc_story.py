"""Several articles about one story in different spellings come out with exactly the right people."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.document import Document
from newsgraph.stages.ingest import check_document
from newsgraph.store import Store, norm_name

STORY = Path(__file__).resolve().parent.parent / "data" / "crossdoc_story"


@pytest.fixture(scope="module")
def exported(engine, tmp_path_factory) -> list[dict]:
    expected = json.loads((STORY / "expected.json").read_text())
    docs = [check_document(Document(id=doc_id, text=(STORY / f"{doc_id}.txt").read_text(),
                                    published=pub), engine.config)
            for doc_id, pub in expected["published"].items()]
    with Store(tmp_path_factory.mktemp("story") / "s.db") as store:
        for outcome in store.add_all(engine.run(docs)):
            assert outcome.status == "added"
        return [e for e in store.export() if e["type"] == "PERSON"]


def _owner(people: list[dict], name: str) -> str | None:
    for e in people:
        if norm_name(name) in {norm_name(a) for a in e["aliases"]}:
            return e["id"]
    return None


GROUPS = json.loads((STORY / "expected.json").read_text())["people"]


@pytest.mark.parametrize("group", GROUPS, ids=[g[0] for g in GROUPS])
def test_one_person_one_entity(exported, group: list[str]) -> None:
    owners = {name: _owner(exported, name) for name in group}
    assert None not in owners.values(), owners
    assert len(set(owners.values())) == 1, owners


def test_different_people_stay_apart(exported) -> None:
    firsts = {g[0]: _owner(exported, g[0]) for g in GROUPS}
    assert None not in firsts.values(), firsts
    assert len(set(firsts.values())) == len(GROUPS), firsts
