"""Stores filled with small fictional articles, and who in them is called what."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from newsgraph.document import Document
from newsgraph.store import Store, norm_name

Article = tuple[str, str, str]  # (id, published, text)


def stored(engine, path: Path, articles: Sequence[Article]) -> Store:
    """A store at ``path`` holding ``articles``, every one of them added (not rejected)."""
    s = Store(path)
    docs = [Document(id=i, text=t, published=p) for i, p, t in articles]
    for outcome in s.add_all(engine.run(docs)):
        assert outcome.status == "added", outcome
    return s


def owners(store: Store, alias: str) -> dict[str, set[str]]:
    """Stored person id -> the articles of that person, for the people called ``alias``."""
    out: dict[str, set[str]] = {}
    for e in store.export():
        if e["type"] == "PERSON" and norm_name(alias) in {norm_name(a) for a in e["aliases"]}:
            out[e["id"]] = {m["doc"] for m in e["mentions"]}
    return out
