"""Ingest the raw news corpus into a fresh SQLite store: time, memory and what the store holds.

Runs what ``newsgraph ingest articles.jsonl --db FILE`` runs (the default engine, one store,
cross-article linking of people as each article is stored) over
../shared/data/news_corpus/articles.jsonl, timing extraction and storing apart; then ingests the
same articles again (``Store.ingest``, as the CLI does), which must change nothing (every
article ``unchanged``) and extract nothing.

    python benchmarks/ingest_corpus.py [--limit N]
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import news_rows, write_results  # noqa: E402
from throughput import checked  # noqa: E402

from newsgraph.api import Engine  # noqa: E402
from newsgraph.store import Store  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=0, help="use only the first N articles")
    args = ap.parse_args()
    rows = news_rows(args.limit)
    engine = Engine()

    def docs():  # type: ignore[no-untyped-def]
        # fresh documents each time: the pipeline fills them in
        return checked(rows, engine.config)

    words = sum(len(r["text"].split()) for r in rows)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "news.db"
        extract_s = store_s = 0.0
        outcomes: Counter[str] = Counter()
        t0 = time.perf_counter()
        with Store(db) as store:
            it = engine.run(docs())
            while True:
                t = time.perf_counter()
                doc = next(it, None)
                extract_s += time.perf_counter() - t
                if doc is None:
                    break
                t = time.perf_counter()
                outcomes[store.add(doc).status] += 1
                store_s += time.perf_counter() - t
            counts = store.counts()
            people = store.conn.execute(
                "SELECT COUNT(*) FROM entities WHERE type = 'PERSON'").fetchone()[0]
            cross = store.conn.execute(
                "SELECT COUNT(*) FROM (SELECT d.entity_id FROM doc_entities AS d JOIN entities "
                "AS e ON e.id = d.entity_id WHERE e.type = 'PERSON' GROUP BY d.entity_id "
                "HAVING COUNT(DISTINCT d.doc_id) > 1) AS shared").fetchone()[0]
        total_s = time.perf_counter() - t0
        size_mb = db.stat().st_size / 1e6
        t0 = time.perf_counter()
        again: Counter[str] = Counter()
        with Store(db) as store:
            for outcome in store.ingest(engine, docs()):
                again[outcome.status] += 1
        again_s = time.perf_counter() - t0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    n = len(rows)
    from newsgraph.people.pronouns import scorer_for

    model = scorer_for(engine.config.pronouns) is not None
    print(f"news corpus: {n} articles, {words} words; pronouns by "
          f"{'the learned scorer (coref extra)' if model else 'the rules'}")
    print(f"first ingest: {total_s:.1f} s ({n / total_s:.2f} articles/s); extraction "
          f"{extract_s:.1f} s, storing and linking {store_s:.1f} s "
          f"({1000 * store_s / max(1, outcomes['added']):.0f} ms per stored article)")
    print(f"outcomes: {dict(outcomes)}; store: {counts['documents']} documents, {people} people "
          f"among {counts['entities']} entities, {cross} people named in more than one article, "
          f"{size_mb:.1f} MB on disk")
    print(f"second ingest of the same articles: {dict(again)} in {again_s:.1f} s")
    print(f"peak memory (RSS): {peak_mb:.0f} MB")
    write_results("ingest_corpus", {
        "articles": float(n), "words": float(words), "seconds": total_s,
        "articles_per_s": n / total_s, "extract_seconds": extract_s, "store_seconds": store_s,
        "store_ms_per_article": 1000 * store_s / max(1, outcomes["added"]),
        "added": float(outcomes["added"]), "rejected": float(outcomes["rejected"]),
        "people": float(people), "entities": float(counts["entities"]),
        "cross_article_people": float(cross), "db_mb": size_mb,
        "second_unchanged": float(again["unchanged"]),
        "second_changed": float(sum(v for k, v in again.items() if k != "unchanged")),
        "second_seconds": again_s, "peak_rss_mb": peak_mb, "pronoun_model": float(model),
    }, {"set": "news_corpus/articles.jsonl"})


if __name__ == "__main__":
    main()
