"""Readable tables for the CLI and the demo (rich), one renderer per kind of answer.

Article text is escaped before it reaches rich, so markup in an article prints as text.
"""

from __future__ import annotations

from typing import Any


def esc(s: str) -> str:
    from rich.markup import escape

    return escape(s)


def quotes_table(con: Any, rows: list[dict[str, Any]], title: str) -> None:
    from rich.table import Table

    if not rows:
        return
    t = Table("date", "speaker", "to", "cue", "quote", "article", title=title)
    for q in rows:
        t.add_row(q["published"] or "", esc((q["speaker"] or {}).get("name", "?")),
                  esc((q["addressee"] or {}).get("name", "")), esc(q["cue"] or ""),
                  esc(q["text"]), esc(q["doc"]))
    con.print(t)


def timeline_table(con: Any, items: list[dict[str, Any]], title: str) -> None:
    from rich.table import Table

    if not items:
        return
    t = Table("date", "what", "article", "sentence", title=title)
    for i in sorted(items, key=lambda x: x["date"] or x["evidence"]["published"] or ""):
        what = i["type"] if i["kind"] == "event" else f"status: {i['type']}"
        if i.get("negated"):
            what += " (negated)"
        t.add_row((i["date"] or "?") + (f" {i['mod']}" if i.get("mod") else ""), what,
                  esc(i["evidence"]["doc"]), esc(i["evidence"]["sentence"]))
    con.print(t)


def latest_status(con: Any, s: dict[str, Any] | None) -> None:
    if not s:
        return
    con.print(f"latest status: [bold]{s['status']}[/bold] since {s['since'] or '?'} "
              f"(as of {s['as_of'] or '?'}, {esc(s['source'])})")
    for c in s["contradictions"]:
        con.print(f"[red]contradiction[/red]: {esc(c['why'])}")
