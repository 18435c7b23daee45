"""The CLI is a thin layer: contract JSON out, clean coded errors, help with examples."""

from __future__ import annotations

import io
import json
import sys

import pytest

from newsgraph.cli import EXAMPLES, build_parser, main

from .conftest import STORY

CONTRACT_KEYS = {"contract", "id", "published", "title", "entities", "timexes", "quotes", "events",
                 "relations", "claims", "statuses", "rejected"}


def run(capsys, *argv: str, stdin: str | None = None, monkeypatch=None) -> tuple[int, str, str]:
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin.encode())))
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_every_command_has_an_example() -> None:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    assert set(sub.choices) == set(EXAMPLES)
    for name, sp in sub.choices.items():
        assert "Example:" in sp.format_help(), name


def test_extract_txt_and_bad_inputs(tmp_path, capsys) -> None:
    (tmp_path / "story.txt").write_text(STORY)
    (tmp_path / "empty.txt").write_text("")
    code, out, _ = run(capsys, "extract", str(tmp_path / "story.txt"), str(tmp_path / "empty.txt"),
                       "--published", "2024-05-08")
    assert code == 0
    lines = [json.loads(line) for line in out.splitlines()]
    assert [d["id"] for d in lines] == ["story", "empty"]
    for d in lines:
        assert set(d) == CONTRACT_KEYS
        assert d["contract"] == 1
    assert lines[0]["rejected"] is None and lines[0]["published"] == "2024-05-08"
    assert lines[1]["rejected"]["code"] == "E001"
    assert lines[1]["entities"] == [] and lines[1]["quotes"] == []


def test_extract_stdin_jsonl(capsys, monkeypatch) -> None:
    feed = json.dumps({"id": "s1", "text": STORY, "published": "2024-05-08"}) + "\n"
    code, out, _ = run(capsys, "extract", "-", stdin=feed, monkeypatch=monkeypatch)
    assert code == 0
    assert json.loads(out)["id"] == "s1"


def test_pronouns_option_picks_the_resolver_or_fails_cleanly(capsys, tmp_path, monkeypatch) -> None:
    (tmp_path / "s.txt").write_text(STORY)
    code, out, _ = run(capsys, "extract", str(tmp_path / "s.txt"), "--pronouns", "rules")
    assert code == 0
    people = [e for e in json.loads(out)["entities"] if e["type"] == "PERSON"]
    he = STORY.index("He said")
    assert any([he, he + 2] in e["mentions"] for e in people)
    # asking for the model where it cannot load is error E104, not a silent fall back to rules
    from newsgraph.people import pronouns

    monkeypatch.setattr(pronouns, "WEIGHTS", tmp_path / "none.npz")
    pronouns._load.cache_clear()
    try:
        code, out, err = run(capsys, "extract", str(tmp_path / "s.txt"), "--pronouns", "model")
    finally:
        pronouns._load.cache_clear()
    assert code == 2 and out == ""
    assert "E104" in err and "Traceback" not in err


def test_bad_published_is_a_clean_error(capsys, tmp_path) -> None:
    (tmp_path / "s.txt").write_text(STORY)
    code, out, err = run(capsys, "extract", str(tmp_path / "s.txt"), "--published", "17/04/2025")
    assert code == 2
    assert "E007" in err and "Traceback" not in err


def test_reingesting_unchanged_articles_extracts_nothing(tmp_path, capsys, monkeypatch) -> None:
    from newsgraph.api import Engine

    (tmp_path / "story.txt").write_text(STORY)
    db = str(tmp_path / "n.db")
    args = ("ingest", str(tmp_path), "--db", db, "--published", "2024-05-08", "--json", "-q")
    assert json.loads(run(capsys, *args)[1]) == {"added": 1}
    extracted: list[str] = []
    real_run = Engine.run

    def counting_run(self, docs):  # type: ignore[no-untyped-def]
        for doc in real_run(self, docs):
            extracted.append(doc.id)
            yield doc

    monkeypatch.setattr(Engine, "run", counting_run)
    assert json.loads(run(capsys, *args)[1]) == {"unchanged": 1}
    assert extracted == []
    # a changed article is extracted and replaces the stored one
    (tmp_path / "story.txt").write_text(STORY + " The ferry left at noon.")
    assert json.loads(run(capsys, *args)[1]) == {"replaced": 1}
    assert len(extracted) == 1


def test_ingest_export_show_roundtrip(tmp_path, capsys) -> None:
    (tmp_path / "story.txt").write_text(STORY)
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01")
    db = str(tmp_path / "n.db")
    code, out, _ = run(capsys, "ingest", str(tmp_path), "--db", db, "--published", "2024-05-08",
                       "--json", "-q")
    assert code == 0
    assert json.loads(out) == {"added": 1, "rejected": 1}
    code, out, _ = run(capsys, "ingest", str(tmp_path), "--db", db, "--published", "2024-05-08",
                       "--json", "-q")
    assert json.loads(out) == {"unchanged": 1, "rejected": 1}
    code, out, _ = run(capsys, "export", "--db", db)
    for line in out.splitlines():
        ent = json.loads(line)
        assert set(ent) == {"id", "type", "name", "aliases", "mentions"}
    code, out, _ = run(capsys, "rejections", "--db", db)
    assert '"E002"' in out


def test_show_unknown_is_clean(tmp_path, capsys) -> None:
    db = str(tmp_path / "n.db")
    code, _, err = run(capsys, "show", "Nobody", "--db", db)
    assert code == 2 and "E202" in err
