"""Shared helpers for benchmark scripts: where ../shared is, and how results are written.

Every benchmark prints its figures and writes ``benchmarks/out/<name>.json`` as
``{"benchmark": name, "figures": {metric: number}, "meta": {...}}``; ``eval_gate.py`` reads those.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out"


def shared_dir() -> Path:
    env = os.environ.get("NEWSGRAPH_SHARED")
    path = Path(env) if env else ROOT.parent / "shared"
    if not path.is_dir():
        sys.exit(f"../shared not found at {path}; set NEWSGRAPH_SHARED")
    return path


def data_dir(name: str) -> Path:
    return shared_dir() / "data" / name


def news_rows(limit: int = 0) -> list[dict[str, Any]]:
    """The raw news corpus (news_corpus/articles.jsonl), one dict per article; the first
    ``limit`` only when given."""
    path = data_dir("news_corpus") / "articles.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]
    return rows[:limit] if limit else rows


def write_results(name: str, figures: dict[str, float], meta: dict[str, Any] | None = None) -> Path:
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"{name}.json"
    payload = {"benchmark": name, "figures": figures, "meta": meta or {},
               "time": time.strftime("%Y-%m-%dT%H:%M:%S")}
    path.write_text(json.dumps(payload, indent=2, sort_keys=True) + "\n")
    return path


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f
