"""Person-name model: parsing, transliteration-aware comparison, the ``match-names`` lines.

``compare(a, b)`` says whether two name strings can name the same person, with a score in [0, 1]
and the reason; ``parse(name)`` takes a name apart; ``match_lines`` is the library side of
``newsgraph match-names``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..errors import Code, InputError
from .compare import THRESHOLD, Match, compare, masculine
from .lexicon import canonical_given, diminutive_related
from .normalize import consonant_key, fold, skeleton
from .parse import ParsedName, parse

__all__ = ["THRESHOLD", "Match", "NameLineError", "ParsedName", "canonical_given", "compare",
           "consonant_key", "diminutive_related", "fold", "masculine", "match_lines", "parse",
           "skeleton"]


class NameLineError(InputError):
    """A ``match-names`` input line is not ``NAME_A<TAB>NAME_B`` (code E010, an input error)."""

    def __init__(self, line_no: int, line: str) -> None:
        self.line_no = line_no
        self.line = line
        super().__init__(Code.BAD_FIELD, field=f"line {line_no}",
                         detail=f"is not NAME_A<TAB>NAME_B: {line[:80]!r}")


def match_lines(lines: Iterable[str], *, strict: bool = True) -> Iterator[str]:
    """Score ``NAME_A<TAB>NAME_B`` lines, yielding ``NAME_A<TAB>NAME_B<TAB>SCORE<TAB>SAME``.

    SCORE has four decimals, SAME is ``1`` or ``0``. Blank lines are skipped. Extra columns after
    the second (a gold label, say) are ignored. A line without a tab raises :class:`NameLineError`
    (an :class:`~newsgraph.errors.InputError`, code E010, message naming the line, counted from 1)
    when ``strict``; lines before it have been yielded already. Otherwise it yields
    ``#error<TAB>[E010] field 'line N' ...`` and goes on, so a batch is never lost to one bad line.
    """
    for n, raw in enumerate(lines, 1):
        line = raw.rstrip("\r\n")
        if not line.strip():
            continue
        if "\t" not in line:
            err = NameLineError(n, line)
            if strict:
                raise err
            yield f"#error\t{err}"
            continue
        a, b = line.split("\t")[:2]
        m = compare(a.strip(), b.strip())
        yield f"{a}\t{b}\t{m.score:.4f}\t{int(m.same)}"
