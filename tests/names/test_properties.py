"""Invariants of the name model on arbitrary text: it never raises, scores stay in [0, 1],
comparison is symmetric, and a name always matches itself."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.names import compare, match_lines, parse

names = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)
latin_names = st.lists(st.from_regex(r"[A-Z][a-z]{1,9}", fullmatch=True), min_size=1, max_size=3).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(names, names)
def test_compare_total_bounded_symmetric(a: str, b: str) -> None:
    m = compare(a, b)
    assert 0.0 <= m.score <= 1.0
    assert m.same == (m.score >= 0.5)
    assert compare(b, a).score == m.score


@settings(max_examples=200, deadline=None)
@given(latin_names)
def test_a_name_matches_itself(a: str) -> None:
    assert compare(a, a).same


@settings(max_examples=200, deadline=None)
@given(names)
def test_parse_total(a: str) -> None:
    p = parse(a)
    assert all(isinstance(g, str) for g in p.given)


@settings(max_examples=100, deadline=None)
@given(latin_names, latin_names)
def test_match_lines_round_trip(a: str, b: str) -> None:
    (line,) = match_lines([f"{a}\t{b}"])
    cols = line.split("\t")
    assert cols[:2] == [a, b] and cols[3] in ("0", "1")


@settings(max_examples=400, deadline=None)
@given(latin_names, latin_names)
def test_compare_symmetric_on_names(a: str, b: str) -> None:
    assert compare(a, b).score == compare(b, a).score
