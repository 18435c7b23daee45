"""CoNLL-2003 English dev (testa): named-entity P/R/F1, bare spaCy model vs newsgraph.

Each document's text is rebuilt by joining tokens with single spaces and sentences with a newline;
both systems read exactly that text. Predicted character spans are mapped back to token spans
(snapped outwards to token boundaries) and scored by exact span + type, micro-averaged, per type
and overall (conlleval semantics). spaCy labels are mapped to CoNLL types: PERSON->PER,
GPE/LOC/FAC->LOC, ORG->ORG, NORP/EVENT/PRODUCT/WORK_OF_ART/LAW/LANGUAGE->MISC, the numeric and
time labels dropped.

    .venv/bin/python benchmarks/conll.py [--limit N] [--errors N] [--split train]

``--split train`` scores the train split instead, for error analysis (the tagger in
``newsgraph.people.model`` is trained on it, so those figures are not a measure); only the full
dev run writes ``benchmarks/out/conll.json``. PER errors are counted by kind (wrong type, wrong
boundaries, spurious, missed) in every run.
"""

from __future__ import annotations

import argparse
import bisect
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import data_dir, prf, write_results

TYPES = ("PER", "LOC", "ORG", "MISC")
LABEL_MAP = {"PERSON": "PER", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "ORG": "ORG",
             "NORP": "MISC", "EVENT": "MISC", "PRODUCT": "MISC", "WORK_OF_ART": "MISC",
             "LAW": "MISC", "LANGUAGE": "MISC"}

Span = tuple[int, int, str]  # token start, token end (exclusive), CoNLL type


class ConllDoc:
    """One -DOCSTART- document: its text, token char offsets and gold spans."""

    def __init__(self, sentences: list[list[tuple[str, str]]]):
        self.tokens: list[str] = []
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.gold: set[Span] = set()
        parts: list[str] = []
        pos = 0
        for sent in sentences:
            if parts:
                parts.append("\n")
                pos += 1
            open_: tuple[int, str] | None = None
            for i, (tok, tag) in enumerate(sent):
                if i:
                    parts.append(" ")
                    pos += 1
                idx = len(self.tokens)
                self.tokens.append(tok)
                self.starts.append(pos)
                parts.append(tok)
                pos += len(tok)
                self.ends.append(pos)
                if open_ and not tag.startswith("I-"):
                    self.gold.add((open_[0], idx, open_[1]))
                    open_ = None
                if tag.startswith("B-") or (tag.startswith("I-") and open_ is None):
                    open_ = (idx, tag[2:])
            if open_:
                self.gold.add((open_[0], len(self.tokens), open_[1]))
        self.text = "".join(parts)

    def to_tokens(self, start: int, end: int) -> tuple[int, int] | None:
        i = bisect.bisect_right(self.ends, start)  # first token ending after start
        j = bisect.bisect_left(self.starts, end)  # first token starting at/after end
        if i >= j:
            return None
        return i, j


def read_conll(path: Path) -> list[ConllDoc]:
    docs: list[ConllDoc] = []
    sentences: list[list[tuple[str, str]]] = []
    sent: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line:
            if sent:
                sentences.append(sent)
                sent = []
            continue
        cols = line.split()
        if cols[0] == "-DOCSTART-":
            if sent:
                sentences.append(sent)
                sent = []
            if sentences:
                docs.append(ConllDoc(sentences))
            sentences = []
            continue
        sent.append((cols[0], cols[-1]))
    if sent:
        sentences.append(sent)
    if sentences:
        docs.append(ConllDoc(sentences))
    return docs


def spans_from_chars(doc: ConllDoc, chars: list[tuple[int, int, str]]) -> set[Span]:
    out: set[Span] = set()
    for start, end, label in chars:
        typ = LABEL_MAP.get(label)
        if typ is None:
            continue
        tok = doc.to_tokens(start, end)
        if tok:
            out.add((tok[0], tok[1], typ))
    return out


def score(docs: list[ConllDoc], preds: list[set[Span]]) -> dict[str, float]:
    counts = {t: Counter() for t in (*TYPES, "ALL")}
    for doc, pred in zip(docs, preds):
        for typ in TYPES:
            g = {s for s in doc.gold if s[2] == typ}
            p = {s for s in pred if s[2] == typ}
            for key in (typ, "ALL"):
                counts[key]["tp"] += len(g & p)
                counts[key]["fp"] += len(p - g)
                counts[key]["fn"] += len(g - p)
    out: dict[str, float] = {}
    for key, c in counts.items():
        p, r, f = prf(c["tp"], c["fp"], c["fn"])
        out[f"{key}_p"], out[f"{key}_r"], out[f"{key}_f1"] = round(p, 4), round(r, 4), round(f, 4)
    return out


def error_kinds(docs: list[ConllDoc], preds: list[set[Span]], typ: str = "PER") -> Counter[str]:
    """Counts of PER errors: wrong type, wrong boundaries, spurious, missed."""
    out: Counter[str] = Counter()
    for doc, pred in zip(docs, preds):
        for s in pred - doc.gold:
            if s[2] != typ:
                continue
            same = [g for g in doc.gold if g[0] == s[0] and g[1] == s[1]]
            over = [g for g in doc.gold if g[0] < s[1] and s[0] < g[1]]
            out["fp_type:" + same[0][2] if same else "fp_bounds" if over else "fp_spurious"] += 1
        for g in doc.gold - pred:
            if g[2] != typ:
                continue
            same = [s for s in pred if s[0] == g[0] and s[1] == g[1]]
            over = [s for s in pred if s[0] < g[1] and g[0] < s[1]]
            out["fn_as:" + same[0][2] if same else "fn_bounds" if over else "fn_missed"] += 1
    return out


def run_bare(docs: list[ConllDoc], model: str) -> tuple[list[set[Span]], float]:
    import spacy

    nlp = spacy.load(model, exclude=["tagger", "parser", "attribute_ruler", "lemmatizer"])
    t0 = time.perf_counter()
    preds = [spans_from_chars(d, [(e.start_char, e.end_char, e.label_) for e in sd.ents])
             for d, sd in zip(docs, nlp.pipe((d.text for d in docs), batch_size=16))]
    return preds, time.perf_counter() - t0


def run_newsgraph(docs: list[ConllDoc]) -> tuple[list[set[Span]], float]:
    from newsgraph.api import Engine
    from newsgraph.document import Document

    engine = Engine(stages=("annotate", "timex", "quotes", "people"))
    t0 = time.perf_counter()
    ng_docs = [Document(id=str(i), text=d.text) for i, d in enumerate(docs)]
    preds: list[set[Span]] = []
    for d, nd in zip(docs, engine.run(ng_docs)):
        if nd.rejected is not None:
            preds.append(set())
            continue
        preds.append(spans_from_chars(d, list(nd.scratch.get("ner_spans", []))))
    return preds, time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=0, help="only the first N documents")
    ap.add_argument("--errors", type=int, default=0, help="print N PER errors of newsgraph")
    ap.add_argument("--split", choices=("dev", "train"), default="dev",
                    help="train is for error analysis; dev is the reported figure")
    args = ap.parse_args()
    from newsgraph.config import DEFAULT_MODEL

    docs = read_conll(data_dir("conll2003_en") / f"{args.split}.txt")
    if args.limit:
        docs = docs[: args.limit]
    bare, t_bare = run_bare(docs, DEFAULT_MODEL)
    ng, t_ng = run_newsgraph(docs)
    fb, fn = score(docs, bare), score(docs, ng)
    print(f"CoNLL-2003 {args.split}: {len(docs)} documents, {sum(len(d.gold) for d in docs)} gold entities")
    print(f"{'type':6} {'bare P':>7} {'R':>6} {'F1':>6}   {'newsgraph P':>11} {'R':>6} {'F1':>6}")
    for key in (*TYPES, "ALL"):
        print(f"{key:6} {fb[key + '_p']:7.3f} {fb[key + '_r']:6.3f} {fb[key + '_f1']:6.3f}   "
              f"{fn[key + '_p']:11.3f} {fn[key + '_r']:6.3f} {fn[key + '_f1']:6.3f}")
    print(f"time: bare ner {t_bare:.1f}s, newsgraph (full model + people) {t_ng:.1f}s")
    print("newsgraph PER errors by kind:", dict(sorted(error_kinds(docs, ng).items())))
    if args.errors:
        shown = 0
        for d, p in zip(docs, ng):
            for s in sorted(p ^ d.gold):
                if s[2] != "PER" or shown >= args.errors:
                    continue
                tag = "FP" if s in p else "FN"
                ctx = " ".join(d.tokens[max(0, s[0] - 4): s[1] + 4])
                print(f"{tag} {' '.join(d.tokens[s[0]:s[1]])!r:30} | {ctx}")
                shown += 1
    figures = {f"bare_{k}": v for k, v in fb.items()}
    figures.update({f"newsgraph_{k}": v for k, v in fn.items()})
    figures["bare_seconds"] = round(t_bare, 2)
    figures["newsgraph_seconds"] = round(t_ng, 2)
    if args.split != "dev" or args.limit:
        return  # only the full dev run is the benchmark's figure
    path = write_results("conll", figures, {"documents": len(docs), "split": "dev (testa)"})
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
