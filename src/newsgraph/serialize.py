"""The one place where records become contract JSON (../CONTRACT.md, version 1)."""

from __future__ import annotations

from typing import Any

from .document import Document
from .records import Claim, Entity, Event, Quote, Relation, Status, Timex

CONTRACT_VERSION = 1


def entity_json(e: Entity) -> dict[str, Any]:
    return {
        "id": e.id,
        "type": e.type,
        "name": e.name,
        "aliases": list(e.aliases),
        "mentions": [[m.start, m.end] for m in e.mentions],
        "attributes": dict(e.attributes),
    }


def timex_json(t: Timex) -> dict[str, Any]:
    out: dict[str, Any] = {"start": t.start, "end": t.end, "text": t.text, "type": t.type,
                           "value": t.value}
    if t.mod:
        out["mod"] = t.mod
    return out


def quote_json(q: Quote) -> dict[str, Any]:
    return {
        "start": q.start, "end": q.end, "text": q.text, "kind": q.kind,
        "speaker": q.speaker,
        "speaker_span": list(q.speaker_span) if q.speaker_span else None,
        "cue": q.cue,
        "addressee": q.addressee,
        # extensions
        "cue_span": list(q.cue_span) if q.cue_span else None,
        "addressee_span": list(q.addressee_span) if q.addressee_span else None,
    }


def event_json(e: Event) -> dict[str, Any]:
    out: dict[str, Any] = {
        "type": e.type,
        "trigger": list(e.trigger),
        "time": e.time,
        "participants": [{"role": p.role, "entity": p.entity} for p in e.participants],
        "place": e.place,
    }
    if e.time_mod:
        out["time_mod"] = e.time_mod
    if e.negated:
        out["negated"] = True
    if e.hypothetical:
        out["hypothetical"] = True
    return out


def relation_json(r: Relation) -> dict[str, Any]:
    out: dict[str, Any] = {"subject": r.subject, "predicate": r.predicate, "object": r.object,
                           "evidence": list(r.evidence)}
    if r.as_of:
        out["as_of"] = r.as_of
    return out


def claim_json(c: Claim) -> dict[str, Any]:
    out: dict[str, Any] = {"span": list(c.span), "kind": c.kind, "stated": c.stated,
                           "computed": c.computed, "verdict": c.verdict}
    if c.explanation:
        out["explanation"] = c.explanation
    if c.subject:
        out["subject"] = c.subject
    return out


def status_json(s: Status) -> dict[str, Any]:
    return {"entity": s.entity, "status": s.status, "since": s.since, "as_of": s.as_of,
            "evidence": list(s.evidence)}


def document_json(doc: Document) -> dict[str, Any]:
    """The contract's per-article object."""
    rejected = None
    if doc.rejected is not None:
        rejected = {"stage": doc.rejected.stage, "code": doc.rejected.code,
                    "reason": doc.rejected.reason}
    ok = rejected is None
    return {
        "contract": CONTRACT_VERSION,
        "id": doc.id,
        "published": doc.published,
        "title": doc.title,
        "entities": [entity_json(e) for e in doc.entities] if ok else [],
        "timexes": [timex_json(t) for t in doc.timexes] if ok else [],
        "quotes": [quote_json(q) for q in doc.quotes] if ok else [],
        "events": [event_json(e) for e in doc.events] if ok else [],
        "relations": [relation_json(r) for r in doc.relations] if ok else [],
        "claims": [claim_json(c) for c in doc.claims] if ok else [],
        "statuses": [status_json(s) for s in doc.statuses] if ok else [],
        "rejected": rejected,
    }
