"""GAP (gender-balanced ambiguous pronouns): newsgraph's pronoun resolution vs nearest name.

Both pronoun resolvers are scored: the rules, and the learned scorer of the ``coref`` extra
(:mod:`newsgraph.people.pronouns`, trained on GAP validation and silver news pronouns by
``benchmarks/train_pronouns.py``; never on this development split) when it is installed.
For each snippet the two candidate names A and B are handed to the people stage as known person
spans (GAP's gold-mention setting); the pipeline runs, and A (resp. B) is predicted coreferent
when the entity the pronoun resolves to is the entity of A (resp. B). Precision, recall and F1
are over the TRUE labels of A and B together, overall and by the pronoun's gender, with the bias
ratio F1(feminine) / F1(masculine). The peer in the same run marks TRUE the candidate that
comes nearest before the pronoun.

    .venv/bin/python benchmarks/gap.py [--split development|validation] [--limit N]
                                       [--pronouns auto|rules|model]
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import data_dir, prf, write_results

MASC = {"he", "him", "his", "himself"}


@dataclass(frozen=True)
class Row:
    id: str
    text: str
    pronoun: str
    p_off: int
    a: str
    a_off: int
    a_coref: bool
    b: str
    b_off: int
    b_coref: bool

    @property
    def gender(self) -> str:
        return "M" if self.pronoun.lower() in MASC else "F"

    def document(self):  # type: ignore[no-untyped-def]  # newsgraph imported only when run
        """The snippet as a Document with A and B handed to the people stage as person spans
        (GAP's gold-mention setting)."""
        from newsgraph.document import Document
        from newsgraph.people import HINTS_KEY

        d = Document(id=self.id, text=self.text)
        d.scratch[HINTS_KEY] = [(self.a_off, self.a_off + len(self.a), "PERSON"),
                                (self.b_off, self.b_off + len(self.b), "PERSON")]
        return d


def read_rows(path: Path) -> list[Row]:
    rows = []
    with path.open(encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            rows.append(Row(r["ID"], r["Text"], r["Pronoun"], int(r["Pronoun-offset"]), r["A"],
                            int(r["A-offset"]), r["A-coref"].upper() == "TRUE", r["B"],
                            int(r["B-offset"]), r["B-coref"].upper() == "TRUE"))
    return rows


def nearest_preceding(row: Row) -> tuple[bool, bool]:
    before = [(off, k) for k, off in (("A", row.a_off), ("B", row.b_off)) if off < row.p_off]
    if not before:
        return False, False
    k = max(before)[1]
    return k == "A", k == "B"


def run_newsgraph(rows: list[Row], pronouns: str = "rules") -> list[tuple[bool, bool]]:
    from newsgraph.api import Engine
    from newsgraph.config import Config
    from newsgraph.people import entity_for_span

    engine = Engine(Config(pronouns=pronouns), stages=("annotate", "quotes", "people"))
    docs = [r.document() for r in rows]
    out = []
    for r, d in zip(rows, engine.run(docs)):
        if d.rejected is not None:
            out.append((False, False))
            continue
        p = entity_for_span(d, r.p_off, r.p_off + len(r.pronoun))
        a = entity_for_span(d, r.a_off, r.a_off + len(r.a))
        b = entity_for_span(d, r.b_off, r.b_off + len(r.b))
        out.append((p is not None and p == a, p is not None and p == b and a != b))
    return out


def model_available() -> bool:
    from newsgraph.people.pronouns import scorer_for

    return scorer_for("auto") is not None


def score(rows: list[Row], preds: list[tuple[bool, bool]]) -> dict[str, float]:
    counts = {k: Counter() for k in ("ALL", "M", "F")}
    for r, (pa, pb) in zip(rows, preds):
        for gold, pred in ((r.a_coref, pa), (r.b_coref, pb)):
            for key in ("ALL", r.gender):
                c = counts[key]
                c["tp"] += gold and pred
                c["fp"] += pred and not gold
                c["fn"] += gold and not pred
    out: dict[str, float] = {}
    for key, c in counts.items():
        p, r_, f = prf(c["tp"], c["fp"], c["fn"])
        out[f"{key}_p"], out[f"{key}_r"], out[f"{key}_f1"] = round(p, 4), round(r_, 4), round(f, 4)
    out["bias_FM"] = round(out["F_f1"] / out["M_f1"], 4) if out["M_f1"] else 0.0
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="development", choices=("development", "validation"))
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--errors", type=int, default=0, help="print N wrong rows")
    ap.add_argument("--pronouns", default="auto", choices=("auto", "rules", "model"),
                    help="also score the learned pronoun model: when installed (auto), always, "
                         "or never (rules)")
    args = ap.parse_args()
    rows = read_rows(data_dir("gap") / f"gap-{args.split}.tsv")
    if args.limit:
        rows = rows[: args.limit]
    t0 = time.perf_counter()
    ng = run_newsgraph(rows, "rules")
    seconds = time.perf_counter() - t0
    model = model_seconds = None
    if args.pronouns == "model" or (args.pronouns == "auto" and model_available()):
        t0 = time.perf_counter()
        model = run_newsgraph(rows, "model")
        model_seconds = time.perf_counter() - t0
    peer = [nearest_preceding(r) for r in rows]
    fn, fp_ = score(rows, ng), score(rows, peer)
    fm = score(rows, model) if model is not None else None
    print(f"GAP {args.split}: {len(rows)} snippets, {2 * len(rows)} (pronoun, name) pairs")
    print(f"{'system':30} {'P':>6} {'R':>6} {'F1':>6} {'F1 M':>6} {'F1 F':>6} {'F/M':>6}")
    systems = [("newsgraph rules", fn)]
    if fm is not None:
        systems.append(("newsgraph model (coref extra)", fm))
    systems.append(("nearest preceding name", fp_))
    for name, f in systems:
        print(f"{name:30} {f['ALL_p']:6.3f} {f['ALL_r']:6.3f} {f['ALL_f1']:6.3f} "
              f"{f['M_f1']:6.3f} {f['F_f1']:6.3f} {f['bias_FM']:6.3f}")
    print(f"anchor: best baseline in the GAP paper, 66.9 F1; rules took {seconds:.1f}s"
          + (f", model {model_seconds:.1f}s" if model_seconds is not None else
             "; the model path is not installed (pip install -e '.[coref]')"))
    shown = 0
    for r, (pa, pb) in zip(rows, model if model is not None else ng):
        if shown >= args.errors:
            break
        if (pa, pb) != (r.a_coref, r.b_coref):
            shown += 1
            print(f"\n{r.id} {r.pronoun}@{r.p_off} A={r.a}({r.a_coref}->{pa}) "
                  f"B={r.b}({r.b_coref}->{pb})\n  {r.text[:600]}")
    figures = {f"newsgraph_{k}": v for k, v in fn.items()}
    figures.update({f"nearest_{k}": v for k, v in fp_.items()})
    figures["newsgraph_seconds"] = round(seconds, 2)
    if fm is not None and model_seconds is not None:
        figures.update({f"model_{k}": v for k, v in fm.items()})
        figures["model_seconds"] = round(model_seconds, 2)
    path = write_results("gap" if args.split == "development" else f"gap_{args.split}",
                         figures, {"split": args.split, "snippets": len(rows)})
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
