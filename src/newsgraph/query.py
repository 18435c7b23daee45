"""Questions about people across the store: who, what they said, what happened to them, when.

Every answer carries its evidence: the article id, its date and the sentence the fact came from.
All functions return plain JSON-able dicts; the CLI renders them.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections import defaultdict
from typing import Any

from .consistency import Stated, compare_all, status_conflicts
from .errors import Code, StoreError
from .store import Store, norm_name

_SENT_END = re.compile(r"(?<=[.!?\u201d\"])\s+(?=[\u201c\"A-Z])|\n")


def sentence_of(text: str, start: int, end: int) -> str:
    """The sentence (or line) around a span, for evidence display."""
    left = 0
    for m in _SENT_END.finditer(text, 0, start):
        left = m.end()
    m = _SENT_END.search(text, end)
    right = m.start() if m else len(text)
    return text[left:right].strip()


def _like_escape(s: str) -> str:
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def find_entities(store: Store, name: str, *, type: str | None = None) -> list[int]:
    """Entity ids whose name or an alias matches ``name`` (exact folded match first)."""
    q = norm_name(name)
    if not q:
        return []
    if re.fullmatch(r"E\d+", name.strip()):
        row = store.conn.execute("SELECT id FROM entities WHERE id = ?",
                                 (int(name.strip()[1:]),)).fetchone()
        return [row[0]] if row else []
    params: list[Any] = [q]
    type_sql = ""
    if type:
        type_sql = " AND d.type = ?"
        params.append(type)
    exact = [r[0] for r in store.conn.execute(
        "SELECT d.entity_id, COUNT(*) AS n FROM aliases a JOIN doc_entities d ON a.doc_id = d.doc_id "
        "AND a.local_id = d.local_id WHERE a.alias_norm = ?" + type_sql +
        " GROUP BY d.entity_id ORDER BY n DESC", params)]
    if exact:
        return exact
    params = [f"%{_like_escape(q)}%", *([type] if type else [])]
    return [r[0] for r in store.conn.execute(
        "SELECT d.entity_id, COUNT(*) AS n FROM aliases a JOIN doc_entities d ON a.doc_id = d.doc_id "
        "AND a.local_id = d.local_id WHERE a.alias_norm LIKE ? ESCAPE '\\'" + type_sql +
        " GROUP BY d.entity_id ORDER BY n DESC", params)]


def resolve_one(store: Store, name: str) -> int:
    ids = find_entities(store, name, type="PERSON") or find_entities(store, name)
    if not ids:
        raise StoreError(Code.NOT_FOUND, query=name)
    return ids[0]


class _Docs:
    """Caches article texts, dates and entity names while a report is built: one query per
    article, not one per fact."""

    def __init__(self, store: Store):
        self.store = store
        self._cache: dict[str, sqlite3.Row] = {}
        self._names: dict[str, dict[str, dict[str, Any]]] = {}
        self._participants: dict[str, dict[int, list[tuple[str, str]]]] = {}

    def entity(self, doc_id: str, local: str | None) -> dict[str, Any] | None:
        """The cross-document entity (id, name) of one of the article's own entity ids."""
        if local is None:
            return None
        if doc_id not in self._names:
            self._names[doc_id] = {r[0]: {"id": f"E{r[1]}", "name": r[2]} for r in self.store.conn.execute(
                "SELECT d.local_id, e.id, e.name FROM doc_entities d JOIN entities e ON "
                "e.id = d.entity_id WHERE d.doc_id = ?", (doc_id,))}
        return self._names[doc_id].get(local)

    def participants(self, doc_id: str, event_idx: int) -> list[tuple[str, str]]:
        """(role, local entity id) of every participant of one event."""
        if doc_id not in self._participants:
            by_event: dict[int, list[tuple[str, str]]] = defaultdict(list)
            for r in self.store.conn.execute(
                    "SELECT event_idx, role, local_id FROM event_participants WHERE doc_id = ?",
                    (doc_id,)):
                by_event[r[0]].append((r[1], r[2]))
            self._participants[doc_id] = by_event
        return self._participants[doc_id].get(event_idx, [])

    def row(self, doc_id: str) -> sqlite3.Row:
        if doc_id not in self._cache:
            self._cache[doc_id] = self.store.conn.execute(
                "SELECT id, published, title, text FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return self._cache[doc_id]

    def evidence(self, doc_id: str, start: int, end: int) -> dict[str, Any]:
        r = self.row(doc_id)
        return {"doc": doc_id, "published": r["published"], "span": [start, end],
                "text": r["text"][start:end], "sentence": sentence_of(r["text"], start, end)}


def _locals(store: Store, eid: int) -> list[tuple[str, str]]:
    return [(r[0], r[1]) for r in store.conn.execute(
        "SELECT doc_id, local_id FROM doc_entities WHERE entity_id = ? ORDER BY doc_id", (eid,))]


def _date_key(value: str | None, fallback: str | None) -> str:
    # undated facts sort by their article's date, after dated facts of that day
    return (value or fallback or "9999") + ("~" if value is None else "")


def quotes(store: Store, *, speaker: str | None = None, addressee: str | None = None,
           words: str | None = None, limit: int = 1000) -> list[dict[str, Any]]:
    """Quotes with speaker, addressee, article, date and evidence, in date order."""
    where, params = [], []
    for column, name in (("se.id", speaker), ("ae.id", addressee)):
        if name:
            where.append(f"{column} = ?")  # column names are fixed above, never from input
            params.append(resolve_one(store, name))
    if words:
        where.append("q.text LIKE ? ESCAPE '\\'")
        params.append(f"%{_like_escape(words)}%")
    # speaker and addressee names come in the same query, not one query per row
    sql = ("SELECT q.*, d.published, se.id AS s_id, se.name AS s_name, ae.id AS a_id, "
           "ae.name AS a_name FROM quotes q JOIN documents d ON d.id = q.doc_id "
           "LEFT JOIN doc_entities sd ON sd.doc_id = q.doc_id AND sd.local_id = q.speaker "
           "LEFT JOIN entities se ON se.id = sd.entity_id "
           "LEFT JOIN doc_entities ad ON ad.doc_id = q.doc_id AND ad.local_id = q.addressee "
           "LEFT JOIN entities ae ON ae.id = ad.entity_id" +
           (" WHERE " + " AND ".join(where) if where else "") +
           " ORDER BY d.published, q.doc_id, q.start LIMIT ?")
    params.append(limit)
    docs = _Docs(store)
    out = []
    for r in store.conn.execute(sql, params):
        out.append({
            "doc": r["doc_id"], "published": r["published"], "kind": r["kind"], "text": r["text"],
            "span": [r["start"], r["end"]], "cue": r["cue"],
            "speaker": {"id": f"E{r['s_id']}", "name": r["s_name"]} if r["s_id"] else None,
            "addressee": {"id": f"E{r['a_id']}", "name": r["a_name"]} if r["a_id"] else None,
            "sentence": docs.evidence(r["doc_id"], r["start"], r["end"])["sentence"],
        })
    return out


# speech events are listed as quotes; "other" events carry no type a reader can line up
QUIET_EVENT_TYPES = frozenset({"say", "other"})


def timeline(store: Store, name: str, *, include_all: bool = False) -> dict[str, Any]:
    """Events and statuses of one entity in date order, each with its article and sentence."""
    return _timeline(store, resolve_one(store, name), _Docs(store), include_all)


def _timeline(store: Store, eid: int, docs: _Docs, include_all: bool) -> dict[str, Any]:
    items: list[dict[str, Any]] = []
    for doc_id, local in _locals(store, eid):
        pub = docs.row(doc_id)["published"]
        for ev in store.conn.execute(
                "SELECT e.*, p.role FROM event_participants p JOIN events e ON e.doc_id = p.doc_id "
                "AND e.idx = p.event_idx WHERE p.doc_id = ? AND p.local_id = ?", (doc_id, local)):
            if ev["type"] in QUIET_EVENT_TYPES and not include_all:
                continue
            others = [{"role": role, "entity": docs.entity(doc_id, other)}
                      for role, other in docs.participants(doc_id, ev["idx"]) if other != local]
            items.append({"kind": "event", "type": ev["type"], "role": ev["role"],
                          "date": ev["time"], "mod": ev["time_mod"], "negated": bool(ev["negated"]),
                          "hypothetical": bool(ev["hypothetical"]), "with": others,
                          "evidence": docs.evidence(doc_id, ev["trigger_start"], ev["trigger_end"]),
                          "_key": _date_key(ev["time"], pub)})
        for st in store.conn.execute("SELECT * FROM statuses WHERE doc_id = ? AND local_id = ?",
                                     (doc_id, local)):
            items.append({"kind": "status", "type": st["status"], "date": st["since"],
                          "as_of": st["as_of"], "doc": doc_id,
                          "evidence": docs.evidence(doc_id, st["start"], st["end"]),
                          "_key": _date_key(st["since"], pub)})
    items.sort(key=lambda i: (i.pop("_key"), i["evidence"]["doc"], i["evidence"]["span"][0]))
    row = store.conn.execute("SELECT name, type FROM entities WHERE id = ?", (eid,)).fetchone()
    return {"id": f"E{eid}", "name": row[0], "type": row[1], "timeline": items,
            "latest_status": _latest_status(items)}


def _latest_status(items: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The status of the newest article (then the newest start date), with contradictions."""
    statuses = [i for i in items if i["kind"] == "status"]
    if not statuses:
        return None
    statuses.sort(key=lambda s: (s["as_of"] or "", s["date"] or ""))
    latest = statuses[-1]
    conflicts = status_conflicts([{"status": s["type"], "since": s["date"], "as_of": s["as_of"],
                                   "doc": s["doc"]} for s in statuses])
    return {"status": latest["type"], "since": latest["date"], "as_of": latest["as_of"],
            "source": latest["evidence"]["doc"],
            "sentence": latest["evidence"]["sentence"], "contradictions": conflicts}


def claims_about(store: Store, eid: int, docs: _Docs | None = None) -> dict[str, Any]:
    """Numbers stated about one entity in every article, and how the articles compare."""
    docs = docs or _Docs(store)
    claims, stated = [], []
    for doc_id, local in _locals(store, eid):
        pub = docs.row(doc_id)["published"]
        for c in store.conn.execute("SELECT * FROM claims WHERE doc_id = ? AND subject = ?",
                                    (doc_id, local)):
            claims.append({"kind": c["kind"], "stated": c["stated"], "computed": c["computed"],
                           "verdict": c["verdict"], "explanation": c["explanation"],
                           "evidence": docs.evidence(doc_id, c["start"], c["end"])})
            if c["kind"] == "duration":
                stated.append(Stated("duration", c["stated"], doc_id, pub, (c["start"], c["end"])))
        for r in store.conn.execute("SELECT * FROM relations WHERE doc_id = ? AND subject = ? AND "
                                    "predicate = 'age'", (doc_id, local)):
            stated.append(Stated("age", json.loads(r["object_value"]).__str__(), doc_id,
                                 r["as_of"] or pub, (r["start"], r["end"])))
    return {"claims": claims, "across_articles": compare_all(stated)}


def show(store: Store, name: str, *, include_all: bool = False) -> dict[str, Any]:
    """Everything the store knows about one entity."""
    eid = resolve_one(store, name)
    docs = _Docs(store)
    row = store.conn.execute("SELECT name, type FROM entities WHERE id = ?", (eid,)).fetchone()
    pairs = _locals(store, eid)
    alias_docs: dict[str, set[str]] = defaultdict(set)
    attributes: dict[str, list[dict[str, Any]]] = defaultdict(list)
    links = []
    relations = []
    for doc_id, local in pairs:
        for r in store.conn.execute("SELECT alias FROM aliases WHERE doc_id = ? AND local_id = ?",
                                    (doc_id, local)):
            alias_docs[r[0]].add(doc_id)
        d = store.conn.execute("SELECT attributes, link_score, link_evidence FROM doc_entities "
                               "WHERE doc_id = ? AND local_id = ?", (doc_id, local)).fetchone()
        for key, value in json.loads(d["attributes"]).items():
            attributes[key].append({"value": value, "doc": doc_id})
        links.append({"doc": doc_id, "local_id": local, "score": d["link_score"],
                      "evidence": json.loads(d["link_evidence"] or "[]")})
        for r in store.conn.execute(
                "SELECT * FROM relations WHERE doc_id = ? AND (subject = ? OR object_entity = ?)",
                (doc_id, local, local)):
            subj = docs.entity(doc_id, r["subject"])
            obj: Any = (docs.entity(doc_id, r["object_entity"]) if r["object_entity"]
                        else json.loads(r["object_value"]))
            relations.append({"subject": subj, "predicate": r["predicate"], "object": obj,
                              "as_of": r["as_of"],
                              "evidence": docs.evidence(doc_id, r["start"], r["end"])})
    tl = _timeline(store, eid, docs, include_all)
    numbers = claims_about(store, eid, docs)
    return {
        "id": f"E{eid}", "name": row[0], "type": row[1],
        "aliases": [{"alias": a, "docs": sorted(ds)} for a, ds in sorted(alias_docs.items())],
        "attributes": dict(attributes),
        "links": links,
        "relations": relations,
        "events": [i for i in tl["timeline"] if i["kind"] == "event"],
        "statuses": [i for i in tl["timeline"] if i["kind"] == "status"],
        "latest_status": tl["latest_status"],
        "claims": numbers["claims"],
        "claims_across_articles": numbers["across_articles"],
        "quotes_said": quotes(store, speaker=f"E{eid}"),
        "quotes_addressed": quotes(store, addressee=f"E{eid}"),
    }
