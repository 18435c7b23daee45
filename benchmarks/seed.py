"""Gold-fact scorer for hand-annotated articles: K of N facts right, by kind.

Runs on ../shared/seed (the founding article) and on the bundled fictional example with the same
scorer, so a rule that only fits the seed shows up as a gap between the two. Matching is
text-anchored (surface strings and offsets), never by ids.

    python benchmarks/seed.py                # both
    python benchmarks/seed.py --only example # the bundled example only (no ../shared needed)
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import shared_dir, write_results  # noqa: E402

from newsgraph.api import Engine  # noqa: E402
from newsgraph.goldfacts import KINDS, Scorer  # noqa: E402

def score(engine: Engine, text: str, gold: dict[str, Any], name: str) -> dict[str, float]:
    doc = engine.extract_text(text, id=name, published=gold["published"])
    if doc.rejected:
        raise SystemExit(f"{name} rejected: {doc.rejected}")
    sc = Scorer(doc, gold)
    figures: dict[str, float] = {}
    total_k = total_n = 0
    for kind in KINDS:
        k, n = getattr(sc, kind)()
        figures[f"{kind}"] = round(k / n, 4) if n else 1.0
        figures[f"{kind}_k"] = k
        figures[f"{kind}_n"] = n
        total_k += k
        total_n += n
    figures["all"] = round(total_k / total_n, 4)
    print(f"\n== {name}: {total_k} of {total_n} gold facts")
    for kind in KINDS:
        print(f"   {kind:10s} {figures[kind + '_k']:3d} of {figures[kind + '_n']:3d}")
    print("\n".join(sc.lines))
    return figures


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", choices=["seed", "example"])
    args = ap.parse_args()
    engine = Engine()
    if args.only != "example":
        seed = shared_dir() / "seed"
        gold = json.loads((seed / "gold.json").read_text())
        figs = score(engine, (seed / "article.txt").read_text(), gold, "seed")
        write_results("seed", figs, {"article": "../shared/seed/article.txt"})
    if args.only != "seed":
        from newsgraph import demo

        figs = score(engine, demo.read("article.txt"), demo.gold(), "example")
        write_results("example", figs, {"article": "src/newsgraph/demo/article.txt"})


if __name__ == "__main__":
    main()
