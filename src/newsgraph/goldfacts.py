"""Score an extracted Document against a hand-made gold-facts file (the seed's format).

Matching is text-anchored (surface strings and offsets), never by ids, so any system's output can
be scored. Used by ``benchmarks/seed.py`` and the example's golden tests.
"""

from __future__ import annotations

import re
from typing import Any

from .document import Document

QUOTE_MARKS = "\"'“”‘’«» "

EVENT_TYPES = {
    "meet": {"meet", "meeting"},
    "captivity": {"captivity", "hold", "held", "detain", "detention", "kidnap"},
    "release": {"release", "free"},
    "appeal": {"appeal", "urge", "call"},
    "kill": {"kill", "death", "die", "attack"},
    "migrate": {"migrate", "move", "emigrate", "immigrate"},
    "kidnap": {"kidnap", "abduct", "abduction", "capture", "seize"},
    "proof_of_life": {"proof_of_life", "appear", "seen_alive", "broadcast", "publish", "video"},
}
PREDICATES = {
    "mother_of": {"mother_of", "parent_of"},
    "father_of": {"father_of", "parent_of"},
    "spouse_of": {"spouse_of", "partner_of", "wife_of", "husband_of"},
    "partner_of": {"partner_of", "spouse_of"},
    "sibling_of": {"sibling_of", "brother_of", "sister_of"},
    "grandmother_of": {"grandmother_of", "grandparent_of"},
    "child_of": {"child_of", "daughter_of", "son_of"},
    "citizen_of": {"citizen_of", "citizenship", "nationality"},
    "title": {"title", "role", "has_title", "position"},
    "age": {"age"},
}
DEMONYMS = {"russian": "russia", "israeli": "israel", "italian": "italy", "canadian": "canada",
            "ukrainian": "ukraine", "american": "united states", "british": "united kingdom",
            "french": "france", "german": "germany", "palestinian": "palestine"}
ROLE_KEYS = ("captive", "released", "victim", "who", "subject", "agent")


def _fold(s: str) -> str:
    return " ".join(s.lower().replace("’", "'").split())


def _title_key(s: str) -> frozenset[str]:
    toks = re.findall(r"[a-z]+", s.lower())
    return frozenset(DEMONYMS.get(t, t) for t in toks if t not in {"of", "the"})


class Scorer:
    def __init__(self, doc: Document, gold: dict[str, Any]):
        self.doc, self.gold, self.text = doc, gold, doc.text
        self.lines: list[str] = []
        # (kind, label, ok, why) per gold fact, in gold-file order within each kind
        self.results: list[tuple[str, str, bool, str]] = []

    # entity lookup by surface --------------------------------------------------------------
    def surfaces(self, ent: Any) -> set[str]:
        return {_fold(ent.name), *(_fold(a) for a in ent.aliases),
                *(_fold(self.text[m.start:m.end]) for m in ent.mentions)}

    def entity(self, name: str) -> Any | None:
        key = _fold(name)
        for ent in self.doc.entities:  # the proper name first
            if _fold(ent.name) == key:
                return ent
        for ent in self.doc.entities:
            if key in self.surfaces(ent):
                return ent
        return None

    def is_entity(self, entity_id: str | None, name: str | list[str]) -> bool:
        names = name if isinstance(name, list) else [name]
        want = [self.entity(n) for n in names]
        return entity_id is not None and any(w is not None and w.id == entity_id for w in want)

    def check(self, kind: str, ok: bool, label: str, why: str = "") -> bool:
        self.results.append((kind, label, ok, why))
        self.lines.append(f"  [{'ok' if ok else '--'}] {kind}: {label}" + ("" if ok else f"  ({why})"))
        return ok

    # kinds ---------------------------------------------------------------------------------
    def people(self) -> tuple[int, int]:
        k = 0
        for p in self.gold["people"]:
            ent = self.entity(p["name"])
            if ent is None:
                self.check("person", False, p["name"], "not found")
                continue
            missing = [m for m in p["mentions"] if _fold(m) not in self.surfaces(ent)]
            ok = not missing and ent.type == "PERSON"
            k += self.check("person", ok, p["name"], f"type {ent.type}, missing mentions {missing}")
        for a, b in self.gold.get("distinct", []):
            ea, eb = self.entity(a), self.entity(b)
            ok = ea is not None and eb is not None and ea.id != eb.id
            k += self.check("distinct", ok, f"{a} != {b}", "merged or missing")
        return k, len(self.gold["people"]) + len(self.gold.get("distinct", []))

    def timexes(self) -> tuple[int, int]:
        k = 0
        for g in self.gold["timexes"]:
            values = set(g.get("accept_values", [g["value"]])) | {g["value"]}
            hit = [t for t in self.doc.timexes if t.start < g["end"] and g["start"] < t.end]
            ok = any(t.value in values and (t.mod or None) == g.get("mod") for t in hit)
            got = [(t.text, t.value, t.mod) for t in hit]
            k += self.check("timex", ok, f"{g['text']} -> {g['value']} {g.get('mod') or ''}", f"got {got}")
        return k, len(self.gold["timexes"])

    def quotes(self) -> tuple[int, int]:
        k = 0
        for g in self.gold["quotes"]:
            probe = g.get("starts_with") or g["contains"]
            cands = [q for q in self.doc.quotes
                     if (q.text.strip(QUOTE_MARKS).startswith(probe) if "starts_with" in g
                         else probe in q.text)]
            label = f"{g['kind']} '{probe[:30]}' by {g['speaker']}"
            if not cands:
                self.check("quote", False, label, "content not found")
                continue
            q = cands[0]
            problems = []
            if not self.is_entity(q.speaker, g["speaker"]):
                who = self.doc.entity(q.speaker)
                problems.append(f"speaker {who.name if who else None}")
            if g.get("cue") and _fold(q.cue or "") != _fold(g["cue"]):
                problems.append(f"cue {q.cue}")
            if g.get("addressee") and not self.is_entity(q.addressee, g["addressee"]):
                who = self.doc.entity(q.addressee)
                problems.append(f"addressee {who.name if who else None}")
            k += self.check("quote", not problems, label, ", ".join(problems))
        return k, len(self.gold["quotes"])

    def relations(self) -> tuple[int, int]:
        k = 0
        for g in self.gold["relations"]:
            preds = PREDICATES.get(g["predicate"], {g["predicate"]})
            ok = False
            for r in self.doc.relations:
                if r.predicate not in preds or not self.is_entity(r.subject, g["subject"]):
                    continue
                obj = g["object"]
                if isinstance(obj, int):
                    ok = r.object == obj
                elif isinstance(r.object, str) and self.doc.entity(r.object) is not None:
                    ok = self.is_entity(r.object, obj) or _title_key(self.doc.entity(r.object).name) == _title_key(obj)
                else:
                    ok = _title_key(str(r.object)) == _title_key(obj)
                if ok:
                    break
            k += self.check("relation", ok, f"{g['subject']} {g['predicate']} {g['object']}", "not found")
        return k, len(self.gold["relations"])

    def events(self) -> tuple[int, int]:
        k = 0
        for g in self.gold["events"]:
            types = EVENT_TYPES.get(g["type"], {g["type"]})
            key_name = next((g[r] for r in ROLE_KEYS if r in g), None)
            if key_name is None and g.get("participants"):
                key_name = g["participants"]
            date = g.get("date") or g.get("begin")
            ok = False
            for ev in self.doc.events:
                if ev.type not in types:
                    continue
                if key_name is not None and isinstance(key_name, list) and g["type"] == "meet":
                    if not all(any(self.is_entity(p.entity, n) for p in ev.participants) for n in key_name):
                        continue
                elif key_name is not None and not any(self.is_entity(p.entity, key_name)
                                                      for p in ev.participants):
                    # the family as a whole: any member of the family as participant counts
                    if not (g.get("who", "").startswith("the ") and ev.participants):
                        continue
                if date and ev.time != date:
                    continue
                ok = True
                break
            if not ok and g["type"] == "captivity":
                ok = any(s.status == "held" and self.is_entity(s.entity, g["captive"])
                         and s.since == g.get("begin") for s in self.doc.statuses)
            k += self.check("event", ok, f"{g['type']} {key_name} {date or ''}", "not found")
        return k, len(self.gold["events"])

    def statuses(self) -> tuple[int, int]:
        k = 0
        for g in self.gold["status_as_of_publication"]:
            ok = any(self.is_entity(s.entity, g["person"]) and s.status == g["status"]
                     and ("since" not in g or s.since == g["since"]) for s in self.doc.statuses)
            k += self.check("status", ok, f"{g['person']} {g['status']} {g.get('since', '')}", "not found")
        return k, len(self.gold["status_as_of_publication"])

    def claims(self) -> tuple[int, int]:
        k = 0
        for g in self.gold["claims"]:
            i = self.text.find(g["text"])
            ok = any(c.span[0] < i + len(g["text"]) and i < c.span[1] and c.verdict == g["verdict"]
                     for c in self.doc.claims)
            k += self.check("claim", ok, f"{g['text']} {g['verdict']}", "not found")
        return k, len(self.gold["claims"])


def run_all(scorer: Scorer) -> dict[str, tuple[int, int]]:
    """K of N per kind; details in ``scorer.results``, tagged with the kind's name."""
    out = {}
    for kind in KINDS:
        first = len(scorer.results)
        out[kind] = getattr(scorer, kind)()
        scorer.results[first:] = [(kind, *r[1:]) for r in scorer.results[first:]]
    return out


KINDS = ("people", "timexes", "quotes", "relations", "events", "statuses", "claims")




# the gold file's sections that each kind scores, in the order the scorer checks them
SECTIONS = {"people": ("people", "distinct"), "timexes": ("timexes",), "quotes": ("quotes",),
            "relations": ("relations",), "events": ("events",),
            "statuses": ("status_as_of_publication",), "claims": ("claims",)}


def fact_keys(gold: dict[str, Any]) -> list[tuple[str, int]]:
    """(kind, index) of every gold fact, for one test per fact."""
    return [(k, i) for k in KINDS for i in range(sum(len(gold.get(s, [])) for s in SECTIONS[k]))]


def results_by_kind(doc: Document, gold: dict[str, Any]) -> dict[str, list[tuple[str, str, bool, str]]]:
    """Every gold fact's (kind, label, ok, why), grouped by kind in gold-file order."""
    sc = Scorer(doc, gold)
    run_all(sc)
    out: dict[str, list[tuple[str, str, bool, str]]] = {}
    for r in sc.results:
        out.setdefault(r[0], []).append(r)
    return out
