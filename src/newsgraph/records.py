"""Typed, frozen records that every stage produces.

Every span is a pair of Python ``str`` character offsets into the article text as read (after
HTML extraction), end exclusive, so ``text[start:end]`` gives back the surface form. JSON is made
from these records in one place: :mod:`newsgraph.serialize`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Rejection:
    """Why a document could not be processed; the contract's ``rejected`` field."""

    stage: str
    code: str
    reason: str


@dataclass(frozen=True, slots=True)
class Mention:
    """One surface mention of an entity.

    ``kind`` is ``name`` (a proper name or part of one), ``title`` ("the foreign minister",
    "Ms Marchetti"), ``description`` ("a Canadian envoy") or ``pronoun``.
    """

    start: int
    end: int
    text: str
    kind: str = "name"
    label: str = "PERSON"


@dataclass(frozen=True, slots=True)
class Entity:
    """An entity of one article after in-article coreference."""

    id: str
    type: str
    name: str
    aliases: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()
    attributes: dict[str, Any] = field(default_factory=dict)

    @property
    def spans(self) -> list[Span]:
        return [(m.start, m.end) for m in self.mentions]


@dataclass(frozen=True, slots=True)
class Timex:
    """A TIMEX3 time expression with its normalized value.

    ``anchor`` is the reference date the value was resolved against (for relative expressions),
    kept for explanation and for the events stage; it is not part of the contract output.
    """

    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None = None
    anchor: str | None = None


@dataclass(frozen=True, slots=True)
class Quote:
    """Direct, indirect or mixed speech with its attribution.

    ``speaker_span``/``addressee_span`` are the surface mentions the quotes stage found; the people
    stage resolves them to entity ids (``speaker``/``addressee``).
    """

    start: int
    end: int
    text: str
    kind: str
    speaker: str | None = None
    speaker_span: Span | None = None
    cue: str | None = None
    cue_span: Span | None = None
    addressee: str | None = None
    addressee_span: Span | None = None


@dataclass(frozen=True, slots=True)
class Participant:
    role: str
    entity: str
    span: Span | None = None


@dataclass(frozen=True, slots=True)
class Event:
    type: str
    trigger: Span
    time: str | None = None
    participants: tuple[Participant, ...] = ()
    place: str | None = None
    negated: bool = False
    hypothetical: bool = False
    time_mod: str | None = None


@dataclass(frozen=True, slots=True)
class Relation:
    subject: str
    predicate: str
    object: str | int
    evidence: Span
    as_of: str | None = None


@dataclass(frozen=True, slots=True)
class Claim:
    span: Span
    kind: str
    stated: str
    computed: str | None
    verdict: str
    explanation: str | None = None
    # the entity the quantity is about (the captive of a held-for duration, the person of an
    # age), so that the same quantity can be compared across articles
    subject: str | None = None


@dataclass(frozen=True, slots=True)
class Status:
    entity: str
    status: str
    since: str | None
    as_of: str | None
    evidence: Span


VERDICTS = ("consistent", "inconsistent", "unverifiable")
STATUSES = ("held", "released", "dead", "injured", "detained", "missing", "free")
QUOTE_KINDS = ("direct", "indirect", "mixed")
TIMEX_TYPES = ("DATE", "TIME", "DURATION", "SET")
