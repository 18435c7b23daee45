"""The TempEval-3 benchmark's sorting of value errors, which docs/benchmarks.md reports.

Only the notation kinds may count toward the "annotation notation or habit" figure; a real
misreading (a different year, a duration for a date) must stay outside it.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from tempeval3 import _CONVENTION_CLASSES, value_error_class  # noqa: E402


@pytest.mark.parametrize("gold, ours, kind", [
    ("2000-W7", "2000-W07", "week written without its leading zero"),
    ("1989-WXX", "1989-W43", "relative week left unresolved (WXX)"),
    ("1998-10", "1998-W42", "week given as its month or one of its days"),
    ("1998-08-04", "1998-W32", "week given as its month or one of its days"),
    ("1949-XX", "1949", "year or decade padded with X"),
    ("199X", "199", "year or decade padded with X"),
    ("2000-01-07", "2000-01-07TNI", "part of the day added, dropped or named otherwise"),
    ("1989-11-06T17", "1989-11-06T17:00", "clock time written to the hour"),
    ("PAST_REF", "PXY", "vague duration against past/future reference"),
    ("1990-08-07", "1990-08-14", "weekday a week apart"),
    ("1988-Q3", "1988", "quarter against year, month or day"),
    ("P1W", "1998-W33", "duration against point"),
])
def test_value_error_kinds(gold: str, ours: str, kind: str) -> None:
    assert value_error_class(gold, ours) == kind


@pytest.mark.parametrize("gold, ours", [
    ("1997-12", "1994-12"),   # a wrong year
    ("1998-W42", "1998-W44"),  # a wrong week
    ("199X", "PAST_REF"),      # a decade against a vague past
    ("PRESENT_REF", "1998-03-05"),
    ("1998-W12", "1998-W11"),
])
def test_misreadings_are_not_counted_as_notation(gold: str, ours: str) -> None:
    assert value_error_class(gold, ours) not in _CONVENTION_CLASSES


def test_meantime_text_is_rebuilt_as_printed_with_token_offsets() -> None:
    from meantime_timex import detokenize

    sentences = [[(1, "Mill"), (2, "reopens")],
                 [(3, "It"), (4, "opened"), (5, "on"), (6, "March"), (7, "1"), (8, ","),
                  (9, "2008"), (10, "."), (11, '"'), (12, "Good"), (13, "news"), (14, "''"),
                  (15, ","), (16, "Ann"), (17, "'s"), (18, "aide"), (19, "said"), (20, ".")]]
    text, offsets = detokenize(sentences)
    assert text == 'Mill reopens\n\nIt opened on March 1, 2008. "Good news", Ann\'s aide said.'
    for tid, word in [(6, "March"), (9, "2008"), (12, "Good"), (17, "'s")]:
        start, end = offsets[tid]
        assert text[start:end] == word
