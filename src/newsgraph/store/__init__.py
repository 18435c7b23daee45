"""The embedded store: SQLite in WAL mode.

Each article is written in one transaction: it is stored whole or not at all. Storage is
idempotent by content hash (the same article twice changes nothing) and a changed article with a
known id replaces its own facts. Cross-document entities are linked on the way in.

Every statement is parametrized; no SQL is ever built from article text.
"""

from __future__ import annotations

import json
import logging
import re
import sqlite3
import time
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..document import Document
from ..errors import Code, StoreError
from .schema import DDL, SCHEMA_VERSION

log = logging.getLogger(__name__)


def norm_name(s: str) -> str:
    """Case-, accent- and punctuation-folded name for lookups."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = re.sub(r"[^\w\s-]", " ", s.lower())
    return " ".join(s.replace("-", " ").split())


@dataclass(frozen=True, slots=True)
class Outcome:
    doc_id: str
    status: str  # added | replaced | unchanged | rejected
    reason: str | None = None


class Store:
    """A newsgraph database file. Use as a context manager or call :meth:`close`."""

    def __init__(self, path: str | Path, *, linker: Any | None = None):
        self.path = str(path)
        try:
            self.conn = sqlite3.connect(self.path, isolation_level=None, timeout=30)
        except sqlite3.Error as exc:
            raise StoreError(Code.STORE, detail=f"cannot open {self.path}: {exc}") from exc
        self.conn.row_factory = sqlite3.Row
        try:
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.executescript(DDL)
            self.conn.execute("INSERT OR IGNORE INTO meta(key, value) VALUES ('schema', ?)",
                              (str(SCHEMA_VERSION),))
        except sqlite3.DatabaseError as exc:
            self.conn.close()
            raise StoreError(Code.STORE, detail=f"{self.path} is not a newsgraph store: {exc}") from exc
        from .linking import Linker

        self.linker = linker or Linker()

    # -- lifecycle ---------------------------------------------------------------------------
    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing -----------------------------------------------------------------------------
    def add(self, doc: Document) -> Outcome:
        """Store one processed document in one transaction."""
        if doc.rejected is not None:
            self.conn.execute(
                "INSERT INTO rejections(doc_id, origin, stage, code, reason, at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (doc.id, doc.origin, doc.rejected.stage, doc.rejected.code, doc.rejected.reason,
                 _now()))
            return Outcome(doc.id, "rejected", doc.rejected.reason)
        known = self.unchanged(doc)
        if known is not None:
            return known
        digest = doc.content_hash
        cur = self.conn.cursor()
        try:
            cur.execute("BEGIN IMMEDIATE")
            existed = cur.execute("SELECT 1 FROM documents WHERE id = ?", (doc.id,)).fetchone()
            if existed:
                self._delete_doc(cur, doc.id)
            self._write(cur, doc, digest)
            cur.execute("COMMIT")
        except BaseException:
            cur.execute("ROLLBACK")
            raise
        return Outcome(doc.id, "replaced" if existed else "added")

    def unchanged(self, doc: Document) -> Outcome | None:
        """The outcome of storing ``doc`` if its content is stored already, else None.

        The content hash covers only what the article says (text, date, title), so this can be
        asked before any extraction: re-ingesting a feed then costs a lookup per article.
        """
        if doc.rejected is not None:
            return None
        same = self.conn.execute("SELECT id FROM documents WHERE content_hash = ?",
                                 (doc.content_hash,)).fetchone()
        if same is None:
            return None
        return Outcome(doc.id, "unchanged", f"same content as stored document {same['id']}")

    def ingest(self, engine: Any, docs: Iterable[Document]) -> Iterator[Outcome]:
        """Extract with ``engine`` and store each document whose content is not stored yet; one
        stored already is reported ``unchanged`` without being extracted again."""
        fresh = []
        for doc in docs:
            known = self.unchanged(doc)
            if known is None:
                fresh.append(doc)
            else:
                yield known
        yield from self.add_all(engine.run(fresh))

    def add_all(self, docs: Iterable[Document]) -> Iterator[Outcome]:
        for doc in docs:
            try:
                yield self.add(doc)
            except sqlite3.Error as exc:
                log.exception("could not store %s", doc.id)
                yield Outcome(doc.id, "rejected", f"[{Code.STORE.value}] store error: {exc}")

    def _delete_doc(self, cur: sqlite3.Cursor, doc_id: str) -> None:
        touched = [r[0] for r in cur.execute(
            "SELECT DISTINCT entity_id FROM doc_entities WHERE doc_id = ?", (doc_id,))]
        # child tables cascade from documents
        cur.execute("DELETE FROM documents WHERE id = ?", (doc_id,))
        self._gc_entities(cur, touched)

    def _gc_entities(self, cur: sqlite3.Cursor, entity_ids: Iterable[int]) -> None:
        for eid in entity_ids:
            left = cur.execute("SELECT 1 FROM doc_entities WHERE entity_id = ? LIMIT 1",
                               (eid,)).fetchone()
            if left is None:
                cur.execute("DELETE FROM block_keys WHERE entity_id = ?", (eid,))
                cur.execute("DELETE FROM entities WHERE id = ?", (eid,))
            else:
                self.linker.refresh(cur, eid)

    def _write(self, cur: sqlite3.Cursor, doc: Document, digest: str) -> None:
        cur.execute(
            "INSERT INTO documents(id, content_hash, published, title, url, source, origin, text, "
            "ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (doc.id, digest, doc.published, doc.title, doc.url, doc.source, doc.origin, doc.text,
             _now()))
        for ent in doc.entities:
            cur.executemany(
                "INSERT OR IGNORE INTO aliases(doc_id, local_id, alias, alias_norm) VALUES (?, ?, ?, ?)",
                [(doc.id, ent.id, a, norm_name(a)) for a in {ent.name, *ent.aliases}])
            cur.executemany(
                "INSERT INTO mentions(doc_id, local_id, start, end, text, kind) VALUES (?, ?, ?, ?, ?, ?)",
                [(doc.id, ent.id, m.start, m.end, m.text, m.kind) for m in ent.mentions])
        self.linker.link_document(cur, doc)
        cur.executemany(
            "INSERT INTO timexes(doc_id, start, end, text, type, value, mod) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(doc.id, t.start, t.end, t.text, t.type, t.value, t.mod) for t in doc.timexes])
        cur.executemany(
            "INSERT INTO quotes(doc_id, idx, start, end, text, kind, speaker, speaker_start, "
            "speaker_end, cue, addressee) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(doc.id, i, q.start, q.end, q.text, q.kind, q.speaker,
              q.speaker_span[0] if q.speaker_span else None,
              q.speaker_span[1] if q.speaker_span else None, q.cue, q.addressee)
             for i, q in enumerate(doc.quotes)])
        for i, ev in enumerate(doc.events):
            cur.execute(
                "INSERT INTO events(doc_id, idx, type, trigger_start, trigger_end, time, time_mod, "
                "place, negated, hypothetical) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (doc.id, i, ev.type, ev.trigger[0], ev.trigger[1], ev.time, ev.time_mod, ev.place,
                 int(ev.negated), int(ev.hypothetical)))
            cur.executemany(
                "INSERT INTO event_participants(doc_id, event_idx, role, local_id) VALUES (?, ?, ?, ?)",
                [(doc.id, i, p.role, p.entity) for p in ev.participants])
        local_ids = {e.id for e in doc.entities}
        cur.executemany(
            "INSERT INTO relations(doc_id, subject, predicate, object_entity, object_value, start, "
            "end, as_of) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(doc.id, r.subject, r.predicate,
              r.object if isinstance(r.object, str) and r.object in local_ids else None,
              None if isinstance(r.object, str) and r.object in local_ids else json.dumps(r.object),
              r.evidence[0], r.evidence[1], r.as_of) for r in doc.relations])
        cur.executemany(
            "INSERT INTO claims(doc_id, start, end, kind, stated, computed, verdict, explanation, "
            "subject) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(doc.id, c.span[0], c.span[1], c.kind, c.stated, c.computed, c.verdict, c.explanation,
              c.subject) for c in doc.claims])
        cur.executemany(
            "INSERT INTO statuses(doc_id, local_id, status, since, as_of, start, end) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(doc.id, s.entity, s.status, s.since, s.as_of, s.evidence[0], s.evidence[1])
             for s in doc.statuses])

    # -- reading -----------------------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        out = {}
        for table in ("documents", "entities", "doc_entities", "mentions", "timexes", "quotes",
                      "events", "relations", "claims", "statuses", "rejections"):
            out[table] = self.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]  # noqa: S608 (fixed names)
        return out

    def export(self) -> Iterator[dict[str, Any]]:
        """One object per cross-document entity, as in the contract."""
        rows = self.conn.execute("SELECT id, type, name FROM entities ORDER BY id").fetchall()
        for row in rows:
            eid = row["id"]
            aliases = sorted({r[0] for r in self.conn.execute(
                "SELECT a.alias FROM aliases a JOIN doc_entities d ON a.doc_id = d.doc_id AND "
                "a.local_id = d.local_id WHERE d.entity_id = ?", (eid,))})
            mentions = [{"doc": r[0], "start": r[1], "end": r[2]} for r in self.conn.execute(
                "SELECT m.doc_id, m.start, m.end FROM mentions m JOIN doc_entities d ON "
                "m.doc_id = d.doc_id AND m.local_id = d.local_id WHERE d.entity_id = ? "
                "ORDER BY m.doc_id, m.start", (eid,))]
            yield {"id": f"E{eid}", "type": row["type"], "name": row["name"], "aliases": aliases,
                   "mentions": mentions}

    def document_text(self, doc_id: str) -> str | None:
        row = self.conn.execute("SELECT text FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return row[0] if row else None

    def documents(self) -> list[sqlite3.Row]:
        return self.conn.execute(
            "SELECT id, published, title, origin FROM documents ORDER BY published, id").fetchall()

    def rejections(self) -> list[sqlite3.Row]:
        return self.conn.execute(
            "SELECT doc_id, origin, stage, code, reason, at FROM rejections ORDER BY rowid").fetchall()

    def split(self, entity: int, doc_id: str) -> int:
        """Undo a cross-document merge: move one article's entity out into an entity of its own.

        The new link is pinned so that re-linking does not merge it back.
        """
        cur = self.conn.cursor()
        try:
            cur.execute("BEGIN IMMEDIATE")
            rows = cur.execute("SELECT local_id FROM doc_entities WHERE entity_id = ? AND doc_id = ?",
                               (entity, doc_id)).fetchall()
            if not rows:
                raise StoreError(Code.NOT_FOUND, query=f"E{entity} in {doc_id}")
            total = cur.execute("SELECT COUNT(DISTINCT doc_id) FROM doc_entities WHERE entity_id = ?",
                                (entity,)).fetchone()[0]
            if total < 2:
                raise StoreError(Code.STORE, detail=f"E{entity} is only in {doc_id}: nothing to split")
            new_id = self.linker.split_out(cur, entity, doc_id, [r[0] for r in rows])
            cur.execute("COMMIT")
        except BaseException:
            cur.execute("ROLLBACK")
            raise
        return new_id


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
