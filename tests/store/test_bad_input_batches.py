"""Each class of bad input: its rejected record is stored with its code, and the rest of the
batch is processed and stored."""

from __future__ import annotations

import pytest

from newsgraph.config import Config
from newsgraph.errors import Code
from newsgraph.stages.ingest import read_paths
from newsgraph.store import Store

from ..conftest import STORY

FRENCH = ("Le gouvernement a annoncé mardi une nouvelle série de mesures pour soutenir les "
          "agriculteurs touchés par la sécheresse, selon un communiqué publié dans la soirée. "
          "Les aides seront versées avant la fin du mois et les syndicats ont salué une décision "
          "attendue depuis longtemps par les familles de la région.")

BAD = {
    "empty": (b"", Code.EMPTY),
    "binary": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20, Code.BINARY),
    "huge": (("word " * 5000).encode(), Code.TOO_LARGE),
    "french": (FRENCH.encode(), Code.NOT_ENGLISH),
    "latin1": ("Caf\u00e9 owner Ren\u00e9e Lind said the caf\u00e9 would reopen.".encode("latin-1"),
               Code.ENCODING),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_document_rejected_rest_stored(engine, tmp_path, name: str) -> None:
    raw, code = BAD[name]
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_good.txt").write_text(STORY)
    (folder / f"b_{name}.txt").write_bytes(raw)
    (folder / "c_good.txt").write_text(STORY.replace("Monday", "Tuesday"))
    config = Config(max_bytes=20_000)
    with Store(tmp_path / "s.db") as store:
        outcomes = list(store.add_all(engine.run(read_paths([str(folder)], config,
                                                            published="2024-05-08"))))
        assert [o.status for o in outcomes] == ["added", "rejected", "added"]
        rejected = store.rejections()
        assert [(r["doc_id"], r["code"]) for r in rejected] == [(f"b_{name}", code.value)]
        assert rejected[0]["reason"]
        stored = {r["id"] for r in store.documents()}
        assert stored == {"a_good", "c_good"}
        people = [e for e in store.export() if e["type"] == "PERSON"]
        assert any(e["name"] == "Tomas Lindqvist" for e in people)
