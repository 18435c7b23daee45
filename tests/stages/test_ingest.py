"""Every class of bad input becomes a rejected record; the rest of the batch goes on."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from newsgraph.config import Config
from newsgraph.document import Document
from newsgraph.errors import Code, InputError
from newsgraph.stages.ingest import (check_document, decode, english_problem, normalize_date,
                                     read_bytes, read_paths)

from ..conftest import STORY

FRENCH = ("Le gouvernement a annoncé mardi une nouvelle série de mesures pour soutenir les "
          "agriculteurs touchés par la sécheresse, selon un communiqué publié dans la soirée. "
          "Les aides seront versées avant la fin du mois et les syndicats ont salué une décision "
          "attendue depuis longtemps par les familles de la région.")
RUSSIAN = ("Правительство во вторник объявило о новых мерах поддержки фермеров, пострадавших от "
           "засухи в регионе. Выплаты начнутся до конца месяца, а профсоюзы назвали это решение "
           "долгожданным для семей, которые потеряли урожай этим летом, и попросили продлить "
           "программу на следующий год.")


@pytest.mark.parametrize("text, code", [
    ("", Code.EMPTY),
    ("   \n\t  ", Code.EMPTY),
    ("abc\x00def " * 5, Code.BINARY),
    ("".join(chr(i % 31 + 1) for i in range(400)), Code.BINARY),
    (FRENCH, Code.NOT_ENGLISH),
    (RUSSIAN, Code.NOT_ENGLISH),
    ("x" * 3_000_001, Code.TOO_LARGE),
])
def test_bad_text_is_rejected_with_its_code(text: str, code: Code) -> None:
    doc = check_document(Document(id="d", text=text), Config())
    assert doc.rejected is not None
    assert doc.rejected.code == code.value
    assert doc.rejected.stage == "ingest"
    assert doc.rejected.reason


def test_good_english_passes() -> None:
    doc = check_document(Document(id="d", text=STORY, published="2024-05-06"), Config())
    assert doc.rejected is None
    assert doc.published == "2024-05-06"


@pytest.mark.parametrize("text", [
    "Halvorsen wins.",
    # name-dense English: few function words, still English
    "Gen. Joseph F. Dunford Jr. met Vice President Joseph R. Biden Jr. in Kabul. Dunford spoke first.",
])
def test_short_text_gets_benefit_of_the_doubt(text: str) -> None:
    assert english_problem(text, Config()) is None


def test_size_cap_can_be_set() -> None:
    doc = check_document(Document(id="d", text=STORY), Config(max_bytes=50))
    assert doc.rejected is not None and doc.rejected.code == Code.TOO_LARGE.value


@pytest.mark.parametrize("raw, code", [
    (b"\xff\xfe\x00a\x00b", Code.BINARY),
    (b"caf\xe9 in the morning", Code.ENCODING),
])
def test_undecodable_bytes(raw: bytes, code: Code) -> None:
    with pytest.raises(InputError) as err:
        decode(raw, 1000)
    assert err.value.code == code


def test_bom_is_dropped() -> None:
    assert decode("\ufeffHello".encode("utf-8"), 100) == "Hello"


@pytest.mark.parametrize("value, expected", [
    ("2025-04-17", "2025-04-17"), ("2025-04-17T08:00:00Z", "2025-04-17"), (None, None), ("", None),
    (dt.date(2025, 4, 17), "2025-04-17"), (dt.datetime(2025, 4, 17, 23, 30), "2025-04-17")])
def test_dates(value: object, expected: str | None) -> None:
    assert normalize_date(value) == expected


@pytest.mark.parametrize("value", ["17/04/2025", "2025-13-01", "yesterday", 20250417])
def test_bad_dates(value: object) -> None:
    with pytest.raises(InputError) as err:
        normalize_date(value)
    assert err.value.code == Code.BAD_DATE


def test_jsonl_bad_lines_do_not_stop_the_batch() -> None:
    lines = [
        json.dumps({"id": "good-1", "text": STORY, "published": "2024-05-06", "title": "T"}),
        "{not json",
        json.dumps({"id": "no-text"}),
        json.dumps(["a", "list"]),
        json.dumps({"id": "bad-date", "text": STORY, "published": "May 6"}),
        json.dumps({"id": "good-2", "text": STORY, "publication_date": "2024-05-07"}),
    ]
    docs = list(read_bytes("feed.jsonl", "\n".join(lines).encode(), Config(), kind="jsonl"))
    assert [d.id for d in docs] == ["good-1", "feed:2", "no-text", "feed:4", "bad-date", "good-2"]
    codes = [d.rejected.code if d.rejected else None for d in docs]
    assert codes == [None, Code.BAD_JSON.value, Code.BAD_FIELD.value, Code.BAD_JSON.value,
                     Code.BAD_DATE.value, None]
    assert docs[0].title == "T" and docs[0].published == "2024-05-06"
    assert docs[5].published == "2024-05-07"


def test_jsonl_cap_applies_per_article() -> None:
    lines = "\n".join(json.dumps({"id": f"a{i}", "text": STORY}) for i in range(5))
    docs = list(read_bytes("f.jsonl", lines.encode(), Config(max_bytes=len(STORY) + 10), kind="jsonl"))
    assert all(d.rejected is None for d in docs)


def test_html_main_text_title_and_date() -> None:
    html = (
        "<html><head><title>Pilot comes home | The Fjord Gazette</title>"
        '<meta property="article:published_time" content="2024-05-06T09:00:00Z"></head>'
        "<body><nav>Home | World | Sport</nav><article><h1>Pilot comes home</h1>"
        f"<p>{STORY}</p><p>{STORY}</p></article><footer>Contact us</footer></body></html>"
    )
    docs = list(read_bytes("page.html", html.encode(), Config(), kind="html"))
    assert len(docs) == 1
    doc = docs[0]
    assert doc.rejected is None
    assert "Halvorsen told Lindqvist" in doc.text
    assert "Contact us" not in doc.text
    assert doc.published == "2024-05-06"
    assert doc.title and "Pilot comes home" in doc.title


def test_html_without_text_is_rejected() -> None:
    docs = list(read_bytes("empty.html", b"<html><body><script>x()</script></body></html>", Config(),
                           kind="html"))
    assert docs[0].rejected is not None
    assert docs[0].rejected.code in (Code.NO_MAIN_TEXT.value, Code.EMPTY.value)


def test_read_paths_folder_mixed(tmp_path) -> None:
    (tmp_path / "a.txt").write_text(STORY)
    (tmp_path / "b.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "c.txt").write_text("")
    (tmp_path / "huge.txt").write_text("word " * 1000)
    docs = {d.id: d for d in read_paths([str(tmp_path)], Config(max_bytes=4000), published="2024-05-06")}
    assert docs["a"].rejected is None and docs["a"].published == "2024-05-06"
    assert docs["b"].rejected.code == Code.BINARY.value
    assert docs["c"].rejected.code == Code.EMPTY.value
    assert docs["huge"].rejected.code == Code.TOO_LARGE.value


def test_missing_file_is_rejected_not_raised(tmp_path) -> None:
    docs = list(read_paths([str(tmp_path / "nope.txt")], Config()))
    assert docs[0].rejected.code == Code.UNREADABLE.value


def test_bad_published_option_raises() -> None:
    with pytest.raises(InputError):
        list(read_paths(["-"], Config(), published="April 17"))
