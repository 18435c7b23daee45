"""MEANTIME (English, airbus + apple topics): time expressions on modern news, scored as TBAQ is.

A second measure of the time stage beside TimeBank+AQUAINT: Wikinews articles of 2004-2011,
annotated by another team under the NewsReader guidelines (TIMEX3 values, anchored to the
article's date). No rule was written against this set before the benchmark existed (first run:
value F1 0.790); the general fixes its errors then prompted make it a dev set like TBAQ.

Text: each document is rebuilt from its tokens (punctuation attached the way news prints it,
so "March 1 , 2008" reads "March 1, 2008"), title first as its own paragraph. The date line
(the CREATION_TIME timex, sentence 1) is the publication date handed to the engine, not text.
MEANTIME annotates only the title and the first sentences of each article, so only sentences
up to the last one holding an intra-document markable are scored; timexes found later are
neither credited nor counted against us.

Figures: strict and relaxed span F1, type and value accuracy over relaxed matches, value F1,
with the same one-to-one matcher as ``tempeval3.py``; the peer is spaCy DATE/TIME normalized by
dateparser, scored the same way.

Usage: ``.venv/bin/python benchmarks/meantime_timex.py [--no-peer] [--errors FILE]``
"""

from __future__ import annotations

import argparse
import re
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import data_dir, write_results  # noqa: E402
from tempeval3 import (  # noqa: E402
    Span,
    Tally,
    _peer_spans,
    count_error_kinds,
    error_rows,
    peer_parser,
    print_table,
)

TOPICS = ("corpus_airbus", "corpus_apple")

# no space before these tokens, none after the opening ones
_NO_SPACE_BEFORE = re.compile(r"^(?:[,.;:!?%)\]}]|'s|'|n't|'re|'ve|'ll|'d|'m|’s|’)$", re.I)
_NO_SPACE_AFTER = {"(", "[", "{", "$", "#"}
_QUOTES = {"``": '"', "''": '"'}  # the tokenizer's quote marks, printed as the article had them


@dataclass(slots=True)
class MtDoc:
    id: str
    dct: str
    text: str
    gold: list[Span]
    scored_until: int  # character offset: spans starting at or after it are not scored


def detokenize(sentences: list[list[tuple[int, str]]]) -> tuple[str, dict[int, tuple[int, int]]]:
    """Text of the sentences (the first one a paragraph of its own) and each token's offsets."""
    parts: list[str] = []
    offsets: dict[int, tuple[int, int]] = {}
    n = 0
    quote_open = False
    for si, sent in enumerate(sentences):
        if si == 1:
            parts.append("\n\n")
            n += 2
        elif si > 1:
            parts.append(" ")
            n += 1
        prev = None
        for tid, word in sent:
            word = _QUOTES.get(word, word)
            glue = prev is None or prev in _NO_SPACE_AFTER or bool(_NO_SPACE_BEFORE.match(word))
            if word == '"':
                # an opening quote sticks to what follows, a closing one to what precedes
                glue = prev is None or quote_open
                quote_open = not quote_open
            elif prev == '"' and quote_open:
                glue = True
            if not glue:
                parts.append(" ")
                n += 1
            offsets[tid] = (n, n + len(word))
            parts.append(word)
            n += len(word)
            prev = word
    return "".join(parts), offsets


def read_doc(path: Path) -> MtDoc | None:
    root = ET.parse(path).getroot()
    sent_tokens: dict[int, list[tuple[int, str]]] = {}
    sent_of: dict[int, int] = {}
    for t in root.iter("token"):
        tid, s = int(t.get("t_id", "0")), int(t.get("sentence", "0"))
        sent_tokens.setdefault(s, []).append((tid, t.text or ""))
        sent_of[tid] = s
    markables = root.find("Markables")
    if markables is None:
        return None
    dct = ""
    dateline: set[int] = set()
    timexes: list[tuple[list[int], str, str]] = []
    last_annotated = 0
    for m in markables:
        ids = [int(a.get("t_id", "0")) for a in m.findall("token_anchor")]
        if m.tag == "TIMEX3" and m.get("functionInDocument") == "CREATION_TIME":
            dct = (m.get("value") or "")[:10]
            dateline = {sent_of[i] for i in ids}
            continue
        if not ids:
            continue
        intra = (m.tag == "EVENT_MENTION" and "pos" in m.attrib) or m.tag == "TIMEX3" or (
            m.tag == "ENTITY_MENTION" and "syntactic_type" in m.attrib)
        if intra:
            last_annotated = max(last_annotated, max(sent_of[i] for i in ids))
        if m.tag == "TIMEX3":
            timexes.append((ids, m.get("type", ""), m.get("value", "")))
    if not re.fullmatch(r"\d{4}-\d\d-\d\d", dct):
        return None
    order = [s for s in sorted(sent_tokens) if s not in dateline]
    text, offsets = detokenize([sent_tokens[s] for s in order])
    gold = []
    for ids, type_, value in timexes:
        if any(sent_of[i] in dateline for i in ids):
            continue
        gold.append(Span(min(offsets[i][0] for i in ids), max(offsets[i][1] for i in ids),
                         type_, value))
    later = [s for s in order if s > last_annotated]
    until = offsets[sent_tokens[later[0]][0][0]][0] if later else len(text)
    return MtDoc(path.stem, dct, text, gold, until)


def load() -> list[MtDoc]:
    root = data_dir("meantime_en") / "corpus"
    paths = sorted(p for t in TOPICS for p in (root / t).glob("*.xml"))
    if not paths:
        sys.exit(f"no MEANTIME documents under {root}")
    return [d for d in (read_doc(p) for p in paths) if d is not None]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--no-peer", action="store_true", help="skip the dateparser peer")
    ap.add_argument("--errors", type=Path, default=None, help="write mismatches to this file")
    args = ap.parse_args()

    from newsgraph.api import Engine
    from newsgraph.document import Document

    docs = load()
    engine = Engine()
    results = list(engine.run(Document(id=d.id, text=d.text, published=d.dct) for d in docs))
    ours, peer = Tally(), Tally()
    classes: dict[str, int] = {}
    errors: list[str] = []
    parsers: dict[str, object] = {}
    for d, res in zip(docs, results):
        sys_ = [Span(t.start, t.end, t.type, t.value, t.mod) for t in res.timexes
                if t.start < d.scored_until]
        pairs = ours.add(d.gold, sys_)
        count_error_kinds(pairs, classes)
        if args.errors is not None:
            errors += error_rows(d.id, d.dct, d.text, d.gold, sys_, pairs)
        if not args.no_peer and res.spacy is not None:
            peer.add(d.gold, [s for s in _peer_spans(res.spacy, d.dct, peer_parser(parsers, d.dct))
                              if s.start < d.scored_until])

    figures = {f"ours_{k}": v for k, v in ours.figures().items()}
    if not args.no_peer:
        figures.update({f"peer_{k}": v for k, v in peer.figures().items()})
    for c, n in classes.items():
        figures[f"value_error: {c}"] = float(n)
    figures["documents"] = float(len(docs))
    print(f"MEANTIME timexes (airbus + apple, dev), {len(docs)} documents, {ours.gold} gold "
          f"timexes in the annotated part")
    print_table(figures)
    if classes:
        print(f"\nvalue errors among the {ours.relaxed} matched timexes, by kind:")
        for c, n in sorted(classes.items(), key=lambda kv: (-kv[1], kv[0])):
            print(f"  {n:4d}  {c}")
    if args.errors is not None:
        args.errors.write_text("\n".join(errors) + "\n", encoding="utf-8")
        print(f"mismatches written to {args.errors}")
    path = write_results("meantime_timex", figures, {"set": "MEANTIME airbus + apple (dev)",
                                                     "peer": "spaCy DATE/TIME + dateparser"})
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
