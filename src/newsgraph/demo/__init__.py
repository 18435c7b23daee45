"""The bundled example: two short fictional articles written for newsgraph (no real people).

``article.txt`` exercises the founding example's hard parts (a name spelt two ways, a diminutive,
pronoun and title speakers, a quote paragraph with no speech verb, dates whose year is implied by
the narrative, a stated duration to check); ``gold.json`` is its hand-made gold. ``followup.txt``
names the same people in other spellings, to show cross-article linking.
"""

from __future__ import annotations

import json
import sys
import tempfile
from importlib import resources
from pathlib import Path
from typing import Any

ARTICLES = (("marchetti-belousov", "article.txt", "2024-03-08"),
            ("bilousov-returns", "followup.txt", "2024-03-11"))


def read(name: str) -> str:
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


def gold() -> dict[str, Any]:
    return json.loads(read("gold.json"))


def documents() -> list[Any]:
    from ..config import Config
    from ..document import Document
    from ..stages.ingest import check_document

    return [check_document(Document(id=doc_id, text=read(fname), published=pub,
                                    origin=f"newsgraph/demo/{fname}"), Config())
            for doc_id, fname, pub in ARTICLES]


def run_demo(keep: str | None = None) -> int:
    """Ingest the bundled articles into a store and print the graph readably."""
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    from ..api import Engine
    from ..query import quotes, timeline
    from ..render import quotes_table, timeline_table
    from ..store import Store

    # piped or captured output gets a readable width instead of rich's 80-column default
    con = Console(width=None if sys.stdout.isatty() else 140)
    engine = Engine()
    with tempfile.TemporaryDirectory() as tmp:
        db = keep or str(Path(tmp) / "demo.db")
        with Store(db) as store:
            for outcome in store.add_all(engine.run(documents())):
                con.print(f"stored {escape(outcome.doc_id)}: {outcome.status}")
            people = [e for e in store.export() if e["type"] == "PERSON"]
            t = Table("id", "person", "aliases", "mentions", "articles", title="People")
            for e in people:
                t.add_row(e["id"], escape(e["name"]), escape(", ".join(e["aliases"])),
                          str(len(e["mentions"])), str(len({m["doc"] for m in e["mentions"]})))
            con.print(t)
            quotes_table(con, quotes(store), "Quotes")
            for e in people:
                tl = timeline(store, e["id"])
                timeline_table(con, tl["timeline"], f"Timeline: {escape(tl['name'])}")
        if keep:
            con.print(f"store kept at {escape(keep)}")
    return 0
