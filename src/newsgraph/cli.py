"""The ``newsgraph`` command: a thin layer over the library API.

Each command parses its options, calls one library function and renders the result (JSON lines or
readable tables). Errors from the library come out as one clean line with their code.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Callable, Sequence
from typing import Any

from . import __version__
from .config import DEFAULT_MAX_BYTES, Config
from .errors import NewsgraphError
from .render import esc, latest_status, quotes_table, timeline_table

EXAMPLES = {
    "extract": "newsgraph extract article.txt --published 2025-04-17\n"
               "  cat feed.jsonl | newsgraph extract - --format jsonl",
    "ingest": "newsgraph ingest articles/ feed.jsonl --db news.db",
    "export": "newsgraph export --db news.db > entities.jsonl",
    "show": "newsgraph show 'Konstantin Belousov' --db news.db",
    "quotes": "newsgraph quotes --speaker Marchetti --db news.db --json",
    "timeline": "newsgraph timeline Belousov --db news.db",
    "match-names": "printf 'Kostya Bilousov\\tKonstantin Belousov\\n' | newsgraph match-names",
    "split": "newsgraph split E12 --doc article-2 --db news.db",
    "demo": "newsgraph demo",
    "batch": "newsgraph batch corpus/ --out graph.jsonl --ray --workers 2",
    "rejections": "newsgraph rejections --db news.db",
}


def _config(args: argparse.Namespace) -> Config:
    return Config(max_bytes=getattr(args, "max_bytes", DEFAULT_MAX_BYTES),
                  check_language=not getattr(args, "no_language_check", False),
                  default_published=getattr(args, "published", None),
                  pronouns=getattr(args, "pronouns", "auto"))


def _engine(args: argparse.Namespace) -> Any:
    from .api import Engine

    return Engine(_config(args))


def cmd_extract(args: argparse.Namespace) -> int:
    from .serialize import document_json

    engine = _engine(args)
    out = sys.stdout
    for doc in engine.extract_paths(args.paths, published=args.published):
        out.write(json.dumps(document_json(doc), ensure_ascii=False) + "\n")
        out.flush()
    return 0


def cmd_ingest(args: argparse.Namespace) -> int:
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    from .stages.ingest import read_paths
    from .store import Store

    engine = _engine(args)
    err = Console(stderr=True)
    counts: dict[str, int] = {}
    with Store(args.db) as store:
        inputs = list(read_paths(args.paths, engine.config, published=args.published))
        with Progress(TextColumn("[bold]ingest"), BarColumn(), TextColumn("{task.completed}/{task.total}"),
                      TimeElapsedColumn(), console=err, disable=args.quiet or not err.is_terminal) as bar:
            task = bar.add_task("ingest", total=len(inputs))
            for outcome in store.ingest(engine, inputs):
                counts[outcome.status] = counts.get(outcome.status, 0) + 1
                if outcome.status == "rejected" and not args.quiet:
                    err.print(f"rejected {outcome.doc_id}: {outcome.reason}", markup=False,
                              highlight=False)
                bar.advance(task)
    summary = ", ".join(f"{n} {k}" for k, n in sorted(counts.items())) or "nothing to ingest"
    if args.json:
        print(json.dumps(counts))
    elif not args.quiet:
        err.print(summary, markup=False, highlight=False)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from .store import Store

    with Store(args.db) as store:
        for obj in store.export():
            sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")
    return 0


def _render_show(data: dict[str, Any]) -> None:
    from rich.console import Console
    from rich.table import Table

    con = Console()
    con.print(f"[bold]{esc(data['name'])}[/bold] ({data['type']}, {data['id']})")
    t = Table("alias", "articles", title="Aliases")
    for a in data["aliases"]:
        t.add_row(esc(a["alias"]), esc(", ".join(a["docs"])))
    con.print(t)
    if data["attributes"]:
        t = Table("attribute", "value", "article", title="Attributes")
        for key, vals in data["attributes"].items():
            for v in vals:
                t.add_row(key, esc(str(v["value"])), esc(v["doc"]))
        con.print(t)
    if data["relations"]:
        t = Table("subject", "relation", "object", "article", "evidence", title="Relations")
        for r in data["relations"]:
            obj = r["object"]["name"] if isinstance(r["object"], dict) else str(r["object"])
            t.add_row(esc((r["subject"] or {}).get("name", "?")), r["predicate"], esc(obj),
                      esc(r["evidence"]["doc"]), esc(r["evidence"]["sentence"]))
        con.print(t)
    timeline_table(con, data["events"] + data["statuses"], "Events and statuses")
    latest_status(con, data["latest_status"])
    if data["claims"]:
        t = Table("stated", "computed", "verdict", "article", "why", title="Numbers checked")
        for c in data["claims"]:
            t.add_row(esc(c["stated"]), esc(c["computed"] or ""), c["verdict"],
                      esc(c["evidence"]["doc"]), esc(c["explanation"] or ""))
        con.print(t)
    if data["claims_across_articles"]:
        t = Table("quantity", "relation", "why", title="Across articles")
        for c in data["claims_across_articles"]:
            t.add_row(c["kind"], c["relation"], esc(c["why"]))
        con.print(t)
    quotes_table(con, data["quotes_said"], "Quotes said")
    quotes_table(con, data["quotes_addressed"], "Quotes addressed to them")


def cmd_show(args: argparse.Namespace) -> int:
    from .query import show
    from .store import Store

    with Store(args.db) as store:
        data = show(store, args.name, include_all=args.all)
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        _render_show(data)
    return 0


def cmd_quotes(args: argparse.Namespace) -> int:
    from rich.console import Console

    from .query import quotes
    from .store import Store

    with Store(args.db) as store:
        rows = quotes(store, speaker=args.speaker, addressee=args.addressee, words=args.words,
                      limit=args.limit)
    if args.json:
        for r in rows:
            print(json.dumps(r, ensure_ascii=False))
    else:
        quotes_table(Console(), rows, "Quotes")
    return 0


def cmd_timeline(args: argparse.Namespace) -> int:
    from rich.console import Console

    from .query import timeline
    from .store import Store

    with Store(args.db) as store:
        data = timeline(store, args.name, include_all=args.all)
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        con = Console()
        con.print(f"[bold]{esc(data['name'])}[/bold] ({data['id']})")
        timeline_table(con, data["timeline"], "Timeline")
        latest_status(con, data["latest_status"])
    return 0


def cmd_match_names(args: argparse.Namespace) -> int:
    from . import names

    for line in names.match_lines(sys.stdin):
        sys.stdout.write(line + "\n")
    return 0


def cmd_split(args: argparse.Namespace) -> int:
    from .store import Store

    entity = args.entity[1:] if args.entity.upper().startswith("E") else args.entity
    with Store(args.db) as store:
        new_id = store.split(int(entity), args.doc)
    print(f"E{new_id}")
    return 0


def cmd_rejections(args: argparse.Namespace) -> int:
    from .store import Store

    with Store(args.db) as store:
        for r in store.rejections():
            print(json.dumps(dict(r), ensure_ascii=False))
    return 0


def cmd_batch(args: argparse.Namespace) -> int:
    from .batch import extract_batch

    config = _config(args)
    if args.out == "-":
        counts = extract_batch(args.paths, sys.stdout, config=config, published=args.published,
                               use_ray=args.ray, workers=args.workers)
    else:
        with open(args.out, "w", encoding="utf-8") as fh:
            counts = extract_batch(args.paths, fh, config=config, published=args.published,
                                   use_ray=args.ray, workers=args.workers)
    print(json.dumps(counts), file=sys.stderr)
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from .demo import run_demo

    return run_demo(keep=args.db)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="newsgraph", description=__doc__.splitlines()[0] if __doc__ else None)
    p.add_argument("--version", action="version", version=f"newsgraph {__version__}")
    p.add_argument("-v", "--verbose", action="store_true", help="log progress to stderr")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(name: str, func: Callable[[argparse.Namespace], int], help: str) -> argparse.ArgumentParser:
        sp = sub.add_parser(name, help=help, description=help,
                            epilog="Example:\n  " + EXAMPLES[name],
                            formatter_class=argparse.RawDescriptionHelpFormatter)
        sp.set_defaults(func=func)
        return sp

    def input_opts(sp: argparse.ArgumentParser) -> None:
        sp.add_argument("paths", nargs="+", metavar="PATH",
                        help=".txt, .html, .jsonl files, folders of them, or - for standard input")
        sp.add_argument("--published", metavar="YYYY-MM-DD",
                        help="publication date for inputs that carry none")
        sp.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES,
                        help=f"reject documents larger than this (default {DEFAULT_MAX_BYTES})")
        sp.add_argument("--no-language-check", action="store_true",
                        help="do not reject documents that do not look like English")
        sp.add_argument("--pronouns", choices=["auto", "rules", "model"], default="auto",
                        help="who resolves pronouns: the learned model of the coref extra when "
                             "installed (auto, the default), always (model) or the rules")

    sp = add("extract", cmd_extract, "Extract the graph of each article as contract JSON lines.")
    input_opts(sp)
    sp.add_argument("--format", choices=["jsonl"], default="jsonl")

    sp = add("ingest", cmd_ingest, "Extract articles and store them (idempotent).")
    input_opts(sp)
    sp.add_argument("--db", required=True, metavar="FILE")
    sp.add_argument("--json", action="store_true", help="print outcome counts as JSON")
    sp.add_argument("-q", "--quiet", action="store_true")

    sp = add("export", cmd_export, "Print one JSON line per cross-document entity.")
    sp.add_argument("--db", required=True, metavar="FILE")

    sp = add("show", cmd_show, "Everything known about one person or entity.")
    sp.add_argument("name")
    sp.add_argument("--all", action="store_true", help="also list speech and untyped events")
    sp.add_argument("--db", required=True, metavar="FILE")
    sp.add_argument("--json", action="store_true")

    sp = add("quotes", cmd_quotes, "Quotes, optionally by speaker, addressee or words.")
    sp.add_argument("--speaker")
    sp.add_argument("--addressee")
    sp.add_argument("--words")
    sp.add_argument("--limit", type=int, default=1000)
    sp.add_argument("--db", required=True, metavar="FILE")
    sp.add_argument("--json", action="store_true")

    sp = add("timeline", cmd_timeline, "Events and statuses of one entity in date order.")
    sp.add_argument("name")
    sp.add_argument("--all", action="store_true", help="also list speech and untyped events")
    sp.add_argument("--db", required=True, metavar="FILE")
    sp.add_argument("--json", action="store_true")

    add("match-names", cmd_match_names,
        "Read NAME_A<TAB>NAME_B lines; write NAME_A<TAB>NAME_B<TAB>SCORE<TAB>SAME.")

    sp = add("split", cmd_split, "Undo a cross-document merge for one article.")
    sp.add_argument("entity", metavar="ENTITY", help="cross-document entity id, e.g. E12")
    sp.add_argument("--doc", required=True, help="the article whose entity is split out")
    sp.add_argument("--db", required=True, metavar="FILE")

    sp = add("rejections", cmd_rejections, "List documents the store rejected, with reasons.")
    sp.add_argument("--db", required=True, metavar="FILE")

    sp = add("batch", cmd_batch, "Extract many articles to JSON Lines, optionally on Ray (extra 'batch').")
    input_opts(sp)
    sp.add_argument("--out", required=True, metavar="FILE", help="output JSON Lines file, or -")
    sp.add_argument("--ray", action="store_true", help="run the stages on Ray Data workers")
    sp.add_argument("--workers", type=int, default=2)

    sp = add("demo", cmd_demo, "Run the pipeline on the bundled example and print the graph.")
    sp.add_argument("--db", metavar="FILE", help="keep the demo store here instead of a temp file")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    try:
        return int(args.func(args))
    except NewsgraphError as exc:
        print(f"newsgraph: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
