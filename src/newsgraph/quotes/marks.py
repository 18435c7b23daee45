"""Pair quotation marks into quoted regions, paragraph by paragraph, on the raw text.

Marks are paired within a paragraph: news style opens every paragraph of a long quotation again and
closes only the last, so an opening mark with no closing mark runs to its paragraph's end and the
region is flagged ``open_end``. Straight quotes are told apart by their neighbours; two apostrophes
(``''``) stand for a double mark, as some archives type them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# double marks only: single ones are mostly apostrophes and nest inside double ones
MARK = re.compile(r"''|``|[\"\u201c\u201d\u201e\u00ab\u00bb]")
_OPENERS = frozenset(("\u201c", "\u201e", "\u00ab", "``"))
_CLOSERS = frozenset(("\u201d", "\u00bb"))
_PARA = re.compile(r"\n")


@dataclass(frozen=True, slots=True)
class Region:
    """Text between a pair of marks. ``start``/``end`` exclude the marks themselves."""

    open_mark: int  # offset of the opening mark
    start: int
    end: int
    close_end: int | None  # offset just past the closing mark; None when the paragraph ends first
    para_start: int
    para_end: int

    @property
    def open_end(self) -> bool:
        return self.close_end is None

    @property
    def outer_end(self) -> int:
        return self.end if self.close_end is None else self.close_end


def _role(text: str, pos: int, mark: str, inside: bool) -> str:
    """``open`` or ``close`` for one mark, given whether a quotation is open."""
    if mark in _OPENERS:
        # a curly opener right after a word and before a space is a typo for a closer
        if inside and pos > 0 and not text[pos - 1].isspace() and (
                pos + len(mark) >= len(text) or text[pos + len(mark)].isspace()):
            return "close"
        return "open"
    if mark in _CLOSERS:
        # a closer opening a paragraph is a typo for an opener
        if not inside and (pos == 0 or text[pos - 1] in "\n\t ") and pos + len(mark) < len(text) \
                and not text[pos + len(mark)].isspace():
            return "open"
        return "close"
    before = text[pos - 1] if pos > 0 else " "
    after = text[pos + len(mark)] if pos + len(mark) < len(text) else " "
    if inside:
        return "close"
    if before.isspace() or before in "([{-\u2014\u2013/" or pos == 0:
        return "open"
    if after.isspace() or after in ".,;:!?)":
        return "close"
    return "open"


def find_regions(text: str) -> list[Region]:
    """Quoted regions in reading order; nested double marks do not open a new region."""
    regions: list[Region] = []
    para_start = 0
    for para_end in [m.start() for m in _PARA.finditer(text)] + [len(text)]:
        opened: int | None = None
        opened_len = 0
        nested = 0  # curly quotations open inside a straight one
        for m in MARK.finditer(text, para_start, para_end):
            mark, pos = m.group(), m.start()
            role = _role(text, pos, mark, opened is not None)
            if opened is None:
                if role == "open":
                    opened, opened_len, nested = pos, len(mark), 0
            elif text[opened] == '"' and mark in _OPENERS and role == "open":
                nested += 1  # "He said “no” twice": the curly pair nests in the straight one
            elif nested and mark in _CLOSERS:
                nested -= 1
            elif role == "close":
                regions.append(Region(opened, opened + opened_len, pos, m.end(), para_start, para_end))
                opened = None
        if opened is not None:
            end = para_end
            while end > opened + opened_len and text[end - 1].isspace():
                end -= 1
            if end > opened + opened_len:
                regions.append(Region(opened, opened + opened_len, end, None, para_start, para_end))
        para_start = para_end + 1
    return regions
