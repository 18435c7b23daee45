"""Cross-document entity coreference on MEANTIME English (airbus and apple topics).

Mentions are the GOLD entity mentions, grouped into in-document entities by their gold REFERS_TO
target: this measures cross-document linking (``newsgraph.crossdoc``), not mention detection or
in-article coreference. Each in-document entity becomes a ``Profile`` whose name is its longest
proper-name mention (else its longest mention that is not a pronoun), whose aliases are its
distinct mention texts, and whose context is the other named entities of the article (people,
places, organizations by the gold entity type). The gold instance names (TAG_DESCRIPTOR) are never
read. Articles are linked in document-id order with ``crossdoc.Resolver`` (the store's algorithm,
in memory).

Scored two ways. ``all``: over all gold entity mentions of each topic (in-document links are
gold, so they come free and inflate both systems). ``ent`` (the headline): the items are the
in-document entities, so only cross-document decisions count. MUC and B-cubed F1 and their
average; the baseline merges in-document entities of one type whose names are identical after case and accent
folding, in the same run. Also reported for PER mentions only.
"""

from __future__ import annotations

import time
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

from _common import data_dir, prf, write_results

from newsgraph.crossdoc import Profile, Resolver
from newsgraph.names import fold

TYPES = {"PER": "PERSON", "ORG": "ORG", "LOC": "GPE", "PRO": "PRODUCT", "FIN": "FIN", "MIX": "MIX"}
TOPICS = ("corpus_airbus", "corpus_apple")


def read_doc(path: Path) -> tuple[str, list[dict]]:
    """In-document entities: gold key, type, mention ids, texts by syntactic type."""
    root = ET.parse(path).getroot()
    doc_id = root.get("doc_id") or path.stem
    tokens = {t.get("t_id"): (t.text or "") for t in root.iter("token")}
    markables = root.find("Markables")
    mentions: dict[str, tuple[str, str]] = {}
    instances: dict[str, tuple[str, str]] = {}
    for el in markables if markables is not None else []:
        if el.tag == "ENTITY_MENTION":
            text = " ".join(tokens.get(a.get("t_id"), "") for a in el.findall("token_anchor"))
            mentions[el.get("m_id")] = (text.strip(), el.get("syntactic_type") or "")
        elif el.tag == "ENTITY":
            key = el.get("instance_id") or f"{doc_id}:{el.get('m_id')}"
            instances[el.get("m_id")] = (key, el.get("ent_type") or "MIX")
    groups: dict[str, dict] = {}
    relations = root.find("Relations")
    for rel in relations.findall("REFERS_TO") if relations is not None else []:
        target = rel.find("target")
        if target is None or target.get("m_id") not in instances:
            continue
        key, etype = instances[target.get("m_id")]
        g = groups.setdefault(key, {"key": key, "type": TYPES.get(etype, etype), "mentions": [],
                                    "texts": []})
        for src in rel.findall("source"):
            mid = src.get("m_id")
            if mid in mentions and mentions[mid][0]:
                g["mentions"].append(f"{doc_id}:{mid}")
                g["texts"].append(mentions[mid])
    return doc_id, [g for g in groups.values() if g["mentions"]]


def _name(texts: list[tuple[str, str]]) -> tuple[str, list[str]]:
    named = [t for t, s in texts if s == "NAM"]
    pool = named or [t for t, s in texts if s not in ("PRO", "")] or [t for t, _ in texts]
    name = max(pool, key=lambda t: (len(t.split()), len(t)))
    return name, sorted(set(named or pool))


def profiles(doc_id: str, ents: list[dict]) -> list[Profile]:
    named = [(e, _name(e["texts"])) for e in ents]
    out = []
    for e, (name, aliases) in named:
        ctx: dict[str, list[str]] = {"people": [], "places": [], "orgs": []}
        for o, (oname, _) in named:
            if o is e or not any(s == "NAM" for _, s in o["texts"]):
                continue
            slot = {"PERSON": "people", "GPE": "places", "ORG": "orgs"}.get(o["type"])
            if slot:
                ctx[slot].append(oname)
        out.append(Profile(f"{doc_id}/{e['key']}", e["type"], name, aliases,
                           {k: sorted(set(v)) for k, v in ctx.items()}))
    return out


def muc(gold: dict[str, str], resp: dict[str, str]) -> tuple[float, float, float]:
    def score(key: dict[str, str], other: dict[str, str]) -> tuple[int, int]:
        clusters: dict[str, list[str]] = defaultdict(list)
        for m, c in key.items():
            clusters[c].append(m)
        num = den = 0
        for ms in clusters.values():
            parts = {other.get(m, f"_single_{m}") for m in ms}
            num += len(ms) - len(parts)
            den += len(ms) - 1
        return num, den
    rn, rd = score(gold, resp)
    pn, pd = score(resp, gold)
    r = rn / rd if rd else 0.0
    p = pn / pd if pd else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def bcubed(gold: dict[str, str], resp: dict[str, str]) -> tuple[float, float, float]:
    gc: dict[str, set[str]] = defaultdict(set)
    rc: dict[str, set[str]] = defaultdict(set)
    for m, c in gold.items():
        gc[c].add(m)
    for m, c in resp.items():
        rc[c].add(m)
    p = r = 0.0
    for m in gold:
        g, s = gc[gold[m]], rc[resp[m]]
        inter = len(g & s)
        p += inter / len(s)
        r += inter / len(g)
    n = len(gold)
    p, r = p / n, r / n
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def run_topic(topic: Path) -> dict[str, dict[str, tuple[dict[str, str], dict[str, str]]]]:
    docs = sorted((read_doc(p) for p in topic.glob("*.xml")), key=lambda d: int(d[0]) if d[0].isdigit() else 0)
    gold: dict[str, str] = {}
    egold: dict[str, str] = {}
    eours: dict[str, str] = {}
    ebase: dict[str, str] = {}
    mtype: dict[str, str] = {}
    ours: dict[str, str] = {}
    base: dict[str, str] = {}
    resolver = Resolver()
    base_ids: dict[tuple[str, str], str] = {}
    for doc_id, ents in docs:
        profs = profiles(doc_id, ents)
        cids = resolver.add_document(profs)
        for e, p, cid in zip(ents, profs, cids, strict=True):
            bkey = (e["type"], " ".join(fold(w) for w in p.name.split()))
            bid = base_ids.setdefault(bkey, f"B{len(base_ids)}")
            egold[p.key], eours[p.key], ebase[p.key] = e["key"], f"C{cid}", bid
            for m in e["mentions"]:
                gold[m] = e["key"]
                mtype[m] = e["type"]
                ours[m] = f"C{cid}"
                base[m] = bid
    per = {m for m, t in mtype.items() if t == "PERSON"}
    sub = lambda d, keep: {m: c for m, c in d.items() if m in keep}  # noqa: E731
    return {"all": {"ours": (gold, ours), "baseline": (gold, base)},
            "ent": {"ours": (egold, eours), "baseline": (egold, ebase)},
            "per": {"ours": (sub(gold, per), sub(ours, per)), "baseline": (sub(gold, per), sub(base, per))}}


def main() -> int:
    root = data_dir("meantime_en") / "corpus"
    t0 = time.perf_counter()
    figures: dict[str, float] = {}
    merged: dict[str, dict[str, tuple[dict[str, str], dict[str, str]]]] = {}
    print("MEANTIME cross-document entity coreference (gold entity mentions; in-document entities "
          "from gold REFERS_TO; cross-document links by newsgraph.crossdoc)")
    print(f"{'topic':<16}{'slice':<6}{'system':<10}{'MUC F1':>8}{'B3 F1':>8}{'avg':>8}{'mentions':>10}")
    for topic in TOPICS:
        res = run_topic(root / topic)
        for sl, systems in res.items():
            for sys_name, (gold, resp) in systems.items():
                m = muc(gold, resp)[2]
                b = bcubed(gold, resp)[2]
                name = topic.replace("corpus_", "")
                figures[f"{name}_{sl}_{sys_name}_muc_f1"] = round(m, 4)
                figures[f"{name}_{sl}_{sys_name}_b3_f1"] = round(b, 4)
                figures[f"{name}_{sl}_{sys_name}_avg"] = round((m + b) / 2, 4)
                print(f"{name:<16}{sl:<6}{sys_name:<10}{m:>8.3f}{b:>8.3f}{(m + b) / 2:>8.3f}{len(gold):>10}")
                mg = merged.setdefault(sl, {}).setdefault(sys_name, ({}, {}))
                mg[0].update({f"{name}:{k}": v for k, v in gold.items()})
                mg[1].update({f"{name}:{k}": f"{name}:{v}" for k, v in resp.items()})
    for sl, systems in merged.items():
        for sys_name, (gold, resp) in systems.items():
            mp, mr, m = muc(gold, resp)
            bp, br, b = bcubed(gold, resp)
            figures[f"both_{sl}_{sys_name}_muc_f1"] = round(m, 4)
            figures[f"both_{sl}_{sys_name}_b3_f1"] = round(b, 4)
            figures[f"both_{sl}_{sys_name}_avg"] = round((m + b) / 2, 4)
            print(f"{'airbus+apple':<16}{sl:<6}{sys_name:<10}{m:>8.3f}{b:>8.3f}{(m + b) / 2:>8.3f}{len(gold):>10}"
                  f"   (MUC P/R {mp:.3f}/{mr:.3f}, B3 P/R {bp:.3f}/{br:.3f})")
    figures["seconds"] = round(time.perf_counter() - t0, 2)
    _ = prf
    path = write_results("meantime_coref", figures, {
        "mentions": "gold entity mentions, gold in-document grouping; cross-document linking measured",
        "topics": list(TOPICS), "target": "both_ent_ours_avg >= 0.70"})
    print(f"target: average of MUC and B3 F1 >= 0.70 (airbus+apple, ent = in-document entities as items); wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
