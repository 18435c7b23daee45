"""Which holding a stated duration measures ("spent 474 days in captivity").

Shared by the events stage (a duration can fix the year of a captivity's start) and the claims
stage (the duration is checked against the article's dates).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..records import Event

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..document import Document

HOLD_TYPES = frozenset({"hold", "kidnap", "detain", "arrest", "captivity"})
HOLD_WORDS = frozenset({"captivity", "held", "hold", "holding", "detention", "custody",
                        "imprisonment", "prison", "jail", "hostage", "captive", "detained",
                        "kidnapped", "abducted", "imprisoned", "jailed"})


def event_above(tok: Token, triggers: dict[int, Event], max_steps: int = 6) -> Event | None:
    """The nearest event whose trigger governs ``tok`` (``triggers`` keyed by start offset)."""
    cur = tok
    for _ in range(max_steps):
        if cur.idx in triggers and cur.i != tok.i:
            return triggers[cur.idx]
        if cur.head.i == cur.i:
            return None
        cur = cur.head
    return None


def holding_context(tok: Token, triggers: dict[int, Event]) -> Event | None | bool:
    """The holding event a duration measures; True when the words say holding but no event."""
    ev = event_above(tok, triggers, 3)
    if ev is not None and ev.type in HOLD_TYPES:
        return ev
    if ev is not None and ev.type == "sentence":
        return None  # "sentenced to six years in prison": a term to serve, not time held
    for c in tok.subtree:
        if c.lower_ in HOLD_WORDS:
            return triggers.get(c.idx) or True
    cur = tok
    for _ in range(3):
        if cur.head.i == cur.i:
            break
        cur = cur.head
        if cur.lower_ in HOLD_WORDS:
            return triggers.get(cur.idx) or True
        if cur.pos_ in ("VERB", "AUX"):
            # "spent 474 days in captivity": the holding is a sibling of the number
            for prep in cur.children:
                if prep.dep_ == "prep" and prep.lower_ in ("in", "under"):
                    for obj in prep.children:
                        if obj.dep_ == "pobj" and obj.lower_ in HOLD_WORDS:
                            return triggers.get(obj.idx) or True
            break
    return None


def captivity_for(doc: Document, offset: int, ctx: Event | bool, caps: Sequence[Any]) -> Any:
    """The captivity (an object with ``captive``) a duration at ``offset`` in holding context
    ``ctx`` measures: the holding event's captive's, the only one, or the captivity of whoever
    was named last before the number."""
    if isinstance(ctx, Event):
        captives = [p.entity for p in ctx.participants if p.role in ("patient", "captive")]
        cap = next((c for c in caps if c.captive in captives), None)
        if cap is not None:
            return cap
    if len(caps) == 1:
        return caps[0]
    best = None
    for c in caps:
        ent = doc.entity(c.captive)
        if ent and any(m.start < offset for m in ent.mentions):
            last = max(m.start for m in ent.mentions if m.start < offset)
            if best is None or last > best[0]:
                best = (last, c)
    return best[1] if best else None
