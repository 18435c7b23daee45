"""TweeTIME dev: the calendar dates each tweet means, given its creation date.

Each line of ``dev_input_final.txt`` is ``tweet TAB creation date TAB gold dates TAB TweeTIME's
own prediction``; gold is a comma-separated set of ``YYYY-MM-DD`` or ``None``. A system's dates for
a tweet are the day-precise values of its DATE/TIME timexes (``2015-09-03``, ``2015-09-03T20:00``).
Figures: exact-set accuracy per tweet (None vs no date counts as right) and date-level P/R/F1.
The peer is spaCy DATE/TIME entities normalized by dateparser (past preference, base = creation
date), scored the same way.

Usage: ``.venv/bin/python benchmarks/tweetime.py [--show]``
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import data_dir, prf, write_results  # noqa: E402

_DAY = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:T|$)")


def load() -> list[tuple[str, str, set[str]]]:
    path = data_dir("tweetime") / "dev_input_final.txt"
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) < 3:
            continue
        gold = set() if cols[2].strip() == "None" else {d.strip() for d in cols[2].split(",")
                                                          if d.strip()}
        rows.append((cols[0], cols[1].strip(), gold))
    return rows


def _peer_dates(sdoc, created: str) -> set[str]:  # type: ignore[no-untyped-def]
    import dateparser

    parser = dateparser.date.DateDataParser(languages=["en"], settings={
        "PREFER_DATES_FROM": "past", "RELATIVE_BASE": dt.datetime.fromisoformat(created)})
    out = set()
    for ent in sdoc.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        try:
            data = parser.get_date_data(ent.text)
        except Exception:  # dateparser raises on odd inputs; the peer just gets no date
            continue
        if data is not None and data.date_obj is not None and data.period in ("day", "time"):
            out.add(data.date_obj.strftime("%Y-%m-%d"))
    return out


class Score:
    def __init__(self) -> None:
        self.exact = self.n = self.tp = self.fp = self.fn = 0

    def add(self, got: set[str], gold: set[str]) -> None:
        self.n += 1
        self.exact += got == gold
        self.tp += len(got & gold)
        self.fp += len(got - gold)
        self.fn += len(gold - got)

    def figures(self) -> dict[str, float]:
        p, r, f = prf(self.tp, self.fp, self.fn)
        return {"exact_set_acc": self.exact / (self.n or 1), "date_p": p, "date_r": r,
                "date_f1": f}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show", action="store_true", help="print each tweet's dates vs gold")
    args = ap.parse_args()

    from newsgraph.api import Engine
    from newsgraph.document import Document

    rows = load()
    engine = Engine(stages=("annotate", "timex"))
    docs = [Document(id=str(i), text=t, published=c) for i, (t, c, _) in enumerate(rows)]
    ours, peer = Score(), Score()
    for (text, created, gold), doc in zip(rows, engine.run(docs)):
        got = {m.group(1) for t in doc.timexes if t.type in ("DATE", "TIME")
               for m in [_DAY.match(t.value)] if m}
        ours.add(got, gold)
        pgot = _peer_dates(doc.spacy, created) if doc.spacy is not None else set()
        peer.add(pgot, gold)
        if args.show and (got != gold):
            print(f"{created}  gold={sorted(gold)} ours={sorted(got)} peer={sorted(pgot)}\n"
                  f"    {text[:140]!r}  {[(t.text, t.value) for t in doc.timexes]}")
    figures = {f"ours_{k}": v for k, v in ours.figures().items()}
    figures.update({f"peer_{k}": v for k, v in peer.figures().items()})
    figures["tweets"] = float(ours.n)
    print(f"TweeTIME dev: {ours.n} tweets (dates resolved against each tweet's creation date)")
    print(f"{'metric':<16}{'newsgraph':>11}{'peer':>11}")
    for k in ("exact_set_acc", "date_p", "date_r", "date_f1"):
        print(f"{k:<16}{figures['ours_' + k]:>11.3f}{figures['peer_' + k]:>11.3f}")
    path = write_results("tweetime", figures, {"set": "TweeTIME dev",
                                               "peer": "spaCy DATE/TIME + dateparser"})
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
