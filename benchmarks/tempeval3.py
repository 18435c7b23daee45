"""TempEval-3 timex scoring on TimeBank + AQUAINT (TBAQ-cleaned), our dev set.

For each document the TimeML tags are stripped while tracking character offsets; the DCT is the
publication date and is not scored. Figures, in the TempEval-3 manner:

- strict span P/R/F1: exact extent;
- relaxed span P/R/F1: overlapping extents (one-to-one, largest overlap first);
- type / value accuracy: over the relaxed matches;
- value F1: relaxed match with the exact gold value, over all system and gold timexes.

The peer in the same run is spaCy's DATE/TIME entities normalized with dateparser
(``PREFER_DATES_FROM: past``, ``RELATIVE_BASE`` = DCT), scored by the same scorer. Speed: the timex
stage's seconds per 1,000 words and its share of the whole extraction.

Usage: ``.venv/bin/python benchmarks/tempeval3.py [--limit N] [--no-peer] [--errors FILE]``
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import data_dir, prf, write_results  # noqa: E402

_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    type: str
    value: str
    mod: str | None = None


@dataclass(slots=True)
class TmlDoc:
    id: str
    dct: str
    text: str
    gold: list[Span]


def read_tml(path: Path) -> TmlDoc:
    """Raw text of <TEXT> with its TIMEX3 spans as character offsets into that text."""
    raw = path.read_text(encoding="utf-8")
    dct_m = re.search(r"<DCT>.*?value=\"([^\"]+)\"", raw, re.S)
    body_m = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)
    if dct_m is None or body_m is None:
        raise ValueError(f"{path}: no DCT or TEXT")
    body = body_m.group(1)
    parts: list[str] = []
    n = 0
    pos = 0
    open_tx: list[tuple[dict[str, str], int]] = []
    gold: list[Span] = []
    for t in _TAG.finditer(body):
        chunk = html.unescape(body[pos:t.start()])
        parts.append(chunk)
        n += len(chunk)
        pos = t.end()
        closing, name, attrs = t.groups()
        if name != "TIMEX3":
            continue
        if closing:
            a, s = open_tx.pop()
            gold.append(Span(s, n, a.get("type", ""), a.get("value", ""), a.get("mod")))
        else:
            open_tx.append((dict(_ATTR.findall(attrs)), n))
    parts.append(html.unescape(body[pos:]))
    return TmlDoc(path.stem, dct_m.group(1)[:10], "".join(parts), gold)


def load(limit: int | None = None) -> list[TmlDoc]:
    root = data_dir("tempeval3") / "TBAQ-cleaned"
    paths = sorted(root.glob("*/*.tml"))
    if not paths:
        sys.exit(f"no .tml files under {root}")
    docs = [read_tml(p) for p in paths]
    return docs[:limit] if limit else docs


def _match(gold: list[Span], sys_: list[Span]) -> list[tuple[Span, Span]]:
    """One-to-one relaxed matching, largest overlap first."""
    pairs = []
    for gi, g in enumerate(gold):
        for si, s in enumerate(sys_):
            ov = min(g.end, s.end) - max(g.start, s.start)
            if ov > 0:
                pairs.append((ov, gi, si))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    used_g: set[int] = set()
    used_s: set[int] = set()
    out = []
    for _, gi, si in pairs:
        if gi in used_g or si in used_s:
            continue
        used_g.add(gi)
        used_s.add(si)
        out.append((gold[gi], sys_[si]))
    return out


@dataclass(slots=True)
class Tally:
    gold: int = 0
    sys: int = 0
    strict: int = 0
    relaxed: int = 0
    type_ok: int = 0
    value_ok: int = 0

    def add(self, gold: list[Span], sys_: list[Span]) -> list[tuple[Span, Span]]:
        self.gold += len(gold)
        self.sys += len(sys_)
        gset = {(g.start, g.end) for g in gold}
        self.strict += sum((s.start, s.end) in gset for s in {(s.start, s.end): s
                                                              for s in sys_}.values())
        pairs = _match(gold, sys_)
        self.relaxed += len(pairs)
        self.type_ok += sum(g.type == s.type for g, s in pairs)
        self.value_ok += sum(g.value == s.value for g, s in pairs)
        return pairs

    def figures(self) -> dict[str, float]:
        sp, sr, sf = prf(self.strict, self.sys - self.strict, self.gold - self.strict)
        rp, rr, rf = prf(self.relaxed, self.sys - self.relaxed, self.gold - self.relaxed)
        vp, vr, vf = prf(self.value_ok, self.sys - self.value_ok, self.gold - self.value_ok)
        n = self.relaxed or 1
        return {"strict_p": sp, "strict_r": sr, "strict_f1": sf, "relaxed_p": rp,
                "relaxed_r": rr, "relaxed_f1": rf, "type_acc": self.type_ok / n,
                "value_acc": self.value_ok / n, "value_p": vp, "value_r": vr, "value_f1": vf,
                "gold": float(self.gold), "system": float(self.sys)}


# Where a matched timex's value differs from gold, why. The first five classes are notation
# or annotation habits on which TBAQ contradicts itself or the TIMEX3 guidelines (see
# docs/architecture.md, "TimeBank conventions deliberately not followed"); they are counted so
# the gap to a value target can be read, not to be fitted.
_WEEK = re.compile(r"(\d{4})-W(\d{1,2})$")
_DAY = re.compile(r"\d{4}-\d\d-\d\d$")


def value_error_class(gold: str, ours: str) -> str:
    g, o = gold, ours
    gw, ow = _WEEK.match(g), _WEEK.match(o)
    if gw and ow and int(gw.group(2)) == int(ow.group(2)) and gw.group(1) == ow.group(1):
        return "week written without its leading zero"
    if re.fullmatch(r"\d{4}-WXX", g) and ow and ow.group(1) == g[:4]:
        return "relative week left unresolved (WXX)"
    if g in (o + "-XX", o + "-XX-XX") or (re.fullmatch(r"\d{3}X", g) and o == g[:3]) or \
            (re.fullmatch(r"\d{2}XX", g) and o == g[:2]):
        return "year or decade padded with X"
    if o == g + ":00":
        return "clock time written to the hour"
    if ow and re.fullmatch(r"\d{4}-\d\d(?:-\d\d|-XX)?", g):
        monday = dt.date.fromisocalendar(int(ow.group(1)), int(ow.group(2)), 1)
        days = {monday + dt.timedelta(days=i) for i in range(7)}
        if any(d.isoformat().startswith(g.replace("-XX", "")) for d in days):
            return "week given as its month or one of its days"
    gd, od = g.split("T")[0], o.split("T")[0]
    if gd == od and _DAY.match(gd) and re.fullmatch(r"(?:T(?:MO|AF|EV|NI))?", g[len(gd):]) and \
            re.fullmatch(r"(?:T(?:MO|AF|EV|NI))?", o[len(od):]):
        return "part of the day added, dropped or named otherwise"
    if _DAY.match(gd) and _DAY.match(od):
        delta = abs((dt.date.fromisoformat(gd) - dt.date.fromisoformat(od)).days)
        if delta == 7:
            return "weekday a week apart"
    if g[:4].isdigit() and o[:4].isdigit() and "Q" in g + o:
        return "quarter against year, month or day"
    if (g.endswith("_REF") and re.fullmatch(r"PT?X[A-Z]+", o)) or \
            (o.endswith("_REF") and re.fullmatch(r"PT?X[A-Z]+", g)):
        return "vague duration against past/future reference"
    if g.startswith("P") != o.startswith("P"):
        return "duration against point"
    return "other"


_CONVENTION_CLASSES = ("week written without its leading zero", "clock time written to the hour",
                       "week given as its month or one of its days",
                       "relative week left unresolved (WXX)", "year or decade padded with X",
                       "part of the day added, dropped or named otherwise",
                       "vague duration against past/future reference")


def _peer_spans(sdoc, dct: str, parser) -> list[Span]:  # type: ignore[no-untyped-def]
    """spaCy DATE/TIME entities normalized by dateparser at the granularity it reports."""
    base = dt.datetime.fromisoformat(dct)
    out = []
    for ent in sdoc.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        value = ""
        try:
            data = parser.get_date_data(ent.text, date_formats=None)
        except Exception:  # dateparser raises on odd inputs; the peer just gets no value
            data = None
        if data is not None and data.date_obj is not None:
            d, period = data.date_obj, data.period
            if ent.label_ == "TIME" and period == "time":
                value = d.strftime("%Y-%m-%dT%H:%M")
            elif period == "year":
                value = f"{d.year:04d}"
            elif period == "month":
                value = f"{d.year:04d}-{d.month:02d}"
            elif period == "week":
                iso = d.isocalendar()
                value = f"{iso[0]:04d}-W{iso[1]:02d}"
            else:
                value = d.strftime("%Y-%m-%d")
        out.append(Span(ent.start_char, ent.end_char, ent.label_, value))
    del base
    return out


def count_error_kinds(pairs: list[tuple[Span, Span]], classes: dict[str, int]) -> None:
    """Add each matched timex with a wrong value to ``classes`` under its error kind."""
    for g, s in pairs:
        if g.value != s.value:
            c = value_error_class(g.value, s.value)
            classes[c] = classes.get(c, 0) + 1


def error_rows(doc_id: str, dct: str, text: str, gold: list[Span], sys_: list[Span],
               pairs: list[tuple[Span, Span]]) -> list[str]:
    """Tab-separated MISMATCH, MISSED and SPURIOUS rows of one document (``--errors``)."""
    rows = []
    matched_g = {id(g) for g, _ in pairs}
    matched_s = {id(s) for _, s in pairs}
    for g, s in pairs:
        if (g.start, g.end) != (s.start, s.end) or g.value != s.value or g.type != s.type:
            ctx = text[max(0, g.start - 60):g.end + 40].replace("\n", " ")
            rows.append(f"{doc_id}\t{dct}\tMISMATCH\t{text[g.start:g.end]!r}\t{g.type}\t{g.value}\t"
                        f"{text[s.start:s.end]!r}\t{s.type}\t{s.value}\t{ctx!r}")
    rows += [f"{doc_id}\t{dct}\tMISSED\t{text[g.start:g.end]!r}\t{g.type}\t{g.value}"
             for g in gold if id(g) not in matched_g]
    for s in sys_:
        if id(s) not in matched_s:
            ctx = text[max(0, s.start - 30):s.end + 30].replace("\n", " ")
            rows.append(f"{doc_id}\t{dct}\tSPURIOUS\t{text[s.start:s.end]!r}\t{s.type}\t"
                        f"{s.value}\t{ctx!r}")
    return rows


def peer_parser(parsers: dict[str, object], dct: str) -> object:
    """The dateparser peer's parser for one publication date (past-preferring), made once."""
    if dct not in parsers:
        import dateparser

        parsers[dct] = dateparser.date.DateDataParser(
            languages=["en"], settings={"PREFER_DATES_FROM": "past",
                                        "RELATIVE_BASE": dt.datetime.fromisoformat(dct)})
    return parsers[dct]


_TABLE_KEYS = ("strict_p", "strict_r", "strict_f1", "relaxed_p", "relaxed_r", "relaxed_f1",
               "type_acc", "value_acc", "value_f1")


def print_table(figures: dict[str, float]) -> None:
    """newsgraph against the peer, one line per figure ("-" where the peer was not run)."""
    print(f"{'metric':<14}{'newsgraph':>11}{'peer':>11}")
    for k in _TABLE_KEYS:
        p = f"{figures[f'peer_{k}']:.3f}" if f"peer_{k}" in figures else "-"
        print(f"{k:<14}{figures[f'ours_{k}']:>11.3f}{p:>11}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None, help="first N documents only")
    ap.add_argument("--no-peer", action="store_true", help="skip the dateparser peer")
    ap.add_argument("--errors", type=Path, default=None, help="write mismatches to this file")
    args = ap.parse_args()

    from newsgraph.api import Engine
    from newsgraph.document import Document

    docs = load(args.limit)
    engine = Engine()
    t0 = time.perf_counter()
    results = list(engine.run(Document(id=d.id, text=d.text, published=d.dct) for d in docs))
    wall = time.perf_counter() - t0
    ours, peer = Tally(), Tally()
    classes: dict[str, int] = {}
    errors: list[str] = []
    parsers: dict[str, object] = {}
    rejected = 0
    for d, res in zip(docs, results):
        if res.rejected is not None:
            rejected += 1
        sys_ = [Span(t.start, t.end, t.type, t.value, t.mod) for t in res.timexes]
        pairs = ours.add(d.gold, sys_)
        count_error_kinds(pairs, classes)
        if args.errors is not None:
            errors += error_rows(d.id, d.dct, d.text, d.gold, sys_, pairs)
        if not args.no_peer and res.spacy is not None:
            peer.add(d.gold, _peer_spans(res.spacy, d.dct, peer_parser(parsers, d.dct)))

    timer = engine.pipeline.timer
    total = sum(timer.seconds.values())
    words = timer.words or 1
    figures = {f"ours_{k}": v for k, v in ours.figures().items()}
    if not args.no_peer:
        figures.update({f"peer_{k}": v for k, v in peer.figures().items()})
    figures["timex_ms_per_1k_words"] = 1000 * timer.seconds.get("timex", 0.0) / words * 1000
    figures["timex_share_of_extraction"] = timer.seconds.get("timex", 0.0) / total if total else 0
    for c, n in classes.items():
        figures[f"value_error: {c}"] = float(n)
    conv = sum(classes.get(c, 0) for c in _CONVENTION_CLASSES)
    figures["value_f1_conventions_counted_right"] = prf(
        ours.value_ok + conv, ours.sys - ours.value_ok - conv, ours.gold - ours.value_ok - conv)[2]
    figures["documents"] = float(len(docs))
    figures["rejected"] = float(rejected)

    print(f"TempEval-3 timex scoring on TBAQ-cleaned (dev set: rules were tuned on it), "
          f"{len(docs)} documents, {ours.gold} gold timexes")
    print_table(figures)
    print(f"\nvalue errors among the {ours.relaxed} matched timexes, by kind:")
    for c, n in sorted(classes.items(), key=lambda kv: -kv[1]):
        print(f"  {n:4d}  {c}{'  (annotation convention)' if c in _CONVENTION_CLASSES else ''}")
    print(f"value F1 if the convention classes were counted right: "
          f"{figures['value_f1_conventions_counted_right']:.3f}")
    print(f"\nstage seconds: " + ", ".join(f"{k} {v:.2f}" for k, v in timer.seconds.items()))
    print(f"timex stage: {figures['timex_ms_per_1k_words']:.2f} ms per 1,000 words, "
          f"{100 * figures['timex_share_of_extraction']:.1f}% of extraction time "
          f"({words} words, wall {wall:.1f}s)")
    if args.errors is not None:
        args.errors.write_text("\n".join(errors) + "\n", encoding="utf-8")
        print(f"mismatches written to {args.errors}")
    path = write_results("tempeval3", figures, {"set": "TBAQ-cleaned (dev)",
                                                "peer": "spaCy DATE/TIME + dateparser"})
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
