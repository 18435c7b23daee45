"""Throughput: words per second of newsgraph extraction vs bare spaCy on the same texts.

Both run in this one process on ../shared/data/news_corpus/articles.jsonl, interleaved (bare,
newsgraph, bare, newsgraph...) so that machine noise hits both alike; the ratio of the best rounds
is reported with the stage breakdown and peak memory. The main ratio is the default install's
path (pronouns by the rules); when the ``coref`` extra is installed, each round also times the
learned pronoun scorer, and the best of those rounds gives ``ratio_model`` against the same bare
rounds.

    python benchmarks/throughput.py [--rounds 2] [--limit N]
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import news_rows, write_results  # noqa: E402

from newsgraph.api import Engine  # noqa: E402
from newsgraph.config import Config  # noqa: E402
from newsgraph.document import Document  # noqa: E402
from newsgraph.stages.ingest import check_document  # noqa: E402


def checked(rows: list[dict], config: Config) -> list[Document]:
    return [check_document(Document(id=r["id"], text=r["text"],
                                    published=r.get("publication_date")), config) for r in rows]


def timed_run(engine: Engine, docs: list[Document]) -> tuple[float, int]:
    """Seconds one engine takes over ``docs`` (its stage timer restarted), and how many it
    rejected."""
    engine.pipeline.timer.seconds.clear()
    rejected = 0
    t0 = time.perf_counter()
    for doc in engine.run(docs):
        rejected += doc.rejected is not None
    return time.perf_counter() - t0, rejected


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--limit", type=int, default=0, help="use only the first N articles")
    args = ap.parse_args()

    rows = news_rows(args.limit)
    texts = [r["text"] for r in rows]
    words = sum(len(t.split()) for t in texts)

    import spacy

    config = Config(pronouns="rules")
    bare = spacy.load(config.model)
    engine = Engine(config)
    from newsgraph.people.pronouns import scorer_for

    model_engine = Engine(Config(pronouns="model")) if scorer_for("auto") is not None else None
    # warm every path up so that none pays the first-call costs inside the timing
    list(bare.pipe(texts[:2]))
    for e in (engine, model_engine):
        if e is not None:
            list(e.run([Document(id="w", text=t, published="2000-01-01") for t in texts[:2]]))

    bare_times, ng_times, model_times = [], [], []
    rejected = 0
    for _ in range(args.rounds):
        t0 = time.perf_counter()
        for _doc in bare.pipe(texts, batch_size=config.batch_size):
            pass
        bare_times.append(time.perf_counter() - t0)

        secs, n = timed_run(engine, checked(rows, config))
        ng_times.append(secs)
        rejected += n
        if model_engine is not None:
            model_times.append(timed_run(model_engine, checked(rows, config))[0])

    bare_wps = words / min(bare_times)
    ng_wps = words / min(ng_times)
    stage_secs = dict(engine.pipeline.timer.seconds)
    total = sum(stage_secs.values())
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{len(texts)} articles, {words} words, {args.rounds} rounds (best round counted)")
    print(f"bare spaCy nlp.pipe : {bare_wps:9.0f} words/s")
    print(f"newsgraph extract   : {ng_wps:9.0f} words/s")
    print(f"ratio newsgraph/bare: {ng_wps / bare_wps:9.3f}")
    print(f"peak memory (RSS)   : {peak_mb:9.0f} MB")
    print("stage share of newsgraph time (last round):")
    for name, secs in sorted(stage_secs.items(), key=lambda kv: -kv[1]):
        print(f"  {name:10s} {secs:7.2f} s  {secs / total:6.1%}  {secs * 1000 / words * 1000:7.1f} ms/1k words")
    figures = {"ratio": round(ng_wps / bare_wps, 4), "newsgraph_wps": round(ng_wps),
               "bare_wps": round(bare_wps), "peak_mb": round(peak_mb),
               "rejected": rejected // args.rounds}
    for name, secs in stage_secs.items():
        figures[f"share_{name}"] = round(secs / total, 4)
    if model_engine is not None:
        model_wps = words / min(model_times)
        people_secs = model_engine.pipeline.timer.seconds.get("people", 0.0)
        model_total = sum(model_engine.pipeline.timer.seconds.values())
        print(f"with the pronoun model (coref extra): {model_wps:9.0f} words/s, ratio "
              f"{model_wps / bare_wps:.3f}, people stage {people_secs / model_total:.1%} "
              f"(last round)")
        figures["ratio_model"] = round(model_wps / bare_wps, 4)
        figures["share_people_model"] = round(people_secs / model_total, 4)
    write_results("throughput", figures, {"articles": len(texts), "words": words})


if __name__ == "__main__":
    main()
