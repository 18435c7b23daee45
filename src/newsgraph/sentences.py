"""What a sentence of the annotate stage says about itself.

The annotate stage makes every line its own sentence (stages/annotate.py), so a headline, a
dateline or a caption is a sentence with no closing punctuation.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span

# what closes a sentence of running text, closing quotation marks and brackets included
CLOSERS = frozenset({".", "!", "?", '"', "\u201d", "'", "\u2019", ")"})


def unclosed(sent: Span) -> bool:
    """True for a sentence that does not end in closing punctuation: it reads as a headline.

    The line break that ends a sentence belongs to it and is skipped.
    """
    last = next((t for t in reversed(sent) if not t.is_space), None)
    return last is not None and last.text not in CLOSERS
