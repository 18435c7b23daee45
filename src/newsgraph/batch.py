"""Batch extraction over many articles, on one machine or a Ray cluster (Ray Data).

Ingest (reading, decoding, rejecting) runs in the driver because it is cheap and its rejections
must be reported in order; the model-bound stages run in workers that each build one Engine and
keep it for every batch they get. The output is the contract's JSON Lines, in input order.
Ray is optional (``pip install newsgraph[batch]``) and imported only here.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Iterator
from typing import IO, Any

from .config import Config
from .document import Document
from .serialize import document_json
from .stages.ingest import read_paths

log = logging.getLogger(__name__)

_FIELDS = ("id", "text", "published", "title", "url", "source", "origin")


def _to_row(doc: Document) -> dict[str, Any]:
    return {f: getattr(doc, f) for f in _FIELDS}


class _Extractor:
    """A Ray Data actor: one Engine per worker process, reused for every batch."""

    def __init__(self, config: Config | None = None) -> None:
        from .api import Engine

        self.engine = Engine(config)

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[str]]:
        n = len(batch["id"])
        docs = [Document(**{f: _scalar(batch[f][i]) for f in _FIELDS}) for i in range(n)]
        return {"json": [json.dumps(document_json(d), ensure_ascii=False)
                         for d in self.engine.run(docs)]}


def _scalar(v: Any) -> Any:
    # Ray hands numpy/arrow scalars back; the records want plain str or None
    if v is None:
        return None
    if hasattr(v, "item"):
        v = v.item()
    return None if v != v else v  # NaN from pandas-backed batches


def _ray_lines(rows: list[dict[str, Any]], config: Config, workers: int,
               batch_size: int) -> Iterator[str]:
    import ray

    if not ray.is_initialized():
        ray.init(num_cpus=workers, include_dashboard=False, log_to_driver=False,
                 ignore_reinit_error=True)
    ctx = ray.data.DataContext.get_current()
    ctx.execution_options.preserve_order = True
    ds = ray.data.from_items(rows)
    out = ds.map_batches(_Extractor, fn_constructor_kwargs={"config": config},
                         batch_size=batch_size, concurrency=workers, batch_format="numpy")
    for row in out.iter_rows():
        yield str(row["json"])


def _local_lines(rows: list[dict[str, Any]], config: Config) -> Iterator[str]:
    from .api import Engine

    engine = Engine(config)
    docs = (Document(**row) for row in rows)
    for doc in engine.run(docs):
        yield json.dumps(document_json(doc), ensure_ascii=False)


def extract_batch(paths: Iterable[str], out: IO[str], *, config: Config | None = None,
                  published: str | None = None, use_ray: bool = False, workers: int = 2,
                  batch_size: int = 16) -> dict[str, int]:
    """Extract every article under ``paths`` to ``out`` (JSON Lines); return counts."""
    config = config or Config()
    rejected_lines: dict[int, str] = {}
    rows: list[dict[str, Any]] = []
    order: list[int] = []
    for i, doc in enumerate(read_paths(paths, config, published=published)):
        if doc.rejected is not None:
            rejected_lines[i] = json.dumps(document_json(doc), ensure_ascii=False)
        else:
            rows.append(_to_row(doc))
            order.append(i)
    lines = _ray_lines(rows, config, workers, batch_size) if use_ray and rows \
        else _local_lines(rows, config)
    # merge worker output back with ingest rejections, in input order
    pending = iter(zip(order, lines))
    total = len(rows) + len(rejected_lines)
    nxt = next(pending, None)
    counts = {"processed": 0, "rejected": 0}
    for i in range(total):
        if i in rejected_lines:
            out.write(rejected_lines[i] + "\n")
            counts["rejected"] += 1
            continue
        assert nxt is not None and nxt[0] == i
        out.write(nxt[1] + "\n")
        counts["rejected" if json.loads(nxt[1])["rejected"] else "processed"] += 1
        nxt = next(pending, None)
    return counts
