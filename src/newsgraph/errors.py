"""Errors with stable codes.

Codes never change meaning once released: benchmarks, the store and users' scripts key on them.
A per-document failure becomes a :class:`~newsgraph.records.Rejection` with the same code.
"""

from __future__ import annotations

from enum import Enum


class Code(str, Enum):
    """Stable error codes. ``E0xx`` input, ``E1xx`` pipeline, ``E2xx`` store, ``E9xx`` internal."""

    EMPTY = "E001"
    BINARY = "E002"
    ENCODING = "E003"
    TOO_LARGE = "E004"
    NOT_ENGLISH = "E005"
    BAD_JSON = "E006"
    BAD_DATE = "E007"
    UNREADABLE = "E008"
    NO_MAIN_TEXT = "E009"
    BAD_FIELD = "E010"
    STAGE_ORDER = "E101"
    STAGE_FAILED = "E102"
    BAD_OPTION = "E103"
    MODEL_UNAVAILABLE = "E104"
    STORE = "E201"
    NOT_FOUND = "E202"
    INTERNAL = "E900"


MESSAGES: dict[Code, str] = {
    Code.EMPTY: "document is empty or only white space",
    Code.BINARY: "document looks binary: {detail}",
    Code.ENCODING: "document is not valid UTF-8: {detail}",
    Code.TOO_LARGE: "document is {size} bytes, over the cap of {cap} bytes",
    Code.NOT_ENGLISH: "document does not look like English: {detail}",
    Code.BAD_JSON: "line {line} is not a JSON article object: {detail}",
    Code.BAD_DATE: "published date {value!r} is not YYYY-MM-DD",
    Code.UNREADABLE: "cannot read {path}: {detail}",
    Code.NO_MAIN_TEXT: "no main text could be extracted from the HTML",
    Code.BAD_FIELD: "field {field!r} {detail}",
    Code.STAGE_ORDER: "stage {stage!r} needs {missing} which no earlier stage assigns",
    Code.STAGE_FAILED: "stage {stage!r} failed: {detail}",
    Code.BAD_OPTION: "option {option!r} is {value!r}; allowed: {allowed}",
    Code.MODEL_UNAVAILABLE: "the pronoun model is unavailable ({detail}); "
                            "install newsgraph[coref] or use pronouns='rules'",
    Code.STORE: "store error: {detail}",
    Code.NOT_FOUND: "nothing in the store matches {query!r}",
    Code.INTERNAL: "internal error in {stage}: {detail}",
}


class NewsgraphError(ValueError):
    """Base class: carries a stable code and a formatted message."""

    def __init__(self, code: Code, **fields: object) -> None:
        self.code = code
        self.fields = fields
        template = MESSAGES[code]
        try:
            message = template.format(**fields)
        except (KeyError, IndexError):
            message = template
        super().__init__(f"[{code.value}] {message}")
        self.reason = message


class InputError(NewsgraphError):
    """A document that cannot be read or is not usable news text."""


class PipelineError(NewsgraphError):
    """The stages are wired wrongly (raised before anything runs)."""


class StoreError(NewsgraphError):
    """The store could not be read or written."""
