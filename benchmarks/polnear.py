"""PolNeAR dev: quote content detection, speaker accuracy and end-to-end attribution.

Gold: brat ``.ann`` files (Source / Cue / Content, E lines tie them into one attribution), one
annotator per article, the first one listed in ``metadata.tsv`` that has a file. Scoring:

- content: a prediction matches a gold content when it overlaps at least 50% of the gold content's
  characters; matching is one-to-one, largest overlap first. Split into direct (gold content
  starts/ends with a double quotation mark or lies mostly inside quote marks) and indirect;
  unmatched predictions are split by the same textual rule.
- speaker accuracy over matched contents: the predicted speaker span overlaps the gold Source, or
  the entity the people stage resolved it to has a mention covering the gold Source. Gold without a
  Source (``Attribution-no-source``) is right only when the prediction has no speaker.
- end-to-end: a prediction counts when its content matches and its speaker is right.

The peer is textacy's ``direct_quotations`` run on the same spaCy docs, scored the same way.

Run: ``.venv/bin/python benchmarks/polnear.py [--limit N] [--split dev]``.
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from _common import data_dir, prf, write_results

_QUOTE_CHARS = "\"\u201c\u201d"
_OPEN_CHARS = "\"\u201c"


@dataclass
class Gold:
    pieces: list[tuple[int, int]]
    source: tuple[int, int] | None
    cue: str
    direct: bool = False

    @property
    def size(self) -> int:
        return sum(e - s for s, e in self.pieces)


@dataclass
class Pred:
    pieces: list[tuple[int, int]]
    speaker_spans: list[tuple[int, int]] = field(default_factory=list)
    has_speaker: bool = False
    kind: str = "direct"


@dataclass
class Article:
    name: str
    text: str
    published: str | None
    gold: list[Gold]


def _parse_span(field_text: str) -> tuple[str, list[tuple[int, int]]]:
    label, _, offsets = field_text.partition(" ")
    pieces = []
    for part in offsets.split(";"):
        a, b = part.split()
        pieces.append((int(a), int(b)))
    return label, pieces


def _read_ann(path: Path) -> list[Gold]:
    spans: dict[str, tuple[str, list[tuple[int, int]], str]] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if line.startswith("T") and len(cols) >= 2:
            label, pieces = _parse_span(cols[1])
            spans[cols[0]] = (label, pieces, cols[2] if len(cols) > 2 else "")
        elif line.startswith("E") and len(cols) >= 2:
            roles = dict(arg.split(":", 1) for arg in cols[1].split())
            events.append(roles)
    out: list[Gold] = []
    seen: set[tuple[tuple[int, int], ...]] = set()
    for roles in events:
        content = spans.get(roles.get("Content", ""))
        if content is None:
            continue
        key = tuple(content[1])
        if key in seen:  # two E lines over one content (e.g. two cues) score as one quote
            continue
        seen.add(key)
        source = spans.get(roles.get("Source", ""))
        src_span = None
        if source is not None:
            src_span = (source[1][0][0], source[1][-1][1])
        cue = spans.get(roles.get("Cue", ""))
        out.append(Gold(list(content[1]), src_span, cue[2] if cue else ""))
    return out


def _quote_regions(text: str) -> list[tuple[int, int]]:
    """Regions between paired double quotation marks, paired per paragraph."""
    regions = []
    pos = 0
    for para in text.split("\n"):
        opened = None
        for i, ch in enumerate(para):
            if ch not in _QUOTE_CHARS:
                continue
            if opened is None and (ch in _OPEN_CHARS):
                opened = pos + i
            elif opened is not None and ch != "\u201c":
                regions.append((opened, pos + i + 1))
                opened = None
        if opened is not None:
            regions.append((opened, pos + len(para)))
        pos += len(para) + 1
    return regions


def _inside_share(pieces: list[tuple[int, int]], regions: list[tuple[int, int]]) -> float:
    total = sum(e - s for s, e in pieces) or 1
    inside = 0
    for s, e in pieces:
        for rs, re_ in regions:
            inside += max(0, min(e, re_) - max(s, rs))
    return inside / total


def _is_direct(text: str, pieces: list[tuple[int, int]], regions: list[tuple[int, int]]) -> bool:
    surface = " ".join(text[s:e] for s, e in pieces).strip()
    if surface and (surface[0] in _QUOTE_CHARS or surface[-1] in _QUOTE_CHARS):
        return True
    return _inside_share(pieces, regions) > 0.5


def load(split: str, limit: int | None) -> list[Article]:
    root = data_dir("polnear")
    meta: dict[str, tuple[list[str], str]] = {}
    with open(root / "metadata.tsv", encoding="utf-8") as fh:
        header = fh.readline().rstrip("\n").split("\t")
        for line in fh:
            row = dict(zip(header, line.rstrip("\n").split("\t")))
            if row["compartment"] == split:
                meta[row["filename"]] = (row["annotators"].split("|"), row["publication_date"])
    articles = []
    for name in sorted(meta):
        annotators, date = meta[name]
        ann = next((root / split / "attributions" / f"{name}_{a}.ann" for a in annotators
                    if (root / split / "attributions" / f"{name}_{a}.ann").exists()), None)
        txt = root / split / "text" / f"{name}.txt"
        if ann is None or not txt.exists():
            continue
        text = txt.read_text(encoding="utf-8")
        gold = _read_ann(ann)
        regions = _quote_regions(text)
        for g in gold:
            g.direct = _is_direct(text, g.pieces, regions)
        articles.append(Article(name, text, date if date and date != "None" else None, gold))
        if limit and len(articles) >= limit:
            break
    return articles


def _overlap(pieces: list[tuple[int, int]], start: int, end: int) -> int:
    return sum(max(0, min(e, end) - max(s, start)) for s, e in pieces)


@dataclass
class Tally:
    tp: Counter = field(default_factory=Counter)
    fp: Counter = field(default_factory=Counter)
    fn: Counter = field(default_factory=Counter)
    spk_ok: Counter = field(default_factory=Counter)

    def add(self, art: Article, preds: list[Pred]) -> None:
        regions = _quote_regions(art.text)
        cands = []
        for gi, g in enumerate(art.gold):
            for pi, p in enumerate(preds):
                ov = sum(_overlap(g.pieces, s, e) for s, e in p.pieces)
                if ov * 2 >= g.size and ov > 0:
                    cands.append((ov, gi, pi))
        cands.sort(reverse=True)
        used_g: set[int] = set()
        used_p: set[int] = set()
        for _ov, gi, pi in cands:
            if gi in used_g or pi in used_p:
                continue
            used_g.add(gi)
            used_p.add(pi)
            g, p = art.gold[gi], preds[pi]
            cls = "direct" if g.direct else "indirect"
            for key in (cls, "all"):
                self.tp[key] += 1
            if _speaker_right(g, p):
                for key in (cls, "all"):
                    self.spk_ok[key] += 1
        for gi, g in enumerate(art.gold):
            if gi not in used_g:
                cls = "direct" if g.direct else "indirect"
                self.fn[cls] += 1
                self.fn["all"] += 1
        for pi, p in enumerate(preds):
            if pi not in used_p:
                cls = "direct" if _is_direct(art.text, p.pieces, regions) else "indirect"
                self.fp[cls] += 1
                self.fp["all"] += 1

    def figures(self, prefix: str) -> dict[str, float]:
        out: dict[str, float] = {}
        for cls in ("all", "direct", "indirect"):
            p, r, f = prf(self.tp[cls], self.fp[cls], self.fn[cls])
            tag = "" if cls == "all" else f"{cls}_"
            out[f"{prefix}{tag}content_p"] = round(p, 4)
            out[f"{prefix}{tag}content_r"] = round(r, 4)
            out[f"{prefix}{tag}content_f1"] = round(f, 4)
            acc = self.spk_ok[cls] / self.tp[cls] if self.tp[cls] else 0.0
            out[f"{prefix}{tag}speaker_acc"] = round(acc, 4)
            e2e = prf(self.spk_ok[cls], self.fp[cls] + self.tp[cls] - self.spk_ok[cls],
                      self.fn[cls] + self.tp[cls] - self.spk_ok[cls])
            out[f"{prefix}{tag}e2e_f1"] = round(e2e[2], 4)
        return out


def _speaker_right(g: Gold, p: Pred) -> bool:
    if g.source is None:
        return not p.has_speaker
    gs, ge = g.source
    return any(min(ge, e) > max(gs, s) or (s <= gs and ge <= e) for s, e in p.speaker_spans)


def _our_preds(doc) -> list[Pred]:  # noqa: ANN001 - newsgraph Document
    """One prediction per attribution: pieces of one paragraph sharing a speaker mention group.

    ``"For me," he said. "I ask you ..."`` is one PolNeAR content in two pieces but two newsgraph
    quotes (the second continues the first's speaker, pointing at the same mention). A piece with
    a cue of its own (``..., adding, "..."``) starts a new attribution, as in PolNeAR.
    """
    preds: list[Pred] = []
    groups: dict[tuple[int, tuple[int, int]], Pred] = {}
    cues: dict[tuple[int, tuple[int, int]], tuple[int, int] | None] = {}
    for q in doc.quotes:
        para = doc.text.rfind("\n", 0, q.start)
        key = (para, tuple(q.speaker_span)) if q.speaker_span is not None else None
        if key is not None and key in groups and q.kind == "direct" and groups[key].kind == "direct" \
                and (q.cue_span is None or tuple(q.cue_span) == cues.get(key)):
            groups[key].pieces.append((q.start, q.end))
            continue
        spans: list[tuple[int, int]] = []
        if q.speaker_span is not None:
            spans.append(tuple(q.speaker_span))
        ent = doc.entity(q.speaker)
        if ent is not None:
            spans.extend(ent.spans)
        pred = Pred([(q.start, q.end)], spans, q.speaker_span is not None or q.speaker is not None,
                    q.kind)
        preds.append(pred)
        if key is not None and q.kind == "direct":
            # reported speech by the same mention in between does not end the attribution
            groups[key] = pred
            cues[key] = tuple(q.cue_span) if q.cue_span is not None else None
    return preds


def _peer_preds(sdoc) -> tuple[list[Pred], bool]:  # noqa: ANN001 - spaCy Doc
    from textacy.extract.triples import direct_quotations

    bailed = False
    triples: list[tuple[object, int]] = []  # (triple, character offset of the doc it came from)
    try:
        triples = [(t, 0) for t in direct_quotations(sdoc)]
    except ValueError:
        # textacy bails out on an odd number of quotation marks in the whole article; give it
        # each paragraph on its own instead, which only helps the peer
        bailed = True
        start = 0
        for i, tok in enumerate(list(sdoc) + [None]):
            if tok is None or "\n" in tok.text:
                if i > start:
                    part = sdoc[start:i]
                    try:
                        triples.extend((t, part.start_char) for t in direct_quotations(part.as_doc()))
                    except ValueError:
                        pass
                start = i + 1
    preds = []
    for tri, offset in triples:
        toks = tri.speaker
        s, e = offset + toks[0].idx, offset + toks[-1].idx + len(toks[-1].text)
        spans = [(s, e)]
        # "with spaCy entities": a speaker token inside a named entity stands for the whole entity
        for ent in sdoc.ents:
            if ent.start_char <= s < ent.end_char or s <= ent.start_char < e:
                spans.append((ent.start_char, ent.end_char))
        c0 = offset + tri.content.start_char
        preds.append(Pred([(c0, c0 + len(tri.content.text))], spans, True))
    return preds, not bailed


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="dev", choices=["dev", "train"])
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--no-peer", action="store_true")
    args = ap.parse_args()
    logging.basicConfig(level=logging.WARNING)

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
    from newsgraph.api import Engine
    from newsgraph.document import Document

    articles = load(args.split, args.limit)
    engine = Engine()
    docs = [Document(id=a.name, text=a.text, published=a.published) for a in articles]
    t0 = time.perf_counter()
    results = list(engine.run(docs))
    wall = time.perf_counter() - t0
    ours, peer = Tally(), Tally()
    bailed = 0
    rejected = 0
    for art, doc in zip(articles, results):
        if doc.rejected is not None:
            rejected += 1
            logging.warning("%s rejected: %s", art.name, doc.rejected)
        ours.add(art, _our_preds(doc))
        if not args.no_peer and doc.spacy is not None:
            preds, ok = _peer_preds(doc.spacy)
            bailed += not ok
            peer.add(art, preds)

    figures = ours.figures("")
    if not args.no_peer:
        figures.update(peer.figures("textacy_"))
    secs = engine.pipeline.timer.seconds
    total = sum(secs.values()) or 1.0
    figures["quotes_stage_share"] = round(secs.get("quotes", 0.0) / total, 4)
    figures["quotes_stage_seconds"] = round(secs.get("quotes", 0.0), 3)
    figures["extract_seconds"] = round(total, 3)

    n_gold = sum(len(a.gold) for a in articles)
    n_direct = sum(g.direct for a in articles for g in a.gold)
    print(f"PolNeAR {args.split}: {len(articles)} articles, {n_gold} gold contents "
          f"({n_direct} direct, {n_gold - n_direct} indirect), rejected {rejected}")
    print(f"{'metric':<28}{'newsgraph':>12}{'textacy':>12}")
    for cls in ("", "direct_", "indirect_"):
        for m in ("content_p", "content_r", "content_f1", "speaker_acc", "e2e_f1"):
            key = f"{cls}{m}"
            peer_val = figures.get(f"textacy_{key}")
            peer_txt = f"{peer_val:>12.3f}" if peer_val is not None else f"{'-':>12}"
            print(f"{key:<28}{figures[key]:>12.3f}{peer_txt}")
    if not args.no_peer:
        print(f"textacy bailed out (odd quotation marks) on {bailed}/{len(articles)} articles; "
              "those were re-run paragraph by paragraph")
    print(f"quotes stage: {secs.get('quotes', 0.0):.2f}s of {total:.2f}s extraction "
          f"({100 * figures['quotes_stage_share']:.1f}%), wall {wall:.1f}s")
    print("per-stage seconds:", {k: round(v, 2) for k, v in secs.items()})
    meta = {"split": args.split, "articles": len(articles), "gold": n_gold, "gold_direct": n_direct,
            "textacy_bailed": bailed, "peer": "textacy.extract.triples.direct_quotations 0.13.0, per-paragraph retry on bail-out"}
    path = write_results("polnear", figures, meta)
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
