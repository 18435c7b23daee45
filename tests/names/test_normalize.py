"""Transliteration skeletons: romanizations of one native name meet."""

from __future__ import annotations

import pytest

from newsgraph.names import consonant_key, fold, skeleton


@pytest.mark.parametrize(("a", "b"), [
    ("Yuriy", "Iouri"),
    ("Jurij", "Yury"),
    ("Yelena", "Jelena"),
    ("Natalja", "Natalya"),
    ("Rabinowicz", "Rabinovich"),
    ("Fischer", "Fišer"),
    ("Dostoyevskiy", "Dostoevsky"),
    ("Hussein", "Husein"),
    ("Schwartz", "Schwarz"),
])
def test_same_skeleton(a: str, b: str) -> None:
    assert skeleton(a) == skeleton(b)


@pytest.mark.parametrize(("a", "b"), [
    ("Hosny", "Housni"),
    ("Taleb", "Talib"),
])
def test_same_consonant_key(a: str, b: str) -> None:
    assert consonant_key(a) == consonant_key(b)


@pytest.mark.parametrize(("text", "expected"), [
    ("Ólafsdóttir", "olafsdottir"),
    ("Ze’ev", "zeev"),
    ("O'Brien-Smith", "obriensmith"),
    ("Łukasz", "lukasz"),
])
def test_fold(text: str, expected: str) -> None:
    assert fold(text) == expected
