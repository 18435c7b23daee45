"""Cross-document entity linking on ingest.

Each new article's entities are compared only with stored entities that share a blocking key, so
the work grows with the number of candidates, not with the size of the store. Scoring and keys
come from :mod:`newsgraph.crossdoc` (name compatibility plus context); the store keeps the score
and its evidence for every link so that a merge can be inspected and undone.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections import Counter
from typing import Any

from ..crossdoc import (
    LINK_THRESHOLD,
    OFFICE_CANDIDATES,
    Profile,
    Scored,
    block_keys,
    choose_link,
    index_keys,
    is_named,
    is_office_key,
    kin_role,
    link_score,
    merge_context,
    name_rank,
    office_keys,
    office_link,
)
from ..document import Document
from ..records import Entity, Relation

log = logging.getLogger(__name__)

# entity types linked across articles by name; numbers/dates are not entities worth merging
LINKED_TYPES = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT",
                          "WORK_OF_ART", "LAW"})


def _doc_context(doc: Document, ent: Entity) -> dict[str, Any]:
    people, places, orgs = [], [], []
    for other in doc.entities:
        if other.id == ent.id:
            continue
        if other.type == "PERSON":
            people.append(other.name)
        elif other.type in ("GPE", "LOC", "FAC"):
            places.append(other.name)
        elif other.type == "ORG":
            orgs.append(other.name)
    ctx: dict[str, Any] = {"people": sorted(set(people)), "places": sorted(set(places)),
                           "orgs": sorted(set(orgs))}
    attrs = ent.attributes or {}
    if attrs.get("title"):
        ctx["titles"] = list(attrs["title"])
    if attrs.get("citizenship"):
        ctx["citizenship"] = list(attrs["citizenship"])
    if isinstance(attrs.get("age"), int) and doc.published:
        ctx["age"] = attrs["age"]
        ctx["age_year"] = int(doc.published[:4])
    relations, kin = [], []
    for r, other_id, role in _relations_of(doc, ent):
        relative = doc.entity(other_id) if isinstance(other_id, str) else None
        relations.append(f"{r.predicate}:{relative.name if relative else other_id}")
        if role and relative is not None and relative.type == "PERSON":
            kin.append(f"{role}:{relative.name}")
    if relations:
        ctx["relations"] = sorted(set(relations))
    if kin:
        # directed, unlike "relations": the mother of X and the daughter of X are not one person
        ctx["kin"] = sorted(set(kin))
    return ctx


def _relations_of(doc: Document, ent: Entity) -> list[tuple[Relation, Any, str | None]]:
    """(relation, the other side, the entity's kin role towards it or None) of each relation."""
    return [(r, r.object if r.subject == ent.id else r.subject, kin_role(r.predicate, r.subject == ent.id))
            for r in doc.relations if r.subject == ent.id or r.object == ent.id]


def _kin_ids(doc: Document, ent: Entity, linked: dict[str, int]) -> list[str]:
    """Kin as ``role:E<id>`` for relatives already linked to stored entities: the same relative
    across articles whatever each article calls them."""
    return sorted({f"{role}:E{linked[other_id]}" for _, other_id, role in _relations_of(doc, ent)
                   if role and isinstance(other_id, str) and other_id in linked})


class Linker:
    """Links document entities to cross-document entities inside the caller's transaction."""

    @staticmethod
    def _index_keys(profile: Profile) -> set[str]:
        """Keys to file an entity under: a full name is also filed under its family name (and
        initial), so that a later article naming the person by surname alone finds it."""
        return {f"{profile.type}:{k}" for k in index_keys(profile)}

    def cluster_profile(self, cur: sqlite3.Cursor, eid: int) -> Profile:
        row = cur.execute("SELECT type, name, context FROM entities WHERE id = ?", (eid,)).fetchone()
        aliases = sorted({r[0] for r in cur.execute(
            "SELECT a.alias FROM aliases a JOIN doc_entities d ON a.doc_id = d.doc_id AND "
            "a.local_id = d.local_id WHERE d.entity_id = ?", (eid,))})
        return Profile(key=f"E{eid}", type=row[0], name=row[1], aliases=aliases,
                       context=json.loads(row[2]))

    # linking --------------------------------------------------------------------------------
    def _candidates(self, cur: sqlite3.Cursor, etype: str, keys: set[str]) -> list[int]:
        """Stored entities sharing a key; an office block gives only its most recent entities."""
        plain = sorted(f"{etype}:{k}" for k in keys if not is_office_key(k))
        out: list[int] = []
        if plain:
            marks = ",".join("?" * len(plain))
            out += [r[0] for r in cur.execute(
                f"SELECT DISTINCT b.entity_id FROM block_keys b JOIN entities e ON "  # noqa: S608
                f"e.id = b.entity_id WHERE b.key IN ({marks}) AND e.type = ?", (*plain, etype))]
        for k in sorted(k for k in keys if is_office_key(k)):
            out += [r[0] for r in cur.execute(
                "SELECT entity_id FROM block_keys WHERE key = ? ORDER BY entity_id DESC LIMIT ?",
                (f"{etype}:{k}", OFFICE_CANDIDATES))]
        return list(dict.fromkeys(out))

    def _rivals(self, cur: sqlite3.Cursor, desc: Profile) -> list[str]:
        """Stored named people that fit a description's office in its story."""
        out = []
        for cand in self._candidates(cur, desc.type, office_keys(desc)[0]):
            prof = self.cluster_profile(cur, cand)
            if is_named(prof) and link_score(desc, prof)[0] >= LINK_THRESHOLD:
                out.append(f"E{cand}")
        return out

    def link_document(self, cur: sqlite3.Cursor, doc: Document) -> None:
        used: set[int] = set()  # entities the article keeps apart stay apart across articles
        linked: dict[str, int] = {}
        profiles = {ent.id: Profile(key=f"{doc.id}/{ent.id}", type=ent.type, name=ent.name,
                                    aliases=sorted(set(ent.aliases)), context=_doc_context(doc, ent))
                    for ent in doc.entities}
        peers = list(profiles.values())
        # people first, longest names first: the fullest name makes the best probe, and a given
        # name alone mostly comes after the relatives whose stored entities (kin_ids) back it
        order = sorted(doc.entities, key=lambda e: (e.type != "PERSON", -len(e.name)))
        for ent in order:
            profile = profiles[ent.id]
            ctx = profile.context
            if ctx.get("kin"):
                ctx["kin_ids"] = _kin_ids(doc, ent, linked)
            keys = block_keys(profile) if ent.type in LINKED_TYPES else set()
            scored: list[Scored] = []
            for cand in self._candidates(cur, ent.type, keys) if keys else []:
                cluster = self.cluster_profile(cur, cand)
                # an entity the article already took still counts as a holder of an office
                if cand in used and not office_link(profile, cluster):
                    continue
                score, evidence = link_score(profile, cluster)
                scored.append((cand, score, evidence, cluster))
            best, best_score, best_evidence = choose_link(
                profile, scored, used, peers, lambda desc: self._rivals(cur, desc))
            if best is not None:
                eid = best
                self._absorb(cur, eid, ent, ctx)
            else:
                cur.execute("INSERT INTO entities(type, name, context) VALUES (?, ?, ?)",
                            (ent.type, ent.name, json.dumps(ctx, sort_keys=True)))
                eid = int(cur.lastrowid or 0)
                best_score, best_evidence = 1.0, ["first seen", *best_evidence]
            used.add(eid)
            linked[ent.id] = eid
            cur.execute(
                "INSERT INTO doc_entities(doc_id, local_id, entity_id, type, name, attributes, "
                "link_score, link_evidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (doc.id, ent.id, eid, ent.type, ent.name, json.dumps(ent.attributes, sort_keys=True),
                 round(best_score, 4), json.dumps(best_evidence)))
            stored = self._index_keys(profile) if ent.type in LINKED_TYPES else set()
            cur.executemany("INSERT OR IGNORE INTO block_keys(key, entity_id) VALUES (?, ?)",
                            [(k, eid) for k in sorted(stored)])
        # relatives linked after the person: their stored entities go into the person's context
        # too, so that a later article's given name alone can find it by them
        for ent in doc.entities:
            if ent.type == "PERSON" and ent.id in linked:
                ids = _kin_ids(doc, ent, linked)
                if ids:
                    self._merge_context(cur, linked[ent.id], {"kin_ids": ids})

    def _absorb(self, cur: sqlite3.Cursor, eid: int, ent: Entity, ctx: dict[str, Any]) -> None:
        row = cur.execute("SELECT name, context FROM entities WHERE id = ?", (eid,)).fetchone()
        merged = merge_context(json.loads(row[1]), ctx)
        name = row[0]
        # a proper name over a description, then the fullest: more words, then longer
        if name_rank(ent.type, ent.name) > name_rank(ent.type, name):
            name = ent.name
        cur.execute("UPDATE entities SET name = ?, context = ? WHERE id = ?",
                    (name, json.dumps(merged, sort_keys=True), eid))

    @staticmethod
    def _merge_context(cur: sqlite3.Cursor, eid: int, ctx: dict[str, Any]) -> None:
        row = cur.execute("SELECT context FROM entities WHERE id = ?", (eid,)).fetchone()
        merged = merge_context(json.loads(row[0]), ctx)
        cur.execute("UPDATE entities SET context = ? WHERE id = ?",
                    (json.dumps(merged, sort_keys=True), eid))

    def refresh(self, cur: sqlite3.Cursor, eid: int) -> None:
        """Recompute a cluster's name after one of its articles left it."""
        rows = cur.execute("SELECT type, name FROM doc_entities WHERE entity_id = ?", (eid,)).fetchall()
        names = [r[1] for r in rows]
        if names:
            counts = Counter(names)
            name = max(names, key=lambda n: (*name_rank(rows[0][0], n), counts[n]))
            cur.execute("UPDATE entities SET name = ? WHERE id = ?", (name, eid))

    def split_out(self, cur: sqlite3.Cursor, eid: int, doc_id: str, local_ids: list[str]) -> int:
        row = cur.execute("SELECT type FROM entities WHERE id = ?", (eid,)).fetchone()
        names = [r[0] for r in cur.execute(
            f"SELECT name FROM doc_entities WHERE doc_id = ? AND local_id IN ({','.join('?' * len(local_ids))})",  # noqa: S608
            (doc_id, *local_ids))]
        cur.execute("INSERT INTO entities(type, name, context) VALUES (?, ?, '{}')",
                    (row[0], max(names, key=len)))
        new_id = int(cur.lastrowid or 0)
        cur.executemany(
            "UPDATE doc_entities SET entity_id = ?, pinned = 1, link_score = NULL, "
            "link_evidence = ? WHERE doc_id = ? AND local_id = ?",
            [(new_id, json.dumps([f"split from E{eid} by hand"]), doc_id, lid) for lid in local_ids])
        self.refresh(cur, eid)
        return new_id
