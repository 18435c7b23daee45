"""Parsing names apart. Names are invented for these tests."""

from __future__ import annotations

import pytest

from newsgraph.names import parse


@pytest.mark.parametrize(("text", "expected"), [
    ("Oksana Veretennikova", {"given": ("Oksana",), "family": "Veretennikova"}),
    ("Deputy Foreign Minister Pavel Ignatyevich Korobkin",
     {"given": ("Pavel",), "family": "Korobkin", "patronymic": "Ignatyevich",
      "title": ("Deputy", "Foreign", "Minister")}),
    ("Mr Dalgren", {"given": (), "family": "Dalgren", "honorific": "Mr"}),
    ("Dr. J.R. Pemberton Jr.", {"initials": ("J", "R"), "family": "Pemberton", "honorific": "Dr",
                                "suffix": "Jr"}),
    ("Lucia van der Meulen", {"given": ("Lucia",), "family": "van der Meulen"}),
    ("Tariq al-Mansouri", {"given": ("Tariq",), "family": "al-Mansouri"}),
    ("A. Korobkin", {"initials": ("A",), "family": "Korobkin", "given": ()}),
    ("King Osric", {"given": ("Osric",), "family": None, "title": ("King",)}),
    ("Korobkin", {"family": "Korobkin", "given": ()}),
    ("Abd al-Karim Tahhan", {"given": ("Abdalkarim",), "family": "Tahhan"}),
    ("Abdel Karim Tahhan", {"given": ("Abdelkarim",), "family": "Tahhan"}),
    # a nickname or a maiden name set inside the name is not one of its words
    ('Peter "Pete" Lund', {"given": ("Peter",), "family": "Lund"}),
    ("Peter ``Pete'' Lund", {"given": ("Peter",), "family": "Lund"}),
    ("Peter \u201cPete\u201d Lund", {"given": ("Peter",), "family": "Lund"}),
    ('Yusuf "Abu Karim" al-Tamimi', {"given": ("Yusuf",), "family": "al-Tamimi"}),
    ("Maria (nee Berg) Lund", {"given": ("Maria",), "family": "Lund"}),
    ("Liam O'Dwyer", {"given": ("Liam",), "family": "O'Dwyer"}),
])
def test_parse(text: str, expected: dict[str, object]) -> None:
    parsed = parse(text)
    for attr, value in expected.items():
        assert getattr(parsed, attr) == value, attr


def test_single_word_is_kept_as_a_name_and_empty_is_empty() -> None:
    assert parse("Mr").family == "Mr"
    assert parse("").empty
    assert not parse("Korobkin").empty
