"""The library side of ``newsgraph match-names``."""

from __future__ import annotations

import pytest

from newsgraph.errors import InputError
from newsgraph.names import NameLineError, match_lines


def test_match_lines_format() -> None:
    out = list(match_lines(["Sasha Pereverzev\tAlexander Pereverzev\n", "\n",
                            "Oswin Haddleton\tBrisa Haddleton\t0\n"]))
    assert len(out) == 2
    a, b, score, same = out[0].split("\t")
    assert (a, b, same) == ("Sasha Pereverzev", "Alexander Pereverzev", "1")
    assert len(score.split(".")[1]) == 4 and 0.0 <= float(score) <= 1.0
    assert out[1].split("\t")[3] == "0"


def test_bad_line_raises_with_line_number() -> None:
    with pytest.raises(NameLineError, match="line 2") as info:
        list(match_lines(["A\tB", "no tab here"]))
    assert isinstance(info.value, InputError)
    assert info.value.code.value == "E010"


def test_bad_line_lenient_yields_error_line() -> None:
    out = list(match_lines(["no tab here", "Ann Lowe\tAnne Lowe"], strict=False))
    assert out[0].startswith("#error\t[E010]") and "line 1" in out[0]
    assert out[1].endswith("\t1")
