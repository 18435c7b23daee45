"""MEANTIME (English, airbus + apple topics): event triggers and Arg0/Arg1 participants.

Gold: EVENT_MENTION token sets and HAS_PARTICIPANT links (sem_role Arg0/Arg1) from an event
mention to an entity mention. Text is rebuilt per MEANTIME sentence by joining its tokens with
spaces and each sentence is parsed on its own (titles and date lines carry no full stop, so
parsing a whole document as one text glues them onto the first sentence).

Scoring, only over annotated sentences:
- ``annotated`` (headline figures): sentences holding a markable of the intra-document layer
  (an EVENT_MENTION with its attributes, an ENTITY_MENTION with a syntactic type, or a TIMEX3).
  That layer covers the title and the first ~5 sentences; the cross-document layer adds only
  some coreferent mentions in later sentences, so those sentences are not exhaustively annotated.
- ``any``: sentences holding any markable at all (reported too; lower precision for everyone).
Trigger: a gold mention is found when a predicted trigger token is one of its tokens; a
predicted trigger is correct when it lies in some gold mention. Participant: (event mention,
role, entity mention) is found when a predicted argument of a trigger inside the event mention
has the same role and its head token is the entity mention's head (the token of the mention
whose spaCy head lies outside the mention).
Peer in the same run: every spaCy VERB is an event, nsubj Arg0, dobj/nsubjpass Arg1.
"""

from __future__ import annotations

import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from _common import data_dir, prf, write_results

from newsgraph.config import Config
from newsgraph.events.frames import find_frames
from newsgraph.stages.annotate import model_for

TOPICS = ("corpus_airbus", "corpus_apple")
ROLES = ("Arg0", "Arg1")


@dataclass
class GoldDoc:
    name: str
    sentences: dict[int, list[int]] = field(default_factory=dict)  # sentence -> t_ids
    words: dict[int, str] = field(default_factory=dict)
    sent_of: dict[int, int] = field(default_factory=dict)
    events: dict[str, tuple[set[int], str]] = field(default_factory=dict)  # m_id -> t_ids, pos
    entities: dict[str, list[int]] = field(default_factory=dict)
    participants: list[tuple[str, str, str]] = field(default_factory=list)  # ev, role, ent
    annotated: set[int] = field(default_factory=set)
    any_annotated: set[int] = field(default_factory=set)


def load(path: Path) -> GoldDoc:
    root = ET.parse(path).getroot()
    g = GoldDoc(path.stem)
    for t in root.iter("token"):
        tid, sent = int(t.get("t_id", "0")), int(t.get("sentence", "0"))
        g.sentences.setdefault(sent, []).append(tid)
        g.words[tid] = t.text or ""
        g.sent_of[tid] = sent
    markables = root.find("Markables")
    assert markables is not None
    for m in markables:
        ids = [int(a.get("t_id", "0")) for a in m.findall("token_anchor")]
        if not ids:
            continue
        sents = {g.sent_of[i] for i in ids}
        g.any_annotated |= sents
        intra = (m.tag == "EVENT_MENTION" and "pos" in m.attrib) or m.tag == "TIMEX3" or (
            m.tag == "ENTITY_MENTION" and "syntactic_type" in m.attrib)
        if intra:
            g.annotated |= sents
        if m.tag == "EVENT_MENTION":
            g.events[m.get("m_id", "")] = (set(ids), m.get("pos", ""))
        elif m.tag == "ENTITY_MENTION":
            g.entities[m.get("m_id", "")] = ids
    relations = root.find("Relations")
    if relations is not None:
        for r in relations.findall("HAS_PARTICIPANT"):
            src, tgt = r.find("source"), r.find("target")
            role = r.get("sem_role", "")
            if src is not None and tgt is not None and role in ROLES:
                g.participants.append((src.get("m_id", ""), role, tgt.get("m_id", "")))
    return g


@dataclass
class Counts:
    trig_tp_gold: int = 0
    trig_gold: int = 0
    trig_tp_pred: int = 0
    trig_pred: int = 0
    part_tp: int = 0
    part_gold: int = 0
    part_pred: int = 0
    noun_gold: int = 0
    noun_found: int = 0

    def figures(self, prefix: str) -> dict[str, float]:
        tp = self.trig_tp_pred
        p = tp / self.trig_pred if self.trig_pred else 0.0
        r = self.trig_tp_gold / self.trig_gold if self.trig_gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        pp, pr, pf = prf(self.part_tp, self.part_pred - self.part_tp, self.part_gold - self.part_tp)
        return {f"{prefix}trigger_p": p, f"{prefix}trigger_r": r, f"{prefix}trigger_f1": f,
                f"{prefix}participant_p": pp, f"{prefix}participant_r": pr,
                f"{prefix}participant_f1": pf,
                f"{prefix}noun_trigger_r": self.noun_found / self.noun_gold if self.noun_gold
                else 0.0}


def peer_frames(sdoc) -> list[tuple[int, list[tuple[str, int]]]]:  # type: ignore[no-untyped-def]
    out = []
    for tok in sdoc:
        if tok.pos_ != "VERB":
            continue
        args = []
        for c in tok.children:
            if c.dep_ == "nsubj":
                args.append(("Arg0", c.i))
            elif c.dep_ in ("dobj", "nsubjpass"):
                args.append(("Arg1", c.i))
        out.append((tok.i, args))
    return out


def ours(sdoc) -> list[tuple[int, list[tuple[str, int]]]]:  # type: ignore[no-untyped-def]
    return [(f.trigger, f.args) for f in find_frames(sdoc)]


def score(docs: list[GoldDoc], parsed: list[dict[int, object]], system, which: str,  # type: ignore[no-untyped-def]
          misses: Counter | None = None) -> Counts:
    c = Counts()
    for g, sents in zip(docs, parsed):
        keep = g.annotated if which == "annotated" else g.any_annotated
        # predicted triggers and args as t_ids
        pred_trig: set[int] = set()
        pred_args: set[tuple[int, str, int]] = set()
        head_of: dict[str, int] = {}
        for s in sorted(keep):
            sdoc = sents.get(s)
            if sdoc is None:
                continue
            tids = g.sentences[s]
            tok2tid = _align(sdoc, tids, g.words)
            for trig, args in system(sdoc):
                if trig not in tok2tid:
                    continue
                pred_trig.add(tok2tid[trig])
                for role, a in args:
                    if role in ROLES and a in tok2tid:
                        pred_args.add((tok2tid[trig], role, tok2tid[a]))
            tid2tok = {v: k for k, v in tok2tid.items()}
            for mid, ids in g.entities.items():
                if g.sent_of[ids[0]] == s:
                    head_of[mid] = _head(sdoc, [tid2tok[i] for i in ids if i in tid2tok], tok2tid)
        gold_ev = {m: v for m, v in g.events.items() if g.sent_of[min(v[0])] in keep}
        gold_tokens = set().union(*(v[0] for v in gold_ev.values())) if gold_ev else set()
        c.trig_gold += len(gold_ev)
        c.trig_pred += len(pred_trig)
        c.trig_tp_pred += len(pred_trig & gold_tokens)
        for m, (ids, pos) in gold_ev.items():
            hit = bool(ids & pred_trig)
            c.trig_tp_gold += hit
            if pos == "NOUN":
                c.noun_gold += 1
                c.noun_found += hit
            if not hit and misses is not None:
                misses[" ".join(g.words[i] for i in sorted(ids)).lower()] += 1
        gold_parts = set()
        for ev, role, ent in g.participants:
            if ev in gold_ev and ent in head_of:
                gold_parts.add((ev, role, head_of[ent]))
        c.part_gold += len(gold_parts)
        c.part_pred += len(pred_args)
        matched_pred = set()
        for ev, role, head in gold_parts:
            for t in gold_ev[ev][0]:
                if (t, role, head) in pred_args:
                    c.part_tp += 1
                    matched_pred.add((t, role, head))
                    break
    return c


def _align(sdoc, tids: list[int], words: dict[int, str]) -> dict[int, int]:  # type: ignore[no-untyped-def]
    """spaCy token index -> MEANTIME t_id, by character offset in the rebuilt sentence."""
    starts: list[tuple[int, int, int]] = []
    pos = 0
    for tid in tids:
        w = words[tid]
        starts.append((pos, pos + len(w), tid))
        pos += len(w) + 1
    out: dict[int, int] = {}
    j = 0
    for tok in sdoc:
        while j < len(starts) and starts[j][1] <= tok.idx:
            j += 1
        if j < len(starts) and starts[j][0] <= tok.idx < starts[j][1]:
            out[tok.i] = starts[j][2]
    return out


def _head(sdoc, toks: list[int], tok2tid: dict[int, int]) -> int:  # type: ignore[no-untyped-def]
    inside = set(toks)
    for i in sorted(inside):
        h = sdoc[i].head.i
        if h not in inside or h == i:
            return tok2tid[i]
    return tok2tid[max(inside)] if inside else -1


def main() -> None:
    t0 = time.perf_counter()
    base = data_dir("meantime_en") / "corpus"
    docs = [load(p) for topic in TOPICS for p in sorted((base / topic).glob("*.xml"))]
    nlp = model_for(Config(), ("tagger", "parser", "lemmatizer", "ner"))
    keys = [(i, s) for i, g in enumerate(docs) for s in sorted(g.any_annotated | g.annotated)]
    texts = [" ".join(docs[i].words[t] for t in docs[i].sentences[s]) for i, s in keys]
    parsed: list[dict[int, object]] = [{} for _ in docs]
    for (i, s), sdoc in zip(keys, nlp.pipe(texts, batch_size=64)):
        parsed[i][s] = sdoc
    figures: dict[str, float] = {}
    misses: Counter[str] = Counter()
    rows = []
    for which in ("annotated", "any"):
        for sysname, system in (("newsgraph", ours), ("peer", peer_frames)):
            c = score(docs, parsed, system, which,
                      misses if (which, sysname) == ("annotated", "newsgraph") else None)
            prefix = "" if (which, sysname) == ("annotated", "newsgraph") else \
                f"{which}_{sysname}_" if which != "annotated" else f"{sysname}_"
            figs = c.figures(prefix)
            figures.update(figs)
            rows.append((which, sysname, c, figs, prefix))
    print(f"MEANTIME {'+'.join(t.split('_')[1] for t in TOPICS)}: {len(docs)} docs, "
          f"{sum(len(g.annotated) for g in docs)} annotated sentences")
    print(f"{'sentences':<10} {'system':<10} {'trig P':>7} {'trig R':>7} {'trig F1':>7} "
          f"{'noun R':>7} {'part P':>7} {'part R':>7} {'part F1':>7}")
    for which, sysname, c, f, p in rows:
        print(f"{which:<10} {sysname:<10} {f[p + 'trigger_p']:7.3f} {f[p + 'trigger_r']:7.3f} "
              f"{f[p + 'trigger_f1']:7.3f} {f[p + 'noun_trigger_r']:7.3f} "
              f"{f[p + 'participant_p']:7.3f} {f[p + 'participant_r']:7.3f} "
              f"{f[p + 'participant_f1']:7.3f}")
    if "-v" in sys.argv:
        print("most missed gold triggers:", misses.most_common(40))
    write_results("meantime_events", figures,
                  {"topics": list(TOPICS), "docs": len(docs),
                   "seconds": round(time.perf_counter() - t0, 1)})


if __name__ == "__main__":
    main()
