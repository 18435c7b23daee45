"""Hand-written claims set (tests/data/claims_set): numeric claims, relations and statuses.

Short fictional articles with known facts, inconsistent numbers included on purpose. The whole
pipeline runs on each; a fact is found when:
- claim: a predicted claim's span overlaps the gold text's first occurrence; its verdict is then
  compared (``verdict_accuracy``); ``inconsistent_flagged`` is the share of gold inconsistent
  claims predicted inconsistent, ``false_flags`` the number of gold consistent or unverifiable
  claims predicted inconsistent;
- relation: same predicate, the subject entity's name or an alias contains the gold subject's
  last word, and the object equal (numbers), or contained case-insensitively in the object's
  string or in the object entity's name (titles, countries, people);
- status: same status for an entity named like the gold person, and the same ``since`` value.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

from _common import ROOT, write_results

from newsgraph.api import Engine
from newsgraph.document import Document
from newsgraph.stages.ingest import read_paths

DATA = ROOT / "tests" / "data" / "claims_set"


def _named(doc: Document, entity_id: str | None, name: str) -> bool:
    ent = doc.entity(entity_id)
    if ent is None:
        return False
    last = name.split()[-1].lower()
    return any(last in n.lower() for n in (ent.name, *ent.aliases))


def _object_ok(doc: Document, obj: Any, gold: Any) -> bool:
    if isinstance(gold, int):
        return obj == gold
    ent = doc.entity(obj) if isinstance(obj, str) else None
    if ent is not None:
        return _named(doc, ent.id, gold)
    return isinstance(obj, str) and gold.lower() in obj.lower()


def score(docs: dict[str, Document], gold: dict[str, Any], verbose: bool) -> dict[str, float]:
    n = {"claims": 0, "claims_found": 0, "verdict_ok": 0, "inconsistent": 0, "flagged": 0,
         "false_flags": 0, "relations": 0, "relations_found": 0, "statuses": 0,
         "statuses_found": 0}
    for art in gold["articles"]:
        doc = docs[art["id"]]
        for g in art["claims"]:
            n["claims"] += 1
            start = doc.text.find(g["text"])
            end = start + len(g["text"])
            hit = next((c for c in doc.claims if c.span[0] < end and start < c.span[1]), None)
            if g["verdict"] == "inconsistent":
                n["inconsistent"] += 1
            if hit is None:
                if verbose:
                    print(f"  MISS claim {art['id']} {g['text']!r} ({g['verdict']})")
                continue
            n["claims_found"] += 1
            n["verdict_ok"] += hit.verdict == g["verdict"]
            if g["verdict"] == "inconsistent" and hit.verdict == "inconsistent":
                n["flagged"] += 1
            if g["verdict"] != "inconsistent" and hit.verdict == "inconsistent":
                n["false_flags"] += 1
            if verbose and hit.verdict != g["verdict"]:
                print(f"  WRONG claim {art['id']} {g['text']!r}: {hit.verdict} "
                      f"({hit.explanation}); gold {g['verdict']}")
        for g in art["relations"]:
            n["relations"] += 1
            ok = any(r.predicate == g["predicate"] and _named(doc, r.subject, g["subject"])
                     and _object_ok(doc, r.object, g["object"]) for r in doc.relations)
            n["relations_found"] += ok
            if verbose and not ok:
                print(f"  MISS relation {art['id']} {g}")
        for g in art["statuses"]:
            n["statuses"] += 1
            ok = any(s.status == g["status"] and _named(doc, s.entity, g["person"])
                     and s.since == g["since"] for s in doc.statuses)
            n["statuses_found"] += ok
            if verbose and not ok:
                got = [(s.status, s.since) for s in doc.statuses if _named(doc, s.entity, g["person"])]
                print(f"  MISS status {art['id']} {g} got {got}")
    figures = {
        "claims_found": n["claims_found"] / n["claims"],
        "claim_verdict_accuracy": n["verdict_ok"] / n["claims"],
        "inconsistent_flagged": n["flagged"] / n["inconsistent"],
        "false_flags": float(n["false_flags"]),
        "relations_found": n["relations_found"] / n["relations"],
        "statuses_found": n["statuses_found"] / n["statuses"],
    }
    print(f"claims set: {len(gold['articles'])} articles")
    print(f"  claims      found {n['claims_found']}/{n['claims']}, verdict right "
          f"{n['verdict_ok']}/{n['claims']}, inconsistent flagged {n['flagged']}/"
          f"{n['inconsistent']}, false flags {n['false_flags']}")
    print(f"  relations   found {n['relations_found']}/{n['relations']}")
    print(f"  statuses    found {n['statuses_found']}/{n['statuses']}")
    return figures


def main() -> None:
    t0 = time.perf_counter()
    gold = json.loads((DATA / "gold.json").read_text())
    engine = Engine()
    docs = {d.id: d for d in engine.run(read_paths([str(DATA / "articles.jsonl")], engine.config))}
    figures = score(docs, gold, "-v" in sys.argv)
    write_results("claims_set", figures, {"articles": len(gold["articles"]),
                                          "seconds": round(time.perf_counter() - t0, 1)})


if __name__ == "__main__":
    main()
